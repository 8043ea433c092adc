/**
 * The exam runner as the routes use it: one ExamAttempts for the process (the app's store, the
 * real clock, content blueprints, the item bank), and the candidate's views of an attempt —
 * built field by field from what the candidate may see, with markdown rendered to sanitized
 * HTML on the server. No view carries a key, a correct flag or a score before release.
 */
import { error } from '@sveltejs/kit';
import { reviewItem, type AnswerKey, type ExamItem, type ItemOutcome, type ItemResponse, type PresentedItem } from '$lib/exams';
import { isAnswered, type SkillState } from '$lib/components/exam/answered';
import { groupThousands } from '$lib/exams/decimal';
import { getContent, renderMarkdown } from '../content';
import { getStore } from '../store';
import { ExamAttempts, feedbackVisible, remainingMs, scoreVisible, skillRemainingMs, type Attempt, type AttemptOwner } from './attempts';
import { deadlineOf, examClockFromEnv } from './clock';
import { itemBank } from './bank';
import { startSweeper } from './sweeper';

export { type Attempt, type AttemptOwner } from './attempts';

// One service per process, kept across dev reloads like the store.
const holder = globalThis as typeof globalThis & { __examAttempts?: ExamAttempts; __examSweeper?: () => void };

export function examAttempts(): ExamAttempts {
	holder.__examAttempts ??= new ExamAttempts({
		store: getStore(),
		now: () => Date.now(),
		clock: examClockFromEnv(),
		blueprints: async () => (await getContent()).exams,
		bank: () => itemBank()
	});
	return holder.__examAttempts;
}

/** Start closing overdue attempts in the background (called once from the server's start-up). */
export function startExamSweeper(): void {
	holder.__examSweeper ??= startSweeper(examAttempts());
}

export const userOwner = (user: { id: string }): AttemptOwner => ({ kind: 'user', id: user.id });

/**
 * Who is taking exams on this request: the signed-in user, or else the exam-day applicant
 * (hooks.server.ts sets at most one of them). Every attempt route uses this, so an attempt is
 * found only for its own owner.
 */
export function ownerOf(locals: Pick<App.Locals, 'user' | 'applicant'>): AttemptOwner {
	if (locals.user) return userOwner(locals.user);
	if (locals.applicant) return locals.applicant.owner;
	error(401, 'Sign in first.');
}

/** Questions per page, with or without JavaScript. */
export const ITEMS_PER_PAGE = 1;

export function pageCount(a: Pick<Attempt, 'delivered'>): number {
	return Math.max(1, Math.ceil(a.delivered.length / ITEMS_PER_PAGE));
}

export function pageOf(index: number): number {
	return Math.floor(index / ITEMS_PER_PAGE) + 1;
}

/** `?p=` as a page number in range (1 when missing or not a number). */
export function readPage(raw: string | null, a: Pick<Attempt, 'delivered'>): number {
	const n = raw && /^\d{1,4}$/.test(raw) ? Number(raw) : 1;
	return Math.min(Math.max(1, n), pageCount(a));
}

/** Fill-in blanks as numbered gaps (the boxes are below the sentence, labelled with the same numbers). */
function withGaps(stem: string): string {
	return stem.replace(/\[\[(\d+)\]\]/g, (_, n: string) => `**(${n})** \\_\\_\\_\\_\\_\\_`);
}

/** A presented item with its stem and passage as sanitized HTML (same field names). */
export function renderPresented(p: PresentedItem): PresentedItem {
	const stem = renderMarkdown(p.kind === 'fill-in' ? withGaps(p.stem) : p.stem);
	return { ...p, stem, ...(p.passage !== undefined ? { passage: renderMarkdown(p.passage) } : {}) };
}

export type AttemptSummary = {
	id: string;
	title: string;
	status: Attempt['status'];
	timeLimitMinutes: number;
	itemCount: number;
	remainingMs: number;
	/** A proctor paused the attempt: the clock stands still and answers wait. */
	paused: boolean;
	deadline: string;
	startedAt: string;
	navigation: Attempt['exam']['navigation'];
	purpose: Attempt['exam']['purpose'];
};

export function summaryOf(a: Readonly<Attempt>, now: number): AttemptSummary {
	return {
		id: a.id,
		title: a.exam.title,
		status: a.status,
		timeLimitMinutes: a.exam.timeLimitMinutes,
		itemCount: a.delivered.length,
		remainingMs: remainingMs(a, now),
		paused: a.pausedAt !== undefined && a.pausedAt !== null,
		deadline: new Date(a.deadline).toISOString(),
		startedAt: new Date(a.startedAt).toISOString(),
		navigation: a.exam.navigation,
		purpose: a.exam.purpose
	};
}

