/**
 * Scoring answers and attempts.
 *
 * Partial credit, by kind (P = the item's points):
 * - single choice, true/false, numeric, short answer, parameterized, cash count, ordering:
 *   all or nothing (P or 0). Ordering is all or nothing because a record filed one place off is
 *   still lost, and pairwise credit would pay a random guess about half.
 * - multiple choice ("select all that apply"): right minus wrong, floored at 0:
 *   P × max(0, (right chosen − wrong chosen) ÷ correct options). All right and nothing wrong = P;
 *   with 2 correct of 4, one right alone = P/2, one right and one wrong = 0, all four = 0.
 * - matching: P × prompts matched correctly ÷ prompts.
 * - fill-in: P × blanks answered correctly ÷ blanks.
 * - name-and-number checking: P × pairs marked correctly ÷ pairs.
 * - essay: "needs-person"; a grader scores it with the rubric (scoreEssay).
 * - typing and 10-key: worth 0 points (they never change raw, max or percent); scored in WPM or
 *   KPH by scoreSkills and reported in AttemptScore.skills. Outcome "correct" when the figures meet
 *   the item's pass marks (or it has none), "incorrect" when not, "unanswered" when nothing was typed.
 * - an item HR voided after the exam: "voided", left out of raw and max for everyone.
 * Each item's score is rounded half-up to two decimals; the attempt sums the rounded scores.
 * An empty answer (or an answer of another kind) is "unanswered" and scores 0.
 *
 * Comparisons: money with money.ts (typed "$1,234.5" equals "1234.50"; sub-cent digits are
 * wrong); other numbers exactly, or within the item's tolerance (inclusive), as decimals; text
 * after normalizeAnswer (trimmed, single spaces, straight quotes, case unless case-sensitive).
 */
import { Money, parseDecimal, parseMoney } from '../money';
import { dec, fixed, ZERO, type Dec } from './decimal';
import { parameterizedAnswer } from './parameters';
import { hasSkillsPassMark, scoreSkills, type SkillsOutcome, type SkillsTiming } from './skills';
import { normalizeAnswer } from './text';
import type {
	AttemptScore,
	CashCountItem,
	DeliveredItem,
	EssayItem,
	ExamBlueprint,
	ExamItem,
	ItemResponse,
	ItemScore,
	NumericItem,
	ParameterizedItem,
	SectionScore
} from './types';

/** A score from the fraction of the item earned (0…1). */
function earned(points: number, fraction: Dec, answered = true): ItemScore {
	const max = fixed(dec(points), 2);
	if (!answered) return { outcome: 'unanswered', points: '0.00', max };
	const got = fixed(dec(points).times(fraction), 2);
	const outcome = got === max ? 'correct' : fraction.isZero() || got === '0.00' ? 'incorrect' : 'partial';
	return { outcome, points: got, max };
}

const all = (ok: boolean) => (ok ? dec(1) : ZERO);
const share = (right: number, of: number) => dec(right).dividedBy(of);

/** The total of a cash-count item, canonical ("143.85"). */
export function cashTotal(item: CashCountItem): string {
	return item.cash.reduce((sum, line) => sum.plus(Money.of(line.denomination).times(line.count)), Money.ZERO).toString();
}

/** The key of a numeric-answer kind as delivered (parameterized keys depend on the values). */
export function numericKey(item: NumericItem | ParameterizedItem | CashCountItem, delivered: DeliveredItem): { answer: string; money: boolean; tolerance: string } {
	if (item.kind === 'cash-count') return { answer: cashTotal(item), money: true, tolerance: '0' };
	if (item.kind === 'numeric') return { answer: item.answer, money: item.money, tolerance: item.tolerance };
	return { answer: parameterizedAnswer(item, delivered.variables ?? {}), money: item.money, tolerance: item.tolerance };
}

/** Is a typed number right? Unparseable input is simply wrong. */
function numberMatches(typed: string, key: { answer: string; money: boolean; tolerance: string }, unit: string | undefined): boolean {
	if (key.money) {
		const parsed = parseMoney(typed, { allowNegative: true });
		return parsed.ok && parsed.value.eq(Money.of(key.answer));
	}
	let text = typed.trim();
	if (unit && text.toLowerCase().endsWith(unit.toLowerCase())) text = text.slice(0, -unit.length).trim();
	const parsed = parseDecimal(text, { maxPlaces: 12 });
	if (!parsed.ok) return false;
	return dec(parsed.canonical).minus(dec(key.answer)).abs().lte(dec(key.tolerance));
}

/** A skills test's item score (0 points either way): did the figures meet the pass marks? */
export function skillsItemScore(outcome: SkillsOutcome): ItemScore {
	if (outcome.result === null) return { outcome: 'unanswered', points: '0.00', max: '0.00' };
	return { outcome: outcome.result.passed === false ? 'incorrect' : 'correct', points: '0.00', max: '0.00' };
}

