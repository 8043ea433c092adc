import { describe, expect, test } from 'vitest';
import { money } from '$lib/money';
import { createClerkSystem } from '../system';
import { targetDesk } from '../test-desk';
import type { SandboxState } from '../model';
import { invoiceRows, invoiceView } from './receivables';

const engine = createClerkSystem();
let state: SandboxState;
const { run, pay } = targetDesk(engine, engine.env.paymentTargets.invoice!, () => state);

const invoice = (customer: string, invoiceDate: string, amount: string, category = 'rental') =>
	run({ type: 'ar.create-invoice', customer, customerAddress: '400 E 10th St', description: 'Community center hall', category, invoiceDate, lines: [{ description: 'Hall rental', amount }] });

/** November 16, 2026: one invoice current, one 1–30 days past due, one over 90 and referred, one paid. */
function ledger(): SandboxState {
	state = engine.emptyState('2026-11-16');
	invoice('Tracy Youth Soccer', '2026-11-01', '350.00');
	invoice('Ana Ruiz', '2026-10-01', '75.00', 'false-alarm');
	invoice('Valley Storage', '2026-06-01', '500.00', 'weed-abatement');
	invoice('Ben Lee', '2026-11-02', '120.00');
	run({ type: 'ar.refer-to-collections', invoiceNo: 'INV-000003' });
	pay('INV-000004', money('120.00'));
	pay('INV-000001', money('100.00'), 'R-000002');
	return state;
}

describe('invoice list', () => {
	test('newest first with balance, age and counts per filter', () => {
		const { rows, counts } = invoiceRows(ledger());
		expect(rows.map((r) => [r.number, r.status, r.balance.toString(), r.bucket, r.daysPastDue])).toEqual([
			['INV-000004', 'paid', '0.00', null, 0],
			['INV-000003', 'collections', '500.00', 'over-90', 138],
			['INV-000002', 'open', '75.00', '1-30', 16],
			['INV-000001', 'open', '250.00', 'current', 0]
		]);
		expect(counts).toEqual({ open: 2, 'past-due': 2, collections: 1, paid: 1, all: 4 });
	});

	test('filters and search by customer, category and number', () => {
		ledger();
		expect(invoiceRows(state, { filter: 'past-due' }).rows.map((r) => r.number)).toEqual(['INV-000003', 'INV-000002']);
		expect(invoiceRows(state, { q: 'false alarm' }).rows.map((r) => r.customer)).toEqual(['Ana Ruiz']);
		expect(invoiceRows(state, { q: 'inv-000001' }).rows.map((r) => r.customer)).toEqual(['Tracy Youth Soccer']);
		expect(invoiceRows(state, { q: 'ruiz', filter: 'paid' }).rows).toEqual([]);
	});
});

describe('one invoice', () => {
	test('lines, payments, balance and bucket; unknown numbers give null', () => {
		ledger();
		const view = invoiceView(state, 'inv-000001')!;
		expect([view.total.toString(), view.balance.toString(), view.bucketLabel, view.dueDate]).toEqual(['350.00', '250.00', 'Current', '2026-12-01']);
		expect(view.payments.map((p) => [p.receiptNo, p.amount.toString()])).toEqual([['R-000002', '100.00']]);
		expect(invoiceView(state, 'INV-000003')).toMatchObject({ status: 'collections', referredOn: '2026-11-16', bucketLabel: 'Over 90 days' });
		expect(invoiceView(state, 'INV-999999')).toBeNull();
		expect(invoiceView(state, '__proto__')).toBeNull();
	});
});
