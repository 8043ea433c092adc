/**
 * Exam attempts: start, save, submit and close, with the server's clock.
 *
 * Files (one writer per file, each rewritten whole and durably by the store):
 * - `exams/attempts/<id>`      the attempt: who, when, the deadline, what was delivered, the
 *                              answers by delivered index, flags, save sequence numbers, status
 *                              and the score (stored at close, shown only when allowed).
 * - `exams/attempt-items/<id>` the items as they were at the start, written once before the
 *                              attempt itself: content edits never change an attempt in
 *                              progress, and the file that every save rewrites stays small.
 * - `exams/open-attempts`      id → deadline of attempts that may still be open, so the sweeper
 *                              can close them with no browser left. Added at start; dropped by
 *                              the sweeper once the deadline and grace have passed (a submit
 *                              does not touch it, so 250 submits do not queue on one file).
 * - `exams/owners/<kind>-<id>` the attempts of one candidate, in order (history, attempt limit).
 *
 * Every function takes time from the injected clock, so tests can move it.
 */
import { randomBytes } from 'node:crypto';
import {
	DrawError,
	drawExam,
	presentItem,
	readResponse,
	saveAllowed,
	scoreAttempt,
	type AfterSubmit,
	adjustedItems,
	NO_ADJUSTMENTS,
	scoreEssay,
	type AttemptScore,
	type DeliveredItem,
	type ExamBlueprint,
	type ExamItem,
	type ExamPurpose,
	type ItemResponse,
	type PassingPoint,
	type PresentedItem,
	type ScoreAdjustments,
	type SkillsTiming
} from '$lib/exams';
import { isSkillsKind } from '$lib/exams';
import type { Store } from '../store';
import { deadlineOf, examMs, type ExamClock } from './clock';

/**
 * Who sits an attempt: a user with an account, or an exam-day applicant (no account), whose id is
 * `<session id>-<candidate id>` from HR's roster.
 */
export type AttemptOwner = { kind: 'user'; id: string } | { kind: 'applicant'; id: string };
/** `voided`: a proctor voided the attempt (with a reason); it is not scored or ranked. */
export type AttemptStatus = 'in-progress' | 'submitted' | 'closed-at-deadline' | 'voided';

/** The parts of the blueprint an attempt needs after it started (copied, like the items). */
export interface AttemptExam {
	title: string;
	purpose: ExamPurpose;
	timeLimitMinutes: number;
	navigation: ExamBlueprint['navigation'];
	showAfterSubmit: AfterSubmit;
	passingPoint?: PassingPoint;
	/** A section's own limit (minutes) runs from when the candidate first opens one of its questions. */
	sections: { id: string; title: string; instructions?: string; timeLimitMinutes?: number }[];
}

export interface Attempt {
	id: string;
	blueprintId: string;
	owner: AttemptOwner;
	seed: string;
	exam: AttemptExam;
	/** Time multiplier ("1", "1.5"). */
	accommodation: string;
	/** Length of an exam minute when it started (EXAM_MINUTE_MS). */
	minuteMs: number;
	/** Milliseconds since the epoch, from the server's clock. */
	startedAt: number;
	deadline: number;
	delivered: DeliveredItem[];
	/** By delivered index; null = not answered. */
	answers: (ItemResponse | null)[];
	flags: boolean[];
	/** By delivered index: the sequence number of the save stored (0 = none); older saves are ignored. */
	seqs: number[];
	lastSavedAt: number | null;
	status: AttemptStatus;
	submittedAt: number | null;
	closedAt: number | null;
	/** Computed at submit or close; never sent to the candidate before release. */
	score: AttemptScore | null;
	/** When HR released scores (exams whose blueprint shows nothing until release). */
	releasedAt: number | null;
	/**
	 * Skills tests by delivered index: when the candidate pressed Start (the text is shown only
	 * from then), and when the stored answer arrived. Absent = not started.
	 */
	skills?: Record<string, SkillsClock>;
	/** Sequential navigation: the delivered index of the question the candidate is on (earlier ones are closed). */
	position?: number;
	/** Sections with their own time limit: when each was first opened (server time), by section id. */
	sectionStarts?: Record<string, number>;
	/** A proctor paused the attempt at this server time: nothing is saved and the clock stands still until resumed. */
	pausedAt?: number | null;
	/** Time proctors gave back or added (pauses and "add time"), in milliseconds: already in `deadline`. */
	extendedMs?: number;
	/** A proctor ended the attempt before its time (the session closed early): who and when. */
	endedEarly?: { by: string; at: number };
	/** Why and by whom a proctor voided the attempt. */
	voided?: { reason: string; by: string; at: number };
	/** Essay scores a person gave, by delivered index (the rubric marks, in rubric order). */
	personScores?: Record<string, PersonScore>;
	/** HR's changes to scoring after the exam (voided items, corrected keys), as last applied. */
	adjustments?: ScoreAdjustments;
}

export interface PersonScore {
	marks: string[];
	points: string;
	by: string;
	at: number;
}

export interface SkillsClock {
	startedAt: number;
	/** Server time of the save that carried the stored answer (null: nothing saved yet). */
	answeredAt: number | null;
	/** How long the test may run, in this attempt's clock (minutes × minute × accommodation). */
	limitMs: number;
}

type ItemsFile = { items: ExamItem[] };
type OpenIndex = { open: Record<string, number> };
type OwnerRef = { id: string; blueprintId: string; startedAt: number };
type OwnerFile = { attempts: OwnerRef[] };

const attemptKey = (id: string) => `exams/attempts/${id}`;
const itemsKey = (id: string) => `exams/attempt-items/${id}`;
const ownerKey = (owner: AttemptOwner) => `exams/owners/${owner.kind}-${owner.id}`;
const OPEN_KEY = 'exams/open-attempts';
const ATTEMPT_ID = /^a_[0-9a-f]{16}$/;

