/**
 * The proctor console of an exam session: a live view of every candidate on the roster (state,
 * answers, time left, last save), and the proctor's actions on their attempts.
 *
 * Every action checks that the attempt belongs to this session's roster (the candidate's
 * `attemptId`, and the attempt's owner is that candidate), calls the runner's operation on it
 * (src/lib/server/exams/attempts.ts), and only when that succeeded writes a line to the session's
 * audit log with who and when. A refused action changes nothing and says why.
 *
 * Files: the session (`hr/sessions/<id>`, its log) and the attempts are the runner's and HR's;
 * this module keeps one small file of its own, `hr/proctor/<session id>`, with the minutes added
 * to each candidate (an attempt's `extendedMs` also holds the time given back after pauses).
 */
import { isAnswered } from '$lib/components/exam/answered';
import { examAttempts } from '../exams/service';
import { MAX_ADDED_MINUTES, remainingMs, type Attempt, type ExamAttempts } from '../exams/attempts';
import { getStore, type Store } from '../store';
import { applicantOwner } from './applicants';
import { startSession, type StartReport } from './exam-day';
import { hrSessions } from './index';
import { STATUS_LABELS, type Actor, type Candidate, type ExamSession, type HrSessions, type Outcome, type SessionLogEntry, type SessionStatus } from './sessions';

export type CandidateState = 'not-checked-in' | 'waiting' | 'writing' | 'paused' | 'submitted' | 'closed-at-deadline' | 'voided';

export const CANDIDATE_STATES: readonly CandidateState[] = ['not-checked-in', 'waiting', 'writing', 'paused', 'submitted', 'closed-at-deadline', 'voided'];

export const STATE_LABELS: Record<CandidateState, string> = {
	'not-checked-in': 'Not checked in',
	waiting: 'Checked in, waiting',
	writing: 'Writing',
	paused: 'Paused',
	submitted: 'Submitted',
	'closed-at-deadline': 'Closed at the time limit',
	voided: 'Voided'
};

export type LiveRow = {
	candidateId: string;
	applicantId: string;
	name: string;
	state: CandidateState;
	stateLabel: string;
	/** Questions answered, and the attempt's number of questions (null before the attempt starts). */
	answered: number | null;
	items: number | null;
	/** Milliseconds left on the attempt's clock (it stands still while paused); null when not writing. */
	remainingMs: number | null;
	/** Server time of the last stored save; null when nothing was saved. */
	lastSavedAt: number | null;
	/** Time multiplier from the roster ("1", "1.5"). */
	accommodation: string;
	/** Minutes proctors added (exam minutes). */
	addedMinutes: number;
	voidReason: string | null;
};

export type LiveCounts = Record<CandidateState, number> & { roster: number; checkedIn: number };

export type LiveView = {
	sessionId: string;
	status: SessionStatus;
	statusLabel: string;
	/** The server's clock when the view was built (the browser counts on from it). */
	serverNow: number;
	counts: LiveCounts;
	rows: LiveRow[];
	/** The session's audit log, newest first. */
	log: SessionLogEntry[];
};

export type ProctorField = 'minutes' | 'reason' | 'confirm';
export type ProctorResult<T = null> = { ok: true; message: string; value: T } | { ok: false; error: string; field?: ProctorField; writing?: number };

export type ProctorDeps = {
	sessions: HrSessions;
	attempts: Pick<ExamAttempts, 'get' | 'pause' | 'resume' | 'addTime' | 'voidAttempt' | 'end'>;
	store: Store;
	now: () => number;
	/** "Start the exam for everyone" (exam-day.ts `startSession`). */
	start: (sessionId: string, actor: Actor) => Promise<Outcome<StartReport>>;
	/** Attempts changed at once by "Pause everyone" and the like. */
	concurrency?: number;
};

