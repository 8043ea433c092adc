import { error, fail, redirect } from '@sveltejs/kit';
import { field } from '$lib/forms';
import { DEMOGRAPHIC_FIELDS, type ColumnKey } from '$lib/hr/roster';
import { actorOf, hrSessions, rosterEditable } from '$lib/server/hr';
import type { Actions, PageServerLoad } from './$types';

const COLUMNS: ColumnKey[] = ['applicantId', 'name', 'email', 'accommodation', 'sex', 'raceEthnicity', 'age40'];

export const load: PageServerLoad = async ({ params }) => {
	const found = await hrSessions().candidate(params.id, params.candidate);
	if (!found) error(404, 'There is no such applicant on this roster.');
	const c = found.candidate;
	return {
		editable: rosterEditable(found.session),
		applicant: {
			candidateId: c.candidateId,
			applicantId: c.applicantId,
			name: c.name,
			email: c.email,
			accommodation: c.accommodation,
			sex: c.demographics.sex ?? '',
			raceEthnicity: c.demographics.raceEthnicity ?? '',
			age40: c.demographics.age40 ?? '',
			ticket: c.codeIssuedAt
		},
		voluntary: DEMOGRAPHIC_FIELDS.map((f) => ({ key: f.key, label: f.label }))
	};
};

export const actions: Actions = {
	save: async ({ request, params, locals }) => {
		const form = await request.formData();
		const values = Object.fromEntries(COLUMNS.map((c) => [c, field(form, c)])) as Record<ColumnKey, string>;
		const r = await hrSessions().updateApplicant(params.id, params.candidate, values, actorOf(locals.user!));
		if (!r.ok) return fail(400, { form: 'save' as const, values, errors: r.errors as Partial<Record<string, string>> });
		return { form: 'save' as const, done: `${values.name.trim()} was saved.` };
	},
	remove: async ({ params, locals }) => {
		const r = await hrSessions().removeApplicant(params.id, params.candidate, actorOf(locals.user!));
		if (!r.ok) return fail(409, { form: 'remove' as const, error: r.error });
		redirect(303, `/hr/sessions/${params.id}`);
	}
};
