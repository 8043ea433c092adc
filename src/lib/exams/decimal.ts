/**
 * Exact decimals for the exam domain: formulas, tolerances, scores, rates. Money amounts go
 * through src/lib/money.ts; this is for the general decimals money.ts does not model (scores of
 * 0.33 points, a tolerance of 0.05 HCF, a formula's intermediate 1234.5678).
 *
 * A private decimal.js clone with the city's rounding (half-up, ties away from zero) and plain
 * (never exponential) string output; the Decimal type does not leave src/lib/exams.
 */
import Decimal from 'decimal.js';

const D = Decimal.clone({
	defaults: true,
	precision: 40,
	rounding: Decimal.ROUND_HALF_UP,
	toExpNeg: -9e15,
	toExpPos: 9e15
});

export type Dec = Decimal;

/** A plain decimal string: optional "-", digits, optional "." and digits (".5" allowed). */
export const PLAIN_DECIMAL = /^-?(?:\d+(?:\.\d+)?|\.\d+)$/;
const MAX_DIGITS = 30;

export function isPlainDecimal(value: unknown): value is string {
	return typeof value === 'string' && PLAIN_DECIMAL.test(value) && value.replace(/[-.]/g, '').length <= MAX_DIGITS;
}

/** From a plain decimal string or a safe integer; throws on anything else. */
export function dec(value: string | number): Decimal {
	if (typeof value === 'number') {
		if (!Number.isSafeInteger(value)) throw new Error(`not a safe integer: ${value}`);
		return new D(value);
	}
	if (!isPlainDecimal(value)) throw new Error(`not a plain decimal number: ${JSON.stringify(value)}`);
	return new D(value);
}

export const ZERO: Decimal = new D(0);

/** Rounded half-up to `places` and written with exactly that many decimals ("3.5", 2 → "3.50"). */
export function fixed(d: Decimal, places: number): string {
	const rounded = d.toDecimalPlaces(places, D.ROUND_HALF_UP);
	const text = rounded.isZero() ? '0' : rounded.toString(); // never "-0"
	if (places === 0) return text;
	const [whole, frac = ''] = text.split('.');
	return `${whole}.${frac.padEnd(places, '0')}`;
}

/** Canonical plain string without redundant zeros ("1.50" → "1.5", "-0" → "0"). */
export function plain(d: Decimal): string {
	return d.isZero() ? '0' : d.toString();
}

/** Number of digits after the point in a plain decimal string ("2.50" → 2). */
export function placesOf(text: string): number {
	const dot = text.indexOf('.');
	return dot < 0 ? 0 : text.length - dot - 1;
}

/** "1234567.5" → "1,234,567.5" (display only). */
export function groupThousands(text: string): string {
	const negative = text.startsWith('-');
	const [whole = '', frac] = (negative ? text.slice(1) : text).split('.');
	const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
	return `${negative ? '-' : ''}${grouped}${frac === undefined ? '' : `.${frac}`}`;
}
