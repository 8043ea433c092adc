/**
 * Exam day: applicants sign in with their one-time access codes, wait until the proctor starts
 * the exam, and sit it in the exam runner as owners of kind `applicant`.
 *
 * - `signIn` reads a typed code and says plainly why it does not work (unknown, the session not
 *   open yet, the session over, the code used), changing nothing then. Unknown codes count as
 *   failures per address, as wrong passwords do at /login, so codes cannot be guessed. A good
 *   code is marked used and the candidate checked in under the session file's lock.
 * - `startSession` is the one way a session goes from open to in progress: it moves the status,
 *   then starts the attempt of every checked-in applicant with their time multiplier, a few at a
 *   time. It can be run again: candidates with an attempt keep it, the others get theirs.
 * - Late arrivals (signing in while the exam runs) get their attempt at sign-in; the waiting
 *   room also starts one for a checked-in applicant who has none yet (`attemptFor`).
 */
import { describeWait, FailureLimiter } from '../auth/rate-limit';
import { renderMarkdown } from '../content/render';
import type { ExamAttempts } from '../exams/attempts';
import { examAttempts } from '../exams/service';
import { getStore, type Store } from '../store';
import { dec } from '$lib/exams/decimal';
import { clockTime, longDate } from '$lib/hr/format';
import { applicantOwner, createApplicantSession, type ApplicantIdentity } from './applicants';
import { hrSessions } from './index';
import { STATUS_LABELS, type Actor, type Candidate, type ExamSession, type HrSessions, type Outcome, type SessionStatus } from './sessions';

export { applicantOwner } from './applicants';

/** Thirty unknown codes from one address in 15 minutes block it for a while (a room of typos stays well under). */
export const CODE_MAX_FAILURES = 30;
export const CODE_WINDOW_MS = 15 * 60 * 1000;
/** Attempts started at once by "Start for everyone" (each is four durable writes). */
export const START_CONCURRENCY = 8;

export const createCodeLimiter = () => new FailureLimiter(CODE_MAX_FAILURES, CODE_WINDOW_MS);

export type ExamDayDeps = {
	sessions: HrSessions;
	attempts: Pick<ExamAttempts, 'start' | 'attemptsOf'>;
	store: Store;
	now: () => number;
	limiter?: FailureLimiter;
	randomBytes?: (n: number) => Uint8Array;
	concurrency?: number;
};

export type SignInRefusal = 'empty' | 'blocked' | 'unknown' | 'not-open' | 'over' | 'used';
export type CodeSignIn =
	| { ok: true; cookie: string; expiresAt: number; sessionId: string; candidateId: string; status: SessionStatus; attemptId: string | null }
	| { ok: false; reason: SignInRefusal; message: string };

export const SIGN_IN_MESSAGES = {
	empty: 'Enter the access code printed on your admission ticket.',
	unknown: 'That access code is not right. Check it against your admission ticket (letters and numbers; spaces and dashes do not matter) and try again, or ask the proctor.',
	used: 'This access code has already been used to sign in. Ask the proctor for a new code.',
	over: 'The exam session for this code is over. Ask the proctor or Human Resources if you think this is a mistake.'
} as const;

export type StartReport = {
	/** The session was in progress already (a second click): nothing but missing attempts was started. */
	already: boolean;
	started: number;
	/** Checked-in candidates who had their attempt already. */
	kept: number;
	/** Candidates on the roster who have not checked in (they get their attempt when they sign in). */
	notCheckedIn: number;
	failed: { candidateId: string; applicantId: string; name: string; error: string }[];
};

/** The report in one paragraph for the proctor. */
export function startReportText(r: StartReport): string {
	const n = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;
	const parts = [
		r.already ? `The exam was already in progress; ${n(r.started, 'missing attempt was', 'missing attempts were')} started.` : `The exam has started: ${n(r.started, 'attempt', 'attempts')} started.`,
		...(r.kept > 0 && r.already ? [`${n(r.kept, 'applicant keeps', 'applicants keep')} the attempt already started.`] : []),
		...(r.notCheckedIn > 0 ? [`${n(r.notCheckedIn, 'applicant has', 'applicants have')} not checked in; they get their exam when they sign in.`] : []),
		...r.failed.map((f) => `Not started for ${f.name} (${f.applicantId}): ${f.error}`)
	];
	return parts.join(' ');
}

