/** The exam kinds of the content registry: items (content/items/) and blueprints (content/exams/). */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { itemToMarkdown } from '../../exams/markdown';
import { ALL_KINDS_BANK, SKILLS_BANK } from '../../exams/test-bank';
import { findBlueprint, findItem, loadContent, type ContentError } from './index';

let tmp: string;
let root: string;

beforeEach(async () => {
	tmp = await mkdtemp(join(tmpdir(), 'exam-content-test-'));
	root = join(tmp, 'content');
});
afterEach(async () => {
	await rm(tmp, { recursive: true, force: true });
});

async function put(rel: string, text: string): Promise<void> {
	const path = join(root, rel);
	await mkdir(join(path, '..'), { recursive: true });
	await writeFile(path, text);
}

const lines = (...l: string[]) => l.join('\n');
const messages = (errors: ContentError[]) => errors.map((e) => `${e.file.replace(/^content\//, '')}:${e.line}: ${e.message}`);

/**
 * A valid single-choice item. Line map: 1 ---, 2 id, 3 kind, 4 topic, 5 difficulty, 6 options:,
 * 7 - text A, 8 - text B, 9 correct: true, 10 (extra or ---).
 */
function choiceItem(id = 'deposit', extra: string[] = [], fields: Record<string, string> = {}): string {
	const f = { kind: 'single-choice', topic: 'utility-billing', difficulty: 'easy', ...fields };
	return lines(
		'---',
		`id: ${id}`,
		`kind: ${f.kind}`,
		`topic: ${f.topic}`,
		`difficulty: ${f.difficulty}`,
		'options:',
		'  - text: "$0.00"',
		'  - text: "$175.00"',
		'    correct: true',
		...extra,
		'---',
		'',
		'What deposit does a tenant pay?',
		''
	);
}

describe('items: valid files', () => {
	it('load into the bank with defaults filled and the body as the stem', async () => {
		await put('items/deposit.md', choiceItem());
		const { bundle, errors, warnings } = await loadContent(root);
		expect(errors).toEqual([]);
		expect(warnings).toEqual([]);
		expect(findItem(bundle, 'deposit')).toEqual({
			id: 'deposit',
			kind: 'single-choice',
			topic: 'utility-billing',
			tags: [],
			difficulty: 1,
			points: 1,
			options: [
				{ text: '$0.00', correct: false },
				{ text: '$175.00', correct: true }
			],
			shuffleOptions: true,
			stem: '\nWhat deposit does a tenant pay?\n',
			file: 'content/items/deposit.md'
		});
	});

	it('skip the README.md that explains the format', async () => {
		await put('items/README.md', '# Writing items\n\nNo front matter here.\n');
		expect(await loadContent(root)).toMatchObject({ errors: [], warnings: [] });
	});

	it('give an essay its rubric total as points', async () => {
		await put(
			'items/letter.md',
			lines('---', 'id: letter', 'kind: essay', 'topic: correspondence', 'difficulty: 3', 'rubric:', '  - criterion: Content', '    points: 4', '  - criterion: Tone', '    points: 2', '---', '', 'Write.')
		);
		const { bundle, errors } = await loadContent(root);
		expect(errors).toEqual([]);
		expect(findItem(bundle, 'letter')?.points).toBe(6);
	});

	it('read back what itemToMarkdown writes, for every kind', async () => {
		for (const item of [...ALL_KINDS_BANK, ...SKILLS_BANK]) await put(`items/${item.id}.md`, itemToMarkdown(item));
		const { bundle, errors } = await loadContent(root);
		expect(messages(errors)).toEqual([]);
		for (const item of [...ALL_KINDS_BANK, ...SKILLS_BANK]) {
			const { file, stem, ...loaded } = findItem(bundle, item.id)!;
			expect(file).toBe(`content/items/${item.id}.md`);
			expect(stem.trim()).toBe(item.stem.trim());
			const { stem: _stem, ...original } = item;
			expect(loaded).toEqual(original);
		}
	});
});

