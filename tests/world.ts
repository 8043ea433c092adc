// The demo city the server builds every practice sandbox from, generated here too (same seed, same
// city), so tests can pick accounts and amounts they know without clicking around to find them.
import { generateCity } from '../src/lib/domain/city/generate';
import { utilityPaymentTarget } from '../src/lib/domain/utility';
import type { SandboxState } from '../src/lib/domain/model';
import { DENOMINATIONS, STANDARD_FLOAT } from '../src/lib/domain/cashiering/denominations';
import { Money } from '../src/lib/money';

let world: SandboxState | undefined;

export function demoWorld(): SandboxState {
	world ??= generateCity().state;
	return world;
}

/** Open utility accounts that owe something and take checks, with what is due now as a string ("123.45"). */
export function accountsOwing(count: number, skip = 0): Array<{ number: string; name: string; due: string }> {
	const state = demoWorld();
	const out: Array<{ number: string; name: string; due: string }> = [];
	for (const account of Object.values(state.utility.accounts)) {
		if (account.status !== 'active' || account.cashOnlyUntil) continue;
		const quote = utilityPaymentTarget.quote(state, account.number);
		if ('code' in quote || quote.cashOnly || !quote.due.isPositive()) continue;
		if (skip-- > 0) continue;
		out.push({ number: account.number, name: state.utility.customers[account.customerId]!.name, due: quote.due.toString() });
		if (out.length === count) break;
	}
	return out;
}

/** The standard $200.00 float as the open-drawer grid takes it. */
export const FLOAT_COUNTS: Record<string, number> = Object.fromEntries(Object.entries(STANDARD_FLOAT).filter(([, n]) => n > 0));

/** A count of exactly `total`: the float's pieces plus the rest in the largest pieces (as a clerk's drawer would hold it). */
export function countOf(total: Money): Record<string, number> {
	const counts: Record<string, number> = { ...FLOAT_COUNTS };
	let left = total.minus(Money.of('200.00'));
	if (left.isNegative()) throw new Error(`countOf: ${total} is less than the float`);
	for (const d of DENOMINATIONS) {
		const value = Money.of(d.value);
		while (left.gte(value)) {
			counts[d.key] = (counts[d.key] ?? 0) + 1;
			left = left.minus(value);
		}
	}
	return counts;
}
