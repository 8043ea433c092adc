import { error } from '@sveltejs/kit';
import { permitView } from '$lib/domain/views/permits';
import { openWorkstation } from '$lib/server/workstation/route';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { state } = await openWorkstation(event);
	const permit = permitView(state, event.params.number);
	if (!permit) error(404, `No permit ${event.params.number.slice(0, 30)} in this sandbox. Check the number on the permit card (like BP-2026-0142).`);
	return { permit };
};
