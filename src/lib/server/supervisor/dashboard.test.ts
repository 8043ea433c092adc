import { describe, expect, it } from 'vitest';
import type { AttemptSummary } from '../training/attempts';
import { buildDashboard } from './dashboard';
import { readFilters, filterAttempts } from './trainee';

const now = new Date('2026-11-26T20:00:00.000Z');
let n = 0;
function line(duty: string, scenarioId: string, day: string, accuracy: number | null, opts: Partial<AttemptSummary> = {}): AttemptSummary {
	n++;
	const status = opts.status ?? (accuracy === null ? 'in-progress' : accuracy >= 80 ? 'passed' : 'failed');
	return {
		id: `att_${n}`,
		scenarioId,
		duty,
		startedAt: `${day}T17:00:00.000Z`,
		submittedAt: status === 'in-progress' ? null : `${day}T17:0${n % 10}:00.000Z`,
		status,
		accuracy,
		speed: accuracy === null ? null : 100,
		overall: accuracy,
		elapsedSeconds: accuracy === null ? null : 100,
		targetSeconds: 150,
		...opts
	};
}

const members = [
	{ id: 'u1', displayName: 'Maria Delgado', username: 'trainee' },
	{ id: 'u2', displayName: 'James Okafor', username: 'trainee2' }
];
const scenarios = new Map([
	['pay', { title: 'Cash payment', duty: 'cashiering' }],
	['adj', { title: 'Adjustment', duty: 'utility-billing' }],
	['letter', { title: 'Letter', duty: 'correspondence' }]
]);

describe('the supervisor dashboard', () => {
	const lines = new Map<string, AttemptSummary[]>([
		['u1', [line('cashiering', 'pay', '2026-11-20', 100), line('cashiering', 'pay', '2026-11-24', 95), line('utility-billing', 'adj', '2026-11-25', 100), line('utility-billing', 'adj', '2026-11-25', 100), line('correspondence', 'letter', '2026-11-25', 100, { status: 'awaiting-review' })]],
		['u2', [line('cashiering', 'pay', '2026-11-10', 40), line('utility-billing', 'adj', '2026-11-12', 60)]]
	]);
	const d = buildDashboard(members, lines, new Map([['u1', { cashiering: { duty: 'cashiering', by: 'u4', byName: 'P', at: '2026-11-25T00:00:00Z' } }]]), scenarios, now, 1);

	it('grids every trainee × duty with mastery, sign-off and averages', () => {
		expect(d.rows).toHaveLength(2);
		const maria = d.rows[0]!;
		expect(maria.cells.find((c) => c.duty === 'cashiering')).toMatchObject({ status: 'mastered', label: 'Mastered', signedOff: { byName: 'P' } });
		expect(maria.cells.find((c) => c.duty === 'utility-billing')).toMatchObject({ status: 'mastered' });
		expect(maria.cells.find((c) => c.duty === 'permits')).toMatchObject({ status: 'not-started', label: 'Not started' });
		expect(maria).toMatchObject({ mastered: 2, attempts: 5, graded: 4, averageAccuracy: 99, awaitingReview: 1 });
		expect(d.rows[1]!.cells.find((c) => c.duty === 'cashiering')).toMatchObject({ status: 'learning' });
	});

	it('says who is behind and why', () => {
		expect(d.rows[0]!.behind).toEqual([]);
		expect(d.rows[1]!.behind).toEqual(['No attempts in the last 7 days', 'Recent accuracy 50%, below the 80% pass mark', "0 duties mastered; the cohort's best has 2"]);
	});

	it('lists recent attempts, cohort averages and the hardest scenarios', () => {
		expect(d.recent[0]).toMatchObject({ traineeName: 'Maria Delgado', title: 'Letter' });
		expect(d.recent.map((r) => r.submittedAt)).toEqual([...d.recent.map((r) => r.submittedAt)].sort().reverse());
		expect(d.cohort).toMatchObject({ trainees: 2, attempts: 7, graded: 6, averageAccuracy: 83 });
		expect(d.hardest.map((h) => [h.title, h.averageAccuracy, h.passRate])).toEqual([
			['Adjustment', 87, 67],
			['Cash payment', 78, 67]
		].sort((a, b) => (a[1] as number) - (b[1] as number)));
		expect(d).toMatchObject({ awaitingReview: 1, pendingApprovals: 1 });
	});

	it('filters attempts by duty, result and dates, and explains filters it cannot use', () => {
		const all = lines.get('u1')!;
		const { filters, problems } = readFilters(new URLSearchParams({ duty: 'cashiering', status: 'passed', from: '2026-11-21', to: 'soon' }));
		expect(problems).toEqual(['To date must be a date like 2026-11-01; it was left out.']);
		expect(filterAttempts(all, filters).map((a) => a.startedAt.slice(0, 10))).toEqual(['2026-11-24']);
		expect(readFilters(new URLSearchParams({ duty: 'juggling' })).problems[0]).toMatch(/not one of the list/);
	});
});
