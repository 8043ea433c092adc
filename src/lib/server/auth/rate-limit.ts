/**
 * Counts failed sign-ins per key (a username, an IP address) in a sliding window. Kept in memory:
 * a restart forgives, which is acceptable for a counter-side app behind the city's network.
 */
export class FailureLimiter {
	#failures = new Map<string, number[]>();

	constructor(
		readonly maxFailures: number,
		readonly windowMs: number
	) {}

	#recent(key: string, now: number): number[] {
		const kept = (this.#failures.get(key) ?? []).filter((t) => t > now - this.windowMs);
		if (kept.length) this.#failures.set(key, kept);
		else this.#failures.delete(key);
		return kept;
	}

	/** Milliseconds until `key` may try again; 0 when it is not blocked. */
	blockedFor(key: string, now: number): number {
		const recent = this.#recent(key, now);
		if (recent.length < this.maxFailures) return 0;
		// Blocked until the oldest failure that keeps the count at the limit leaves the window.
		return recent[recent.length - this.maxFailures]! + this.windowMs - now;
	}

	recordFailure(key: string, now: number): void {
		this.#failures.set(key, [...this.#recent(key, now), now]);
	}

	reset(key: string): void {
		this.#failures.delete(key);
	}
}

/** "3 minutes" / "1 minute" for a wait, rounded up to whole minutes. */
export function describeWait(ms: number): string {
	const minutes = Math.max(1, Math.ceil(ms / 60_000));
	return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}
