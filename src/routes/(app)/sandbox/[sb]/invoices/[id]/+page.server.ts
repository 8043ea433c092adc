import { error } from '@sveltejs/kit';
import { DEFECTS } from '$lib/domain/payables';
import { invoiceScreen } from '$lib/domain/views/payables';
import { field, fields } from '$lib/forms';
import { openWorkstation, perform } from '$lib/server/workstation/route';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { state, user } = await openWorkstation(event);
	const screen = invoiceScreen(state, event.params.id);
	if (!screen) error(404, `No vendor invoice ${event.params.id} in this sandbox.`);
	const decision = screen.invoice.decision;
	const nextPending = Object.values(state.payables.invoices)
		.filter((i) => i.status === 'pending' && i.id !== screen.invoice.id)
		.map((i) => i.id)
		.sort()[0];
	return {
		screen,
		decidedBy: decision ? (decision.by === user.id ? user.displayName : decision.by) : null,
		defects: DEFECTS,
		nextPending: nextPending ?? null
	};
};

export const actions: Actions = {
	approve: async (event) => {
		const form = await event.request.formData();
		const invoiceId = event.params.id;
		const r = await perform(event, 'decide', form, { type: 'ap.approve', invoiceId }, `${invoiceId} is approved for payment.`);
		return r.ok ? r.result : r.failure;
	},
	return: async (event) => {
		const form = await event.request.formData();
		const invoiceId = event.params.id;
		const command = { type: 'ap.return', invoiceId, reasons: fields(form, 'reasons'), note: field(form, 'note') };
		const r = await perform(event, 'return', form, command, `${invoiceId} is returned to the department with your reasons.`);
		return r.ok ? r.result : r.failure;
	}
};
