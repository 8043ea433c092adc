import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatUSD, Money } from '../money';
import { loadContent } from '../server/content/load';
import { drawExam } from './draw';
import { presentItem, readResponse } from './present';
import { numericKey } from './score';
import { ALL_KINDS_BANK, blueprint, cash, check, essay, fillIn, inOrder, matching, parameterized, single, tenKey, typing } from './test-bank';
import { isSkillsKind, ITEM_KINDS, SKILLS_KINDS, type DeliveredItem, type ExamItem, type PresentedItem } from './types';

/** Keys that only answer keys, graders and reviews use: none may reach a candidate. */
const KEY_FIELDS = ['correct', 'answer', 'answers', 'feedback', 'feedbackTrue', 'feedbackFalse', 'tolerance', 'variables', 'description', 'id', 'itemId', 'topic', 'tags', 'difficulty'];

function keysIn(value: unknown, found = new Set<string>()): Set<string> {
	if (Array.isArray(value)) value.forEach((v) => keysIn(v, found));
	else if (value && typeof value === 'object') {
		for (const [k, v] of Object.entries(value)) {
			found.add(k);
			keysIn(v, found);
		}
	}
	return found;
}

/**
 * What would give the answer away: `answers` (keys) must not appear in anything the app adds to
 * the stem; `notes` (feedback, grader guidance, formulas) must not appear anywhere at all. A key
 * may appear in the author's own stem ("…or $6.00, whichever is greater") and that is the
 * author's choice, not a leak.
 */
function keyMaterial(item: ExamItem, delivered: DeliveredItem): { answers: string[]; notes: string[] } {
	const answers: string[] = [];
	const notes = [item.feedback ?? ''];
	switch (item.kind) {
		case 'single-choice':
		case 'multiple-choice':
			notes.push(...item.options.flatMap((o) => (o.feedback ? [o.feedback] : [])));
			break;
		case 'true-false':
			notes.push(item.feedbackTrue ?? '', item.feedbackFalse ?? '');
			break;
		case 'numeric':
		case 'parameterized':
		case 'cash-count': {
			const key = numericKey(item, delivered);
			answers.push(key.answer, key.money ? formatUSD(Money.of(key.answer)) : key.answer);
			if (item.kind === 'parameterized') notes.push(item.answer);
			break;
		}
		case 'short-answer':
			answers.push(...item.answers);
			break;
		case 'fill-in':
			// An answer offered as a choice is on screen by design; typed blanks must stay hidden.
			answers.push(...item.blanks.filter((b) => !b.choices).flatMap((b) => b.answers));
			break;
		case 'essay':
			notes.push(...item.rubric.flatMap((c) => (c.description ? [c.description] : [])));
			break;
		default:
			break;
	}
	const nonEmpty = (list: string[]) => list.filter((t) => t.trim() !== '');
	return { answers: nonEmpty(answers), notes: nonEmpty(notes) };
}

/** Everything the candidate sees except the author's own stem and passage text. */
function structuredPart(p: PresentedItem): string {
	const { stem: _stem, passage: _passage, ...rest } = p;
	return JSON.stringify(rest);
}

describe('presentItem shows no key material', () => {
	it('for every item of the real bank, under several seeds', async () => {
		const { bundle, errors } = await loadContent(resolve('content'));
		expect(errors).toEqual([]);
		const bank: ExamItem[] = bundle.items;
		expect(bank.length).toBeGreaterThanOrEqual(12);
		expect(new Set(bank.map((i) => i.kind)).size).toBe(ITEM_KINDS.length);
		// Skills tests are drawn only by a rule naming their kind.
		const skills = bank.filter((i) => isSkillsKind(i.kind)).length;
		const everything = blueprint({ sections: [{ id: 'all', title: 'All', items: [], draw: [{ count: bank.length - skills }, { count: skills, kinds: [...SKILLS_KINDS] }] }] });
		for (const seed of ['leak-1', 'leak-2', 'leak-3']) {
			for (const delivered of drawExam(everything, bank, seed)) {
				const item = bank.find((i) => i.id === delivered.itemId)!;
				const presented = presentItem(item, delivered);
				const json = JSON.stringify(presented);
				const forbidden = [...keysIn(presented)].filter((k) => KEY_FIELDS.includes(k));
				expect(forbidden, `${item.id} presents ${forbidden.join(', ')}`).toEqual([]);
				expect(json).not.toContain('"file"');
				const { answers, notes } = keyMaterial(item, delivered);
				for (const text of [...answers, item.id]) {
					expect(structuredPart(presented), `${item.id}: "${text}" shown`).not.toContain(JSON.stringify(text).slice(1, -1));
				}
				for (const text of notes) expect(json, `${item.id}: "${text}" shown`).not.toContain(JSON.stringify(text).slice(1, -1));
			}
		}
	});

	it('for every kind of the test bank', () => {
		for (const delivered of drawExam(blueprint(), ALL_KINDS_BANK, 'kinds')) {
			const item = ALL_KINDS_BANK.find((i) => i.id === delivered.itemId)!;
			const forbidden = [...keysIn(presentItem(item, delivered))].filter((k) => KEY_FIELDS.includes(k));
			expect(forbidden).toEqual([]);
		}
	});
});

