import { error } from '@sveltejs/kit';
import { DEPARTMENTS, taxYearLabel, type Department } from '$lib/domain/licenses';
import { own } from '$lib/domain/input';
import { subBalance } from '$lib/domain/ledger';
import { clearanceRows, LICENSE_KIND_LABELS, licenseCharged } from '$lib/domain/views/licenses';
import { field } from '$lib/forms';
import { openWorkstation, perform } from '$lib/server/workstation/route';
import { wouldRun } from '../dry-run.server';
import type { Actions, PageServerLoad } from './$types';

const UNDER_REVIEW = new Set(['applied', 'in-review']);

export const load: PageServerLoad = async (event) => {
	const { state, user } = await openWorkstation(event);
	const typed = event.params.number;
	const license = own(state.licenses.licenses, typed.trim().toUpperCase());
	if (!license) error(404, `No license ${typed.slice(0, 30)} in this sandbox. Check the number (like BL-2026-0007) or find the business by name.`);
	const business = state.licenses.businesses[license.businessId]!;
	const underReview = license.kind === 'new' && UNDER_REVIEW.has(license.status);
	const approval = underReview ? wouldRun(state, user, { type: 'license.approve', licenseNo: license.number }) : null;
	return {
		license: {
			number: license.number,
			status: license.status,
			kind: license.kind,
			kindLabel: LICENSE_KIND_LABELS[license.kind],
			taxYear: taxYearLabel(license.taxYear),
			filedOn: license.filedOn,
			grossReceipts: license.grossReceipts,
			charges: license.charges,
			penalty: license.penalty,
			penaltyMonths: license.penaltyMonths,
			total: licenseCharged(license),
			paid: license.paid,
			paidOn: license.paidOn ?? null,
			paidReceipt: license.paidReceipt ?? null,
			expires: license.expires,
			hasCertificate: license.paid && !!license.certificate
		},
		business: { id: business.id, name: business.name, homeBased: business.homeBased },
		owed: subBalance(state.ledger, `bl:${business.id}`),
		clearances: license.kind === 'new' ? clearanceRows(license) : [],
		underReview,
		approvable: approval?.ok ?? false,
		notApprovable: approval && !approval.ok ? approval.rejection.message : null,
		me: user.id
	};
};

export const actions: Actions = {
	/** Record one department's answer on a new application (cleared, or denied with its reason). */
	decide: async (event) => {
		const form = await event.request.formData();
		const department = field(form, 'department');
		const decision = field(form, 'decision');
		const name = Object.hasOwn(DEPARTMENTS, department) ? DEPARTMENTS[department as Department] : 'The department';
		const r = await perform(
			event,
			`clearance-${department}`,
			form,
			{
				type: 'license.decide-clearance',
				licenseNo: event.params.number,
				department,
				decision,
				note: field(form, 'note'),
				homeOccupationPermitNo: field(form, 'homeOccupationPermitNo')
			},
			`${name} ${decision === 'denied' ? 'denied' : 'cleared'} ${event.params.number.toUpperCase()}.`
		);
		return r.ok ? r.result : r.failure;
	},
	approve: async (event) => {
		const form = await event.request.formData();
		const r = await perform(event, 'approve', form, { type: 'license.approve', licenseNo: event.params.number }, `${event.params.number.toUpperCase()} is approved. The certificate can be printed once the fees are paid.`);
		return r.ok ? r.result : r.failure;
	}
};
