import { describe, expect, it } from 'vitest';
import { analyzeItems, scoreHistogram, type AnalysisItem, type CandidateScores } from './item-analysis';

/*
 * The fixed response matrix (1 = right, 0 = wrong; every item worth 1 point):
 *
 *          I1 I2 I3 I4 | total
 *   A       1  1  1  1 |   4
 *   B       1  1  1  0 |   3
 *   C       1  0  1  0 |   2
 *   D       1  1  0  0 |   2
 *   E       0  0  0  1 |   1
 *
 * Totals: mean 12/5 = 2.4; deviations 1.6, 0.6, −0.4, −0.4, −1.4; squares 2.56 + 0.36 + 0.16 +
 * 0.16 + 1.96 = 5.2; sample variance 5.2/4 = 1.3; SD = √1.3 = 1.1402 → "1.14".
 *
 * Facility (mean ÷ max): I1 4/5 = 80.0%, I2 3/5 = 60.0%, I3 3/5 = 60.0%, I4 2/5 = 40.0%.
 * Item sample variances: I1 (4×0.2² + 0.8²)/4 = 0.8/4 = 0.2; I2, I3, I4 (3×0.4² + 2×0.6²)/4 = 1.2/4 = 0.3.
 * Σ = 1.1. KR-20 = α = 4/3 × (1 − 1.1/1.3) = 4/3 × 0.2/1.3 = 0.8/3.9 = 0.205128… → "0.21".
 * (Check with p·q and population variance: Σpq = .16 + .24 + .24 + .24 = .88; 5.2/5 = 1.04;
 *  4/3 × (1 − .88/1.04) = 0.2051… — the same.)
 * SEM = SD × √(1 − α) = √(1.3 × (1 − 0.205128)) = √1.033333 = 1.01653 → "1.02".
 *
 * Item–rest correlations r = Σdx·dr ÷ √(Σdx² · Σdr²), rest = total − item:
 *   I1: x 1,1,1,1,0 (mean .8); rest 3,2,1,1,1 (mean 1.6); dx .2,.2,.2,.2,−.8; dr 1.4,.4,−.6,−.6,−.6
 *       Σdxdr = .2×(1.4+.4−.6−.6) + .48 = .6; Σdx² = .8; Σdr² = 3.2; r = .6/√2.56 = .6/1.6 = 0.375 → "0.38"
 *   I2: x 1,1,0,1,0 (.6); rest 3,2,2,1,1 (1.8); dx .4,.4,−.6,.4,−.6; dr 1.2,.2,.2,−.8,−.8
 *       Σdxdr = .48+.08−.12−.32+.48 = .6; Σdx² = 1.2; Σdr² = 2.8; r = .6/√3.36 = 0.3273 → "0.33"
 *   I3: x 1,1,1,0,0 (.6); rest 3,2,1,2,1 (1.8); dr 1.2,.2,−.8,.2,−.8
 *       Σdxdr = .48+.08−.32−.12+.48 = .6; Σdr² = 2.8; r = 0.3273 → "0.33"
 *   I4: x 1,0,0,0,1 (.4); rest 3,3,2,2,0 (2); dx .6,−.4,−.4,−.4,.6; dr 1,1,0,0,−2
 *       Σdxdr = .6−.4−1.2 = −1; Σdx² = 1.2; Σdr² = 6; r = −1/√7.2 = −0.3727 → "-0.37" (flagged)
 *
 * I1 is a single-choice item with options K (key), B, C: A–D chose K, E chose B, nobody C.
 *   K: 4 of 5 = 80.0%, mean total (4+3+2+2)/4 = 2.75; B: 20.0%, mean 1.00; C: 0, no mean.
 */
const MATRIX: Record<string, number[]> = { A: [1, 1, 1, 1], B: [1, 1, 1, 0], C: [1, 0, 1, 0], D: [1, 1, 0, 0], E: [0, 0, 0, 1] };
const I1_CHOICE: Record<string, number> = { A: 0, B: 0, C: 0, D: 0, E: 1 };

const info: AnalysisItem[] = [
	{ itemId: 'I1', label: 'Item one', kind: 'single-choice', options: [{ text: 'K', correct: true }, { text: 'B', correct: false }, { text: 'C', correct: false }] },
	{ itemId: 'I2', label: 'Item two', kind: 'numeric' },
	{ itemId: 'I3', label: 'Item three', kind: 'numeric' },
	{ itemId: 'I4', label: 'Item four', kind: 'numeric' }
];

