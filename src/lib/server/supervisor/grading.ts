import { getStore, type Store } from '../store';
import { attemptsOf, getAttempt } from '../training/attempts';
import { cohortOf, inCohort } from './cohorts';
import { scenarioInfo } from './dashboard';

/** Written work waiting for the supervisor: the cohort's attempts whose rubric checks are not scored yet, oldest first. */
export type GradingItem = { attemptId: string; traineeId: string; traineeName: string; scenarioId: string; title: string; submittedAt: string };

export async function gradingQueue(supervisorId: string, store: Store = getStore()): Promise<GradingItem[]> {
	const members = await cohortOf(supervisorId, store);
	const scenarios = await scenarioInfo();
	const out: GradingItem[] = [];
	for (const m of members) {
		for (const a of await attemptsOf(m.id, store)) {
			if (a.status !== 'awaiting-review' || !a.submittedAt) continue;
			out.push({ attemptId: a.id, traineeId: m.id, traineeName: m.displayName, scenarioId: a.scenarioId, title: scenarios.get(a.scenarioId)?.title ?? a.scenarioId, submittedAt: a.submittedAt });
		}
	}
	return out.sort((a, b) => (a.submittedAt < b.submittedAt ? -1 : 1));
}

/** An attempt of a trainee in the supervisor's cohort (someone else's looks exactly like a missing one). */
export async function cohortAttempt(supervisorId: string, attemptId: string, store: Store = getStore()) {
	const attempt = await getAttempt(attemptId, store);
	if (!attempt || !(await inCohort(supervisorId, attempt.userId, store))) return undefined;
	return attempt;
}
