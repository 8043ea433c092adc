/**
 * Patterns: how a check says what an event (or a stored command, or a probe's value) must look like,
 * without code. A pattern is partial — only the fields it names are compared:
 *
 * - text compares without regard to case or extra spaces; two plain numbers compare as exact
 *   decimals, so "175" equals "175.00" and money is never compared as floating point;
 * - an object pattern: each named field must match (other fields may be anything);
 * - a list pattern: each element must match a different element of the list (order free, others may be there);
 * - operators, an object with exactly one key:
 *   `$not: P` anything but P · `$in: [P, …]` one of · `$contains: "text"` text containing it ·
 *   `$absent: true` missing or empty · `$set: [P, …]` a list of exactly these, in any order.
 *
 * `mismatches` explains a failed match in parts a trainee can read ("amount: $108.82 instead of $180.82").
 */
import { compareDecimalStrings } from '../money';
import { formatValue, pathWords } from './words';

export const OPERATORS = ['$not', '$in', '$contains', '$absent', '$set'] as const;
type Operator = (typeof OPERATORS)[number];

export type Path = (string | number)[];

export type Mismatch = {
	path: Path;
	expected: unknown;
	actual: unknown;
	how: 'differs' | 'missing' | 'forbidden' | 'not-in' | 'no-text' | 'not-empty' | 'set';
};

const PLAIN_NUMBER = /^-?\d{1,24}(?:\.\d{1,12})?$/;

