/**
 * What a candidate may see of a delivered item, and reading what a candidate sends back.
 *
 * presentItem builds every field afresh from an allow-list (never a spread of the item), so a
 * field added to items later cannot leak into an exam page by accident. It leaves out the item
 * id too: ids are written by people ("tenant-deposit-175") and can give an answer away.
 */
import { fillPlaceholders } from './parameters';
import { MAX_TEN_KEY_ENTRIES, MAX_TYPED_CHARACTERS } from './skills';
import { CASH_DENOMINATIONS, type DeliveredItem, type ExamItem, type ItemResponse, type PresentedItem } from './types';

/** Longest text accepted per answer box (essays and skills tests have their own limits). */
export const MAX_ANSWER_CHARACTERS = 200;
export const MAX_ESSAY_CHARACTERS = 20_000;

function orderOf(delivered: DeliveredItem, length: number, what: string): number[] {
	const order = delivered.order;
	if (!order || order.length !== length || new Set(order).size !== length || order.some((i) => !(i >= 0 && i < length))) {
		throw new Error(`delivered item ${delivered.itemId} has no valid ${what} order for ${length} ${what}s`);
	}
	return order;
}

/** The candidate's view of `item` as delivered; throws if `delivered` is not for this item. */
export function presentItem(item: ExamItem, delivered: DeliveredItem): PresentedItem {
	if (delivered.itemId !== item.id) throw new Error(`delivered item ${delivered.itemId} is not item ${item.id}`);
	if (item.kind === 'parameterized') {
		const missing = Object.keys(item.variables).filter((name) => !Object.hasOwn(delivered.variables ?? {}, name));
		if (missing.length > 0) throw new Error(`delivered item ${delivered.itemId} has no value for ${missing.join(', ')}`);
	}
	const fill = (text: string) => (item.kind === 'parameterized' ? fillPlaceholders(text, item, delivered.variables ?? {}) : text).trim();
	const base = {
		points: delivered.points,
		stem: fill(item.stem),
		...(item.passage !== undefined ? { passage: fill(item.passage) } : {})
	};
	const unit = (u: string | undefined) => (u !== undefined ? { unit: u } : {});

	switch (item.kind) {
		case 'single-choice':
		case 'multiple-choice':
			return { kind: item.kind, ...base, options: orderOf(delivered, item.options.length, 'option').map((i) => item.options[i]!.text) };
		case 'true-false':
		case 'short-answer':
			return { kind: item.kind, ...base };
		case 'numeric':
		case 'parameterized':
			return { kind: item.kind, ...base, money: item.money, ...unit(item.unit) };
		case 'ordering':
			return { kind: 'ordering', ...base, entries: orderOf(delivered, item.entries.length, 'entry').map((i) => item.entries[i]!) };
		case 'matching': {
			const n = item.pairs.length;
			const right = [...item.pairs.map((p) => p.match), ...item.distractors];
			const choiceOrder = delivered.choiceOrder ?? [];
			if (choiceOrder.length !== right.length || new Set(choiceOrder).size !== right.length || choiceOrder.some((i) => !(i >= 0 && i < right.length))) {
				throw new Error(`delivered item ${delivered.itemId} has no valid choice order`);
			}
			return {
				kind: 'matching',
				...base,
				prompts: orderOf(delivered, n, 'prompt').map((i) => item.pairs[i]!.prompt),
				choices: choiceOrder.map((i) => right[i]!)
			};
		}
		case 'fill-in':
			return { kind: 'fill-in', ...base, blanks: item.blanks.map((b) => (b.choices ? { choices: [...b.choices] } : {})) };
		case 'name-number-check':
			return {
				kind: 'name-number-check',
				...base,
				pairs: item.pairs.map((p) => ({ left: p.left, right: p.right })),
				...(item.columns ? { columns: [item.columns[0], item.columns[1]] as [string, string] } : {})
			};
		case 'cash-count':
			return {
				kind: 'cash-count',
				...base,
				cash: item.cash.map((line) => ({
					denomination: line.denomination,
					label: CASH_DENOMINATIONS.find((d) => d.denomination === line.denomination)?.label ?? line.denomination,
					count: line.count
				}))
			};
		case 'typing':
			return {
				kind: 'typing',
				...base,
				text: item.text,
				minutes: item.minutes,
				errorPenalty: item.errorPenalty,
				...(item.minimumNetWpm !== undefined ? { minimumNetWpm: item.minimumNetWpm } : {})
			};
		case 'ten-key': {
			const entries = delivered.entries ?? item.entries;
			if (!entries) throw new Error(`delivered item ${delivered.itemId} has no 10-key batch`);
			return {
				kind: 'ten-key',
				...base,
				entries: [...entries],
				minutes: item.minutes,
				...(item.minimumNetKph !== undefined ? { minimumNetKph: item.minimumNetKph } : {}),
				...(item.minimumAccuracy !== undefined ? { minimumAccuracy: item.minimumAccuracy } : {})
			};
		}
		case 'essay':
			return {
				kind: 'essay',
				...base,
				rubric: item.rubric.map((c) => ({ criterion: c.criterion, points: c.points })),
				...(item.minWords !== undefined ? { minWords: item.minWords } : {}),
				...(item.maxWords !== undefined ? { maxWords: item.maxWords } : {})
			};
	}
}

export type ReadResponse = { ok: true; response: ItemResponse } | { ok: false; error: string };

const isPosition = (v: unknown, length: number): v is number => Number.isInteger(v) && (v as number) >= 0 && (v as number) < length;

