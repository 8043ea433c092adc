import { afterEach, describe, expect, it } from 'vitest';
import { glBalance } from '../ledger';
import { World, checkWorlds, open } from './test-support';

afterEach(checkWorlds);

describe('utility.charge-fee', () => {
	it.each([
		['disconnect-reconnect', '35.00'],
		['cut-lock', '50.00'],
		['pull-meter', '100.00'],
		['nsf', '25.00'],
		['meter-test', '95.00']
	])('%s fee is $%s, Dr 1210 ua: / Cr 4160', (fee, amount) => {
		const w = new World();
		const n = open(w);
		w.ok({ type: 'utility.charge-fee', account: n, fee });
		const item = w.items(n)[0]!;
		expect(item).toMatchObject({ kind: 'fee', fee, dueDate: '2026-07-22' });
		expect(item.amount.toString()).toBe(amount);
		expect(glBalance(w.state.ledger, '4160').toString()).toBe(`-${amount}`);
	});

	it('an unknown fee is refused with the list of fees', () => {
		const w = new World();
		const n = open(w);
		const r = w.rejects({ type: 'utility.charge-fee', account: n, fee: 'late' });
		expect(r).toMatchObject({ code: 'invalid-input', field: 'fee' });
		expect(r.message).toContain('Returned payment (NSF) fee $25.00');
	});

	it('a closed account takes only a returned-payment (NSF) fee', () => {
		const w = new World();
		const n = open(w, { occupancy: 'tenant', proof: 'lease' });
		w.ok({ type: 'utility.stop-service', account: n, reason: 'moving' });
		expect(w.rejects({ type: 'utility.charge-fee', account: n, fee: 'cut-lock' }).code).toBe('wrong-status');
		w.ok({ type: 'utility.charge-fee', account: n, fee: 'nsf' });
	});
});

describe('meter test: $95.00 refunded when the meter is outside ±1.5%', () => {
	it('meter +2.10% fast is outside ±1.5%: the unpaid $95.00 fee is refunded (Dr 4160 / Cr 1210), leaving $0.00', () => {
		const w = new World();
		const n = open(w);
		w.ok({ type: 'utility.charge-fee', account: n, fee: 'meter-test' });
		w.ok({ type: 'utility.record-meter-test', account: n, deviation: '+2.10' });
		expect(w.items(n)[0]).toMatchObject({ testResult: '+2.1' });
		expect(w.items(n)[0]!.remaining.toString()).toBe('0.00');
		expect(glBalance(w.state.ledger, '4160').toString()).toBe('0.00');
	});

	it('meter −1.50% slow is within ±1.5%: the fee stands', () => {
		const w = new World();
		const n = open(w);
		w.ok({ type: 'utility.charge-fee', account: n, fee: 'meter-test' });
		w.ok({ type: 'utility.record-meter-test', account: n, deviation: '-1.50' });
		expect(w.items(n)[0]!.remaining.toString()).toBe('95.00');
		expect(w.items(n)[0]!.testResult).toBe('-1.5');
	});

	it('a fee already paid is refunded as a $95.00 credit balance when the meter is −1.60% slow', () => {
		const w = new World();
		const n = open(w);
		w.ok({ type: 'utility.charge-fee', account: n, fee: 'meter-test' });
		w.pay(n, '95.00');
		w.ok({ type: 'utility.record-meter-test', account: n, deviation: '-1.6%' });
		expect(w.account(n).credit.toString()).toBe('95.00');
	});

	it('a result with no meter test fee waiting is refused; a result like "two" is refused', () => {
		const w = new World();
		const n = open(w);
		expect(w.rejects({ type: 'utility.record-meter-test', account: n, deviation: '2.1' }).code).toBe('wrong-status');
		w.ok({ type: 'utility.charge-fee', account: n, fee: 'meter-test' });
		expect(w.rejects({ type: 'utility.record-meter-test', account: n, deviation: 'two' }).field).toBe('deviation');
		expect(w.rejects({ type: 'utility.record-meter-test', account: n, deviation: '1.555' }).field).toBe('deviation');
	});
});
