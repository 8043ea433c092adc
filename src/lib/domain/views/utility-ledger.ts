import { Money, compareDecimalStrings, formatUSD, min, sum } from '$lib/money';
import { addDays, type BusinessDate } from '../dates';
import { own } from '../input';
import type { SandboxState } from '../model';
import { REASON_LABELS, itemsOf, latePenalty, type Adjustment, type Bill, type Item, type PaymentRecord } from '../utility';
import { METER_TOLERANCE_PERCENT } from '../utility/fees';

/**
 * The ledger of one utility account with a running balance, rebuilt from the state: every bill,
 * penalty, fee, deposit due, payment (by receipt number), reversal, adjustment, deposit release
 * and refund, oldest first. The balance is what the customer owes less any credit balance, so the
 * last line always equals "owed now" minus the credit (negative means the account is in credit).
 *
 * The state keeps the lasting facts, not every step: a deposit credited after 12 on-time bills or
 * applied at close is dated by the bill or the close that released it, and penalties taken back
 * under the postmark rule are dated the morning after the late-arriving mail payment.
 */

export type LedgerKind = 'bill' | 'penalty' | 'fee' | 'deposit' | 'payment' | 'reversal' | 'adjustment' | 'refund' | 'deposit-release';

export type LedgerLine = {
	date: BusinessDate;
	kind: LedgerKind;
	/** Bill, receipt, adjustment, refund or item number the line is about. */
	ref: string;
	description: string;
	/** Raises what the customer owes. */
	charge: Money | null;
	/** Lowers it. */
	credit: Money | null;
	/** Owed after this line, less the credit balance (negative: the account is in credit). */
	balance: Money;
	billId?: string;
};

type Line = Omit<LedgerLine, 'balance'>;

// What the walk through the history tracks besides the balance: the deposit held and each deposit item still owed.
type Walk = { held: Money; depositOwed: Map<string, Money>; reversed: Set<PaymentRecord> };

/**
 * Phases order the lines of one business day: the morning run (bills on the 5th, penalties, deposit
 * credits), then counter work that charges or corrects, then a stop's final bill and what follows
 * it, then payments and their voids.
 */
const MORNING = 0;
const COUNTER = 1;
const CLOSING = 2;
const PAYMENTS = 3;

type Entry = { date: BusinessDate; phase: number; order: string; run: (walk: Walk) => Line[] };

const fixed = (line: Line) => () => [line];

export type AccountLedger = {
	lines: LedgerLine[];
	/** The deposit still held at the end of the history (the account's deposit held). */
	depositHeld: Money;
};

