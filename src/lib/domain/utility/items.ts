import { Money, min, sum } from '$lib/money';
import { addMonths, daysBetween, type BusinessDate } from '../dates';
import type { SandboxState } from '../model';
import { wireMoney } from '../wire-money';
import { own } from './input';
import type { Allocation, Item, UtilityAccount } from './types';

/**
 * What a utility customer owes, item by item: balances, past due, aging, and the payment
 * application order of POLICY.md §1 (fees and penalties, then the oldest charges by bill date,
 * then current charges; the deposit due comes first because service waits on it — illustrative).
 */

export function itemsOf(state: Readonly<SandboxState>, account: string): readonly Item[] {
	return own(state.utility.items, account) ?? [];
}

/** Deposit items are owed but not receivable: a deposit is a liability once paid, never revenue. */
export function isLedgerItem(item: Item): boolean {
	return item.kind !== 'deposit';
}

// Group in the application order; a penalty posted after a mail payment's postmark goes last,
// because that payment was on time and the penalty is taken back the next morning.
function rank(item: Item, postmark?: BusinessDate): number {
	if (item.kind === 'deposit') return 0;
	if (item.kind === 'penalty' && postmark !== undefined && item.postedOn > postmark) return 3;
	return item.kind === 'charge' ? 2 : 1;
}

