/**
 * HR exam administration as the routes use it: one HrSessions for the process (the app's store,
 * the real clock, the content blueprints), and the results reader.
 */
import { getContent } from '../content';
import { getStore } from '../store';
import { HrSessions } from './sessions';

export * from './sessions';
export { sessionResults, resultRows, analysisInput, chosenOptions, type CandidateResult, type SessionResults, type ItemResult, type StoredAttempt } from './results';

const holder = globalThis as typeof globalThis & { __hrSessions?: HrSessions };

export function hrSessions(): HrSessions {
	holder.__hrSessions ??= new HrSessions({
		store: getStore(),
		now: () => Date.now(),
		blueprints: async () => (await getContent()).exams
	});
	return holder.__hrSessions;
}

/** Who is acting, for the session's log. */
export const actorOf = (user: { id: string; displayName: string }) => ({ id: user.id, displayName: user.displayName });
export { sessionList, readView, type SessionList, type ListView } from './lists';
