import { error, fail } from '@sveltejs/kit';
import { field } from '$lib/forms';
import { actorOf, hrSessions, rosterEditable } from '$lib/server/hr';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const s = await hrSessions().get(params.id);
	if (!s) error(404, 'There is no such exam session.');
	return {
		editable: rosterEditable(s),
		total: s.candidates.length,
		missing: s.candidates.filter((c) => !c.codeHash).length,
		proctors: [...s.proctors]
	};
};

export const actions: Actions = {
	/** New codes and their tickets: this response is the only place the codes appear. */
	issue: async ({ request, params, locals }) => {
		// "missing", "all", or one candidate's id (a lost ticket, from the applicant's page).
		const asked = field(await request.formData(), 'which');
		const which = asked === 'all' || /^c_[0-9a-f]{12}$/.test(asked) ? asked : 'missing';
		const r = await hrSessions().issueCodes(params.id, which, actorOf(locals.user!));
		if (!r.ok) return fail(409, { error: r.error });
		const s = (await hrSessions().get(params.id))!;
		const byId = new Map(s.candidates.map((c) => [c.candidateId, c]));
		return {
			tickets: r.value.map(({ candidateId, code }) => {
				const c = byId.get(candidateId)!;
				return { candidateId, applicantId: c.applicantId, name: c.name, accommodation: c.accommodation, code };
			})
		};
	}
};