export type NavEntry = { index: number; page: number; answered: boolean; flagged: boolean; section: string };
export type ShownItem = { index: number; item: PresentedItem; response: ItemResponse | null; flagged: boolean; seq: number; skill?: SkillState };

/**
 * A skills test before Start shows its instructions but not the text to copy (the clock starts
 * when the text is first shown). Other items are shown as they are.
 */
export function shownBeforeStart(a: Readonly<Attempt>, index: number, p: PresentedItem): PresentedItem {
	if (a.skills?.[String(index)]) return p;
	if (p.kind === 'typing') return { ...p, text: '' };
	if (p.kind === 'ten-key') return { ...p, entries: [] };
	return p;
}

export function skillStateOf(service: ExamAttempts, a: Readonly<Attempt>, index: number, p: PresentedItem): SkillState | undefined {
	if (p.kind !== 'typing' && p.kind !== 'ten-key') return undefined;
	const clock = a.skills?.[String(index)];
	if (!clock) return { started: false, limitMs: deadlineOf(0, p.minutes, a.accommodation, service.clock) };
	const remainingMs = skillRemainingMs(a, clock, service.now());
	return { started: true, limitMs: clock.limitMs, remainingMs, over: remainingMs <= 0, endsAt: new Date(Math.min(clock.startedAt + clock.limitMs, a.deadline)).toISOString() };
}

/** The navigator: every question's answered and flagged marks (no outcome, no key). */
export function navigatorOf(a: Readonly<Attempt>): NavEntry[] {
	return a.delivered.map((d, index) => ({ index, page: pageOf(index), answered: isAnswered(a.answers[index]), flagged: a.flags[index] === true, section: d.sectionId }));
}

/** A timed section's clock for the page: its limit, and once opened, when it ends and what is left. */
function sectionClock(service: ExamAttempts, a: Readonly<Attempt>, sectionId: string): { timeLimitMinutes?: number; endsAt?: string; remainingMs?: number } {
	const limit = a.exam.sections.find((s) => s.id === sectionId)?.timeLimitMinutes;
	if (!limit) return {};
	const end = service.sectionEnd(a, sectionId);
	return { timeLimitMinutes: limit, ...(end !== null ? { endsAt: new Date(end).toISOString(), remainingMs: Math.max(0, end - service.now()) } : {}) };
}

/** One page of the attempt for the candidate. */
export async function attemptPage(service: ExamAttempts, a: Readonly<Attempt>, page: number) {
	const presented = await service.presented(a);
	const first = (page - 1) * ITEMS_PER_PAGE;
	const indexes = presented.map((_, i) => i).slice(first, first + ITEMS_PER_PAGE);
	const items: ShownItem[] = indexes.map((index) => {
		const skill = skillStateOf(service, a, index, presented[index]!);
		return {
			index,
			item: renderPresented(shownBeforeStart(a, index, presented[index]!)),
			response: a.answers[index] ?? null,
			flagged: a.flags[index] === true,
			seq: a.seqs[index] ?? 0,
			...(skill ? { skill } : {})
		};
	});
	const sectionId = a.delivered[first]?.sectionId;
	const sectionIndex = a.exam.sections.findIndex((s) => s.id === sectionId);
	const section = a.exam.sections[sectionIndex];
	const firstOfSection = a.delivered.findIndex((d) => d.sectionId === sectionId);
	return {
		attempt: summaryOf(a, service.now()),
		page,
		pageCount: pageCount(a),
		nav: navigatorOf(a),
		sections: a.exam.sections.map((s) => ({ id: s.id, title: s.title })),
		section: section
			? {
					number: sectionIndex + 1,
					title: section.title,
					...sectionClock(service, a, section.id),
					// Section instructions open the section's first page.
					instructions: section.instructions && firstOfSection === first ? renderMarkdown(section.instructions) : null
				}
			: null,
		items
	};
}

/** The browser's JSON view of the whole attempt (resume, and the load bench): items, answers, seqs, time left. */
export async function attemptState(service: ExamAttempts, a: Readonly<Attempt>) {
	const presented = await service.presented(a);
	return {
		attempt: summaryOf(a, service.now()),
		position: a.exam.navigation === 'sequential' ? (a.position ?? 0) : null,
		items: presented.map((item, index) => {
			const skill = skillStateOf(service, a, index, item);
			return { index, item: shownBeforeStart(a, index, item), response: a.answers[index] ?? null, flagged: a.flags[index] === true, seq: a.seqs[index] ?? 0, ...(skill ? { skill } : {}) };
		})
	};
}

type Lines = string[];

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
const minutesAndSeconds = (ms: number) => {
	const s = Math.round(ms / 1000);
	return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};
