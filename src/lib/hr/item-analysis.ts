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

const mean = (xs: Dec[]): Dec => xs.reduce((s, x) => s.plus(x), ZERO).dividedBy(xs.length);
const sumSquares = (xs: Dec[], m: Dec): Dec => xs.reduce((s, x) => s.plus(x.minus(m).pow(2)), ZERO);

/** Pearson's r of two equally long lists; null when either has no spread. */
function correlation(xs: Dec[], ys: Dec[]): Dec | null {
	if (xs.length < 2) return null;
	const mx = mean(xs);
	const my = mean(ys);
	const sxx = sumSquares(xs, mx);
	const syy = sumSquares(ys, my);
	if (sxx.isZero() || syy.isZero()) return null;
	const sxy = xs.reduce((s, x, i) => s.plus(x.minus(mx).times(ys[i]!.minus(my))), ZERO);
	return sxy.dividedBy(sxx.times(syy).sqrt());
}

export function analyzeItems(itemInfo: readonly AnalysisItem[], candidates: readonly CandidateScores[]): ItemAnalysis {
	const totals = new Map<string, Dec>();
	for (const c of candidates) totals.set(c.candidateId, c.items.reduce((s, r) => s.plus(dec(r.points)), ZERO));
	const totalList = [...totals.values()];
	const N = totalList.length;

	// Per item: the candidates who got it, their points, the max.
	type Cell = { candidateId: string; points: Dec; max: Dec; chosen?: number[] };
	const cells = new Map<string, Cell[]>();
	for (const c of candidates) {
		for (const r of c.items) {
			const list = cells.get(r.itemId) ?? [];
			list.push({ candidateId: c.candidateId, points: dec(r.points), max: dec(r.max), ...(r.chosen ? { chosen: r.chosen } : {}) });
			cells.set(r.itemId, list);
		}
	}
	const infoById = new Map(itemInfo.map((i) => [i.itemId, i]));
	const itemIds = [...new Set([...itemInfo.map((i) => i.itemId), ...cells.keys()])];

	const variances = new Map<string, Dec>();
	const items: ItemStats[] = itemIds.map((itemId) => {
		const info = infoById.get(itemId) ?? { itemId, label: itemId, kind: 'unknown' };
		const got = cells.get(itemId) ?? [];
		const n = got.length;
		const max = got.reduce((m, c) => (c.max.gt(m) ? c.max : m), ZERO);
		const pts = got.map((c) => c.points);
		const m = n ? mean(pts) : ZERO;
		if (n >= 2) variances.set(itemId, sumSquares(pts, m).dividedBy(n - 1));
		const facility = n && max.gt(0) ? m.dividedBy(max).times(100) : null;
		const rest = got.map((c) => totals.get(c.candidateId)!.minus(c.points));
		const r = correlation(pts, rest);
		const options = info.options ? optionStats(info.options, got, totals) : null;
		const noAnswer = info.options ? got.filter((c) => !c.chosen || c.chosen.length === 0).length : 0;
		const stats: ItemStats = {
			itemId,
			label: info.label,
			kind: info.kind,
			n,
			max: fixed(max, 2),
			meanPoints: fixed(m, 2),
			facility: facility !== null ? fixed(facility, 1) : null,
			sd: variances.has(itemId) ? fixed(variances.get(itemId)!.sqrt(), 2) : null,
			discrimination: r ? fixed(r, 2) : null,
			options,
			noAnswer,
			flags: []
		};
		stats.flags = flagsOf(stats, r, info.kind);
		return stats;
	});

	return { test: testStats(candidates, totalList, N, variances, cells), items };
}

function optionStats(options: readonly AnalysisOption[], got: readonly { candidateId: string; chosen?: number[] }[], totals: Map<string, Dec>): OptionStats[] {
	return options.map((o, index) => {
		const choosers = got.filter((c) => c.chosen?.includes(index));
		return {
			text: o.text,
			correct: o.correct,
			count: choosers.length,
			percent: got.length ? fixed(dec(choosers.length).dividedBy(got.length).times(100), 1) : '0.0',
			meanTotal: choosers.length ? fixed(mean(choosers.map((c) => totals.get(c.candidateId)!)), 2) : null
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

function testStats(candidates: readonly CandidateScores[], totals: Dec[], N: number, variances: Map<string, Dec>, cells: Map<string, unknown[]>): TestStats {
	const dichotomous = candidates.every((c) => c.items.every((r) => dec(r.points).isZero() || dec(r.points).eq(dec(r.max))));
	const alphaName = dichotomous ? 'KR-20' : "Cronbach's alpha";
	const base = { candidates: N, items: cells.size, alphaName } as const;
	if (N === 0) return { ...base, mean: null, sd: null, lowest: null, highest: null, alpha: null, alphaNote: 'No candidate has been scored yet.', sem: null, semExact: null };
	const m = mean(totals);
	const lowest = totals.reduce((a, b) => (b.lt(a) ? b : a));
	const highest = totals.reduce((a, b) => (b.gt(a) ? b : a));
	const common = { ...base, mean: fixed(m, 2), lowest: fixed(lowest, 2), highest: fixed(highest, 2) };
	if (N < 2) return { ...common, sd: null, alpha: null, alphaNote: 'Reliability needs at least two candidates.', sem: null, semExact: null };
	const varTotal = sumSquares(totals, m).dividedBy(N - 1);
	const sd = varTotal.sqrt();
	const none = (alphaNote: string) => ({ ...common, sd: fixed(sd, 2), alpha: null, alphaNote, sem: null, semExact: null });
	if (varTotal.isZero()) return none('Every candidate has the same total, so reliability cannot be computed.');

	// Average form length and average sum of item variances over each candidate's own items.
	const k = mean(candidates.map((c) => dec(c.items.length)));
	if (k.lt(2)) return none('Reliability needs at least two items per candidate.');
	const sumVar = mean(candidates.map((c) => c.items.reduce((s, r) => s.plus(variances.get(r.itemId) ?? ZERO), ZERO)));
	const alpha = k.dividedBy(k.minus(1)).times(dec(1).minus(sumVar.dividedBy(varTotal)));
	const sameForms = candidates.every((c) => c.items.length === cells.size);
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
