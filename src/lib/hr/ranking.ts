/**
 * Eligibility lists: ranking by score with ties sharing a rank, certification under a rule of
 * 1, 3, 10 or the whole list, and score bands from the standard error of measurement.
 *
 * Scores are plain decimal strings compared exactly (never as JS numbers).
 */
import { dec, fixed } from '../exams/decimal';

export type ScoredEntry = { id: string; score: string };
export type Ranked<T> = T & { rank: number; tied: boolean };

/**
 * Highest score first; equal scores share a rank and the next rank skips the places they took
 * (1, 2, 2, 4: "competition ranking", as civil-service lists number them). Within a tie the
 * `order` function (default: by id) only sets the printed order; it never changes a rank.
 */
export function rankByScore<T extends ScoredEntry>(entries: readonly T[], order: (a: T, b: T) => number = (a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)): Ranked<T>[] {
	const sorted = [...entries].sort((a, b) => dec(b.score).comparedTo(dec(a.score)) || order(a, b));
	const out: Ranked<T>[] = [];
	sorted.forEach((e, i) => {
		const prev = out[i - 1];
		const rank = prev && dec(prev.score).eq(dec(e.score)) ? prev.rank : i + 1;
		out.push({ ...e, rank, tied: false });
	});
	const perRank = new Map<number, number>();
	for (const e of out) perRank.set(e.rank, (perRank.get(e.rank) ?? 0) + 1);
	for (const e of out) e.tied = (perRank.get(e.rank) ?? 0) > 1;
	return out;
}

export const CERTIFICATION_RULES = ['1', '3', '10', 'all'] as const;
export type CertificationRule = (typeof CERTIFICATION_RULES)[number];

export const RULE_LABELS: Record<CertificationRule, string> = {
	'1': 'Rule of 1',
	'3': 'Rule of 3',
	'10': 'Rule of 10',
	all: 'Whole list'
};

export function isCertificationRule(value: unknown): value is CertificationRule {
	return typeof value === 'string' && (CERTIFICATION_RULES as readonly string[]).includes(value);
}

/**
 * The candidates certified to the hiring department under a rule: everyone whose rank is within
 * the rule (rule of 3 = ranks 1 to 3). Candidates tied at the last rank are all certified, so the
 * list can be longer than the rule's number, never shorter unless the list itself is.
 */
export function certify<T extends { rank: number }>(ranked: readonly T[], rule: CertificationRule): T[] {
	if (rule === 'all') return [...ranked];
	const n = Number(rule);
	return ranked.filter((e) => e.rank <= n);
}

/** z for a two-sided 95% confidence: the usual width of a band. */
export const BAND_CONFIDENCE = '1.96';

/**
 * The width of a score band: z × SEM × √2, the standard error of the difference between two
 * candidates' scores (Cascio et al., 1991), rounded half-up to two decimals. Two scores closer
 * than this cannot be told apart with 95% confidence.
 */
export function bandWidth(sem: string, z: string = BAND_CONFIDENCE): string {
	return fixed(dec(z).times(dec(sem)).times(dec(2).sqrt()), 2);
}

export type Banded<T> = T & { band: number; bandTop: string; bandFloor: string };

/**
 * Fixed bands from the top: band 1 holds every score within `width` of the highest score
 * (floor = top − width, inclusive); band 2 starts at the highest score below that floor; and so on.
 * Candidates in one band count as equally qualified: their rank becomes the band's rank (ties share
 * it, the next band's rank skips), so certification rules work on bands the same way.
 * `ranked` must be highest score first (rankByScore's order).
 */
export function bandScores<T extends ScoredEntry & { rank: number; tied: boolean }>(ranked: readonly T[], width: string): Banded<T>[] {
	const w = dec(width);
	if (w.isNegative()) throw new Error(`band width must not be negative, got ${width}`);
	const out: Banded<T>[] = [];
	let band = 0;
	let top = '';
	let floor = dec(0);
	for (const e of ranked) {
		const score = dec(e.score);
		if (band === 0 || score.lt(floor)) {
			band++;
			top = e.score;
			floor = score.minus(w);
		}
		out.push({ ...e, band, bandTop: top, bandFloor: fixed(floor, 2), rank: 0, tied: false });
	}
	// Ranks by band: band members share the rank of the band's first member.
	let rank = 0;
	out.forEach((e, i) => {
		if (i === 0 || out[i - 1]!.band !== e.band) rank = i + 1;
		e.rank = rank;
	});
	const perBand = new Map<number, number>();
	for (const e of out) perBand.set(e.band, (perBand.get(e.band) ?? 0) + 1);
	for (const e of out) e.tied = (perBand.get(e.band) ?? 0) > 1;
	return out;
}
