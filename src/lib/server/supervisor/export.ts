import { dutyLabel } from '$lib/duties';
import { writeCsv } from '$lib/hr/csv';
import { getStore, type Store } from '../store';
import { attemptsOf } from '../training/attempts';
import { cohortOf } from './cohorts';
import { scenarioInfo } from './dashboard';
import { inRange } from './trainee';

/**
 * The cohort's attempts and scores for a date range, as a table for the screen and the same rows
 * as CSV (RFC 4180, with the HR module's writer: quoting and formula-safe cells).
 */

export const EXPORT_COLUMNS = ['Trainee', 'Username', 'Scenario', 'Duty', 'Started', 'Submitted', 'Result', 'Accuracy %', 'Speed %', 'Overall %', 'Time (s)', 'Target (s)', 'Attempt'] as const;

const RESULT: Record<string, string> = { passed: 'Passed', failed: 'Not passed', 'awaiting-review': 'Waiting for grading', 'in-progress': 'In progress' };

export type ExportRow = string[];

/** Rows (as text, exactly as the CSV has them), oldest first then by trainee. */
export async function exportRows(supervisorId: string, from: string, to: string, store: Store = getStore()): Promise<ExportRow[]> {
	const members = await cohortOf(supervisorId, store);
	const scenarios = await scenarioInfo();
	const rows: { key: string; row: ExportRow }[] = [];
	for (const m of members) {
		for (const a of await attemptsOf(m.id, store)) {
			if (!inRange(a, from, to)) continue;
			const num = (n: number | null) => (n === null ? '' : String(n));
			rows.push({
				key: `${a.startedAt}|${m.displayName}|${a.id}`,
				row: [
					m.displayName,
					m.username,
					scenarios.get(a.scenarioId)?.title ?? a.scenarioId,
					dutyLabel(a.duty),
					a.startedAt,
					a.submittedAt ?? '',
					RESULT[a.status] ?? a.status,
					num(a.accuracy),
					num(a.speed),
					num(a.overall),
					num(a.elapsedSeconds),
					String(a.targetSeconds),
					a.id
				]
			});
		}
	}
	return rows.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0)).map((r) => r.row);
}

export function exportCsv(rows: readonly ExportRow[]): string {
	return writeCsv([[...EXPORT_COLUMNS], ...rows]);
}
