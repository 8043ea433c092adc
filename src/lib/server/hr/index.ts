/**
 * HR exam administration as the routes use it: one HrSessions for the process (the app's store,
 * the real clock, the content blueprints), and the results reader.
 */
import { getContent } from '../content';
import { getStore } from '../store';
import { examAttempts } from '../exams/service';
import { HrScoring } from './scoring';
import { HrSessions } from './sessions';

export * from './sessions';
export { sessionResults, resultRows, analysisInput, chosenOptions, skillFigure, scoresTable, type ScoresTable, type CandidateResult, type SessionResults, type ItemResult, type StoredAttempt, type SkillFigure } from './results';

const holder = globalThis as typeof globalThis & { __hrSessions?: HrSessions; __hrScoring?: HrScoring };

export function hrSessions(): HrSessions {
	holder.__hrSessions ??= new HrSessions({
		store: getStore(),
		now: () => Date.now(),
		blueprints: async () => (await getContent()).exams
	});
	return holder.__hrSessions;
}

/** Scoring after the exam (essay queue, item adjustments, scored and released), over the runner's attempts. */
export function hrScoring(): HrScoring {
	holder.__hrScoring ??= new HrScoring({ store: getStore(), sessions: hrSessions(), attempts: examAttempts(), now: () => Date.now() });
	return holder.__hrScoring;
}
export { HrScoring, readResponseKey, type QueueEntry, type Queue, type EssayResponse, type SessionItem, type AdjustAction, type PassCount, type Readiness } from './scoring';

/** Who is acting, for the session's log. */
export const actorOf = (user: { id: string; displayName: string }) => ({ id: user.id, displayName: user.displayName });
export { sessionList, readView, type SessionList, type ListView } from './lists';
