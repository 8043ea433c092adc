import type { Money } from '$lib/money';
import type { PaymentTarget, ReceiptRef, SandboxState } from '../model';
import { own } from '../input';
import type { Invoice } from './types';

function find(state: Readonly<SandboxState>, ref: string): Invoice | undefined {
	return typeof ref === 'string' ? own(state.receivables.invoices, ref.trim().toUpperCase()) : undefined;
}

/**
 * Receipt lines paying an invoice, by invoice number. Partial payments are accepted on receivables
 * (POLICY.md §2); paying more than the balance is not (there is no credit balance for invoices).
 * Cr 1230 ar:<invoice>.
 */
export const invoicePaymentTarget: PaymentTarget = {
	quote(state, ref) {
		const invoice = find(state, ref);
		if (!invoice) return { code: 'not-found', message: `There is no invoice ${String(ref)}; check the number (like INV-000123).` };
		if (!invoice.balance.isPositive()) return { code: 'wrong-status', message: `${invoice.number} is paid in full.` };
		return { ref: invoice.number, label: `Invoice ${invoice.number} — ${invoice.customer} (${invoice.description})`, due: invoice.balance, partialAllowed: true, overpaymentAllowed: false, cashOnly: false };
	},
	creditLines(state, ref, amount) {
		return [{ account: '1230', credit: amount, sub: `ar:${find(state, ref)?.number ?? ref}` }];
	},
	applyPayment(state: SandboxState, ref: string, amount: Money, receipt: ReceiptRef) {
		const invoice = find(state, ref);
		if (!invoice) return;
		invoice.balance = invoice.balance.minus(amount);
		invoice.payments.push({ receiptNo: receipt.receiptNo, date: receipt.date, amount });
		if (!invoice.balance.isPositive()) invoice.status = 'paid';
	},
	reversalLines(state, ref, amount) {
		return [{ account: '1230', debit: amount, sub: `ar:${find(state, ref)?.number ?? ref}` }];
	},
	reversePayment(state: SandboxState, ref: string, amount: Money, receipt: ReceiptRef) {
		const invoice = find(state, ref);
		if (!invoice) return;
		const i = invoice.payments.findIndex((p) => p.receiptNo === receipt.receiptNo && p.amount.eq(amount));
		if (i >= 0) invoice.payments.splice(i, 1);
		invoice.balance = invoice.balance.plus(amount);
		// Owing again: back to collections if it had been referred, otherwise open.
		if (invoice.balance.isPositive() && invoice.status === 'paid') invoice.status = invoice.referredOn ? 'collections' : 'open';
	}
};