/** A page view this close to the deadline (or after it) ends the attempt: the browser's clock ran out. */
export const TIME_UP_SLACK_MS = 2_000;

export type StartOutcome = { ok: true; attemptId: string; resumed: boolean } | { ok: false; code: 'not-found' | 'draft' | 'used' | 'bank'; error: string };

/** One item's whole state as the browser last set it. `seq` grows with every change of that item. */
export type ItemSave = { index: number; seq: number | 'next'; response: ItemResponse | null; flagged: boolean };

export type SaveOutcome =
	| { ok: true; seqs: Record<number, number>; remainingMs: number; deadline: number; serverNow: number }
	/** `refused`: a well-formed save the rules do not allow now (a question behind a sequential exam, a skills test not started or over). */
	| { ok: false; code: 'not-found' | 'invalid' | 'closed' | 'refused'; error: string }
	/** A proctor paused the attempt: the save is not stored; the browser keeps it and sends it again after the pause. */
	| { ok: false; code: 'paused'; error: string; remainingMs: number };

export type SkillStartOutcome =
	| { ok: true; startedAt: number; limitMs: number; remainingMs: number }
	| { ok: false; code: 'not-found' | 'invalid' | 'closed' | 'refused' | 'paused'; error: string };

export type MoveOutcome = { ok: true; position: number } | { ok: false; code: 'not-found' | 'invalid' | 'closed' | 'refused' | 'paused'; error: string };

/** What a proctor's or grader's action on one attempt gives back. */
export type AttemptChange = { ok: true; attempt: Attempt } | { ok: false; code: 'not-found' | 'invalid' | 'closed'; error: string };

export const PAUSED_MESSAGE = 'The proctor has paused the exam. Your answers are kept and your time is stopped; wait for the proctor to resume it.';
/** Most time a proctor can add at once, in minutes. */
export const MAX_ADDED_MINUTES = 240;

export type CloseOutcome = { ok: true; attempt: Attempt } | { ok: false; code: 'not-found' | 'in-progress'; error: string; remainingMs?: number };

export interface ExamDeps {
	store: Store;
	now: () => number;
	clock: ExamClock;
	blueprints: () => Promise<readonly ExamBlueprint[]>;
	bank: () => Promise<readonly ExamItem[]>;
	newId?: () => string;
	newSeed?: () => string;
}

const sameOwner = (a: AttemptOwner, b: AttemptOwner) => a.kind === b.kind && a.id === b.id;

/** Milliseconds left on the attempt's clock (it stands still while paused). */
export function remainingMs(a: Pick<Attempt, 'deadline' | 'pausedAt'>, now: number): number {
	return Math.max(0, a.deadline - (a.pausedAt ?? now));
}

const isPaused = (a: Pick<Attempt, 'pausedAt'>) => a.pausedAt !== undefined && a.pausedAt !== null;

/** May the candidate see the score now? After closing, when the blueprint shows it or HR released it. */
export function scoreVisible(a: Attempt): boolean {
	return a.status !== 'in-progress' && a.status !== 'voided' && (a.exam.showAfterSubmit !== 'nothing-until-release' || a.releasedAt !== null);
}

/** May the candidate see the key and feedback per item? Practice exams, after closing. */
export function feedbackVisible(a: Attempt): boolean {
	return (a.status === 'submitted' || a.status === 'closed-at-deadline') && a.exam.showAfterSubmit === 'score-and-feedback';
}

/** The size of an exam: items the sections fix plus items they draw. */
export function itemCount(blueprint: Pick<ExamBlueprint, 'sections'>): number {
	return blueprint.sections.reduce((n, s) => n + s.items.length + s.draw.reduce((m, r) => m + r.count, 0), 0);
}

function isSaveList(value: unknown): value is unknown[] {
	return Array.isArray(value);
}

export class ExamAttempts {
	readonly store: Store;
	readonly clock: ExamClock;
	readonly #deps: ExamDeps;
	readonly #openAdds = new Map<string, number>();
	#openFlush: Promise<void> | null = null;
	/** What candidates see of each attempt's items: they never change once drawn, so each is built once. */
	readonly #presented = new Map<string, PresentedItem[]>();

	constructor(deps: ExamDeps) {
		this.#deps = deps;
		this.store = deps.store;
		this.clock = deps.clock;
	}

	now(): number {
		return this.#deps.now();
	}

