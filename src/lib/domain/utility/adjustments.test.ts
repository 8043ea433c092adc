import { afterEach, describe, expect, it } from 'vitest';
import { glBalance, subBalance } from '../ledger';
import { balanceOwed } from './items';
import { World, billedOwner, checkWorlds, open, supervisor } from './test-support';

afterEach(checkWorlds);

const adjust = (account: string, fields: Record<string, unknown>) => ({ type: 'utility.adjust', account, ...fields });
const billingError = (account: string, amount: string) => adjust(account, { reason: 'billing-error', service: 'water', amount, note: 'Wrong meter size billed' });
const penaltyOf = (w: World, n: string, index = 0) => w.items(n).filter((i) => i.kind === 'penalty')[index]!;

describe('authority: $50.00 for a clerk', () => {
	it('a $20.00 water billing-error credit posts at once: Dr 4110 $20.00 / Cr 1210 ua: → $189.37 − $20.00 = $169.37 owed', () => {
		const w = new World();
		const n = billedOwner(w);
		w.ok(billingError(n, '20.00'));
		expect(balanceOwed(w.state, n).toString()).toBe('169.37');
		expect(glBalance(w.state.ledger, '4110').toString()).toBe('-49.80');
		expect(w.state.utility.adjustments[0]).toMatchObject({ id: 'UJ-000001', reason: 'billing-error', enteredBy: 'clerk1' });
	});

	it('exactly $50.00 is within the clerk limit', () => {
		const w = new World();
		const n = billedOwner(w);
		w.ok(billingError(n, '50.00'));
		expect(balanceOwed(w.state, n).toString()).toBe('139.37');
	});

	it('Adjustment of $72.00 is over the $50.00 limit: refused with over-authority and the clerk is told to request approval', () => {
		const w = new World();
		const n = billedOwner(w);
		expect(w.rejects(billingError(n, '72.00'))).toEqual({ code: 'over-authority', field: 'amount', message: 'Adjustment of $72.00 is over your $50.00 limit: request supervisor approval.' });
	});

	it('a $72.00 adjustment goes to the supervisor queue ("Billing error of $72.00 on 100-0001 (Maria Alvarez)") and posts when approved', () => {
		const w = new World();
		const n = billedOwner(w);
		w.ok({ type: 'approval.request', command: billingError(n, '72.00'), note: 'Billed as 1" meter' });
		const request = w.state.approvals['AP-000001']!;
		expect(request).toMatchObject({ kind: 'adjustment', status: 'pending', summary: 'Billing error of $72.00 on 100-0001 (Maria Alvarez)' });
		expect(balanceOwed(w.state, n).toString()).toBe('189.37');
		w.ok({ type: 'approval.decide', id: 'AP-000001', approve: true }, supervisor);
		expect(balanceOwed(w.state, n).toString()).toBe('117.37');
		expect(w.state.utility.adjustments[0]).toMatchObject({ approvedBy: 'sup1', amount: expect.anything() });
		expect(w.state.utility.adjustments[0]!.amount.toString()).toBe('72.00');
	});

	it('a denied request posts nothing', () => {
		const w = new World();
		const n = billedOwner(w);
		w.ok({ type: 'approval.request', command: billingError(n, '72.00') });
		w.ok({ type: 'approval.decide', id: 'AP-000001', approve: false, reason: 'Meter size was right' }, supervisor);
		expect(balanceOwed(w.state, n).toString()).toBe('189.37');
		expect(w.state.utility.adjustments).toEqual([]);
	});

	it('an adjustment within authority cannot be sent for approval', () => {
		const w = new World();
		const n = billedOwner(w);
		expect(w.rejects({ type: 'approval.request', command: billingError(n, '20.00') }).code).toBe('not-allowed');
	});

	it('a credit larger than what is owed leaves a credit balance: $50.00 on a $20.00 balance → $30.00 credit (Cr 2120)', () => {
		const w = new World();
		const n = billedOwner(w);
		w.pay(n, '169.37');
		w.ok(billingError(n, '50.00'));
		expect(balanceOwed(w.state, n).toString()).toBe('0.00');
		expect(subBalance(w.state.ledger, `cr:${n}`).toString()).toBe('-30.00');
	});

	it('a meter-misread charge of $15.00 raises the balance: new item, Dr 1210 / Cr 4110 → $204.37', () => {
		const w = new World();
		const n = billedOwner(w);
		w.ok(adjust(n, { reason: 'meter-misread', service: 'water', direction: 'charge', amount: '15.00', note: 'Read 1018 was 1024' }));
		expect(balanceOwed(w.state, n).toString()).toBe('204.37');
	});
});