/**
 * Check an answer sent by a browser (untrusted JSON) against what the candidate was shown.
 * An empty answer is valid (the candidate cleared it); anything malformed is refused with a
 * sentence, and nothing is stored.
 */
export function readResponse(presented: PresentedItem, input: unknown): ReadResponse {
	const fail = (error: string): ReadResponse => ({ ok: false, error });
	const ok = (response: ItemResponse): ReadResponse => ({ ok: true, response });
	if (typeof input !== 'object' || input === null || Array.isArray(input)) return fail('The answer must be an object.');
	const r = input as Record<string, unknown>;
	if (r.kind !== presented.kind) return fail(`The answer is for a ${String(r.kind)} item, but this is a ${presented.kind} item.`);
	const text = (key: string, max: number): string | ReadResponse => {
		const v = r[key];
		if (typeof v !== 'string') return fail(`"${key}" must be text.`);
		if (v.length > max) return fail(`The answer is longer than ${max.toLocaleString('en-US')} characters.`);
		return v;
	};

	switch (presented.kind) {
		case 'single-choice': {
			if (r.choice !== null && !isPosition(r.choice, presented.options.length)) return fail(`"choice" must be an option number from 0 to ${presented.options.length - 1}, or null.`);
			return ok({ kind: 'single-choice', choice: r.choice as number | null });
		}
		case 'multiple-choice': {
			const c = r.choices;
			if (!Array.isArray(c) || !c.every((v) => isPosition(v, presented.options.length)) || new Set(c).size !== c.length) {
				return fail('"choices" must list different option numbers.');
			}
			return ok({ kind: 'multiple-choice', choices: [...(c as number[])].sort((a, b) => a - b) });
		}
		case 'true-false':
			if (r.answer !== null && typeof r.answer !== 'boolean') return fail('"answer" must be true, false or null.');
			return ok({ kind: 'true-false', answer: r.answer as boolean | null });
		case 'numeric':
		case 'parameterized':
		case 'cash-count': {
			const v = text('value', MAX_ANSWER_CHARACTERS);
			return typeof v === 'string' ? ok({ kind: presented.kind, value: v }) : v;
		}
		case 'short-answer': {
			const v = text('text', MAX_ANSWER_CHARACTERS);
			return typeof v === 'string' ? ok({ kind: 'short-answer', text: v }) : v;
		}
		case 'essay': {
			const v = text('text', MAX_ESSAY_CHARACTERS);
			return typeof v === 'string' ? ok({ kind: 'essay', text: v }) : v;
		}
		case 'typing':
		case 'ten-key': {
			// The page's own measure of typing time; the server bounds it (scoreSkills), and null means "use the server's".
			const ms = r.elapsedMs;
			if (ms !== null && (typeof ms !== 'number' || !Number.isSafeInteger(ms) || ms < 0)) return fail('"elapsedMs" must be a whole number of milliseconds, or null.');
			if (presented.kind === 'typing') {
				const v = text('text', MAX_TYPED_CHARACTERS);
				return typeof v === 'string' ? ok({ kind: 'typing', text: v, elapsedMs: ms as number | null }) : v;
			}
			const e = r.entries;
			const most = Math.min(MAX_TEN_KEY_ENTRIES, presented.entries.length);
			if (!Array.isArray(e) || e.length > most || !e.every((v) => typeof v === 'string' && v.length <= 40)) {
				return fail(`"entries" must be up to ${most} pieces of text of up to 40 characters.`);
			}
			return ok({ kind: 'ten-key', entries: [...(e as string[])], elapsedMs: ms as number | null });
		}
		case 'ordering': {
			const o = r.order;
			const n = presented.entries.length;
			const complete = Array.isArray(o) && o.length === n && o.every((v) => isPosition(v, n)) && new Set(o).size === n;
			if (!(Array.isArray(o) && o.length === 0) && !complete) return fail(`"order" must list every entry number from 0 to ${n - 1} once, or nothing.`);
			return ok({ kind: 'ordering', order: [...(o as number[])] });
		}
		case 'matching': {
			const m = r.matches;
			if (!Array.isArray(m) || m.length !== presented.prompts.length || !m.every((v) => v === null || isPosition(v, presented.choices.length))) {
				return fail(`"matches" must give, for each of the ${presented.prompts.length} prompts, a choice number or null.`);
			}
			return ok({ kind: 'matching', matches: [...(m as (number | null)[])] });
		}
		case 'fill-in': {
			const b = r.blanks;
			if (!Array.isArray(b) || b.length !== presented.blanks.length || !b.every((v) => typeof v === 'string' && v.length <= MAX_ANSWER_CHARACTERS)) {
				return fail(`"blanks" must be ${presented.blanks.length} pieces of text.`);
			}
			const blanks = b as string[];
			const offMenu = blanks.findIndex((v, i) => v !== '' && presented.blanks[i]!.choices !== undefined && !presented.blanks[i]!.choices!.includes(v));
			if (offMenu >= 0) return fail(`Blank ${offMenu + 1} must be one of its choices.`);
			return ok({ kind: 'fill-in', blanks: [...blanks] });
		}
		case 'name-number-check': {
			const m = r.marks;
			if (!Array.isArray(m) || m.length !== presented.pairs.length || !m.every((v) => v === null || v === 'alike' || v === 'different')) {
				return fail(`"marks" must give "alike", "different" or null for each of the ${presented.pairs.length} pairs.`);
			}
			return ok({ kind: 'name-number-check', marks: [...(m as ('alike' | 'different' | null)[])] });
		}
	}
}
