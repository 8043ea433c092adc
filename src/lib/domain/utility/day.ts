import { Money, min, sum } from '$lib/money';
import { addDays, addMonths, lastOfMonth, type BusinessDate } from '../dates';
import { journal } from '../ledger';
import type { EventApplier, ProposedEvent, SandboxState } from '../model';
import { wireMoney } from '../wire-money';
import { planBill } from './billing';
import { cr, dep, ua } from './gl';
import { IdAllocator, claimId } from './ids';
import { own } from './input';
import { depositDue, itemsOf } from './items';
import { defaultingInstallment, planProgress } from './plans';
import { latePenalty } from './rates';
import type { Bill, Item, UtilityAccount } from './types';

/**
 * Day-start work (`onNewDay`): service starts, late penalties the day after each delinquent date,
 * penalties taken back for mail postmarked in time, the deposit credited after 12 on-time months,
 * plan defaults, and the bill run on the 5th. One id allocator serves the whole day's events.
 */

/** Bills in a row (latest first) paid by their delinquent date before the deposit is credited. */
export const ON_TIME_MONTHS_FOR_DEPOSIT = 12;
/** How long after a penalty a mail payment postmarked in time can still take it back (illustrative). */
const POSTMARK_LOOKBACK_DAYS = 60;

function activations(state: Readonly<SandboxState>, date: BusinessDate): ProposedEvent[] {
	return Object.values(state.utility.accounts)
		.filter((a) => a.status === 'pending' && a.startDate <= date && depositDue(state, a.number).isZero())
		.map((a) => ({ type: 'utility.account-activated', account: a.number }));
}

function penaltyOn(bill: Bill, items: readonly Item[]): Item | undefined {
	return items.find((i) => i.kind === 'penalty' && i.billId === bill.id);
}

// A bill is on time when it drew no penalty, or its penalty was taken back in full.
function onTime(bill: Bill, items: readonly Item[]): boolean {
	const p = penaltyOn(bill, items);
	return !p || p.amount.isZero();
}

// The deposit comes back as a credit once the last 12 bills (this one included) were all paid on time.
function depositCredit(state: Readonly<SandboxState>, account: UtilityAccount, bill: Bill, billsByAccount: () => Map<string, Bill[]>): ProposedEvent | null {
	if (!account.depositHeld.isPositive() || account.status !== 'active') return null;
	const items = itemsOf(state, account.number);
	const past = (billsByAccount().get(account.number) ?? []).filter((b) => b.delinquentDate <= bill.delinquentDate);
	const recent = past.slice(-ON_TIME_MONTHS_FOR_DEPOSIT);
	if (recent.length < ON_TIME_MONTHS_FOR_DEPOSIT || !recent.every((b) => b.id === bill.id || onTime(b, items))) return null;
	return {
		type: 'utility.deposit-credited',
		account: account.number,
		amount: account.depositHeld.toString(),
		journal: journal(`Deposit credited after ${ON_TIME_MONTHS_FOR_DEPOSIT} on-time months, ${account.number}`, [
			{ account: '2110', debit: account.depositHeld, sub: dep(account.number) },
			{ account: '2120', credit: account.depositHeld, sub: cr(account.number) }
		])
	};
}

function groupByAccount(bills: readonly Bill[]): Map<string, Bill[]> {
	const map = new Map<string, Bill[]>();
	for (const b of bills) {
		const list = map.get(b.account);
		if (list) list.push(b);
		else map.set(b.account, [b]);
	}
	return map;
}

// The day after a bill's delinquent date: 10% of its unpaid charges or $6.00, whichever is greater.
function penalties(state: Readonly<SandboxState>, ids: IdAllocator, date: BusinessDate): ProposedEvent[] {
	const yesterday = addDays(date, -1);
	const events: ProposedEvent[] = [];
	// Built at most once a day, and only on a morning after a delinquent date: every bill by account, oldest first.
	let index: Map<string, Bill[]> | undefined;
	const billsByAccount = () => (index ??= groupByAccount(Object.values(state.utility.bills)));
	for (const billId of own(state.utility.billsDueOn, yesterday) ?? []) {
		const bill = state.utility.bills[billId]!;
		const account = state.utility.accounts[bill.account]!;
		const unpaid = itemsOf(state, bill.account).find((i) => i.id === bill.itemId)?.remaining ?? Money.ZERO;
		const penalty = latePenalty(unpaid);
		if (penalty.isPositive()) {
			events.push({
				type: 'utility.penalty-assessed',
				account: bill.account,
				billId: bill.id,
				itemId: ids.next('item'),
				basis: unpaid.toString(),
				amount: penalty.toString(),
				dueDate: bill.delinquentDate,
				journal: journal(`Late penalty on bill ${bill.id}, ${bill.account}`, [
					{ account: '1210', debit: penalty, sub: ua(bill.account) },
					{ account: '4150', credit: penalty }
				])
			});
		} else {
			const credit = depositCredit(state, account, bill, billsByAccount);
			if (credit) events.push(credit);
		}
	}
	return events;
}

