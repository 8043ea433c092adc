import { afterEach, describe, expect, it } from 'vitest';
import { daysDelinquent, depositDue, pastDue } from './items';
import { World, billedOwner, checkWorlds, supervisor } from './test-support';

afterEach(checkWorlds);

const notice = (account: string) => ({ type: 'utility.send-notice', account });
const hanger = (account: string) => ({ type: 'utility.post-door-hanger', account });
const disconnect = (account: string) => ({ type: 'utility.disconnect', account });

// A clerk's over-limit command, approved by the supervisor.
function approved(w: World, command: Record<string, unknown> & { type: string }): void {
	w.ok({ type: 'approval.request', command });
	const id = Object.keys(w.state.approvals).at(-1)!;
	w.ok({ type: 'approval.decide', id, approve: true }, supervisor);
}

// Owner never pays: the Aug 5 bill is delinquent from Aug 26, so Oct 25 is the 60th day.
function neverPays(w: World): string {
	const n = billedOwner(w);
	w.advanceTo('2026-10-24');
	return n;
}

// Notice Oct 25 (60 days), hanger Oct 31, shut-off allowed from Nov 3 (7 business days).
function disconnected(w: World): string {
	const n = neverPays(w);
	w.advanceTo('2026-10-25');
	w.ok(notice(n));
	w.advanceTo('2026-10-31');
	w.ok(hanger(n));
	w.advanceTo('2026-11-03');
	w.ok(disconnect(n));
	return n;
}

describe('written notice: at least 60 days delinquent and $50.00 or more past due', () => {
	it('59 days delinquent on Oct 24 is refused; 60 days on Oct 25 sends the notice, shut-off no earlier than Nov 3 (7 business days)', () => {
		const w = new World();
		const n = neverPays(w);
		expect(daysDelinquent(w.state, n, w.today)).toBe(59);
		expect(w.rejects(notice(n)).message).toContain('59 days delinquent');
		w.advanceTo('2026-10-25');
		w.ok(notice(n));
		expect(w.state.utility.notices['UN-000001']).toMatchObject({ date: '2026-10-25', daysDelinquent: 60, disconnectOnOrAfter: '2026-11-03', status: 'open' });
	});

	it('$40.00 past due at 60 days (Oct 25) is under the $50.00 threshold: no notice', () => {
		const w = new World();
		const n = billedOwner(w);
		w.pay(n, '149.37'); // $40.00 left on the Aug 5 bill
		w.advanceTo('2026-08-27');
		w.pay(n, '6.00'); // the penalty: 10% of $40.00 = $4.00 < $6.00
		for (const day of ['2026-09-05', '2026-10-05']) {
			// Later bills credited in full (billing error, approved) so only the old $40.00 stays past due.
			w.advanceTo(day);
			const bill = w.bills(n).at(-1)!;
			approved(w, { type: 'utility.adjust', account: n, reason: 'billing-error', service: 'water', itemId: bill.itemId, amount: bill.total.toString(), note: 'Vacant, billed in error' });
		}
		w.advanceTo('2026-10-25');
		expect(daysDelinquent(w.state, n, w.today)).toBe(60);
		expect(pastDue(w.state, n, w.today).toString()).toBe('40.00');
		expect(w.rejects(notice(n)).message).toContain('$40.00 past due');
	});

	it('no second notice while one is open', () => {
		const w = new World();
		const n = neverPays(w);
		w.advanceTo('2026-10-25');
		w.ok(notice(n));
		expect(w.rejects(notice(n)).code).toBe('wrong-status');
	});
});

describe('utility.disconnect', () => {
	it('refused while the notice is too recent (Nov 2 < Nov 3) and without the 48-hour door hanger', () => {
		const w = new World();
		const n = neverPays(w);
		w.advanceTo('2026-10-25');
		w.ok(notice(n));
		w.advanceTo('2026-11-02');
		expect(w.rejects(disconnect(n)).message).toContain('too recent');
		w.advanceTo('2026-11-03');
		expect(w.rejects(disconnect(n)).message).toContain('door hanger');
		w.ok(hanger(n));
		expect(w.rejects(disconnect(n)).message).toContain('door hanger');
	});

	it('after notice and hanger: disconnected on Nov 3 with the $35.00 fee and a new $175.00 deposit due (none held)', () => {
		const w = new World();
		const n = disconnected(w);
		expect(w.account(n)).toMatchObject({ status: 'disconnected', disconnectedOn: '2026-11-03', flags: ['nonpayment-disconnect'] });
		expect(w.items(n).find((i) => i.fee === 'disconnect-reconnect')!.amount.toString()).toBe('35.00');
		expect(depositDue(w.state, n).toString()).toBe('175.00');
	});

	it('refused while a payment plan is in good standing', () => {
		const w = new World();
		const n = neverPays(w);
		w.advanceTo('2026-10-25');
		w.ok(notice(n));
		w.advanceTo('2026-10-31');
		w.ok(hanger(n));
		w.ok({ type: 'utility.create-plan', account: n, months: '6' });
		w.advanceTo('2026-11-03');
		expect(w.rejects(disconnect(n)).message).toContain('payment plan');
	});

	it('refused while a medical certification is on file', () => {
		const w = new World();
		const n = neverPays(w);
		w.ok({ type: 'utility.record-medical-cert', account: n, until: '2027-01-31', certifiedBy: 'Dr. Ana Ruiz' });
		w.advanceTo('2026-10-25');
		expect(w.rejects(notice(n)).message).toContain('medical certification');
	});
});

describe('utility.restore', () => {
	it('needs the full past due + $35.00 fee + $175.00 deposit: 189.37 + 18.94 + 148.07 + 14.81 + 148.07 + 14.81 + 35.00 + 175.00 = $744.07', () => {
		const w = new World();
		const n = disconnected(w);
		const r = w.rejects({ type: 'utility.restore', account: n });
		expect(r.message).toContain('$744.07 is still owed');
		w.pay(n, '744.07');
		w.ok({ type: 'utility.restore', account: n });
		expect(w.account(n)).toMatchObject({ status: 'active', disconnectedOn: null });
		expect(w.account(n).depositHeld.toString()).toBe('175.00');
	});

	it('only a disconnected account can be restored', () => {
		const w = new World();
		const n = billedOwner(w);
		expect(w.rejects({ type: 'utility.restore', account: n }).code).toBe('wrong-status');
	});
});

describe('medical certification', () => {
	it('is for residential service, must run past today and at most 12 months', () => {
		const w = new World();
		const n = billedOwner(w);
		expect(w.rejects({ type: 'utility.record-medical-cert', account: n, until: '2026-08-05', certifiedBy: 'Dr. Ruiz' }).field).toBe('until');
		expect(w.rejects({ type: 'utility.record-medical-cert', account: n, until: '2027-08-06', certifiedBy: 'Dr. Ruiz' }).code).toBe('policy');
		w.ok({ type: 'utility.record-medical-cert', account: n, until: '2027-08-05', certifiedBy: 'Dr. Ruiz' });
		expect(w.account(n).medicalUntil).toBe('2027-08-05');
	});
});