describe('presentItem', () => {
	it('shows options in the delivered order', () => {
		expect(presentItem(single, inOrder(single, { order: [2, 0, 1] }))).toEqual({
			kind: 'single-choice',
			points: 1,
			stem: 'What deposit does a tenant pay?',
			options: ['$350.00', '$0.00', '$175.00']
		});
	});

	it('fills a parameterized stem with the candidate\'s numbers, formatted', () => {
		const p = presentItem(parameterized, inOrder(parameterized, { variables: { unpaid: '1234.50' } }));
		expect(p).toEqual({ kind: 'parameterized', points: 1, stem: 'On the delinquent date $1,234.50 is unpaid. What is the penalty?', money: true });
	});

	it('shows matching prompts and choices, fill-in choices, check pairs, cash and the essay rubric without descriptions', () => {
		expect(presentItem(matching, inOrder(matching, { order: [1, 0, 2, 3], choiceOrder: [4, 3, 2, 1, 0] }))).toMatchObject({
			prompts: ['Float', 'Deposit', 'Remittance', 'Aging'],
			choices: ['A returned check fee', 'Grouping by days past due', 'A payment sent by mail', 'Change kept in a drawer', 'Security held by the city']
		});
		expect(presentItem(fillIn, inOrder(fillIn))).toMatchObject({ blanks: [{ choices: ['was', 'were'] }, {}] });
		expect(presentItem(check, inOrder(check))).toMatchObject({ columns: ['Log', 'Check'], pairs: check.pairs });
		expect(presentItem(cash, inOrder(cash))).toMatchObject({
			cash: [
				{ denomination: '20.00', label: '$20 bills', count: 7 },
				{ denomination: '0.25', label: 'quarters', count: 31 },
				{ denomination: '0.01', label: 'pennies', count: 47 }
			]
		});
		expect(presentItem(essay, inOrder(essay))).toMatchObject({ rubric: [{ criterion: 'Decision and reason', points: 4 }, { criterion: 'Tone', points: 2 }] });
	});

	it('refuses a delivery that is not for the item, or whose order does not fit it', () => {
		expect(() => presentItem(single, inOrder(check))).toThrow('delivered item check is not item single');
		expect(() => presentItem(single, inOrder(single, { order: [0, 0, 1] }))).toThrow('no valid option order');
		expect(() => presentItem(matching, inOrder(matching, { choiceOrder: [0, 1] }))).toThrow('no valid choice order');
		expect(() => presentItem(parameterized, inOrder(parameterized))).toThrow('delivered item parameterized has no value for unpaid');
	});
});