function matrix(): CandidateScores[] {
	return Object.entries(MATRIX).map(([id, row]) => ({
		candidateId: id,
		items: row.map((x, i) => ({ itemId: `I${i + 1}`, points: x ? '1.00' : '0.00', max: '1.00', ...(i === 0 ? { chosen: [I1_CHOICE[id]!] } : {}) }))
	}));
}

describe('item analysis on the hand-computed matrix', () => {
	const { test, items } = analyzeItems(info, matrix());
	const byId = Object.fromEntries(items.map((i) => [i.itemId, i]));

	it('test statistics: mean, SD, KR-20, SEM', () => {
		expect(test.candidates).toBe(5);
		expect(test.items).toBe(4);
		expect(test.mean).toBe('2.40');
		expect(test.sd).toBe('1.14');
		expect(test.lowest).toBe('1.00');
		expect(test.highest).toBe('4.00');
		expect(test.alphaName).toBe('KR-20');
		expect(test.alpha).toBe('0.21');
		expect(test.alphaNote).toBeNull();
		expect(test.sem).toBe('1.02');
		expect(Number(test.semExact)).toBeCloseTo(1.01653, 5);
	});

	it('facility index per item', () => {
		expect(byId.I1!.facility).toBe('80.0');
		expect(byId.I2!.facility).toBe('60.0');
		expect(byId.I3!.facility).toBe('60.0');
		expect(byId.I4!.facility).toBe('40.0');
		expect(byId.I1!.meanPoints).toBe('0.80');
		expect(byId.I1!.n).toBe(5);
	});

	it('discrimination as the item–rest correlation (0.375 rounds half-up to 0.38)', () => {
		expect(byId.I1!.discrimination).toBe('0.38');
		expect(byId.I2!.discrimination).toBe('0.33');
		expect(byId.I3!.discrimination).toBe('0.33');
		expect(byId.I4!.discrimination).toBe('-0.37');
	});

	it('flags the negatively discriminating item and nothing else', () => {
		expect(byId.I4!.flags.map((f) => f.code)).toEqual(['negative']);
		expect(byId.I4!.flags[0]!.message).toMatch(/Check the key/);
		for (const id of ['I1', 'I2', 'I3']) expect(byId[id]!.flags).toEqual([]);
	});

	it('distractor analysis for the choice item', () => {
		expect(byId.I1!.options).toEqual([
			{ text: 'K', correct: true, count: 4, percent: '80.0', meanTotal: '2.75' },
			{ text: 'B', correct: false, count: 1, percent: '20.0', meanTotal: '1.00' },
			{ text: 'C', correct: false, count: 0, percent: '0.0', meanTotal: null }
		]);
		expect(byId.I1!.noAnswer).toBe(0);
		expect(byId.I2!.options).toBeNull();
	});
});