/** Paid toward `bill` by mail postmarked by its delinquent date but received after it. */
export function postmarkedInTime(state: Readonly<SandboxState>, bill: Bill): Money {
	const records = own(state.utility.payments, bill.account) ?? [];
	const onTimeMail = records.filter((p) => !p.reversed && p.postmark !== undefined && p.postmark <= bill.delinquentDate && p.date > bill.delinquentDate);
	return sum(onTimeMail.flatMap((p) => p.allocations.filter((a) => a.itemId === bill.itemId).map((a) => a.amount)));
}

// Postmark rule: a penalty is refigured as if the mail payment had arrived on the delinquent date.
function postmarkRelief(state: Readonly<SandboxState>, date: BusinessDate): ProposedEvent[] {
	const since = addDays(date, -POSTMARK_LOOKBACK_DAYS);
	const events: ProposedEvent[] = [];
	for (const [account, items] of Object.entries(state.utility.items)) {
		for (const item of items) {
			if (item.kind !== 'penalty' || !item.billId || !item.penaltyBasis || item.postedOn < since) continue;
			const bill = state.utility.bills[item.billId]!;
			const correct = latePenalty(item.penaltyBasis.minus(postmarkedInTime(state, bill)));
			const reduction = item.amount.minus(correct);
			if (!reduction.isPositive()) continue;
			const offItem = min(reduction, item.remaining);
			const toCredit = reduction.minus(offItem);
			events.push({
				type: 'utility.penalty-reduced',
				account,
				itemId: item.id,
				amount: reduction.toString(),
				offItem: offItem.toString(),
				toCredit: toCredit.toString(),
				journal: journal(`Penalty taken back: payment postmarked by the delinquent date, ${account}`, [
					{ account: '4150', debit: reduction },
					{ account: '1210', credit: offItem, sub: ua(account) },
					{ account: '2120', credit: toCredit, sub: cr(account) }
				])
			});
		}
	}
	return events;
}

function planDefaults(state: Readonly<SandboxState>, date: BusinessDate): ProposedEvent[] {
	const events: ProposedEvent[] = [];
	for (const plan of Object.values(state.utility.plans)) {
		const late = defaultingInstallment(state, plan, date);
		if (late === null) continue;
		events.push({ type: 'utility.plan-defaulted', planId: plan.id, account: plan.account, installmentNo: late, remaining: plan.total.minus(planProgress(state, plan)).toString() });
	}
	return events;
}

// On the 5th: every account with service is billed through the end of the previous month.
function billRun(state: Readonly<SandboxState>, ids: IdAllocator, date: BusinessDate): ProposedEvent[] {
	if (date.slice(8) !== '05') return [];
	const through = lastOfMonth(addMonths(date, -1));
	const events: ProposedEvent[] = [];
	for (const account of Object.values(state.utility.accounts)) {
		if (account.status !== 'active' && account.status !== 'disconnected') continue;
		if (account.billedThrough && account.billedThrough >= through) continue;
		const bill = planBill(state, ids, account, { billDate: date, through, final: false });
		if (bill) events.push(bill.event);
	}
	return events;
}

export function onNewDay(state: Readonly<SandboxState>, date: BusinessDate): ProposedEvent[] {
	const ids = new IdAllocator(state);
	return [...activations(state, date), ...penalties(state, ids, date), ...postmarkRelief(state, date), ...planDefaults(state, date), ...billRun(state, ids, date)];
}

export const dayEvents: Record<string, EventApplier> = {
	'utility.penalty-assessed': (state, event) => {
		const amount = wireMoney(event.amount as string);
		const bill = state.utility.bills[event.billId as string]!;
		(state.utility.items[event.account as string] ??= []).push({
			id: event.itemId as string,
			kind: 'penalty',
			description: `Late penalty on bill ${bill.id}`,
			postedOn: event.date,
			billDate: bill.billDate,
			dueDate: event.dueDate as string,
			amount,
			remaining: amount,
			billId: bill.id,
			penaltyBasis: wireMoney(event.basis as string)
		});
		claimId(state, 'item', event.itemId as string);
	},
	'utility.penalty-reduced': (state, event) => {
		const n = event.account as string;
		const item = state.utility.items[n]!.find((i) => i.id === event.itemId)!;
		item.amount = item.amount.minus(wireMoney(event.amount as string));
		item.remaining = item.remaining.minus(wireMoney(event.offItem as string));
		const account = state.utility.accounts[n]!;
		account.credit = account.credit.plus(wireMoney(event.toCredit as string));
	},
	'utility.deposit-credited': (state, event) => {
		const account = state.utility.accounts[event.account as string]!;
		const amount = wireMoney(event.amount as string);
		account.depositHeld = account.depositHeld.minus(amount);
		account.credit = account.credit.plus(amount);
	}
};
