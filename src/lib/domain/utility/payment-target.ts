import { Money, min } from '$lib/money';
import type { BusinessDate } from '../dates';
import type { JournalLineInput, PaymentQuote, PaymentTarget, ReceiptRef, Rejection, SandboxState } from '../model';
import { cr, dep, ua } from './gl';
import { IdAllocator, claimId } from './ids';
import { own } from './input';
import { allocate, allocationTotal, applyAllocations, balanceOwed, depositDue, itemsOf, paymentOrder } from './items';
import type { Allocation, Item, PaymentRecord, UtilityAccount } from './types';

/**
 * A utility account as a receipt line (POLICY.md §1 "Payment application", §2). Partial payments
 * and overpayments are accepted; the excess becomes a credit balance. Each payment's allocation is
 * remembered by receipt number so a void or a returned check reverses it exactly.
 */

type Split = { deposit: Allocation[]; items: Allocation[]; toCredit: Money };

// Allocation in the policy order. The deposit comes first, so the split between 2110 and 1210 is the
// same whatever the postmark (which only reorders receivable items).
function split(state: Readonly<SandboxState>, account: string, amount: Money, postmark?: BusinessDate): Split {
	const ordered = paymentOrder(itemsOf(state, account), postmark);
	const { allocations, left } = allocate(ordered, amount);
	const deposits = new Set(ordered.filter((i) => i.kind === 'deposit').map((i) => i.id));
	return { deposit: allocations.filter((a) => deposits.has(a.itemId)), items: allocations.filter((a) => !deposits.has(a.itemId)), toCredit: left };
}

function creditLinesOf(account: string, s: Split): JournalLineInput[] {
	const lines: JournalLineInput[] = [
		{ account: '1210', credit: allocationTotal(s.items), sub: ua(account) },
		{ account: '2110', credit: allocationTotal(s.deposit), sub: dep(account) },
		{ account: '2120', credit: s.toCredit, sub: cr(account) }
	];
	return lines.filter((l) => l.credit?.isPositive());
}

// Service starts once the tenant's deposit is paid and the start date has come.
function activateIfReady(state: SandboxState, account: UtilityAccount): void {
	if (account.status === 'pending' && depositDue(state, account.number).isZero() && account.startDate <= state.businessDate) account.status = 'active';
}

type Reversal = { record?: PaymentRecord; items: Allocation[]; deposit: Allocation[]; depositBack: Money; creditBack: Money; returned: Money };

// What reversing a payment undoes. Deposit or credit already used since (applied to a bill, refunded)
// cannot be taken back from there: that part is owed again as a "returned payment" item.
function reversalOf(state: Readonly<SandboxState>, account: UtilityAccount, amount: Money, receipt: ReceiptRef): Reversal {
	const records = own(state.utility.payments, account.number) ?? [];
	const record = records.find((p) => p.receiptNo === receipt.receiptNo && !p.reversed && p.amount.eq(amount));
	if (!record) return { items: [], deposit: [], depositBack: Money.ZERO, creditBack: Money.ZERO, returned: amount };
	const items = itemsOf(state, account.number);
	const isDeposit = (a: Allocation) => items.find((i) => i.id === a.itemId)?.kind === 'deposit';
	const deposit = record.allocations.filter(isDeposit);
	const depositPaid = allocationTotal(deposit);
	const depositBack = min(depositPaid, account.depositHeld);
	const creditBack = min(record.toCredit, account.credit);
	const returned = depositPaid.minus(depositBack).plus(record.toCredit.minus(creditBack));
	return { record, items: record.allocations.filter((a) => !isDeposit(a)), deposit, depositBack, creditBack, returned };
}

function quote(state: Readonly<SandboxState>, ref: string): PaymentQuote | Rejection {
	const account = typeof ref === 'string' ? own(state.utility.accounts, ref.trim()) : undefined;
	if (!account) return { code: 'not-found', message: `There is no utility account ${String(ref)}; check the number on the bill.` };
	const due = balanceOwed(state, account.number);
	if (account.status === 'closed' && !due.isPositive()) {
		return { code: 'wrong-status', message: `Account ${account.number} is closed and owes nothing; no payment can be taken on it.` };
	}
	const name = own(state.utility.customers, account.customerId)?.name ?? '';
	return {
		ref: account.number,
		label: `Utility account ${account.number} — ${name}`,
		due,
		partialAllowed: true,
		// A closed account's credit could only be refunded, so it takes no more than it owes.
		overpaymentAllowed: account.status !== 'closed',
		// Cash-only runs up to (not including) the end date, as the cashier's own mark does.
		cashOnly: account.cashOnlyUntil !== null && account.cashOnlyUntil > state.businessDate
	};
}

export const utilityPaymentTarget: PaymentTarget = {
	quote,
	creditLines(state, ref, amount) {
		return creditLinesOf(ref, split(state, ref, amount));
	},
	applyPayment(state, ref, amount, receipt) {
		const account = state.utility.accounts[ref]!;
		const s = split(state, ref, amount, receipt.postmark);
		const allocations = [...s.deposit, ...s.items];
		applyAllocations(state, ref, allocations);
		account.depositHeld = account.depositHeld.plus(allocationTotal(s.deposit));
		account.credit = account.credit.plus(s.toCredit);
		const record: PaymentRecord = { receiptNo: receipt.receiptNo, date: receipt.date, amount, allocations, toCredit: s.toCredit, reversed: false };
		if (receipt.postmark) record.postmark = receipt.postmark;
		(state.utility.payments[ref] ??= []).push(record);
		activateIfReady(state, account);
	},
	reversalLines(state, ref, amount, receipt) {
		const account = own(state.utility.accounts, ref);
		if (!account) return [];
		const r = reversalOf(state, account, amount, receipt);
		const lines: JournalLineInput[] = [
			{ account: '1210', debit: allocationTotal(r.items).plus(r.returned), sub: ua(ref) },
			{ account: '2110', debit: r.depositBack, sub: dep(ref) },
			{ account: '2120', debit: r.creditBack, sub: cr(ref) }
		];
		return lines.filter((l) => l.debit?.isPositive());
	},
	reversePayment(state, ref, amount, receipt) {
		const account = state.utility.accounts[ref]!;
		const r = reversalOf(state, account, amount, receipt);
		applyAllocations(state, ref, r.items, -1);
		// The deposit item is owed again for what comes back out of the deposit held.
		let back = r.depositBack;
		for (const a of r.deposit) {
			const take = min(back, a.amount);
			applyAllocations(state, ref, [{ itemId: a.itemId, amount: take }], -1);
			back = back.minus(take);
		}
		account.depositHeld = account.depositHeld.minus(r.depositBack);
		account.credit = account.credit.minus(r.creditBack);
		if (r.returned.isPositive()) {
			const id = new IdAllocator(state).next('item');
			const item: Item = {
				id,
				kind: 'returned',
				description: `Returned payment, receipt ${receipt.receiptNo}`,
				postedOn: state.businessDate,
				billDate: state.businessDate,
				dueDate: state.businessDate,
				amount: r.returned,
				remaining: r.returned
			};
			(state.utility.items[ref] ??= []).push(item);
			claimId(state, 'item', id);
		}
		if (r.record) r.record.reversed = true;
	}
};
