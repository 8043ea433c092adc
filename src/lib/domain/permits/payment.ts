import type { Money } from '$lib/money';
import type { PaymentTarget, ReceiptRef, SandboxState } from '../model';
import { own } from '../input';
import { normalizePermitNo } from './commands';
import type { Permit } from './types';

function find(state: Readonly<SandboxState>, ref: string): Permit | undefined {
	const no = normalizePermitNo(ref);
	return no ? own(state.permits.permits, no) : undefined;
}

/**
 * Receipt lines paying a permit's fees, by permit number. The fee comes from the permit record and is
 * paid in full — no partial payment, no overpayment (POLICY.md §2, §4). Permit fees are revenue when
 * collected: Cr 4310, no receivable.
 */
export const permitPaymentTarget: PaymentTarget = {
	quote(state, ref) {
		const permit = find(state, ref);
		if (!permit) return { code: 'not-found', message: `There is no permit ${String(ref)}; check the number on the permit card (like BP-2026-0142).` };
		if (permit.status === 'fees-paid') return { code: 'wrong-status', message: `The fees on ${permit.number} are already paid (receipt ${permit.paidReceipt ?? 'on file'}).` };
		return { ref: permit.number, label: `Permit ${permit.number} — ${permit.address}`, due: permit.total.minus(permit.paid), partialAllowed: false, overpaymentAllowed: false, cashOnly: false };
	},
	creditLines(_state, _ref, amount) {
		return [{ account: '4310', credit: amount }];
	},
	applyPayment(state: SandboxState, ref: string, amount: Money, receipt: ReceiptRef) {
		const permit = find(state, ref);
		if (!permit) return;
		permit.paid = permit.paid.plus(amount);
		if (permit.paid.lt(permit.total)) return;
		permit.status = 'fees-paid';
		permit.paidReceipt = receipt.receiptNo;
		permit.paidOn = receipt.date;
	},
	reversalLines(_state, _ref, amount) {
		return [{ account: '4310', debit: amount }];
	},
	reversePayment(state: SandboxState, ref: string, amount: Money, receipt: ReceiptRef) {
		// A void takes back the whole payment; a returned check only its share, which is then due again in full.
		const permit = find(state, ref);
		if (!permit || permit.paidReceipt !== receipt.receiptNo) return;
		permit.paid = permit.paid.minus(amount);
		permit.status = 'issued';
		delete permit.paidReceipt;
		delete permit.paidOn;
	}
};
