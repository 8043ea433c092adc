/**
 * How long an exam minute lasts on this server, and the grace for saves in flight.
 *
 * EXAM_MINUTE_MS (default 60000) shortens every exam clock at once — limits, grace and the
 * sweeper's beat — so end-to-end tests and the load bench can run a 20-minute exam in seconds.
 * Production leaves it unset.
 */
import { attemptDeadline, SAVE_GRACE_MS } from '$lib/exams';

export const REAL_MINUTE_MS = 60_000;

export interface ExamClock {
	/** Milliseconds in one exam minute. */
	minuteMs: number;
	/** Saves that arrive this long after the deadline are still taken (Moodle's graceperiodmin). */
	graceMs: number;
	/** How often the sweeper looks for attempts past their deadline. */
	sweepEveryMs: number;
}

/** An exam clock where a minute lasts `minuteMs`; the 30-second grace and 5-second sweep scale with it. */
export function examClock(minuteMs = REAL_MINUTE_MS): ExamClock {
	if (!Number.isInteger(minuteMs) || minuteMs < 100 || minuteMs > REAL_MINUTE_MS * 10) {
		throw new Error(`EXAM_MINUTE_MS must be a whole number of milliseconds from 100 to 600000, got ${minuteMs}`);
	}
	const scale = (ms: number) => Math.max(1, Math.round((ms * minuteMs) / REAL_MINUTE_MS));
	return { minuteMs, graceMs: scale(SAVE_GRACE_MS), sweepEveryMs: Math.max(100, scale(5_000)) };
}

/** The clock from the environment (EXAM_MINUTE_MS). */
export function examClockFromEnv(env: Record<string, string | undefined> = process.env): ExamClock {
	const raw = env.EXAM_MINUTE_MS?.trim();
	return examClock(raw ? Number(raw) : REAL_MINUTE_MS);
}

/** deadline = start + limit × accommodation, in this clock's minutes. */
export function deadlineOf(startedAt: number, limitMinutes: number, accommodation: string, clock: ExamClock): number {
	const realMs = attemptDeadline(0, limitMinutes, accommodation);
	return startedAt + Math.floor((realMs * clock.minuteMs) / REAL_MINUTE_MS);
}

/** Real milliseconds as exam milliseconds (for "time used" against the limit). */
export function examMs(realMs: number, clock: Pick<ExamClock, 'minuteMs'>): number {
	return Math.round((realMs * REAL_MINUTE_MS) / clock.minuteMs);
}