export function accountLedger(state: Readonly<SandboxState>, number: string): AccountLedger {
	const account = own(state.utility.accounts, number);
	if (!account) return { lines: [], depositHeld: Money.ZERO };
	const items = itemsOf(state, number);
	const records = own(state.utility.payments, number) ?? [];
	const bills = billsOfAccount(state, number);
	const entries: Entry[] = [];
	const isDeposit = (itemId: string) => items.some((i) => i.id === itemId && i.kind === 'deposit');

	// Reversing a receipt's payment: what went into the deposit comes back out of what is still held.
	function reverse(walk: Walk, receiptNo: string, amount: Money): void {
		const record = records.find((p) => p.receiptNo === receiptNo && p.amount.eq(amount) && !walk.reversed.has(p));
		if (!record) return;
		walk.reversed.add(record);
		let back = min(sum(record.allocations.filter((a) => isDeposit(a.itemId)).map((a) => a.amount)), walk.held);
		walk.held = walk.held.minus(back);
		for (const a of record.allocations.filter((x) => isDeposit(x.itemId))) {
			const take = min(back, a.amount);
			walk.depositOwed.set(a.itemId, (walk.depositOwed.get(a.itemId) ?? Money.ZERO).plus(take));
			back = back.minus(take);
		}
	}

	const linkedToAdjustment = new Set(
		state.utility.adjustments.filter((a) => a.account === number && (a.direction === 'charge' || a.reason === 'transfer')).map((a) => a.id)
	);
	for (const item of items) entries.push(...itemEntries(state, item, records, linkedToAdjustment));

	for (const [i, p] of records.entries()) {
		const deposit = sum(p.allocations.filter((a) => isDeposit(a.itemId)).map((a) => a.amount));
		const notes = [p.postmark ? `postmarked ${p.postmark}` : '', deposit.isPositive() ? `${formatUSD(deposit)} to the deposit` : '', p.toCredit.isPositive() ? `${formatUSD(p.toCredit)} to credit balance` : ''].filter(Boolean);
		entries.push({
			date: p.date,
			phase: PAYMENTS,
			order: `${p.receiptNo}:${String(i).padStart(4, '0')}`,
			run: (walk) => {
				for (const a of p.allocations.filter((x) => isDeposit(x.itemId))) {
					walk.held = walk.held.plus(a.amount);
					walk.depositOwed.set(a.itemId, (walk.depositOwed.get(a.itemId) ?? Money.ZERO).minus(a.amount));
				}
				return [{ date: p.date, kind: 'payment', ref: p.receiptNo, description: `Payment, receipt ${p.receiptNo}${notes.length ? ` (${notes.join('; ')})` : ''}`, charge: null, credit: p.amount }];
			}
		});
	}

	// Voids and returned checks are recorded by the cashier; each reversed this account's share of a receipt.
	for (const receiptNo of new Set(records.map((p) => p.receiptNo))) {
		const receipt = own(state.cashiering.receipts, receiptNo);
		if (receipt?.status !== 'void' || !receipt.void) continue;
		const voided = receipt.void;
		for (const line of receipt.lines.filter((l) => l.kind === 'utility' && l.ref === number)) {
			entries.push({
				date: voided.date,
				phase: PAYMENTS,
				order: `${receiptNo}:void`,
				run: (walk) => {
					reverse(walk, receiptNo, line.amount);
					return [{ date: voided.date, kind: 'reversal', ref: receiptNo, description: `Receipt ${receiptNo} voided: payment reversed (${voided.reason})`, charge: line.amount, credit: null }];
				}
			});
		}
	}
	for (const rc of Object.values(state.cashiering.returnedChecks)) {
		for (const share of rc.reversed.filter((r) => r.kind === 'utility' && r.ref === number)) {
			entries.push({
				date: rc.date,
				phase: PAYMENTS,
				order: `${rc.receiptNo}:returned:${rc.id}`,
				run: (walk) => {
					reverse(walk, rc.receiptNo, share.amount);
					return [{ date: rc.date, kind: 'reversal', ref: rc.receiptNo, description: `Returned check #${rc.checkNumber} (${rc.reason}) on receipt ${rc.receiptNo}: payment reversed`, charge: share.amount, credit: null }];
				}
			});
		}
	}

	for (const adj of state.utility.adjustments) {
		if (adj.account === number || adj.toAccount === number) entries.push({ date: adj.date, phase: COUNTER, order: adj.id, run: fixed(adjustmentLine(adj, number)) });
	}

	for (const r of state.utility.refunds.filter((x) => x.account === number)) {
		entries.push({
			date: r.date,
			phase: CLOSING,
			order: `d:${r.id}`,
			run: fixed({ date: r.date, kind: 'refund', ref: r.id, description: `Credit balance refunded by check ${r.id}, payable to ${r.payee}`, charge: r.amount, credit: null })
		});
	}

	// The deposit is credited the morning after the 12th bill in a row paid by its delinquent date.
	const onTime = (billId: string) => !items.some((i) => i.kind === 'penalty' && i.billId === billId && i.amount.isPositive());
	for (const [i, bill] of bills.entries()) {
		if (items.some((x) => x.kind === 'penalty' && x.billId === bill.id)) continue;
		const recent = bills.slice(0, i + 1).filter((b) => b.delinquentDate <= bill.delinquentDate).slice(-12);
		if (recent.length < 12 || !recent.every((b) => onTime(b.id))) continue;
		const date = addDays(bill.delinquentDate, 1);
		if (date > state.businessDate) continue;
		entries.push({
			date,
			phase: MORNING,
			order: `z:${bill.id}`,
			run: (walk) => {
				if (!walk.held.isPositive() || (account.stopDate !== null && date > account.stopDate)) return [];
				const held = walk.held;
				walk.held = Money.ZERO;
				return [{ date, kind: 'deposit-release', ref: bill.id, description: 'Deposit credited to the account after 12 bills in a row paid on time', charge: null, credit: held }];
			}
		});
	}

	// At the stop the deposit held pays the final bill, and deposits never collected are cancelled.
	if (account.status === 'closed') {
		const date = bills.find((b) => b.final)?.billDate ?? account.stopDate ?? account.startDate;
		entries.push({
			date,
			phase: CLOSING,
			order: 'b',
			run: (walk) => {
				const lines: Line[] = [];
				if (walk.held.isPositive()) lines.push({ date, kind: 'deposit-release', ref: number, description: 'Deposit applied to the final bill', charge: null, credit: walk.held });
				walk.held = Money.ZERO;
				for (const item of items.filter((x) => x.kind === 'deposit' && x.cancelled)) {
					const owed = walk.depositOwed.get(item.id) ?? Money.ZERO;
					if (owed.isPositive()) lines.push({ date, kind: 'deposit', ref: item.id, description: `${item.description} not collected: cancelled when service stopped`, charge: null, credit: owed });
					walk.depositOwed.set(item.id, Money.ZERO);
				}
				return lines;
			}
		});
	}

	entries.sort((a, b) => a.date.localeCompare(b.date) || a.phase - b.phase || a.order.localeCompare(b.order));
	const walk: Walk = { held: Money.ZERO, depositOwed: new Map(), reversed: new Set() };
	let balance = Money.ZERO;
	const ledger: LedgerLine[] = [];
	for (const entry of entries) {
		for (const line of entry.run(walk)) {
			if (line.charge?.isZero() || line.credit?.isZero()) continue;
			balance = balance.plus(line.charge ?? Money.ZERO).minus(line.credit ?? Money.ZERO);
			ledger.push({ ...line, balance });
		}
	}
	return { lines: ledger, depositHeld: walk.held };
}

