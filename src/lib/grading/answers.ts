/**
 * Is a trainee's answer to a scenario question right? Answers arrive as typed text.
 * - choice: the chosen option's text (or its number, 1 for the first option);
 * - money: typed the way clerks type ("$1,234.5", "19.18"); equal to the cent, exactly;
 * - date: YYYY-MM-DD or M/D/YYYY;
 * - number: an exact decimal within the question's tolerance (inclusive); a trailing unit is allowed;
 * - text: the answer or an accepted alternative, ignoring case, extra spaces and curly quotes.
 */
import { formatUSD, parseDecimal, parseMoney } from '../money';
import { dec, isPlainDecimal } from '../exams/decimal';
import { normalizeAnswer } from '../exams/text';
import type { ScenarioQuestion } from './types';

const norm = (s: string) => normalizeAnswer(s, false).replace(/[.!]+$/, '');

/** A typed date as YYYY-MM-DD, or null. */
export function typedDate(text: string): string | null {
	const t = text.trim();
	const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
	const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
	const [y, m, d] = iso ? [iso[1]!, iso[2]!, iso[3]!] : us ? [us[3]!, us[1]!, us[2]!] : [];
	if (!y || !m || !d) return null;
	return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

/** The option a choice answer names: its text, or its number (1-based). */
function chosenOption(options: readonly string[], typed: string): string | undefined {
	const t = typed.trim();
	if (/^\d{1,2}$/.test(t)) return options[Number(t) - 1];
	return options.find((o) => norm(o) === norm(t));
}

/** Right or not; `key` is the question's answer with placeholders already filled in. */
export function answerIsRight(q: ScenarioQuestion, key: string, typed: string | undefined): boolean {
	if (typed === undefined || typed.trim() === '') return false;
	switch (q.kind) {
		case 'choice': {
			const chosen = chosenOption(q.options, typed);
			return chosen !== undefined && norm(chosen) === norm(key);
		}
		case 'money': {
			const given = parseMoney(typed, { allowNegative: true });
			const right = parseMoney(key, { allowNegative: true });
			return given.ok && right.ok && given.value.eq(right.value);
		}
		case 'date': {
			const right = typedDate(key);
			return right !== null && typedDate(typed) === right;
		}
		case 'number': {
			let text = typed.trim();
			if (q.unit && text.toLowerCase().endsWith(q.unit.toLowerCase())) text = text.slice(0, -q.unit.length).trim();
			const given = parseDecimal(text, { maxPlaces: 12 });
			if (!given.ok) return false;
			if (!isPlainDecimal(key)) return false;
			return dec(given.canonical).minus(dec(key)).abs().lte(dec(q.tolerance));
		}
		case 'text':
			return [key, ...q.accept].some((a) => norm(a) === norm(typed));
	}
}

/** An answer as the result page shows it ("$19.18", "No — …", "2026-11-26"). */
export function answerWords(q: ScenarioQuestion, text: string): string {
	if (q.kind === 'money') {
		const parsed = parseMoney(text, { allowNegative: true });
		return parsed.ok ? formatUSD(parsed.value) : text.trim();
	}
	if (q.kind === 'choice') return chosenOption(q.options, text) ?? text.trim();
	if (q.kind === 'number' && q.unit) return `${text.trim()} ${q.unit}`;
	return text.trim();
}
