/**
 * Scoring an exam session after the exam: the manual scoring queue for essays, voiding an item or
 * correcting its key for everyone (every closed attempt re-scored), and the last two status steps,
 * scored and released.
 *
 * The scores themselves are the runner's (src/lib/server/exams/attempts.ts): `scoreEssay`,
 * `rescore` and `release` change one attempt each. This module decides which attempts belong to
 * the session (the roster's links), checks what HR typed, keeps the session's adjustments and log
 * (sessions.ts) and applies them to every attempt.
 *
 * Rules, each in one place:
 * - essays are scored, and items voided or keys corrected, until the scores are released;
 * - items are adjusted only when no attempt of the session is still in progress (an attempt that
 *   closed later would be scored without the change);
 * - the session is marked scored only when no attempt is in progress and no essay is waiting
 *   (here), it is closed and has a passing point (sessions.ts `markScored`);
 * - releasing marks the session released first (nothing can change after), then every scored
 *   attempt; a second try releases the ones a first try missed.
 *
 * Graders see the applicant id, never the name (blind scoring, as civil-service offices do).
 */
import {
	describeKeyCorrection,
	isKeyCorrectable,
	readKeyCorrection,
	type EssayItem,
	type ExamItem,
	type ItemKind,
	type KeyCorrection,
	type KeyCorrectionForm,
	type ScoreAdjustments
} from '$lib/exams';
import { dec, fixed } from '$lib/exams/decimal';
import { describePassingPoint } from '$lib/hr/eligibility';
import { parseDecimal } from '$lib/money';
import type { Attempt, ExamAttempts } from '../exams/attempts';
import type { Store } from '../store';
import { sessionList } from './lists';
import { ATTEMPT_ID, type Actor, type AdjustmentNote, type Candidate, type ExamSession, type HrSessions, type SessionAdjustments } from './sessions';

/** What this module needs of the runner. */
export type ScoringAttempts = Pick<ExamAttempts, 'get' | 'items' | 'scoreEssay' | 'rescore' | 'release'>;
export type ScoringDeps = { store: Store; sessions: HrSessions; attempts: ScoringAttempts; now: () => number };

/** Attempts re-scored or released at once (each is a durable write of its own file). */
const BATCH = 4;
const REASON_MIN = 5;
const REASON_MAX = 300;

export type PersonScoreView = { marks: string[]; points: string; by: string; at: string };

export type QueueEntry = {
	/** `<attempt id>-<delivered index>`: the response's address in the queue's URLs. */
	key: string;
	attemptId: string;
	index: number;
	candidateId: string;
	/** Graders see this, not the name. */
	applicantId: string;
	itemId: string;
	/** Question number in this candidate's exam (1-based). */
	question: number;
	sectionTitle: string;
	/** Plain excerpt of the question. */
	title: string;
	max: string;
	words: number;
	scored: PersonScoreView | null;
};

export type Queue = {
	/** Waiting first: by question, then applicant id. */
	waiting: QueueEntry[];
	scored: QueueEntry[];
	/** Attempts still being sat (their essays join the queue when they close). */
	inProgress: number;
	/** Essays on questions HR voided: nobody scores them. */
	onVoidedItems: number;
};

export type EssayResponse = QueueEntry & {
	/** Markdown: the route renders it. */
	stem: string;
	passage: string | null;
	text: string;
	rubric: { criterion: string; points: number; description: string | null }[];
	minWords: number | null;
	maxWords: number | null;
	/** The next waiting response after this one (null: none left). */
	next: string | null;
	released: boolean;
};

export type ScoreEssayOutcome =
	| { ok: true; points: string; rescored: boolean; next: string | null }
	| { ok: false; code: 'not-found' | 'invalid' | 'closed'; error: string; fields?: (string | null)[] };

export type SessionItem = {
	itemId: string;
	kind: ItemKind;
	sectionTitle: string;
	/** Plain excerpt of the question. */
	title: string;
	/** Markdown. */
	stem: string;
	points: number;
	/** Attempts it was delivered in. */
	delivered: number;
	/** Choice kinds: the options in written order with the key as written. */
	options: { text: string; correct: boolean }[] | null;
	/** The key as written, in words (null for kinds whose key is not one answer). */
	key: string | null;
	/** For the correction form: the key now in force, as the form's fields. */
	current: { correct: number[]; answer: string; answers: string };
	correctable: boolean;
	voided: AdjustmentNote | null;
	correction: { key: string; note: AdjustmentNote } | null;
};