describe('readResponse', () => {
	const shown = (item: ExamItem) => presentItem(item, inOrder(item));

	it('accepts well-formed answers of every kind, including empty ones', () => {
		expect(readResponse(shown(single), { kind: 'single-choice', choice: 2 })).toEqual({ ok: true, response: { kind: 'single-choice', choice: 2 } });
		expect(readResponse(shown(single), { kind: 'single-choice', choice: null })).toMatchObject({ ok: true });
		expect(readResponse(presentItem(ALL_KINDS_BANK[1]!, inOrder(ALL_KINDS_BANK[1]!)), { kind: 'multiple-choice', choices: [3, 0] })).toEqual({
			ok: true,
			response: { kind: 'multiple-choice', choices: [0, 3] }
		});
		expect(readResponse(shown(matching), { kind: 'matching', matches: [4, null, 0, 1] })).toMatchObject({ ok: true });
		expect(readResponse(shown(fillIn), { kind: 'fill-in', blanks: ['were', 'anything'] })).toMatchObject({ ok: true });
		expect(readResponse(shown(check), { kind: 'name-number-check', marks: ['alike', null, 'different', null] })).toMatchObject({ ok: true });
		expect(readResponse(shown(cash), { kind: 'cash-count', value: '$148.22' })).toMatchObject({ ok: true });
		expect(readResponse(shown(ALL_KINDS_BANK[6]!), { kind: 'ordering', order: [] })).toMatchObject({ ok: true });
	});

	it('refuses malformed answers with a sentence', () => {
		expect(readResponse(shown(single), null)).toEqual({ ok: false, error: 'The answer must be an object.' });
		expect(readResponse(shown(single), { kind: 'true-false', answer: true })).toEqual({ ok: false, error: 'The answer is for a true-false item, but this is a single-choice item.' });
		expect(readResponse(shown(single), { kind: 'single-choice', choice: 3 })).toMatchObject({ ok: false });
		expect(readResponse(shown(single), { kind: 'single-choice', choice: 1.5 })).toMatchObject({ ok: false });
		expect(readResponse(shown(ALL_KINDS_BANK[1]!), { kind: 'multiple-choice', choices: [1, 1] })).toMatchObject({ ok: false });
		expect(readResponse(shown(ALL_KINDS_BANK[6]!), { kind: 'ordering', order: [0, 1, 2] })).toMatchObject({ ok: false });
		expect(readResponse(shown(ALL_KINDS_BANK[6]!), { kind: 'ordering', order: [0, 1, 1, 2] })).toMatchObject({ ok: false });
		expect(readResponse(shown(matching), { kind: 'matching', matches: [5, null, null, null] })).toMatchObject({ ok: false });
		expect(readResponse(shown(fillIn), { kind: 'fill-in', blanks: ['is', ''] })).toEqual({ ok: false, error: 'Blank 1 must be one of its choices.' });
		expect(readResponse(shown(check), { kind: 'name-number-check', marks: ['same', null, null, null] })).toMatchObject({ ok: false });
		expect(readResponse(shown(cash), { kind: 'cash-count', value: 'x'.repeat(201) })).toEqual({ ok: false, error: 'The answer is longer than 200 characters.' });
		expect(readResponse(shown(essay), { kind: 'essay', text: 42 })).toEqual({ ok: false, error: '"text" must be text.' });
	});
});

describe('skills tests: present and read', () => {
	it('shows the text to copy and the delivered batch, with the pass marks; no item id', () => {
		expect(presentItem(typing, inOrder(typing))).toEqual({
			kind: 'typing',
			points: 0,
			stem: typing.stem,
			text: typing.text,
			minutes: 5,
			errorPenalty: 'per-word',
			minimumNetWpm: 30
		});
		const batch = ['1.00', '2.00'];
		expect(presentItem(tenKey, inOrder(tenKey, { entries: batch }))).toMatchObject({ kind: 'ten-key', entries: batch, minutes: 3, minimumNetKph: 6000, minimumAccuracy: '90' });
	});

	it('reads text and a page time, and refuses a time that is not whole milliseconds or entries past the batch', () => {
		const p = presentItem(tenKey, inOrder(tenKey));
		expect(readResponse(p, { kind: 'ten-key', entries: ['4821.07', ''], elapsedMs: 1200 })).toEqual({ ok: true, response: { kind: 'ten-key', entries: ['4821.07', ''], elapsedMs: 1200 } });
		expect(readResponse(p, { kind: 'ten-key', entries: ['1'], elapsedMs: null })).toMatchObject({ ok: true });
		expect(readResponse(p, { kind: 'ten-key', entries: ['1'], elapsedMs: -1 })).toEqual({ ok: false, error: '"elapsedMs" must be a whole number of milliseconds, or null.' });
		expect(readResponse(p, { kind: 'ten-key', entries: Array(11).fill('1'), elapsedMs: 5 })).toEqual({ ok: false, error: '"entries" must be up to 10 pieces of text of up to 40 characters.' });
		const t = presentItem(typing, inOrder(typing));
		expect(readResponse(t, { kind: 'typing', text: 'The clerk', elapsedMs: 2.5 })).toMatchObject({ ok: false });
		expect(readResponse(t, { kind: 'typing', text: 'x'.repeat(30_001), elapsedMs: 5 })).toMatchObject({ ok: false });
	});
});
