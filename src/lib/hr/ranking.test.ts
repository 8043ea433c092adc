import { describe, expect, it } from 'vitest';
import { bandScores, bandWidth, certify, rankByScore } from './ranking';

const e = (id: string, score: string) => ({ id, score });

describe('ranking with ties', () => {
	it('ties share a rank and the next rank skips the places they took', () => {
		const ranked = rankByScore([e('c', '80.00'), e('a', '92.50'), e('b', '80.00'), e('d', '75.25'), e('e', '80'), e('f', '70.00')]);
		expect(ranked.map((r) => [r.id, r.rank, r.tied])).toEqual([
			['a', 1, false],
			['b', 2, true],
			['c', 2, true],
			['e', 2, true], // "80" equals "80.00" exactly
			['d', 5, false],
			['f', 6, false]
		]);
	});

	it('compares decimals exactly, not as binary floats', () => {
		const ranked = rankByScore([e('x', '0.30'), e('y', '0.3'), e('z', '0.29999999999999999999')]);
		expect(ranked.map((r) => r.rank)).toEqual([1, 1, 3]);
	});

	it('the order function only orders within a tie', () => {
		const names: Record<string, string> = { a: 'Zed', b: 'Amy', c: 'Bo' };
		const ranked = rankByScore([e('a', '90'), e('b', '90'), e('c', '95')], (x, y) => names[x.id]!.localeCompare(names[y.id]!));
		expect(ranked.map((r) => `${r.id}${r.rank}`)).toEqual(['c1', 'b2', 'a2']);
	});

	it('an empty list ranks to nothing; all tied share rank 1', () => {
		expect(rankByScore([])).toEqual([]);
		expect(rankByScore([e('a', '5'), e('b', '5')]).map((r) => r.rank)).toEqual([1, 1]);
	});
});

describe('certification rules', () => {
	const ranked = rankByScore([e('a', '99'), e('b', '95'), e('c', '95'), e('d', '90'), e('e', '90'), e('f', '80')]);
	it('rule of 1, 3, 10 and the whole list; ties at the last rank all go', () => {
		expect(certify(ranked, '1').map((r) => r.id)).toEqual(['a']);
		expect(certify(ranked, '3').map((r) => r.id)).toEqual(['a', 'b', 'c']); // ranks 1, 2, 2
		expect(certify(rankByScore([e('a', '99'), e('b', '95'), e('c', '90'), e('d', '90')]), '3').map((r) => r.id)).toEqual(['a', 'b', 'c', 'd']); // tie at rank 3
		expect(certify(ranked, '10')).toHaveLength(6);
		expect(certify(ranked, 'all')).toHaveLength(6);
	});
});

describe('banding by the standard error of measurement', () => {
	it('band width = 1.96 × SEM × √2', () => {
		// 1.96 × 2.5 × 1.414213562… = 6.929646… → 6.93
		expect(bandWidth('2.5')).toBe('6.93');
		// 1.96 × 1.02 × 1.414213562… = 2.827295… → 2.83
		expect(bandWidth('1.02')).toBe('2.83');
		expect(bandWidth('0')).toBe('0.00');
	});

	it('fixed bands from the top; band members share the band’s rank', () => {
		// width 5: band 1 = 95 down to 90 (inclusive); band 2 starts at 88 → down to 83; band 3 at 80.
		const ranked = rankByScore([e('a', '95'), e('b', '92'), e('c', '90'), e('d', '88'), e('e', '83'), e('f', '82.99'), e('g', '80')]);
		const banded = bandScores(ranked, '5');
		expect(banded.map((b) => [b.id, b.band, b.rank, b.tied])).toEqual([
			['a', 1, 1, true],
			['b', 1, 1, true],
			['c', 1, 1, true],
			['d', 2, 4, true],
			['e', 2, 4, true],
			['f', 3, 6, true],
			['g', 3, 6, true]
		]);
		expect(banded[3]!.bandTop).toBe('88');
		expect(banded[3]!.bandFloor).toBe('83.00');
		// Certification on bands: rule of 3 takes the whole first band (rank 1).
		expect(certify(banded, '3').map((b) => b.id)).toEqual(['a', 'b', 'c']);
		expect(certify(banded, '10')).toHaveLength(7);
	});

	it('a zero width leaves only exact ties together', () => {
		const banded = bandScores(rankByScore([e('a', '90'), e('b', '90'), e('c', '89.99')]), '0');
		expect(banded.map((b) => b.band)).toEqual([1, 1, 2]);
		expect(banded.map((b) => b.rank)).toEqual([1, 1, 3]);
	});

	it('refuses a negative width', () => {
		expect(() => bandScores([], '-1')).toThrow(/negative/);
	});
});