type AddedFile = { added: Record<string, number> };
const addedKey = (sessionId: string) => `hr/proctor/${sessionId}`;
const CANDIDATE_ID = /^c_[0-9a-f]{12}$/;
/** Log lines shown with the live view. */
export const LOG_SHOWN = 50;
/** Applicant ids named in one log line before "and N more". */
const NAMED_IN_LOG = 20;

const who = (c: Pick<Candidate, 'name' | 'applicantId'>) => `${c.name} (${c.applicantId})`;
const isPaused = (a: Pick<Attempt, 'pausedAt'>) => a.pausedAt !== undefined && a.pausedAt !== null;
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const refuse = (error: string, more: { field?: ProctorField; writing?: number } = {}): { ok: false; error: string; field?: ProctorField; writing?: number } => ({ ok: false, error, ...more });

/** "3 min 10 s", "45 s", "2 min". */
export function spokenDuration(ms: number): string {
	const s = Math.round(Math.max(0, ms) / 1000);
	const m = Math.floor(s / 60);
	const rest = s % 60;
	if (m === 0) return `${rest} s`;
	return rest === 0 ? `${m} min` : `${m} min ${rest} s`;
}

/** "A-1, A-2 and 3 more". */
function namedIds(cs: readonly Pick<Candidate, 'applicantId'>[]): string {
	const ids = cs.slice(0, NAMED_IN_LOG).map((c) => c.applicantId);
	return cs.length > NAMED_IN_LOG ? `${ids.join(', ')} and ${cs.length - NAMED_IN_LOG} more` : ids.join(', ');
}

/** The state of a candidate in words' terms: from the roster before the attempt, from the attempt after. */
export function stateOf(c: Pick<Candidate, 'checkedInAt'>, a: Pick<Attempt, 'status' | 'pausedAt'> | undefined): CandidateState {
	if (!a) return c.checkedInAt ? 'waiting' : 'not-checked-in';
	if (a.status === 'in-progress') return isPaused(a) ? 'paused' : 'writing';
	return a.status;
}

async function inBatches<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
	let next = 0;
	const worker = async () => {
		while (next < items.length) await work(items[next++]!);
	};
	await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

type Target = { session: Readonly<ExamSession>; candidate: Readonly<Candidate>; attempt: Readonly<Attempt> };

export class Proctor {
	readonly #deps: ProctorDeps;

	constructor(deps: ProctorDeps) {
		this.#deps = deps;
	}

