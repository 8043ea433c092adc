import { redirect } from '@sveltejs/kit';
import { Money } from '$lib/money';
import type { Command } from '$lib/domain/model';
import { DEPARTMENTS, type Business, type Routing } from '$lib/domain/licenses';
import { newLicenseFees } from '$lib/domain/views/licenses';
import { formObject } from '$lib/forms';
import { openWorkstation, perform } from '$lib/server/workstation/route';
import { dryRun } from '../dry-run.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { state } = await openWorkstation(event);
	return { today: state.businessDate };
};

const application = (form: FormData): Command => ({ ...formObject(form), type: 'license.apply' });

export const actions: Actions = {
	/** The fees and routing the application would get, checked by license.apply itself; nothing is filed. */
	preview: async (event) => {
		const form = await event.request.formData();
		const r = await dryRun(event, 'application', form, application(form));
		if (!r.ok) return r.failure;
		const applied = r.events.find((e) => e.type === 'license.applied')!;
		const business = applied.business as Business;
		const fees = newLicenseFees({ classification: business.classification, startDate: business.startDate, projectedGrossReceipts: Money.of(applied.grossReceipts as string) });
		const routing = (applied.routing as Routing[]).map((route) => ({ department: DEPARTMENTS[route.department], reason: route.reason }));
		return { form: 'application', values: r.values, preview: { ...fees, routing } };
	},
	/** File the application as previewed; the clerk continues on the new license's page. */
	apply: async (event) => {
		const form = await event.request.formData();
		const r = await perform(event, 'application', form, application(form), '');
		if (!r.ok) return r.failure;
		const applied = r.events.find((e) => e.type === 'license.applied')!;
		redirect(303, `/sandbox/${event.params.sb}/licenses/${applied.licenseNo as string}?filed=1`);
	}
};