	#newId(): string {
		return this.#deps.newId?.() ?? `a_${randomBytes(8).toString('hex')}`;
	}

	async blueprint(id: string): Promise<ExamBlueprint | undefined> {
		return (await this.#deps.blueprints()).find((b) => b.id === id);
	}

	/** Start an attempt, or resume the one in progress; refuses drafts, used-up attempts and a bank that cannot fill the exam. */
	async start(owner: AttemptOwner, blueprintId: string, options: { accommodation?: string } = {}): Promise<StartOutcome> {
		const blueprint = await this.blueprint(blueprintId);
		if (!blueprint) return { ok: false, code: 'not-found', error: 'There is no such exam.' };
		if (blueprint.draft) return { ok: false, code: 'draft', error: `“${blueprint.title}” is still being prepared and cannot be started yet.` };

		const open = await this.#inProgress(owner, blueprintId);
		if (open) return { ok: true, attemptId: open, resumed: true };

		// Under the candidate's own lock, so two clicks on Start make one attempt.
		return this.store.update<OwnerFile, StartOutcome>(ownerKey(owner), () => ({ attempts: [] }), async (file) => {
			const again = await this.#inProgress(owner, blueprintId);
			if (again) return { ok: true, attemptId: again, resumed: true };
			const used = file.attempts.filter((r) => r.blueprintId === blueprintId).length;
			if (blueprint.attemptsAllowed !== 'unlimited' && used >= blueprint.attemptsAllowed) {
				const n = blueprint.attemptsAllowed;
				return { ok: false, code: 'used', error: `You have used your ${n === 1 ? 'one attempt' : `${n} attempts`} at “${blueprint.title}”.` };
			}
			const id = this.#newId();
			const seed = this.#deps.newSeed?.() ?? randomBytes(12).toString('hex');
			const bank = await this.#deps.bank();
			let delivered: DeliveredItem[];
			try {
				delivered = drawExam(blueprint, bank, seed);
			} catch (err) {
				if (err instanceof DrawError) return { ok: false, code: 'bank', error: `This exam cannot be started: ${err.message}` };
				throw err;
			}
			const byId = new Map(bank.map((i) => [i.id, i]));
			const items = delivered.map((d) => {
				const { file: _file, ...item } = byId.get(d.itemId)! as ExamItem & { file?: string };
				return item as ExamItem;
			});
			const startedAt = this.now();
			const accommodation = options.accommodation ?? '1';
			const attempt: Attempt = {
				id,
				blueprintId,
				owner: { ...owner },
				seed,
				exam: {
					title: blueprint.title,
					purpose: blueprint.purpose,
					timeLimitMinutes: blueprint.timeLimitMinutes,
					navigation: blueprint.navigation,
					showAfterSubmit: blueprint.showAfterSubmit,
					...(blueprint.passingPoint ? { passingPoint: { ...blueprint.passingPoint } } : {}),
					sections: blueprint.sections.map((s) => ({
						id: s.id,
						title: s.title,
						...(s.instructions ? { instructions: s.instructions } : {}),
						...(s.timeLimitMinutes ? { timeLimitMinutes: s.timeLimitMinutes } : {})
					}))
				},
				accommodation,
				minuteMs: this.clock.minuteMs,
				startedAt,
				deadline: deadlineOf(startedAt, blueprint.timeLimitMinutes, accommodation, this.clock),
				delivered,
				answers: delivered.map(() => null),
				flags: delivered.map(() => false),
				seqs: delivered.map(() => 0),
				lastSavedAt: null,
				status: 'in-progress',
				submittedAt: null,
				closedAt: null,
				score: null,
				releasedAt: null,
				...(blueprint.navigation === 'sequential' ? { position: 0 } : {})
			};
			// Items first: an attempt file never exists without the items it points at.
			await this.store.put<ItemsFile>(itemsKey(id), { items });
			await this.store.put<Attempt>(attemptKey(id), attempt);
			await this.#markOpen(id, attempt.deadline);
			file.attempts.push({ id, blueprintId, startedAt });
			return { ok: true, attemptId: id, resumed: false };
		});
	}

	/**
	 * Add an attempt to the open index. Starts that come together (the start of an exam day) share
	 * one durable write of the index instead of queueing one write each on the one file.
	 */
	async #markOpen(id: string, deadline: number): Promise<void> {
		this.#openAdds.set(id, deadline);
		while (this.#openAdds.has(id)) {
			this.#openFlush ??= this.#flushOpen().finally(() => (this.#openFlush = null));
			await this.#openFlush;
		}
	}

	async #flushOpen(): Promise<void> {
		const batch = [...this.#openAdds];
		for (const [id] of batch) this.#openAdds.delete(id);
		await this.store.update<OpenIndex>(OPEN_KEY, () => ({ open: {} }), (index) => {
			for (const [id, deadline] of batch) index.open[id] = deadline;
		});
	}

	async #inProgress(owner: AttemptOwner, blueprintId: string): Promise<string | undefined> {
		const refs = (await this.store.get<OwnerFile>(ownerKey(owner)))?.attempts ?? [];
		for (const ref of [...refs].reverse()) {
			if (ref.blueprintId !== blueprintId) continue;
			const a = await this.get(ref.id);
			if (a?.status === 'in-progress') return a.id;
		}
		return undefined;
	}

	/** The attempt, closed first if it is past its deadline and grace (lazy closing on every access). */
	async get(id: string): Promise<Readonly<Attempt> | undefined> {
		if (!ATTEMPT_ID.test(id)) return undefined;
		const a = await this.store.get<Attempt>(attemptKey(id));
		if (a && a.status === 'in-progress' && !isPaused(a) && !saveAllowed(this.now(), a.deadline, this.clock.graceMs)) {
			return (await this.#close(id, 'closed-at-deadline')) ?? a;
		}
		return a;
	}

	/** The attempt if `owner` sat it (undefined otherwise, so nobody learns that another's attempt exists). */
	async getFor(id: string, owner: AttemptOwner): Promise<Readonly<Attempt> | undefined> {
		const a = await this.get(id);
		return a && sameOwner(a.owner, owner) ? a : undefined;
	}

	/** The items as they were when the attempt started, in delivered order. */
	async items(id: string): Promise<readonly ExamItem[]> {
		const file = await this.store.get<ItemsFile>(itemsKey(id));
		if (!file) throw new Error(`attempt ${id} has no items file`);
		return file.items;
	}

	/** What the candidate sees of each item, in delivered order (no keys: presentItem's allow-list). */
	async presented(a: Pick<Attempt, 'id' | 'delivered'>): Promise<readonly PresentedItem[]> {
		const known = this.#presented.get(a.id);
		if (known) return known;
		const items = await this.items(a.id);
		const presented = a.delivered.map((d, i) => presentItem(items[i]!, d));
		// Bounded: an exam day is a few hundred attempts; past that, start over.
		if (this.#presented.size >= 2_000) this.#presented.clear();
		this.#presented.set(a.id, presented);
		return presented;
	}

	/** The candidate's attempts, oldest first (each closed first if overdue). */
	async attemptsOf(owner: AttemptOwner): Promise<Readonly<Attempt>[]> {
		const refs = (await this.store.get<OwnerFile>(ownerKey(owner)))?.attempts ?? [];
		const out: Readonly<Attempt>[] = [];
		for (const ref of refs) {
			const a = await this.get(ref.id);
			if (a) out.push(a);
		}
		return out;
	}

	/**
	 * Store item states sent by the browser (untrusted JSON, or a form post's parsed fields).
	 * Each is the item's whole state with a sequence number; a save whose number is not above the
	 * stored one is already there or older, and is acknowledged without being applied. Resolves
	 * only after the answers are on disk. Accepted until the deadline plus the grace.
	 */
	async save(id: string, owner: AttemptOwner, input: unknown): Promise<SaveOutcome> {
		const a = await this.getFor(id, owner);
		if (!a) return { ok: false, code: 'not-found', error: 'There is no such attempt.' };
		if (a.status !== 'in-progress') return { ok: false, code: 'closed', error: 'This attempt is closed: time ran out or it was submitted. Nothing more can be saved.' };
		const presented = await this.presented(a);
		const read = readSaves(input, presented);
		if (!read.ok) return { ok: false, code: 'invalid', error: read.error };
		const saves = read.saves;
		const now = this.now();
		if (isPaused(a)) return { ok: false, code: 'paused', error: PAUSED_MESSAGE, remainingMs: remainingMs(a, now) };

		// A retry of saves already stored: acknowledge without writing.
		if (saves.every((s) => s.seq !== 'next' && s.seq <= a.seqs[s.index]!)) {
			return this.#saved(a, saves.map((s) => s.index), now);
		}
		const refusal = saves.map((s) => this.#refusal(a, presented, s.index, now)).find((r) => r !== null);
		if (refusal) return { ok: false, code: 'refused', error: refusal };

		const items = await this.items(id);
		type Result = { ok: true; attempt: Attempt } | { ok: false; refused?: string; paused?: Attempt };
		const result = await this.store.update<Attempt, Result>(attemptKey(id), () => structuredClone(a as Attempt), (draft) => {
			if (draft.status !== 'in-progress') return { ok: false };
			if (isPaused(draft)) return { ok: false, paused: draft };
			if (!saveAllowed(now, draft.deadline, this.clock.graceMs)) {
				closeDraft(draft, items, 'closed-at-deadline', now);
				return { ok: false };
			}
			// Again under the file's lock: a move or a start may have landed meanwhile.
			const late = saves.map((s) => this.#refusal(draft, presented, s.index, now)).find((r) => r !== null);
			if (late) return { ok: false, refused: late };
			for (const s of saves) {
				const seq = s.seq === 'next' ? draft.seqs[s.index]! + 1 : s.seq;
				if (seq <= draft.seqs[s.index]!) continue;
				draft.answers[s.index] = s.response;
				draft.flags[s.index] = s.flagged;
				draft.seqs[s.index] = seq;
				const clock = draft.skills?.[String(s.index)];
				if (clock) clock.answeredAt = now;
			}
			draft.lastSavedAt = now;
			return { ok: true, attempt: draft };
		});
		if (!result.ok && result.refused) return { ok: false, code: 'refused', error: result.refused };
		if (!result.ok && result.paused) return { ok: false, code: 'paused', error: PAUSED_MESSAGE, remainingMs: remainingMs(result.paused, now) };
		if (!result.ok) return { ok: false, code: 'closed', error: 'This attempt is closed: time ran out or it was submitted. Nothing more can be saved.' };
		return this.#saved(result.attempt, saves.map((s) => s.index), now);
	}

	/**
	 * The candidate opens question `index`: if its section has a time limit of its own and was
	 * never opened, its clock starts now (one durable write, the first time only).
	 */
	async openSection(a: Readonly<Attempt>, index: number): Promise<Readonly<Attempt>> {
		const sectionId = a.delivered[index]?.sectionId;
		const section = a.exam.sections.find((s) => s.id === sectionId);
		if (a.status !== 'in-progress' || !section?.timeLimitMinutes || a.sectionStarts?.[section.id] !== undefined) return a;
		const now = this.now();
		return this.store.update<Attempt, Attempt>(attemptKey(a.id), () => structuredClone(a as Attempt), (draft) => {
			draft.sectionStarts ??= {};
			draft.sectionStarts[section.id] ??= now;
			return draft;
		});
	}

	/** When a timed section's own time runs out (never after the attempt's deadline); null for an untimed or unopened one. */
	sectionEnd(a: Readonly<Attempt>, sectionId: string): number | null {
		const section = a.exam.sections.find((s) => s.id === sectionId);
		const start = a.sectionStarts?.[sectionId];
		if (!section?.timeLimitMinutes || start === undefined) return null;
		return Math.min(a.deadline, deadlineOf(start, section.timeLimitMinutes, a.accommodation, this.clock));
	}

	/**
	 * The candidate presses Start on a skills test: the server notes the time (the test's text is
	 * shown from then on, and its clock runs from then). Pressing it again changes nothing.
	 */
	async startSkill(id: string, owner: AttemptOwner, index: unknown): Promise<SkillStartOutcome> {
		const a = await this.getFor(id, owner);
		if (!a) return { ok: false, code: 'not-found', error: 'There is no such attempt.' };
		if (a.status !== 'in-progress') return { ok: false, code: 'closed', error: 'This attempt is closed: time ran out or it was submitted.' };
		if (!Number.isInteger(index) || (index as number) < 0 || (index as number) >= a.delivered.length) {
			return { ok: false, code: 'invalid', error: `"index" must be a question number from 0 to ${a.delivered.length - 1}.` };
		}
		if (isPaused(a)) return { ok: false, code: 'paused', error: PAUSED_MESSAGE };
		const i = index as number;
		const presented = await this.presented(a);
		const kind = presented[i]!.kind;
		if (!isSkillsKind(kind)) return { ok: false, code: 'invalid', error: `Question ${i + 1} is not a skills test.` };
		const outOfTurn = sequentialRefusal(a, i);
		if (outOfTurn) return { ok: false, code: 'refused', error: outOfTurn };
		const known = a.skills?.[String(i)];
		const now = this.now();
		if (known) return { ok: true, startedAt: known.startedAt, limitMs: known.limitMs, remainingMs: skillRemainingMs(a, known, now) };
		const minutes = presented[i]!.kind === 'typing' || presented[i]!.kind === 'ten-key' ? (presented[i] as { minutes: number }).minutes : 0;
		const limitMs = deadlineOf(0, minutes, a.accommodation, this.clock);
		type Result = { ok: true; clock: SkillsClock; attempt: Attempt } | { ok: false };
		const result = await this.store.update<Attempt, Result>(attemptKey(id), () => structuredClone(a as Attempt), (draft) => {
			if (draft.status !== 'in-progress' || isPaused(draft) || !saveAllowed(now, draft.deadline, this.clock.graceMs)) return { ok: false };
			draft.skills ??= {};
			const clock = (draft.skills[String(i)] ??= { startedAt: now, answeredAt: null, limitMs });
			return { ok: true, clock, attempt: draft };
		});
		if (!result.ok) return { ok: false, code: 'closed', error: 'This attempt is closed: time ran out or it was submitted.' };
		return { ok: true, startedAt: result.clock.startedAt, limitMs: result.clock.limitMs, remainingMs: skillRemainingMs(result.attempt, result.clock, now) };
	}

	/**
	 * Move to question `to` (a delivered index). A sequential exam only goes forward, one
	 * question at a time, and never back; a free one needs no record of where the candidate is.
	 */
	async move(id: string, owner: AttemptOwner, to: unknown): Promise<MoveOutcome> {
		const a = await this.getFor(id, owner);
		if (!a) return { ok: false, code: 'not-found', error: 'There is no such attempt.' };
		if (a.status !== 'in-progress') return { ok: false, code: 'closed', error: 'This attempt is closed: time ran out or it was submitted.' };
		if (!Number.isInteger(to) || (to as number) < 0 || (to as number) >= a.delivered.length) {
			return { ok: false, code: 'invalid', error: `"to" must be a question number from 0 to ${a.delivered.length - 1}.` };
		}
		const target = to as number;
		if (a.exam.navigation !== 'sequential') return { ok: true, position: target };
		if (isPaused(a)) return { ok: false, code: 'paused', error: PAUSED_MESSAGE };
		const refusal = (at: number) =>
			target < at
				? `This exam is taken in order: question ${target + 1} is behind you and cannot be opened again.`
				: target > at + 1
					? `This exam is taken in order: answer question ${at + 1} and go on with Next; question ${target + 1} is not open yet.`
					: null;
		const first = refusal(a.position ?? 0);
		if (first) return { ok: false, code: 'refused', error: first };
		if (target === (a.position ?? 0)) return { ok: true, position: target };
		type Result = { ok: true; position: number } | { ok: false; refused?: string };
		const result = await this.store.update<Attempt, Result>(attemptKey(id), () => structuredClone(a as Attempt), (draft) => {
			if (draft.status !== 'in-progress') return { ok: false };
			const again = refusal(draft.position ?? 0);
			if (again) return { ok: false, refused: again };
			draft.position = target;
			return { ok: true, position: target };
		});
		if (!result.ok && result.refused) return { ok: false, code: 'refused', error: result.refused };
		if (!result.ok) return { ok: false, code: 'closed', error: 'This attempt is closed: time ran out or it was submitted.' };
		return result;
	}

	/** Why a save of question `index` is refused now: its place in a sequential exam, its section's clock, its skills test's clock. */
	#refusal(a: Readonly<Attempt>, presented: readonly PresentedItem[], index: number, now: number): string | null {
		const outOfTurn = sequentialRefusal(a, index);
		if (outOfTurn) return outOfTurn;
		const sectionId = a.delivered[index]!.sectionId;
		const n = a.exam.sections.findIndex((s) => s.id === sectionId);
		const section = a.exam.sections[n];
		if (section?.timeLimitMinutes) {
			const end = this.sectionEnd(a, sectionId);
			if (end === null) return `Part ${n + 1}, “${section.title}”, has not been opened yet.`;
			if (now > end + this.clock.graceMs) return `The time for part ${n + 1}, “${section.title}”, is over; the answers saved before then are kept.`;
		}
		return saveRefusal(a, presented, index, now, this.clock.graceMs);
	}

	#saved(a: Readonly<Attempt>, indexes: number[], now: number): SaveOutcome {
		const seqs: Record<number, number> = {};
		for (const i of indexes) seqs[i] = a.seqs[i]!;
		return { ok: true, seqs, remainingMs: remainingMs(a, now), deadline: a.deadline, serverNow: now };
	}

	/** The candidate hands the attempt in. After the deadline and grace it has already been closed. */
	async submit(id: string, owner: AttemptOwner): Promise<CloseOutcome> {
		const a = await this.getFor(id, owner);
		if (!a) return { ok: false, code: 'not-found', error: 'There is no such attempt.' };
		if (a.status !== 'in-progress') return { ok: true, attempt: a as Attempt };
		const closed = await this.#close(id, 'submitted');
		return closed ? { ok: true, attempt: closed } : { ok: false, code: 'not-found', error: 'There is no such attempt.' };
	}

	/**
	 * The candidate's page asks for the attempt after its clock ran out: close it now (the
	 * browser sends its last saves before asking). Before the deadline, says how long is left.
	 */
	async closeIfTimeUp(id: string, owner: AttemptOwner): Promise<CloseOutcome> {
		const a = await this.getFor(id, owner);
		if (!a) return { ok: false, code: 'not-found', error: 'There is no such attempt.' };
		if (a.status !== 'in-progress') return { ok: true, attempt: a as Attempt };
		const now = this.now();
		if (isPaused(a)) return { ok: false, code: 'in-progress', error: PAUSED_MESSAGE, remainingMs: remainingMs(a, now) };
		if (now < a.deadline - TIME_UP_SLACK_MS) return { ok: false, code: 'in-progress', error: 'Time is not up yet.', remainingMs: a.deadline - now };
		const closed = await this.#close(id, 'closed-at-deadline');
		return closed ? { ok: true, attempt: closed } : { ok: false, code: 'not-found', error: 'There is no such attempt.' };
	}

	/** Close an attempt still in progress, scoring it; returns the stored attempt either way. */
	async #close(id: string, how: 'submitted' | 'closed-at-deadline', endedBy?: string): Promise<Attempt | undefined> {
		const current = await this.store.get<Attempt>(attemptKey(id));
		if (!current) return undefined;
		if (current.status !== 'in-progress') return current as Attempt;
		const items = await this.items(id);
		return this.store.update<Attempt, Attempt>(attemptKey(id), () => structuredClone(current as Attempt), (draft) => {
			if (draft.status !== 'in-progress') return draft;
			const now = this.now();
			closeDraft(draft, items, how, now);
			if (endedBy !== undefined) draft.endedEarly = { by: endedBy, at: now };
			return draft;
		});
	}

	/** A proctor's change to an attempt still in progress, under its file's lock. */
	async #proctor(id: string, change: (draft: Attempt, now: number) => string | null): Promise<AttemptChange> {
		const a = await this.get(id);
		if (!a) return { ok: false, code: 'not-found', error: 'There is no such attempt.' };
		const now = this.now();
		type Result = AttemptChange;
		const result = await this.store.update<Attempt, Result>(attemptKey(id), () => structuredClone(a as Attempt), (draft) => {
			if (draft.status !== 'in-progress') return { ok: false, code: 'closed', error: 'This attempt is already closed.' };
			if (!isPaused(draft) && !saveAllowed(now, draft.deadline, this.clock.graceMs)) return { ok: false, code: 'closed', error: 'This attempt’s time has run out; it is being closed.' };
			const refusal = change(draft, now);
			if (refusal) throw new ProctorRefusal(refusal);
			return { ok: true, attempt: draft };
		}).catch((err: unknown) => {
			if (err instanceof ProctorRefusal) return { ok: false as const, code: 'invalid' as const, error: err.message };
			throw err;
		});
		if (result.ok) await this.#markOpen(id, result.attempt.deadline);
		return result;
	}

	/** Stop the candidate's clock (a fire alarm, a candidate taken ill): saves wait until resumed. Pausing a paused attempt changes nothing. */
	pause(id: string): Promise<AttemptChange> {
		return this.#proctor(id, (draft, now) => {
			if (!isPaused(draft)) draft.pausedAt = now;
			return null;
		});
	}

	/**
	 * Start the clock again: the deadline, a running section's clock and a running skills test's
	 * clock move on by the length of the pause, so the candidate loses no time.
	 */
	resume(id: string): Promise<AttemptChange> {
		return this.#proctor(id, (draft, now) => {
			if (!isPaused(draft)) return null;
			const pausedAt = draft.pausedAt!;
			const stopped = Math.max(0, now - pausedAt);
			draft.deadline += stopped;
			draft.extendedMs = (draft.extendedMs ?? 0) + stopped;
			for (const [sectionId, start] of Object.entries(draft.sectionStarts ?? {})) {
				const end = this.sectionEnd(draft, sectionId);
				if (end !== null && end > pausedAt) draft.sectionStarts![sectionId] = start + stopped;
			}
			for (const clock of Object.values(draft.skills ?? {})) {
				if (clock.answeredAt === null || clock.startedAt + clock.limitMs > pausedAt) clock.startedAt += stopped;
			}
			draft.pausedAt = null;
			return null;
		});
	}

	/** Give one candidate more time (whole minutes, 1 to MAX_ADDED_MINUTES). */
	addTime(id: string, minutes: unknown): Promise<AttemptChange> {
		return this.#proctor(id, (draft) => {
			if (!Number.isInteger(minutes) || (minutes as number) < 1 || (minutes as number) > MAX_ADDED_MINUTES) {
				return `Enter the minutes to add as a whole number from 1 to ${MAX_ADDED_MINUTES}.`;
			}
			const ms = (minutes as number) * draft.minuteMs;
			draft.deadline += ms;
			draft.extendedMs = (draft.extendedMs ?? 0) + ms;
			return null;
		});
	}

	/** Void an attempt (in progress or closed) with the proctor's reason: it closes, and it is not scored or ranked. */
	async voidAttempt(id: string, reason: unknown, by: string): Promise<AttemptChange> {
		const text = typeof reason === 'string' ? reason.trim().replace(/\s+/g, ' ') : '';
		if (text.length < 5) return { ok: false, code: 'invalid', error: 'Give the reason for voiding the attempt (at least 5 characters), as it will appear in the audit log.' };
		if (text.length > 500) return { ok: false, code: 'invalid', error: 'The reason must be at most 500 characters.' };
		const a = await this.get(id);
		if (!a) return { ok: false, code: 'not-found', error: 'There is no such attempt.' };
		const now = this.now();
		return this.store.update<Attempt, AttemptChange>(attemptKey(id), () => structuredClone(a as Attempt), (draft) => {
			if (draft.status === 'voided') return { ok: false, code: 'closed', error: 'This attempt is already voided.' };
			if (draft.status === 'in-progress') draft.closedAt = now;
			draft.status = 'voided';
			draft.pausedAt = null;
			draft.voided = { reason: text, by, at: now };
			return { ok: true, attempt: draft };
		});
	}

	/** A person's rubric marks for an essay in a closed attempt; the attempt is scored again with them. */
	async scoreEssay(id: string, index: unknown, marks: readonly string[], by: string): Promise<AttemptChange> {
		const a = await this.get(id);
		if (!a) return { ok: false, code: 'not-found', error: 'There is no such attempt.' };
		if (a.status === 'in-progress') return { ok: false, code: 'invalid', error: 'This attempt is still in progress; score it after it closes.' };
		if (a.status === 'voided') return { ok: false, code: 'closed', error: 'This attempt was voided; it is not scored.' };
		if (!Number.isInteger(index) || (index as number) < 0 || (index as number) >= a.delivered.length) return { ok: false, code: 'invalid', error: 'There is no such question in this attempt.' };
		const i = index as number;
		const items = await this.items(id);
		const item = items[i]!;
		if (item.kind !== 'essay') return { ok: false, code: 'invalid', error: `Question ${i + 1} is not scored by a person.` };
		const scored = scoreEssay(item, marks);
		if (!scored.ok) return { ok: false, code: 'invalid', error: scored.error };
		const now = this.now();
		return this.store.update<Attempt, AttemptChange>(attemptKey(id), () => structuredClone(a as Attempt), (draft) => {
			draft.personScores ??= {};
			draft.personScores[String(i)] = { marks: marks.map((m) => m.trim()), points: scored.points, by, at: now };
			draft.score = scoreDraft(draft, items);
			return { ok: true, attempt: draft };
		});
	}

	/** Score a closed attempt again with HR's adjustments (voided items, corrected keys). Voided and open attempts are left alone. */
	async rescore(id: string, adjustments: ScoreAdjustments): Promise<AttemptChange> {
		const a = await this.get(id);
		if (!a) return { ok: false, code: 'not-found', error: 'There is no such attempt.' };
		if (a.status === 'in-progress' || a.status === 'voided') return { ok: false, code: 'closed', error: 'Only closed attempts are scored.' };
		const items = await this.items(id);
		return this.store.update<Attempt, AttemptChange>(attemptKey(id), () => structuredClone(a as Attempt), (draft) => {
			draft.adjustments = structuredClone(adjustments);
			draft.score = scoreDraft(draft, items);
			return { ok: true, attempt: draft };
		});
	}

	/** A proctor ends an attempt still in progress now (the session is closed early): it is closed and scored as at its deadline. */
	async end(id: string, by: string): Promise<AttemptChange> {
		const a = await this.get(id);
		if (!a) return { ok: false, code: 'not-found', error: 'There is no such attempt.' };
		if (a.status !== 'in-progress') return { ok: false, code: 'closed', error: 'This attempt is already closed.' };
		const closed = await this.#close(id, 'closed-at-deadline', by);
		return closed ? { ok: true, attempt: closed } : { ok: false, code: 'not-found', error: 'There is no such attempt.' };
	}

	/** HR released the scores: the candidate may see them now (exams that show nothing until release). */
	async release(id: string): Promise<AttemptChange> {
		const a = await this.get(id);
		if (!a) return { ok: false, code: 'not-found', error: 'There is no such attempt.' };
		if (a.status === 'in-progress') return { ok: false, code: 'invalid', error: 'This attempt is still in progress.' };
		if (a.releasedAt !== null) return { ok: true, attempt: a as Attempt };
		const now = this.now();
		return this.store.update<Attempt, AttemptChange>(attemptKey(id), () => structuredClone(a as Attempt), (draft) => {
			draft.releasedAt ??= now;
			return { ok: true, attempt: draft };
		});
	}

	/**
	 * Close every attempt past its deadline and grace, with or without a browser, and drop them
	 * from the open index. The sweeper calls it on a timer and at start-up.
	 */
	async sweep(): Promise<{ closed: string[] }> {
		const now = this.now();
		const open = (await this.store.get<OpenIndex>(OPEN_KEY))?.open ?? {};
		const due = Object.entries(open)
			.filter(([, deadline]) => !saveAllowed(now, deadline, this.clock.graceMs))
			.map(([id]) => id);
		if (due.length === 0) return { closed: [] };
		const closed: string[] = [];
		const stillOpen = new Map<string, number>();
		// A few at a time: each close is one durable write of its own file.
		for (let i = 0; i < due.length; i += 16) {
			await Promise.all(
				due.slice(i, i + 16).map(async (id) => {
					const before = await this.store.get<Attempt>(attemptKey(id));
					if (before?.status !== 'in-progress') return;
					// Paused, or given more time since it was indexed: not due (it stays in the index).
					if (isPaused(before) || saveAllowed(now, before.deadline, this.clock.graceMs)) {
						stillOpen.set(id, before.deadline);
						return;
					}
					const after = await this.#close(id, 'closed-at-deadline');
					if (after?.status === 'closed-at-deadline' && after.closedAt !== null) closed.push(id);
				})
			);
		}
		await this.store.update<OpenIndex>(OPEN_KEY, () => ({ open: {} }), (index) => {
			for (const id of due) {
				const deadline = stillOpen.get(id);
				if (deadline === undefined) delete index.open[id];
				else index.open[id] = deadline;
			}
		});
		return { closed };
	}

	/** Exam time the candidate used (in the exam's minutes), for the history. */
	timeUsedMs(a: Readonly<Attempt>): number | null {
		const end = a.submittedAt ?? a.closedAt;
		return end === null ? null : examMs(Math.min(end, a.deadline) - a.startedAt, a);
	}
}

