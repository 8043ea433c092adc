import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
	Money,
	money,
	isMoneyString,
	sum,
	max,
	min,
	splitEvenly,
	formatUSD,
	parseMoney,
	parseDecimal,
	compareDecimalStrings,
	type ParseMoneyOptions
} from './money';

const MSG = {
	required: 'Amount is required.',
	notNumber: 'Amount must be a number in dollars and cents, like 87.50.',
	decimals: 'Amount can have at most two decimal places (cents).',
	negative: 'Amount cannot be negative.',
	zero: 'Amount must be greater than zero.',
	tooLarge: 'Amount is too large (the most is $999,999,999.99).',
	commas: 'Amount has misplaced commas; type it like 1,234.50.'
};

// Canonical string of a successful parse, or the error sentence.
function parsed(input: string | null | undefined, opts?: ParseMoneyOptions): string {
	const r = parseMoney(input, opts);
	return r.ok ? r.canonical : `ERR ${r.error}`;
}

// Arbitrary: whole cents within the default parse range, as bigint.
const centsArb = (minCents: bigint, maxCents: bigint) => fc.bigInt({ min: minCents, max: maxCents });

describe('Money.of / money()', () => {
	it.each([
		['12', '12.00'],
		['12.5', '12.50'],
		['-3.00', '-3.00'],
		['0', '0.00'],
		['-0', '0.00'],
		['.5', '0.50'],
		['1234.50', '1234.50'],
		['0007.10', '7.10'],
		['123456789012345678.99', '123456789012345678.99']
	])('accepts %j -> %s', (input, canonical) => {
		expect(Money.of(input).toString()).toBe(canonical);
		expect(money(input).toString()).toBe(canonical);
	});

	it.each(['', ' 5', '5 ', 'abc', '1e5', '0x10', 'Infinity', '-Infinity', 'NaN', '$5', '1,234', '+5', '5.', '1.2.3', '--5', '-'])(
		'throws on %j',
		(input) => {
			expect(() => Money.of(input)).toThrow(Error);
		}
	);

	it('ZERO is zero and immutable', () => {
		expect(Money.ZERO.toString()).toBe('0.00');
		expect(Money.ZERO.isZero()).toBe(true);
		expect(Object.isFrozen(Money.ZERO)).toBe(true);
		const a = money('10.00');
		a.plus(money('5.00'));
		expect(a.toString()).toBe('10.00');
	});

	it('toJSON is the canonical string', () => {
		expect(JSON.stringify({ fee: money('1234.5'), neg: money('-0.05') })).toBe('{"fee":"1234.50","neg":"-0.05"}');
	});
});

describe('Money.fromCents / toCents', () => {
	it.each<[bigint | number, string]>([
		[12345n, '123.45'],
		[12345, '123.45'],
		[-5, '-0.05'],
		[-5n, '-0.05'],
		[0, '0.00'],
		[-0, '0.00'],
		[100, '1.00'],
		[Number.MAX_SAFE_INTEGER, '90071992547409.91'],
		[10n ** 20n + 1n, '1000000000000000000.01']
	])('fromCents(%s) -> %s', (cents, canonical) => {
		expect(Money.fromCents(cents).toString()).toBe(canonical);
	});

	it.each([1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, 0.1])('fromCents(%s) throws', (n) => {
		expect(() => Money.fromCents(n)).toThrow(Error);
	});

	it('toCents returns bigint cents and throws on sub-cent amounts', () => {
		expect(money('123.45').toCents()).toBe(12345n);
		expect(money('-0.05').toCents()).toBe(-5n);
		expect(money('0').toCents()).toBe(0n);
		expect(() => money('1.005').toCents()).toThrow(/not whole cents/);
	});
});