/** Score one answer to one delivered item (rules in the module comment). Skills tests need the server's `timing`. */
export function scoreResponse(item: ExamItem, delivered: DeliveredItem, response: ItemResponse | undefined, timing?: SkillsTiming): ItemScore {
	const points = delivered.points;
	if (item.kind === 'typing' || item.kind === 'ten-key') return skillsItemScore(scoreSkills(item, delivered, response, timing));
	if (item.kind === 'essay') return { outcome: 'needs-person', points: null, max: fixed(dec(points), 2) };
	if (!response || response.kind !== item.kind) return earned(points, ZERO, false);
	const order = delivered.order ?? [];

	switch (response.kind) {
		case 'single-choice': {
			if (item.kind !== 'single-choice' || response.choice === null) return earned(points, ZERO, false);
			return earned(points, all(item.options[order[response.choice]!]?.correct === true));
		}
		case 'multiple-choice': {
			if (item.kind !== 'multiple-choice' || response.choices.length === 0) return earned(points, ZERO, false);
			const chosen = new Set(response.choices.map((p) => order[p]!));
			const right = [...chosen].filter((i) => item.options[i]?.correct).length;
			const wrong = chosen.size - right;
			const correct = item.options.filter((o) => o.correct).length;
			return earned(points, right > wrong ? share(right - wrong, correct) : ZERO);
		}
		case 'true-false':
			if (item.kind !== 'true-false' || response.answer === null) return earned(points, ZERO, false);
			return earned(points, all(response.answer === item.answer));
		case 'numeric':
		case 'parameterized':
		case 'cash-count': {
			if (item.kind !== response.kind || response.value.trim() === '') return earned(points, ZERO, false);
			const unit = item.kind === 'cash-count' ? undefined : item.unit;
			return earned(points, all(numberMatches(response.value, numericKey(item, delivered), unit)));
		}
		case 'short-answer': {
			if (item.kind !== 'short-answer' || response.text.trim() === '') return earned(points, ZERO, false);
			const typed = normalizeAnswer(response.text, item.caseSensitive);
			return earned(points, all(item.answers.some((a) => normalizeAnswer(a, item.caseSensitive) === typed)));
		}
		case 'ordering': {
			if (item.kind !== 'ordering' || response.order.length === 0) return earned(points, ZERO, false);
			const placed = response.order.map((p) => order[p]);
			return earned(points, all(placed.length === item.entries.length && placed.every((entry, place) => entry === place)));
		}
		case 'matching': {
			if (item.kind !== 'matching' || response.matches.every((m) => m === null)) return earned(points, ZERO, false);
			const choiceOrder = delivered.choiceOrder ?? [];
			// Pair i's match is right-hand choice i (distractors come after the pairs).
			const right = response.matches.filter((m, row) => m !== null && choiceOrder[m] === order[row]).length;
			return earned(points, share(right, item.pairs.length));
		}
		case 'fill-in': {
			if (item.kind !== 'fill-in' || response.blanks.every((b) => b.trim() === '')) return earned(points, ZERO, false);
			const right = item.blanks.filter((blank, i) => {
				const typed = normalizeAnswer(response.blanks[i] ?? '', item.caseSensitive);
				return typed !== '' && blank.answers.some((a) => normalizeAnswer(a, item.caseSensitive) === typed);
			}).length;
			return earned(points, share(right, item.blanks.length));
		}
		case 'name-number-check': {
			if (item.kind !== 'name-number-check' || response.marks.every((m) => m === null)) return earned(points, ZERO, false);
			const right = item.pairs.filter((pair, i) => response.marks[i] === (pair.left === pair.right ? 'alike' : 'different')).length;
			return earned(points, share(right, item.pairs.length));
		}
	}
}

export type EssayMarks = { ok: true; score: ItemScore; points: string } | { ok: false; error: string };

/**
 * A grader's rubric marks for an essay, one per criterion in rubric order, as decimal strings
 * (half points allowed: "2.5"). Each must be from 0 to the criterion's points.
 */
export function scoreEssay(item: EssayItem, marks: readonly string[]): EssayMarks {
	if (marks.length !== item.rubric.length) return { ok: false, error: `Give one mark for each of the ${item.rubric.length} criteria.` };
	let total = ZERO;
	for (const [i, mark] of marks.entries()) {
		const criterion = item.rubric[i]!;
		const parsed = parseDecimal(mark, { maxPlaces: 2, min: '0', max: String(criterion.points), field: criterion.criterion });
		if (!parsed.ok) return { ok: false, error: parsed.error };
		total = total.plus(dec(parsed.canonical));
	}
	const max = fixed(dec(item.points), 2);
	const points = fixed(total, 2);
	const outcome = points === max ? 'correct' : total.isZero() ? 'incorrect' : 'partial';
	return { ok: true, points, score: { outcome, points, max } };
}

