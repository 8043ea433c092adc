import { Money } from '$lib/money';

/**
 * Money read back from an event (a canonical string such as "28.50"). Replaying a long log meets the
 * same few thousand amounts (rates, fees, penalties) hundreds of thousands of times; Money is
 * immutable, so equal strings share one value instead of each being parsed and kept again. The table
 * is bounded: when full it starts over, so it never holds more than a small, recent set.
 */
const MAX_SHARED = 10_000;
const shared = new Map<string, Money>();

export function wireMoney(canonical: string): Money {
	let value = shared.get(canonical);
	if (value === undefined) {
		value = Money.of(canonical);
		if (shared.size >= MAX_SHARED) shared.clear();
		shared.set(canonical, value);
	}
	return value;
}
