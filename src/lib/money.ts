/**
 * Exact money for the Finance-counter simulator — the ONLY module that touches decimal.js.
 *
 * Amounts cross the wire and disk as canonical strings: optional "-", digits, ".", two digits
 * (e.g. "1234.50", "-0.05"; never "-0.00"). JS numbers never hold money: every conversion here
 * goes through Decimal or bigint cents, and formatting is done by hand from bigint cents.
 */
import Decimal from 'decimal.js';

// Private Decimal constructor so the global decimal.js config is never read or changed;
// huge exponent limits keep toString() in plain (never exponential) notation.
const D = Decimal.clone({
	defaults: true,
	precision: 40,
	rounding: Decimal.ROUND_HALF_UP,
	toExpNeg: -9e15,
	toExpPos: 9e15
});

// A plain decimal number string: what Money.of, times, dividedBy and compareDecimalStrings accept.
const PLAIN_DECIMAL = /^-?(?:\d+(?:\.\d+)?|\.\d+)$/;
// Most integer digits any typed amount/decimal may have before it is called too large.
const MAX_INTEGER_DIGITS = 15;

// Validates a trusted decimal string / safe integer and turns it into a Decimal (throws otherwise).
function toDecimal(value: string | number, what: string): Decimal {
	if (typeof value === 'number') {
		if (!Number.isSafeInteger(value)) throw new Error(`${what} must be a safe integer or a decimal string, got ${value}`);
		return new D(value);
	}
	if (!PLAIN_DECIMAL.test(value)) throw new Error(`${what} is not a plain decimal number string: ${JSON.stringify(value)}`);
	return new D(value);
}

// Formats whole cents as the canonical "1234.50" / "-0.05" string (0n is always "0.00").
function centsToCanonical(cents: bigint): string {
	const abs = cents < 0n ? -cents : cents;
	const frac = (abs % 100n).toString().padStart(2, '0');
	return `${cents < 0n ? '-' : ''}${abs / 100n}.${frac}`;
}