// Within a group: oldest first (charges by bill date, the rest by posting date), then by id.
function olderFirst(a: Item, b: Item): number {
	const da = a.kind === 'charge' ? a.billDate : a.postedOn;
	const db = b.kind === 'charge' ? b.billDate : b.postedOn;
	return da < db ? -1 : da > db ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Unpaid items in the order a payment pays them. */
export function paymentOrder(items: readonly Item[], postmark?: BusinessDate): Item[] {
	// Items are kept oldest first, so each group is nearly always in order already: only a group that
	// is not gets sorted (stably, so the result is the same as sorting everything by group, date, id).
	const groups: [Item[], Item[], Item[], Item[]] = [[], [], [], []];
	for (const i of items) if (i.remaining.isPositive()) groups[rank(i, postmark)]!.push(i);
	const inOrder = (g: readonly Item[]) => g.every((i, k) => k === 0 || olderFirst(g[k - 1]!, i) <= 0);
	for (const g of groups) if (!inOrder(g)) g.sort(olderFirst);
	return groups[0].concat(groups[1], groups[2], groups[3]);
}

/** Spreads `amount` over `ordered` items up to what each still owes; `left` is what nothing absorbed. */
export function allocate(ordered: readonly { id: string; remaining: Money }[], amount: Money): { allocations: Allocation[]; left: Money } {
	const allocations: Allocation[] = [];
	let left = amount;
	for (const item of ordered) {
		if (!left.isPositive()) break;
		const take = min(left, item.remaining);
		if (!take.isPositive()) continue;
		allocations.push({ itemId: item.id, amount: take });
		left = left.minus(take);
	}
	return { allocations, left };
}

export function allocationTotal(allocations: readonly Allocation[]): Money {
	return sum(allocations.map((a) => a.amount));
}

/** Copies of `items` as they stand after `allocations` (a decision that plans several steps at once). */
export function withAllocations(items: readonly Item[], allocations: readonly Allocation[]): Item[] {
	return items.map((i) => {
		const paid = allocationTotal(allocations.filter((a) => a.itemId === i.id));
		return paid.isZero() ? i : { ...i, remaining: i.remaining.minus(paid) };
	});
}

/** Allocations as events carry them. */
export type WireAllocation = { itemId: string; amount: string };

export function toWire(allocations: readonly Allocation[]): WireAllocation[] {
	return allocations.map((a) => ({ itemId: a.itemId, amount: a.amount.toString() }));
}

export function fromWire(raw: unknown): Allocation[] {
	return ((raw ?? []) as WireAllocation[]).map((a) => ({ itemId: a.itemId, amount: wireMoney(a.amount) }));
}

/** Applier side: take allocations off (sign 1) or put them back on (sign -1) the account's items. */
export function applyAllocations(state: SandboxState, account: string, allocations: readonly Allocation[], sign: 1 | -1 = 1): void {
	const items = own(state.utility.items, account) ?? [];
	for (const a of allocations) {
		const item = items.find((i) => i.id === a.itemId);
		if (item) item.remaining = sign === 1 ? item.remaining.minus(a.amount) : item.remaining.plus(a.amount);
	}
}

/** Everything owed now, deposit due included (what the counter collects). */
export function balanceOwed(state: Readonly<SandboxState>, account: string): Money {
	return sum(itemsOf(state, account).map((i) => i.remaining));
}

/** The receivable part (what 1210 ua:<account> holds). */
export function receivableBalance(state: Readonly<SandboxState>, account: string): Money {
	return sum(itemsOf(state, account).filter(isLedgerItem).map((i) => i.remaining));
}

export function depositDue(state: Readonly<SandboxState>, account: string): Money {
	return sum(itemsOf(state, account).filter((i) => i.kind === 'deposit').map((i) => i.remaining));
}

function pastDueItems(state: Readonly<SandboxState>, account: string, today: BusinessDate): Item[] {
	return itemsOf(state, account).filter((i) => isLedgerItem(i) && i.remaining.isPositive() && i.dueDate < today);
}

/** Unpaid items whose delinquent date has passed. */
export function pastDue(state: Readonly<SandboxState>, account: string, today: BusinessDate): Money {
	return sum(pastDueItems(state, account, today).map((i) => i.remaining));
}

/** Days since the oldest unpaid item became delinquent (0 when nothing is past due). */
export function daysDelinquent(state: Readonly<SandboxState>, account: string, today: BusinessDate): number {
	const dates = pastDueItems(state, account, today).map((i) => i.dueDate);
	if (dates.length === 0) return 0;
	return daysBetween(dates.reduce((a, b) => (a < b ? a : b)), today);
}

export type Aging = { current: Money; days1to30: Money; days31to60: Money; days61to90: Money; over90: Money };

/** Unpaid receivable items by days past their delinquent date. */
export function aging(state: Readonly<SandboxState>, account: string, today: BusinessDate): Aging {
	const buckets: Aging = { current: Money.ZERO, days1to30: Money.ZERO, days31to60: Money.ZERO, days61to90: Money.ZERO, over90: Money.ZERO };
	for (const item of itemsOf(state, account)) {
		if (!isLedgerItem(item) || !item.remaining.isPositive()) continue;
		const late = daysBetween(item.dueDate, today);
		const key: keyof Aging = late <= 0 ? 'current' : late <= 30 ? 'days1to30' : late <= 60 ? 'days31to60' : late <= 90 ? 'days61to90' : 'over90';
		buckets[key] = buckets[key].plus(item.remaining);
	}
	return buckets;
}

export type AccountBalance = {
	owed: Money;
	receivable: Money;
	depositDue: Money;
	depositHeld: Money;
	credit: Money;
	pastDue: Money;
	daysDelinquent: number;
};

/** The figures an account screen shows. */
export function accountBalance(state: Readonly<SandboxState>, account: UtilityAccount, today: BusinessDate): AccountBalance {
	return {
		owed: balanceOwed(state, account.number),
		receivable: receivableBalance(state, account.number),
		depositDue: depositDue(state, account.number),
		depositHeld: account.depositHeld,
		credit: account.credit,
		pastDue: pastDue(state, account.number, today),
		daysDelinquent: daysDelinquent(state, account.number, today)
	};
}

/** Penalties charged (and not taken back) in the 12 months up to `today`, i.e. late payments. */
export function latePaymentsWithin12Months(state: Readonly<SandboxState>, account: string, today: BusinessDate): Item[] {
	const since = addMonths(today, -12);
	return itemsOf(state, account).filter((i) => i.kind === 'penalty' && i.amount.isPositive() && i.postedOn > since);
}
