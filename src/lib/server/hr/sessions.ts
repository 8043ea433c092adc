/**
 * Exam sessions for HR: one exam day (a blueprint, a date, a start time, a place, proctors), its
 * roster of applicants and their one-time access codes, its status from scheduled to released, and
 * the scoring choices for its eligibility list.
 *
 * Files: `hr/sessions/<id>`, one small file per session holding its roster (a few hundred rows),
 * rewritten whole and durably by the store. Sessions are listed from the folder.
 *
 * Access codes are shown once, when they are issued (on the tickets HR prints); only a SHA-256 of
 * each is stored, as for sign-in sessions. A code has 60 random bits, so a fast hash is enough.
 * Issuing again replaces the code, and the old ticket stops working.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { ExamBlueprint, PassingPoint, ScoreAdjustments } from '$lib/exams';
import { isPlainDecimal, dec } from '$lib/exams/decimal';
import { accessCodeFrom, CODE_BYTES, normalizeAccessCode } from '$lib/hr/codes';
import { isCertificationRule, type CertificationRule } from '$lib/hr/ranking';
import { parseRoster, validateApplicant, type ApplicantInput, type ColumnKey, type RosterPreview } from '$lib/hr/roster';
import type { Store } from '../store';

export const SESSION_STATUSES = ['scheduled', 'open', 'in-progress', 'closed', 'scored', 'released'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export const STATUS_LABELS: Record<SessionStatus, string> = {
	scheduled: 'Scheduled',
	open: 'Open',
	'in-progress': 'In progress',
	closed: 'Closed',
	scored: 'Scored',
	released: 'Released'
};

/** What each status means, and what moving to it does. */
export const STATUS_HELP: Record<SessionStatus, string> = {
	scheduled: 'Planned: the roster and tickets can be prepared.',
	open: 'Candidates may check in; the roster can still be corrected.',
	'in-progress': 'The exam has started; the roster is locked.',
	closed: 'Time is over and every attempt is closed.',
	scored: 'Scores are final and the eligibility list can be prepared.',
	released: 'Scores and the list have been published to candidates.'
};

export interface Candidate extends ApplicantInput {
	/** Internal id, stable when HR edits the applicant id. */
	candidateId: string;
	/** SHA-256 (hex) of the access code's 12 symbols; null until issued. */
	codeHash: string | null;
	codeIssuedAt: string | null;
	codeUsedAt: string | null;
	/** When the applicant first signed in with a code on exam day (absent in files written before sign-in existed). */
	checkedInAt?: string | null;
	/** The candidate's exam attempt, once the runner has started one for this session. */
	attemptId: string | null;
	addedAt: string;
	updatedAt: string;
}

export type SessionLogEntry = { at: string; by: string; action: string };

/** Why, by whom and when HR voided an item or corrected its key (scoring.ts). */
export type AdjustmentNote = { reason: string; by: string; at: string };
/** HR's voided items and corrected keys for the whole session, with the reason for each; every closed attempt is re-scored with them. */
export interface SessionAdjustments extends ScoreAdjustments {
	notes: Record<string, AdjustmentNote>;
}

export interface ExamSession {
	id: string;
	blueprintId: string;
	/** The blueprint's title when the session was made. */
	title: string;
	/** YYYY-MM-DD, the city's calendar. */
	date: string;
	/** HH:MM, 24-hour, city time. */
	startTime: string;
	location: string;
	proctors: string[];
	status: SessionStatus;
	passingPoint: PassingPoint | null;
	rule: CertificationRule;
	banding: boolean;
	candidates: Candidate[];
	createdAt: string;
	createdBy: string;
	log: SessionLogEntry[];
	/** Voided items and corrected keys (absent until HR makes the first; see scoring.ts). */
	adjustments?: SessionAdjustments;
}

export type SessionSummary = Pick<ExamSession, 'id' | 'blueprintId' | 'title' | 'date' | 'startTime' | 'location' | 'status'> & { candidates: number; codes: number };

export type SessionFields = { blueprintId: string; date: string; startTime: string; location: string; proctors: string };
export type FieldErrors = Partial<Record<keyof SessionFields | 'form', string>>;

