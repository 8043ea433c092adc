import { redirect } from '@sveltejs/kit';
import { CARD_BRANDS } from '$lib/domain/cashiering/tenders';
import { formObject } from '$lib/forms';
import { openWorkstation, perform } from '$lib/server/workstation/route';
import { PAYMENT_KINDS } from '$lib/workstation';
import type { Actions, PageServerLoad } from './$types';

const text = (url: URL, name: string, max = 60) => (url.searchParams.get(name) ?? '').slice(0, max);

export const load: PageServerLoad = async (event) => {
	await openWorkstation(event);
	const { url } = event;
	// A screen elsewhere (an account, a permit, a mail item) can send the clerk here with the first line filled in.
	const kind = text(url, 'kind');
	return {
		prefill: {
			kind: PAYMENT_KINDS.some((k) => k.kind === kind) ? kind : 'utility',
			ref: text(url, 'ref'),
			amount: text(url, 'amount', 20),
			postmark: text(url, 'postmark', 10),
			tender: (['check', 'money-order', 'card'] as const).find((t) => t === text(url, 'tender', 20)) ?? 'cash',
			// A mail enclosure's number: a check number, or a money order's.
			checkNumber: text(url, 'checkNumber', 30),
			bank: text(url, 'bank', 80)
		},
		brands: [...CARD_BRANDS]
	};
};

export const actions: Actions = {
	take: async (event) => {
		const form = await event.request.formData();
		// Pre-selected choices (kind, tender type, card channel) alone do not make a row worth sending.
		const input = formObject(form, ['kind', 'type', 'channel']);
		const command = { type: 'cash.take-payment', lines: input.lines ?? [], tenders: input.tenders ?? [], ...(input.postmark ? { postmark: input.postmark } : {}) };
		const r = await perform(event, 'pay', form, command, 'Payment taken.');
		if (!r.ok) return r.failure;
		const receiptNo = r.events.find((e) => e.type === 'cash.payment-taken')?.receiptNo as string;
		redirect(303, `/sandbox/${event.params.sb}/receipts/${receiptNo}?new=1`);
	}
};
