import { error, fail } from '@sveltejs/kit';
import { field } from '$lib/forms';
import { startReportText, startSession } from '$lib/server/hr/exam-day';
import { actorOf, hrSessions, rosterEditable, SESSION_STATUSES, STATUS_HELP, STATUS_LABELS } from '$lib/server/hr';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url }) => {
	const s = await hrSessions().get(params.id);
	if (!s) error(404, 'There is no such exam session.');
	const index = SESSION_STATUSES.indexOf(s.status);
	const next = SESSION_STATUSES[index + 1] ?? null;
	return {
		created: url.searchParams.get('created') === '1',
		details: { date: s.date, startTime: s.startTime, location: s.location, proctors: [...s.proctors], blueprintId: s.blueprintId },
		editable: rosterEditable(s),
		steps: SESSION_STATUSES.map((status, i) => ({ status, label: STATUS_LABELS[status], help: STATUS_HELP[status], state: i < index ? 'done' : i === index ? 'current' : 'later' })),
		next: next ? { status: next, label: STATUS_LABELS[next] } : null,
		roster: s.candidates.map((c) => ({
			candidateId: c.candidateId,
			applicantId: c.applicantId,
			name: c.name,
			email: c.email,
			accommodation: c.accommodation,
			ticket: c.codeIssuedAt !== null
		})),
		checkedIn: s.candidates.filter((c) => c.checkedInAt).length,
		log: [...s.log].reverse().slice(0, 12)
	};
};

export const actions: Actions = {
	details: async ({ request, params, locals }) => {
		const form = await request.formData();
		const values = { date: field(form, 'date'), startTime: field(form, 'startTime'), location: field(form, 'location'), proctors: field(form, 'proctors') };
		const r = await hrSessions().updateDetails(params.id, values, actorOf(locals.user!));
		if (!r.ok) return fail(400, { form: 'details' as const, values, errors: r.errors });
		return { form: 'details' as const, done: 'The session details were saved.' };
	},
	advance: async ({ request, params, locals }) => {
		const form = await request.formData();
		const r = await hrSessions().advance(params.id, field(form, 'to'), actorOf(locals.user!));
		if (!r.ok) return fail(409, { form: 'advance' as const, error: r.error });
		return { form: 'advance' as const, done: `The session is now ${STATUS_LABELS[r.value].toLowerCase()}.` };
	},
	/** Open → in progress, starting every checked-in applicant's attempt (the proctor console uses the same function). */
	start: async ({ params, locals }) => {
		const r = await startSession(params.id, actorOf(locals.user!));
		if (!r.ok) return fail(409, { form: 'advance' as const, error: r.error });
		return { form: 'advance' as const, done: startReportText(r.value) };
	}
};