/** Run `work` over `items`, at most `limit` at a time. */
async function inBatches<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
	let next = 0;
	const worker = async () => {
		while (next < items.length) await work(items[next++]!);
	};
	await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

const applicantActor = (c: Pick<Candidate, 'candidateId' | 'name'>): Actor => ({ id: `applicant:${c.candidateId}`, displayName: c.name });

export class ExamDay {
	readonly #deps: ExamDayDeps;
	readonly limiter: FailureLimiter;

	constructor(deps: ExamDayDeps) {
		this.#deps = deps;
		this.limiter = deps.limiter ?? createCodeLimiter();
	}

	/** Sign in with a typed access code from an address. Refusals change nothing (an unknown code is counted). */
	async signIn(input: { code: string; ip: string }): Promise<CodeSignIn> {
		const { sessions } = this.#deps;
		const now = this.#deps.now();
		if (!input.code.trim()) return { ok: false, reason: 'empty', message: SIGN_IN_MESSAGES.empty };
		const wait = this.limiter.blockedFor(input.ip, now);
		if (wait > 0) {
			return { ok: false, reason: 'blocked', message: `Too many wrong access codes from this computer. Wait ${describeWait(wait)} and try again, or ask the proctor.` };
		}
		const found = await sessions.findCode(input.code);
		if (!found) {
			this.limiter.recordFailure(input.ip, now);
			return { ok: false, reason: 'unknown', message: SIGN_IN_MESSAGES.unknown };
		}
		const { session, candidate, codeHash } = found;
		const refused = this.#refusal(session, candidate);
		if (refused) return refused;
		const checked = await sessions.checkIn(session.id, candidate.candidateId, codeHash, applicantActor(candidate));
		if (!checked.ok) {
			// Something changed since the look-up (a new code, another computer, the session moved on).
			const fresh = await sessions.candidate(session.id, candidate.candidateId);
			if (!fresh || fresh.candidate.codeHash !== codeHash) return { ok: false, reason: 'unknown', message: SIGN_IN_MESSAGES.unknown };
			return this.#refusal(fresh.session, fresh.candidate) ?? { ok: false, reason: 'used', message: SIGN_IN_MESSAGES.used };
		}
		const { cookie, expiresAt } = await createApplicantSession(this.#deps.store, { sessionId: session.id, candidateId: candidate.candidateId, codeHash }, now, this.#deps.randomBytes);
		let attemptId = checked.value.attemptId;
		// A late arrival: the exam is running, so their attempt starts now.
		if (checked.value.status === 'in-progress' && !attemptId) {
			const started = await this.attemptFor(session.id, candidate.candidateId, applicantActor(candidate));
			if (started.ok) attemptId = started.value;
		}
		return { ok: true, cookie, expiresAt, sessionId: session.id, candidateId: candidate.candidateId, status: checked.value.status, attemptId };
	}

	#refusal(session: Readonly<ExamSession>, candidate: Readonly<Candidate>): { ok: false; reason: SignInRefusal; message: string } | null {
		if (session.status === 'scheduled') {
			return {
				ok: false,
				reason: 'not-open',
				message: `This code is for the ${session.title} on ${longDate(session.date)} at ${clockTime(session.startTime)}. The session is not open yet: try again when the proctor says so.`
			};
		}
		if (session.status !== 'open' && session.status !== 'in-progress') return { ok: false, reason: 'over', message: SIGN_IN_MESSAGES.over };
		if (candidate.codeUsedAt) return { ok: false, reason: 'used', message: SIGN_IN_MESSAGES.used };
		return null;
	}

	/**
	 * The candidate's attempt, started now if the exam is running and they have checked in but
	 * have none yet. Never a second attempt: a linked attempt is kept, and the runner resumes one
	 * in progress.
	 */
	async attemptFor(sessionId: string, candidateId: string, actor: Actor): Promise<Outcome<string>> {
		const found = await this.#deps.sessions.candidate(sessionId, candidateId);
		if (!found) return { ok: false, error: 'There is no such applicant on this roster.' };
		const { session, candidate } = found;
		if (candidate.attemptId) return { ok: true, value: candidate.attemptId };
		if (session.status !== 'in-progress') return { ok: false, error: 'The exam has not started yet.' };
		if (!candidate.checkedInAt) return { ok: false, error: `${candidate.name} has not checked in.` };
		return this.#start(session, candidate, actor);
	}

