/**
 * Item analysis after scoring, as Moodle's quiz statistics report does it:
 *
 * - facility index: the average share of the item's points earned, as a percent (how easy it was);
 * - discrimination: Pearson's correlation between the item's points and the rest of the test
 *   (each candidate's total without this item), over the candidates who got the item; strong
 *   candidates should do better on a good item, so it should be clearly positive;
 * - Cronbach's alpha for the test (the same number as KR-20 when every item is right or wrong):
 *   α = k/(k−1) × (1 − Σ item variances ÷ variance of the totals);
 * - the standard error of measurement: SEM = SD of the totals × √(1 − α);
 * - for choice items, how often each option was chosen and the average total of those who chose it.
 *
 * Variances are sample variances (divided by n − 1) throughout; α is the same with either divisor
 * when every candidate took the same items. When the exam drew different items for different
 * candidates, k is the average number of items per candidate and Σ item variances the average over
 * candidates of the sum for their own items (the note says so).
 *
 * Everything is exact decimal arithmetic (square roots to 40 digits); results are strings rounded
 * half-up for display: percents to 1 place, correlations and α to 2, points to 2.
 */
import { dec, fixed, ZERO, type Dec } from '../exams/decimal';

export type AnalysisOption = { text: string; correct: boolean };

export type AnalysisItem = {
	itemId: string;
	/** A short label for tables and charts (the stem's first words). */
	label: string;
	kind: string;
	/** Written order; true/false items list True then False. Absent for kinds without options. */
	options?: AnalysisOption[];
};

export type ItemResponseScore = {
	itemId: string;
	points: string;
	max: string;
	/** Options chosen, as indexes in the written order ([] = no answer). Choice items only. */
	chosen?: number[];
};

export type CandidateScores = { candidateId: string; items: ItemResponseScore[] };

export type FlagCode = 'hard' | 'easy' | 'negative' | 'weak' | 'strong-distractor' | 'unused-distractor';
export type ItemFlag = { code: FlagCode; message: string };

export type OptionStats = { text: string; correct: boolean; count: number; percent: string; meanTotal: string | null };

export type ItemStats = {
	itemId: string;
	label: string;
	kind: string;
	/** Candidates who got the item. */
	n: number;
	max: string;
	meanPoints: string;
	/** Percent, 1 place; null when nobody got the item. */
	facility: string | null;
	/** Standard deviation of the item's points. */
	sd: string | null;
	/** Item–rest correlation, 2 places; null when it cannot be computed (fewer than 2 candidates, or no spread). */
	discrimination: string | null;
	options: OptionStats[] | null;
	noAnswer: number;
	flags: ItemFlag[];
};

export type TestStats = {
	candidates: number;
	items: number;
	mean: string | null;
	sd: string | null;
	lowest: string | null;
	highest: string | null;
	/** Cronbach's alpha, 2 places (KR-20 when every item is right or wrong). */
	alpha: string | null;
	alphaName: 'KR-20' | "Cronbach's alpha";
	/** Why alpha is missing, or how it was estimated; null when exact and present. */
	alphaNote: string | null;
	sem: string | null;
	/** The exact SEM before rounding, for banding. */
	semExact: string | null;
};

export type ItemAnalysis = { test: TestStats; items: ItemStats[] };

/** Thresholds for the review flags (Moodle shows the figures; these say which to look at). */
export const FLAG_RULES = {
	minCandidates: 5,
	hardBelow: '25',
	easyAbove: '90',
	weakBelow: '0.20',
	unusedMinCandidates: 20,
	strongDistractorMinCount: 2
} as const;

// Sums run exactly in whole ten-thousandths of a point as bigint (scores have two decimals), so
// a 250 × 85 matrix is quick; Decimal comes in only for the divisions and square roots.
const SCALE = 10_000n;

// Scores repeat ("1.00", "0.00", …): each distinct string is read once.
const unitCache = new Map<string, bigint>();
function units(s: string): bigint {
	const known = unitCache.get(s);
	if (known !== undefined) return known;
	if (unitCache.size > 10_000) unitCache.clear();
	const v = readUnits(s);
	unitCache.set(s, v);
	return v;
}

function readUnits(s: string): bigint {
	const m = /^(-?)(\d+)(?:\.(\d{1,4}))?$/.exec(s.trim());
	if (!m) throw new Error(`not a score with at most four decimals: ${JSON.stringify(s)}`);
	const v = BigInt(m[2]!) * SCALE + BigInt((m[3] ?? '').padEnd(4, '0'));
	return m[1] ? -v : v;
}

const big = (b: bigint): Dec => dec(b.toString());
/** Σx ÷ n, in points. */
const meanOf = (sum: bigint, n: number): Dec => big(sum).dividedBy(big(SCALE * BigInt(n)));