describe('exact arithmetic', () => {
	it('0.1 + 0.2 is exactly 0.30', () => {
		const total = money('0.1').plus(money('0.2'));
		expect(total.toString()).toBe('0.30');
		expect(total.eq(money('0.30'))).toBe(true);
	});

	it('summing "0.10" ten times is exactly "1.00"', () => {
		let running = Money.ZERO;
		for (let i = 0; i < 10; i++) running = running.plus(money('0.10'));
		expect(running.toString()).toBe('1.00');
		expect(sum(Array.from({ length: 10 }, () => money('0.10'))).toString()).toBe('1.00');
	});

	it('minus, negated, abs', () => {
		expect(money('10.00').minus(money('10.01')).toString()).toBe('-0.01');
		expect(money('5.25').negated().toString()).toBe('-5.25');
		expect(money('-5.25').negated().toString()).toBe('5.25');
		expect(money('-5.25').abs().toString()).toBe('5.25');
		expect(money('5.25').abs().toString()).toBe('5.25');
	});

	it('10% penalty line: 57.35 x 0.10 = 5.735 exactly, rounds to 5.74', () => {
		const raw = money('57.35').times('0.10');
		expect(raw.eq(money('5.735'))).toBe(true);
		expect(raw.isWholeCents()).toBe(false);
		expect(() => raw.toString()).toThrow(/not whole cents/);
		expect(raw.roundHalfUpToCents().toString()).toBe('5.74');
	});

	it('proration 28.50 x 17 / 30 = 16.15 exactly (no rounding needed)', () => {
		const prorated = money('28.50').times(17).dividedBy(30);
		expect(prorated.isWholeCents()).toBe(true);
		expect(prorated.eq(money('16.15'))).toBe(true);
		expect(prorated.toString()).toBe('16.15');
		expect(money('28.50').dividedBy('30').times('17').toString()).toBe('16.15');
	});

	it('times / dividedBy are not rounded', () => {
		const third = money('100.00').dividedBy(3);
		expect(third.isWholeCents()).toBe(false);
		expect(third.roundHalfUpToCents().toString()).toBe('33.33');
		expect(money('10.00').times('1.5').toString()).toBe('15.00');
		expect(money('0.01').times('0.5').eq(money('0.005'))).toBe(true);
		expect(money('3.00').times(-2).toString()).toBe('-6.00');
	});

	it('times / dividedBy reject bad factors and zero divisors', () => {
		expect(() => money('1.00').times(1.5)).toThrow(Error);
		expect(() => money('1.00').times(Number.NaN)).toThrow(Error);
		expect(() => money('1.00').times('abc')).toThrow(Error);
		expect(() => money('1.00').times('1e2')).toThrow(Error);
		expect(() => money('1.00').dividedBy(0)).toThrow(/zero/);
		expect(() => money('1.00').dividedBy('0.00')).toThrow(/zero/);
		expect(() => money('1.00').dividedBy('-0')).toThrow(/zero/);
		expect(() => money('1.00').dividedBy(0.5)).toThrow(Error);
	});
});

describe('roundHalfUpToCents (the city rule)', () => {
	it.each([
		['0.005', '0.01'],
		['0.015', '0.02'],
		['2.675', '2.68'],
		['1.005', '1.01'],
		['-0.005', '-0.01'],
		['-2.675', '-2.68'],
		['0.004', '0.00'],
		['0.0049999', '0.00'],
		['-0.004', '0.00'],
		['2.665', '2.67'],
		['12.34', '12.34'],
		['999999999.995', '1000000000.00']
	])('%s -> %s', (input, expected) => {
		expect(money(input).roundHalfUpToCents().toString()).toBe(expected);
	});
});

describe('toString / no "-0.00"', () => {
	it('throws on unrounded values', () => {
		expect(() => money('1.005').toString()).toThrow(/roundHalfUpToCents/);
		expect(() => money('100').dividedBy(3).toString()).toThrow(Error);
		expect(() => JSON.stringify(money('0.001'))).toThrow(Error);
	});

	it('never produces "-0.00"', () => {
		expect(money('-0').toString()).toBe('0.00');
		expect(money('-0.00').toString()).toBe('0.00');
		expect(money('-0.004').roundHalfUpToCents().toString()).toBe('0.00');
		expect(Money.ZERO.negated().toString()).toBe('0.00');
		expect(money('5').minus(money('5')).negated().toString()).toBe('0.00');
		expect(money('-5').times(0).toString()).toBe('0.00');
		expect(money('-0').isNegative()).toBe(false);
	});
});

