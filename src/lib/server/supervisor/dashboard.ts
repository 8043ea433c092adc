import { DUTIES } from '$lib/duties';
import { PASS_ACCURACY } from '$lib/grading';
import { dutyMastery, MASTERY_LABELS, type MasteryStatus } from '$lib/training/progress';
import { getContent } from '../content';
import { getStore, type Store } from '../store';
import { attemptsOf, type AttemptSummary } from '../training/attempts';
import { pendingApprovals } from '../workstation/service';
import { cohortOf, type CohortMember } from './cohorts';
import { signOffsOf, type SignOff } from './signoffs';

/**
 * The supervisor's dashboard: every trainee of the cohort × every duty, who is behind, recent
 * attempts, average accuracy and speed, and the scenarios the cohort finds hardest. Figured from
 * the trainees' attempt indexes (one small file each), never from the attempts themselves.
 */

/** A trainee is behind with no graded attempt for this many days… */
export const IDLE_DAYS = 7;
/** …or when their last RECENT graded attempts average below the pass mark… */
export const RECENT = 5;
/** …or when they have mastered this many duties fewer than the cohort's best. */
export const MASTERY_GAP = 2;

export type GridCell = { duty: string; status: MasteryStatus; label: string; graded: number; averageAccuracy: number | null; signedOff: SignOff | null };
export type TraineeRow = {
	id: string;
	displayName: string;
	username: string;
	cells: GridCell[];
	mastered: number;
	attempts: number;
	graded: number;
	averageAccuracy: number | null;
	averageSpeed: number | null;
	lastActivity: string | null;
	behind: string[];
	awaitingReview: number;
};
export type RecentAttempt = { id: string; traineeId: string; traineeName: string; scenarioId: string; title: string; submittedAt: string; status: AttemptSummary['status']; accuracy: number | null; speed: number | null };
export type HardScenario = { scenarioId: string; title: string; duty: string; attempts: number; trainees: number; averageAccuracy: number; passRate: number };
export type Dashboard = {
	duties: { id: string; label: string }[];
	rows: TraineeRow[];
	cohort: { trainees: number; attempts: number; graded: number; averageAccuracy: number | null; averageSpeed: number | null };
	recent: RecentAttempt[];
	hardest: HardScenario[];
	awaitingReview: number;
	pendingApprovals: number;
};

export type ScenarioInfo = { title: string; duty: string };

const mean = (xs: readonly number[]): number | null => (xs.length ? Math.round(xs.reduce((s, x) => s + x, 0) / xs.length) : null);
const isGraded = (a: AttemptSummary) => a.submittedAt !== null && a.accuracy !== null && (a.status === 'passed' || a.status === 'failed');

