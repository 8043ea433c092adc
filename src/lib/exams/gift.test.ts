import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseGift } from './gift';
import { drawExam } from './draw';
import { scoreResponse } from './score';
import { blueprint, inOrder } from './test-bank';
import type { ExamItem } from './types';

const sample = readFileSync(new URL('./testdata/sample.gift', import.meta.url), 'utf8');
const imported = parseGift(sample, { topic: 'utility-billing', tags: ['imported'] });
const byTitle = (title: string): ExamItem => {
	const found = imported.items.find((i) => i.title === title);
	if (!found) throw new Error(`no item titled ${title}`);
	return found.item;
};

describe('parseGift over the sample file', () => {
	it('imports the ten questions it can hold and rejects the eight it cannot, each with its line', () => {
		expect(imported.items.map((i) => `${i.line} ${i.item.id} ${i.item.kind}`)).toEqual([
			'6 tenant-deposit single-choice',
			'12 refuse-checks multiple-choice',
			'19 postmark true-false',
			'21 spelling short-answer',
			'23 penalty-percent numeric',
			'25 days-range numeric',
			'27 terms matching',
			'34 letter essay',
			'36 missing-word single-choice',
			'38 escapes single-choice'
		]);
		expect(imported.rejected).toEqual([
			{ line: 42, title: 'Description only', reason: 'a description without an answer block {…}: there is nothing to score' },
			{ line: 44, title: 'Two blanks', reason: 'several answer blocks in one question (missing words with several blanks) are not supported' },
			{ line: 46, title: 'Weighted numeric', reason: 'several numeric answers (weighted alternatives) are not supported; keep one answer with a tolerance' },
			{ line: 48, title: 'Partial single', reason: 'partial credit (50%) in a one-answer question is not supported' },
			{
				line: 50,
				title: 'Unequal weights',
				reason: 'correct options weighted 70%, 30%: every correct option must carry the same share of 100% (this app scores right minus wrong)'
			},
			{ line: 52, title: 'Wildcard', reason: 'the wildcard * in "W-*" is not supported: list each accepted spelling' },
			{ line: 54, title: 'No correct option', reason: 'options: must have at least one option with correct: true' },
			{ line: 56, title: 'Unclosed', reason: 'the braces { } do not pair up; escape a literal brace as \\{ or \\}' }
		]);
	});

	it('multiple choice: = marks the correct option; # gives option feedback; #### general feedback', () => {
		expect(byTitle('Tenant deposit')).toEqual({
			id: 'tenant-deposit',
			kind: 'single-choice',
			topic: 'utility-billing',
			tags: ['imported', 'utility-billing'],
			difficulty: 2,
			points: 1,
			stem: 'What deposit does a renter pay when water service starts?',
			feedback: 'Owners pay no deposit once they show a deed, escrow papers or a tax bill.',
			options: [
				{ text: '$175.00', correct: true, feedback: 'Right: renters and lessees pay $175.00.' },
				{ text: '$0.00', correct: false, feedback: 'Only owners with proof of ownership pay none.' },
				{ text: '$350.00', correct: false }
			],
			shuffleOptions: true
		});
	});

	it('multiple answers: the positive weights are the correct options; equal negative shares map without a warning', () => {
		const item = byTitle('Refuse checks');
		expect(item).toMatchObject({
			kind: 'multiple-choice',
			stem: 'Which checks must the clerk **refuse**?',
			options: [
				{ text: 'A post-dated check', correct: true },
				{ text: 'A two-party check', correct: true },
				{ text: 'A signed check payable to City of Tracy', correct: false },
				{ text: 'A check dated 90 days ago', correct: false }
			]
		});
		expect(imported.items.find((i) => i.title === 'Refuse checks')!.warnings).toEqual([]);
	});

	it('warns when Moodle weights differ from right minus wrong', () => {
		const r = parseGift('Pick all.{~%50%a ~%50%b ~%-100%c ~d}', { topic: 'cashiering' });
		expect(r.items[0]!.warnings).toEqual([
			'wrong options were weighted -100%, 0%; here each wrong choice cancels one right choice (right minus wrong, never below 0)'
		]);
	});

	it('true/false with wrong-answer and right-answer feedback', () => {
		expect(byTitle('Postmark')).toMatchObject({
			kind: 'true-false',
			answer: false,
			feedbackTrue: 'The postmark decides, not the arrival.',
			feedbackFalse: 'Right.'
		});
		expect(parseGift('Q{TRUE#no#yes}', { topic: 'mail' }).items[0]!.item).toMatchObject({ answer: true, feedbackTrue: 'yes', feedbackFalse: 'no' });
	});

	it('short answer, not case-sensitive', () => {
		expect(byTitle('Spelling')).toMatchObject({ kind: 'short-answer', answers: ['delinquent', 'Delinquent (capitalized)'], caseSensitive: false });
	});

	it('numeric: 10:0.5 is 10 ± 0.5; the range 20..22 is 21 ± 1', () => {
		expect(byTitle('Penalty percent')).toMatchObject({ kind: 'numeric', answer: '10', tolerance: '0.5', money: false });
		const range = byTitle('Days range');
		expect(range).toMatchObject({ answer: '21', tolerance: '1' });
		const score = (value: string) => scoreResponse(range, inOrder(range), { kind: 'numeric', value }).outcome;
		expect([score('20'), score('22'), score('19.9')]).toEqual(['correct', 'correct', 'incorrect']);
	});

	it('matching, with "= -> x" as a distractor', () => {
		expect(byTitle('Terms')).toMatchObject({
			kind: 'matching',
			pairs: [
				{ prompt: 'Float', match: 'Change kept in the drawer' },
				{ prompt: 'Deposit', match: 'Security held by the city' },
				{ prompt: 'Remittance', match: 'A payment sent by mail' }
			],
			distractors: ['A fee for a returned check']
		});
	});

	it('essay with a default rubric, and a warning to edit it', () => {
		expect(byTitle('Letter')).toMatchObject({ kind: 'essay', points: 10, rubric: [{ criterion: 'Overall response', points: 10 }] });
		expect(imported.items.find((i) => i.title === 'Letter')!.warnings).toEqual([
			'essay: a rubric with one criterion ("Overall response", 10 points) was added; edit it before use'
		]);
	});

	it('missing word: the stem gets a blank where the answers were', () => {
		expect(byTitle('Missing word')).toMatchObject({
			kind: 'single-choice',
			stem: 'A clerk may approve a payment plan of up to \\_\\_\\_\\_\\_ months.',
			options: [{ text: 'six', correct: true }, { text: 'three' }, { text: 'twelve' }]
		});
	});

	it('escapes \\: \\{ \\} \\\\ \\~ \\= \\# stay literal', () => {
		expect(byTitle('Escapes').stem).toBe('Which ratio is written as 1:4, and what does {braces} mean? Use \\ and ~ and = and # freely.');
	});

	it('every imported item can be drawn and presented', () => {
		const items = imported.items.map((i) => i.item);
		const bp = blueprint({ sections: [{ id: 's', title: 'S', items: [], draw: [{ count: items.length }] }] });
		expect(drawExam(bp, items, 'gift')).toHaveLength(items.length);
	});
});