	async #start(session: Readonly<ExamSession>, candidate: Readonly<Candidate>, actor: Actor): Promise<Outcome<string>> {
		const owner = applicantOwner(session.id, candidate.candidateId);
		const r = await this.#deps.attempts.start(owner, session.blueprintId, { accommodation: candidate.accommodation });
		let attemptId = r.ok ? r.attemptId : undefined;
		if (!r.ok && r.code === 'used') {
			// Started before but not linked (the server stopped between the two writes): link that one.
			attemptId = (await this.#deps.attempts.attemptsOf(owner)).filter((a) => a.blueprintId === session.blueprintId).at(-1)?.id;
		}
		if (!attemptId) return { ok: false, error: r.ok ? 'The attempt could not be started.' : r.error };
		const linked = await this.#deps.sessions.linkAttempt(session.id, candidate.candidateId, attemptId, actor);
		return linked.ok ? { ok: true, value: attemptId } : linked;
	}

	/**
	 * Start the exam for everyone: open → in progress (logged), then every checked-in applicant's
	 * attempt with their accommodation, a few at a time. Run again, it starts only what is missing.
	 */
	async startSession(sessionId: string, actor: Actor): Promise<Outcome<StartReport>> {
		const { sessions } = this.#deps;
		const moved = await sessions.markInProgress(sessionId, actor);
		if (!moved.ok) return moved;
		// Read after the status change: whoever checked in before it is here; anyone after it
		// signed in to a running exam and got their attempt at sign-in.
		const session = (await sessions.get(sessionId))!;
		const checkedIn = session.candidates.filter((c) => c.checkedInAt);
		const due = checkedIn.filter((c) => !c.attemptId);
		const report: StartReport = { already: moved.value.already, started: 0, kept: checkedIn.length - due.length, notCheckedIn: session.candidates.length - checkedIn.length, failed: [] };
		await inBatches(due, this.#deps.concurrency ?? START_CONCURRENCY, async (c) => {
			const r = await this.#start(session, c, actor).catch((err: unknown) => ({ ok: false as const, error: err instanceof Error ? err.message : String(err) }));
			if (r.ok) report.started++;
			else report.failed.push({ candidateId: c.candidateId, applicantId: c.applicantId, name: c.name, error: r.error });
		});
		return { ok: true, value: report };
	}

	/** What the waiting room shows the signed-in applicant, and where they go once the exam runs. */
	async waitingRoom(who: Pick<ApplicantIdentity, 'sessionId' | 'candidateId'>) {
		const { sessions } = this.#deps;
		const found = await sessions.candidate(who.sessionId, who.candidateId);
		if (!found) return null;
		const { session, candidate } = found;
		const blueprint = (await sessions.blueprints()).find((b) => b.id === session.blueprintId);
		let attemptId = candidate.attemptId;
		let startError: string | null = null;
		if (session.status === 'in-progress' && !attemptId) {
			const r = await this.attemptFor(session.id, candidate.candidateId, applicantActor(candidate));
			if (r.ok) attemptId = r.value;
			else startError = r.error;
		}
		return {
			name: candidate.name,
			applicantId: candidate.applicantId,
			accommodation: candidate.accommodation,
			status: session.status,
			statusLabel: STATUS_LABELS[session.status],
			attemptId,
			startError,
			session: { title: session.title, date: longDate(session.date), startTime: clockTime(session.startTime), location: session.location },
			exam: blueprint
				? {
						timeLimitMinutes: blueprint.timeLimitMinutes,
						/** The candidate's own limit: the exam's × their multiplier, in whole minutes (rounded up). */
						yourMinutes: dec(blueprint.timeLimitMinutes).times(dec(candidate.accommodation)).ceil().toNumber(),
						navigation: blueprint.navigation,
						showAfterSubmit: blueprint.showAfterSubmit,
						sections: blueprint.sections.map((s) => s.title),
						instructions: renderMarkdown(blueprint.instructions)
					}
				: null
		};
	}
}

// One per process (its failure counts are in memory, as the sign-in limiters are).
const holder = globalThis as typeof globalThis & { __examDay?: ExamDay };

export function examDay(): ExamDay {
	holder.__examDay ??= new ExamDay({ sessions: hrSessions(), attempts: examAttempts(), store: getStore(), now: () => Date.now() });
	return holder.__examDay;
}

/** Start the exam for everyone in a session (the proctor's button): see `ExamDay.startSession`. */
export function startSession(sessionId: string, actor: Actor): Promise<Outcome<StartReport>> {
	return examDay().startSession(sessionId, actor);
}