const ADJUSTED: Record<string, string> = {
	'lowered-to-limit': ' (the time was capped at the test’s limit)',
	'lowered-to-server-time': ' (the time was capped at what the server measured)',
	'raised-to-fastest-possible': ' (the time was raised to the fastest humanly possible)'
};

/** "48.2 net WPM · 9,120 net KPH" for the history table (empty without skills tests). */
function skillsSummary(lines: NonNullable<Attempt['score']>['skills']): string {
	return lines
		.map((l) => (l.result === null ? `${l.kind === 'typing' ? 'typing' : '10-key'} not taken` : l.kind === 'typing' ? `${l.result.netWpm} net WPM` : `${groupThousands(l.result.netKph)} net KPH`))
		.join(' · ');
}

/** A skills result in words: the figures first, then the counts behind them. */
export function skillsFigures(line: NonNullable<Attempt['score']>['skills'][number]): Lines {
	if (line.result === null) return [line.error ? `Not scored: ${line.error}` : 'Not taken.'];
	const verdict = line.result.passed === null ? '' : line.result.passed ? ' Pass mark met.' : ' Pass mark not met.';
	const time = `${minutesAndSeconds(line.result.elapsedMs)} minutes${ADJUSTED[line.result.adjustment] ?? ''}`;
	if (line.kind === 'typing') {
		const r = line.result;
		return [
			`${r.netWpm} net WPM, ${r.grossWpm} gross WPM, ${r.accuracy}% accuracy.${verdict}`,
			`${plural(r.characters, 'character')} and ${plural(r.typedWords, 'word')} typed, ${plural(r.errors, 'error')}, in ${time}.`
		];
	}
	const r = line.result;
	return [
		`${groupThousands(r.netKph)} net KPH, ${groupThousands(r.grossKph)} gross KPH, ${r.accuracy}% accuracy.${verdict}`,
		`${plural(r.correctEntries, 'entry', 'entries')} right of ${plural(r.entries, 'entry', 'entries')} keyed, ${plural(r.keystrokes, 'keystroke')}, in ${time}.`
	];
}

/** A candidate's answer as lines of text, in the words they saw. */
export function describeResponse(p: PresentedItem, r: ItemResponse | null | undefined): Lines {
	if (!r || r.kind !== p.kind || !isAnswered(r)) return [];
	switch (r.kind) {
		case 'single-choice':
			return p.kind === 'single-choice' && r.choice !== null ? [p.options[r.choice] ?? ''] : [];
		case 'multiple-choice':
			return p.kind === 'multiple-choice' ? r.choices.map((c) => p.options[c] ?? '') : [];
		case 'true-false':
			return [r.answer ? 'True' : 'False'];
		case 'numeric':
		case 'parameterized':
		case 'cash-count':
			return [r.value];
		case 'short-answer':
		case 'essay':
			return [r.text];
		case 'ordering':
			return p.kind === 'ordering' ? r.order.map((e, i) => `${i + 1}. ${p.entries[e] ?? ''}`) : [];
		case 'matching':
			return p.kind === 'matching' ? p.prompts.map((prompt, i) => `${prompt} → ${r.matches[i] === null ? '(none)' : (p.choices[r.matches[i]!] ?? '')}`) : [];
		case 'fill-in':
			return r.blanks.map((b, i) => `(${i + 1}) ${b || '(blank)'}`);
		case 'name-number-check':
			return p.kind === 'name-number-check' ? p.pairs.map((pair, i) => `${pair.left} / ${pair.right}: ${r.marks[i] ?? '(not marked)'}`) : [];
		case 'typing':
			return [r.text];
		case 'ten-key':
			return r.entries.map((e, i) => `${i + 1}. ${e || '(blank)'}`);
	}
}

