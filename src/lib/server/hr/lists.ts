/**
 * The eligibility list of a session as every results page needs it, computed in one place from the
 * stored results and the session's scoring choices, so the screen, the CSV and the letters agree.
 */
import { eligibilityList, eligibilityTable, semAsPercent, type EligibilityList, type ListTable } from '$lib/hr/eligibility';
import { analyzeItems, type ItemAnalysis } from '$lib/hr/item-analysis';
import { bandWidth } from '$lib/hr/ranking';
import type { Store } from '../store';
import { analysisInput, resultRows, sessionResults, type SessionResults } from './results';
import type { ExamSession } from './sessions';

export type ListView = 'all' | 'certified';

export type SessionList = {
	results: SessionResults;
	/** Null unless asked for or needed for bands (it is the costly part). */
	analysis: ItemAnalysis | null;
	/** The exam's points (the most common maximum among scored candidates). */
	maxPoints: string | null;
	/** SEM on the percent scale, when reliability could be computed. */
	semPercent: string | null;
	/** Band width in percent points when banding is on and possible. */
	width: string | null;
	list: EligibilityList | null;
	/** Null while essays are waiting (see `waiting`): ranks depend on every score, so none are shown or exported before. */
	table: ListTable | null;
	/** Essays waiting for a person across the session, and the candidates they belong to. */
	waiting: { essays: number; candidates: number };
};

function mostCommon(values: string[]): string | null {
	const counts = new Map<string, number>();
	for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
	let best: string | null = null;
	for (const [v, n] of counts) if (best === null || n > counts.get(best)!) best = v;
	return best;
}

export async function sessionList(store: Store, session: Readonly<ExamSession>, view: ListView = 'all', options: { analysis?: boolean } = {}): Promise<SessionList> {
	const results = await sessionResults(store, session);
	const analysis = options.analysis || session.banding ? analyzeItems(results.items, analysisInput(results)) : null;
	const maxPoints = mostCommon(results.candidates.flatMap((c) => (c.max ? [c.max] : [])));
	const semPercent = analysis?.test.semExact && maxPoints ? semAsPercent(analysis.test.semExact, maxPoints) : null;
	const width = session.banding && semPercent ? bandWidth(semPercent) : null;
	const list = session.passingPoint ? eligibilityList(resultRows(results), session.passingPoint, session.rule, width) : null;
	const waiting = { essays: results.candidates.reduce((n, c) => n + c.pending, 0), candidates: results.candidates.filter((c) => c.pending > 0).length };
	const table = list && waiting.essays === 0 ? eligibilityTable(list, { certifiedOnly: view === 'certified' }) : null;
	return { results, analysis, maxPoints, semPercent, width, list, table, waiting };
}

export const readView = (raw: string | null): ListView => (raw === 'certified' ? 'certified' : 'all');
