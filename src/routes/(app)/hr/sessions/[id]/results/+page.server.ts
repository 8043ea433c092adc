import { error, fail } from '@sveltejs/kit';
import { field } from '$lib/forms';
import { describePassingPoint } from '$lib/hr/eligibility';
import { RULE_LABELS } from '$lib/hr/ranking';
import { actorOf, hrSessions, readView, scoresTable, sessionList } from '$lib/server/hr';
import { getStore } from '$lib/server/store';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url }) => {
	const s = await hrSessions().get(params.id);
	if (!s) error(404, 'There is no such exam session.');
	const view = readView(url.searchParams.get('view'));
	const { list, table, semPercent, width, results, maxPoints, waiting } = await sessionList(getStore(), s, view);
	const scored = results.candidates.filter((c) => c.raw !== null && c.pending === 0).length;
	const scores = scoresTable(results);
	return {
		view,
		scoring: {
			mode: s.passingPoint && 'points' in s.passingPoint ? 'points' : 'percent',
			value: s.passingPoint ? ('points' in s.passingPoint ? s.passingPoint.points : s.passingPoint.percent) : '',
			rule: s.rule,
			banding: s.banding
		},
		passingPoint: s.passingPoint ? describePassingPoint(s.passingPoint) : null,
		ruleLabel: RULE_LABELS[s.rule],
		counts: {
			roster: results.candidates.length,
			scored,
			passing: list?.passing.length ?? 0,
			notPassed: list?.notPassed.length ?? 0,
			certified: list?.passing.filter((e) => e.certified).length ?? 0,
			pending: results.candidates.filter((c) => c.pending > 0).length,
			absent: results.candidates.filter((c) => c.status === 'absent').length,
			sitting: results.candidates.filter((c) => c.status === 'in-progress').length,
			voided: results.candidates.filter((c) => c.status === 'voided').length
		},
		waiting,
		maxPoints,
		semPercent,
		width,
		table,
		released: s.status === 'released',
		scores
	};
};

export const actions: Actions = {
	scoring: async ({ request, params, locals }) => {
		const form = await request.formData();
		const input = { mode: field(form, 'mode'), value: field(form, 'value'), rule: field(form, 'rule'), banding: field(form, 'banding') === 'on' };
		const r = await hrSessions().setScoring(params.id, input, actorOf(locals.user!));
		if (!r.ok) return fail(400, { field: r.field, error: r.error, values: input });
		return { done: 'The passing point and list settings were saved.' };
	}
};