/** The account's bills, oldest first, found through its items (far quicker than scanning every bill of the city). */
export function billsOfAccount(state: Readonly<SandboxState>, number: string): Bill[] {
	return itemsOf(state, number)
		.filter((i) => i.kind === 'charge' && i.billId)
		.map((i) => own(state.utility.bills, i.billId))
		.filter((b): b is Bill => b !== undefined)
		.sort((a, b) => a.billDate.localeCompare(b.billDate) || a.id.localeCompare(b.id));
}

function itemEntries(state: Readonly<SandboxState>, item: Item, records: readonly PaymentRecord[], linked: ReadonlySet<string>): Entry[] {
	const base = { date: item.postedOn, ref: item.id };
	switch (item.kind) {
		case 'charge': {
			if (item.billId) {
				const bill = own(state.utility.bills, item.billId);
				const credit = bill?.creditApplied.isPositive() ? ` (credit balance of ${formatUSD(bill.creditApplied)} applied)` : '';
				return [
					{
						date: item.postedOn,
						phase: bill?.final ? CLOSING : MORNING,
						order: `a:${item.billId}`,
						run: fixed({ ...base, kind: 'bill', ref: item.billId, billId: item.billId, description: `${item.description}${credit}`, charge: item.amount, credit: null })
					}
				];
			}
			// Corrections and transfers show once, as their adjustment.
			const adjustment = /UJ-\d+/.exec(item.description)?.[0];
			if (adjustment && linked.has(adjustment)) return [];
			return [{ date: item.postedOn, phase: COUNTER, order: item.id, run: fixed({ ...base, kind: 'adjustment', description: item.description, charge: item.amount, credit: null }) }];
		}
		case 'penalty':
			return penaltyEntries(state, item, records);
		case 'fee': {
			const test = item.testResult;
			const refunded = test !== undefined && compareDecimalStrings(test.replace(/^[+-]/, ''), METER_TOLERANCE_PERCENT) > 0;
			const result = test === undefined ? '' : refunded ? '' : ` (meter tested ${test}%, within ±${METER_TOLERANCE_PERCENT}%)`;
			const entries: Entry[] = [{ date: item.postedOn, phase: COUNTER, order: item.id, run: fixed({ ...base, kind: 'fee', description: `${item.description}${result}`, charge: item.amount, credit: null }) }];
			if (refunded) {
				entries.push({
					date: item.postedOn,
					phase: COUNTER,
					order: `${item.id}:refund`,
					run: fixed({ ...base, kind: 'fee', description: `Meter test fee refunded: the meter tested ${test}% (outside ±${METER_TOLERANCE_PERCENT}%)`, charge: null, credit: item.amount })
				});
			}
			return entries;
		}
		case 'deposit':
			return [
				{
					date: item.postedOn,
					phase: COUNTER,
					order: item.id,
					run: (walk) => {
						walk.depositOwed.set(item.id, (walk.depositOwed.get(item.id) ?? Money.ZERO).plus(item.amount));
						return [{ ...base, kind: 'deposit', description: `${item.description} due`, charge: item.amount, credit: null }];
					}
				}
			];
		case 'returned':
			// Part of the reversal line of the receipt it came from.
			return [];
	}
}