describe('items: errors name the file and line', () => {
	const run = async () => messages((await loadContent(root)).errors);

	it('an unknown or missing kind → the kind line, listing the kinds', async () => {
		await put('items/deposit.md', choiceItem('deposit', [], { kind: 'multi-choice' }));
		expect(await run()).toEqual([expect.stringMatching(/^items\/deposit\.md:3: kind: must be one of single-choice, multiple-choice, true-false, /)]);
		await put('items/deposit.md', choiceItem().replace('kind: single-choice\n', ''));
		expect(await run()).toEqual(['items/deposit.md:2: kind: is required']);
	});

	it('bad topic and difficulty → their lines', async () => {
		await put('items/deposit.md', choiceItem('deposit', [], { topic: 'juggling', difficulty: '4' }));
		expect(await run()).toEqual([
			expect.stringMatching(/^items\/deposit\.md:4: topic: must be one of utility-billing, cashiering, /),
			'items/deposit.md:5: difficulty: must be 1, 2 or 3, or easy, medium or hard'
		]);
	});

	it('unknown keys list the keys allowed for that kind, or for that nested object', async () => {
		await put('items/deposit.md', choiceItem('deposit', ['answers: [x]']).replace('    correct: true', '    correct: true\n    weight: 50'));
		expect(await run()).toEqual([
			'items/deposit.md:10: options[1]: unknown key "weight" (allowed keys: text, correct, feedback)',
			'items/deposit.md:11: unknown key "answers" (allowed keys: id, topic, tags, difficulty, points, passage, feedback, kind, options, shuffleOptions)'
		]);
	});

	it('two correct options in a single-choice item → the options line', async () => {
		await put('items/deposit.md', choiceItem().replace('  - text: "$0.00"', '  - text: "$0.00"\n    correct: true'));
		expect(await run()).toEqual(['items/deposit.md:6: options: must have exactly one option with correct: true (has 2)']);
	});

	it('money written as a YAML number → asks for quotes; wrong cents → the answer line', async () => {
		const numeric = (answer: string) => lines('---', 'id: penalty', 'kind: numeric', 'topic: utility-billing', 'difficulty: 2', `answer: ${answer}`, 'money: true', '---', '', 'What penalty?');
		await put('items/penalty.md', numeric('6.5'));
		expect(await run()).toEqual(['items/penalty.md:6: answer: must be a decimal number in quotes, like "87.50"']);
		await put('items/penalty.md', numeric('"6.5"'));
		expect(await run()).toEqual(['items/penalty.md:6: answer: must be dollars and cents with two decimals, like "87.50"']);
	});

	it('a fill-in blank missing from the body → its blanks line; a stray marker → its body line', async () => {
		await put(
			'items/grammar.md',
			lines('---', 'id: grammar', 'kind: fill-in', 'topic: grammar', 'difficulty: 2', 'blanks:', '  - answers: [were]', '  - answers: [is]', '---', '', 'Neither of them [[1]] late.', '', 'Each [[3]] counted.')
		);
		expect(await run()).toEqual(['items/grammar.md:8: blanks[1]: blank 2 has no [[2]] in the stem', 'items/grammar.md:13: blank [[3]] has no entry in blanks (there are 2)']);
	});

	it('a formula with an unknown variable → the answer line; a bad range → the variable line', async () => {
		await put(
			'items/calc.md',
			lines(
				'---',
				'id: calc',
				'kind: parameterized',
				'topic: business-arithmetic',
				'difficulty: 2',
				'variables:',
				'  days:',
				'    min: 1',
				'    max: 30',
				'    step: 7',
				'answer: round(66.40 * days / month, 2)',
				'money: true',
				'---',
				'',
				'After {{days}} days, what is the charge?'
			)
		);
		expect(await run()).toEqual([
			'items/calc.md:7: variables.days: max must be min plus a whole number of steps (1 + n × 7)',
			'items/calc.md:11: answer: formula uses month, which is not a variable'
		]);
	});

	it('a variable with both a range and values → its line', async () => {
		await put(
			'items/calc.md',
			lines('---', 'id: calc', 'kind: parameterized', 'topic: business-arithmetic', 'difficulty: 2', 'variables:', '  days:', '    min: 1', '    max: 3', '    values: [1, 2]', 'answer: days', '---', '', '{{days}}?')
		);
		expect(await run()).toEqual(['items/calc.md:7: variables.days: must give min and max (and optionally step), or values, not both']);
	});

	it('a name-and-number pair written as a YAML number asks for quotes', async () => {
		await put('items/pairs.md', lines('---', 'id: pairs', 'kind: name-number-check', 'topic: checking', 'difficulty: 1', 'pairs:', '  - left: 1002345', '    right: "1002345"', '---', '', 'Compare.'));
		expect(await run()).toEqual(['items/pairs.md:7: pairs[0].left: must be text of 1 to 200 characters (put numbers in quotes, like "100-2345")']);
	});
});

/** A blueprint; line map: 1 ---, 2 id, 3 title, 4 purpose, 5 timeLimitMinutes, 6 showAfterSubmit, 7 passingPoint, 8 sections:, 9 - id, 10 title, 11 draw:, 12 - count, 13 topics. */
function blueprintFile(fields: { count?: number; extra?: string[]; passingPoint?: string } = {}): string {
	return lines(
		'---',
		'id: quiz',
		'title: Quiz',
		'purpose: practice',
		'timeLimitMinutes: 10',
		'showAfterSubmit: score-and-feedback',
		`passingPoint: ${fields.passingPoint ?? '70%'}`,
		'sections:',
		'  - id: all',
		'    title: All',
		'    draw:',
		`      - count: ${fields.count ?? 1}`,
		'        topics: [utility-billing]',
		...(fields.extra ?? []),
		'---',
		'',
		'Answer every question.'
	);
}

