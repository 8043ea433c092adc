/** Time shown on exam pages. */

/** A countdown: "1:05:09" or "4:07" (hours only when there are some). */
export function formatClock(ms: number): string {
	const total = Math.max(0, Math.ceil(ms / 1000));
	const h = Math.floor(total / 3600);
	const m = Math.floor((total % 3600) / 60);
	const s = total % 60;
	const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
	return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

/** A length of time in words: "2 hours 30 minutes", "12 min 5 s". */
export function formatMinutes(minutes: number): string {
	const h = Math.floor(minutes / 60);
	const m = minutes % 60;
	const part = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
	if (h === 0) return part(m, 'minute');
	return m === 0 ? part(h, 'hour') : `${part(h, 'hour')} ${part(m, 'minute')}`;
}

export function formatDuration(ms: number): string {
	const total = Math.max(0, Math.round(ms / 1000));
	const m = Math.floor(total / 60);
	const s = total % 60;
	return m === 0 ? `${s} s` : `${m} min ${s} s`;
}

export const STATUS_LABELS = {
	'in-progress': 'In progress',
	submitted: 'Submitted',
	'closed-at-deadline': 'Closed at the time limit',
	voided: 'Voided by the proctor'
} as const;