describe('penalty waiver: once in 12 months, no other late payment', () => {
	it('the only penalty in 12 months ($18.94) can be waived: Dr 4150 / Cr 1210 ua:', () => {
		const w = new World();
		const n = billedOwner(w);
		w.advanceTo('2026-08-27');
		w.ok(adjust(n, { reason: 'penalty-waiver', itemId: penaltyOf(w, n).id }));
		expect(penaltyOf(w, n).remaining.toString()).toBe('0.00');
		expect(glBalance(w.state.ledger, '4150').toString()).toBe('0.00');
		expect(balanceOwed(w.state, n).toString()).toBe('189.37');
	});

	it('refused when another late payment is within 12 months (penalties Aug 27 and Sept 27)', () => {
		const w = new World();
		const n = billedOwner(w);
		w.advanceTo('2026-09-27');
		const r = w.rejects(adjust(n, { reason: 'penalty-waiver', itemId: penaltyOf(w, n, 1).id }));
		expect(r.code).toBe('policy');
		expect(r.message).toContain('another late payment');
	});

	it('refused a second time within 12 months', () => {
		const w = new World();
		const n = billedOwner(w);
		w.advanceTo('2026-08-27');
		w.ok(adjust(n, { reason: 'penalty-waiver', itemId: penaltyOf(w, n).id }));
		w.pay(n, '189.37');
		w.advanceTo('2026-09-27'); // Sept bill unpaid: second penalty
		const r = w.rejects(adjust(n, { reason: 'penalty-waiver', itemId: penaltyOf(w, n, 1).id }));
		expect(r.message).toContain('at most once in 12 months');
	});

	it('a bill charge is not a penalty', () => {
		const w = new World();
		const n = billedOwner(w);
		expect(w.rejects(adjust(n, { reason: 'penalty-waiver', itemId: w.items(n)[0]!.id })).code).toBe('not-found');
	});
});

describe('fee waiver', () => {
	it('the $25.00 NSF fee is waived: Dr 4160 $25.00, fee item paid off', () => {
		const w = new World();
		const n = open(w);
		w.ok({ type: 'utility.charge-fee', account: n, fee: 'nsf' });
		const fee = w.items(n)[0]!;
		w.ok(adjust(n, { reason: 'fee-waiver', itemId: fee.id }));
		expect(w.items(n)[0]!.remaining.toString()).toBe('0.00');
		expect(glBalance(w.state.ledger, '4160').toString()).toBe('0.00');
		expect(w.rejects(adjust(n, { reason: 'fee-waiver', itemId: fee.id })).message).toContain('already waived');
	});
});

// Bills Aug–Oct use 10, 12 and 14 HCF (average 12); the Nov 5 bill uses `leakUse`.
function leakHistory(w: World, leakUse: number): string {
	const n = open(w);
	let reading = 1000;
	for (const [day, use] of [['2026-07-31', 10], ['2026-08-31', 12], ['2026-09-30', 14], ['2026-10-31', leakUse]] as const) {
		w.advanceTo(day);
		reading += use;
		w.ok({ type: 'utility.record-read', account: n, reading: String(reading) });
	}
	w.advanceTo('2026-11-05');
	return n;
}

