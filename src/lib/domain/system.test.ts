import { describe, expect, it } from 'vitest';
import { createClerkSystem } from './system';

describe('the assembled clerk system', () => {
	it('registers every module without clashes and offers a payment target for each kind of receipt line', () => {
		const engine = createClerkSystem();
		expect(Object.keys(engine.env.paymentTargets).sort()).toEqual(['invoice', 'license', 'permit', 'returned-check-fee', 'utility']);
		const types = engine.commandTypes();
		for (const prefix of ['utility.', 'cash.', 'license.', 'permit.', 'ar.', 'mail.', 'ap.', 'approval.', 'clock.', 'books.'])
			expect(types.some((t) => t.startsWith(prefix)), prefix).toBe(true);
		const state = engine.emptyState('2026-07-01');
		for (const slice of ['utility', 'cashiering', 'licenses', 'permits', 'receivables', 'mail', 'payables']) expect(state).toHaveProperty(slice);
	});
});

describe('one receipt, one line per thing paid', () => {
	it('refuses the same invoice twice even when typed differently ("INV-000001" and "inv-000001")', async () => {
		const { STANDARD_FLOAT } = await import('./cashiering/denominations');
		const engine = createClerkSystem();
		const state = engine.emptyState('2026-07-01');
		const ctx = { actor: { id: 'clerk1', name: 'Casey Clerk', supervisor: false }, at: '2026-07-01T09:00:00Z' };
		for (const c of [
			{ type: 'books.open-change-fund', amount: '200.00' },
			{ type: 'ar.create-invoice', customer: 'Tracy Youth Soccer', customerAddress: '400 E 10th St', description: 'Hall rental', category: 'rental', invoiceDate: '2026-06-01', lines: [{ description: 'Hall, 4 hours', amount: '200.00' }] },
			{ type: 'cash.open-drawer', counts: STANDARD_FLOAT }
		])
			expect(engine.execute(state, c, ctx).ok).toBe(true);
		const twice = engine.execute(state, { type: 'cash.take-payment', lines: [{ kind: 'invoice', ref: 'INV-000001', amount: '100.00' }, { kind: 'invoice', ref: 'inv-000001', amount: '100.00' }], tenders: [{ type: 'cash', amount: '200.00' }] }, ctx);
		expect(twice).toMatchObject({ ok: false, rejection: { field: 'lines[1].ref', message: expect.stringContaining('is on the receipt twice') } });
		const once = engine.execute(state, { type: 'cash.take-payment', lines: [{ kind: 'invoice', ref: 'inv-000001', amount: '200.00' }], tenders: [{ type: 'cash', amount: '200.00' }] }, ctx);
		expect(once.ok).toBe(true);
		expect(state.cashiering.receipts['R-000001']!.lines[0]!.ref).toBe('INV-000001');
	});
});