export interface AttemptToScore {
	blueprint: Pick<ExamBlueprint, 'sections' | 'passingPoint'>;
	/** The attempt's items in delivered order. */
	delivered: readonly DeliveredItem[];
	/** Items by id (the bank, or the attempt's snapshot of it). */
	items: ReadonlyMap<string, ExamItem>;
	/** The candidate's answers by item id. */
	responses: Readonly<Record<string, ItemResponse | undefined>>;
	/** Points a person gave, by item id (essays, as from scoreEssay). */
	personScores?: Readonly<Record<string, string | undefined>>;
	/** The server's time of each skills test's answer, by item id (absent = never started). */
	skillsTimes?: Readonly<Record<string, SkillsTiming | undefined>>;
	/** Items HR voided after the exam: scored for nobody, left out of raw and max. */
	voided?: ReadonlySet<string>;
}

function percentOf(raw: Dec, max: Dec): string {
	return max.isZero() ? '0.00' : fixed(raw.times(100).dividedBy(max), 2);
}

/**
 * Raw, maximum and percent (half-up, two decimals) for the attempt and per section, and pass or
 * fail: percent passing points compare exactly (raw ÷ max ≥ percent ÷ 100, not the rounded
 * percent); point passing points compare raw ≥ points; and every skills test's pass marks must
 * be met (a skills test with marks that was never taken misses them). Throws if an item is missing from
 * `items` or a person's score is not a decimal from 0 to the item's points.
 */
export function scoreAttempt(input: AttemptToScore): AttemptScore {
	const items: AttemptScore['items'] = [];
	const pending: string[] = [];
	const skills: AttemptScore['skills'] = [];
	const bySection = new Map<string, { raw: Dec; max: Dec }>();
	let raw = ZERO;
	let max = ZERO;

	for (const d of input.delivered) {
		const item = input.items.get(d.itemId);
		if (!item) throw new Error(`item ${d.itemId} of this attempt is not in the bank`);
		if (input.voided?.has(d.itemId)) {
			items.push({ itemId: d.itemId, outcome: 'voided', points: '0.00', max: '0.00' });
			continue;
		}
		const response = Object.hasOwn(input.responses, d.itemId) ? input.responses[d.itemId] : undefined;
		if (item.kind === 'typing' || item.kind === 'ten-key') {
			const timing = input.skillsTimes && Object.hasOwn(input.skillsTimes, d.itemId) ? input.skillsTimes[d.itemId] : undefined;
			const outcome = scoreSkills(item, d, response, timing);
			skills.push({ itemId: d.itemId, sectionId: d.sectionId, ...outcome } as AttemptScore['skills'][number]);
			items.push({ itemId: d.itemId, ...skillsItemScore(outcome) });
			continue;
		}
		let score = scoreResponse(item, d, response);
		if (score.outcome === 'needs-person') {
			const given = input.personScores && Object.hasOwn(input.personScores, d.itemId) ? input.personScores[d.itemId] : undefined;
			if (given === undefined) {
				pending.push(d.itemId);
			} else {
				const parsed = parseDecimal(given, { maxPlaces: 2, min: '0', max: String(d.points), field: `Score for ${d.itemId}` });
				if (!parsed.ok) throw new Error(parsed.error);
				score = earned(d.points, dec(parsed.canonical).dividedBy(d.points));
			}
		}
		items.push({ itemId: d.itemId, ...score });
		const got = score.points === null ? ZERO : dec(score.points);
		const section = bySection.get(d.sectionId) ?? { raw: ZERO, max: ZERO };
		section.raw = section.raw.plus(got);
		section.max = section.max.plus(d.points);
		bySection.set(d.sectionId, section);
		raw = raw.plus(got);
		max = max.plus(d.points);
	}

	const sections: SectionScore[] = input.blueprint.sections.map((s) => {
		const t = bySection.get(s.id) ?? { raw: ZERO, max: ZERO };
		return { sectionId: s.id, raw: fixed(t.raw, 2), max: fixed(t.max, 2), percent: percentOf(t.raw, t.max) };
	});

	const pass = input.blueprint.passingPoint;
	let passed: boolean | null = null;
	if (pass && pending.length === 0) {
		passed = 'percent' in pass ? raw.times(100).gte(dec(pass.percent).times(max)) : raw.gte(dec(pass.points));
	}
	// A skills pass mark is a qualifying standard: missing one fails the attempt; an untaken test with a mark misses it.
	const skillsMarks = skills.flatMap((s) => {
		if (s.result !== null) return s.result.passed === null ? [] : [s.result.passed];
		const item = input.items.get(s.itemId);
		return item && hasSkillsPassMark(item) ? [false] : [];
	});
	if (skillsMarks.length > 0 && (passed !== null || !pass)) passed = (passed ?? true) && skillsMarks.every(Boolean);
	return { raw: fixed(raw, 2), max: fixed(max, 2), percent: percentOf(raw, max), sections, items, pending, passed, skills };
}
