import { describe, expect, it } from 'vitest';
import { ALL_KINDS_BANK, blueprint, cash, check, essay, fillIn, matching, multiple, numeric, ordering, parameterized, shortAnswer, single, tenKey, typing } from './test-bank';
import type { ExamItem, ItemOfKind } from './types';
import { validateBlueprint, validateItem } from './validate';

const problems = (item: ExamItem) => validateItem(item).map((p) => `${p.path.join('.')}${p.stemLine ? `@${p.stemLine}` : ''}: ${p.message}`);

describe('validateItem', () => {
	it('accepts every item of the test bank', () => {
		for (const item of ALL_KINDS_BANK) expect(problems(item), item.id).toEqual([]);
	});

	it('single choice needs exactly one correct option, distinct option texts', () => {
		const two = { ...single, options: single.options.map((o) => ({ ...o, correct: true })) };
		expect(problems(two)).toEqual(['options: must have exactly one option with correct: true (has 3)']);
		const repeated = { ...single, options: [...single.options, { text: ' $175.00 ', correct: false }] };
		expect(problems(repeated)).toEqual(['options.3.text: option "$175.00" repeats option 2']);
		expect(problems({ ...single, options: [single.options[1]!] })).toEqual(['options: must have 2 to 8 options (has 1)']);
	});

	it('multiple choice needs a correct and a wrong option', () => {
		expect(problems({ ...multiple, options: multiple.options.map((o) => ({ ...o, correct: false })) })).toEqual([
			'options: must have at least one option with correct: true'
		]);
		expect(problems({ ...multiple, options: multiple.options.map((o) => ({ ...o, correct: true })) })).toEqual([
			'options: must have at least one option that is not correct'
		]);
	});

	it('numeric: money answers have two decimals and no tolerance', () => {
		expect(problems({ ...numeric, answer: '6' })).toEqual(['answer: must be dollars and cents with two decimals, like "87.50"']);
		expect(problems({ ...numeric, tolerance: '0.01' })).toEqual(['tolerance: money answers are exact to the cent; remove the tolerance']);
		expect(problems({ ...numeric, money: false, tolerance: '-1' })).toEqual(['tolerance: must be a decimal number of 0 or more, like "0.05"']);
	});

	it('short answer, ordering and matching refuse repeats', () => {
		expect(problems({ ...shortAnswer, answers: ['Delinquent', 'delinquent'] })).toEqual(['answers.1: answer "delinquent" repeats answer 1']);
		expect(problems({ ...shortAnswer, answers: ['Delinquent', 'delinquent'], caseSensitive: true })).toEqual([]);
		expect(problems({ ...ordering, entries: ['A', 'B', 'A'] })).toEqual(['entries.2: entry "A" repeats entry 1']);
		const m: ItemOfKind<'matching'> = { ...matching, pairs: [...matching.pairs, { prompt: 'Deposit', match: 'x' }], distractors: ['Change kept in a drawer'] };
		expect(problems(m)).toEqual(['pairs.4.prompt: prompt "Deposit" repeats prompt 1', 'distractors.0: match "Change kept in a drawer" repeats match 2']);
	});

	it('fill-in blanks match the [[n]] markers of the stem, and answers are among the choices', () => {
		expect(problems({ ...fillIn, stem: 'First [[1]].\nThen [[3]] and [[1]].' })).toEqual([
			'@2: blank [[3]] has no entry in blanks (there are 2)',
			'@2: blank [[1]] appears more than once',
			'blanks.1: blank 2 has no [[2]] in the stem'
		]);
		expect(problems({ ...fillIn, blanks: [{ answers: ['are'], choices: ['was', 'were'] }, fillIn.blanks[1]!] })).toEqual([
			'blanks.0.answers.0: "are" is not one of the choices'
		]);
	});

	it('name-and-number pairs need text on both sides; cash lines known denominations, once each', () => {
		expect(problems({ ...check, pairs: [{ left: 'x', right: ' ' }] })).toEqual(['pairs.0: both sides must have text']);
		const badCash = { ...cash, cash: [{ denomination: '3.00', count: 1 }, { denomination: '0.25', count: 2 }, { denomination: '0.25', count: 1 }] } as ExamItem;
		expect(problems(badCash)).toEqual([
			'cash.0.denomination: must be one of 100.00, 50.00, 20.00, 10.00, 5.00, 2.00, 1.00, 0.50, 0.25, 0.10, 0.05, 0.01',
			'cash.2.denomination: 0.25 is listed twice'
		]);
		expect(problems({ ...cash, cash: [{ denomination: '1.00', count: 0 }] })).toEqual(['cash: must have at least one bill or coin']);
	});

	it('essay points equal the rubric total', () => {
		expect(problems({ ...essay, points: 5 })).toEqual(['points: must equal the rubric total (6); or leave points out']);
		expect(problems({ ...essay, minWords: 300, maxWords: 200 })).toEqual(['minWords: must not be more than maxWords']);
	});

	it('placeholders belong to parameterized items only', () => {
		expect(problems({ ...single, stem: 'Pay\n{{amount}} now' })).toEqual(['@2: only parameterized items use {{…}} placeholders']);
	});
});

