import { afterEach, describe, expect, it } from 'vitest';
import { glBalance, subBalance } from '../ledger';
import { balanceOwed, depositDue } from './items';
import { utilityPaymentTarget } from './payment-target';
import { World, billedOwner, checkWorlds, open, startCommand } from './test-support';

afterEach(checkWorlds);

const tenant = { occupancy: 'tenant', proof: 'lease' };

describe('utility.start-service', () => {
	it('an owner (deed) starts today: active at once, no deposit, account 100-0001 for new customer UC-000001', () => {
		const w = new World();
		const n = open(w);
		expect(n).toBe('100-0001');
		const a = w.account(n);
		expect(a.status).toBe('active');
		expect(a.customerId).toBe('UC-000001');
		expect(w.state.utility.customers['UC-000001']!.phone).toBe('209-555-0143');
		expect(depositDue(w.state, n).toString()).toBe('0.00');
		expect(w.state.utility.reads[n]).toEqual([{ date: '2026-07-01', reading: 1000, kind: 'start' }]);
	});

	it('a tenant (lease) owes the $175.00 deposit: pending until paid, nothing posted to the ledger yet', () => {
		const w = new World();
		const n = open(w, tenant);
		expect(w.account(n).status).toBe('pending');
		expect(depositDue(w.state, n).toString()).toBe('175.00');
		expect(w.state.ledger.entries).toBe(0);
		const quote = utilityPaymentTarget.quote(w.state, n);
		expect('due' in quote && quote.due.toString()).toBe('175.00');
	});

	it('paying the $175.00 deposit posts Dr cash / Cr 2110 dep:100-0001 $175.00 and starts service', () => {
		const w = new World();
		const n = open(w, tenant);
		w.pay(n, '175.00');
		expect(subBalance(w.state.ledger, `dep:${n}`).toString()).toBe('-175.00');
		expect(glBalance(w.state.ledger, '1010').toString()).toBe('175.00');
		expect(w.account(n).depositHeld.toString()).toBe('175.00');
		expect(w.account(n).status).toBe('active');
	});

	it('a partial deposit of $100.00 leaves $75.00 due and service pending', () => {
		const w = new World();
		const n = open(w, tenant);
		w.pay(n, '100.00');
		expect(depositDue(w.state, n).toString()).toBe('75.00');
		expect(w.account(n).status).toBe('pending');
	});

	it('an owner booked for July 6 stays pending until the day starts, then is activated by the day-start', () => {
		const w = new World();
		const n = open(w, { startDate: '2026-07-06' });
		expect(w.account(n).status).toBe('pending');
		w.advanceTo('2026-07-05');
		expect(w.account(n).status).toBe('pending');
		const events = w.advanceTo('2026-07-06');
		expect(events.map((e) => e.type)).toContain('utility.account-activated');
		expect(w.account(n).status).toBe('active');
	});

	it('a new location is a new account and a new $175.00 deposit for the same customer', () => {
		const w = new World();
		const first = open(w, tenant);
		w.pay(first, '175.00');
		const second = open(w, { ...tenant, customerId: 'UC-000001', serviceAddress: '40 Pine Ave' });
		expect(second).toBe('100-0002');
		expect(w.account(second).customerId).toBe('UC-000001');
		expect(depositDue(w.state, second).toString()).toBe('175.00');
		expect(Object.keys(w.state.utility.customers)).toEqual(['UC-000001']);
	});

	it('a second start at an address with open service is refused (stop or transfer first)', () => {
		const w = new World();
		open(w);
		const r = w.rejects(startCommand({ name: 'Other Person', serviceAddress: ' 12  OAK st ' }));
		expect(r).toMatchObject({ code: 'policy', field: 'serviceAddress' });
		expect(r.message).toContain('100-0001');
	});

	it('service is not started without checking the photo ID', () => {
		const w = new World();
		expect(w.rejects(startCommand({ photoIdChecked: false }))).toMatchObject({ code: 'policy', field: 'photoIdChecked' });
	});

	it('an "owner" showing a lease is refused (a tenant owes the deposit); a "tenant" showing a deed is refused too', () => {
		const w = new World();
		expect(w.rejects(startCommand({ occupancy: 'owner', proof: 'lease' })).field).toBe('proof');
		expect(w.rejects(startCommand({ occupancy: 'tenant', proof: 'deed' })).field).toBe('proof');
	});

	it('start dates in the past or more than 30 days ahead are refused', () => {
		const w = new World();
		expect(w.rejects(startCommand({ startDate: '2026-06-30' })).field).toBe('startDate');
		expect(w.rejects(startCommand({ startDate: '2026-08-01' })).field).toBe('startDate');
	});

	it('an unknown customer id is not found', () => {
		const w = new World();
		expect(w.rejects(startCommand({ customerId: 'UC-999999' }))).toMatchObject({ code: 'not-found', field: 'customerId' });
	});
});

