/**
 * The eligibility list of an exam session: who passed, ranked by percent score (ties share a
 * rank), optionally banded, certified under a rule; and the one table that both the screen and
 * the CSV export show, so the two can never disagree.
 */
import { dec, fixed } from '../exams/decimal';
import type { PassingPoint } from '../exams/types';
import { bandScores, certify, rankByScore, type CertificationRule } from './ranking';

export type CandidateResultRow = {
	candidateId: string;
	applicantId: string;
	name: string;
	/** Null when the candidate has no closed attempt (absent, or still sitting). */
	raw: string | null;
	max: string | null;
	percent: string | null;
	/** Items still waiting for a person to score them. */
	pending: number;
	/**
	 * Skills tests whose pass mark the candidate missed ("typing test"): a qualifying standard, so
	 * the candidate is not on the list whatever the written score.
	 */
	skillsMissed?: readonly string[];
};

export type ListEntry = CandidateResultRow & { raw: string; max: string; percent: string; score: string; rank: number; tied: boolean; band: number | null; certified: boolean };

export type EligibilityList = {
	passing: ListEntry[];
	notPassed: (CandidateResultRow & { raw: string; percent: string })[];
	/** Absent, still sitting, or with items waiting for a person: not on the list yet. */
	notScored: CandidateResultRow[];
	passingPoint: PassingPoint;
	rule: CertificationRule;
	bandWidth: string | null;
};

export function describePassingPoint(p: PassingPoint): string {
	return 'percent' in p ? `${p.percent}%` : `${p.points} points`;
}

/** Did the candidate reach the passing point (percent or raw points, inclusive)? */
export function reachesPassingPoint(c: { raw: string; percent: string }, p: PassingPoint): boolean {
	return 'percent' in p ? dec(c.percent).gte(dec(p.percent)) : dec(c.raw).gte(dec(p.points));
}

/**
 * The list: candidates with a complete score who reach the passing point, highest percent first.
 * With `bandWidth` (in percent points), candidates in one band share its rank.
 */
export function eligibilityList(rows: readonly CandidateResultRow[], passingPoint: PassingPoint, rule: CertificationRule, bandWidth: string | null = null): EligibilityList {
	const scored = rows.filter((r): r is CandidateResultRow & { raw: string; max: string; percent: string } => r.raw !== null && r.max !== null && r.percent !== null && r.pending === 0);
	const notScored = rows.filter((r) => !scored.includes(r as never));
	const qualifies = (r: (typeof scored)[number]) => reachesPassingPoint(r, passingPoint) && !r.skillsMissed?.length;
	const passed = scored.filter(qualifies);
	const notPassed = scored.filter((r) => !qualifies(r)).sort((a, b) => a.name.localeCompare(b.name));
	const byName = (a: { name: string; applicantId: string }, b: { name: string; applicantId: string }) => a.name.localeCompare(b.name) || a.applicantId.localeCompare(b.applicantId);
	const ranked = rankByScore(passed.map((r) => ({ ...r, id: r.candidateId, score: r.percent })), byName);
	const withBands = bandWidth === null ? ranked.map((e) => ({ ...e, band: null as number | null })) : bandScores(ranked, bandWidth);
	const certified = new Set(certify(withBands, rule).map((e) => e.candidateId));
	const passing: ListEntry[] = withBands.map(({ id: _id, ...e }) => ({ ...e, band: e.band ?? null, certified: certified.has(e.candidateId) }));
	return { passing, notPassed, notScored, passingPoint, rule, bandWidth };
}

/** The SEM on the percent scale: raw SEM ÷ the exam's points × 100, 2 places (what bands use). */
export function semAsPercent(semRaw: string, maxPoints: string): string | null {
	if (dec(maxPoints).lte(0)) return null;
	return fixed(dec(semRaw).dividedBy(dec(maxPoints)).times(100), 2);
}

export type ListTable = { headers: string[]; rows: string[][] };

/** The list as the screen and the CSV show it: one row per passing candidate, in rank order. */
export function eligibilityTable(list: EligibilityList, options: { certifiedOnly?: boolean } = {}): ListTable {
	const banded = list.bandWidth !== null;
	const headers = ['Rank', ...(banded ? ['Band'] : []), 'Applicant id', 'Name', 'Score (points)', 'Out of', 'Percent', 'Certified'];
	const entries = options.certifiedOnly ? list.passing.filter((e) => e.certified) : list.passing;
	const rows = entries.map((e) => [
		e.tied ? `${e.rank} (tie)` : String(e.rank),
		...(banded ? [String(e.band)] : []),
		e.applicantId,
		e.name,
		e.raw,
		e.max,
		e.percent,
		e.certified ? 'Yes' : 'No'
	]);
	return { headers, rows };
}

export type ScoreNotice = {
	candidateId: string;
	name: string;
	applicantId: string;
	outcome: 'passed' | 'not-passed' | 'not-scored';
	paragraphs: string[];
};

/** The score notice letter's body for every candidate on the roster. */
export function scoreNotices(list: EligibilityList, exam: { title: string; date: string }): ScoreNotice[] {
	const pp = describePassingPoint(list.passingPoint);
	const total = list.passing.length;
	const out: ScoreNotice[] = [];
	for (const e of list.passing) {
		out.push({
			candidateId: e.candidateId,
			name: e.name,
			applicantId: e.applicantId,
			outcome: 'passed',
			paragraphs: [
				`Thank you for taking the ${exam.title} on ${exam.date}. You passed.`,
				`Your score is ${e.raw} out of ${e.max} points (${e.percent}%). The passing point was ${pp}.`,
				list.bandWidth === null
					? `Your rank on the eligibility list is ${e.rank}${e.tied ? ' (tied with other candidates who had the same score)' : ''} of ${total}.`
					: `You are in score band ${e.band} of the eligibility list, which ranks you ${e.rank}${e.tied ? ' together with the others in your band' : ''} of ${total}.`,
				'The hiring department will contact candidates from the list as positions open. Please tell Human Resources if your address, email or telephone number changes.'
			]
		});
	}
	for (const e of list.notPassed) {
		out.push({
			candidateId: e.candidateId,
			name: e.name,
			applicantId: e.applicantId,
			outcome: 'not-passed',
			paragraphs: [
				`Thank you for taking the ${exam.title} on ${exam.date}.`,
				e.skillsMissed?.length && reachesPassingPoint(e, list.passingPoint)
					? `Your score is ${e.raw} out of ${e.max} points (${e.percent}%), which reaches the passing point of ${pp}, but you did not meet the pass mark of the ${e.skillsMissed.join(' and the ')}, which every candidate must meet; so your name will not be placed on this eligibility list.`
					: `Your score is ${e.raw} out of ${e.max} points (${e.percent}%). The passing point was ${pp}, so your name will not be placed on this eligibility list.`,
				'You are welcome to apply when the City next gives this examination. If you believe your score is wrong, you may ask Human Resources in writing to review it.'
			]
		});
	}
	return out.sort((a, b) => a.name.localeCompare(b.name) || a.applicantId.localeCompare(b.applicantId));
}
