/**
 * THE scoring formula of a scenario attempt — the one place it lives. SCORING_FORMULA says the same
 * in plain words for the result page.
 *
 * 1. Accuracy A (whole percent) = 100 × (weight earned) ÷ (weight possible), rounded half-up.
 *    A passed check earns its weight, a failed one nothing; a rubric check scored by a supervisor
 *    earns weight × points awarded ÷ rubric points. A rubric check still waiting for its review is
 *    left out of both sums until it is scored (the attempt is then "awaiting review").
 * 2. Speed S (whole percent) from the server-measured time t and the target T:
 *    S = 100 when t ≤ T; S = 100 × (3T − t) ÷ 2T, rounded half-up, when T < t < 3T; S = 0 from 3T on.
 *    (Twice the target is 50%.)
 * 3. Overall O (whole percent):
 *    - a failed critical check fails the attempt: O = min(A, 20);
 *    - otherwise, when A ≥ 90, speed counts: O = (80 × A + 20 × S) ÷ 100, rounded half-up;
 *    - otherwise speed does not count: O = 80 × A ÷ 100, rounded half-up.
 * 4. Status: "failed" when a critical check failed; else "awaiting-review" while a rubric check waits;
 *    else "passed" when A ≥ 80, "failed" below.
 *
 * Worked examples (scoring.test.ts checks each):
 * - checks of weight 3, 2, 2, 1 all passed, 4 min on a 5-min target: A = 100, S = 100, O = 100, passed.
 * - the weight-1 check failed, 7 min 30 s on 5 min: A = 100 × 7/8 = 87.5 → 88, S = 100 × (15 − 7.5)/10 = 75,
 *   A < 90 so O = 80 × 88/100 = 70.4 → 70, passed.
 * - all passed, 10 min on 5 min: A = 100, S = 50, O = (8000 + 1000)/100 = 90, passed.
 * - the critical weight-3 check failed: A = 100 × 5/8 = 62.5 → 63, O = min(63, 20) = 20, failed.
 * Integer arithmetic only (bigint where a rubric brings fractions), so every figure is exact and repeatable.
 */
import type { CheckResult, GradeStatus } from './types';

/** Accuracy an attempt needs to pass. */
export const PASS_ACCURACY = 80;
/** Accuracy from which speed counts in the overall score. */
export const SPEED_COUNTS_FROM = 90;
/** Speed's share of the overall score once it counts (accuracy has the rest). */
export const SPEED_SHARE = 20;
/** Speed falls to 0 at this many times the target. */
export const SPEED_ZERO_AT = 3;
/** The most an attempt with a failed critical check can score overall. */
export const FAILED_CAP = 20;

export const SCORING_FORMULA =
	`Accuracy is the share of the scenario's checks you got right, each check weighted by how much it matters. ` +
	`Speed is 100% when you finish within the target time, then falls steadily to 0% at ${SPEED_ZERO_AT} times the target (twice the target is 50%). ` +
	`Overall = ${100 - SPEED_SHARE}% of accuracy plus ${SPEED_SHARE}% of speed, but speed only counts once accuracy is ${SPEED_COUNTS_FROM}% or more; below that, overall is ${100 - SPEED_SHARE}% of accuracy. ` +
	`A failed critical check fails the attempt and caps the overall score at ${FAILED_CAP}%. ` +
	`Otherwise the attempt passes with accuracy of ${PASS_ACCURACY}% or more. ` +
	`Written work scored by a supervisor counts once it is scored.`;

/** round(n ÷ d) half-up, for n ≥ 0 and d > 0. */
function roundDiv(n: bigint, d: bigint): bigint {
	return (2n * n + d) / (2n * d);
}

const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? a : gcd(b, a % b));

/** A check's earned weight as an exact fraction: weight × awarded ÷ of. */
export type Earned = { num: bigint; den: bigint };

/** "3", "0", "1.50": a fraction of weight as text, to the hundredth (half-up). */
export function earnedText(e: Earned): string {
	if (e.num % e.den === 0n) return (e.num / e.den).toString();
	const hundredths = roundDiv(e.num * 100n, e.den);
	return `${hundredths / 100n}.${(hundredths % 100n).toString().padStart(2, '0')}`;
}

/** Speed as a whole percent (rule 2). `elapsedMs` is what the server measured. */
export function speedPercent(elapsedMs: number, targetSeconds: number): number {
	if (!Number.isSafeInteger(elapsedMs) || elapsedMs < 0) throw new RangeError(`elapsedMs must be a whole number of milliseconds, got ${elapsedMs}`);
	if (!Number.isSafeInteger(targetSeconds) || targetSeconds <= 0) throw new RangeError(`targetSeconds must be a positive whole number, got ${targetSeconds}`);
	const t = BigInt(elapsedMs);
	const target = BigInt(targetSeconds) * 1000n;
	if (t <= target) return 100;
	const zeroAt = BigInt(SPEED_ZERO_AT) * target;
	if (t >= zeroAt) return 0;
	return Number(roundDiv(100n * (zeroAt - t), zeroAt - target));
}

/** Overall as a whole percent (rule 3). */
export function overallPercent(accuracy: number, speed: number, criticalFailed: boolean): number {
	if (criticalFailed) return Math.min(accuracy, FAILED_CAP);
	const a = BigInt(accuracy);
	if (accuracy >= SPEED_COUNTS_FROM) return Number(roundDiv(BigInt(100 - SPEED_SHARE) * a + BigInt(SPEED_SHARE) * BigInt(speed), 100n));
	return Number(roundDiv(BigInt(100 - SPEED_SHARE) * a, 100n));
}

export type Score = {
	status: GradeStatus;
	accuracy: number;
	speed: number;
	overall: number;
	earned: string;
	possible: number;
	criticalFailed: string[];
	awaitingReview: string[];
};

/**
 * Accuracy, speed, overall and status from check results (rules 1–4). `fractions` gives the exact
 * earned share of checks that earn part of their weight (scored rubrics); others earn all or nothing.
 */
export function scoreAttempt(checks: readonly CheckResult[], elapsedMs: number, targetSeconds: number, fractions: ReadonlyMap<string, Earned> = new Map()): Score {
	const scored = checks.filter((c) => !c.pending);
	const possible = scored.reduce((s, c) => s + c.weight, 0);
	// Sum of fractions over a common denominator, kept exact.
	let num = 0n;
	let den = 1n;
	for (const c of scored) {
		const e = fractions.get(c.id) ?? { num: c.passed ? BigInt(c.weight) : 0n, den: 1n };
		num = num * e.den + e.num * den;
		den = den * e.den;
		const g = gcd(num, den) || 1n;
		[num, den] = [num / g, den / g];
	}
	const accuracy = possible === 0 ? 0 : Number(roundDiv(100n * num, den * BigInt(possible)));
	const criticalFailed = scored.filter((c) => c.critical && !c.passed).map((c) => c.id);
	const awaitingReview = checks.filter((c) => c.pending).map((c) => c.id);
	const speed = speedPercent(elapsedMs, targetSeconds);
	const overall = overallPercent(accuracy, speed, criticalFailed.length > 0);
	const status: GradeStatus = criticalFailed.length > 0 ? 'failed' : awaitingReview.length > 0 ? 'awaiting-review' : accuracy >= PASS_ACCURACY ? 'passed' : 'failed';
	return { status, accuracy, speed, overall, earned: earnedText({ num, den }), possible, criticalFailed, awaitingReview };
}