describe('predicates and comparisons', () => {
	it('isZero / isNegative / isPositive', () => {
		expect([money('0').isZero(), money('0').isNegative(), money('0').isPositive()]).toEqual([true, false, false]);
		expect([money('-0.01').isZero(), money('-0.01').isNegative(), money('-0.01').isPositive()]).toEqual([false, true, false]);
		expect([money('0.01').isZero(), money('0.01').isNegative(), money('0.01').isPositive()]).toEqual([false, false, true]);
	});

	it('cmp / eq / gt / gte / lt / lte compare numerically', () => {
		const a = money('9.00');
		const b = money('10.00');
		expect(a.cmp(b)).toBe(-1);
		expect(b.cmp(a)).toBe(1);
		expect(money('1.5').cmp(money('1.50'))).toBe(0);
		expect(money('1.5').eq(money('1.50'))).toBe(true);
		expect([a.gt(b), a.gte(b), a.lt(b), a.lte(b)]).toEqual([false, false, true, true]);
		expect([a.gt(a), a.gte(a), a.lt(a), a.lte(a)]).toEqual([false, true, false, true]);
		expect(money('-2').lt(money('-1'))).toBe(true);
	});

	it('isWholeCents', () => {
		expect(money('1.5').isWholeCents()).toBe(true);
		expect(money('1.50').isWholeCents()).toBe(true);
		expect(money('1.500').isWholeCents()).toBe(true);
		expect(money('1.501').isWholeCents()).toBe(false);
	});

	it('sum / max / min', () => {
		expect(sum([]).toString()).toBe('0.00');
		expect(sum([money('1.25'), money('-0.25'), money('3')]).toString()).toBe('4.00');
		expect(max(money('9'), money('10')).toString()).toBe('10.00');
		expect(min(money('9'), money('10')).toString()).toBe('9.00');
		expect(max(money('-1'), money('-2')).toString()).toBe('-1.00');
		expect(min(money('-1'), money('-2')).toString()).toBe('-2.00');
	});
});

describe('isMoneyString', () => {
	it.each(['0.00', '1234.50', '-0.05', '12.00', '999999999.99'])('accepts %j', (s) => {
		expect(isMoneyString(s)).toBe(true);
	});
	it.each<unknown>(['-0.00', '12', '12.5', '12.500', '$12.00', '1,234.50', ' 1.00', '.50', '1.00 ', '', null, undefined, 12, 12.5])(
		'rejects %j',
		(s) => {
			expect(isMoneyString(s)).toBe(false);
		}
	);
});

describe('splitEvenly', () => {
	const split = (total: string, parts: number) => splitEvenly(money(total), parts).map((m) => m.toString());

	it('examples', () => {
		expect(split('100.00', 3)).toEqual(['33.34', '33.33', '33.33']);
		expect(split('0.02', 3)).toEqual(['0.01', '0.01', '0.00']);
		expect(split('175.00', 6)).toEqual(['29.17', '29.17', '29.17', '29.17', '29.16', '29.16']);
		expect(split('10.00', 1)).toEqual(['10.00']);
		expect(split('0.00', 2)).toEqual(['0.00', '0.00']);
		expect(split('-100.00', 3)).toEqual(['-33.34', '-33.33', '-33.33']);
		expect(splitEvenly(money('1.00'), 1000)).toHaveLength(1000);
	});

	it('rejects bad part counts and unrounded totals', () => {
		for (const parts of [0, -1, 1001, 1.5, Number.NaN]) {
			expect(() => splitEvenly(money('1.00'), parts)).toThrow(Error);
		}
		expect(() => splitEvenly(money('1.005'), 2)).toThrow(Error);
	});

	it('property: parts sum exactly to the total, differ by at most a cent, larger first', () => {
		fc.assert(
			fc.property(centsArb(-(10n ** 13n), 10n ** 13n), fc.integer({ min: 1, max: 24 }), (cents, parts) => {
				const total = Money.fromCents(cents);
				const pieces = splitEvenly(total, parts);
				expect(pieces).toHaveLength(parts);
				expect(sum(pieces).eq(total)).toBe(true);
				const mags = pieces.map((p) => p.abs().toCents());
				const hi = mags.reduce((x, y) => (y > x ? y : x));
				const lo = mags.reduce((x, y) => (y < x ? y : x));
				expect(hi - lo <= 1n).toBe(true);
				for (let i = 1; i < mags.length; i++) expect(mags[i - 1]! >= mags[i]!).toBe(true);
				for (const p of pieces) expect(p.isZero() || p.isNegative() === total.isNegative()).toBe(true);
			})
		);
	});
});

