import { redirect } from '@sveltejs/kit';
import { formatUSD } from '$lib/money';
import { own } from '$lib/domain/input';
import { DEPOSIT } from '$lib/domain/utility';
import { LOCATION_FIELDS, locationChoices } from '$lib/domain/views/utility';
import { field } from '$lib/forms';
import { openWorkstation, perform } from '$lib/server/workstation/route';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { state } = await openWorkstation(event);
	const c = own(state.utility.customers, event.url.searchParams.get('customer') ?? '');
	return {
		customer: c ? { ...c } : null,
		choices: locationChoices(),
		today: state.businessDate,
		deposit: formatUSD(DEPOSIT)
	};
};

export const actions: Actions = {
	start: async (event) => {
		const form = await event.request.formData();
		const command = {
			type: 'utility.start-service',
			customerId: field(form, 'customerId'),
			name: field(form, 'name'),
			phone: field(form, 'phone'),
			mailingAddress: field(form, 'mailingAddress'),
			// An unticked box is a "no": the clerk system then says the ID must be checked.
			photoIdChecked: field(form, 'photoIdChecked') === 'true' ? 'true' : 'false',
			...Object.fromEntries(LOCATION_FIELDS.map((n) => [n, field(form, n)]))
		};
		const r = await perform(event, 'start', form, command, '');
		if (!r.ok) return r.failure;
		const opened = r.events.find((e) => e.type === 'utility.account-opened')?.account as { number: string };
		redirect(303, `/sandbox/${event.params.sb}/accounts/${opened.number}?done=started`);
	}
};
