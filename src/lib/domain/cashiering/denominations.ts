import { Money, sum } from '$lib/money';
import { reject } from '../model';
import type { Field } from '../validate';

/**
 * Cash by denomination: what a clerk counts at open and close-out. Counts are whole numbers of
 * pieces (not money), so they live as plain integers; totals are computed exactly with Money.
 */
export const DENOMINATIONS = [
	{ key: 'bill-100', label: '$100 bills', value: '100.00' },
	{ key: 'bill-50', label: '$50 bills', value: '50.00' },
	{ key: 'bill-20', label: '$20 bills', value: '20.00' },
	{ key: 'bill-10', label: '$10 bills', value: '10.00' },
	{ key: 'bill-5', label: '$5 bills', value: '5.00' },
	{ key: 'bill-1', label: '$1 bills', value: '1.00' },
	{ key: 'coin-1.00', label: 'dollar coins', value: '1.00' },
	{ key: 'coin-0.50', label: 'half dollars', value: '0.50' },
	{ key: 'coin-0.25', label: 'quarters', value: '0.25' },
	{ key: 'coin-0.10', label: 'dimes', value: '0.10' },
	{ key: 'coin-0.05', label: 'nickels', value: '0.05' },
	{ key: 'coin-0.01', label: 'pennies', value: '0.01' }
] as const;

export type DenominationKey = (typeof DENOMINATIONS)[number]['key'];

/** A full count: every denomination present, in DENOMINATIONS order (so stored JSON is stable). */
export type Counts = Record<DenominationKey, number>;

/** Most pieces of one denomination a drawer can plausibly hold; more is a typing slip. */
export const MAX_PIECES = 100_000;

/** POLICY §2 (illustrative): 2×$20, 4×$10, 8×$5, 50×$1, 80 quarters, 50 dimes, 40 nickels, 300 pennies. */
export const STANDARD_FLOAT: Counts = fullCounts({ 'bill-20': 2, 'bill-10': 4, 'bill-5': 8, 'bill-1': 50, 'coin-0.25': 80, 'coin-0.10': 50, 'coin-0.05': 40, 'coin-0.01': 300 });

/** Every drawer starts with this much. */
export const FLOAT_TOTAL: Money = countTotal(STANDARD_FLOAT);

/** A count with every denomination filled in (missing ones are zero). */
export function fullCounts(partial: Partial<Counts> = {}): Counts {
	const out = {} as Counts;
	for (const d of DENOMINATIONS) out[d.key] = partial[d.key] ?? 0;
	return out;
}

/** Exact value of a count (pure; counts must already be whole non-negative numbers). */
export function countTotal(counts: Partial<Counts>): Money {
	return sum(DENOMINATIONS.map((d) => Money.of(d.value).times(counts[d.key] ?? 0)));
}

/** Bills and coins separately, as a deposit slip shows them. */
export function currencyAndCoin(counts: Partial<Counts>): { currency: Money; coin: Money } {
	const part = (prefix: string) => countTotal(Object.fromEntries(Object.entries(counts).filter(([k]) => k.startsWith(prefix))));
	return { currency: part('bill-'), coin: part('coin-') };
}

const KEYS = new Set<string>(DENOMINATIONS.map((d) => d.key));

/**
 * Reads a count typed by a clerk: an object of denomination → whole number (a number or digits
 * typed as text; blank means none). Anything else is rejected naming the denomination.
 */
export function parseCounts(input: unknown, field = 'counts'): Field<Counts> {
	if (typeof input !== 'object' || input === null || Array.isArray(input)) {
		return reject('invalid-input', 'Count the cash by denomination (how many of each bill and coin).', field);
	}
	const record = input as Record<string, unknown>;
	for (const key of Object.keys(record)) {
		if (!KEYS.has(key)) return reject('invalid-input', `“${key}” is not a denomination the drawer holds.`, `${field}.${key}`);
	}
	const out = fullCounts();
	for (const d of DENOMINATIONS) {
		const raw = record[d.key];
		const where = `${field}.${d.key}`;
		if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) continue;
		if (typeof raw !== 'number' && typeof raw !== 'string') return reject('invalid-input', `Type the number of ${d.label} as a whole number.`, where);
		// Signs and fractions are read so the message can say exactly what is wrong with them.
		const n = typeof raw === 'number' ? raw : /^\s*-?\d{1,15}(\.\d*)?\s*$/.test(raw) ? Number(raw.trim()) : Number.NaN;
		if (!Number.isFinite(n)) return reject('invalid-input', `The number of ${d.label} must be a whole number, like 12.`, where);
		if (n < 0) return reject('invalid-input', `The number of ${d.label} cannot be negative.`, where);
		if (!Number.isInteger(n)) return reject('invalid-input', `The number of ${d.label} must be a whole number (no fractions).`, where);
		if (n > MAX_PIECES) return reject('invalid-input', `${n} ${d.label} is more than a drawer holds; check the count.`, where);
		out[d.key] = n;
	}
	return { ok: true, value: out };
}

/** "quarters 78 (float has 80), pennies 310 (float has 300)": where a count differs from another. */
export function describeDifferences(counted: Counts, expected: Counts): string {
	return DENOMINATIONS.filter((d) => counted[d.key] !== expected[d.key])
		.map((d) => `${d.label} ${counted[d.key]} (float has ${expected[d.key]})`)
		.join(', ');
}

/**
 * Splits a close-out count into the float that stays in the bag and the cash to deposit: keep the
 * standard float's pieces where the drawer has them, then make up any gap from the largest pieces
 * that still fit. Returns null when the float cannot be made up exactly from this cash.
 */
export function splitFloat(counts: Counts): { keep: Counts; deposit: Counts } | null {
	const keep = fullCounts();
	for (const d of DENOMINATIONS) keep[d.key] = Math.min(counts[d.key], STANDARD_FLOAT[d.key]);
	let gapCents = FLOAT_TOTAL.minus(countTotal(keep)).toCents();
	for (const d of DENOMINATIONS) {
		const pieceCents = Money.of(d.value).toCents();
		const spare = BigInt(counts[d.key] - keep[d.key]);
		const take = gapCents / pieceCents < spare ? gapCents / pieceCents : spare;
		keep[d.key] += Number(take);
		gapCents -= take * pieceCents;
	}
	if (gapCents !== 0n) return null;
	const deposit = fullCounts();
	for (const d of DENOMINATIONS) deposit[d.key] = counts[d.key] - keep[d.key];
	return { keep, deposit };
}
