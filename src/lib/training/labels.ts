/** Words and numbers the training pages share (server and browser). */

export const DIFFICULTY_LABELS: Record<1 | 2 | 3, string> = { 1: 'Routine', 2: 'Moderate', 3: 'Tricky' };

export const STATUS_LABELS: Record<'passed' | 'failed' | 'awaiting-review' | 'in-progress', string> = {
	passed: 'Passed',
	failed: 'Not passed',
	'awaiting-review': 'Waiting for a supervisor',
	'in-progress': 'In progress'
};

/** "2:05" for 125 seconds; "1:02:05" past an hour. */
export function clockTime(totalSeconds: number): string {
	const s = Math.max(0, Math.floor(totalSeconds));
	const h = Math.floor(s / 3600);
	const m = Math.floor((s % 3600) / 60);
	const sec = String(s % 60).padStart(2, '0');
	return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

/** "2 min 30 s", "45 s", "3 min" for a target or a time taken, in words a screen reader reads well. */
export function spokenDuration(totalSeconds: number): string {
	const s = Math.max(0, Math.round(totalSeconds));
	const m = Math.floor(s / 60);
	const rest = s % 60;
	if (m === 0) return `${rest} s`;
	return rest === 0 ? `${m} min` : `${m} min ${rest} s`;
}