/** Pure: the dashboard from the cohort, each trainee's attempt lines and sign-offs. */
export function buildDashboard(
	members: readonly Pick<CohortMember, 'id' | 'displayName' | 'username'>[],
	lines: ReadonlyMap<string, readonly AttemptSummary[]>,
	signOffs: ReadonlyMap<string, Readonly<Record<string, SignOff>>>,
	scenarios: ReadonlyMap<string, ScenarioInfo>,
	now: Date,
	pendingApprovalCount = 0
): Dashboard {
	const idleSince = new Date(now.getTime() - IDLE_DAYS * 86_400_000).toISOString();
	const recentAccuracy = new Map<string, number | null>();
	const rows: TraineeRow[] = members.map((m) => {
		const mine = lines.get(m.id) ?? [];
		const signed = signOffs.get(m.id) ?? {};
		const byDuty = new Map<string, AttemptSummary[]>();
		for (const a of mine) {
			const list = byDuty.get(a.duty);
			if (list) list.push(a);
			else byDuty.set(a.duty, [a]);
		}
		const cells: GridCell[] = DUTIES.map((d) => {
			const mastery = dutyMastery(d.id, byDuty.get(d.id) ?? []);
			return { duty: d.id, status: mastery.status, label: MASTERY_LABELS[mastery.status], graded: mastery.graded, averageAccuracy: mastery.averageAccuracy, signedOff: signed[d.id] ?? null };
		});
		const graded = mine.filter(isGraded).sort((a, b) => (a.submittedAt! < b.submittedAt! ? 1 : -1));
		const submitted = mine.filter((a) => a.submittedAt !== null);
		recentAccuracy.set(m.id, mean(graded.slice(0, RECENT).map((a) => a.accuracy!)));
		const lastActivity = submitted.reduce<string | null>((m, a) => (m === null || a.submittedAt! > m ? a.submittedAt : m), null);
		return {
			id: m.id,
			displayName: m.displayName,
			username: m.username,
			cells,
			mastered: cells.filter((c) => c.status === 'mastered').length,
			attempts: mine.length,
			graded: graded.length,
			averageAccuracy: mean(graded.map((a) => a.accuracy!)),
			averageSpeed: mean(submitted.filter((a) => a.speed !== null).map((a) => a.speed!)),
			lastActivity,
			behind: [],
			awaitingReview: mine.filter((a) => a.status === 'awaiting-review').length
		};
	});
	const best = rows.reduce((m, r) => Math.max(m, r.mastered), 0);
	for (const r of rows) {
		const recent = recentAccuracy.get(r.id) ?? null;
		if (r.lastActivity === null) r.behind.push('No attempts yet');
		else if (r.lastActivity < idleSince) r.behind.push(`No attempts in the last ${IDLE_DAYS} days`);
		if (recent !== null && recent < PASS_ACCURACY) r.behind.push(`Recent accuracy ${recent}%, below the ${PASS_ACCURACY}% pass mark`);
		if (best - r.mastered >= MASTERY_GAP) r.behind.push(`${r.mastered} duties mastered; the cohort's best has ${best}`);
	}

	const all = members.flatMap((m) => (lines.get(m.id) ?? []).map((a) => ({ a, m })));
	const titleOf = (id: string) => scenarios.get(id)?.title ?? id;
	const recent = all
		.filter(({ a }) => a.submittedAt !== null)
		.sort((x, y) => (x.a.submittedAt! < y.a.submittedAt! ? 1 : x.a.submittedAt! > y.a.submittedAt! ? -1 : 0))
		.slice(0, 10)
		.map(({ a, m }) => ({ id: a.id, traineeId: m.id, traineeName: m.displayName, scenarioId: a.scenarioId, title: titleOf(a.scenarioId), submittedAt: a.submittedAt!, status: a.status, accuracy: a.accuracy, speed: a.speed }));

	const byScenario = new Map<string, { acc: number[]; passed: number; trainees: Set<string>; duty: string }>();
	for (const { a, m } of all) {
		if (!isGraded(a)) continue;
		let s = byScenario.get(a.scenarioId);
		if (!s) byScenario.set(a.scenarioId, (s = { acc: [], passed: 0, trainees: new Set(), duty: a.duty }));
		s.acc.push(a.accuracy!);
		if (a.status === 'passed') s.passed++;
		s.trainees.add(m.id);
	}
	const hardest = [...byScenario]
		.map(([scenarioId, s]) => ({ scenarioId, title: titleOf(scenarioId), duty: s.duty, attempts: s.acc.length, trainees: s.trainees.size, averageAccuracy: mean(s.acc)!, passRate: Math.round((100 * s.passed) / s.acc.length) }))
		.filter((s) => s.averageAccuracy < 100 || s.passRate < 100)
		.sort((x, y) => x.averageAccuracy - y.averageAccuracy || x.passRate - y.passRate || y.attempts - x.attempts || x.title.localeCompare(y.title))
		.slice(0, 5);

	const graded = all.filter(({ a }) => isGraded(a));
	return {
		duties: DUTIES.map((d) => ({ id: d.id, label: d.label })),
		rows,
		cohort: {
			trainees: members.length,
			attempts: all.length,
			graded: graded.length,
			averageAccuracy: mean(graded.map(({ a }) => a.accuracy!)),
			averageSpeed: mean(all.filter(({ a }) => a.submittedAt !== null && a.speed !== null).map(({ a }) => a.speed!))
		},
		recent,
		hardest,
		awaitingReview: rows.reduce((s, r) => s + r.awaitingReview, 0),
		pendingApprovals: pendingApprovalCount
	};
}

export async function scenarioInfo(): Promise<Map<string, ScenarioInfo>> {
	return new Map((await getContent()).scenarios.map((s) => [s.id, { title: s.title, duty: s.duty }]));
}

/** The dashboard's server-side data: the cohort's indexes and sign-offs, read together. */
export async function dashboardData(supervisorId: string, now: Date, store: Store = getStore()): Promise<Dashboard> {
	const members = (await cohortOf(supervisorId, store)).filter((m) => m.active);
	const [scenarios, perTrainee, queue] = await Promise.all([
		scenarioInfo(),
		Promise.all(members.map(async (m) => [m.id, await attemptsOf(m.id, store), await signOffsOf(m.id, store)] as const)),
		pendingApprovals(store)
	]);
	const ids = new Set(members.map((m) => m.id));
	return buildDashboard(
		members,
		new Map(perTrainee.map(([id, lines]) => [id, lines])),
		new Map(perTrainee.map(([id, , signed]) => [id, signed])),
		scenarios,
		now,
		queue.filter((q) => ids.has(q.ownerId)).length
	);
}
