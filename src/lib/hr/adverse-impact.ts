/**
 * Adverse impact by the four-fifths rule of the federal Uniform Guidelines on Employee Selection
 * Procedures (29 CFR 1607.4(D)): a group's pass rate below four-fifths (80%) of the rate of the
 * group with the highest rate is generally taken as evidence of adverse impact. It is a signal to
 * look closer, not proof of anything; small groups make the ratio jump, and the notes say so.
 *
 * Rates and ratios are exact fractions compared exactly; the strings are rounded for display.
 */
import { dec, fixed } from '../exams/decimal';

export const FOUR_FIFTHS = '0.8';
/** Below this many applicants a group's ratio moves a lot with one person. */
export const SMALL_GROUP = 30;
export const NOT_STATED = 'Not stated';

export type ImpactRecord = { group: string | null; passed: boolean };

export type ImpactRow = {
	group: string;
	applicants: number;
	passed: number;
	/** Pass rate in percent, 1 place. */
	rate: string;
	/** Rate ÷ the highest group's rate, 2 places; null when nobody passed anywhere. */
	ratio: string | null;
	highest: boolean;
	belowFourFifths: boolean;
	small: boolean;
	/** How many more of this group would have had to pass to reach four-fifths (0 when it does). */
	shortfall: number;
	note: string;
};

export type ImpactReport = {
	rows: ImpactRow[];
	notStated: number;
	/** Plain-language summary lines for the page. */
	summary: string[];
};

const pct = (passed: number, of: number) => (of === 0 ? '0.0' : fixed(dec(passed).dividedBy(of).times(100), 1));

/**
 * Pass rates by group and each group's ratio to the highest rate. Records whose group is null or
 * blank ("declined to state") are counted apart and left out of the comparison.
 */
export function adverseImpact(records: readonly ImpactRecord[], fieldLabel: string): ImpactReport {
	const groups = new Map<string, { applicants: number; passed: number }>();
	let notStated = 0;
	for (const r of records) {
		const g = r.group?.trim();
		if (!g) {
			notStated++;
			continue;
		}
		const c = groups.get(g) ?? { applicants: 0, passed: 0 };
		c.applicants++;
		if (r.passed) c.passed++;
		groups.set(g, c);
	}
	const entries = [...groups].sort(([a], [b]) => a.localeCompare(b));
	const summary: string[] = [];
	if (entries.length === 0) {
		summary.push(`No candidate answered “${fieldLabel}”, so there is nothing to compare.`);
		return { rows: [], notStated, summary };
	}
	// The highest rate, compared as exact fractions.
	let best = entries[0]!;
	for (const e of entries) if (dec(e[1].passed).dividedBy(e[1].applicants).gt(dec(best[1].passed).dividedBy(best[1].applicants))) best = e;
	const bestRate = dec(best[1].passed).dividedBy(best[1].applicants);
	const nobodyPassed = bestRate.isZero();

	const rows: ImpactRow[] = entries.map(([group, c]) => {
		const rate = dec(c.passed).dividedBy(c.applicants);
		const ratio = nobodyPassed ? null : rate.dividedBy(bestRate);
		const below = ratio !== null && ratio.lt(FOUR_FIFTHS);
		const highest = !nobodyPassed && rate.eq(bestRate);
		// Passes needed: the smallest whole number p' with p'/n ≥ 0.8 × best rate.
		const needed = nobodyPassed ? 0 : dec(FOUR_FIFTHS).times(bestRate).times(c.applicants).ceil().toNumber();
		const shortfall = Math.max(0, needed - c.passed);
		const small = c.applicants < SMALL_GROUP;
		const rateText = pct(c.passed, c.applicants);
		let note: string;
		if (nobodyPassed) note = 'Nobody passed in any group.';
		else if (highest) note = `Highest pass rate (${rateText}%): the other groups are compared with it.`;
		else if (below)
			note = `Pass rate ${rateText}% is ${fixed(ratio!, 2)} of the highest group’s, below four-fifths (0.80). ${shortfall === 1 ? 'One more' : `${shortfall} more`} of this group would have had to pass to reach it.`;
		else note = `Pass rate ${rateText}% is ${fixed(ratio!, 2)} of the highest group’s: at or above four-fifths.`;
		if (small && !nobodyPassed) note += ` Only ${c.applicants} ${c.applicants === 1 ? 'candidate' : 'candidates'}: one person more or less passing moves this ratio a lot, so read it with care.`;
		return { group, applicants: c.applicants, passed: c.passed, rate: rateText, ratio: ratio === null ? null : fixed(ratio, 2), highest, belowFourFifths: below, small, shortfall, note };
	});

	if (nobodyPassed) summary.push('Nobody passed, so pass rates cannot be compared.');
	else {
		const low = rows.filter((r) => r.belowFourFifths);
		if (low.length === 0) summary.push(`Every group’s pass rate is at least four-fifths of the highest (${best[0]}, ${pct(best[1].passed, best[1].applicants)}%). The four-fifths rule shows no adverse impact by ${fieldLabel.toLowerCase()}.`);
		else
			summary.push(
				`${low.map((r) => r.group).join(', ')} ${low.length === 1 ? 'passed at a rate' : 'passed at rates'} below four-fifths of the highest group’s (${best[0]}, ${pct(best[1].passed, best[1].applicants)}%). Under the Uniform Guidelines this is generally taken as evidence of adverse impact: review the exam’s content and the passing point before the list is used. It is not by itself proof of unfairness.`
			);
	}
	if (notStated) summary.push(`${notStated} ${notStated === 1 ? 'candidate' : 'candidates'} left “${fieldLabel}” blank and ${notStated === 1 ? 'is' : 'are'} not in the comparison.`);
	return { rows, notStated, summary };
}