describe('formatUSD', () => {
	it.each<[string, string, string]>([
		['0', '$0.00', '$0.00'],
		['0.5', '$0.50', '$0.50'],
		['1234.5', '$1,234.50', '$1,234.50'],
		['999.99', '$999.99', '$999.99'],
		['1000', '$1,000.00', '$1,000.00'],
		['1234567.89', '$1,234,567.89', '$1,234,567.89'],
		['999999999.99', '$999,999,999.99', '$999,999,999.99'],
		['-12', '-$12.00', '($12.00)'],
		['-0.05', '-$0.05', '($0.05)'],
		['-1234567.5', '-$1,234,567.50', '($1,234,567.50)'],
		['1.005', '$1.01', '$1.01'],
		['-2.675', '-$2.68', '($2.68)'],
		['-0.004', '$0.00', '$0.00']
	])('%s -> %s / parens %s', (input, plain, parens) => {
		expect(formatUSD(money(input))).toBe(plain);
		expect(formatUSD(money(input), { parens: false })).toBe(plain);
		expect(formatUSD(money(input), { parens: true })).toBe(parens);
	});

	it('rounds for display only, leaving the value untouched', () => {
		const raw = money('5.735');
		expect(formatUSD(raw)).toBe('$5.74');
		expect(raw.isWholeCents()).toBe(false);
	});
});

describe('parseMoney: accepted forms', () => {
	it.each<[string, string]>([
		['87', '87.00'],
		['87.5', '87.50'],
		['87.50', '87.50'],
		['.50', '0.50'],
		['.5', '0.50'],
		['0', '0.00'],
		['0.00', '0.00'],
		['$87.50', '87.50'],
		['$.50', '0.50'],
		['$0', '0.00'],
		['1,234.50', '1234.50'],
		['$1,234.50', '1234.50'],
		['1,234', '1234.00'],
		['12,345,678.9', '12345678.90'],
		['  $1,234.50  ', '1234.50'],
		['\t42\n', '42.00'],
		['007.50', '7.50'],
		['999999999.99', '999999999.99'],
		['$999,999,999.99', '999999999.99']
	])('%j -> %s', (input, canonical) => {
		const r = parseMoney(input);
		expect(r).toEqual({ ok: true, value: expect.any(Money), canonical });
		if (r.ok) expect(r.value.toString()).toBe(canonical);
	});

	it.each<[string, string]>([
		['-5', '-5.00'],
		['-5.5', '-5.50'],
		['-$5.00', '-5.00'],
		['$-5.00', '-5.00'],
		['-$1,234.56', '-1234.56'],
		['-.25', '-0.25'],
		['-999999999.99', '-999999999.99']
	])('with allowNegative: %j -> %s', (input, canonical) => {
		expect(parsed(input, { allowNegative: true })).toBe(canonical);
	});

	it('treats "-0" as zero (never negative, never "-0.00")', () => {
		expect(parsed('-0')).toBe('0.00');
		expect(parsed('-$0.00')).toBe('0.00');
		expect(parsed('-0', { allowNegative: true })).toBe('0.00');
		expect(parsed('-0', { allowZero: false })).toBe(`ERR ${MSG.zero}`);
	});

	it('respects a custom max (inclusive)', () => {
		expect(parsed('500', { max: '500.00' })).toBe('500.00');
		expect(parsed('500.01', { max: '500.00' })).toBe('ERR Amount is too large (the most is $500.00).');
		expect(parsed('-500.01', { max: '500.00', allowNegative: true })).toBe('ERR Amount is too large (the most is $500.00).');
	});
});

