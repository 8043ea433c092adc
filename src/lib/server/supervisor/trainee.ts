import { DUTIES, dutyLabel } from '$lib/duties';
import { dutyMastery, MASTERY_LABELS, type MasteryStatus } from '$lib/training/progress';
import { getUser } from '../auth/users';
import { getStore, type Store } from '../store';
import { attemptsOf, type AttemptSummary } from '../training/attempts';
import { inCohort } from './cohorts';
import { scenarioInfo } from './dashboard';
import { signOffsOf, type SignOff } from './signoffs';

/**
 * One trainee as their supervisor sees them: accuracy and speed over time, each duty, exam
 * practice, and the attempts list with filters. Only for a trainee in the supervisor's cohort.
 */

export const STATUS_FILTERS = { passed: 'Passed', failed: 'Not passed', 'awaiting-review': 'Waiting for grading', 'in-progress': 'In progress' } as const;
export type StatusFilter = keyof typeof STATUS_FILTERS;
export type AttemptFilters = { duty: string; status: string; from: string; to: string };
export type AttemptRow = AttemptSummary & { title: string; dutyLabel: string };
export type DutyRow = { duty: string; label: string; status: MasteryStatus; statusLabel: string; graded: number; streak: number; averageAccuracy: number | null; attempts: number; signedOff: SignOff | null };

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Filters from the query string; anything not understood is dropped with a message, never an error page. */
export function readFilters(params: URLSearchParams): { filters: AttemptFilters; problems: string[] } {
	const problems: string[] = [];
	const duty = params.get('duty') ?? '';
	const status = params.get('status') ?? '';
	const from = params.get('from') ?? '';
	const to = params.get('to') ?? '';
	const filters: AttemptFilters = { duty: '', status: '', from: '', to: '' };
	if (duty && DUTIES.some((d) => d.id === duty)) filters.duty = duty;
	else if (duty) problems.push('That duty is not one of the list, so attempts of every duty are shown.');
	if (status && Object.hasOwn(STATUS_FILTERS, status)) filters.status = status;
	else if (status) problems.push('That result is not one of the list, so every result is shown.');
	for (const [name, value, label] of [['from', from, 'From'], ['to', to, 'To']] as const) {
		if (!value) continue;
		if (DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`))) filters[name] = value;
		else problems.push(`${label} date must be a date like 2026-11-01; it was left out.`);
	}
	if (filters.from && filters.to && filters.from > filters.to) problems.push('The From date is after the To date, so no attempt can match.');
	return { filters, problems };
}

/** Attempts started within a date range, inclusive (dates are compared as the attempt's UTC day). */
export function inRange(a: Pick<AttemptSummary, 'startedAt'>, from: string, to: string): boolean {
	const day = a.startedAt.slice(0, 10);
	return (!from || day >= from) && (!to || day <= to);
}

export function filterAttempts<T extends AttemptSummary>(lines: readonly T[], f: AttemptFilters): T[] {
	return lines.filter((a) => (!f.duty || a.duty === f.duty) && (!f.status || a.status === f.status) && inRange(a, f.from, f.to));
}

export async function cohortTrainee(supervisorId: string, traineeId: string, store: Store = getStore()) {
	if (!/^[A-Za-z0-9_-]{1,40}$/.test(traineeId) || !(await inCohort(supervisorId, traineeId, store))) return undefined;
	const user = await getUser(store, traineeId);
	return user ? { id: user.id, username: user.username, displayName: user.displayName, active: user.active } : undefined;
}

export function dutyRows(lines: readonly AttemptSummary[], signed: Readonly<Record<string, SignOff>>): DutyRow[] {
	return DUTIES.map((d) => {
		const m = dutyMastery(d.id, lines);
		return {
			duty: d.id,
			label: d.label,
			status: m.status,
			statusLabel: MASTERY_LABELS[m.status],
			graded: m.graded,
			streak: m.streak,
			averageAccuracy: m.averageAccuracy,
			attempts: lines.filter((a) => a.duty === d.id).length,
			signedOff: signed[d.id] ?? null
		};
	});
}

export async function traineeData(traineeId: string, params: URLSearchParams, store: Store = getStore()) {
	const [lines, signed, scenarios] = await Promise.all([attemptsOf(traineeId, store), signOffsOf(traineeId, store), scenarioInfo()]);
	const rows: AttemptRow[] = lines
		.map((a) => ({ ...a, title: scenarios.get(a.scenarioId)?.title ?? a.scenarioId, dutyLabel: dutyLabel(a.duty) }))
		.sort((a, b) => (a.startedAt < b.startedAt ? 1 : -1));
	const { filters, problems } = readFilters(params);
	// Accuracy and speed over time: submitted attempts, oldest first.
	const timeline = rows
		.filter((a) => a.submittedAt !== null && a.accuracy !== null)
		.reverse()
		.map((a) => ({ id: a.id, submittedAt: a.submittedAt!, title: a.title, accuracy: a.accuracy!, speed: a.speed, status: a.status }));
	return { attempts: filterAttempts(rows, filters), total: rows.length, filters, problems, timeline, duties: dutyRows(lines, signed) };
}