/** The key as lines of text, in display terms. */
export function describeKey(p: PresentedItem, key: AnswerKey): Lines {
	switch (key.kind) {
		case 'single-choice':
		case 'multiple-choice':
			return p.kind === key.kind ? key.correct.map((c) => p.options[c] ?? '') : [];
		case 'true-false':
			return [key.answer ? 'True' : 'False'];
		case 'numeric':
		case 'parameterized':
		case 'cash-count':
			return [key.tolerance !== '0' ? `${key.display} (within ${key.tolerance})` : key.display];
		case 'short-answer':
			return [key.answers.join(' or ')];
		case 'ordering':
			return p.kind === 'ordering' ? key.order.map((shown, place) => `${place + 1}. ${p.entries[shown] ?? ''}`) : [];
		case 'matching':
			return p.kind === 'matching' ? p.prompts.map((prompt, i) => `${prompt} → ${p.choices[key.matches[i]!] ?? ''}`) : [];
		case 'fill-in':
			return key.answers.map((a, i) => `(${i + 1}) ${a.join(' or ')}`);
		case 'name-number-check':
			return p.kind === 'name-number-check' ? p.pairs.map((pair, i) => `${pair.left} / ${pair.right}: ${key.marks[i]}`) : [];
		case 'essay':
			return key.rubric.map((c) => `${c.criterion} (${c.points} point${c.points === 1 ? '' : 's'})`);
		case 'typing':
			return key.minimumNetWpm !== undefined ? [`Pass mark: ${key.minimumNetWpm} net WPM`] : ['No pass mark: the figures are for your own practice.'];
		case 'ten-key': {
			const marks = [
				...(key.minimumNetKph !== undefined ? [`${key.minimumNetKph.toLocaleString('en-US')} net KPH`] : []),
				...(key.minimumAccuracy !== undefined ? [`${key.minimumAccuracy}% accuracy`] : [])
			];
			return marks.length > 0 ? [`Pass marks: ${marks.join(' and ')}`] : ['No pass mark: the figures are for your own practice.'];
		}
	}
}

export type ReviewLine = {
	number: number;
	kind: PresentedItem['kind'];
	stem: string;
	passage?: string;
	outcome: ItemOutcome;
	points: string | null;
	max: string;
	yours: Lines;
	correct: Lines;
	feedback: string[];
};

/** What the candidate may see after closing: the score when the blueprint or HR allows, item feedback on practice exams. */
export async function attemptResult(service: ExamAttempts, a: Readonly<Attempt>) {
	const showScore = scoreVisible(a) && a.score !== null;
	const sectionTitle = new Map(a.exam.sections.map((s) => [s.id, s.title]));
	const score =
		showScore && a.score
			? {
					raw: a.score.raw,
					max: a.score.max,
					percent: a.score.percent,
					passed: a.score.passed,
					pending: a.score.pending.length,
					sections: a.score.sections.map((s) => ({ title: sectionTitle.get(s.sectionId) ?? s.sectionId, raw: s.raw, max: s.max, percent: s.percent })),
					skills: (a.score.skills ?? []).map((line) => ({
						number: a.delivered.findIndex((d) => d.itemId === line.itemId) + 1,
						kind: line.kind,
						title: line.kind === 'typing' ? 'Typing test' : '10-key test',
						figures: skillsFigures(line)
					}))
				}
			: null;
	let review: ReviewLine[] | null = null;
	if (feedbackVisible(a)) {
		const items: readonly ExamItem[] = await service.items(a.id);
		review = a.delivered.map((d, i) => {
			const clock = a.skills?.[String(i)];
			const timing = clock && clock.answeredAt !== null ? { serverElapsedMs: clock.answeredAt - clock.startedAt, limitMs: clock.limitMs } : undefined;
			const reviewed = reviewItem(items[i]!, d, a.answers[i] ?? undefined, timing);
			const line = a.score?.skills?.find((l) => l.itemId === d.itemId);
			const shown = renderPresented(reviewed.presented);
			return {
				number: i + 1,
				kind: shown.kind,
				stem: shown.stem,
				...(shown.passage !== undefined ? { passage: shown.passage } : {}),
				outcome: reviewed.score.outcome,
				points: reviewed.score.points,
				max: reviewed.score.max,
				yours: line ? skillsFigures(line) : describeResponse(reviewed.presented, a.answers[i]),
				correct: describeKey(reviewed.presented, reviewed.key),
				feedback: reviewed.feedback.map((f) => renderMarkdown(f))
			};
		});
	}
	const end = a.submittedAt ?? a.closedAt;
	return {
		attempt: summaryOf(a, service.now()),
		showAfterSubmit: a.exam.showAfterSubmit,
		endedAt: end === null ? null : new Date(end).toISOString(),
		timeUsedMs: service.timeUsedMs(a),
		unanswered: a.answers.filter((r) => !isAnswered(r)).length,
		score,
		review
	};
}

/** The candidate's history: every attempt, newest first, with the score only where it may be shown. */
export async function historyOf(service: ExamAttempts, owner: AttemptOwner) {
	const attempts = await service.attemptsOf(owner);
	return attempts
		.map((a) => ({
			id: a.id,
			blueprintId: a.blueprintId,
			title: a.exam.title,
			status: a.status,
			startedAt: new Date(a.startedAt).toISOString(),
			timeUsedMs: service.timeUsedMs(a),
			timeLimitMinutes: a.exam.timeLimitMinutes,
			score:
				scoreVisible(a) && a.score
					? { raw: a.score.raw, max: a.score.max, percent: a.score.percent, passed: a.score.passed, skills: skillsSummary(a.score.skills ?? []) }
					: null
		}))
		.reverse();
}
