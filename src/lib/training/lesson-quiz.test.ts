import { describe, expect, it } from 'vitest';
import type { ExamItem } from '$lib/exams';
import { checkQuiz, lessonQuiz, quizQuestions } from './lesson-quiz';
import { neighbours, scenariosForDuty, targetTime } from './lesson-page';

const base = { topic: 'utility-billing' as const, tags: [] as string[], difficulty: 1 as const, points: 1 };
const BANK: ExamItem[] = [
	{
		...base,
		id: 'deposit',
		kind: 'single-choice',
		stem: 'A tenant starts service. What deposit?',
		shuffleOptions: true,
		options: [
			{ text: '$0.00', correct: false, feedback: 'Only owners pay none.' },
			{ text: '$175.00', correct: true },
			{ text: '$350.00', correct: false }
		],
		feedback: 'Renters pay **$175.00**.'
	},
	{ ...base, id: 'penalty', kind: 'numeric', stem: '10% of $42.30, or $6.00?', answer: '6.00', money: true, tolerance: '0', feedback: 'The $6.00 minimum applies.' },
	{ ...base, id: 'postmark', kind: 'true-false', stem: 'Postmarked on the delinquent date: late?', answer: false, feedbackFalse: 'Right: the postmark decides.' },
	{ ...base, id: 'order', kind: 'ordering', stem: 'Order the steps.', entries: ['Fees', 'Oldest charges', 'Current charges'] },
	{ ...base, id: 'letter', kind: 'essay', stem: 'Write.', rubric: [{ criterion: 'Clear', points: 3 }], points: 3 }
];

const quiz = () => lessonQuiz('deposits', ['deposit', 'penalty', 'postmark', 'order'], BANK);

/** The display position of option `text` in the delivered question. */
function optionAt(text: string): string {
	const q = quizQuestions(quiz())[0]!.item;
	if (q.kind !== 'single-choice') throw new Error('not a choice');
	return String(q.options.indexOf(text));
}

/** Ordering without JavaScript: each displayed entry gets its position 1…n. */
function orderFields(form: FormData, right: boolean): void {
	const q = quizQuestions(quiz())[3]!.item;
	if (q.kind !== 'ordering') throw new Error('not ordering');
	const want = right ? ['Fees', 'Oldest charges', 'Current charges'] : ['Current charges', 'Oldest charges', 'Fees'];
	q.entries.forEach((entry, k) => form.set(`a3.pos${k}`, String(want.indexOf(entry) + 1)));
}

function answers(over: Record<string, string | null> = {}): FormData {
	const form = new FormData();
	const values: Record<string, string | null> = { a0: optionAt('$175.00'), a1: '$6.00', a2: 'false', ...over };
	for (const [k, v] of Object.entries(values)) if (v !== null) form.set(k, v);
	orderFields(form, true);
	return form;
}

