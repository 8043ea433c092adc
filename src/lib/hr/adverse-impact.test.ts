import { describe, expect, it } from 'vitest';
import { adverseImpact, type ImpactRecord } from './adverse-impact';

/** `passed` of `of` candidates in group g. */
function group(g: string | null, passed: number, of: number): ImpactRecord[] {
	return Array.from({ length: of }, (_, i) => ({ group: g, passed: i < passed }));
}

describe('four-fifths rule', () => {
	it('ratios against the highest rate, flagged below 0.80', () => {
		// A: 48/80 = 60%; B: 12/30 = 40% → 40/60 = 0.667 (below); C: 25/50 = 50% → 0.833 (not below).
		const r = adverseImpact([...group('A', 48, 80), ...group('B', 12, 30), ...group('C', 25, 50)], 'Sex');
		const by = Object.fromEntries(r.rows.map((x) => [x.group, x]));
		expect(by.A).toMatchObject({ rate: '60.0', ratio: '1.00', highest: true, belowFourFifths: false });
		expect(by.B).toMatchObject({ rate: '40.0', ratio: '0.67', highest: false, belowFourFifths: true, small: false });
		expect(by.C).toMatchObject({ rate: '50.0', ratio: '0.83', belowFourFifths: false });
		// B needs 0.8 × 0.6 × 30 = 14.4 → 15 passes; it has 12: 3 more.
		expect(by.B!.shortfall).toBe(3);
		expect(by.B!.note).toMatch(/3 more of this group would have had to pass/);
		expect(r.summary[0]).toMatch(/^B passed at a rate below four-fifths of the highest group’s \(A, 60\.0%\)/);
		expect(r.summary[0]).toMatch(/not by itself proof/);
	});

	it('exactly four-fifths is not adverse impact (compared exactly, not after rounding)', () => {
		// A 50/100 = 50%; B 40/100 = 40% → exactly 0.8.
		const r = adverseImpact([...group('A', 50, 100), ...group('B', 40, 100)], 'Sex');
		expect(r.rows.find((x) => x.group === 'B')).toMatchObject({ ratio: '0.80', belowFourFifths: false, shortfall: 0 });
		expect(r.summary[0]).toMatch(/shows no adverse impact by sex/);
		// 0.7999… rounds to "0.80" but is below.
		const s = adverseImpact([...group('A', 3, 3), ...group('B', 3999, 5000)], 'Sex');
		expect(s.rows.find((x) => x.group === 'B')).toMatchObject({ ratio: '0.80', belowFourFifths: true, shortfall: 1 });
	});

	it('small groups carry a caution; blanks are counted apart', () => {
		const r = adverseImpact([...group('Over 40', 2, 5), ...group('Under 40', 30, 40), ...group(null, 1, 3), ...group('  ', 0, 1)], 'Age 40 or over');
		expect(r.notStated).toBe(4);
		expect(r.rows.map((x) => x.group)).toEqual(['Over 40', 'Under 40']);
		expect(r.rows[0]!.small).toBe(true);
		expect(r.rows[0]!.note).toMatch(/Only 5 candidates/);
		expect(r.summary.at(-1)).toBe('4 candidates left “Age 40 or over” blank and are not in the comparison.');
	});

	it('nobody passed, or no data', () => {
		const none = adverseImpact([...group('A', 0, 4), ...group('B', 0, 3)], 'Sex');
		expect(none.rows.every((x) => x.ratio === null && !x.belowFourFifths)).toBe(true);
		expect(none.summary[0]).toMatch(/Nobody passed/);
		const empty = adverseImpact(group(null, 1, 2), 'Race/ethnicity');
		expect(empty.rows).toEqual([]);
		expect(empty.summary[0]).toMatch(/No candidate answered “Race\/ethnicity”/);
	});
});
