import { error } from '@sveltejs/kit';
import { describeTender } from '$lib/domain/cashiering/tenders';
import { field } from '$lib/forms';
import { openWorkstation, perform } from '$lib/server/workstation/route';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { state } = await openWorkstation(event);
	const receipt = Object.hasOwn(state.cashiering.receipts, event.params.no) ? state.cashiering.receipts[event.params.no] : undefined;
	if (!receipt) error(404, `There is no receipt ${event.params.no} in this sandbox.`);
	const drawer = state.cashiering.drawers[receipt.drawerId];
	return {
		receipt: {
			receiptNo: receipt.receiptNo,
			date: receipt.date,
			at: receipt.at,
			drawerId: receipt.drawerId,
			clerkName: receipt.clerkName,
			postmark: receipt.postmark ?? null,
			lines: receipt.lines.map((l) => ({ label: l.label, amount: l.amount })),
			tenders: receipt.tenders.map((t) => ({ text: describeTender(t), amount: t.amount })),
			total: receipt.total,
			tendered: receipt.tendered,
			change: receipt.change,
			status: receipt.status,
			void: receipt.void ? { date: receipt.void.date, reason: receipt.void.reason, approvedBy: receipt.void.approvedBy } : null
		},
		canVoid: receipt.status === 'valid' && receipt.date === state.businessDate && drawer?.status === 'open',
		isNew: event.url.searchParams.has('new')
	};
};

export const actions: Actions = {
	void: async (event) => {
		const form = await event.request.formData();
		const r = await perform(
			event,
			'void',
			form,
			{ type: 'cash.void-receipt', receiptNo: event.params.no, reason: field(form, 'reason'), customerCopyReturned: field(form, 'customerCopyReturned') === 'true' },
			`Receipt ${event.params.no} is void.`
		);
		return r.ok ? r.result : r.failure;
	}
};
