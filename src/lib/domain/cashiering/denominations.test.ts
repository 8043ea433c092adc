import { describe, expect, it } from 'vitest';
import { Money } from '$lib/money';
import { FLOAT_TOTAL, STANDARD_FLOAT, countTotal, fullCounts, parseCounts, splitFloat } from './denominations';

describe('denominations', () => {
	it('the standard float 2×$20, 4×$10, 8×$5, 50×$1, 80 quarters, 50 dimes, 40 nickels, 300 pennies is $200.00', () => {
		expect(FLOAT_TOTAL.toString()).toBe('200.00');
		expect(countTotal(STANDARD_FLOAT).toString()).toBe('200.00');
	});

	it('countTotal adds every bill and coin exactly (1×$100 + 3 dimes + 7 pennies = $100.37)', () => {
		expect(countTotal({ 'bill-100': 1, 'coin-0.10': 3, 'coin-0.01': 7 }).toString()).toBe('100.37');
		expect(countTotal({}).toString()).toBe('0.00');
		expect(countTotal({ 'coin-1.00': 2, 'coin-0.50': 1, 'bill-1': 1 }).toString()).toBe('3.50');
	});

	it('parseCounts accepts numbers and typed digits, blank as zero', () => {
		const r = parseCounts({ 'bill-20': '3', 'coin-0.25': 4, 'bill-5': '', 'bill-1': ' 2 ' });
		expect(r.ok && r.value).toEqual(fullCounts({ 'bill-20': 3, 'coin-0.25': 4, 'bill-1': 2 }));
	});

	it.each([
		[null, 'counts', 'by denomination'],
		[[1, 2], 'counts', 'by denomination'],
		['200', 'counts', 'by denomination'],
		[{ 'bill-3': 1 }, 'counts.bill-3', 'not a denomination'],
		[{ 'coin-0.25': -1 }, 'counts.coin-0.25', 'cannot be negative'],
		[{ 'coin-0.25': '-4' }, 'counts.coin-0.25', 'cannot be negative'],
		[{ 'coin-0.25': 1.5 }, 'counts.coin-0.25', 'whole number'],
		[{ 'coin-0.25': '2.5' }, 'counts.coin-0.25', 'whole number'],
		[{ 'coin-0.25': 'ten' }, 'counts.coin-0.25', 'whole number'],
		[{ 'coin-0.25': Number.NaN }, 'counts.coin-0.25', 'whole number'],
		[{ 'coin-0.25': Number.POSITIVE_INFINITY }, 'counts.coin-0.25', 'whole number'],
		[{ 'coin-0.25': true }, 'counts.coin-0.25', 'whole number'],
		[{ 'bill-20': 100_001 }, 'counts.bill-20', 'more than a drawer holds'],
		[{ 'bill-20': '99999999999999999999' }, 'counts.bill-20', 'whole number']
	])('parseCounts rejects %j', (input, field, words) => {
		const r = parseCounts(input);
		expect(r.ok).toBe(false);
		if (!r.ok) {
			expect(r.rejection.field).toBe(field);
			expect(r.rejection.message).toContain(words);
		}
	});

	it('splitFloat keeps the standard float and deposits the rest by denomination', () => {
		const counts = fullCounts({ ...STANDARD_FLOAT, 'bill-100': 1, 'bill-20': 4 });
		const split = splitFloat(counts)!;
		expect(countTotal(split.keep).toString()).toBe('200.00');
		expect(split.keep).toEqual(STANDARD_FLOAT);
		expect(split.deposit).toEqual(fullCounts({ 'bill-100': 1, 'bill-20': 2 }));
	});

	it('splitFloat makes up missing quarters from other pieces (78 quarters, 5 extra dimes)', () => {
		const counts = fullCounts({ ...STANDARD_FLOAT, 'coin-0.25': 78, 'coin-0.10': 55, 'bill-5': 9 });
		const split = splitFloat(counts)!;
		expect(countTotal(split.keep).toString()).toBe('200.00');
		expect(countTotal(split.deposit).toString()).toBe(countTotal(counts).minus(Money.of('200.00')).toString());
	});

	it('splitFloat returns null when $200.00 cannot be made up exactly', () => {
		expect(splitFloat(fullCounts({ 'bill-100': 1, 'bill-50': 1, 'bill-20': 2, 'coin-0.25': 3 }))).toBeNull();
		expect(splitFloat(fullCounts({ 'bill-50': 3 }))).toBeNull();
	});
});