describe('validateItem: parameterized', () => {
	const p = (fields: Partial<ItemOfKind<'parameterized'>>) => problems({ ...parameterized, ...fields });

	it('every variable is defined, shown and used correctly', () => {
		expect(p({ answer: 'unpaid * rate' })).toEqual(['answer: formula uses rate, which is not a variable']);
		expect(p({ stem: 'What is {{unpaid}} plus {{fee}}?' })).toEqual(['@1: {{fee}} is not one of the variables (unpaid)']);
		expect(p({ variables: { ...parameterized.variables, days: { min: '1', max: '30', step: '1', money: false } } })).toEqual([
			'variables.days: is never shown: put {{days}} in the stem'
		]);
		expect(p({ answer: 'round(unpaid * 0.1' })).toEqual(['answer: formula: missing ")" at the end (at character 19)']);
	});

	it('ranges must be reachable in whole steps and not too large', () => {
		expect(p({ variables: { unpaid: { min: '40.00', max: '180.05', step: '0.10', money: true } } })).toEqual([
			'variables.unpaid: max must be min plus a whole number of steps (40.00 + n × 0.10)'
		]);
		expect(p({ variables: { unpaid: { min: '1', max: '10000000', step: '1', money: false } } })).toEqual([
			'variables.unpaid: the range has more than 1,000,000 values; use a larger step'
		]);
		expect(p({ variables: { unpaid: { min: '5', max: '1', step: '1', money: false } } })).toEqual(['variables.unpaid: max must not be less than min']);
		expect(p({ variables: { unpaid: { min: '1.005', max: '2', step: '0.005', money: true } } })).toEqual([
			'variables.unpaid: money values have at most two decimals'
		]);
	});

	it('tries the corners and samples: division by zero and money answers past the cent are found at load time', () => {
		const days = { min: '0', max: '30', step: '1', money: false };
		expect(p({ stem: '{{days}}', variables: { days }, answer: 'round(66.40 / days, 2)' })).toEqual(['answer: with days=0: division by zero']);
		expect(p({ stem: '{{days}}', variables: { days }, answer: '66.40 * days / 30' })).toEqual([
			expect.stringMatching(/^answer: with days=\d+: the answer [\d.]+ is not whole cents; wrap the formula in round\(…, 2\)$/)
		]);
		expect(p({ stem: '{{days}}', variables: { days: { values: ['3', '7'], money: false } }, answer: 'round(66.40 * days / 30, 2)' })).toEqual([]);
	});
});

describe('validateBlueprint', () => {
	it('accepts a sound blueprint', () => {
		expect(validateBlueprint(blueprint())).toEqual([]);
	});

	it('finds repeated sections and items, empty sections, section limits over the exam limit', () => {
		const bp = blueprint({
			timeLimitMinutes: 30,
			sections: [
				{ id: 'a', title: 'A', items: ['x'], draw: [], timeLimitMinutes: 20 },
				{ id: 'a', title: 'A again', items: ['x'], draw: [], timeLimitMinutes: 20 },
				{ id: 'c', title: 'C', items: [], draw: [] }
			]
		});
		expect(validateBlueprint(bp).map((p) => `${p.path.join('.')}: ${p.message}`)).toEqual([
			'sections.1.id: "a" is already the id of section 1',
			'sections.1.items.0: "x" is already in section a; an item appears once per exam',
			'sections.2: must list items or draw rules (or both)',
			"sections: section time limits add up to 40 minutes, more than the exam's 30"
		]);
	});

	it('checks skills tests: no points, passage length, one batch source, entries as digits', () => {
		expect(problems(typing)).toEqual([]);
		expect(problems(tenKey)).toEqual([]);
		expect(problems({ ...typing, points: 1, text: 'Too short.', minutes: 45 })).toEqual([
			'points: a skills test is scored in WPM or KPH, not points: leave points out',
			'minutes: must be a whole number of minutes from 1 to 30',
			'text: must have 50 to 1500 words (has 2)'
		]);
		expect(problems({ ...tenKey, entries: ['12.5', '1,000', ...tenKey.entries!], generate: { count: 5, minDigits: 4, maxDigits: 3, decimals: 4 }, minimumAccuracy: '101' })).toEqual([
			': needs exactly one of entries (a fixed batch) or generate (one batch per candidate)',
			'entries.1: must be digits with an optional decimal point, like "4821.07"',
			'generate.count: must have 10 to 2000 entries (has 5)',
			'generate.minDigits: must not be more than maxDigits',
			'generate.decimals: must be fewer than minDigits (every entry keeps a digit before the point)',
			'minimumAccuracy: must be a percent from 0 to 100, like "95"'
		]);
	});
});
