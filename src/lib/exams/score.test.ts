import { describe, expect, it } from 'vitest';
import { reviewItem } from './review';
import { cashTotal, scoreAttempt, scoreEssay, scoreResponse } from './score';
import {
	cash,
	check,
	essay,
	fillIn,
	inOrder,
	matching,
	multiple,
	numeric,
	numericTolerance,
	ordering,
	parameterized,
	shortAnswer,
	single,
	trueFalse
} from './test-bank';
import type { DeliveredItem, ExamItem, ItemResponse } from './types';

const score = (item: ExamItem, response: ItemResponse | undefined, delivered: DeliveredItem = inOrder(item)) => scoreResponse(item, delivered, response);
const pts = (item: ExamItem, response: ItemResponse | undefined, delivered?: DeliveredItem) => {
	const s = score(item, response, delivered);
	return `${s.outcome} ${s.points}/${s.max}`;
};

describe('scoreResponse: all-or-nothing kinds', () => {
	it('single choice: the correct option, by display position through the delivered order', () => {
		expect(pts(single, { kind: 'single-choice', choice: 1 })).toBe('correct 1.00/1.00');
		expect(pts(single, { kind: 'single-choice', choice: 0 })).toBe('incorrect 0.00/1.00');
		expect(pts(single, { kind: 'single-choice', choice: null })).toBe('unanswered 0.00/1.00');
		// Shown as [$350, $0, $175]: display position 2 is the correct option.
		expect(pts(single, { kind: 'single-choice', choice: 2 }, inOrder(single, { order: [2, 0, 1] }))).toBe('correct 1.00/1.00');
		expect(pts(single, { kind: 'single-choice', choice: 1 }, inOrder(single, { order: [2, 0, 1] }))).toBe('incorrect 0.00/1.00');
	});

	it('true/false', () => {
		expect(pts(trueFalse, { kind: 'true-false', answer: false })).toBe('correct 1.00/1.00');
		expect(pts(trueFalse, { kind: 'true-false', answer: true })).toBe('incorrect 0.00/1.00');
		expect(pts(trueFalse, { kind: 'true-false', answer: null })).toBe('unanswered 0.00/1.00');
	});

	it('money: "$6", "6.0" and " 6.00 " equal 6.00 exactly; 6.001 and 6.01 do not', () => {
		for (const value of ['6.00', '$6', '6.0', ' 6.00 ', '$6.00']) expect(pts(numeric, { kind: 'numeric', value })).toBe('correct 1.00/1.00');
		for (const value of ['6.001', '6.01', '5.99', 'six dollars', '6,00']) expect(pts(numeric, { kind: 'numeric', value })).toBe('incorrect 0.00/1.00');
		expect(pts(numeric, { kind: 'numeric', value: '  ' })).toBe('unanswered 0.00/1.00');
		expect(pts({ ...numeric, answer: '1234.50' }, { kind: 'numeric', value: '$1,234.5' })).toBe('correct 1.00/1.00');
	});

	it('numbers with a tolerance: 12.5 ± 0.05 accepts 12.45 to 12.55 inclusive, and the unit typed after it', () => {
		for (const value of ['12.5', '12.45', '12.55', '12.500', '12.5 HCF', '12.5hcf']) {
			expect(pts(numericTolerance, { kind: 'numeric', value })).toBe('correct 1.00/1.00');
		}
		for (const value of ['12.44', '12.56', '$12.50', '12.5 gallons']) expect(pts(numericTolerance, { kind: 'numeric', value })).toBe('incorrect 0.00/1.00');
	});

	it('short answer: any accepted answer; case, outer spaces, runs of spaces and curly quotes do not matter unless case-sensitive', () => {
		expect(pts(shortAnswer, { kind: 'short-answer', text: '  Delinquent ' })).toBe('correct 1.00/1.00');
		expect(pts(shortAnswer, { kind: 'short-answer', text: 'delinquint' })).toBe('incorrect 0.00/1.00');
		expect(pts(shortAnswer, { kind: 'short-answer', text: '' })).toBe('unanswered 0.00/1.00');
		const sensitive = { ...shortAnswer, answers: ['City of Tracy', "it's"], caseSensitive: true };
		expect(pts(sensitive, { kind: 'short-answer', text: 'City  of Tracy' })).toBe('correct 1.00/1.00');
		expect(pts(sensitive, { kind: 'short-answer', text: 'city of tracy' })).toBe('incorrect 0.00/1.00');
		expect(pts(sensitive, { kind: 'short-answer', text: 'it\u2019s' })).toBe('correct 1.00/1.00');
	});

	it('ordering: all or nothing, in display positions', () => {
		// Shown as [Binh, Bao, Norris, Bao T.] = content [2, 0, 3, 1]; the right order is 1, 3, 0, 2.
		const d = inOrder(ordering, { order: [2, 0, 3, 1] });
		expect(pts(ordering, { kind: 'ordering', order: [1, 3, 0, 2] }, d)).toBe('correct 1.00/1.00');
		expect(pts(ordering, { kind: 'ordering', order: [3, 1, 0, 2] }, d)).toBe('incorrect 0.00/1.00');
		expect(pts(ordering, { kind: 'ordering', order: [] }, d)).toBe('unanswered 0.00/1.00');
	});

	it('parameterized: the key comes from this candidate\'s numbers: 10% of $123.45 = $12.35; of $42.30 the $6.00 minimum', () => {
		const d = inOrder(parameterized, { variables: { unpaid: '123.45' } });
		expect(pts(parameterized, { kind: 'parameterized', value: '12.35' }, d)).toBe('correct 1.00/1.00');
		expect(pts(parameterized, { kind: 'parameterized', value: '12.34' }, d)).toBe('incorrect 0.00/1.00');
		const low = inOrder(parameterized, { variables: { unpaid: '42.30' } });
		expect(pts(parameterized, { kind: 'parameterized', value: '$6.00' }, low)).toBe('correct 1.00/1.00');
		expect(pts(parameterized, { kind: 'parameterized', value: '4.23' }, low)).toBe('incorrect 0.00/1.00');
	});

	it('cash count: 7 × $20 + 31 × $0.25 + 47 × $0.01 = $148.22', () => {
		expect(cashTotal(cash)).toBe('148.22');
		expect(pts(cash, { kind: 'cash-count', value: '148.22' })).toBe('correct 1.00/1.00');
		expect(pts(cash, { kind: 'cash-count', value: '$148.2' })).toBe('incorrect 0.00/1.00');
	});
});