export type Actor = { id: string; displayName: string };

export type HrDeps = {
	store: Store;
	now: () => number;
	blueprints: () => Promise<readonly ExamBlueprint[]>;
	randomBytes?: (n: number) => Uint8Array;
	newId?: () => string;
};

const SESSION_ID = /^s_[0-9a-f]{12}$/;
const CANDIDATE_ID = /^c_[0-9a-f]{12}$/;
/** The runner's attempt ids (src/lib/server/exams/attempts.ts). */
export const ATTEMPT_ID = /^a_[0-9a-f]{16}$/;
const sessionKey = (id: string) => `hr/sessions/${id}`;

export const hashCode = (symbols: string) => createHash('sha256').update(symbols).digest('hex');

/** Is YYYY-MM-DD a real calendar date? */
function isCalendarDate(s: string): boolean {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
	if (!m) return false;
	const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
	const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
	return y >= 2000 && y <= 2100 && mo >= 1 && mo <= 12 && d >= 1 && d <= days;
}

/** Check the session form; proctors are one per line or separated by commas or semicolons. */
export function readSessionFields(f: SessionFields, blueprints: readonly ExamBlueprint[]): { ok: true; value: Omit<SessionFields, 'proctors'> & { proctors: string[]; title: string } } | { ok: false; errors: FieldErrors } {
	const errors: FieldErrors = {};
	const blueprint = blueprints.find((b) => b.id === f.blueprintId);
	if (!f.blueprintId) errors.blueprintId = 'Choose the exam this session gives.';
	else if (!blueprint || blueprint.draft || blueprint.purpose !== 'exam') errors.blueprintId = 'Choose one of the exams in the list.';
	const date = f.date.trim();
	if (!date) errors.date = 'Enter the date of the exam.';
	else if (!isCalendarDate(date)) errors.date = 'Enter a real date as YYYY-MM-DD, like 2027-03-14.';
	const time = f.startTime.trim();
	if (!time) errors.startTime = 'Enter the start time.';
	else if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) errors.startTime = 'Enter the start time as HH:MM on the 24-hour clock, like 09:00 or 13:30.';
	const location = f.location.trim().replace(/\s+/g, ' ');
	if (!location) errors.location = 'Enter where the exam is held, like “Community Center, Room B”.';
	else if (location.length > 120) errors.location = 'The location must be at most 120 characters.';
	const proctors = f.proctors
		.split(/[\n,;]+/)
		.map((p) => p.trim().replace(/\s+/g, ' '))
		.filter(Boolean);
	if (proctors.length === 0) errors.proctors = 'Name at least one proctor.';
	else if (proctors.length > 20) errors.proctors = 'Name at most 20 proctors.';
	else if (proctors.some((p) => p.length > 80)) errors.proctors = 'Each proctor’s name must be at most 80 characters.';
	if (Object.keys(errors).length) return { ok: false, errors };
	return { ok: true, value: { blueprintId: f.blueprintId, title: blueprint!.title, date, startTime: time, location, proctors } };
}

export type Outcome<T = void> = { ok: true; value: T } | { ok: false; error: string };
const refuse = (error: string): { ok: false; error: string } => ({ ok: false, error });

/** Why `advance` does not start the exam itself. */
export const START_THROUGH_EXAM_DAY = 'Start the exam with “Start the exam for everyone”: it also starts the attempt of every applicant who has checked in.';

/** Why `advance` does not mark a session scored or released: scoring.ts checks every attempt first (and releases them). */
export const FINISH_THROUGH_SCORING = 'Mark the session scored, and release the scores, on the session’s Scoring page: it first checks that no attempt is still open and no essay is waiting.';

/** Sessions whose codes sign applicants in (late arrivals too, while the exam runs). */
export const signInOpen = (s: Pick<ExamSession, 'status'>) => s.status === 'open' || s.status === 'in-progress';

/** The roster may change only before the exam starts. */
export const rosterEditable = (s: Pick<ExamSession, 'status'>) => s.status === 'scheduled' || s.status === 'open';