describe('lessonQuiz', () => {
	it('delivers the same way on every call, so a page and its post line up', () => {
		expect(lessonQuiz('deposits', ['deposit', 'order'], BANK).delivered).toEqual(lessonQuiz('deposits', ['deposit', 'order'], BANK).delivered);
	});

	it('shows questions without keys, stems rendered', () => {
		const shown = JSON.stringify(quizQuestions(quiz()));
		expect(shown).not.toMatch(/correct|feedback|answer"/);
		expect(quizQuestions(quiz())[0]!.item.stem).toBe('<p>A tenant starts service. What deposit?</p>\n');
	});

	it('throws for an id not in the bank (content:check keeps that from happening)', () => {
		expect(() => lessonQuiz('x', ['nope'], BANK)).toThrow(/nope/);
	});
});

describe('checkQuiz', () => {
	it('scores all right with the exam scorer', () => {
		const checked = checkQuiz(quiz(), answers());
		expect(checked.ok).toBe(true);
		if (!checked.ok) return;
		expect(checked.result).toMatchObject({ raw: '4.00', max: '4.00', percent: '100.00', right: 4, total: 4 });
		expect(checked.result.questions.map((q) => q.outcome)).toEqual(['correct', 'correct', 'correct', 'correct']);
		expect(checked.result.questions[2]!.feedback).toEqual(['<p>Right: the postmark decides.</p>\n']);
	});

	it('one wrong answer: marked wrong, with the right answer, the option feedback and the item feedback', () => {
		const checked = checkQuiz(quiz(), answers({ a0: optionAt('$0.00') }));
		expect(checked.ok).toBe(true);
		if (!checked.ok) return;
		expect(checked.result).toMatchObject({ raw: '3.00', percent: '75.00', right: 3 });
		expect(checked.result.questions[0]).toEqual({
			index: 0,
			outcome: 'incorrect',
			points: '0.00',
			max: '1.00',
			yours: ['$0.00'],
			correct: ['$175.00'],
			feedback: ['<p>Only owners pay none.</p>\n', '<p>Renters pay <strong>$175.00</strong>.</p>\n']
		});
		expect(checked.posted.a1).toEqual(['$6.00']);
	});

	it('a wrong ordering and a wrong amount are wrong, with the key in words', () => {
		const form = answers({ a1: '4.23' });
		orderFields(form, false);
		const checked = checkQuiz(quiz(), form);
		if (!checked.ok) throw new Error(checked.error);
		expect(checked.result.questions[1]).toMatchObject({ outcome: 'incorrect', yours: ['4.23'], correct: ['$6.00'] });
		expect(checked.result.questions[3]).toMatchObject({ outcome: 'incorrect', correct: ['1. Fees', '2. Oldest charges', '3. Current charges'] });
	});

	it('refuses blank answers, naming the questions, and keeps what was given', () => {
		const some = checkQuiz(quiz(), answers({ a1: '', a2: null }));
		expect(some).toEqual({ ok: false, error: 'Questions 2 and 3 have no answer yet. Answer every question, then check your answers.', posted: expect.objectContaining({ a0: [optionAt('$175.00')] }) });
		const one = checkQuiz(quiz(), answers({ a2: null }));
		expect(one.ok ? '' : one.error).toBe('Question 3 has no answer yet. Answer every question, then check your answers.');
		expect(checkQuiz(quiz(), new FormData())).toMatchObject({ ok: false, error: 'Answer the questions first, then check your answers.' });
	});

	it('refuses malformed answers with a sentence, never a throw', () => {
		expect(checkQuiz(quiz(), answers({ a0: '9' }))).toMatchObject({ ok: false, error: expect.stringMatching(/^Question 1: "choice" must be an option number/) });
		expect(checkQuiz(quiz(), answers({ a0: 'abc' }))).toMatchObject({ ok: false, error: expect.stringMatching(/^Question 1:/) });
		expect(checkQuiz(quiz(), answers({ a2: 'maybe' }))).toMatchObject({ ok: false, error: 'Question 3: "answer" must be true, false or null.' });
		const dup = answers();
		dup.set('a3.pos0', '1');
		dup.set('a3.pos1', '1');
		expect(checkQuiz(quiz(), dup)).toMatchObject({ ok: false, error: expect.stringMatching(/^Question 4: Give each entry a different position/) });
		expect(checkQuiz(quiz(), answers({ a1: 'x'.repeat(5000) }))).toMatchObject({ ok: false, error: expect.stringMatching(/^Question 2: The answer is longer/) });
	});

	it('an amount that is not money is simply wrong, as on an exam', () => {
		const checked = checkQuiz(quiz(), answers({ a1: 'six dollars' }));
		expect(checked.ok && checked.result.questions[1]!.outcome).toBe('incorrect');
	});
});

describe('lesson page helpers', () => {
	it('target times in words', () => {
		expect([45, 60, 90, 150, 240, 300, 100].map(targetTime)).toEqual(['45 seconds', '1 minute', '1½ minutes', '2½ minutes', '4 minutes', '5 minutes', '1 min 40 s']);
	});

	it("the duty's scenarios with difficulty, target and link", () => {
		const scenarios = [
			{ id: 'a', title: 'A', duty: 'cashiering', difficulty: 1 as const, targetSeconds: 150, summary: 'S' },
			{ id: 'b', title: 'B', duty: 'mail', difficulty: 3 as const, targetSeconds: 360, summary: 'T' }
		];
		expect(scenariosForDuty(scenarios, 'mail')).toEqual([{ id: 'b', title: 'B', summary: 'T', difficulty: 'hard', target: '6 minutes', href: '/train/scenarios/b' }]);
		expect(scenariosForDuty(scenarios, 'permits')).toEqual([]);
	});

	it('previous and next lessons in training order, across duties', () => {
		const lessons = [
			{ id: 'welcome', title: 'Welcome', duty: 'orientation' },
			{ id: 'tenders', title: 'Tenders', duty: 'cashiering' },
			{ id: 'drawer', title: 'Drawer', duty: 'cashiering' }
		];
		expect(neighbours(lessons, 'welcome')).toEqual({ previous: null, next: { id: 'tenders', title: 'Tenders', duty: 'Cashiering', href: '/train/lessons/tenders' } });
		expect(neighbours(lessons, 'drawer').next).toBeNull();
		expect(neighbours(lessons, 'tenders').previous?.duty).toBe('Orientation');
		expect(neighbours(lessons, 'nope')).toEqual({ previous: null, next: null });
	});
});
