import { afterEach, describe, expect, it } from 'vitest';
import { Money } from '$lib/money';
import { subBalance } from '../ledger';
import { balanceOwed } from './items';
import { utilityPaymentTarget as target } from './payment-target';
import { World, billedOwner, checkWorlds, open } from './test-support';

afterEach(checkWorlds);

const tenant = { occupancy: 'tenant', proof: 'lease' };

// Aug 5 bill $189.37 unpaid → penalty $18.94 on Aug 27 → Sept 5 bill $148.07 → NSF fee $25.00 on Sept 10.
function withFeeAndPenalty(w: World): string {
	const n = billedOwner(w);
	w.advanceTo('2026-09-10');
	w.ok({ type: 'utility.charge-fee', account: n, fee: 'nsf' });
	return n;
}

describe('quote', () => {
	it('due is everything owed, the deposit due included; partial payments and overpayments are accepted', () => {
		const w = new World();
		const n = open(w, tenant);
		expect(target.quote(w.state, n)).toEqual({ ref: n, label: 'Utility account 100-0001 — Maria Alvarez', due: Money.of('175.00'), partialAllowed: true, overpaymentAllowed: true, cashOnly: false });
	});

	it('an unknown account is not found', () => {
		const w = new World();
		expect(target.quote(w.state, '100-9999')).toMatchObject({ code: 'not-found' });
		expect(target.quote(w.state, 'constructor')).toMatchObject({ code: 'not-found' });
	});

	it('cash-only while cashOnlyUntil is today or later (set to July 1, 2027 by default: 12 months)', () => {
		const w = new World();
		const n = open(w);
		w.ok({ type: 'utility.set-cash-only', account: n, reason: 'Check 1043 returned NSF' });
		expect(w.account(n).cashOnlyUntil).toBe('2027-07-01');
		expect(target.quote(w.state, n)).toMatchObject({ cashOnly: true });
	});

	it('a closed account that owes nothing takes no payment; one that owes takes no overpayment', () => {
		const w = new World();
		const n = open(w, tenant);
		w.ok({ type: 'utility.stop-service', account: n, reason: 'moving' });
		expect(target.quote(w.state, n)).toMatchObject({ code: 'wrong-status' });
		const w2 = new World();
		const n2 = billedOwner(w2);
		w2.ok({ type: 'utility.stop-service', account: n2, stopDate: '2026-08-05', reading: '1018', reason: 'sold' });
		expect(target.quote(w2.state, n2)).toMatchObject({ overpaymentAllowed: false });
	});
});

describe('payment application order', () => {
	it('$50.00 pays the $18.94 penalty (Aug 27) and the $25.00 NSF fee (Sept 10) first, then $6.06 on the oldest bill; the current bill is untouched', () => {
		const w = new World();
		const n = withFeeAndPenalty(w);
		w.pay(n, '50.00');
		const [aug, penalty, sept, fee] = [...w.items(n)];
		expect([aug!.kind, penalty!.kind, sept!.kind, fee!.kind]).toEqual(['charge', 'penalty', 'charge', 'fee']);
		expect(penalty!.remaining.toString()).toBe('0.00');
		expect(fee!.remaining.toString()).toBe('0.00');
		expect(aug!.remaining.toString()).toBe('183.31');
		expect(sept!.remaining.toString()).toBe('148.07');
	});

	it('credit lines: a tenant paying $200.00 on a $175.00 deposit due → Cr 2110 dep: $175.00, Cr 2120 cr: $25.00', () => {
		const w = new World();
		const n = open(w, tenant);
		const lines = target.creditLines(w.state, n, Money.of('200.00'));
		expect(lines.map((l) => [l.account, l.sub, l.credit?.toString()])).toEqual([
			['2110', `dep:${n}`, '175.00'],
			['2120', `cr:${n}`, '25.00']
		]);
		w.pay(n, '200.00');
		expect(w.account(n).credit.toString()).toBe('25.00');
	});

	it('overpaying $189.37 by $10.63 leaves a $10.63 credit balance (Cr 2120 cr:)', () => {
		const w = new World();
		const n = billedOwner(w);
		expect(target.creditLines(w.state, n, Money.of('200.00')).map((l) => [l.account, l.credit?.toString()])).toEqual([
			['1210', '189.37'],
			['2120', '10.63']
		]);
		w.pay(n, '200.00');
		expect(subBalance(w.state.ledger, `cr:${n}`).toString()).toBe('-10.63');
	});

	it('remembers which receipt paid which items', () => {
		const w = new World();
		const n = withFeeAndPenalty(w);
		const receipt = w.pay(n, '50.00');
		const record = w.state.utility.payments[n]![0]!;
		expect(record.receiptNo).toBe(receipt.receiptNo);
		expect(record.allocations.map((a) => a.amount.toString())).toEqual(['18.94', '25.00', '6.06']);
	});
});

describe('reversal (void or returned check)', () => {
	it('reversing the $50.00 payment puts $18.94, $25.00 and $6.06 back on the same items and the ledger back where it was', () => {
		const w = new World();
		const n = withFeeAndPenalty(w);
		const before = w.items(n).map((i) => i.remaining.toString());
		const ua = subBalance(w.state.ledger, `ua:${n}`).toString();
		const receipt = w.pay(n, '50.00');
		expect(target.reversalLines(w.state, n, Money.of('50.00'), receipt).map((l) => [l.account, l.debit?.toString()])).toEqual([['1210', '50.00']]);
		w.reverse(n, '50.00', receipt);
		expect(w.items(n).map((i) => i.remaining.toString())).toEqual(before);
		expect(subBalance(w.state.ledger, `ua:${n}`).toString()).toBe(ua);
		expect(w.state.utility.payments[n]![0]!.reversed).toBe(true);
	});

	it('a reversed deposit payment makes the $175.00 deposit due again (Dr 2110 dep:)', () => {
		const w = new World();
		const n = open(w, tenant);
		const receipt = w.pay(n, '175.00');
		w.reverse(n, '175.00', receipt);
		expect(w.account(n).depositHeld.toString()).toBe('0.00');
		expect(balanceOwed(w.state, n).toString()).toBe('175.00');
	});

	it('when the $10.63 credit was already used on the next bill, reversing the $200.00 payment owes it again as a returned-payment item: 189.37 + 137.44 + 10.63 = $337.44', () => {
		const w = new World();
		const n = billedOwner(w);
		const receipt = w.pay(n, '200.00');
		w.advanceTo('2026-09-05');
		w.reverse(n, '200.00', receipt);
		expect(balanceOwed(w.state, n).toString()).toBe('337.44');
		expect(w.items(n).find((i) => i.kind === 'returned')!.amount.toString()).toBe('10.63');
	});
});
