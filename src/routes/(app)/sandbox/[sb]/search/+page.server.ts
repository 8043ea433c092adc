import { search } from '$lib/domain/search';
import { openWorkstation } from '$lib/server/workstation/route';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { state } = await openWorkstation(event);
	const q = (event.url.searchParams.get('q') ?? '').slice(0, 100);
	return { q, hits: search(state, q, 50) };
};
