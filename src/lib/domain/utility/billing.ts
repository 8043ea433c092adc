import { Money, sum } from '$lib/money';
import { addDays, formatLongDate, type BusinessDate } from '../dates';
import { journal, type GlAccount } from '../ledger';
import type { DomainEvent, ProposedEvent, SandboxState } from '../model';
import { wireMoney } from '../wire-money';
import { cr, ua } from './gl';
import { claimId, type IdAllocator } from './ids';
import { own } from './input';
import { allocate, allocationTotal, applyAllocations, fromWire, isLedgerItem, itemsOf, paymentOrder, toWire } from './items';
import { DELINQUENT_AFTER_DAYS, billLines, segmentsOf } from './rates';
import type { Bill, BillLine, Item, MeterRead, Service, UtilityAccount } from './types';

/**
 * Building a bill: the unbilled days of fixed charges, water use since the last billed read, and
 * the customer's credit balance applied to it at once. Used by the day-start run on the 5th, the
 * clerk's "run bill" and the final bill at stop.
 */

/** The last meter read on or before `date`. */
export function latestRead(state: Readonly<SandboxState>, account: string, date: BusinessDate): MeterRead | undefined {
	const reads = own(state.utility.reads, account) ?? [];
	for (let i = reads.length - 1; i >= 0; i--) if (reads[i]!.date <= date) return reads[i];
	return undefined;
}

/** First day not yet billed. */
export function unbilledFrom(account: UtilityAccount): BusinessDate {
	return account.billedThrough ? addDays(account.billedThrough, 1) : account.startDate;
}

export type BillOptions = {
	billDate: BusinessDate;
	/** Last day of service on this bill. */
	through: BusinessDate;
	final: boolean;
	/** The read to bill to (the final read not yet recorded); otherwise the latest read. */
	readTo?: MeterRead;
	/** Items and credit as they will stand when the bill posts (a stop computes several steps at once). */
	items?: readonly Item[];
	credit?: Money;
};

export type PlannedBill = { event: ProposedEvent; item: Item; creditAllocations: ReturnType<typeof allocate>['allocations']; creditApplied: Money; total: Money };

/** The bill-issued event for `account`, or null when there is nothing to bill. */
export function planBill(state: Readonly<SandboxState>, ids: IdAllocator, account: UtilityAccount, opts: BillOptions): PlannedBill | null {
	const from = unbilledFrom(account);
	const segments = from <= opts.through ? segmentsOf(from, opts.through) : [];
	const last = latestRead(state, account.number, opts.billDate);
	const readTo = opts.readTo ?? (last && last.date >= account.lastBilledRead.date ? last : account.lastBilledRead);
	const use = Math.max(0, readTo.reading - account.lastBilledRead.reading);
	const lines = billLines(account, segments, use);
	if (lines.length === 0) return null;

	const billId = ids.next('bill');
	const itemId = ids.next('item');
	const total = sum(lines.map((l) => l.amount));
	const delinquentDate = addDays(opts.billDate, DELINQUENT_AFTER_DAYS);
	const periodFrom = segments.length > 0 ? from : opts.through;
	const item: Item = {
		id: itemId,
		kind: 'charge',
		description: `${opts.final ? 'Final bill' : 'Bill'} ${billId}, ${formatLongDate(periodFrom)} – ${formatLongDate(opts.through)}`,
		postedOn: opts.billDate,
		billDate: opts.billDate,
		dueDate: delinquentDate,
		amount: total,
		remaining: total,
		billId
	};
	// A credit balance pays the new bill (and anything older on the ledger) at once. Not a deposit due:
	// that is owed outside 1210 and is paid at the counter into 2110.
	const credit = opts.credit ?? account.credit;
	const { allocations } = allocate(paymentOrder([...(opts.items ?? itemsOf(state, account.number)), item].filter(isLedgerItem)), credit);
	const creditApplied = allocationTotal(allocations);
	const memo = `${opts.final ? 'Final bill' : 'Bill'} ${billId} for ${account.number}`;
	const event: ProposedEvent = {
		type: 'utility.bill-issued',
		account: account.number,
		bill: {
			id: billId,
			itemId,
			periodFrom,
			periodTo: opts.through,
			billDate: opts.billDate,
			delinquentDate,
			lines: lines.map((l) => ({ ...l, amount: l.amount.toString() })),
			total: total.toString(),
			use,
			readFrom: { ...account.lastBilledRead },
			readTo: { ...readTo },
			final: opts.final,
			creditApplied: creditApplied.toString()
		},
		billedThrough: segments.length > 0 ? opts.through : account.billedThrough,
		itemDescription: item.description,
		creditAllocations: toWire(allocations),
		journal: journal(memo, [
			{ account: '1210', debit: total, sub: ua(account.number) },
			...lines.map((l) => ({ account: l.glAccount, credit: l.amount })),
			{ account: '2120', debit: creditApplied, sub: cr(account.number) },
			{ account: '1210', credit: creditApplied, sub: ua(account.number) }
		])
	};
	return { event, item, creditAllocations: allocations, creditApplied, total };
}

type WireBill = Omit<Bill, 'account' | 'lines' | 'total' | 'creditApplied'> & {
	lines: { service: Service; glAccount: GlAccount; description: string; amount: string }[];
	total: string;
	creditApplied: string;
};

export function applyBillIssued(state: SandboxState, event: DomainEvent): void {
	const number = event.account as string;
	const account = state.utility.accounts[number]!;
	const w = event.bill as WireBill;
	const lines: BillLine[] = w.lines.map((l) => ({ service: l.service, glAccount: l.glAccount, description: l.description, amount: wireMoney(l.amount) }));
	// Field by field, in the event's order: much cheaper than spreading the event's bill and overriding half of it.
	const bill: Bill = {
		id: w.id,
		itemId: w.itemId,
		periodFrom: w.periodFrom,
		periodTo: w.periodTo,
		billDate: w.billDate,
		delinquentDate: w.delinquentDate,
		lines,
		total: wireMoney(w.total),
		use: w.use,
		readFrom: { ...w.readFrom },
		readTo: { ...w.readTo },
		final: w.final,
		creditApplied: wireMoney(w.creditApplied),
		account: number
	};
	state.utility.bills[bill.id] = bill;
	(state.utility.billsDueOn[bill.delinquentDate] ??= []).push(bill.id);
	claimId(state, 'bill', bill.id);
	claimId(state, 'item', bill.itemId);
	(state.utility.items[number] ??= []).push({
		id: bill.itemId,
		kind: 'charge',
		description: event.itemDescription as string,
		postedOn: bill.billDate,
		billDate: bill.billDate,
		dueDate: bill.delinquentDate,
		amount: bill.total,
		remaining: bill.total,
		billId: bill.id
	});
	account.billedThrough = (event.billedThrough as string | null) ?? null;
	account.lastBilledRead = { ...bill.readTo };
	applyAllocations(state, number, fromWire(event.creditAllocations));
	account.credit = account.credit.minus(bill.creditApplied);
}

/** Bills of an account, oldest first. */
export function billsOf(state: Readonly<SandboxState>, account: string): Bill[] {
	return Object.values(state.utility.bills).filter((b) => b.account === account);
}
