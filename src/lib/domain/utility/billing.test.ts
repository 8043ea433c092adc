import { afterEach, describe, expect, it } from 'vitest';
import { glBalance, subBalance } from '../ledger';
import { balanceOwed } from './items';
import { World, billedOwner, checkWorlds, open } from './test-support';

afterEach(checkWorlds);

describe('bill run on the 5th (day-start)', () => {
	it('owner from July 1, reads 1000 → 1018: the August 5 bill is $189.37, delinquent August 26', () => {
		const w = new World();
		const n = billedOwner(w);
		const [bill] = w.bills(n);
		expect(bill).toMatchObject({ id: 'UB-000001', billDate: '2026-08-05', delinquentDate: '2026-08-26', periodFrom: '2026-07-01', periodTo: '2026-07-31', use: 18, final: false });
		expect(bill!.total.toString()).toBe('189.37');
		expect(w.account(n).billedThrough).toBe('2026-07-31');
		expect(balanceOwed(w.state, n).toString()).toBe('189.37');
	});

	it('the bill posts Dr 1210 ua:100-0001 $189.37 / Cr 4110 $69.80, 4120 $62.85, 4130 $52.10, 4140 $4.62', () => {
		const w = new World();
		const n = billedOwner(w);
		expect(subBalance(w.state.ledger, `ua:${n}`).toString()).toBe('189.37');
		expect(glBalance(w.state.ledger, '4110').toString()).toBe('-69.80');
		expect(glBalance(w.state.ledger, '4120').toString()).toBe('-62.85');
		expect(glBalance(w.state.ledger, '4130').toString()).toBe('-52.10');
		expect(glBalance(w.state.ledger, '4140').toString()).toBe('-4.62');
	});

	it('service from July 20 with 5 HCF: the first bill prorates fixed charges 12/31 = 11.03 + 10.25 + 24.33 + 20.17 + 1.79 = $67.57', () => {
		const w = new World('2026-07-20');
		const n = open(w);
		w.advanceTo('2026-07-31');
		w.ok({ type: 'utility.record-read', account: n, reading: '1005' });
		w.advanceTo('2026-08-05');
		expect(w.bills(n)[0]!.total.toString()).toBe('67.57');
	});

	it('with no new read the next bill charges no use: 28.50 + 62.85 + 52.10 + 4.62 = $148.07', () => {
		const w = new World();
		const n = billedOwner(w);
		w.advanceTo('2026-09-05');
		const sept = w.bills(n)[1]!;
		expect(sept.use).toBe(0);
		expect(sept.total.toString()).toBe('148.07');
	});

	it('use is the latest read minus the read the last bill ended at: 1030 − 1018 = 12 HCF → $25.70 + $148.07 = $173.77', () => {
		const w = new World();
		const n = billedOwner(w);
		w.advanceTo('2026-08-31');
		w.ok({ type: 'utility.record-read', account: n, reading: '1030' });
		w.advanceTo('2026-09-05');
		const sept = w.bills(n)[1]!;
		expect(sept.use).toBe(12);
		expect(sept.readFrom.reading).toBe(1018);
		expect(sept.total.toString()).toBe('173.77');
	});

	it('a credit balance of $10.63 is applied to the next bill at once: $148.07 − $10.63 = $137.44 owed, cr: back to $0.00', () => {
		const w = new World();
		const n = billedOwner(w);
		w.pay(n, '200.00');
		expect(subBalance(w.state.ledger, `cr:${n}`).toString()).toBe('-10.63');
		w.advanceTo('2026-09-05');
		expect(w.bills(n)[1]!.creditApplied.toString()).toBe('10.63');
		expect(balanceOwed(w.state, n).toString()).toBe('137.44');
		expect(subBalance(w.state.ledger, `cr:${n}`).toString()).toBe('0.00');
		expect(w.account(n).credit.toString()).toBe('0.00');
	});

	it('a pending tenant (deposit unpaid) is not billed on the 5th', () => {
		const w = new World();
		const n = open(w, { occupancy: 'tenant', proof: 'lease' });
		w.advanceTo('2026-08-05');
		expect(w.bills(n)).toEqual([]);
	});
});

describe('utility.run-bill', () => {
	it('on the 5th it bills an account the day-start run missed (deposit paid that morning): July 20–31 = $67.57 with 5 HCF', () => {
		const w = new World('2026-07-20');
		const n = open(w, { occupancy: 'tenant', proof: 'lease' });
		w.ok({ type: 'utility.record-read', account: n, reading: '1005' });
		w.advanceTo('2026-08-05');
		w.pay(n, '175.00');
		expect(w.account(n).status).toBe('active');
		w.ok({ type: 'utility.run-bill', account: n });
		expect(w.bills(n)[0]!.total.toString()).toBe('67.57');
	});

	it('is refused when the account is already billed through July 31', () => {
		const w = new World();
		const n = billedOwner(w);
		expect(w.rejects({ type: 'utility.run-bill', account: n })).toMatchObject({ code: 'wrong-status' });
	});

	it('is refused on any day but the 5th', () => {
		const w = new World();
		const n = open(w);
		expect(w.rejects({ type: 'utility.run-bill', account: n })).toMatchObject({ code: 'policy' });
	});
});

describe('utility.record-read', () => {
	it('records a regular read dated today by default', () => {
		const w = new World();
		const n = open(w);
		w.ok({ type: 'utility.record-read', account: n, reading: '1,004' });
		expect(w.state.utility.reads[n]![1]).toEqual({ date: '2026-07-01', reading: 1004, kind: 'regular' });
	});

	it('refuses a reading lower than the last (1000), a date before the last read, and a future date', () => {
		const w = new World('2026-07-01');
		const n = open(w);
		w.advanceTo('2026-07-03');
		expect(w.rejects({ type: 'utility.record-read', account: n, reading: '999' }).field).toBe('reading');
		expect(w.rejects({ type: 'utility.record-read', account: n, reading: '1001', date: '2026-06-30' }).field).toBe('date');
		expect(w.rejects({ type: 'utility.record-read', account: n, reading: '1001', date: '2026-07-04' }).field).toBe('date');
		expect(w.rejects({ type: 'utility.record-read', account: n, reading: '1,0,0,1' }).field).toBe('reading');
		expect(w.rejects({ type: 'utility.record-read', account: n, reading: '1001.5' }).field).toBe('reading');
	});
});
