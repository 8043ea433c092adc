import { error, fail } from '@sveltejs/kit';
import { field } from '$lib/forms';
import { describePassingPoint } from '$lib/hr/eligibility';
import { actorOf, hrScoring, hrSessions, sessionList, STATUS_LABELS } from '$lib/server/hr';
import { getStore } from '$lib/server/store';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url }) => {
	const s = await hrSessions().get(params.id);
	if (!s) error(404, 'There is no such exam session.');
	const scoring = hrScoring();
	const [queue, ready, { list, results }] = await Promise.all([scoring.queue(s), scoring.readiness(s), sessionList(getStore(), s)]);
	const adjustments = s.adjustments ?? { voided: [], corrections: {} };
	return {
		status: s.status,
		statusLabel: STATUS_LABELS[s.status],
		done: url.searchParams.get('done') === '1',
		waiting: queue.waiting,
		scored: queue.scored,
		inProgress: queue.inProgress,
		onVoidedItems: queue.onVoidedItems,
		ready,
		adjusted: { voided: adjustments.voided.length, corrected: Object.keys(adjustments.corrections).length },
		passingPoint: s.passingPoint ? describePassingPoint(s.passingPoint) : null,
		passing: list ? list.passing.length : null,
		fullyScored: results.candidates.filter((c) => c.raw !== null && c.pending === 0).length
	};
};

export const actions: Actions = {
	scored: async ({ params, locals }) => {
		const r = await hrScoring().markScored(params.id, actorOf(locals.user!));
		if (!r.ok) return fail(409, { form: 'status' as const, error: r.error });
		return { form: 'status' as const, done: `The session is now scored.${r.rescored ? ` ${r.rescored} attempts were brought up to date with the adjustments first.` : ''}` };
	},
	release: async ({ request, params, locals }) => {
		const form = await request.formData();
		const r = await hrScoring().release(params.id, field(form, 'confirm') === 'yes', actorOf(locals.user!));
		if (!r.ok) return fail(409, { form: 'release' as const, error: r.error });
		return { form: 'release' as const, done: r.already && r.released === 0 ? 'The scores were already released.' : `The scores were released to ${r.released} ${r.released === 1 ? 'candidate' : 'candidates'}.` };
	}
};
