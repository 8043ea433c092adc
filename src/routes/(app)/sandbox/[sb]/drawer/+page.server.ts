import { redirect } from '@sveltejs/kit';
import { DENOMINATIONS, STANDARD_FLOAT } from '$lib/domain/cashiering/denominations';
import { openDrawerOf } from '$lib/domain/cashiering/slice';
import { field } from '$lib/forms';
import { openWorkstation, perform } from '$lib/server/workstation/route';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { state, user } = await openWorkstation(event);
	const drawer = openDrawerOf(state, user.id);
	const receipts = (drawer?.receiptNos ?? []).map((no) => state.cashiering.receipts[no]!).map((r) => ({ receiptNo: r.receiptNo, at: r.at, total: r.total, status: r.status, lines: r.lines.map((l) => l.label).join('; ') }));
	const closed = Object.values(state.cashiering.drawers)
		.filter((d) => d.clerkId === user.id && d.status === 'closed')
		.slice(-10)
		.reverse()
		.map((d) => ({ id: d.id, date: d.date, difference: d.closeOut!.difference, approvedBy: d.closeOut!.approvedBy ?? null }));
	const pendingClose = drawer ? Object.values(state.approvals).some((a) => a.status === 'pending' && a.kind === 'over-short' && a.payload.drawerId === drawer.id) : false;
	return {
		open: drawer ? { id: drawer.id, date: drawer.date, openedAt: drawer.openedAt, float: drawer.float, stale: drawer.date !== state.businessDate } : null,
		receipts,
		closed,
		pendingClose,
		denominations: DENOMINATIONS.map((d) => ({ key: d.key, label: d.label, float: STANDARD_FLOAT[d.key] }))
	};
};

/** The count grid: one text input per denomination, named count-<key> (keys contain dots). */
function counts(form: FormData): Record<string, string> {
	return Object.fromEntries(DENOMINATIONS.map((d) => [d.key, field(form, `count-${d.key}`)]));
}

export const actions: Actions = {
	open: async (event) => {
		const form = await event.request.formData();
		const r = await perform(event, 'open', form, { type: 'cash.open-drawer', counts: counts(form) }, 'Drawer open. You can take payments now.');
		return r.ok ? r.result : r.failure;
	},
	close: async (event) => {
		const form = await event.request.formData();
		const command = {
			type: 'cash.close-drawer',
			drawerId: field(form, 'drawerId'),
			counts: counts(form),
			checks: { count: field(form, 'checks.count'), total: field(form, 'checks.total') },
			// Money orders are rare: both boxes left blank means there are none.
			...(field(form, 'moneyOrders.count') || field(form, 'moneyOrders.total') ? { moneyOrders: { count: field(form, 'moneyOrders.count'), total: field(form, 'moneyOrders.total') } } : {}),
			cardBatchTotal: field(form, 'cardBatchTotal'),
			note: field(form, 'note'),
			explanation: field(form, 'explanation')
		};
		const r = await perform(event, 'close', form, command, 'Drawer closed out.');
		if (!r.ok) return r.failure;
		redirect(303, `/sandbox/${event.params.sb}/drawer/${command.drawerId}`);
	}
};
