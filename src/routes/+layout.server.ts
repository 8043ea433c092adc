import { areasFor } from '$lib/access';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => ({
	user: locals.user,
	areas: locals.user ? areasFor(locals.user.roles) : []
});