describe('leak adjustment: 50% of use above the 12-month average at $2.05, once in 12 months, after proof of repair', () => {
	it('40 HCF against an average of 12 (10, 12, 14): 50% × 28 × $2.05 = $28.70 credited on the leak bill, Dr 4110', () => {
		const w = new World();
		const n = leakHistory(w, 40);
		const leakBill = w.bills(n).at(-1)!;
		expect(leakBill.use).toBe(40);
		const before = balanceOwed(w.state, n);
		w.ok(adjust(n, { reason: 'leak', billId: leakBill.id, repairProof: 'Plumber invoice 2231' }));
		expect(before.minus(balanceOwed(w.state, n)).toString()).toBe('28.70');
		expect(w.state.utility.adjustments[0]!.amount.toString()).toBe('28.70');
	});

	it('proof of repair is required', () => {
		const w = new World();
		const n = leakHistory(w, 40);
		expect(w.rejects(adjust(n, { reason: 'leak', billId: w.bills(n).at(-1)!.id })).field).toBe('repairProof');
	});

	it('only once in 12 months', () => {
		const w = new World();
		const n = leakHistory(w, 40);
		const leakBill = w.bills(n).at(-1)!;
		w.ok(adjust(n, { reason: 'leak', billId: leakBill.id, repairProof: 'Plumber invoice 2231' }));
		expect(w.rejects(adjust(n, { reason: 'leak', billId: leakBill.id, repairProof: 'Another invoice' })).message).toContain('only one is allowed in 12 months');
	});

	it('use not above the average (12 HCF) gives nothing to credit', () => {
		const w = new World();
		const n = leakHistory(w, 12);
		expect(w.rejects(adjust(n, { reason: 'leak', billId: w.bills(n).at(-1)!.id, repairProof: 'Invoice' })).code).toBe('policy');
	});

	it('70 HCF: 50% × 58 × $2.05 = $59.45 is over $50.00 and goes to a supervisor ("Leak adjustment of $59.45 …")', () => {
		const w = new World();
		const n = leakHistory(w, 70);
		const cmd = adjust(n, { reason: 'leak', billId: w.bills(n).at(-1)!.id, repairProof: 'Plumber invoice 2231' });
		expect(w.rejects(cmd).message).toBe('Adjustment of $59.45 is over your $50.00 limit: request supervisor approval.');
		w.ok({ type: 'approval.request', command: cmd });
		expect(w.state.approvals['AP-000001']!.summary).toBe('Leak adjustment of $59.45 on 100-0001 (Maria Alvarez)');
		w.ok({ type: 'approval.decide', id: 'AP-000001', approve: true }, supervisor);
		expect(w.state.utility.adjustments[0]).toMatchObject({ reason: 'leak', approvedBy: 'sup1' });
	});
});

describe('transfer between accounts', () => {
	it('moves $10.63 of credit from 100-0001 to 100-0002: Dr 2120 cr:100-0001 / Cr 1210 ua:100-0002 → $189.37 − $10.63 = $178.74 owed there', () => {
		const w = new World();
		const a = open(w);
		const b = open(w, { name: 'Ken Ito', serviceAddress: '40 Pine Ave' });
		w.advanceTo('2026-07-31');
		w.ok({ type: 'utility.record-read', account: a, reading: '1018' });
		w.ok({ type: 'utility.record-read', account: b, reading: '1018' });
		w.advanceTo('2026-08-05');
		w.pay(a, '200.00');
		w.ok(adjust(a, { reason: 'transfer', toAccount: b, amount: '10.63', note: 'Customer paid the wrong account' }));
		expect(w.account(a).credit.toString()).toBe('0.00');
		expect(balanceOwed(w.state, b).toString()).toBe('178.74');
	});

	it('moving more than the credit ($30.00 with $10.63 credit) owes the other $19.37 again on the source', () => {
		const w = new World();
		const a = billedOwner(w);
		const b = open(w, { name: 'Ken Ito', serviceAddress: '40 Pine Ave' });
		w.pay(a, '200.00');
		w.ok(adjust(a, { reason: 'transfer', toAccount: b, amount: '30.00', note: 'Misapplied' }));
		expect(balanceOwed(w.state, a).toString()).toBe('19.37');
		expect(w.account(b).credit.toString()).toBe('30.00');
	});

	it('a transfer to the same account is refused', () => {
		const w = new World();
		const a = open(w);
		expect(w.rejects(adjust(a, { reason: 'transfer', toAccount: a, amount: '5.00', note: 'x' })).field).toBe('toAccount');
	});
});

describe('typing slips', () => {
	it('an adjustment of $250,000.00 is refused as too large (utility amounts stop at $99,999.99)', () => {
		const w = new World();
		const n = billedOwner(w);
		const r = w.engine.execute(w.state, { type: 'utility.adjust', account: n, reason: 'billing-error', amount: '250000.00', service: 'water', direction: 'credit', note: 'Typo' }, { actor: { id: 'clerk1', name: 'Clerk', supervisor: false }, at: '2026-08-05T09:00:00Z' });
		expect(r).toMatchObject({ ok: false, rejection: { field: 'amount', message: expect.stringContaining('too large') } });
	});
});