	/** The candidate's attempt, only if it is this session's attempt of this candidate. */
	async #attemptOf(session: Readonly<ExamSession>, c: Readonly<Candidate>): Promise<Readonly<Attempt> | undefined> {
		if (!c.attemptId) return undefined;
		const a = await this.#deps.attempts.get(c.attemptId);
		const owner = applicantOwner(session.id, c.candidateId);
		if (!a || a.owner.kind !== owner.kind || a.owner.id !== owner.id || a.blueprintId !== session.blueprintId) return undefined;
		return a;
	}

	async #added(sessionId: string): Promise<Record<string, number>> {
		return (await this.#deps.store.get<AddedFile>(addedKey(sessionId)))?.added ?? {};
	}

	/** Every candidate on the roster as the console shows them, with the counts and the log. */
	async live(sessionId: string): Promise<LiveView | undefined> {
		const session = await this.#deps.sessions.get(sessionId);
		if (!session) return undefined;
		const added = await this.#added(sessionId);
		const attempts = await Promise.all(session.candidates.map((c) => this.#attemptOf(session, c)));
		const now = this.#deps.now();
		const counts: LiveCounts = { roster: session.candidates.length, checkedIn: 0, ...(Object.fromEntries(CANDIDATE_STATES.map((s) => [s, 0])) as Record<CandidateState, number>) };
		const rows = session.candidates.map((c, i): LiveRow => {
			const a = attempts[i];
			const state = stateOf(c, a);
			counts[state]++;
			if (c.checkedInAt || a) counts.checkedIn++;
			return {
				candidateId: c.candidateId,
				applicantId: c.applicantId,
				name: c.name,
				state,
				stateLabel: a?.endedEarly && state === 'closed-at-deadline' ? 'Ended by the proctor' : STATE_LABELS[state],
				answered: a ? a.answers.filter((r) => isAnswered(r)).length : null,
				items: a ? a.delivered.length : null,
				remainingMs: a && a.status === 'in-progress' ? remainingMs(a, now) : null,
				lastSavedAt: a?.lastSavedAt ?? null,
				accommodation: c.accommodation,
				addedMinutes: added[c.candidateId] ?? 0,
				voidReason: a?.voided?.reason ?? null
			};
		});
		return {
			sessionId: session.id,
			status: session.status,
			statusLabel: STATUS_LABELS[session.status],
			serverNow: now,
			counts,
			rows,
			log: [...session.log].reverse().slice(0, LOG_SHOWN)
		};
	}

	/** The candidate and their attempt for an action on one attempt, or why there is none. */
	async #target(sessionId: string, candidateId: string): Promise<{ ok: true; value: Target } | { ok: false; error: string }> {
		const session = await this.#deps.sessions.get(sessionId);
		if (!session) return refuse('There is no such exam session.');
		const candidate = CANDIDATE_ID.test(candidateId) ? session.candidates.find((c) => c.candidateId === candidateId) : undefined;
		if (!candidate) return refuse('There is no such applicant on this session’s roster.');
		if (!candidate.attemptId) {
			return refuse(candidate.checkedInAt ? `${who(candidate)} has checked in but has not started the exam yet.` : `${who(candidate)} has not checked in yet.`);
		}
		const attempt = await this.#attemptOf(session, candidate);
		if (!attempt) return refuse('That attempt is not on this session’s roster.');
		return { ok: true, value: { session, candidate, attempt } };
	}

	async #log(sessionId: string, actor: Actor, action: string): Promise<void> {
		const r = await this.#deps.sessions.appendLog(sessionId, actor, action);
		if (!r.ok) throw new Error(`The audit log of session ${sessionId} could not be written: ${r.error}`);
	}

	/** Start the exam for everyone: the session goes to in progress and every checked-in applicant's attempt starts. */
	async start(sessionId: string, actor: Actor): Promise<ProctorResult<StartReport>> {
		const r = await this.#deps.start(sessionId, actor);
		if (!r.ok) return refuse(r.error);
		const report = r.value;
		if (report.failed.length) {
			await this.#log(sessionId, actor, `The attempt could not be started for ${plural(report.failed.length, 'applicant', 'applicants')}: ${report.failed.map((f) => `${f.name} (${f.applicantId}): ${f.error}`).join('; ')}`);
		}
		const parts = [
			report.already ? `The exam was already running; ${plural(report.started, 'attempt was', 'attempts were')} started for checked-in applicants who had none.` : `The exam has started: ${plural(report.started, 'attempt', 'attempts')} started.`,
			report.notCheckedIn ? `${plural(report.notCheckedIn, 'applicant has', 'applicants have')} not checked in; each starts on signing in.` : '',
			report.failed.length ? `${plural(report.failed.length, 'attempt', 'attempts')} could not be started: ${report.failed.map((f) => `${f.name} (${f.error})`).join('; ')}.` : ''
		];
		return { ok: true, message: parts.filter(Boolean).join(' '), value: report };
	}

	/** Stop one candidate's clock. */
	async pause(sessionId: string, candidateId: string, actor: Actor): Promise<ProctorResult> {
		const t = await this.#target(sessionId, candidateId);
		if (!t.ok) return t;
		const { candidate, attempt } = t.value;
		if (attempt.status !== 'in-progress') return refuse(`${who(candidate)} is not writing: the attempt is ${STATE_LABELS[attempt.status].toLowerCase()}.`);
		if (isPaused(attempt)) return refuse(`${who(candidate)} is already paused.`);
		const r = await this.#deps.attempts.pause(attempt.id);
		if (!r.ok) return refuse(`Not paused: ${r.error}`);
		await this.#log(sessionId, actor, `Paused ${who(candidate)}.`);
		return { ok: true, message: `${who(candidate)} is paused: the clock is stopped until you resume.`, value: null };
	}

	/** Start one candidate's clock again; the time paused is given back. */
	async resume(sessionId: string, candidateId: string, actor: Actor): Promise<ProctorResult> {
		const t = await this.#target(sessionId, candidateId);
		if (!t.ok) return t;
		const { candidate, attempt } = t.value;
		if (attempt.status !== 'in-progress') return refuse(`${who(candidate)} is not writing: the attempt is ${STATE_LABELS[attempt.status].toLowerCase()}.`);
		if (!isPaused(attempt)) return refuse(`${who(candidate)} is not paused.`);
		const r = await this.#deps.attempts.resume(attempt.id);
		if (!r.ok) return refuse(`Not resumed: ${r.error}`);
		const back = r.attempt.deadline - attempt.deadline;
		await this.#log(sessionId, actor, `Resumed ${who(candidate)} after a pause of ${spokenDuration(back)} (the time was given back).`);
		return { ok: true, message: `${who(candidate)} is writing again; the ${spokenDuration(back)} paused were given back.`, value: null };
	}

	/** Give one candidate more time: whole minutes from 1 to MAX_ADDED_MINUTES, typed as text. */
	async addTime(sessionId: string, candidateId: string, minutesText: string, actor: Actor): Promise<ProctorResult> {
		const t = await this.#target(sessionId, candidateId);
		if (!t.ok) return t;
		const { candidate, attempt } = t.value;
		const text = minutesText.trim();
		const minutes = /^\d{1,4}$/.test(text) ? Number(text) : NaN;
		if (!(minutes >= 1 && minutes <= MAX_ADDED_MINUTES)) {
			return refuse(`Enter the minutes to add as a whole number from 1 to ${MAX_ADDED_MINUTES}.`, { field: 'minutes' });
		}
		if (attempt.status !== 'in-progress') return refuse(`${who(candidate)} is not writing: the attempt is ${STATE_LABELS[attempt.status].toLowerCase()}.`);
		const r = await this.#deps.attempts.addTime(attempt.id, minutes);
		if (!r.ok) return refuse(`No time added: ${r.error}`, r.code === 'invalid' ? { field: 'minutes' } : {});
		await this.#deps.store.update<AddedFile>(addedKey(sessionId), () => ({ added: {} }), (file) => {
			file.added[candidate.candidateId] = (file.added[candidate.candidateId] ?? 0) + minutes;
		});
		await this.#log(sessionId, actor, `Added ${plural(minutes, 'minute', 'minutes')} for ${who(candidate)}.`);
		return { ok: true, message: `${plural(minutes, 'minute was', 'minutes were')} added for ${who(candidate)}.`, value: null };
	}

	/** Void one attempt (writing or closed) with a reason: it is not scored or ranked. */
	async voidAttempt(sessionId: string, candidateId: string, reasonText: string, confirmed: boolean, actor: Actor): Promise<ProctorResult> {
		const t = await this.#target(sessionId, candidateId);
		if (!t.ok) return t;
		const { session, candidate, attempt } = t.value;
		if (session.status !== 'in-progress' && session.status !== 'closed') {
			return refuse(`The session is ${STATUS_LABELS[session.status].toLowerCase()}: attempts can be voided only while the exam runs or before it is scored.`);
		}
		const reason = reasonText.trim().replace(/\s+/g, ' ');
		if (reason.length < 5) return refuse('Give the reason for voiding the attempt (at least 5 characters); it goes in the audit log.', { field: 'reason' });
		if (reason.length > 500) return refuse('The reason must be at most 500 characters.', { field: 'reason' });
		if (!confirmed) return refuse('Tick “Yes, void this attempt” to confirm. A voided attempt is not scored or ranked, and this cannot be undone here.', { field: 'confirm' });
		const r = await this.#deps.attempts.voidAttempt(attempt.id, reason, actor.displayName);
		if (!r.ok) return refuse(`Not voided: ${r.error}`, r.code === 'invalid' ? { field: 'reason' } : {});
		await this.#log(sessionId, actor, `Voided the attempt of ${who(candidate)}: “${reason}”.`);
		return { ok: true, message: `The attempt of ${who(candidate)} is voided.`, value: null };
	}

	/** A new access code for one candidate (another computer); the old code and its sign-in stop working. Logged by `issueCodes`. */
	async newCode(sessionId: string, candidateId: string, actor: Actor): Promise<ProctorResult<{ code: string; name: string; applicantId: string }>> {
		const session = await this.#deps.sessions.get(sessionId);
		if (!session) return refuse('There is no such exam session.');
		const candidate = CANDIDATE_ID.test(candidateId) ? session.candidates.find((c) => c.candidateId === candidateId) : undefined;
		if (!candidate) return refuse('There is no such applicant on this session’s roster.');
		const r = await this.#deps.sessions.issueCodes(sessionId, candidate.candidateId, actor);
		if (!r.ok) return refuse(r.error);
		const code = r.value[0]!.code;
		return {
			ok: true,
			message: `New access code for ${who(candidate)}: ${code}. It is shown only now; the old code and the sign-in made with it no longer work.`,
			value: { code, name: candidate.name, applicantId: candidate.applicantId }
		};
	}

	/** Candidates whose attempt is in progress (writing or paused), with their attempts. */
	async #writers(session: Readonly<ExamSession>): Promise<{ candidate: Readonly<Candidate>; attempt: Readonly<Attempt> }[]> {
		const found = await Promise.all(session.candidates.map(async (candidate) => ({ candidate, attempt: await this.#attemptOf(session, candidate) })));
		return found.filter((f): f is { candidate: Readonly<Candidate>; attempt: Readonly<Attempt> } => f.attempt?.status === 'in-progress');
	}

	async #running(sessionId: string): Promise<{ ok: true; value: Readonly<ExamSession> } | { ok: false; error: string }> {
		const session = await this.#deps.sessions.get(sessionId);
		if (!session) return refuse('There is no such exam session.');
		if (session.status !== 'in-progress') return refuse(`The exam is not running: the session is ${STATUS_LABELS[session.status].toLowerCase()}.`);
		return { ok: true, value: session };
	}

	/** Pause or resume every attempt in progress (a fire alarm). */
	async #everyone(sessionId: string, confirmed: boolean, actor: Actor, how: 'pause' | 'resume'): Promise<ProctorResult<{ changed: number }>> {
		const s = await this.#running(sessionId);
		if (!s.ok) return s;
		const verb = how === 'pause' ? 'pause' : 'resume';
		if (!confirmed) return refuse(`Tick “Yes, ${verb} everyone” to confirm.`, { field: 'confirm' });
		const due = (await this.#writers(s.value)).filter(({ attempt }) => (how === 'pause' ? !isPaused(attempt) : isPaused(attempt)));
		if (due.length === 0) return refuse(how === 'pause' ? 'Nobody is writing: there is no one to pause.' : 'Nobody is paused: there is no one to resume.');
		let changed = 0;
		const failed: string[] = [];
		await inBatches(due, this.#deps.concurrency ?? 8, async ({ candidate, attempt }) => {
			const r = await this.#deps.attempts[how](attempt.id);
			if (r.ok) changed++;
			else failed.push(`${who(candidate)}: ${r.error}`);
		});
		if (changed === 0) return refuse(`Nobody was ${how === 'pause' ? 'paused' : 'resumed'}. ${failed.join(' ')}`);
		const done = how === 'pause' ? 'paused' : 'resumed';
		const extra = failed.length ? ` Not ${done}: ${failed.join('; ')}.` : '';
		await this.#log(sessionId, actor, `${how === 'pause' ? 'Paused' : 'Resumed'} everyone: ${plural(changed, 'attempt', 'attempts')} ${done}.${extra}`);
		const message =
			how === 'pause'
				? `Everyone is paused: ${plural(changed, 'attempt', 'attempts')} stopped; their clocks stand still until you resume.${extra}`
				: `Everyone is writing again: ${plural(changed, 'attempt', 'attempts')} resumed, with the paused time given back.${extra}`;
		return { ok: true, message, value: { changed } };
	}

	pauseAll(sessionId: string, confirmed: boolean, actor: Actor): Promise<ProctorResult<{ changed: number }>> {
		return this.#everyone(sessionId, confirmed, actor, 'pause');
	}

	resumeAll(sessionId: string, confirmed: boolean, actor: Actor): Promise<ProctorResult<{ changed: number }>> {
		return this.#everyone(sessionId, confirmed, actor, 'resume');
	}

	/**
	 * Close the session (in progress → closed) when nobody is still writing. With `endWriters`
	 * (and confirmed), the attempts still in progress are ended now, closed and scored as at their
	 * deadline, and then the session closes.
	 */
	async close(sessionId: string, actor: Actor, options: { endWriters?: boolean; confirmed?: boolean } = {}): Promise<ProctorResult<{ ended: number }>> {
		const session = await this.#deps.sessions.get(sessionId);
		if (session?.status === 'closed') return refuse('The session is already closed.');
		const s = await this.#running(sessionId);
		if (!s.ok) return s;
		const writers = await this.#writers(s.value);
		let ended = 0;
		if (writers.length) {
			const still = `${plural(writers.length, 'candidate is', 'candidates are')} still writing`;
			if (!options.endWriters) return refuse(`The session cannot close yet: ${still}. Wait until they submit, or end the exam now for them.`, { writing: writers.length });
			if (!options.confirmed) return refuse(`Tick “Yes, end the exam now” to confirm: ${still}.`, { field: 'confirm', writing: writers.length });
			const failed: string[] = [];
			const endedIds = new Set<string>();
			await inBatches(writers, this.#deps.concurrency ?? 8, async ({ candidate, attempt }) => {
				const r = await this.#deps.attempts.end(attempt.id, actor.displayName);
				if (r.ok) endedIds.add(candidate.candidateId);
				// Submitted or closed meanwhile: not writing any more either.
				else if (r.code !== 'closed') failed.push(`${who(candidate)}: ${r.error}`);
			});
			const closed = writers.map((w) => w.candidate).filter((c) => endedIds.has(c.candidateId));
			ended = closed.length;
			if (ended) await this.#log(sessionId, actor, `Ended the exam now for ${plural(ended, 'candidate', 'candidates')} still writing (${namedIds(closed)}); their attempts were closed and scored.`);
			if (failed.length) return refuse(`The session is still open: the exam could not be ended for ${failed.join('; ')}.`);
		}
		const again = await this.#writers(s.value);
		if (again.length) return refuse(`The session cannot close yet: ${plural(again.length, 'candidate has', 'candidates have')} just started writing.`, { writing: again.length });
		const moved = await this.#deps.sessions.advance(sessionId, 'closed', actor);
		if (!moved.ok) return refuse(moved.error);
		return { ok: true, message: ended ? `The exam was ended for ${plural(ended, 'candidate', 'candidates')} still writing, and the session is closed.` : 'The session is closed.', value: { ended } };
	}
}

const holder = globalThis as typeof globalThis & { __proctor?: Proctor };

/** The proctor console for this process (the app's store, the real clock, exam-day's start). */
export function proctor(): Proctor {
	holder.__proctor ??= new Proctor({ sessions: hrSessions(), attempts: examAttempts(), store: getStore(), now: () => Date.now(), start: startSession });
	return holder.__proctor;
}