export class HrSessions {
	readonly store: Store;
	readonly #deps: HrDeps;

	constructor(deps: HrDeps) {
		this.#deps = deps;
		this.store = deps.store;
	}

	#iso(): string {
		return new Date(this.#deps.now()).toISOString();
	}

	#id(prefix: 's' | 'c'): string {
		return `${prefix}_${this.#deps.newId?.() ?? randomBytes(6).toString('hex')}`;
	}

	#bytes(n: number): Uint8Array {
		return this.#deps.randomBytes?.(n) ?? randomBytes(n);
	}

	async blueprints(): Promise<ExamBlueprint[]> {
		return (await this.#deps.blueprints()).filter((b) => b.purpose === 'exam' && !b.draft);
	}

	async list(): Promise<SessionSummary[]> {
		const out: SessionSummary[] = [];
		for (const key of await this.store.list('hr/sessions')) {
			const s = await this.store.get<ExamSession>(key);
			if (!s) continue;
			out.push({
				id: s.id,
				blueprintId: s.blueprintId,
				title: s.title,
				date: s.date,
				startTime: s.startTime,
				location: s.location,
				status: s.status,
				candidates: s.candidates.length,
				codes: s.candidates.filter((c) => c.codeHash).length
			});
		}
		return out.sort((a, b) => `${b.date} ${b.startTime}`.localeCompare(`${a.date} ${a.startTime}`) || a.id.localeCompare(b.id));
	}

	async get(id: string): Promise<Readonly<ExamSession> | undefined> {
		if (!SESSION_ID.test(id)) return undefined;
		return this.store.get<ExamSession>(sessionKey(id));
	}

	async create(fields: SessionFields, actor: Actor): Promise<{ ok: true; id: string } | { ok: false; errors: FieldErrors }> {
		const read = readSessionFields(fields, await this.blueprints());
		if (!read.ok) return read;
		const id = this.#id('s');
		const blueprint = (await this.blueprints()).find((b) => b.id === read.value.blueprintId)!;
		const at = this.#iso();
		const session: ExamSession = {
			id,
			...read.value,
			status: 'scheduled',
			passingPoint: blueprint.passingPoint ? { ...blueprint.passingPoint } : null,
			rule: '3',
			banding: false,
			candidates: [],
			createdAt: at,
			createdBy: actor.displayName,
			log: [{ at, by: actor.displayName, action: `Session created for ${read.value.date} at ${read.value.startTime}, ${read.value.location}.` }]
		};
		await this.store.put(sessionKey(id), session);
		return { ok: true, id };
	}

	/** Read-modify-write of one session under its file's lock; `change` returns an error text to refuse (nothing is written). */
	async #change<T>(id: string, actor: Actor, change: (s: ExamSession) => { error: string } | { value: T; log: string | null }): Promise<Outcome<T>> {
		if (!(await this.get(id))) return refuse('There is no such exam session.');
		type R = Outcome<T>;
		const sentinel = new Error('refused');
		let refused: string | null = null;
		try {
			return await this.store.update<ExamSession, R>(sessionKey(id), () => {
				throw new Error('session vanished');
			}, (s) => {
				const r = change(s);
				if ('error' in r) {
					refused = r.error;
					throw sentinel; // nothing is written
				}
				// The audit log keeps every line: a session's actions are a few hundred, made by people.
				if (r.log !== null) s.log.push({ at: this.#iso(), by: actor.displayName, action: r.log });
				return { ok: true, value: r.value };
			});
		} catch (err) {
			if (err === sentinel && refused !== null) return refuse(refused);
			throw err;
		}
	}

	async updateDetails(id: string, fields: Omit<SessionFields, 'blueprintId'>, actor: Actor): Promise<{ ok: true } | { ok: false; errors: FieldErrors }> {
		const s = await this.get(id);
		if (!s) return { ok: false, errors: { form: 'There is no such exam session.' } };
		// The exam itself never changes here (even if its blueprint was since withdrawn).
		const own = { id: s.blueprintId, title: s.title, purpose: 'exam', draft: false } as ExamBlueprint;
		const read = readSessionFields({ ...fields, blueprintId: s.blueprintId }, [own]);
		if (!read.ok) return read;
		const r = await this.#change(id, actor, (draft) => {
			if (!rosterEditable(draft)) return { error: 'The details cannot change once the exam has started.' };
			Object.assign(draft, { date: read.value.date, startTime: read.value.startTime, location: read.value.location, proctors: read.value.proctors });
			return { value: undefined, log: `Details changed: ${read.value.date} at ${read.value.startTime}, ${read.value.location}.` };
		});
		return r.ok ? { ok: true } : { ok: false, errors: { form: r.error } };
	}

	/**
	 * Move to the next status (one step forward). Opening needs a roster with every code issued.
	 * Starting the exam (open → in progress) is not a step here: it starts every checked-in
	 * applicant's attempt too, so only `startSession` in exam-day.ts does it.
	 */
	async advance(id: string, to: string, actor: Actor): Promise<Outcome<SessionStatus>> {
		return this.#change<SessionStatus>(id, actor, (s) => {
			const next = SESSION_STATUSES[SESSION_STATUSES.indexOf(s.status) + 1];
			if (!next) return { error: 'The scores are already released; there is no further step.' };
			if (to !== next) return { error: `The session is ${STATUS_LABELS[s.status].toLowerCase()}; the next step is “${STATUS_LABELS[next]}”. Reload the page to see its current status.` };
			if (next === 'in-progress') return { error: START_THROUGH_EXAM_DAY };
			if (next === 'scored' || next === 'released') return { error: FINISH_THROUGH_SCORING };
			if (next === 'open') {
				if (s.candidates.length === 0) return { error: 'Import the roster before opening the session.' };
				const without = s.candidates.filter((c) => !c.codeHash).length;
				if (without) return { error: `${without} ${without === 1 ? 'applicant has' : 'applicants have'} no access code yet. Print their admission tickets before opening the session.` };
			}
			s.status = next;
			return { value: next, log: `Status changed to ${STATUS_LABELS[next]}.` };
		});
	}

	/** Check a roster file against this session's roster (nothing is stored). */
	async previewRoster(id: string, text: string): Promise<Outcome<RosterPreview>> {
		const s = await this.get(id);
		if (!s) return refuse('There is no such exam session.');
		if (!rosterEditable(s)) return refuse('The roster is locked: the exam has started.');
		return { ok: true, value: parseRoster(text, s.candidates) };
	}

	/** Add every applicant of a roster file, or none when any row has a problem (checked again here). */
	async importRoster(id: string, text: string, actor: Actor): Promise<Outcome<{ added: number; preview: RosterPreview }>> {
		const at = this.#iso();
		return this.#change<{ added: number; preview: RosterPreview }>(id, actor, (s) => {
			if (!rosterEditable(s)) return { error: 'The roster is locked: the exam has started.' };
			const preview = parseRoster(text, s.candidates);
			if (!preview.ok) return { error: `Nothing was imported: the file has ${preview.errors.length} ${preview.errors.length === 1 ? 'problem' : 'problems'}. Fix ${preview.errors.length === 1 ? 'it' : 'them'} and preview again.` };
			for (const a of preview.applicants) {
				s.candidates.push({ ...a, candidateId: this.#id('c'), codeHash: null, codeIssuedAt: null, codeUsedAt: null, checkedInAt: null, attemptId: null, addedAt: at, updatedAt: at });
			}
			return { value: { added: preview.applicants.length, preview }, log: `Roster import: ${preview.applicants.length} applicants added.` };
		});
	}

	async candidate(id: string, candidateId: string): Promise<{ session: Readonly<ExamSession>; candidate: Readonly<Candidate> } | undefined> {
		if (!CANDIDATE_ID.test(candidateId)) return undefined;
		const session = await this.get(id);
		const candidate = session?.candidates.find((c) => c.candidateId === candidateId);
		return session && candidate ? { session, candidate } : undefined;
	}

	/** Correct one applicant; the id and email must stay unique in the session. */
	async updateApplicant(id: string, candidateId: string, raw: Partial<Record<ColumnKey, string>>, actor: Actor): Promise<{ ok: true } | { ok: false; errors: Partial<Record<ColumnKey | 'form', string>> }> {
		const checked = validateApplicant(raw);
		if (!checked.ok) return { ok: false, errors: Object.fromEntries(checked.problems.map((p) => [p.column, p.message])) };
		const a = checked.applicant;
		let field: ColumnKey | 'form' = 'form';
		const r = await this.#change(id, actor, (s) => {
			if (!rosterEditable(s)) return { error: 'The roster is locked: the exam has started.' };
			const c = s.candidates.find((x) => x.candidateId === candidateId);
			if (!c) return { error: 'There is no such applicant on this roster.' };
			const others = s.candidates.filter((x) => x !== c);
			if (others.some((x) => x.applicantId.toLowerCase() === a.applicantId.toLowerCase())) {
				field = 'applicantId';
				return { error: `Another applicant on this roster already has the id ${a.applicantId}.` };
			}
			if (others.some((x) => x.email.toLowerCase() === a.email.toLowerCase())) {
				field = 'email';
				return { error: `Another applicant on this roster already has the email ${a.email}.` };
			}
			Object.assign(c, a, { updatedAt: this.#iso() });
			return { value: undefined, log: `Applicant ${a.applicantId} (${a.name}) edited.` };
		});
		return r.ok ? { ok: true } : { ok: false, errors: { [field]: r.error } };
	}

	/** Take an applicant off the roster (before the exam starts). */
	async removeApplicant(id: string, candidateId: string, actor: Actor): Promise<Outcome> {
		return this.#change(id, actor, (s) => {
			if (!rosterEditable(s)) return { error: 'The roster is locked: the exam has started.' };
			const i = s.candidates.findIndex((x) => x.candidateId === candidateId);
			if (i < 0) return { error: 'There is no such applicant on this roster.' };
			const [c] = s.candidates.splice(i, 1);
			return { value: undefined, log: `Applicant ${c!.applicantId} (${c!.name}) removed from the roster.` };
		});
	}

	/**
	 * Issue access codes: for applicants without one ("missing"), for everyone ("all"), or for one
	 * candidate id. Returns the codes in roster order; this is the only time they exist in clear.
	 * One applicant may get a new code while the exam runs too (they moved to another computer):
	 * the old code, and a sign-in made with it, stop working.
	 */
	async issueCodes(id: string, which: 'missing' | 'all' | string, actor: Actor): Promise<Outcome<{ candidateId: string; code: string }[]>> {
		const at = this.#iso();
		const one = which !== 'missing' && which !== 'all';
		return this.#change<{ candidateId: string; code: string }[]>(id, actor, (s) => {
			if (one ? !rosterEditable(s) && s.status !== 'in-progress' : !rosterEditable(s)) {
				return { error: one ? 'A new access code can be given only until the exam is over.' : 'Tickets can be printed only before the exam starts.' };
			}
			const targets = s.candidates.filter((c) => (which === 'all' ? true : which === 'missing' ? !c.codeHash : c.candidateId === which));
			if (targets.length === 0) return { error: which === 'missing' ? 'Every applicant already has a ticket. To print them again, choose “Reprint every ticket with new codes”.' : 'There is no such applicant on this roster.' };
			const taken = new Set(s.candidates.map((c) => c.codeHash).filter(Boolean));
			const issued = targets.map((c) => {
				let code: string;
				let hash: string;
				do {
					code = accessCodeFrom(this.#bytes(CODE_BYTES));
					hash = hashCode(normalizeAccessCode(code)!);
				} while (taken.has(hash));
				taken.add(hash);
				c.codeHash = hash;
				c.codeIssuedAt = at;
				c.codeUsedAt = null;
				return { candidateId: c.candidateId, code };
			});
			const during = s.status === 'open' || s.status === 'in-progress';
			const log =
				one && during
					? `New access code given to applicant ${targets[0]!.applicantId} (${targets[0]!.name}); the old one no longer works.`
					: `Admission tickets printed with new access codes for ${issued.length} ${issued.length === 1 ? 'applicant' : 'applicants'}.`;
			return { value: issued, log };
		});
	}

	/** The candidate a typed code belongs to in this session (for applicant sign-in). */
	async findByCode(id: string, typed: string): Promise<Readonly<Candidate> | undefined> {
		const symbols = normalizeAccessCode(typed);
		const s = await this.get(id);
		if (!symbols || !s) return undefined;
		const hash = hashCode(symbols);
		return s.candidates.find((c) => c.codeHash === hash);
	}

	/**
	 * The session and candidate a typed code belongs to, searched in every session (there are a
	 * few); undefined when the text cannot be a code or matches none. The caller decides by the
	 * session's status whether it signs in.
	 */
	async findCode(typed: string): Promise<{ session: Readonly<ExamSession>; candidate: Readonly<Candidate>; codeHash: string } | undefined> {
		const symbols = normalizeAccessCode(typed);
		if (!symbols) return undefined;
		const hash = hashCode(symbols);
		for (const key of await this.store.list('hr/sessions')) {
			const session = await this.store.get<ExamSession>(key);
			const candidate = session?.candidates.find((c) => c.codeHash === hash);
			if (session && candidate) return { session, candidate, codeHash: hash };
		}
		return undefined;
	}

	/**
	 * Use a candidate's code to check in, under the session's lock: the code must still be theirs
	 * (not replaced since it was looked up) and unused, and the session open or in progress.
	 * Marks the code used and, the first time, the candidate checked in.
	 */
	async checkIn(id: string, candidateId: string, codeHash: string, actor: Actor): Promise<Outcome<{ status: SessionStatus; attemptId: string | null }>> {
		const at = this.#iso();
		return this.#change<{ status: SessionStatus; attemptId: string | null }>(id, actor, (s) => {
			const c = s.candidates.find((x) => x.candidateId === candidateId);
			if (!c || c.codeHash !== codeHash) return { error: 'unknown' };
			if (c.codeUsedAt) return { error: 'used' };
			if (!signInOpen(s)) return { error: s.status };
			c.codeUsedAt = at;
			c.checkedInAt ??= at;
			return { value: { status: s.status, attemptId: c.attemptId }, log: null };
		});
	}

	/**
	 * Open → in progress. Only `startSession` (exam-day.ts) calls this: it then starts every
	 * checked-in applicant's attempt. Already in progress is not an error (a second click).
	 */
	async markInProgress(id: string, actor: Actor): Promise<Outcome<{ already: boolean }>> {
		const s = await this.get(id);
		if (s?.status === 'in-progress') return { ok: true, value: { already: true } };
		return this.#change<{ already: boolean }>(id, actor, (draft) => {
			if (draft.status === 'in-progress') return { value: { already: true }, log: null };
			if (draft.status !== 'open') {
				return { error: draft.status === 'scheduled' ? 'Open the session first, so applicants can check in.' : `The session is ${STATUS_LABELS[draft.status].toLowerCase()}; the exam cannot start again.` };
			}
			draft.status = 'in-progress';
			const waiting = draft.candidates.filter((c) => c.checkedInAt).length;
			return { value: { already: false }, log: `Exam started for everyone: status changed to In progress with ${waiting} of ${draft.candidates.length} applicants checked in.` };
		});
	}

	/** Record the attempt a candidate sits (the runner calls this when it starts a session attempt). */
	async linkAttempt(id: string, candidateId: string, attemptId: string, actor: Actor): Promise<Outcome> {
		if (!ATTEMPT_ID.test(attemptId)) return refuse('That is not an attempt id.');
		return this.#change(id, actor, (s) => {
			const c = s.candidates.find((x) => x.candidateId === candidateId);
			if (!c) return { error: 'There is no such applicant on this roster.' };
			if (c.attemptId === attemptId) return { value: undefined, log: null }; // linked already (a start repeated)
			c.attemptId = attemptId;
			return { value: undefined, log: `Attempt started for applicant ${c.applicantId}.` };
		});
	}

	/** Add one line to the session's audit log, with who and when (the proctor console's actions on attempts). */
	async appendLog(id: string, actor: Actor, action: string): Promise<Outcome> {
		return this.#change(id, actor, () => ({ value: undefined, log: action }));
	}

	/** The passing point, certification rule and banding of the list. */
	async setScoring(id: string, input: { mode: string; value: string; rule: string; banding: boolean }, actor: Actor): Promise<{ ok: true } | { ok: false; field: 'value' | 'rule' | 'form'; error: string }> {
		const value = input.value.trim().replace(/%$/, '').trim();
		if (input.mode !== 'percent' && input.mode !== 'points') return { ok: false, field: 'value', error: 'Choose percent or points.' };
		if (!isPlainDecimal(value) || value.replace(/^\d*\.?/, '').length > 2 || value.startsWith('-')) {
			return { ok: false, field: 'value', error: 'Enter the passing point as a number with at most two decimals, like 70 or 52.5.' };
		}
		if (input.mode === 'percent' && dec(value).gt(100)) return { ok: false, field: 'value', error: 'A percent passing point must be from 0 to 100.' };
		if (!isCertificationRule(input.rule)) return { ok: false, field: 'rule', error: 'Choose the rule of 1, 3, 10 or the whole list.' };
		const rule = input.rule;
		const passingPoint: PassingPoint = input.mode === 'percent' ? { percent: value } : { points: value };
		const r = await this.#change(id, actor, (s) => {
			if (s.status === 'released') return { error: 'The list has been released; its passing point can no longer change.' };
			s.passingPoint = passingPoint;
			s.rule = rule;
			s.banding = input.banding;
			return { value: undefined, log: `Passing point set to ${'percent' in passingPoint ? `${value}%` : `${value} points`}; ${rule === 'all' ? 'whole list' : `rule of ${rule}`}${input.banding ? ', with score bands' : ''}.` };
		});
		return r.ok ? { ok: true } : { ok: false, field: 'form', error: r.error };
	}

	/**
	 * Change the session's voided items and corrected keys under its lock (scoring.ts validates the
	 * change and then re-scores every closed attempt). Refused once the scores are released.
	 */
	async changeAdjustments(id: string, actor: Actor, change: (a: SessionAdjustments) => { error: string } | { log: string }): Promise<Outcome<SessionAdjustments>> {
		return this.#change<SessionAdjustments>(id, actor, (s) => {
			if (s.status === 'released') return { error: 'The scores have been released; questions can no longer be voided or their keys corrected.' };
			const next: SessionAdjustments = structuredClone(s.adjustments ?? { voided: [], corrections: {}, notes: {} });
			const r = change(next);
			if ('error' in r) return r;
			s.adjustments = next;
			return { value: structuredClone(next), log: r.log };
		});
	}

	/**
	 * Closed → scored. Only scoring.ts calls this, after checking that no attempt is still open and
	 * no essay is waiting; the session's own rule (a passing point) is checked here.
	 */
	async markScored(id: string, actor: Actor): Promise<Outcome> {
		return this.#change(id, actor, (s) => {
			if (s.status !== 'closed') return { error: s.status === 'scored' || s.status === 'released' ? 'The session is already scored.' : 'Close the session first: the exam is not over yet.' };
			if (!s.passingPoint) return { error: 'Set the passing point on the results page before marking the session scored.' };
			s.status = 'scored';
			return { value: undefined, log: `Status changed to ${STATUS_LABELS.scored}.` };
		});
	}

	/** Scored → released (already released is not an error: scoring.ts then releases attempts a first try missed). */
	async markReleased(id: string, actor: Actor): Promise<Outcome<{ already: boolean }>> {
		if ((await this.get(id))?.status === 'released') return { ok: true, value: { already: true } };
		return this.#change<{ already: boolean }>(id, actor, (s) => {
			if (s.status !== 'scored') return { error: s.status === 'released' ? 'The scores are already released.' : 'Mark the session scored before releasing the scores.' };
			s.status = 'released';
			return { value: { already: false }, log: `Status changed to ${STATUS_LABELS.released}.` };
		});
	}
}