/** Milliseconds left on a started skills test (never past the attempt's deadline). */
export function skillRemainingMs(a: Pick<Attempt, 'deadline'>, clock: SkillsClock, now: number): number {
	return Math.max(0, Math.min(clock.startedAt + clock.limitMs, a.deadline) - now);
}

/** Why a sequential exam refuses to touch question `index` now (null when it may). */
export function sequentialRefusal(a: Pick<Attempt, 'exam' | 'position'>, index: number): string | null {
	if (a.exam.navigation !== 'sequential') return null;
	const at = a.position ?? 0;
	if (index < at) return `This exam is taken in order: question ${index + 1} is behind you and can no longer be changed.`;
	if (index > at) return `This exam is taken in order: question ${index + 1} is not open yet.`;
	return null;
}

/** Why a save of question `index` is refused now (null when it may be stored). */
function saveRefusal(a: Readonly<Attempt>, presented: readonly PresentedItem[], index: number, now: number, graceMs: number): string | null {
	const outOfTurn = sequentialRefusal(a, index);
	if (outOfTurn) return outOfTurn;
	const kind = presented[index]!.kind;
	if (!isSkillsKind(kind)) return null;
	const what = kind === 'typing' ? 'typing test' : '10-key test';
	const clock = a.skills?.[String(index)];
	if (!clock) return `Press Start to begin the ${what} first.`;
	// The same grace as the exam's: a save sent just before the end may arrive just after it.
	if (now > clock.startedAt + clock.limitMs + graceMs) return `The time for this ${what} is over; what was saved before the end is kept.`;
	return null;
}

