import { invoiceTray } from '$lib/domain/views/payables';
import { openWorkstation } from '$lib/server/workstation/route';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { state } = await openWorkstation(event);
	return invoiceTray(state);
};