describe('blueprints', () => {
	it('load with defaults, the body as instructions, and a percent passing point', async () => {
		await put('items/deposit.md', choiceItem());
		await put('exams/quiz.md', blueprintFile());
		const { bundle, errors, warnings } = await loadContent(root);
		expect(errors).toEqual([]);
		expect(warnings).toEqual([]);
		expect(findBlueprint(bundle, 'quiz')).toEqual({
			id: 'quiz',
			title: 'Quiz',
			purpose: 'practice',
			draft: false,
			timeLimitMinutes: 10,
			navigation: 'free',
			shuffleItems: true,
			shuffleOptions: true,
			passingPoint: { percent: '70' },
			attemptsAllowed: 1,
			showAfterSubmit: 'score-and-feedback',
			sections: [{ id: 'all', title: 'All', items: [], draw: [{ count: 1, topics: ['utility-billing'] }] }],
			instructions: 'Answer every question.',
			file: 'content/exams/quiz.md'
		});
	});

	it('a finished blueprint the bank cannot fill is an error at the draw rule, and is not served', async () => {
		await put('items/deposit.md', choiceItem());
		await put('exams/quiz.md', blueprintFile({ count: 3 }));
		const { bundle, errors, warnings } = await loadContent(root);
		expect(messages(errors)).toEqual([
			'exams/quiz.md:12: sections[0].draw[0]: section "all" draw 1 needs 3 items (topic utility-billing) and can fill 1: the bank has only 1 such item; add items or set draft: true'
		]);
		expect(warnings).toEqual([]);
		expect(bundle.exams).toEqual([]);
	});

	it('a draft blueprint the bank cannot fill yet loads, with a warning', async () => {
		await put('exams/quiz.md', blueprintFile({ count: 3, extra: ['draft: true'] }));
		const { bundle, errors, warnings } = await loadContent(root);
		expect(errors).toEqual([]);
		expect(messages(warnings)).toEqual([
			'exams/quiz.md:12: sections[0].draw[0]: section "all" draw 1 needs 3 items (topic utility-billing) and can fill 0: the bank has no such item (a warning while draft: true)'
		]);
		expect(findBlueprint(bundle, 'quiz')?.draft).toBe(true);
	});

	it('passing points: 52 points, or a percent up to 100%', async () => {
		await put('items/deposit.md', choiceItem());
		await put('exams/quiz.md', blueprintFile({ passingPoint: '52' }));
		expect(findBlueprint((await loadContent(root)).bundle, 'quiz')?.passingPoint).toEqual({ points: '52' });
		await put('exams/quiz.md', blueprintFile({ passingPoint: '101%' }));
		expect(messages((await loadContent(root)).errors)).toEqual([
			'exams/quiz.md:7: passingPoint: must be a percent from 0% to 100%, like "70%", or a whole number of points'
		]);
	});

	it('blueprint problems name their lines: a repeated fixed item, an unknown kind in a rule', async () => {
		await put('items/deposit.md', choiceItem());
		await put(
			'exams/quiz.md',
			blueprintFile({ extra: ['  - id: more', '    title: More', '    items: [deposit, deposit]', '    draw:', '      - count: 1', '        kinds: [essay-ish]'] })
		);
		expect(messages((await loadContent(root)).errors)).toEqual([expect.stringMatching(/^exams\/quiz\.md:19: sections\[1\]\.draw\[0\]\.kinds\[0\]: must be one of single-choice, /)]);
		await put('exams/quiz.md', blueprintFile({ extra: ['  - id: more', '    title: More', '    items: [deposit, deposit]'] }));
		expect(messages((await loadContent(root)).errors)).toEqual([
			'exams/quiz.md:16: sections[1].items[1]: "deposit" is already in section more; an item appears once per exam'
		]);
	});
});

describe('the real exam content', () => {
	it('has items of every kind, a practice exam the bank can fill, and the written exam as a draft', async () => {
		const { bundle, errors, warnings } = await loadContent(resolve('content'));
		expect(messages(errors)).toEqual([]);
		expect(new Set(bundle.items.map((i) => i.kind)).size).toBe(14);
		const practice = findBlueprint(bundle, 'practice');
		expect(practice).toMatchObject({ purpose: 'practice', timeLimitMinutes: 20, attemptsAllowed: 'unlimited', showAfterSubmit: 'score-and-feedback', draft: false });
		expect(practice!.sections.flatMap((s) => s.draw).reduce((n, r) => n + r.count, 0)).toBe(15);
		const written = findBlueprint(bundle, 'account-clerk-written');
		expect(written).toMatchObject({ title: 'Account Clerk written exam', purpose: 'exam', timeLimitMinutes: 150, attemptsAllowed: 1 });
		expect(written!.sections.flatMap((s) => [...s.items, ...s.draw.flatMap((r) => Array<string>(r.count).fill(''))]).length).toBe(85);
		// Shortfalls of a draft are warnings only, and only for the draft.
		expect(new Set(warnings.map((w) => w.file))).toEqual(written!.draft ? new Set(['content/exams/account-clerk-written.md']) : new Set());
		// The clerical skills test: a typing and a 10-key test, taken in order.
		expect(findBlueprint(bundle, 'clerical-skills')).toMatchObject({ navigation: 'sequential', draft: false });
	});
});
