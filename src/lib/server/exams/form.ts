/**
 * Reading one page of answers from a plain form post (the exam without JavaScript). Field names
 * are per delivered index `i`: `a<i>` (choice, text, value; repeated for several choices),
 * `a<i>.pos<k>` (ordering: the position 1…n given to displayed entry k), `a<i>.m<k>` (matching:
 * the choice for prompt k), `a<i>.b<k>` (fill-in blank k), `a<i>.p<k>` (checking pair k),
 * `a<i>.e<k>` (10-key: entry k), `flag<i>` (flag for review); a typing test's text is `a<i>`.
 * Skills answers from a plain form carry no time of the page's own: the server's is used. The answers are then checked like any browser's, by readSaves.
 */
import { readResponse, type ItemResponse, type PresentedItem } from '$lib/exams';

const one = (form: FormData, name: string): string => {
	const v = form.get(name);
	return typeof v === 'string' ? v : '';
};
const position = (raw: string): number | null => (raw === '' ? null : /^\d{1,3}$/.test(raw) ? Number(raw) : Number.NaN);

export type FormAnswer = { ok: true; response: ItemResponse | null } | { ok: false; error: string };

/** The answer to item `index` in a form post; null when left blank. */
export function answerFromForm(presented: PresentedItem, index: number, form: FormData): FormAnswer {
	const name = `a${index}`;
	const raw = one(form, name);
	let input: unknown;
	switch (presented.kind) {
		case 'single-choice':
			if (raw === '') return { ok: true, response: null };
			input = { kind: presented.kind, choice: position(raw) };
			break;
		case 'multiple-choice':
			input = { kind: presented.kind, choices: form.getAll(name).map((v) => (typeof v === 'string' ? position(v) : Number.NaN)) };
			break;
		case 'true-false':
			if (raw === '') return { ok: true, response: null };
			input = { kind: presented.kind, answer: raw === 'true' ? true : raw === 'false' ? false : raw };
			break;
		case 'numeric':
		case 'parameterized':
		case 'cash-count':
			input = { kind: presented.kind, value: raw };
			break;
		case 'short-answer':
		case 'essay':
			input = { kind: presented.kind, text: raw };
			break;
		case 'ordering': {
			const n = presented.entries.length;
			const given = presented.entries.map((_, k) => position(one(form, `${name}.pos${k}`)));
			if (given.every((p) => p === null)) {
				input = { kind: 'ordering', order: [] };
				break;
			}
			const order: number[] = [];
			given.forEach((p, k) => {
				if (p !== null && p >= 1 && p <= n && order[p - 1] === undefined) order[p - 1] = k;
			});
			if (order.filter((k) => k !== undefined).length !== n) {
				return { ok: false, error: `Give each entry a different position from 1 to ${n}, or leave them all blank.` };
			}
			input = { kind: 'ordering', order };
			break;
		}
		case 'matching':
			input = { kind: 'matching', matches: presented.prompts.map((_, k) => position(one(form, `${name}.m${k}`))) };
			break;
		case 'fill-in':
			input = { kind: 'fill-in', blanks: presented.blanks.map((_, k) => one(form, `${name}.b${k}`)) };
			break;
		case 'name-number-check':
			input = { kind: 'name-number-check', marks: presented.pairs.map((_, k) => one(form, `${name}.p${k}`) || null) };
			break;
		case 'typing':
			input = { kind: 'typing', text: raw, elapsedMs: null };
			break;
		case 'ten-key':
			input = { kind: 'ten-key', entries: presented.entries.map((_, k) => one(form, `${name}.e${k}`)), elapsedMs: null };
			break;
	}
	const read = readResponse(presented, input);
	return read.ok ? { ok: true, response: read.response } : { ok: false, error: read.error };
}

/** The form's fields as posted (kept to refill the page when a post is refused). */
export function postedValues(form: FormData): Record<string, string[]> {
	const values: Record<string, string[]> = {};
	for (const [k, v] of form.entries()) if (typeof v === 'string' && /^(a|flag)\d/.test(k)) (values[k] ??= []).push(v.slice(0, 30_000));
	return values;
}
