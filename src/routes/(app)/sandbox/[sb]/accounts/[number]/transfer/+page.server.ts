import { error, redirect } from '@sveltejs/kit';
import { formatUSD } from '$lib/money';
import { own } from '$lib/domain/input';
import { DEPOSIT } from '$lib/domain/utility';
import { LOCATION_FIELDS, locationChoices } from '$lib/domain/views/utility';
import { field } from '$lib/forms';
import { openWorkstation, perform } from '$lib/server/workstation/route';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { state } = await openWorkstation(event);
	const number = event.params.number;
	const a = own(state.utility.accounts, number);
	if (!a) error(404, `No account ${number.slice(0, 40)} in this sandbox.`);
	const c = own(state.utility.customers, a.customerId);
	const reads = own(state.utility.reads, number) ?? [];
	return {
		account: { number: a.number, status: a.status, serviceAddress: a.serviceAddress, occupancy: a.occupancy },
		customer: { name: c?.name ?? '', mailingAddress: c?.mailingAddress ?? '' },
		lastRead: reads.at(-1) ?? null,
		choices: locationChoices(),
		today: state.businessDate,
		deposit: formatUSD(DEPOSIT)
	};
};

export const actions: Actions = {
	transfer: async (event) => {
		const form = await event.request.formData();
		const command = {
			type: 'utility.transfer-service',
			account: event.params.number,
			stopDate: field(form, 'stopDate'),
			reading: field(form, 'reading'),
			readDate: field(form, 'readDate'),
			mailingAddress: field(form, 'mailingAddress'),
			...Object.fromEntries(LOCATION_FIELDS.map((n) => [n, field(form, n)]))
		};
		const r = await perform(event, 'transfer', form, command, '');
		if (!r.ok) return r.failure;
		const opened = r.events.find((e) => e.type === 'utility.account-opened')?.account as { number: string };
		redirect(303, `/sandbox/${event.params.sb}/accounts/${opened.number}?done=transferred&from=${event.params.number}`);
	}
};