describe('utility.stop-service', () => {
	it('owner stops Aug 20 (read 1030 on Aug 21): final bill Aug 1–20 = 18.39 + 25.70 + 40.55 + 33.61 + 2.98 = $121.23', () => {
		const w = new World();
		const n = billedOwner(w);
		w.pay(n, '189.37');
		w.advanceTo('2026-08-21');
		const events = w.ok({ type: 'utility.stop-service', account: n, stopDate: '2026-08-20', reading: '1030', readDate: '2026-08-21', reason: 'sold' });
		expect(events.map((e) => e.type)).toEqual(['utility.read-recorded', 'utility.bill-issued', 'utility.account-closed']);
		const final = w.bills(n).find((b) => b.final)!;
		expect(final.lines.map((l) => l.amount.toString())).toEqual(['18.39', '20.50', '5.20', '40.55', '33.61', '2.98']);
		expect(final.total.toString()).toBe('121.23');
		expect(final.use).toBe(12);
		expect(w.account(n).status).toBe('closed');
		expect(balanceOwed(w.state, n).toString()).toBe('121.23');
	});

	it('tenant stop: the $175.00 deposit pays the $121.23 final bill and $53.77 is refunded by check (AP 2310)', () => {
		const w = new World();
		const n = billedOwner(w, tenant);
		w.pay(n, '189.37');
		w.advanceTo('2026-08-21');
		const events = w.ok({ type: 'utility.stop-service', account: n, stopDate: '2026-08-20', reading: '1030', readDate: '2026-08-21', reason: 'moving' });
		expect(events.map((e) => e.type)).toEqual(['utility.read-recorded', 'utility.bill-issued', 'utility.deposit-applied', 'utility.refund-requested', 'utility.account-closed']);
		expect(balanceOwed(w.state, n).toString()).toBe('0.00');
		expect(glBalance(w.state.ledger, '2310').toString()).toBe('-53.77');
		expect(subBalance(w.state.ledger, `dep:${n}`).toString()).toBe('0.00');
		expect(subBalance(w.state.ledger, `cr:${n}`).toString()).toBe('0.00');
		expect(w.state.utility.refunds).toEqual([expect.objectContaining({ id: 'UR-000001', account: n, payee: 'Maria Alvarez' })]);
		expect(w.state.utility.refunds[0]!.amount.toString()).toBe('53.77');
	});

	it('a credit balance of $10.63 pays the final bill first; with no deposit the rest is owed', () => {
		const w = new World();
		const n = billedOwner(w);
		w.pay(n, '200.00'); // 189.37 + 10.63 credit
		w.advanceTo('2026-08-21');
		w.ok({ type: 'utility.stop-service', account: n, stopDate: '2026-08-20', reading: '1030', readDate: '2026-08-21', reason: 'sold' });
		expect(w.bills(n).find((b) => b.final)!.creditApplied.toString()).toBe('10.63');
		expect(balanceOwed(w.state, n).toString()).toBe('110.60');
	});

	it('the final read must be within 1 business day: stop Thu Aug 20, read Mon Aug 24 is refused; stop Fri Aug 21, read Mon Aug 24 is accepted', () => {
		const w = new World();
		const n = billedOwner(w);
		w.advanceTo('2026-08-24');
		const r = w.rejects({ type: 'utility.stop-service', account: n, stopDate: '2026-08-20', reading: '1030', readDate: '2026-08-24', reason: 'sold' });
		expect(r.field).toBe('readDate');
		w.ok({ type: 'utility.stop-service', account: n, stopDate: '2026-08-21', reading: '1030', readDate: '2026-08-24', reason: 'sold' });
	});

	it('an owner cannot stop service on a vacant property (base charges continue)', () => {
		const w = new World();
		const n = open(w);
		w.advanceTo('2026-07-10');
		expect(w.rejects({ type: 'utility.stop-service', account: n, stopDate: '2026-07-10', reading: '1005', reason: 'vacant' })).toMatchObject({ code: 'policy', field: 'reason' });
	});

	it('a final reading lower than the last read is refused', () => {
		const w = new World();
		const n = billedOwner(w);
		expect(w.rejects({ type: 'utility.stop-service', account: n, stopDate: '2026-08-05', reading: '1017', reason: 'sold' }).field).toBe('reading');
	});

	it('a stop date before the billed-through date (July 31) is refused', () => {
		const w = new World();
		const n = billedOwner(w);
		expect(w.rejects({ type: 'utility.stop-service', account: n, stopDate: '2026-07-30', reading: '1030', readDate: '2026-07-31', reason: 'sold' }).field).toBe('stopDate');
	});

	it('stopping a pending tenant who never paid cancels the $175.00 deposit due; nothing is posted', () => {
		const w = new World();
		const n = open(w, tenant);
		w.ok({ type: 'utility.stop-service', account: n, reason: 'moving' });
		expect(w.account(n).status).toBe('closed');
		expect(balanceOwed(w.state, n).toString()).toBe('0.00');
		expect(w.items(n)[0]!.cancelled).toBe(true);
		expect(w.state.ledger.entries).toBe(0);
	});

	it('a closed account cannot be stopped again', () => {
		const w = new World();
		const n = open(w, tenant);
		w.ok({ type: 'utility.stop-service', account: n, reason: 'moving' });
		expect(w.rejects({ type: 'utility.stop-service', account: n, reason: 'moving' }).code).toBe('wrong-status');
	});
	it('a forwarding address given at the stop is saved first, so the refund check is mailed there', () => {
		const w = new World();
		const n = billedOwner(w, tenant);
		w.pay(n, '189.37');
		w.advanceTo('2026-08-21');
		const events = w.ok({ type: 'utility.stop-service', account: n, stopDate: '2026-08-20', reading: '1030', readDate: '2026-08-21', reason: 'moving', mailingAddress: '88 Pine Ave, Stockton, CA 95202' });
		expect(events[0]!.type).toBe('utility.customer-updated');
		expect(w.state.utility.refunds[0]).toMatchObject({ mailTo: '88 Pine Ave, Stockton, CA 95202' });
		expect(w.state.utility.customers[w.account(n).customerId]!.mailingAddress).toBe('88 Pine Ave, Stockton, CA 95202');
	});
});

