import { describe, expect, it } from 'vitest';
import { Money } from '$lib/money';
import { cloneState } from './clone';
import { createClerkSystem } from './system';

describe('cloneState', () => {
	it('copies deeply, keeps Money values working, and leaves the original untouched by changes to the copy', () => {
		const engine = createClerkSystem();
		const original = engine.emptyState('2026-07-01');
		engine.execute(original, { type: 'books.open-change-fund', amount: '400.00' }, { actor: { id: 'c', name: 'C', supervisor: false }, at: '2026-07-01T08:00:00Z' });
		const before = JSON.stringify(original);
		const copy = cloneState(original);
		expect(JSON.stringify(copy)).toBe(before);
		expect(copy.ledger.gl['1015']).toBeInstanceOf(Money);
		engine.execute(copy, { type: 'clock.next-day' }, { actor: { id: 'c', name: 'C', supervisor: false }, at: '2026-07-02T08:00:00Z' });
		expect(copy.businessDate).toBe('2026-07-02');
		expect(JSON.stringify(original)).toBe(before);
	});
});