class ProctorRefusal extends Error {}

/** Score and close a draft of the attempt. */
function closeDraft(draft: Attempt, items: readonly ExamItem[], how: 'submitted' | 'closed-at-deadline', now: number): void {
	draft.score = scoreDraft(draft, items);
	draft.pausedAt = null;
	draft.status = how;
	if (how === 'submitted') draft.submittedAt = now;
	else draft.closedAt = now;
}

/**
 * The attempt's score from the items as they were at the start, with the essay scores people
 * gave and HR's adjustments (corrected keys, voided items).
 */
function scoreDraft(draft: Attempt, snapshot: readonly ExamItem[]): AttemptScore {
	const adjustments = draft.adjustments ?? NO_ADJUSTMENTS;
	const items = adjustedItems(snapshot, adjustments);
	const personScores: Record<string, string> = {};
	for (const [index, given] of Object.entries(draft.personScores ?? {})) {
		const d = draft.delivered[Number(index)];
		if (d) personScores[d.itemId] = given.points;
	}
	const responses: Record<string, ItemResponse | undefined> = {};
	const skillsTimes: Record<string, SkillsTiming> = {};
	draft.delivered.forEach((d, i) => {
		const r = draft.answers[i];
		if (r) responses[d.itemId] = r;
		const clock = draft.skills?.[String(i)];
		if (clock && clock.answeredAt !== null) skillsTimes[d.itemId] = { serverElapsedMs: clock.answeredAt - clock.startedAt, limitMs: clock.limitMs };
	});
	return scoreAttempt({
		blueprint: { sections: draft.exam.sections.map((s) => ({ id: s.id, title: s.title, items: [], draw: [] })), passingPoint: draft.exam.passingPoint },
		delivered: draft.delivered,
		items: new Map(items.map((i) => [i.id, i])),
		responses,
		personScores,
		skillsTimes,
		voided: new Set(adjustments.voided)
	});
}