describe('utility.transfer-service', () => {
	it('a tenant moving within the city: old account closed with its final bill and deposit applied, new account opened with a new $175.00 deposit', () => {
		const w = new World();
		const n = billedOwner(w, tenant);
		w.pay(n, '189.37');
		w.advanceTo('2026-08-21');
		const events = w.ok({
			type: 'utility.transfer-service',
			account: n,
			stopDate: '2026-08-20',
			reading: '1030',
			readDate: '2026-08-21',
			serviceAddress: '7 Elm Ct',
			class: 'residential',
			dwelling: 'single',
			meterSize: '3/4',
			cartSize: '64',
			occupancy: 'tenant',
			proof: 'lease',
			startDate: '2026-08-21',
			startRead: '500'
		});
		expect(events.map((e) => e.type)).toEqual([
			'utility.read-recorded',
			'utility.bill-issued',
			'utility.deposit-applied',
			'utility.refund-requested',
			'utility.account-closed',
			'utility.account-opened'
		]);
		expect(w.account(n).status).toBe('closed');
		const moved = w.account('100-0002');
		expect(moved).toMatchObject({ customerId: w.account(n).customerId, serviceAddress: '7 Elm Ct', status: 'pending' });
		expect(depositDue(w.state, '100-0002').toString()).toBe('175.00');
	});

	it('a new mailing address given with the transfer is where the refund check goes', () => {
		const w = new World();
		const n = billedOwner(w, tenant);
		w.pay(n, '189.37');
		w.advanceTo('2026-08-21');
		w.ok({ type: 'utility.transfer-service', account: n, stopDate: '2026-08-20', reading: '1030', readDate: '2026-08-21', serviceAddress: '7 Elm Ct', class: 'residential', dwelling: 'single', meterSize: '3/4', cartSize: '64', occupancy: 'tenant', proof: 'lease', startDate: '2026-08-21', startRead: '500', mailingAddress: '7 Elm Ct, Tracy, CA 95376' });
		expect(w.state.utility.refunds[0]).toMatchObject({ amount: expect.anything(), mailTo: '7 Elm Ct, Tracy, CA 95376' });
	});

	it('a transfer to the same address is refused', () => {
		const w = new World();
		const n = open(w);
		const r = w.rejects({ type: 'utility.transfer-service', account: n, reading: '1000', serviceAddress: '12 Oak St', class: 'residential', dwelling: 'single', meterSize: '5/8', cartSize: '35', occupancy: 'owner', proof: 'deed', startRead: '1' });
		expect(r.field).toBe('serviceAddress');
	});
});