// Puts thousands separators into a string of integer digits ("1234567" -> "1,234,567").
function groupThousands(digits: string): string {
	return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * Immutable exact amount of money; the Decimal inside never leaks out. Whole-cent amounts (nearly
 * all of them: everything stored, posted or shown) are kept as a bigint count of cents, which is
 * small and fast; only the unrounded results of times/dividedBy carry a Decimal until rounded.
 */
export class Money {
	readonly #cents: bigint | null;
	readonly #d: Decimal | null;

	// Private: build through Money.of / money() / fromCents. Exactly one of the two is set.
	private constructor(cents: bigint | null, d: Decimal | null) {
		this.#cents = cents;
		this.#d = d;
		Object.freeze(this);
	}

	// Whole cents become bigint cents (so "-0" cannot exist); anything finer stays a Decimal.
	static #fromDecimal(d: Decimal): Money {
		if (d.decimalPlaces() <= 2) return new Money(BigInt(d.times(100).toString()), null);
		return new Money(null, d);
	}

	/** The amount $0.00. */
	static readonly ZERO: Money = new Money(0n, null);

	/** Trusted/internal parse of a plain decimal string ("12", "12.5", "-3.00"); throws on anything else. User input goes through parseMoney. */
	static of(canonical: string): Money {
		// Fast path for the canonical form every stored amount has.
		if (/^-?\d{1,15}\.\d{2}$/.test(canonical)) return new Money(BigInt(canonical.replace('.', '')), null);
		return Money.#fromDecimal(toDecimal(canonical, 'Money.of input'));
	}

	/** From an integer count of cents (bigint or safe integer number); throws on fractions/unsafe numbers. */
	static fromCents(cents: bigint | number): Money {
		if (typeof cents === 'number' && !Number.isSafeInteger(cents)) throw new Error(`fromCents needs an integer number of cents, got ${cents}`);
		return new Money(BigInt(cents), null);
	}

	// The amount as a Decimal, for the arithmetic that can leave whole cents.
	#decimal(): Decimal {
		return this.#d ?? new D(this.#cents!.toString()).dividedBy(100);
	}

	/** Exact sum. */
	plus(o: Money): Money {
		if (this.#cents !== null && o.#cents !== null) return new Money(this.#cents + o.#cents, null);
		return Money.#fromDecimal(this.#decimal().plus(o.#decimal()));
	}

	/** Exact difference. */
	minus(o: Money): Money {
		if (this.#cents !== null && o.#cents !== null) return new Money(this.#cents - o.#cents, null);
		return Money.#fromDecimal(this.#decimal().minus(o.#decimal()));
	}

	/** Same amount with the opposite sign. */
	negated(): Money {
		return this.#cents !== null ? new Money(-this.#cents, null) : Money.#fromDecimal(this.#d!.negated());
	}

	/** Absolute value. */
	abs(): Money {
		return this.isNegative() ? this.negated() : this;
	}

	/** Multiply by a decimal string ("0.10") or safe integer; NOT rounded — call roundHalfUpToCents() when the rule says so. */
	times(factor: string | number): Money {
		return Money.#fromDecimal(this.#decimal().times(toDecimal(factor, 'Money.times factor')));
	}

	/** Divide by a non-zero decimal string or safe integer (throws on zero); NOT rounded. */
	dividedBy(divisor: string | number): Money {
		const d = toDecimal(divisor, 'Money.dividedBy divisor');
		if (d.isZero()) throw new Error('Money.dividedBy: division by zero');
		return Money.#fromDecimal(this.#decimal().dividedBy(d));
	}

	/** The city's one rounding rule: half-up to the cent, ties away from zero (0.005 -> 0.01, -0.005 -> -0.01). */
	roundHalfUpToCents(): Money {
		return this.#cents !== null ? this : Money.#fromDecimal(this.#d!.toDecimalPlaces(2, D.ROUND_HALF_UP));
	}

	/** True for $0.00 (and any zero, however written). */
	isZero(): boolean {
		return this.#cents === 0n;
	}

	/** True when strictly below zero. */
	isNegative(): boolean {
		return this.#cents !== null ? this.#cents < 0n : this.#d!.isNegative();
	}

	/** True when strictly above zero (zero is neither positive nor negative). */
	isPositive(): boolean {
		return this.#cents !== null ? this.#cents > 0n : this.#d!.gt(0);
	}

	/** Three-way comparison: -1 if less, 0 if equal, 1 if greater. */
	cmp(o: Money): -1 | 0 | 1 {
		if (this.#cents !== null && o.#cents !== null) return this.#cents < o.#cents ? -1 : this.#cents > o.#cents ? 1 : 0;
		const c = this.#decimal().cmp(o.#decimal());
		return c < 0 ? -1 : c > 0 ? 1 : 0;
	}

	/** Numerically equal (so "1.5" equals "1.50"). */
	eq(o: Money): boolean {
		return this.cmp(o) === 0;
	}

	/** Greater than. */
	gt(o: Money): boolean {
		return this.cmp(o) > 0;
	}

	/** Greater than or equal. */
	gte(o: Money): boolean {
		return this.cmp(o) >= 0;
	}

	/** Less than. */
	lt(o: Money): boolean {
		return this.cmp(o) < 0;
	}

	/** Less than or equal. */
	lte(o: Money): boolean {
		return this.cmp(o) <= 0;
	}

	/** True when there are no digits beyond the cent (safe to store/print). */
	isWholeCents(): boolean {
		return this.#cents !== null;
	}

	/** Whole cents as a bigint; throws if the amount still has sub-cent digits. */
	toCents(): bigint {
		if (this.#cents === null) throw new Error(`Money ${this.#d!.toString()} is not whole cents; call roundHalfUpToCents() first`);
		return this.#cents;
	}

	/** Canonical "1234.50" / "-0.05"; throws on unrounded amounts so a forgotten rounding step is caught. */
	toString(): string {
		return centsToCanonical(this.toCents());
	}

	/** JSON carries the canonical string (same as toString). */
	toJSON(): string {
		return this.toString();
	}
}

/** Shorthand for Money.of (trusted/internal strings). */
export function money(canonical: string): Money {
	return Money.of(canonical);
}

/** True for a canonical money string like "1234.50" (never "-0.00"); use to validate stored/wire data. */
export function isMoneyString(s: unknown): s is string {
	return typeof s === 'string' && /^-?\d+\.\d{2}$/.test(s) && !/^-0+\.00$/.test(s);
}

/** Exact total of a list ($0.00 for an empty list). */
export function sum(list: readonly Money[]): Money {
	return list.reduce((acc, m) => acc.plus(m), Money.ZERO);
}

/** The larger of two amounts. */
export function max(a: Money, b: Money): Money {
	return a.gte(b) ? a : b;
}

/** The smaller of two amounts. */
export function min(a: Money, b: Money): Money {
	return a.lte(b) ? a : b;
}

/**
 * Splits a whole-cents total into `parts` (integer 1..1000) amounts differing by at most one cent,
 * larger ones first, summing exactly to the total (100.00/3 -> 33.34, 33.33, 33.33).
 * A negative total is split by magnitude (-100.00/3 -> -33.34, -33.33, -33.33).
 */
export function splitEvenly(total: Money, parts: number): Money[] {
	if (!Number.isInteger(parts) || parts < 1 || parts > 1000) {
		throw new Error(`splitEvenly needs an integer number of parts from 1 to 1000, got ${parts}`);
	}
	const cents = total.toCents(); // throws if total is not whole cents
	const sign = cents < 0n ? -1n : 1n;
	const abs = cents * sign;
	const n = BigInt(parts);
	const base = abs / n;
	const extra = abs % n; // this many parts get one more cent
	return Array.from({ length: parts }, (_, i) => Money.fromCents(sign * (base + (BigInt(i) < extra ? 1n : 0n))));
}

/** Display format: "$1,234.50", "-$12.00" or "($12.00)" with parens, "$0.00"; rounds half-up to cents for display only. */
export function formatUSD(m: Money, opts: { parens?: boolean } = {}): string {
	const cents = m.roundHalfUpToCents().toCents();
	const abs = cents < 0n ? -cents : cents;
	const body = `$${groupThousands((abs / 100n).toString())}.${(abs % 100n).toString().padStart(2, '0')}`;
	if (cents >= 0n) return body;
	return opts.parens ? `(${body})` : `-${body}`;
}

/** Options for parseMoney (what a clerk may type into one amount box). */
export type ParseMoneyOptions = {
	allowNegative?: boolean;
	allowZero?: boolean /* default true */;
	max?: string /* canonical, default "999999999.99" */;
	field?: string /* name used in messages, default "Amount" */;
};

/** Result of parseMoney: the value and its canonical string, or a sentence telling the clerk what to fix. */
export type ParseResult = { ok: true; value: Money; canonical: string } | { ok: false; error: string };

// Shape of a typed unsigned number after lexing: junk, badly grouped commas, or digits + fraction.
type Lexed = { kind: 'junk' } | { kind: 'commas' } | { kind: 'ok'; intDigits: string; frac: string };

// Lexes an unsigned typed number: digits with optional correctly grouped commas, optional "." + digits.
function lexUnsigned(text: string): Lexed {
	const m = /^([\d,]*)(?:\.(\d+))?$/.exec(text);
	if (!m) return { kind: 'junk' };
	const intPart = m[1] ?? '';
	const frac = m[2] ?? '';
	if (intPart.replace(/,/g, '') === '' && frac === '') return { kind: 'junk' };
	if (intPart.includes(',') && !/^\d{1,3}(?:,\d{3})+$/.test(intPart)) return { kind: 'commas' };
	return { kind: 'ok', intDigits: intPart.replace(/,/g, '').replace(/^0+/, ''), frac };
}

// Splits a leading sign and optional "$" ("-$", "$-", "$", "-") off trimmed money input.
function splitMoneySign(s: string): { negative: boolean; rest: string } {
	if (s.startsWith('-$') || s.startsWith('$-')) return { negative: true, rest: s.slice(2) };
	if (s.startsWith('$')) return { negative: false, rest: s.slice(1) };
	if (s.startsWith('-')) return { negative: true, rest: s.slice(1) };
	return { negative: false, rest: s };
}

/** Parses a clerk-typed amount ("$1,234.50", "87.5", ".50") into exact Money, or a plain-English error. */
export function parseMoney(input: string | null | undefined, opts: ParseMoneyOptions = {}): ParseResult {
	const field = opts.field ?? 'Amount';
	const maxValue = Money.of(opts.max ?? '999999999.99');
	const fail = (error: string): ParseResult => ({ ok: false, error });
	const tooLarge = `${field} is too large (the most is ${formatUSD(maxValue)}).`;

	const s = (input ?? '').trim();
	if (s === '') return fail(`${field} is required.`);
	const { negative, rest } = splitMoneySign(s);
	const lexed = lexUnsigned(rest);
	if (lexed.kind === 'junk') return fail(`${field} must be a number in dollars and cents, like 87.50.`);
	if (lexed.kind === 'commas') return fail(`${field} has misplaced commas; type it like 1,234.50.`);
	if (lexed.frac.length > 2) return fail(`${field} can have at most two decimal places (cents).`);
	if (lexed.intDigits.length > MAX_INTEGER_DIGITS) return fail(tooLarge);

	const unsigned = Money.of(`${lexed.intDigits || '0'}.${lexed.frac.padEnd(2, '0')}`);
	const value = negative ? unsigned.negated() : unsigned; // "-0" is simply zero
	if (value.isNegative() && !opts.allowNegative) return fail(`${field} cannot be negative.`);
	if (value.isZero() && opts.allowZero === false) return fail(`${field} must be greater than zero.`);
	if (value.abs().gt(maxValue)) return fail(tooLarge);
	return { ok: true, value, canonical: value.toString() };
}

/**
 * Parses a user-typed exact non-money decimal (time multiplier "1.5", meter read "1,234"), with at most
 * `maxPlaces` decimals and optional inclusive min/max; canonical has no redundant zeros ("1.50" -> "1.5").
 */
export function parseDecimal(
	input: string | null | undefined,
	opts: { maxPlaces: number; min?: string; max?: string; field?: string }
): { ok: true; canonical: string } | { ok: false; error: string } {
	const field = opts.field ?? 'Value';
	const fail = (error: string) => ({ ok: false as const, error });

	const s = (input ?? '').trim();
	if (s === '') return fail(`${field} is required.`);
	const negative = s.startsWith('-');
	const lexed = lexUnsigned(negative ? s.slice(1) : s);
	if (lexed.kind === 'junk') return fail(`${field} must be a number, like 1.5.`);
	if (lexed.kind === 'commas') return fail(`${field} has misplaced commas; type it like 1,234.5.`);
	if (lexed.frac.length > opts.maxPlaces) {
		if (opts.maxPlaces === 0) return fail(`${field} must be a whole number.`);
		return fail(`${field} can have at most ${opts.maxPlaces} decimal place${opts.maxPlaces === 1 ? '' : 's'}.`);
	}
	if (lexed.intDigits.length > MAX_INTEGER_DIGITS) return fail(`${field} is too large.`);

	const value = new D(`${negative ? '-' : ''}${lexed.intDigits || '0'}${lexed.frac ? `.${lexed.frac}` : ''}`);
	if (opts.min !== undefined && value.lt(toDecimal(opts.min, 'parseDecimal min'))) {
		return fail(`${field} must be at least ${opts.min}.`);
	}
	if (opts.max !== undefined && value.gt(toDecimal(opts.max, 'parseDecimal max'))) {
		return fail(`${field} must be at most ${opts.max}.`);
	}
	return { ok: true, canonical: value.isZero() ? '0' : value.toString() };
}

/** Exact three-way comparison of two plain decimal strings (non-money); throws on anything else. */
export function compareDecimalStrings(a: string, b: string): -1 | 0 | 1 {
	const c = toDecimal(a, 'compareDecimalStrings a').cmp(toDecimal(b, 'compareDecimalStrings b'));
	return c < 0 ? -1 : c > 0 ? 1 : 0;
}