type Sums = { n: number; s1: bigint; s2: bigint };
const sums = (xs: readonly bigint[]): Sums => ({ n: xs.length, s1: xs.reduce((a, x) => a + x, 0n), s2: xs.reduce((a, x) => a + x * x, 0n) });
/** n·Σx² − (Σx)²: n² times the population variance, in units². */
const spread = (s: Sums): bigint => BigInt(s.n) * s.s2 - s.s1 * s.s1;
/** The sample variance, in points²: (nΣx² − (Σx)²) ÷ (n(n−1)). */
const sampleVariance = (s: Sums): Dec => big(spread(s)).dividedBy(big(BigInt(s.n) * BigInt(s.n - 1) * SCALE * SCALE));

/** Pearson's r of two equally long lists; null when either has no spread. */
function correlation(xs: readonly bigint[], ys: readonly bigint[]): Dec | null {
	if (xs.length < 2) return null;
	const sx = sums(xs);
	const sy = sums(ys);
	const vx = spread(sx);
	const vy = spread(sy);
	if (vx === 0n || vy === 0n) return null;
	const sxy = xs.reduce((a, x, i) => a + x * ys[i]!, 0n);
	return big(BigInt(xs.length) * sxy - sx.s1 * sy.s1).dividedBy(big(vx * vy).sqrt());
}

export function analyzeItems(itemInfo: readonly AnalysisItem[], candidates: readonly CandidateScores[]): ItemAnalysis {
	const totals = new Map<string, bigint>();
	for (const c of candidates) totals.set(c.candidateId, c.items.reduce((s, r) => s + units(r.points), 0n));
	const N = totals.size;

	// Per item: the candidates who got it, their points, the max.
	type Cell = { candidateId: string; points: bigint; max: bigint; chosen?: number[] };
	const cells = new Map<string, Cell[]>();
	for (const c of candidates) {
		for (const r of c.items) {
			const list = cells.get(r.itemId) ?? [];
			list.push({ candidateId: c.candidateId, points: units(r.points), max: units(r.max), ...(r.chosen ? { chosen: r.chosen } : {}) });
			cells.set(r.itemId, list);
		}
	}
	const infoById = new Map(itemInfo.map((i) => [i.itemId, i]));
	const itemIds = [...new Set([...itemInfo.map((i) => i.itemId), ...cells.keys()])];

	const variances = new Map<string, { variance: Dec; n: number }>();
	const items: ItemStats[] = itemIds.map((itemId) => {
		const info = infoById.get(itemId) ?? { itemId, label: itemId, kind: 'unknown' };
		const got = cells.get(itemId) ?? [];
		const n = got.length;
		const max = got.reduce((m, c) => (c.max > m ? c.max : m), 0n);
		const pts = got.map((c) => c.points);
		const s = sums(pts);
		const m = n ? meanOf(s.s1, n) : ZERO;
		if (n >= 2) variances.set(itemId, { variance: sampleVariance(s), n });
		const facility = n && max > 0n ? big(s.s1 * 100n).dividedBy(big(max * BigInt(n))) : null;
		const rest = got.map((c) => totals.get(c.candidateId)! - c.points);
		const r = correlation(pts, rest);
		const options = info.options ? optionStats(info.options, got, totals) : null;
		const noAnswer = info.options ? got.filter((c) => !c.chosen || c.chosen.length === 0).length : 0;
		const stats: ItemStats = {
			itemId,
			label: info.label,
			kind: info.kind,
			n,
			max: fixed(meanOf(max, 1), 2),
			meanPoints: fixed(m, 2),
			facility: facility !== null ? fixed(facility, 1) : null,
			sd: variances.has(itemId) ? fixed(variances.get(itemId)!.variance.sqrt(), 2) : null,
			discrimination: r ? fixed(r, 2) : null,
			options,
			noAnswer,
			flags: []
		};
		stats.flags = flagsOf(stats, r, info.kind);
		return stats;
	});

	return { test: testStats(candidates, [...totals.values()], variances, cells.size), items };
}

function optionStats(options: readonly AnalysisOption[], got: readonly { candidateId: string; chosen?: number[] }[], totals: Map<string, bigint>): OptionStats[] {
	return options.map((o, index) => {
		const choosers = got.filter((c) => c.chosen?.includes(index));
		return {
			text: o.text,
			correct: o.correct,
			count: choosers.length,
			percent: got.length ? fixed(dec(choosers.length).dividedBy(got.length).times(100), 1) : '0.0',
			meanTotal: choosers.length ? fixed(meanOf(choosers.reduce((a, c) => a + totals.get(c.candidateId)!, 0n), choosers.length), 2) : null
		};
	});
}