describe('scoreResponse: partial credit', () => {
	const mc = (choices: number[]) => pts(multiple, { kind: 'multiple-choice', choices });

	it('multiple choice, right minus wrong over the correct count, floored at 0 (2 correct of 4)', () => {
		expect(mc([0, 1])).toBe('correct 1.00/1.00');
		expect(mc([0])).toBe('partial 0.50/1.00');
		expect(mc([0, 2])).toBe('incorrect 0.00/1.00');
		expect(mc([0, 1, 2])).toBe('partial 0.50/1.00');
		expect(mc([0, 1, 2, 3])).toBe('incorrect 0.00/1.00');
		expect(mc([2, 3])).toBe('incorrect 0.00/1.00');
		expect(mc([])).toBe('unanswered 0.00/1.00');
	});

	it('multiple choice with 3 correct of 5 and 2 points: one right = 0.67', () => {
		const three = { ...multiple, points: 2, options: [...multiple.options, { text: 'Unsigned', correct: true }] };
		expect(pts(three, { kind: 'multiple-choice', choices: [0] })).toBe('partial 0.67/2.00');
		expect(pts(three, { kind: 'multiple-choice', choices: [0, 1] })).toBe('partial 1.33/2.00');
	});

	it('matching: points × matched ÷ prompts (4 points, 3 of 4 right = 3.00)', () => {
		const d = inOrder(matching, { order: [1, 0, 2, 3], choiceOrder: [4, 3, 2, 1, 0] });
		// Row 0 shows prompt 1 (Float), whose match (choice 1) is at display position 3.
		expect(pts(matching, { kind: 'matching', matches: [3, 4, 2, 1] }, d)).toBe('correct 4.00/4.00');
		expect(pts(matching, { kind: 'matching', matches: [3, 4, 2, 0] }, d)).toBe('partial 3.00/4.00');
		expect(pts(matching, { kind: 'matching', matches: [3, null, null, null] }, d)).toBe('partial 1.00/4.00');
		expect(pts(matching, { kind: 'matching', matches: [0, 0, 0, 0] }, d)).toBe('incorrect 0.00/4.00');
		expect(pts(matching, { kind: 'matching', matches: [null, null, null, null] }, d)).toBe('unanswered 0.00/4.00');
	});

	it('fill-in: points × right blanks ÷ blanks', () => {
		expect(pts(fillIn, { kind: 'fill-in', blanks: ['were', 'Received'] })).toBe('correct 2.00/2.00');
		expect(pts(fillIn, { kind: 'fill-in', blanks: ['was', 'received'] })).toBe('partial 1.00/2.00');
		expect(pts(fillIn, { kind: 'fill-in', blanks: ['', ''] })).toBe('unanswered 0.00/2.00');
	});

	it('name-and-number checking: points × pairs marked right ÷ pairs; alike means identical', () => {
		expect(pts(check, { kind: 'name-number-check', marks: ['alike', 'different', 'alike', 'different'] })).toBe('correct 4.00/4.00');
		expect(pts(check, { kind: 'name-number-check', marks: ['alike', 'alike', 'alike', null] })).toBe('partial 2.00/4.00');
		expect(pts(check, { kind: 'name-number-check', marks: [null, null, null, null] })).toBe('unanswered 0.00/4.00');
	});

	it('essay: needs a person, whatever the answer', () => {
		expect(score(essay, { kind: 'essay', text: 'Dear Mr. Ortiz, …' })).toEqual({ outcome: 'needs-person', points: null, max: '6.00' });
	});

	it('an answer of another kind counts as unanswered', () => {
		expect(pts(single, { kind: 'true-false', answer: true })).toBe('unanswered 0.00/1.00');
	});
});

