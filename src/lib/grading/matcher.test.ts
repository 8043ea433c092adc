import { describe, expect, it } from 'vitest';
import { matches, mismatches, mismatchWords, patternProblems, patternWords } from './matcher';

const receipt = {
	type: 'cash.payment-taken',
	receiptNo: 'R-000010',
	lines: [
		{ kind: 'utility', ref: '100-0006', label: 'Utility account 100-0006 — Laura Morales', amount: '180.82' },
		{ kind: 'permit', ref: 'BP-2026-0001', label: 'Permit', amount: '95.00' }
	],
	tenders: [{ type: 'cash', amount: '300.00' }],
	change: '24.18',
	postmark: undefined
};

describe('matching', () => {
	it('compares only the fields a pattern names', () => {
		expect(matches({ receiptNo: 'R-000010' }, receipt)).toBe(true);
		expect(matches({}, receipt)).toBe(true);
		expect(matches({ receiptNo: 'R-000011' }, receipt)).toBe(false);
	});

	it('compares amounts as exact decimals, never as floating point', () => {
		expect(matches({ change: '24.18' }, receipt)).toBe(true);
		expect(matches({ change: '24.180' }, receipt)).toBe(true);
		expect(matches({ change: '24.19' }, receipt)).toBe(false);
		expect(matches({ change: '24.17999999999999' }, receipt)).toBe(false);
		expect(matches({ n: '175' }, { n: '175.00' })).toBe(true);
		expect(matches({ n: 2026 }, { n: 2026 })).toBe(true);
		expect(matches({ n: '2026' }, { n: 2026 })).toBe(true);
		expect(matches({ n: 0.1 }, { n: '0.10' })).toBe(true);
	});

	it('compares text without case or extra spaces; other types strictly', () => {
		expect(matches({ destination: 'utility billing' }, { destination: 'Utility  Billing' })).toBe(true);
		expect(matches({ ok: true }, { ok: 'true' })).toBe(false);
		expect(matches({ x: null }, {})).toBe(true);
		expect(matches({ ref: '100-0006' }, { ref: '100-0060' })).toBe(false);
	});

	it('lists: each pattern element needs its own element, in any order', () => {
		expect(matches({ lines: [{ kind: 'permit' }, { ref: '100-0006' }] }, receipt)).toBe(true);
		expect(matches({ lines: [{ kind: 'utility' }, { kind: 'utility' }] }, receipt)).toBe(false);
		expect(matches({ reasons: ['a'] }, { reasons: ['b', 'a'] })).toBe(true);
		// Backtracking: a greedy first pick would take the element the second pattern needs.
		expect(matches([{ a: 1 }, { a: 1, b: 2 }], [{ a: 1, b: 2 }, { a: 1 }])).toBe(true);
	});

	it('operators', () => {
		expect(matches({ tenders: [{ type: { $not: 'check' } }] }, receipt)).toBe(true);
		expect(matches({ tenders: [{ type: { $in: ['card', 'check'] } }] }, receipt)).toBe(false);
		expect(matches({ lines: [{ label: { $contains: 'morales' } }] }, receipt)).toBe(true);
		expect(matches({ postmark: { $absent: true } }, receipt)).toBe(true);
		expect(matches({ change: { $absent: true } }, receipt)).toBe(false);
		expect(matches({ reasons: { $set: ['b', 'a'] } }, { reasons: ['a', 'b'] })).toBe(true);
		expect(matches({ reasons: { $set: ['a'] } }, { reasons: ['a', 'b'] })).toBe(false);
	});
});

describe('mismatches in words', () => {
	it('names the field, what was there and what was expected', () => {
		const words = mismatches({ lines: [{ ref: '100-0006', amount: '108.82' }], change: '24.18' }, receipt).map(mismatchWords);
		expect(words).toEqual(['receipt line 1 › amount: $180.82 instead of $108.82']);
	});

	it('says when something is missing or not allowed', () => {
		expect(mismatches({ postmark: '2026-11-25' }, receipt).map(mismatchWords)).toEqual(['postmark date: missing (should be 2026-11-25)']);
		expect(mismatches({ tenders: [{ type: { $not: 'cash' } }] }, receipt).map(mismatchWords)).toEqual(['tender 1 › type: cash, which is not allowed here']);
		expect(mismatches({ lines: [{ kind: 'license' }, { kind: 'license' }, { kind: 'license' }] }, receipt).map(mismatchWords)).toEqual([
			'receipt line 1 › kind: utility instead of license',
			'receipt line 2 › kind: permit instead of license',
			'receipt line: missing (should be kind license)'
		]);
	});

	it('describes patterns', () => {
		expect(patternWords({ lines: [{ ref: '100-0006', amount: '180.82' }], postmark: { $absent: true } })).toBe('receipt line account or reference 100-0006, amount $180.82, postmark date nothing');
		expect(patternWords({ reasons: { $set: ['extension-error'] } })).toBe('reasons exactly extension-error');
	});
});

describe('patternProblems', () => {
	it('accepts plain patterns and known operators', () => {
		expect(patternProblems({ a: [{ b: { $in: [1, 2] } }], c: { $absent: true } })).toEqual([]);
	});

	it('names unknown or malformed operators by path', () => {
		expect(patternProblems({ a: { $regex: 'x' } })).toEqual([{ path: ['a', '$regex'], message: 'unknown operator $regex (use $not, $in, $contains, $absent, $set)' }]);
		expect(patternProblems({ a: { $in: 'x' } })).toEqual([{ path: ['a', '$in'], message: '$in takes a list of values' }]);
		expect(patternProblems({ a: { $not: 1, b: 2 } })).toEqual([{ path: ['a'], message: 'an operator ($not) must be the only key of its object' }]);
		expect(patternProblems([{ $absent: 'yes' }])).toEqual([{ path: [0, '$absent'], message: '$absent takes true' }]);
	});
});
