import { error } from '@sveltejs/kit';
import { AREAS, forbiddenMessage } from '$lib/access';
import type { PageServerLoad } from './$types';

/** Rendered by the access guard in hooks.server.ts for a page in an area the user's roles do not open. */
export const load: PageServerLoad = ({ url }) => {
	const area = AREAS.find((a) => a.path === url.searchParams.get('area'));
	if (!area) error(403, { message: 'You do not have access to that page.' });
	error(403, { message: forbiddenMessage(area), requiredRoles: [...area.roles] });
};