describe('parseMoney: errors (exact messages)', () => {
	it.each<[string | null | undefined]>([[''], ['   '], ['\t\n'], [null], [undefined]])('required: %j', (input) => {
		expect(parsed(input)).toBe(`ERR ${MSG.required}`);
	});

	it.each([
		'12a',
		'1.2.3',
		'abc',
		'1e5',
		'0x10',
		'Infinity',
		'-Infinity',
		'NaN',
		' - ',
		'-',
		'$',
		'-$',
		'.',
		'87.',
		'+5',
		'--5',
		'$$5',
		'5-',
		'5$',
		'1 234',
		'$ 5',
		'(5.00)',
		'12.5a',
		'1.2,3',
		'١٢',
		'５'
	])('not a number: %j', (input) => {
		expect(parsed(input)).toBe(`ERR ${MSG.notNumber}`);
		expect(parsed(input, { allowNegative: true })).toBe(`ERR ${MSG.notNumber}`);
	});

	it.each(['12.345', '0.001', '.505', '$1,234.567', '1.000'])('too many decimals: %j', (input) => {
		expect(parsed(input)).toBe(`ERR ${MSG.decimals}`);
	});

	it.each(['12,34.5', '1,23', '1234,567', '1,,234', '1,234,56', '1,2345', ',123', '1,234,', ',.50'])('misplaced commas: %j', (input) => {
		expect(parsed(input)).toBe(`ERR ${MSG.commas}`);
	});

	it.each(['-5', '-0.01', '-$5.00', '$-5.00', '-1,234.50'])('negative not allowed: %j', (input) => {
		expect(parsed(input)).toBe(`ERR ${MSG.negative}`);
		expect(parsed(input, { allowNegative: false })).toBe(`ERR ${MSG.negative}`);
	});

	it.each(['0', '0.00', '$0', '.00', '-0', '$0.0'])('zero not allowed: %j', (input) => {
		expect(parsed(input, { allowZero: false })).toBe(`ERR ${MSG.zero}`);
		expect(parsed(input, { allowZero: true })).toBe('0.00');
	});

	it.each(['1000000000', '1,000,000,000.00', '$1000000000.01', '1234567890123456', '9'.repeat(400)])(
		'too large: %j',
		(input) => {
			expect(parsed(input)).toBe(`ERR ${MSG.tooLarge}`);
		}
	);

	it('too large also applies to big negatives when negatives are allowed', () => {
		expect(parsed('-1000000000', { allowNegative: true })).toBe(`ERR ${MSG.tooLarge}`);
	});

	it('more than 15 integer digits is too large even under a huge max', () => {
		const opts = { max: '99999999999999999999.99' };
		expect(parsed('999999999999999', opts)).toBe('999999999999999.00');
		expect(parsed('1000000000000000', opts)).toBe('ERR Amount is too large (the most is $99,999,999,999,999,999,999.99).');
	});

	it('uses the field name in every message', () => {
		const f = { field: 'Penalty' };
		expect(parsed('', f)).toBe('ERR Penalty is required.');
		expect(parsed('abc', f)).toBe('ERR Penalty must be a number in dollars and cents, like 87.50.');
		expect(parsed('1.234', f)).toBe('ERR Penalty can have at most two decimal places (cents).');
		expect(parsed('-1', f)).toBe('ERR Penalty cannot be negative.');
		expect(parsed('0', { ...f, allowZero: false })).toBe('ERR Penalty must be greater than zero.');
		expect(parsed('1e99', f)).toBe('ERR Penalty must be a number in dollars and cents, like 87.50.');
		expect(parsed('2000000000', f)).toBe('ERR Penalty is too large (the most is $999,999,999.99).');
		expect(parsed('12,34', f)).toBe('ERR Penalty has misplaced commas; type it like 1,234.50.');
	});
});

describe('round-trip properties', () => {
	it('parseMoney(formatUSD(x)) returns x for non-negative cent amounts', () => {
		fc.assert(
			fc.property(centsArb(0n, 99_999_999_999n), (cents) => {
				const x = Money.fromCents(cents);
				const r = parseMoney(formatUSD(x));
				expect(r.ok).toBe(true);
				if (r.ok) {
					expect(r.canonical).toBe(x.toString());
					expect(r.value.eq(x)).toBe(true);
				}
			})
		);
	});

	it('parseMoney(formatUSD(x)) returns x for negative amounts too when allowed', () => {
		fc.assert(
			fc.property(centsArb(-99_999_999_999n, 0n), (cents) => {
				const x = Money.fromCents(cents);
				expect(parsed(formatUSD(x), { allowNegative: true })).toBe(x.toString());
			})
		);
	});

	it('canonical strings round-trip through Money.of(..).toString()', () => {
		const canonicalArb = fc
			.tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 18n }), fc.integer({ min: 0, max: 99 }))
			.map(([neg, whole, frac]) => `${neg ? '-' : ''}${whole}.${String(frac).padStart(2, '0')}`)
			.filter((s) => s !== '-0.00');
		fc.assert(
			fc.property(canonicalArb, (s) => {
				expect(isMoneyString(s)).toBe(true);
				expect(Money.of(s).toString()).toBe(s);
				expect(Money.fromCents(Money.of(s).toCents()).toString()).toBe(s);
			})
		);
	});
});

