import { describe, expect, it } from 'vitest';
import { SCORING_FORMULA, overallPercent, scoreAttempt, speedPercent, type Earned } from './scoring';
import type { CheckResult } from './types';

const check = (id: string, weight: number, passed: boolean, critical = false, pending = false): CheckResult => ({
	id,
	kind: pending ? 'rubric' : 'event',
	description: id,
	expected: '',
	done: '',
	passed,
	pending,
	weight,
	critical,
	earned: passed ? String(weight) : '0'
});

// The worked examples of the module comment: weights 3 (critical), 2, 2, 1 on a 5-minute target.
const FIVE_MINUTES = 300;
const min = (m: number) => Math.round(m * 60_000);

describe('the worked examples', () => {
	it('all passed within the target: 100 / 100 / 100, passed', () => {
		const s = scoreAttempt([check('a', 3, true, true), check('b', 2, true), check('c', 2, true), check('d', 1, true)], min(4), FIVE_MINUTES);
		expect(s).toEqual({ status: 'passed', accuracy: 100, speed: 100, overall: 100, earned: '8', possible: 8, criticalFailed: [], awaitingReview: [] });
	});

	it('the weight-1 check failed, 7 min 30 s: accuracy 87.5 → 88, speed 75, speed does not count → overall 70, passed', () => {
		const s = scoreAttempt([check('a', 3, true, true), check('b', 2, true), check('c', 2, true), check('d', 1, false)], min(7.5), FIVE_MINUTES);
		expect(s).toMatchObject({ status: 'passed', accuracy: 88, speed: 75, overall: 70, earned: '7', possible: 8 });
	});

	it('all passed in twice the target: speed 50, overall (80×100 + 20×50)/100 = 90', () => {
		const s = scoreAttempt([check('a', 3, true, true), check('b', 2, true), check('c', 2, true), check('d', 1, true)], min(10), FIVE_MINUTES);
		expect(s).toMatchObject({ status: 'passed', accuracy: 100, speed: 50, overall: 90 });
	});

	it('the critical check failed: accuracy 62.5 → 63, overall capped at 20, failed', () => {
		const s = scoreAttempt([check('a', 3, false, true), check('b', 2, true), check('c', 2, true), check('d', 1, true)], min(4), FIVE_MINUTES);
		expect(s).toMatchObject({ status: 'failed', accuracy: 63, speed: 100, overall: 20, criticalFailed: ['a'] });
	});
});

describe('speed', () => {
	it('is 100 up to the target, falls linearly, 0 from three times the target', () => {
		expect(speedPercent(0, 100)).toBe(100);
		expect(speedPercent(100_000, 100)).toBe(100);
		expect(speedPercent(100_001, 100)).toBe(100); // 99.99995 rounds to 100
		expect(speedPercent(150_000, 100)).toBe(75);
		expect(speedPercent(200_000, 100)).toBe(50);
		expect(speedPercent(250_000, 100)).toBe(25);
		expect(speedPercent(299_000, 100)).toBe(1); // 0.5 → 1 (half-up)
		expect(speedPercent(300_000, 100)).toBe(0);
		expect(speedPercent(3_600_000, 100)).toBe(0);
	});

	it('refuses times that are not whole, non-negative milliseconds', () => {
		expect(() => speedPercent(-1, 100)).toThrow(RangeError);
		expect(() => speedPercent(1.5, 100)).toThrow(RangeError);
		expect(() => speedPercent(Number.NaN, 100)).toThrow(RangeError);
		expect(() => speedPercent(1000, 0)).toThrow(RangeError);
	});
});

describe('overall', () => {
	it('counts speed only from 90% accuracy, and never rewards dropping below it', () => {
		expect(overallPercent(89, 100, false)).toBe(71); // 71.2
		expect(overallPercent(90, 0, false)).toBe(72);
		expect(overallPercent(90, 100, false)).toBe(92);
		expect(overallPercent(95, 37, false)).toBe(83); // 76 + 7.4 = 83.4
		for (let a = 0; a < 100; a++) for (const s of [0, 50, 100]) expect(overallPercent(a + 1, s, false)).toBeGreaterThanOrEqual(overallPercent(a, s, false));
		expect(overallPercent(90, 0, false)).toBeGreaterThanOrEqual(overallPercent(89, 100, false));
	});

	it('a critical failure caps at 20 but never raises a lower score', () => {
		expect(overallPercent(95, 100, true)).toBe(20);
		expect(overallPercent(12, 100, true)).toBe(12);
	});
});

describe('status and accuracy details', () => {
	it('fails below 80% accuracy without a critical failure', () => {
		const s = scoreAttempt([check('a', 1, true, true), check('b', 4, false)], 1000, 60);
		expect(s).toMatchObject({ accuracy: 20, status: 'failed', criticalFailed: [] });
	});

	it('a rubric waiting for review is left out of accuracy and holds the status', () => {
		const s = scoreAttempt([check('a', 3, true, true), check('letter', 5, false, false, true)], 1000, 60);
		expect(s).toMatchObject({ accuracy: 100, possible: 3, status: 'awaiting-review', awaitingReview: ['letter'] });
	});

	it('a critical failure fails even while a review waits', () => {
		const s = scoreAttempt([check('a', 3, false, true), check('letter', 5, false, false, true)], 1000, 60);
		expect(s.status).toBe('failed');
	});

	it('a scored rubric earns an exact fraction of its weight', () => {
		// weight 3 × 2/3 of the rubric = 2 earned; with 1 + 2 of 1 + 3 possible: 75%.
		const fractions = new Map<string, Earned>([['letter', { num: 6n, den: 3n }]]);
		const s = scoreAttempt([check('a', 1, true, true), check('letter', 3, false)], 1000, 60, fractions);
		expect(s).toMatchObject({ accuracy: 75, earned: '3', possible: 4 });
	});

	it('thirds that add to exactly one half round half-up, exactly', () => {
		// Earned 1/3 + 1/6 + 1 = 1.5 of 3: exactly 50% (a decimal sum of the thirds would land a hair below).
		const fractions = new Map<string, Earned>([
			['x', { num: 1n, den: 3n }],
			['y', { num: 1n, den: 6n }]
		]);
		const s = scoreAttempt([check('x', 1, false), check('y', 1, false), check('z', 1, true, true)], 1000, 60, fractions);
		expect(s).toMatchObject({ accuracy: 50, earned: '1.50' });
	});

	it('has one plain-words description that names every rule', () => {
		for (const words of ['Accuracy', 'Speed', 'Overall', '90%', '80%', 'critical', '20%', '3 times']) expect(SCORING_FORMULA).toContain(words);
	});
});
