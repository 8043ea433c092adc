import { redirect } from '@sveltejs/kit';
import { formObject } from '$lib/forms';
import { openWorkstation, perform } from '$lib/server/workstation/route';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { state } = await openWorkstation(event);
	return { today: state.businessDate };
};

export const actions: Actions = {
	/** Bill the customer (net 30); the clerk continues on the new invoice. Blank line rows are left out. */
	create: async (event) => {
		const form = await event.request.formData();
		const r = await perform(event, 'invoice', form, { ...formObject(form), type: 'ar.create-invoice' }, '');
		if (!r.ok) return r.failure;
		const created = r.events.find((e) => e.type === 'ar.invoice-created')!;
		redirect(303, `/sandbox/${event.params.sb}/receivables/${(created.invoice as { number: string }).number}?created=1`);
	}
};
