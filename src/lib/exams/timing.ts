/**
 * The exam clock, as pure arithmetic on times the server passes in (milliseconds since the
 * epoch): deadline = start + limit × accommodation, and the grace for saves in flight.
 */
import { dec } from './decimal';

/** Saves sent before the deadline may arrive a little after it (Moodle's graceperiodmin). */
export const SAVE_GRACE_MS = 30_000;
/** Largest time multiplier an accommodation may grant (double time and more is rare). */
export const MAX_ACCOMMODATION = '4';

/**
 * When an attempt's time runs out. `accommodation` is a time multiplier as a decimal string
 * ("1.5" = time and a half), from 1 to 4; the product is truncated to the millisecond.
 * Throws on a multiplier outside that range or a limit that is not a positive whole number.
 */
export function attemptDeadline(startedAtMs: number, limitMinutes: number, accommodation = '1'): number {
	if (!Number.isSafeInteger(startedAtMs)) throw new Error(`start time must be whole milliseconds, got ${startedAtMs}`);
	if (!Number.isInteger(limitMinutes) || limitMinutes < 1) throw new Error(`time limit must be a whole number of minutes, got ${limitMinutes}`);
	const factor = dec(accommodation);
	if (factor.lt(1) || factor.gt(MAX_ACCOMMODATION)) throw new Error(`accommodation must be from 1 to ${MAX_ACCOMMODATION}, got ${accommodation}`);
	return startedAtMs + dec(limitMinutes).times(60_000).times(factor).floor().toNumber();
}

/** Milliseconds left, never below 0 (what the countdown shows). */
export function remainingMs(nowMs: number, deadlineMs: number): number {
	return Math.max(0, deadlineMs - nowMs);
}

/** Is a save arriving at `nowMs` still accepted? Until the deadline plus the grace. */
export function saveAllowed(nowMs: number, deadlineMs: number, graceMs = SAVE_GRACE_MS): boolean {
	return nowMs <= deadlineMs + graceMs;
}