describe('parseGift details', () => {
	it('ids: from the title, else prefix-n; clashes with the bank get a suffix and a warning', () => {
		const r = parseGift('::Tenant deposit::Q{T}\n\nQ two{F}\n\n::Tenant  Deposit!::Q3{T}', {
			topic: 'utility-billing',
			idPrefix: 'Batch 7',
			existingIds: new Set(['tenant-deposit'])
		});
		expect(r.items.map((i) => i.item.id)).toEqual(['tenant-deposit-2', 'batch-7-2', 'tenant-deposit-3']);
		expect(r.items[0]!.warnings).toEqual(['the id "tenant-deposit" is taken; this item is "tenant-deposit-2"']);
	});

	it('applies the options and keeps [html] and [plain] text safe as markdown', () => {
		const r = parseGift('[html]<p>Is <b>this</b> right?</p>{T}\n\n[plain]Is 2*3 = 6 [really]?{T}', { topic: 'mail', difficulty: 3, points: 2 });
		expect(r.items.map((i) => i.item.stem)).toEqual(['<p>Is <b>this</b> right?</p>', 'Is 2\\*3 = 6 \\[really\\]?']);
		expect(r.items[0]!.item).toMatchObject({ difficulty: 3, points: 2, tags: [] });
	});

	it('keeps an answer block that spans blank lines together, and reads Windows line ends', () => {
		const r = parseGift('Which?{\r\n=a\r\n\r\n~b\r\n}\r\n\r\nNext{T}', { topic: 'mail' });
		expect(r.rejected).toEqual([]);
		expect(r.items.map((i) => `${i.line} ${i.item.kind}`)).toEqual(['1 single-choice', '7 true-false']);
	});

	it('reports the line of the answer that is wrong, not only the question', () => {
		const r = parseGift('// header\n\nPick one.{\n  =Best\n  ~%50%Almost\n}', { topic: 'mail' });
		expect(r.rejected).toEqual([{ line: 5, reason: 'partial credit (50%) in a one-answer question is not supported' }]);
	});

	it('rejects a numeric answer that is not a plain number, and an empty file imports nothing', () => {
		expect(parseGift('Year?{#1e3}', { topic: 'mail' }).rejected).toEqual([{ line: 1, reason: '"1e3" is not a plain decimal number' }]);
		expect(parseGift('// only comments\n\n', { topic: 'mail' })).toEqual({ items: [], rejected: [] });
	});
});
