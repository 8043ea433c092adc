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