function flagsOf(s: ItemStats, r: Dec | null, kind: string): ItemFlag[] {
	const flags: ItemFlag[] = [];
	if (s.n < FLAG_RULES.minCandidates) return flags;
	if (s.facility !== null && dec(s.facility).lt(FLAG_RULES.hardBelow)) {
		flags.push({ code: 'hard', message: `Very hard: candidates earned ${s.facility}% of its points on average. Check that the key is right and the question is clear.` });
	}
	if (s.facility !== null && dec(s.facility).gt(FLAG_RULES.easyAbove)) {
		flags.push({ code: 'easy', message: `Very easy: candidates earned ${s.facility}% of its points on average, so it tells strong and weak candidates apart very little.` });
	}
	if (r && r.isNegative()) {
		flags.push({ code: 'negative', message: `Negative discrimination (${s.discrimination}): candidates who did well on the rest of the exam did worse on this question. Check the key first.` });
	} else if (r && r.lt(FLAG_RULES.weakBelow)) {
		flags.push({ code: 'weak', message: `Weak discrimination (${s.discrimination}, below ${FLAG_RULES.weakBelow}): the question barely separates strong from weak candidates.` });
	}
	if (s.options && (kind === 'single-choice' || kind === 'true-false')) {
		const key = s.options.find((o) => o.correct);
		for (const o of s.options) {
			if (o.correct) continue;
			if (key?.meanTotal && o.meanTotal && o.count >= FLAG_RULES.strongDistractorMinCount && dec(o.meanTotal).gt(dec(key.meanTotal))) {
				flags.push({ code: 'strong-distractor', message: `The wrong option “${o.text}” was chosen by candidates with a higher average total (${o.meanTotal}) than those who chose the key (${key.meanTotal}). It may be arguably right.` });
			}
			if (o.count === 0 && s.n >= FLAG_RULES.unusedMinCandidates) {
				flags.push({ code: 'unused-distractor', message: `Nobody chose the wrong option “${o.text}”: it does no work and could be replaced.` });
			}
		}
	}
	return flags;
}

function testStats(candidates: readonly CandidateScores[], totals: bigint[], variances: Map<string, { variance: Dec; n: number }>, itemCount: number): TestStats {
	const dichotomous = candidates.every((c) => c.items.every((r) => units(r.points) === 0n || units(r.points) === units(r.max)));
	const alphaName = dichotomous ? 'KR-20' : "Cronbach's alpha";
	const N = totals.length;
	const base = { candidates: N, items: itemCount, alphaName } as const;
	if (N === 0) return { ...base, mean: null, sd: null, lowest: null, highest: null, alpha: null, alphaNote: 'No candidate has been scored yet.', sem: null, semExact: null };
	const s = sums(totals);
	const lowest = totals.reduce((a, b) => (b < a ? b : a));
	const highest = totals.reduce((a, b) => (b > a ? b : a));
	const common = { ...base, mean: fixed(meanOf(s.s1, N), 2), lowest: fixed(meanOf(lowest, 1), 2), highest: fixed(meanOf(highest, 1), 2) };
	if (N < 2) return { ...common, sd: null, alpha: null, alphaNote: 'Reliability needs at least two candidates.', sem: null, semExact: null };
	const varTotal = sampleVariance(s);
	const sd = varTotal.sqrt();
	const none = (alphaNote: string) => ({ ...common, sd: fixed(sd, 2), alpha: null, alphaNote, sem: null, semExact: null });
	if (varTotal.isZero()) return none('Every candidate has the same total, so reliability cannot be computed.');

	// Average form length, and the average over candidates of the sum of their own items'
	// variances (= Σ over items of variance × candidates who got it ÷ N).
	const k = dec(candidates.reduce((a, c) => a + c.items.length, 0)).dividedBy(N);
	if (k.lt(2)) return none('Reliability needs at least two items per candidate.');
	const sumVar = [...variances.values()].reduce((a, v) => a.plus(v.variance.times(v.n)), ZERO).dividedBy(N);
	const alpha = k.dividedBy(k.minus(1)).times(dec(1).minus(sumVar.dividedBy(varTotal)));
	const sameForms = candidates.every((c) => c.items.length === itemCount);
	const sem = sd.times(dec(1).minus(alpha).sqrt());
	return {
		...common,
		sd: fixed(sd, 2),
		alpha: fixed(alpha, 2),
		alphaNote: sameForms ? null : 'Estimated: candidates were given different drawn questions, so alpha uses the average number of questions per candidate and the variances of the questions each one took.',
		sem: fixed(sem, 2),
		semExact: sem.toDecimalPlaces(12).toString()
	};
}

export type HistogramBin = { from: string; to: string; label: string; count: number };

/**
 * Percent scores counted in bins of `width` points: a bin "10–20" holds 10 up to, not including, 20;
 * the last bin includes 100.
 */
export function scoreHistogram(percents: readonly string[], width = 10): HistogramBin[] {
	const bins: HistogramBin[] = [];
	for (let from = 0; from < 100; from += width) {
		const to = Math.min(100, from + width);
		bins.push({ from: String(from), to: String(to), label: `${from}–${to}`, count: 0 });
	}
	for (const p of percents) {
		const v = dec(p);
		const index = Math.min(bins.length - 1, Math.max(0, v.dividedBy(width).floor().toNumber()));
		bins[index]!.count++;
	}
	return bins;
}