// A penalty as charged, and what the postmark rule later took back.
function penaltyEntries(state: Readonly<SandboxState>, item: Item, records: readonly PaymentRecord[]): Entry[] {
	const charged = item.penaltyBasis ? latePenalty(item.penaltyBasis) : item.amount;
	const entries: Entry[] = [
		{ date: item.postedOn, phase: MORNING, order: `b:${item.id}`, run: fixed({ date: item.postedOn, kind: 'penalty', ref: item.id, ...(item.billId ? { billId: item.billId } : {}), description: item.description, charge: charged, credit: null }) }
	];
	const takenBack = charged.minus(item.amount);
	if (takenBack.isPositive()) {
		const bill = item.billId ? own(state.utility.bills, item.billId) : undefined;
		const mail = bill ? records.filter((p) => p.postmark !== undefined && p.postmark <= bill.delinquentDate && p.date > bill.delinquentDate && p.allocations.some((a) => a.itemId === bill.itemId)) : [];
		const arrived = mail.map((p) => p.date).sort().at(-1);
		const date = arrived ? addDays(arrived, 1) : item.postedOn;
		entries.push({
			date,
			phase: MORNING,
			order: `c:${item.id}`,
			run: fixed({ date, kind: 'penalty', ref: item.id, description: `Penalty taken back: payment postmarked by the delinquent date`, charge: null, credit: takenBack })
		});
	}
	return entries;
}

function adjustmentLine(adj: Adjustment, number: string): Line {
	const reason = REASON_LABELS[adj.reason];
	const note = adj.note ? ` — ${adj.note}` : '';
	const approved = adj.approvedBy ? ' (supervisor approved)' : '';
	const base = { date: adj.date, kind: 'adjustment' as const, ref: adj.id };
	if (adj.reason === 'transfer') {
		return adj.account === number
			? { ...base, description: `Adjustment ${adj.id}: transferred to ${adj.toAccount}${approved}${note}`, charge: adj.amount, credit: null }
			: { ...base, description: `Adjustment ${adj.id}: transferred from ${adj.account}${approved}${note}`, charge: null, credit: adj.amount };
	}
	const description = `Adjustment ${adj.id} (${reason}${adj.direction === 'charge' ? ', charge' : ''})${approved}${note}`;
	return adj.direction === 'charge' ? { ...base, description, charge: adj.amount, credit: null } : { ...base, description, charge: null, credit: adj.amount };
}
