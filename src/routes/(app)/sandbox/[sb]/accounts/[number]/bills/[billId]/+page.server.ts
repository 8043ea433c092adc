import { error } from '@sveltejs/kit';
import { billStatement } from '$lib/domain/views/utility';
import { openWorkstation } from '$lib/server/workstation/route';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { state } = await openWorkstation(event);
	const { number, billId } = event.params;
	if (!Object.hasOwn(state.utility.accounts, number)) error(404, `No account ${number.slice(0, 40)} in this sandbox.`);
	const bill = billStatement(state, number, billId);
	if (!bill) error(404, `Account ${number} has no bill ${billId.slice(0, 40)}.`);
	return { bill };
};
