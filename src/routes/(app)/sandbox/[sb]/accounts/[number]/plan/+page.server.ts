import { error, redirect } from '@sveltejs/kit';
import { own } from '$lib/domain/input';
import { pastDue, daysDelinquent } from '$lib/domain/utility';
import { planPreview } from '$lib/domain/views/utility';
import { field } from '$lib/forms';
import { openWorkstation, perform } from '$lib/server/workstation/route';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { state } = await openWorkstation(event);
	const number = event.params.number;
	const a = own(state.utility.accounts, number);
	if (!a) error(404, `No account ${number.slice(0, 40)} in this sandbox.`);
	const months = (event.url.searchParams.get('months') ?? '').slice(0, 12);
	return {
		account: { number: a.number, status: a.status, name: own(state.utility.customers, a.customerId)?.name ?? '' },
		pastDue: pastDue(state, number, state.businessDate),
		daysDelinquent: daysDelinquent(state, number, state.businessDate),
		months,
		preview: event.url.searchParams.has('months') ? planPreview(state, number, months) : null
	};
};

export const actions: Actions = {
	sign: async (event) => {
		const form = await event.request.formData();
		const r = await perform(event, 'sign', form, { type: 'utility.create-plan', account: event.params.number, months: field(form, 'months') }, '');
		if (!r.ok) return r.failure;
		redirect(303, `/sandbox/${event.params.sb}/accounts/${event.params.number}?done=plan#plan-h`);
	}
};
