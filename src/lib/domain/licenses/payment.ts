import type { Money } from '$lib/money';
import { subBalance } from '../ledger';
import type { PaymentTarget, ReceiptRef, Rejection, SandboxState } from '../model';
import { own } from '../input';
import { licensesOfBusiness } from './by-business';
import { monthsDelinquent, taxYearStart } from './tax';
import type { Business, License } from './types';

// This business's licenses still owed, or (with a receipt) the ones that receipt paid.
function unpaidOrPaidBy(state: Readonly<SandboxState>, businessId: string, receiptNo?: string): License[] {
	return licensesOfBusiness(state.licenses.licenses, businessId).filter((l) => l.kind !== 'on-file' && (receiptNo === undefined ? !l.paid : l.paidReceipt === receiptNo));
}

// The business a typed reference names: its id, or one of its license numbers.
function businessFor(state: Readonly<SandboxState>, ref: unknown): Business | undefined {
	if (typeof ref !== 'string') return undefined;
	const key = ref.trim().toUpperCase();
	const byLicense = own(state.licenses.licenses, key);
	return own(state.licenses.businesses, byLicense ? byLicense.businessId : key);
}

// Subledger key of the business a reference names (refs reaching creditLines were quoted first).
function sub(state: Readonly<SandboxState>, ref: string): `bl:${string}` {
	return `bl:${businessFor(state, ref)?.id ?? ref}`;
}

/**
 * Receipt lines paying a business license, by business id ("BIZ-000012") or any of its license
 * numbers ("BL-2026-0007"), as the customer may bring either. What is due is the
 * business's whole 1220 balance (tax, state fee and any penalty).
 * Licenses are paid in full — no partial payment, no overpayment (illustrative rule for this training edition).
 */
export const licensePaymentTarget: PaymentTarget = {
	quote(state, ref): ReturnType<PaymentTarget['quote']> {
		const business = businessFor(state, ref);
		if (!business) return { code: 'not-found', message: `There is no business ${String(ref)} on file; look it up by name.` } satisfies Rejection;
		const due = subBalance(state.ledger, `bl:${business.id}`);
		if (!due.isPositive()) return { code: 'wrong-status', message: `Nothing is owed on ${business.name}'s business license.` } satisfies Rejection;
		return { ref: business.id, label: `Business license ${business.id} — ${business.name}`, due, partialAllowed: false, overpaymentAllowed: false, cashOnly: false };
	},
	creditLines(state, ref, amount) {
		return [{ account: '1220', credit: amount, sub: sub(state, ref) }];
	},
	applyPayment(state: SandboxState, ref: string, _amount: Money, receipt: ReceiptRef) {
		// Paid in full, so every open charge of the business is settled by this receipt.
		const business = businessFor(state, ref);
		if (!business) return;
		for (const l of unpaidOrPaidBy(state, business.id)) {
			l.paid = true;
			l.paidReceipt = receipt.receiptNo;
			l.paidOn = receipt.date;
			if (l.status === 'approved' || l.status === 'delinquent') l.status = 'active';
		}
	},
	reversalLines(state, ref, amount) {
		return [{ account: '1220', debit: amount, sub: sub(state, ref) }];
	},
	reversePayment(state: SandboxState, ref: string, _amount: Money, receipt: ReceiptRef) {
		const business = businessFor(state, ref);
		if (!business) return;
		for (const l of unpaidOrPaidBy(state, business.id, receipt.receiptNo)) {
			l.paid = false;
			delete l.paidReceipt;
			delete l.paidOn;
			// Unpaid again: a renewal past July 31 is delinquent (onNewDay resumes its penalty).
			if (l.status === 'active') {
				l.status = l.kind === 'renewal' && monthsDelinquent(taxYearStart(l.taxYear), state.businessDate) > 0 ? 'delinquent' : 'approved';
			}
		}
	}
};
