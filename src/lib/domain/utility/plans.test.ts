import { afterEach, describe, expect, it } from 'vitest';
import { pastDue } from './items';
import { planProgress, planStanding } from './plans';
import { World, billedOwner, checkWorlds, supervisor } from './test-support';

afterEach(checkWorlds);

const plan = (account: string, months: string) => ({ type: 'utility.create-plan', account, months });

// On Aug 27 the Aug 5 bill ($189.37) and its $18.94 penalty are past due: $208.31.
function delinquent(w: World): string {
	const n = billedOwner(w);
	w.advanceTo('2026-08-27');
	return n;
}

describe('utility.create-plan', () => {
	it('$208.31 past due over 3 months = $69.44, $69.44, $69.43 due Aug 27 (at signing), Sept 27, Oct 27', () => {
		const w = new World();
		const n = delinquent(w);
		expect(pastDue(w.state, n, w.today).toString()).toBe('208.31');
		w.ok(plan(n, '3'));
		const p = w.state.utility.plans['UP-000001']!;
		expect(p.installments.map((i) => [i.due, i.amount.toString()])).toEqual([
			['2026-08-27', '69.44'],
			['2026-09-27', '69.44'],
			['2026-10-27', '69.43']
		]);
		expect(p.total.toString()).toBe('208.31');
		expect(planStanding(w.state, p, w.today)).toBe('behind');
		w.pay(n, '69.44');
		expect(planStanding(w.state, p, w.today)).toBe('current');
	});

	it('refused under $100.00 past due: $57.35 left on the bill + $6.00 penalty = $63.35', () => {
		const w = new World();
		const n = billedOwner(w);
		w.pay(n, '132.02');
		w.advanceTo('2026-08-27');
		const r = w.rejects(plan(n, '3'));
		expect(r.code).toBe('policy');
		expect(r.message).toContain('$63.35 past due');
	});

	it('never more than 12 months', () => {
		const w = new World();
		const n = delinquent(w);
		expect(w.rejects(plan(n, '13'))).toMatchObject({ code: 'policy', message: 'A payment plan is never longer than 12 months.' });
	});

	it('6 months is within a clerk’s authority', () => {
		const w = new World();
		const n = delinquent(w);
		w.ok(plan(n, '6'));
	});

	it('9 months needs a supervisor: refused for the clerk, approved through the queue', () => {
		const w = new World();
		const n = delinquent(w);
		expect(w.rejects(plan(n, '9'))).toMatchObject({ code: 'over-authority', message: 'A 9-month plan is over your 6-month limit: request supervisor approval.' });
		w.ok({ type: 'approval.request', command: plan(n, '9') });
		expect(w.state.approvals['AP-000001']).toMatchObject({ kind: 'payment-plan', summary: '9-month payment plan for $208.31 past due on 100-0001 (Maria Alvarez)' });
		w.ok({ type: 'approval.decide', id: 'AP-000001', approve: true }, supervisor);
		expect(w.state.utility.plans['UP-000001']).toMatchObject({ months: 9, approvedBy: 'sup1' });
	});

	it('one active plan per account', () => {
		const w = new World();
		const n = delinquent(w);
		w.ok(plan(n, '3'));
		expect(w.rejects(plan(n, '3')).message).toContain('already has an active plan');
	});
});

describe('plan default (day-start)', () => {
	it('the first installment (due Aug 27) unpaid defaults the plan at the start of Sept 6, 10 days late', () => {
		const w = new World();
		const n = delinquent(w);
		w.ok(plan(n, '3'));
		w.advanceTo('2026-09-05');
		expect(w.state.utility.plans['UP-000001']!.status).toBe('active');
		const events = w.advanceTo('2026-09-06');
		expect(events.find((e) => e.type === 'utility.plan-defaulted')).toMatchObject({ installmentNo: 1, remaining: '208.31' });
		expect(w.state.utility.plans['UP-000001']).toMatchObject({ status: 'defaulted', defaultedOn: '2026-09-06' });
	});

	it('paid on Sept 5 (9 days late) the plan does not default', () => {
		const w = new World();
		const n = delinquent(w);
		w.ok(plan(n, '3'));
		w.advanceTo('2026-09-05');
		w.pay(n, '69.44');
		w.advanceTo('2026-09-06');
		const p = w.state.utility.plans['UP-000001']!;
		expect(p.status).toBe('active');
		expect(planProgress(w.state, p).toString()).toBe('69.44');
	});

	it('no new plan within 12 months after a default', () => {
		const w = new World();
		const n = delinquent(w);
		w.ok(plan(n, '3'));
		w.advanceTo('2026-09-06');
		expect(w.rejects(plan(n, '3')).message).toContain('defaulted on September 6, 2026');
	});

	it('a plan paid off is completed and no longer active', () => {
		const w = new World();
		const n = delinquent(w);
		w.ok(plan(n, '3'));
		w.pay(n, '208.31');
		expect(planStanding(w.state, w.state.utility.plans['UP-000001']!, w.today)).toBe('completed');
	});
});