export type PassCount = { scored: number; passing: number | null; passingPoint: string | null };

export type AdjustAction = { kind: 'void'; reason: string } | { kind: 'correct'; reason: string; form: KeyCorrectionForm } | { kind: 'undo'; reason: string };

export type AdjustOutcome =
	| { ok: true; message: string; rescored: number; failed: number; before: PassCount; after: PassCount }
	| { ok: false; field: 'reason' | 'key' | 'form'; error: string };

export type Readiness = { inProgress: number; waiting: number; closed: number; voidedAttempts: number; released: number };

type Linked = { candidate: Readonly<Candidate>; attempt: Readonly<Attempt> };

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
const isClosed = (a: Pick<Attempt, 'status'>) => a.status === 'submitted' || a.status === 'closed-at-deadline';

/** A short plain-text label from a stem (markdown marks dropped). */
export function excerpt(stem: string, length = 90): string {
	const text = stem
		.replace(/\{\{(\w+)\}\}/g, '…')
		.replace(/\[\[\d+\]\]/g, '___')
		.replace(/[*_`#>|]/g, '')
		.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/\s+/g, ' ')
		.trim();
	return text.length > length ? `${text.slice(0, length - 3).trimEnd()}…` : text;
}

export const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** `a_…-3` → the attempt id and delivered index; undefined for anything else. */
export function readResponseKey(key: string): { attemptId: string; index: number } | undefined {
	const m = /^(a_[0-9a-f]{16})-(\d{1,4})$/.exec(key);
	return m ? { attemptId: m[1]!, index: Number(m[2]) } : undefined;
}

/** The item's own key as a correction (what it is before HR changes it); null for kinds that cannot be corrected. */
export function keyOf(item: ExamItem): KeyCorrection | null {
	switch (item.kind) {
		case 'single-choice':
		case 'multiple-choice':
			return { kind: 'choice', correct: item.options.flatMap((o, i) => (o.correct ? [i] : [])) };
		case 'true-false':
			return { kind: 'true-false', answer: item.answer };
		case 'numeric':
			return { kind: 'numeric', answer: item.answer };
		case 'short-answer':
			return { kind: 'short-answer', answers: [...item.answers] };
		default:
			return null;
	}
}

/** Adjustments as the runner takes them (no notes), in a canonical order for comparing. */
export function scoreAdjustments(a: Pick<ScoreAdjustments, 'voided' | 'corrections'> | undefined): ScoreAdjustments {
	const voided = [...(a?.voided ?? [])].sort();
	const corrections: ScoreAdjustments['corrections'] = {};
	for (const id of Object.keys(a?.corrections ?? {}).sort()) corrections[id] = a!.corrections[id]!;
	return { voided, corrections };
}

const sameAdjustments = (a: ScoreAdjustments | undefined, b: ScoreAdjustments | undefined) => JSON.stringify(scoreAdjustments(a)) === JSON.stringify(scoreAdjustments(b));

function readReason(raw: string): { ok: true; reason: string } | { ok: false; error: string } {
	const reason = raw.trim().replace(/\s+/g, ' ');
	if (reason.length < REASON_MIN) return { ok: false, error: `Give the reason (at least ${REASON_MIN} characters); it goes in the session’s log.` };
	if (reason.length > REASON_MAX) return { ok: false, error: `The reason must be at most ${REASON_MAX} characters.` };
	return { ok: true, reason };
}

async function inBatches<T>(list: readonly T[], run: (x: T) => Promise<void>): Promise<void> {
	for (let i = 0; i < list.length; i += BATCH) await Promise.all(list.slice(i, i + BATCH).map(run));
}

export class HrScoring {
	readonly #d: ScoringDeps;

	constructor(deps: ScoringDeps) {
		this.#d = deps;
	}

	/** The session's candidates with their attempts (roster order; candidates without one left out). */
	async #linked(session: Readonly<ExamSession>): Promise<Linked[]> {
		const out: Linked[] = [];
		for (const candidate of session.candidates) {
			if (!candidate.attemptId || !ATTEMPT_ID.test(candidate.attemptId)) continue;
			const attempt = await this.#d.attempts.get(candidate.attemptId);
			if (attempt) out.push({ candidate, attempt });
		}
		return out;
	}

	/** How far scoring is: attempts still in progress, essays waiting, attempts closed / voided / released. */
	async readiness(session: Readonly<ExamSession>): Promise<Readiness> {
		const r: Readiness = { inProgress: 0, waiting: 0, closed: 0, voidedAttempts: 0, released: 0 };
		for (const { attempt } of await this.#linked(session)) {
			if (attempt.status === 'in-progress') r.inProgress++;
			else if (attempt.status === 'voided') r.voidedAttempts++;
			else {
				r.closed++;
				r.waiting += attempt.score?.pending.length ?? 0;
				if (attempt.releasedAt !== null) r.released++;
			}
		}
		return r;
	}

	/** Every essay of the session's closed attempts (voided attempts left out), waiting ones first. */
	async queue(session: Readonly<ExamSession>): Promise<Queue> {
		const voidedItems = new Set(session.adjustments?.voided ?? []);
		const entries: QueueEntry[] = [];
		let inProgress = 0;
		let onVoidedItems = 0;
		const firstSeen = new Map<string, number>();
		for (const { candidate, attempt } of await this.#linked(session)) {
			if (attempt.status === 'in-progress') {
				inProgress++;
				continue;
			}
			if (!isClosed(attempt)) continue;
			const items = await this.#d.attempts.items(attempt.id);
			const sections = new Map(attempt.exam.sections.map((s) => [s.id, s.title]));
			attempt.delivered.forEach((d, index) => {
				const item = items[index];
				if (item?.kind !== 'essay') return;
				if (voidedItems.has(item.id)) {
					onVoidedItems++;
					return;
				}
				if (!firstSeen.has(item.id)) firstSeen.set(item.id, firstSeen.size);
				entries.push(this.#entry(candidate, attempt, index, item, sections.get(d.sectionId) ?? d.sectionId));
			});
		}
		const order = (a: QueueEntry, b: QueueEntry) => firstSeen.get(a.itemId)! - firstSeen.get(b.itemId)! || a.applicantId.localeCompare(b.applicantId) || a.key.localeCompare(b.key);
		return { waiting: entries.filter((e) => !e.scored).sort(order), scored: entries.filter((e) => e.scored).sort(order), inProgress, onVoidedItems };
	}

	#entry(candidate: Readonly<Candidate>, attempt: Readonly<Attempt>, index: number, item: EssayItem, sectionTitle: string): QueueEntry {
		const given = attempt.personScores?.[String(index)];
		const answer = attempt.answers[index];
		const text = answer?.kind === 'essay' ? answer.text : '';
		return {
			key: `${attempt.id}-${index}`,
			attemptId: attempt.id,
			index,
			candidateId: candidate.candidateId,
			applicantId: candidate.applicantId,
			itemId: item.id,
			question: index + 1,
			sectionTitle,
			title: excerpt(item.stem),
			max: fixed(dec(item.points), 2),
			words: wordCount(text),
			scored: given ? { marks: [...given.marks], points: given.points, by: given.by, at: new Date(given.at).toISOString() } : null
		};
	}

	/** One essay response of the session for the grader (undefined when the key is not one of the session's essays). */
	async response(session: Readonly<ExamSession>, key: string): Promise<EssayResponse | undefined> {
		const at = readResponseKey(key);
		if (!at) return undefined;
		const candidate = session.candidates.find((c) => c.attemptId === at.attemptId);
		if (!candidate) return undefined;
		const attempt = await this.#d.attempts.get(at.attemptId);
		if (!attempt || !isClosed(attempt)) return undefined;
		const item = (await this.#d.attempts.items(attempt.id))[at.index];
		if (item?.kind !== 'essay') return undefined;
		const d = attempt.delivered[at.index]!;
		const sectionTitle = attempt.exam.sections.find((s) => s.id === d.sectionId)?.title ?? d.sectionId;
		const answer = attempt.answers[at.index];
		const queue = await this.queue(session);
		const next = queue.waiting.find((e) => e.key !== key)?.key ?? null;
		return {
			...this.#entry(candidate, attempt, at.index, item, sectionTitle),
			stem: item.stem,
			passage: item.passage ?? null,
			text: answer?.kind === 'essay' ? answer.text : '',
			rubric: item.rubric.map((r) => ({ criterion: r.criterion, points: r.points, description: r.description ?? null })),
			minWords: item.minWords ?? null,
			maxWords: item.maxWords ?? null,
			next,
			released: session.status === 'released'
		};
	}

	/** Check a grader's marks (one per criterion) without storing them: each message names its criterion. */
	static readMarks(rubric: readonly { criterion: string; points: number }[], marks: readonly string[]): { ok: true; marks: string[] } | { ok: false; fields: (string | null)[] } {
		const fields = rubric.map((c, i) => {
			const parsed = parseDecimal(marks[i] ?? '', { maxPlaces: 2, min: '0', max: String(c.points), field: `“${c.criterion}”` });
			return parsed.ok ? null : `${parsed.error.replace(/ is required\.$/, ' needs a mark.')} Give 0 to ${c.points}, with at most 2 decimals.`;
		});
		if (fields.some((f) => f !== null)) return { ok: false, fields };
		return { ok: true, marks: rubric.map((c, i) => (parseDecimal(marks[i]!, { maxPlaces: 2, min: '0', max: String(c.points) }) as { canonical: string }).canonical) };
	}

	/** Store a grader's marks for one essay response; the attempt is re-scored. Returns the next waiting response. */
	async scoreEssay(sessionId: string, key: string, marks: readonly string[], actor: Actor): Promise<ScoreEssayOutcome> {
		const session = await this.#d.sessions.get(sessionId);
		if (!session) return { ok: false, code: 'not-found', error: 'There is no such exam session.' };
		if (session.status === 'released') return { ok: false, code: 'closed', error: 'The scores have been released; essays can no longer be scored.' };
		const r = await this.response(session, key);
		if (!r) return { ok: false, code: 'not-found', error: 'There is no such essay in this session’s queue.' };
		if (session.adjustments?.voided.includes(r.itemId)) return { ok: false, code: 'closed', error: 'This question was voided for everyone; it is not scored.' };
		const read = HrScoring.readMarks(r.rubric, marks);
		if (!read.ok) return { ok: false, code: 'invalid', error: 'The marks were not saved. Fix the marks shown below.', fields: read.fields };
		const before = r.scored;
		const done = await this.#d.attempts.scoreEssay(r.attemptId, r.index, read.marks, actor.displayName);
		if (!done.ok) return { ok: false, code: done.code === 'not-found' ? 'not-found' : done.code === 'closed' ? 'closed' : 'invalid', error: done.error };
		const points = done.attempt.personScores?.[String(r.index)]?.points ?? '';
		const rescored = before !== null && before.points !== points;
		if (rescored) await this.#d.sessions.appendLog(sessionId, actor, `Essay scored again: applicant ${r.applicantId}, question ${r.question} (${r.itemId}), ${before.points} → ${points} points.`);
		const next = (await this.queue(session)).waiting.find((e) => e.key !== key)?.key ?? null;
		return { ok: true, points, rescored, next };
	}

	/** Every item delivered in the session, with its key and any void or correction. */
	async items(session: Readonly<ExamSession>): Promise<SessionItem[]> {
		const adjustments = session.adjustments;
		const found = new Map<string, { item: ExamItem; sectionTitle: string; sectionOrder: number; delivered: number }>();
		for (const { attempt } of await this.#linked(session)) {
			const items = await this.#d.attempts.items(attempt.id);
			attempt.delivered.forEach((d, index) => {
				const item = items[index];
				if (!item) return;
				const seen = found.get(item.id);
				if (seen) seen.delivered++;
				else {
					const order = attempt.exam.sections.findIndex((s) => s.id === d.sectionId);
					found.set(item.id, { item, sectionTitle: attempt.exam.sections[order]?.title ?? d.sectionId, sectionOrder: order, delivered: 1 });
				}
			});
		}
		return [...found.values()]
			.sort((a, b) => a.sectionOrder - b.sectionOrder || a.item.id.localeCompare(b.item.id))
			.map(({ item, sectionTitle, delivered }) => {
				const key = keyOf(item);
				const correction = adjustments && Object.hasOwn(adjustments.corrections, item.id) ? adjustments.corrections[item.id]! : null;
				const now = correction ?? key;
				const voided = adjustments?.voided.includes(item.id) ? (adjustments.notes[item.id] ?? { reason: '', by: '', at: '' }) : null;
				return {
					itemId: item.id,
					kind: item.kind,
					sectionTitle,
					title: excerpt(item.stem),
					stem: item.stem,
					points: item.points,
					delivered,
					options: item.kind === 'single-choice' || item.kind === 'multiple-choice' ? item.options.map((o) => ({ text: o.text, correct: o.correct })) : null,
					key: key ? describeKeyCorrection(item, key) : null,
					current: {
						correct: now?.kind === 'choice' ? [...now.correct] : [],
						answer: now?.kind === 'numeric' ? now.answer : now?.kind === 'true-false' ? String(now.answer) : '',
						answers: now?.kind === 'short-answer' ? now.answers.join('\n') : ''
					},
					correctable: isKeyCorrectable(item),
					voided,
					correction: correction && !voided ? { key: describeKeyCorrection(item, correction), note: adjustments!.notes[item.id] ?? { reason: '', by: '', at: '' } } : null
				};
			});
	}

	async #passCount(sessionId: string): Promise<PassCount> {
		const session = (await this.#d.sessions.get(sessionId))!;
		const { results, list } = await sessionList(this.#d.store, session);
		return {
			scored: results.candidates.filter((c) => c.raw !== null && c.pending === 0).length,
			passing: list ? list.passing.length : null,
			passingPoint: session.passingPoint ? describePassingPoint(session.passingPoint) : null
		};
	}

	/** Re-score the session's closed attempts with its adjustments (all, or only those whose stored adjustments differ). */
	async #rescoreAll(session: Readonly<ExamSession>, adjustments: ScoreAdjustments, onlyStale: boolean): Promise<{ rescored: number; failed: number }> {
		const wanted = scoreAdjustments(adjustments);
		const targets = (await this.#linked(session)).filter(({ attempt }) => isClosed(attempt) && (!onlyStale || !sameAdjustments(attempt.adjustments, wanted)));
		let rescored = 0;
		let failed = 0;
		await inBatches(targets, async ({ attempt }) => {
			const r = await this.#d.attempts.rescore(attempt.id, wanted);
			if (r.ok) rescored++;
			else failed++;
		});
		return { rescored, failed };
	}

	/**
	 * Void an item, correct its key, or undo either, for everyone: the change and its reason go in
	 * the session (and its log), then every closed attempt is re-scored.
	 */
	async adjust(sessionId: string, itemId: string, action: AdjustAction, actor: Actor): Promise<AdjustOutcome> {
		const session = await this.#d.sessions.get(sessionId);
		if (!session) return { ok: false, field: 'form', error: 'There is no such exam session.' };
		if (session.status === 'released') return { ok: false, field: 'form', error: 'The scores have been released; questions can no longer be voided or their keys corrected.' };
		const reason = readReason(action.reason);
		const item = (await this.items(session)).find((i) => i.itemId === itemId);
		if (!item) return { ok: false, field: 'form', error: 'No candidate in this session was given that question.' };
		const open = (await this.readiness(session)).inProgress;
		if (open) return { ok: false, field: 'form', error: `${plural(open, 'attempt is', 'attempts are')} still in progress. Void a question or correct its key once every attempt is closed, so that everyone is scored the same way.` };

		let correction: KeyCorrection | null = null;
		if (action.kind === 'correct') {
			if (!item.correctable) return { ok: false, field: 'key', error: 'The key of this kind of question cannot be corrected here; void the question instead.' };
			const source = (await this.#sourceItem(session, itemId))!;
			const read = readKeyCorrection(source, action.form);
			if (!read.ok) return { ok: false, field: 'key', error: read.error };
			correction = read.correction;
		}
		if (!reason.ok) return { ok: false, field: 'reason', error: reason.error };

		const source = (await this.#sourceItem(session, itemId))!;
		const note: AdjustmentNote = { reason: reason.reason, by: actor.displayName, at: new Date(this.#d.now()).toISOString() };
		const before = await this.#passCount(sessionId);
		const changed = await this.#d.sessions.changeAdjustments(sessionId, actor, (a) => {
			const voided = a.voided.includes(itemId);
			const corrected = Object.hasOwn(a.corrections, itemId);
			if (action.kind === 'void') {
				if (voided) return { error: 'This question is already voided.' };
				a.voided.push(itemId);
				a.notes[itemId] = note;
				return { log: `Question ${itemId} voided for everyone: ${note.reason}` };
			}
			if (action.kind === 'correct') {
				if (voided) return { error: 'This question is voided; undo the void before correcting its key.' };
				const written = keyOf(source);
				if (written && JSON.stringify(written) === JSON.stringify(correction) && !corrected) return { error: 'That is the key as written; nothing changes.' };
				if (written && JSON.stringify(written) === JSON.stringify(correction)) delete a.corrections[itemId];
				else a.corrections[itemId] = correction!;
				a.notes[itemId] = note;
				return { log: `Key of question ${itemId} corrected to ${describeKeyCorrection(source, correction!)}: ${note.reason}` };
			}
			if (voided) {
				a.voided = a.voided.filter((v) => v !== itemId);
				if (corrected) a.notes[itemId] = note;
				else delete a.notes[itemId];
				return { log: `Void of question ${itemId} undone: ${note.reason}` };
			}
			if (corrected) {
				delete a.corrections[itemId];
				delete a.notes[itemId];
				const written = keyOf(source);
				return { log: `Key correction of question ${itemId} undone${written ? ` (the key is ${describeKeyCorrection(source, written)} again)` : ''}: ${note.reason}` };
			}
			return { error: 'This question is neither voided nor corrected; there is nothing to undo.' };
		});
		if (!changed.ok) return { ok: false, field: 'form', error: changed.error };

		const { rescored, failed } = await this.#rescoreAll(session, changed.value, false);
		const after = await this.#passCount(sessionId);
		const passLine =
			before.passing !== null && after.passing !== null
				? ` Passing at ${after.passingPoint}: ${before.passing} before, ${after.passing} now.`
				: '';
		const failLine = failed ? ` ${plural(failed, 'attempt', 'attempts')} could not be re-scored; they will be when the session is marked scored.` : '';
		const what = action.kind === 'void' ? `Question ${itemId} was voided` : action.kind === 'correct' ? `The key of question ${itemId} was corrected` : `The change to question ${itemId} was undone`;
		const message = `${what}. ${plural(rescored, 'attempt was', 'attempts were')} re-scored.${passLine}${failLine}`;
		await this.#d.sessions.appendLog(sessionId, actor, `Re-scored ${plural(rescored, 'attempt', 'attempts')} after the change to question ${itemId}.${passLine}${failLine}`);
		return { ok: true, message, rescored, failed, before, after };
	}

	/** The item as stored with the first attempt that has it. */
	async #sourceItem(session: Readonly<ExamSession>, itemId: string): Promise<ExamItem | undefined> {
		for (const { attempt } of await this.#linked(session)) {
			const found = (await this.#d.attempts.items(attempt.id)).find((i) => i.id === itemId);
			if (found) return found;
		}
		return undefined;
	}

	/** Closed → scored, when no attempt is in progress and no essay is waiting (attempts missed by an earlier re-score are re-scored first). */
	async markScored(sessionId: string, actor: Actor): Promise<{ ok: true; rescored: number } | { ok: false; error: string }> {
		const session = await this.#d.sessions.get(sessionId);
		if (!session) return { ok: false, error: 'There is no such exam session.' };
		if (session.status === 'closed') {
			const r = await this.readiness(session);
			if (r.inProgress) return { ok: false, error: `${plural(r.inProgress, 'attempt is', 'attempts are')} still in progress. Every attempt must be closed before the session is scored.` };
			if (r.waiting) return { ok: false, error: `${plural(r.waiting, 'essay is', 'essays are')} waiting to be scored. Score ${r.waiting === 1 ? 'it' : 'them'} in the queue first.` };
		}
		const done = await this.#d.sessions.markScored(sessionId, actor);
		if (!done.ok) return done;
		const { rescored } = await this.#rescoreAll(session, scoreAdjustments(session.adjustments), true);
		return { ok: true, rescored };
	}

	/** Scored → released, then every scored attempt released to its candidate. Needs the confirmation. */
	async release(sessionId: string, confirmed: boolean, actor: Actor): Promise<{ ok: true; released: number; already: boolean } | { ok: false; error: string }> {
		if (!confirmed) return { ok: false, error: 'Tick the box to confirm: once released, the scores, the adjustments and the passing point cannot change.' };
		const marked = await this.#d.sessions.markReleased(sessionId, actor);
		if (!marked.ok) return marked;
		const session = (await this.#d.sessions.get(sessionId))!;
		const targets = (await this.#linked(session)).filter(({ attempt }) => isClosed(attempt) && attempt.releasedAt === null);
		let released = 0;
		await inBatches(targets, async ({ attempt }) => {
			if ((await this.#d.attempts.release(attempt.id)).ok) released++;
		});
		if (released || !marked.value.already) await this.#d.sessions.appendLog(sessionId, actor, `Scores released to ${plural(released, 'candidate', 'candidates')}.`);
		return { ok: true, released, already: marked.value.already };
	}
}