describe('item analysis, other cases', () => {
	it('calls it alpha when an item gives partial credit, and computes it the same way', () => {
		// Two items worth 2 points: totals 4, 3, 1 (mean 8/3); items X = 2,2,0 and Y = 2,1,1.
		// var X = ((2/3)²·2 + (4/3)²)/2 = (8/9 + 16/9)/2 = 4/3; var Y = ((2/3)² + 2·(1/3)²)/2 = (6/9)/2 = 1/3;
		// var T = ((4/3)² + (1/3)² + (5/3)²)/2 = (42/9)/2 = 7/3. α = 2 × (1 − (5/3)/(7/3)) = 2 × 2/7 = 0.5714 → "0.57".
		const c = (id: string, x: string, y: string): CandidateScores => ({ candidateId: id, items: [{ itemId: 'X', points: x, max: '2.00' }, { itemId: 'Y', points: y, max: '2.00' }] });
		const { test } = analyzeItems([], [c('a', '2.00', '2.00'), c('b', '2.00', '1.00'), c('c', '0.00', '1.00')]);
		expect(test.alphaName).toBe("Cronbach's alpha");
		expect(test.alpha).toBe('0.57');
	});

	it('no discrimination when an item has no spread; no alpha with one candidate or equal totals', () => {
		const same = analyzeItems([], [
			{ candidateId: 'a', items: [{ itemId: 'X', points: '1', max: '1' }, { itemId: 'Y', points: '0', max: '1' }] },
			{ candidateId: 'b', items: [{ itemId: 'X', points: '1', max: '1' }, { itemId: 'Y', points: '0', max: '1' }] }
		]);
		expect(same.items.every((i) => i.discrimination === null)).toBe(true);
		expect(same.test.alpha).toBeNull();
		expect(same.test.alphaNote).toMatch(/same total/);
		const one = analyzeItems([], [{ candidateId: 'a', items: [{ itemId: 'X', points: '1', max: '1' }] }]);
		expect(one.test.alpha).toBeNull();
		expect(one.test.sd).toBeNull();
		const none = analyzeItems([], []);
		expect(none.test.mean).toBeNull();
		expect(none.test.alphaNote).toMatch(/No candidate/);
	});

	it('items drawn differently per candidate: each item over those who got it; alpha estimated with a note', () => {
		const rows: CandidateScores[] = [
			{ candidateId: 'a', items: [{ itemId: 'P', points: '1', max: '1' }, { itemId: 'Q', points: '1', max: '1' }] },
			{ candidateId: 'b', items: [{ itemId: 'P', points: '0', max: '1' }, { itemId: 'R', points: '0', max: '1' }] },
			{ candidateId: 'c', items: [{ itemId: 'Q', points: '1', max: '1' }, { itemId: 'R', points: '1', max: '1' }] },
			{ candidateId: 'd', items: [{ itemId: 'P', points: '1', max: '1' }, { itemId: 'R', points: '0', max: '1' }] }
		];
		const { test, items } = analyzeItems([], rows);
		const p = items.find((i) => i.itemId === 'P')!;
		expect(p.n).toBe(3);
		expect(p.facility).toBe('66.7');
		expect(test.alphaNote).toMatch(/Estimated/);
		expect(test.alpha).not.toBeNull();
	});

	it('true/false and multiple choice options count each choice; blanks are "no answer"', () => {
		const tf: AnalysisItem = { itemId: 'T', label: 'T', kind: 'true-false', options: [{ text: 'True', correct: false }, { text: 'False', correct: true }] };
		const rows: CandidateScores[] = ['1', '1', '0', '0', '0'].map((pts, i) => ({
			candidateId: `c${i}`,
			items: [
				{ itemId: 'T', points: pts, max: '1', chosen: pts === '1' ? [1] : i === 4 ? [] : [0] },
				{ itemId: 'U', points: String(i % 2), max: '1' }
			]
		}));
		const t = analyzeItems([tf], rows).items.find((i) => i.itemId === 'T')!;
		expect(t.options!.map((o) => o.count)).toEqual([2, 2]);
		expect(t.noAnswer).toBe(1);
	});

	it('flags a very easy item, a very hard one, a wrong option drawing stronger candidates, and an unused option', () => {
		// 20 candidates; item E right for all but one; item H right for two.
		const rows: CandidateScores[] = Array.from({ length: 20 }, (_, i) => ({
			candidateId: `c${i}`,
			items: [
				{ itemId: 'E', points: i === 0 ? '0' : '1', max: '1' },
				{ itemId: 'H', points: i < 2 ? '1' : '0', max: '1' },
				// S: key = option 0 chosen by the weaker half; option 1 by the strongest (c10…c19 have more points on F).
				{ itemId: 'S', points: i < 10 ? '1' : '0', max: '1', chosen: [i < 10 ? 0 : 1] },
				{ itemId: 'F', points: i >= 10 ? '3' : '0', max: '3' }
			]
		}));
		const infoS: AnalysisItem = { itemId: 'S', label: 'S', kind: 'single-choice', options: [{ text: 'key', correct: true }, { text: 'lure', correct: false }, { text: 'dead', correct: false }] };
		const { items } = analyzeItems([infoS], rows);
		const get = (id: string) => items.find((i) => i.itemId === id)!;
		expect(get('E').flags.map((f) => f.code)).toContain('easy');
		expect(get('H').flags.map((f) => f.code)).toContain('hard');
		const s = get('S').flags.map((f) => f.code);
		expect(s).toContain('strong-distractor');
		expect(s).toContain('unused-distractor');
		expect(s).toContain('negative');
	});

	it('does not flag items taken by fewer than five candidates', () => {
		const rows: CandidateScores[] = ['1', '0', '0'].map((p, i) => ({ candidateId: `c${i}`, items: [{ itemId: 'X', points: p, max: '1' }, { itemId: 'Y', points: i === 0 ? '0' : '1', max: '1' }] }));
		expect(analyzeItems([], rows).items.every((i) => i.flags.length === 0)).toBe(true);
	});
});

describe('score histogram', () => {
	it('bins by ten points, the last bin holding 100', () => {
		const bins = scoreHistogram(['0.00', '9.99', '10.00', '55.50', '99.99', '100.00']);
		expect(bins).toHaveLength(10);
		expect(bins[0]).toEqual({ from: '0', to: '10', label: '0–10', count: 2 });
		expect(bins[1]!.count).toBe(1);
		expect(bins[5]!.count).toBe(1);
		expect(bins[9]!.count).toBe(2);
	});
});