describe('parseDecimal', () => {
	const pd = (input: string | null | undefined, opts: Parameters<typeof parseDecimal>[1]) => {
		const r = parseDecimal(input, opts);
		return r.ok ? r.canonical : `ERR ${r.error}`;
	};

	it('accepts exact decimals and canonicalizes them', () => {
		expect(pd('1.5', { maxPlaces: 2 })).toBe('1.5');
		expect(pd('1.50', { maxPlaces: 2 })).toBe('1.5');
		expect(pd(' 2 ', { maxPlaces: 2 })).toBe('2');
		expect(pd('.5', { maxPlaces: 1 })).toBe('0.5');
		expect(pd('007', { maxPlaces: 0 })).toBe('7');
		expect(pd('1234', { maxPlaces: 0 })).toBe('1234');
		expect(pd('12,345', { maxPlaces: 0 })).toBe('12345');
		expect(pd('-2.25', { maxPlaces: 2 })).toBe('-2.25');
		expect(pd('-0', { maxPlaces: 0 })).toBe('0');
		expect(pd('0.000', { maxPlaces: 3 })).toBe('0');
		expect(pd('123456789012345.123456', { maxPlaces: 6 })).toBe('123456789012345.123456');
	});

	it('rejects too many decimal places', () => {
		expect(pd('1.555', { maxPlaces: 2 })).toBe('ERR Value can have at most 2 decimal places.');
		expect(pd('1.55', { maxPlaces: 1 })).toBe('ERR Value can have at most 1 decimal place.');
		expect(pd('1.5', { maxPlaces: 0 })).toBe('ERR Value must be a whole number.');
		expect(pd('1.0', { maxPlaces: 0 })).toBe('ERR Value must be a whole number.');
	});

	it('enforces inclusive min / max bounds', () => {
		const opts = { maxPlaces: 2, min: '1', max: '3', field: 'Time multiplier' };
		expect(pd('1', opts)).toBe('1');
		expect(pd('3.00', opts)).toBe('3');
		expect(pd('2.5', opts)).toBe('2.5');
		expect(pd('0.99', opts)).toBe('ERR Time multiplier must be at least 1.');
		expect(pd('3.01', opts)).toBe('ERR Time multiplier must be at most 3.');
		expect(pd('-2', { maxPlaces: 0, min: '0' })).toBe('ERR Value must be at least 0.');
		expect(pd('10', { maxPlaces: 0, max: '9' })).toBe('ERR Value must be at most 9.');
	});

	it('rejects junk, empty input and absurd sizes', () => {
		for (const junk of ['abc', '1e5', '0x10', 'Infinity', 'NaN', '1.2.3', '$5', '+5', '--5', '-', '.', '5.', ' - ', '1 5']) {
			expect(pd(junk, { maxPlaces: 2 })).toBe('ERR Value must be a number, like 1.5.');
		}
		expect(pd('', { maxPlaces: 2 })).toBe('ERR Value is required.');
		expect(pd('  ', { maxPlaces: 2 })).toBe('ERR Value is required.');
		expect(pd(null, { maxPlaces: 2 })).toBe('ERR Value is required.');
		expect(pd(undefined, { maxPlaces: 2, field: 'Meter read' })).toBe('ERR Meter read is required.');
		expect(pd('12,34', { maxPlaces: 2 })).toBe('ERR Value has misplaced commas; type it like 1,234.5.');
		expect(pd('1'.repeat(16), { maxPlaces: 0 })).toBe('ERR Value is too large.');
	});
});

describe('compareDecimalStrings', () => {
	it('compares numerically, not lexically', () => {
		expect(compareDecimalStrings('1.5', '1.50')).toBe(0);
		expect(compareDecimalStrings('2', '10')).toBe(-1);
		expect(compareDecimalStrings('10', '2')).toBe(1);
		expect(compareDecimalStrings('-1', '0.5')).toBe(-1);
		expect(compareDecimalStrings('-0', '0')).toBe(0);
		expect(compareDecimalStrings('0.1', '.1')).toBe(0);
		expect(compareDecimalStrings('99999999999999999999.000000001', '99999999999999999999')).toBe(1);
	});

	it('throws on non-decimal strings', () => {
		expect(() => compareDecimalStrings('abc', '1')).toThrow(Error);
		expect(() => compareDecimalStrings('1', '1e3')).toThrow(Error);
		expect(() => compareDecimalStrings('1,000', '1')).toThrow(Error);
	});
});
