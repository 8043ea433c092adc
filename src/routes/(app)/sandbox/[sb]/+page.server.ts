import { fail, redirect } from '@sveltejs/kit';
import { addDays } from '$lib/domain/dates';
import { field } from '$lib/forms';
import { openWorkstation, perform } from '$lib/server/workstation/route';
import { resetPractice } from '$lib/server/workstation/service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { state, user } = await openWorkstation(event);
	const mail = Object.values(state.mail.items);
	return {
		counts: {
			unstampedMail: mail.filter((m) => !m.stampedOn).length,
			unroutedMail: mail.filter((m) => m.stampedOn && !m.routedTo).length,
			vendorInvoicesPending: Object.values(state.payables.invoices).filter((i) => i.status === 'pending').length,
			licensesInReview: Object.values(state.licenses.licenses).filter((l) => l.status === 'in-review' || l.status === 'applied').length,
			permitsUnpaid: Object.values(state.permits.permits).filter((p) => p.status === 'issued').length,
			myReceiptsToday: Object.values(state.cashiering.receipts).filter((r) => r.clerkId === user.id && r.date === state.businessDate).length
		},
		nextBillDate: nextBillDate(state.businessDate)
	};
};

/** Bills run on the 5th of each month (POLICY §1). */
function nextBillDate(today: string): string {
	const [y, m, d] = today.split('-').map(Number) as [number, number, number];
	if (d < 5) return `${today.slice(0, 7)}-05`;
	const year = m === 12 ? y + 1 : y;
	const month = m === 12 ? 1 : m + 1;
	return `${year}-${String(month).padStart(2, '0')}-05`;
}

export const actions: Actions = {
	/** Practice mode: one business day forward (the day's bills, penalties and plan checks run). */
	nextDay: async (event) => {
		const form = await event.request.formData();
		const r = await perform(event, 'clock', form, { type: 'clock.next-day' }, 'The business date moved to the next day.');
		return r.ok ? r.result : r.failure;
	},
	/** Practice mode: day by day up to the next bill date, so every day's work runs in order. */
	toBillDate: async (event) => {
		const form = await event.request.formData();
		const { state } = await openWorkstation(event);
		const target = nextBillDate(state.businessDate);
		for (let date = state.businessDate; date < target; date = addDays(date, 1)) {
			const r = await perform(event, 'clock', form, { type: 'clock.next-day' }, '');
			if (!r.ok) return r.failure;
		}
		return { form: 'clock', done: `The business date moved to the bill date, ${target}.` };
	},
	reset: async (event) => {
		const form = await event.request.formData();
		const { meta, user } = await openWorkstation(event);
		if (meta.kind !== 'practice') return fail(400, { form: 'reset', error: 'Only a practice sandbox can be reset.', values: {} });
		if (field(form, 'confirm') !== 'yes')
			return fail(400, { form: 'reset', error: 'Tick “Yes, throw away my practice work” to confirm the reset.', field: 'confirm', values: {} });
		const fresh = await resetPractice(user, new Date());
		redirect(303, `/sandbox/${fresh.id}`);
	}
};