type ReadSaves = { ok: true; saves: (ItemSave & { response: ItemResponse | null })[] } | { ok: false; error: string };

/**
 * Check untrusted save requests: `{ saves: [{ index, seq, response, flagged }] }`, where
 * response is null (no answer) or an answer readResponse accepts for that item. One bad entry
 * refuses the whole request, so nothing is half-stored.
 */
export function readSaves(input: unknown, presented: readonly PresentedItem[]): ReadSaves {
	const list = input && typeof input === 'object' && !Array.isArray(input) ? (input as { saves?: unknown }).saves : undefined;
	if (!isSaveList(list) || list.length === 0) return { ok: false, error: 'Send {"saves": [...]} with at least one item.' };
	if (list.length > presented.length * 2) return { ok: false, error: 'Too many saves in one request.' };
	const saves: (ItemSave & { response: ItemResponse | null })[] = [];
	for (const entry of list) {
		if (!entry || typeof entry !== 'object' || Array.isArray(entry)) return { ok: false, error: 'Each save must be an object.' };
		const e = entry as Record<string, unknown>;
		const index = e.index;
		if (!Number.isInteger(index) || (index as number) < 0 || (index as number) >= presented.length) {
			return { ok: false, error: `"index" must be a question number from 0 to ${presented.length - 1}.` };
		}
		const seq = e.seq;
		if (seq !== 'next' && (!Number.isSafeInteger(seq) || (seq as number) < 1)) return { ok: false, error: '"seq" must be a whole number from 1.' };
		if (typeof e.flagged !== 'boolean') return { ok: false, error: '"flagged" must be true or false.' };
		let response: ItemResponse | null = null;
		if (e.response !== null) {
			const read = readResponse(presented[index as number]!, e.response);
			if (!read.ok) return { ok: false, error: `Question ${(index as number) + 1}: ${read.error}` };
			response = read.response;
		}
		saves.push({ index: index as number, seq: seq as number | 'next', response, flagged: e.flagged });
	}
	return { ok: true, saves };
}
