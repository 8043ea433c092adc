/**
 * Changes HR makes to scoring after an exam, for every candidate at once: voiding a flawed item
 * (it counts for nobody) and correcting an item's key (everyone is scored on the corrected key).
 * Pure: the runner stores the adjustments with each attempt and re-scores it with them.
 *
 * Keys that can be corrected: single choice (one right option), multiple choice (the set of right
 * options), true/false, numeric (the answer; money stays money), short answer (accepted answers).
 * Other kinds can only be voided: their keys are structures (orders, pairs, formulas) that are
 * fixed by editing the item in the bank for the next exam.
 */
import { formatUSD, Money, parseDecimal, parseMoney } from '../money';
import type { ExamItem } from './types';

export type KeyCorrection =
	/** Option indexes in the item's written order. */
	| { kind: 'choice'; correct: number[] }
	| { kind: 'true-false'; answer: boolean }
	| { kind: 'numeric'; answer: string }
	| { kind: 'short-answer'; answers: string[] };

export interface ScoreAdjustments {
	/** Item ids voided after the exam. */
	voided: string[];
	/** Corrected keys by item id. */
	corrections: Record<string, KeyCorrection>;
}

export const NO_ADJUSTMENTS: ScoreAdjustments = { voided: [], corrections: {} };

export function isKeyCorrectable(item: Pick<ExamItem, 'kind'>): boolean {
	return ['single-choice', 'multiple-choice', 'true-false', 'numeric', 'short-answer'].includes(item.kind);
}

/** The form HR fills in: chosen option numbers (0-based, written order), or the typed answer(s). */
export type KeyCorrectionForm = { correct?: readonly string[]; answer?: string; answers?: string };

export type ReadCorrection = { ok: true; correction: KeyCorrection } | { ok: false; error: string };

/** Check HR's corrected key for an item; the message says what to fix. */
export function readKeyCorrection(item: ExamItem, form: KeyCorrectionForm): ReadCorrection {
	switch (item.kind) {
		case 'single-choice':
		case 'multiple-choice': {
			const picked = [...new Set(form.correct ?? [])];
			if (picked.some((p) => !/^\d{1,3}$/.test(p) || Number(p) >= item.options.length)) return { ok: false, error: 'Choose options from the list.' };
			const correct = picked.map(Number).sort((a, b) => a - b);
			if (item.kind === 'single-choice' && correct.length !== 1) return { ok: false, error: 'Choose exactly one right option.' };
			if (correct.length === 0) return { ok: false, error: 'Choose at least one right option.' };
			return { ok: true, correction: { kind: 'choice', correct } };
		}
		case 'true-false': {
			if (form.answer !== 'true' && form.answer !== 'false') return { ok: false, error: 'Choose True or False as the right answer.' };
			return { ok: true, correction: { kind: 'true-false', answer: form.answer === 'true' } };
		}
		case 'numeric': {
			const typed = (form.answer ?? '').trim();
			if (!typed) return { ok: false, error: 'Enter the right answer.' };
			if (item.money) {
				const parsed = parseMoney(typed, { allowNegative: true });
				if (!parsed.ok) return { ok: false, error: parsed.error };
				return { ok: true, correction: { kind: 'numeric', answer: parsed.value.toString() } };
			}
			const parsed = parseDecimal(typed, { maxPlaces: 12, field: 'The right answer' });
			if (!parsed.ok) return { ok: false, error: parsed.error };
			return { ok: true, correction: { kind: 'numeric', answer: parsed.canonical } };
		}
		case 'short-answer': {
			const answers = [...new Set((form.answers ?? '').split('\n').map((a) => a.trim().replace(/\s+/g, ' ')).filter(Boolean))];
			if (answers.length === 0) return { ok: false, error: 'Enter at least one accepted answer, one per line.' };
			if (answers.some((a) => a.length > 200)) return { ok: false, error: 'Each accepted answer must be at most 200 characters.' };
			return { ok: true, correction: { kind: 'short-answer', answers } };
		}
		default:
			return { ok: false, error: 'The key of this kind of question cannot be corrected here; void the question instead.' };
	}
}

/** The item with its corrected key (the item itself when the correction does not fit its kind). */
export function applyKeyCorrection(item: ExamItem, c: KeyCorrection): ExamItem {
	if (c.kind === 'choice' && (item.kind === 'single-choice' || item.kind === 'multiple-choice')) {
		return { ...item, options: item.options.map((o, i) => ({ ...o, correct: c.correct.includes(i) })) };
	}
	if (c.kind === 'true-false' && item.kind === 'true-false') return { ...item, answer: c.answer };
	if (c.kind === 'numeric' && item.kind === 'numeric') return { ...item, answer: c.answer };
	if (c.kind === 'short-answer' && item.kind === 'short-answer') return { ...item, answers: [...c.answers] };
	return item;
}

/** Items as scored after the adjustments (keys corrected), in the same order. */
export function adjustedItems(items: readonly ExamItem[], adjustments: ScoreAdjustments): ExamItem[] {
	return items.map((item) => {
		const c = Object.hasOwn(adjustments.corrections, item.id) ? adjustments.corrections[item.id] : undefined;
		return c ? applyKeyCorrection(item, c) : item;
	});
}

/** The key after correction in words, for the audit log and the results page. */
export function describeKeyCorrection(item: ExamItem, c: KeyCorrection): string {
	switch (c.kind) {
		case 'choice': {
			const letters = c.correct.map((i) => String.fromCharCode(65 + i));
			const texts = item.kind === 'single-choice' || item.kind === 'multiple-choice' ? c.correct.map((i) => `“${item.options[i]?.text ?? ''}”`) : [];
			return `${letters.length === 1 ? 'option' : 'options'} ${letters.join(', ')} ${texts.length ? `(${texts.join(', ')})` : ''}`.trim();
		}
		case 'true-false':
			return c.answer ? 'True' : 'False';
		case 'numeric':
			return item.kind === 'numeric' && item.money ? formatUSD(Money.of(c.answer)) : c.answer;
		case 'short-answer':
			return c.answers.map((a) => `“${a}”`).join(' or ');
	}
}
