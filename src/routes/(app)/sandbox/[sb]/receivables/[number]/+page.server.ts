import { error } from '@sveltejs/kit';
import { invoiceView } from '$lib/domain/views/receivables';
import { openWorkstation, perform } from '$lib/server/workstation/route';
import { actorFor, sandboxes } from '$lib/server/workstation/service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { state, user } = await openWorkstation(event);
	const invoice = invoiceView(state, event.params.number);
	if (!invoice) error(404, `No invoice ${event.params.number.slice(0, 30)} in this sandbox. Check the number (like INV-000123).`);
	// Offer the referral only when the clerk system would take it; otherwise say when it could.
	const referral =
		invoice.status === 'open' && invoice.balance.isPositive()
			? sandboxes().engine.decide(state, { type: 'ar.refer-to-collections', invoiceNo: invoice.number }, { actor: actorFor(user), at: new Date().toISOString() })
			: null;
	return {
		invoice,
		canRefer: referral?.ok ?? false,
		referralNote: referral && !referral.ok ? referral.rejection.message : null,
		asOf: state.businessDate
	};
};

export const actions: Actions = {
	refer: async (event) => {
		const form = await event.request.formData();
		const r = await perform(event, 'collections', form, { type: 'ar.refer-to-collections', invoiceNo: event.params.number }, `${event.params.number.toUpperCase()} is referred to collections.`);
		return r.ok ? r.result : r.failure;
	}
};