describe('scoreEssay', () => {
	it('adds rubric marks (half points allowed) and refuses marks outside each criterion', () => {
		expect(scoreEssay(essay, ['3.5', '2'])).toEqual({ ok: true, points: '5.50', score: { outcome: 'partial', points: '5.50', max: '6.00' } });
		expect(scoreEssay(essay, ['4', '2'])).toMatchObject({ ok: true, score: { outcome: 'correct' } });
		expect(scoreEssay(essay, ['0', '0'])).toMatchObject({ ok: true, score: { outcome: 'incorrect', points: '0.00' } });
		expect(scoreEssay(essay, ['5', '0'])).toEqual({ ok: false, error: 'Decision and reason must be at most 4.' });
		expect(scoreEssay(essay, ['4'])).toEqual({ ok: false, error: 'Give one mark for each of the 2 criteria.' });
		expect(scoreEssay(essay, ['-1', '0'])).toMatchObject({ ok: false });
	});
});

describe('scoreAttempt', () => {
	const items = new Map<string, ExamItem>([single, multiple, matching, essay].map((i) => [i.id, i]));
	const delivered: DeliveredItem[] = [
		{ ...inOrder(single), sectionId: 'knowledge' },
		{ ...inOrder(multiple), sectionId: 'knowledge' },
		{ ...inOrder(matching), sectionId: 'clerical' },
		{ ...inOrder(essay), sectionId: 'writing' }
	];
	const sections = ['knowledge', 'clerical', 'writing'].map((id) => ({ id, title: id, items: [], draw: [] }));
	const responses: Record<string, ItemResponse> = {
		single: { kind: 'single-choice', choice: 1 },
		multiple: { kind: 'multiple-choice', choices: [0] },
		matching: { kind: 'matching', matches: [0, 1, 4, null] },
		essay: { kind: 'essay', text: 'Dear Mr. Ortiz' }
	};

	it('raw 1 + 0.5 + 2 = 3.50 of 12 while the essay waits for a person; no pass/fail yet', () => {
		const s = scoreAttempt({ blueprint: { sections, passingPoint: { percent: '70' } }, delivered, items, responses });
		expect(s).toMatchObject({ raw: '3.50', max: '12.00', percent: '29.17', pending: ['essay'], passed: null });
		expect(s.sections).toEqual([
			{ sectionId: 'knowledge', raw: '1.50', max: '2.00', percent: '75.00' },
			{ sectionId: 'clerical', raw: '2.00', max: '4.00', percent: '50.00' },
			{ sectionId: 'writing', raw: '0.00', max: '6.00', percent: '0.00' }
		]);
		expect(s.items.map((i) => `${i.itemId} ${i.outcome} ${i.points}`)).toEqual([
			'single correct 1.00',
			'multiple partial 0.50',
			'matching partial 2.00',
			'essay needs-person null'
		]);
	});

	it('with the essay scored 5 of 6: 8.50 of 12 = 70.83%, passes 70% and fails 71%', () => {
		const input = { delivered, items, responses, personScores: { essay: '5' } };
		const s = scoreAttempt({ ...input, blueprint: { sections, passingPoint: { percent: '70' } } });
		expect(s).toMatchObject({ raw: '8.50', max: '12.00', percent: '70.83', pending: [], passed: true });
		expect(scoreAttempt({ ...input, blueprint: { sections, passingPoint: { percent: '71' } } }).passed).toBe(false);
		expect(scoreAttempt({ ...input, blueprint: { sections, passingPoint: { points: '8.5' } } }).passed).toBe(true);
		expect(scoreAttempt({ ...input, blueprint: { sections, passingPoint: { points: '9' } } }).passed).toBe(false);
		expect(scoreAttempt({ ...input, blueprint: { sections } }).passed).toBe(null);
	});

	it('compares the passing percent exactly, not the rounded percent: 2 of 3 = 66.67% fails 66.67%', () => {
		const three = [single, trueFalse, numeric];
		const d = three.map((i) => inOrder(i));
		const s = scoreAttempt({
			blueprint: { sections: [{ id: 's', title: 's', items: [], draw: [] }], passingPoint: { percent: '66.67' } },
			delivered: d,
			items: new Map(three.map((i) => [i.id, i])),
			responses: { single: { kind: 'single-choice', choice: 1 }, 'true-false': { kind: 'true-false', answer: false } }
		});
		expect(s).toMatchObject({ raw: '2.00', max: '3.00', percent: '66.67', passed: false });
	});

	it('refuses a person score above the item and an item missing from the bank', () => {
		expect(() => scoreAttempt({ blueprint: { sections }, delivered, items, responses, personScores: { essay: '7' } })).toThrow('must be at most 6');
		expect(() => scoreAttempt({ blueprint: { sections }, delivered, items: new Map(), responses })).toThrow('item single of this attempt is not in the bank');
	});

	it('scores an empty attempt as 0.00 of 0.00', () => {
		expect(scoreAttempt({ blueprint: { sections: [] }, delivered: [], items, responses: {} })).toMatchObject({ raw: '0.00', max: '0.00', percent: '0.00' });
	});
});