function isRecord(v: unknown): v is Record<string, unknown> {
	return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function operatorOf(p: unknown): Operator | null {
	if (!isRecord(p)) return null;
	const keys = Object.keys(p);
	return keys.length === 1 && (OPERATORS as readonly string[]).includes(keys[0]!) ? (keys[0] as Operator) : null;
}

const normalize = (s: string): string => s.trim().replace(/\s+/g, ' ').toLowerCase();

function sameScalar(p: unknown, a: unknown): boolean {
	if (p === null) return a === null || a === undefined;
	if (typeof p === 'boolean') return a === p;
	const pt = typeof p === 'number' ? String(p) : p;
	const at = typeof a === 'number' ? String(a) : a;
	if (typeof pt !== 'string' || typeof at !== 'string') return false;
	if (PLAIN_NUMBER.test(pt.trim()) && PLAIN_NUMBER.test(at.trim())) return compareDecimalStrings(pt.trim(), at.trim()) === 0;
	return normalize(pt) === normalize(at);
}

const isEmpty = (a: unknown): boolean => a === undefined || a === null || a === '' || (Array.isArray(a) && a.length === 0);

/** True when `actual` fits `pattern`. */
export function matches(pattern: unknown, actual: unknown): boolean {
	return mismatches(pattern, actual).length === 0;
}

/** Why `actual` does not fit `pattern` ([] when it does). */
export function mismatches(pattern: unknown, actual: unknown, path: Path = []): Mismatch[] {
	const op = operatorOf(pattern);
	if (op) {
		const arg = (pattern as Record<string, unknown>)[op];
		switch (op) {
			case '$not':
				return matches(arg, actual) ? [{ path, expected: pattern, actual, how: 'forbidden' }] : [];
			case '$in':
				return (arg as unknown[]).some((p) => matches(p, actual)) ? [] : [{ path, expected: arg, actual, how: 'not-in' }];
			case '$contains':
				return typeof actual === 'string' && normalize(actual).includes(normalize(String(arg))) ? [] : [{ path, expected: arg, actual, how: 'no-text' }];
			case '$absent':
				return isEmpty(actual) ? [] : [{ path, expected: null, actual, how: 'not-empty' }];
			case '$set': {
				const list = arg as unknown[];
				if (!Array.isArray(actual) || actual.length !== list.length || !assignable(list, actual)) return [{ path, expected: list, actual, how: 'set' }];
				return [];
			}
		}
	}
	if (Array.isArray(pattern)) {
		if (!Array.isArray(actual)) return [{ path, expected: pattern, actual, how: actual === undefined ? 'missing' : 'differs' }];
		return assignable(pattern, actual) ? [] : explainList(pattern, actual, path);
	}
	if (isRecord(pattern)) {
		if (!isRecord(actual)) return [{ path, expected: pattern, actual, how: actual === undefined ? 'missing' : 'differs' }];
		return Object.entries(pattern).flatMap(([k, p]) => mismatches(p, Object.prototype.hasOwnProperty.call(actual, k) ? actual[k] : undefined, [...path, k]));
	}
	if (sameScalar(pattern, actual)) return [];
	return [{ path, expected: pattern, actual, how: actual === undefined ? 'missing' : 'differs' }];
}

// Can each pattern element be given its own matching actual element? (Backtracking: lists are short.)
function assignable(patterns: readonly unknown[], actual: readonly unknown[]): boolean {
	const fits = patterns.map((p) => actual.map((a) => matches(p, a)));
	const used = new Array<boolean>(actual.length).fill(false);
	const place = (i: number): boolean => {
		if (i === patterns.length) return true;
		for (let j = 0; j < actual.length; j++) {
			if (used[j] || !fits[i]![j]) continue;
			used[j] = true;
			if (place(i + 1)) return true;
			used[j] = false;
		}
		return false;
	};
	return place(0);
}

// Words for a list that does not fit: each unmatched pattern against its closest remaining element.
function explainList(patterns: readonly unknown[], actual: readonly unknown[], path: Path): Mismatch[] {
	const used = new Set<number>();
	const out: Mismatch[] = [];
	for (const p of patterns) {
		const exact = actual.findIndex((a, j) => !used.has(j) && matches(p, a));
		if (exact >= 0) {
			used.add(exact);
			continue;
		}
		let best = -1;
		let bestMisses: Mismatch[] = [];
		actual.forEach((a, j) => {
			if (used.has(j)) return;
			const misses = mismatches(p, a, [...path, j]);
			if (best < 0 || misses.length < bestMisses.length) [best, bestMisses] = [j, misses];
		});
		if (best < 0) out.push({ path, expected: p, actual: undefined, how: 'missing' });
		else {
			used.add(best);
			out.push(...bestMisses);
		}
	}
	return out;
}

/** A pattern in words ("account or reference 100-0006, amount $180.82"). */
export function patternWords(pattern: unknown): string {
	const op = operatorOf(pattern);
	if (op) {
		const arg = (pattern as Record<string, unknown>)[op];
		if (op === '$not') return `anything but ${patternWords(arg)}`;
		if (op === '$in') return `one of ${(arg as unknown[]).map(patternWords).join(' / ')}`;
		if (op === '$contains') return `text mentioning “${String(arg)}”`;
		if (op === '$absent') return 'nothing';
		return `exactly ${(arg as unknown[]).map(patternWords).join('; ')}`;
	}
	if (Array.isArray(pattern)) return pattern.map(patternWords).join('; ');
	if (isRecord(pattern)) {
		return Object.entries(pattern)
			.map(([k, v]) => `${pathWords([k])} ${patternWords(v)}`)
			.join(', ');
	}
	return formatValue(pattern);
}

/** One mismatch as a sentence part. */
export function mismatchWords(m: Mismatch): string {
	const where = m.path.length > 0 ? `${pathWords(m.path)}: ` : '';
	switch (m.how) {
		case 'missing':
			return `${where}missing (should be ${patternWords(m.expected)})`;
		case 'forbidden':
			return `${where}${formatValue(m.actual)}, which is not allowed here`;
		case 'not-in':
			return `${where}${formatValue(m.actual)} instead of ${patternWords({ $in: m.expected })}`;
		case 'no-text':
			return `${where}should mention “${String(m.expected)}”`;
		case 'not-empty':
			return `${where}should be empty, was ${formatValue(m.actual)}`;
		case 'set':
			return `${where}${formatValue(m.actual)} instead of ${patternWords({ $set: m.expected })}`;
		default:
			return `${where}${formatValue(m.actual)} instead of ${patternWords(m.expected)}`;
	}
}

/** Problems with a pattern as written (for the content check): unknown or malformed operators. */
export function patternProblems(pattern: unknown, path: Path = []): { path: Path; message: string }[] {
	if (Array.isArray(pattern)) return pattern.flatMap((p, i) => patternProblems(p, [...path, i]));
	if (!isRecord(pattern)) return [];
	const keys = Object.keys(pattern);
	const dollar = keys.filter((k) => k.startsWith('$'));
	if (dollar.length === 0) return keys.flatMap((k) => patternProblems(pattern[k], [...path, k]));
	if (keys.length > 1) return [{ path, message: `an operator (${dollar[0]}) must be the only key of its object` }];
	const op = keys[0]!;
	const arg = pattern[op];
	if (!(OPERATORS as readonly string[]).includes(op)) return [{ path: [...path, op], message: `unknown operator ${op} (use ${OPERATORS.join(', ')})` }];
	if ((op === '$in' || op === '$set') && (!Array.isArray(arg) || arg.length === 0)) return [{ path: [...path, op], message: `${op} takes a list of values` }];
	if (op === '$contains' && (typeof arg !== 'string' || arg.trim() === '')) return [{ path: [...path, op], message: '$contains takes a piece of text' }];
	if (op === '$absent' && arg !== true) return [{ path: [...path, op], message: '$absent takes true' }];
	return patternProblems(arg, [...path, op]);
}