describe('reviewItem (feedback after submit)', () => {
	it('gives the key in display positions and the feedback for what was chosen', () => {
		const d = inOrder(single, { order: [2, 0, 1] });
		const r = reviewItem(single, d, { kind: 'single-choice', choice: 1 });
		expect(r.key).toEqual({ kind: 'single-choice', correct: [2] });
		expect(r.feedback).toEqual(['Only owners pay none.', 'Renters pay $175.00.']);
		expect(r.score.outcome).toBe('incorrect');
		expect(r.presented).toMatchObject({ kind: 'single-choice', options: ['$350.00', '$0.00', '$175.00'] });
	});

	it('shows money keys as dollars, parameterized keys from the candidate\'s numbers, and true/false feedback', () => {
		expect(reviewItem(numeric, inOrder(numeric), undefined).key).toEqual({ kind: 'numeric', answer: '6.00', display: '$6.00', tolerance: '0' });
		expect(reviewItem(numericTolerance, inOrder(numericTolerance), undefined).key).toMatchObject({ display: '12.5 HCF', tolerance: '0.05' });
		const d = inOrder(parameterized, { variables: { unpaid: '123.45' } });
		expect(reviewItem(parameterized, d, undefined).key).toMatchObject({ answer: '12.35', display: '$12.35' });
		expect(reviewItem(trueFalse, inOrder(trueFalse), { kind: 'true-false', answer: true }).feedback).toEqual(['The postmark decides.']);
	});

	it('gives ordering and matching keys in display positions', () => {
		expect(reviewItem(ordering, inOrder(ordering, { order: [2, 0, 3, 1] }), undefined).key).toEqual({ kind: 'ordering', order: [1, 3, 0, 2] });
		const d = inOrder(matching, { order: [1, 0, 2, 3], choiceOrder: [4, 3, 2, 1, 0] });
		expect(reviewItem(matching, d, undefined).key).toEqual({ kind: 'matching', matches: [3, 4, 2, 1] });
		expect(reviewItem(check, inOrder(check), undefined).key).toEqual({ kind: 'name-number-check', marks: ['alike', 'different', 'alike', 'different'] });
	});
});
