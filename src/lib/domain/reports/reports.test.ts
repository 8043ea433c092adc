import { describe, expect, it } from 'vitest';
import { STANDARD_FLOAT } from '../cashiering/denominations';
import type { DomainEvent, CommandContext } from '../model';
import { createClerkSystem } from '../system';
import { startCommand } from '../utility/test-support';
import { dailyCashReport, delinquentAccounts, monthlyStatistics } from './index';

const clerk: CommandContext = { actor: { id: 'clerk1', name: 'Casey Clerk', supervisor: false }, at: '2026-08-05T09:00:00Z' };

/** Two owner accounts billed Aug 5 ($189.37 each: 18 HCF); one pays at the counter, the other never does. */
function twoAccounts() {
	const engine = createClerkSystem();
	const state = engine.emptyState('2026-07-01');
	const log: DomainEvent[] = [];
	const ok = (c: Record<string, unknown>) => {
		const r = engine.execute(state, c as { type: string }, { ...clerk, at: `${state.businessDate}T09:00:00Z` });
		if (!r.ok) throw new Error(`${String(c.type)}: ${r.rejection.message}`);
		log.push(...r.events);
	};
	const until = (date: string) => {
		while (state.businessDate < date) ok({ type: 'clock.next-day' });
	};
	ok({ type: 'books.open-change-fund', amount: '200.00' });
	ok(startCommand());
	ok(startCommand({ name: 'Luis Ramos', serviceAddress: '48 Elm St', mailingAddress: '48 Elm St, Tracy CA 95376' }));
	until('2026-07-31');
	ok({ type: 'utility.record-read', account: '100-0001', reading: '1018' });
	ok({ type: 'utility.record-read', account: '100-0002', reading: '1018' });
	until('2026-08-05');
	ok({ type: 'cash.open-drawer', counts: STANDARD_FLOAT });
	ok({ type: 'cash.take-payment', lines: [{ kind: 'utility', ref: '100-0001', amount: '189.37' }], tenders: [{ type: 'cash', amount: '200.00' }] });
	return { engine, state, ok, until, log };
}

describe('reports', () => {
	it('monthly statistics for August 2026: 2 bills of $189.37 = $378.74, one payment of $189.37, revenue by fund account', () => {
		const { state } = twoAccounts();
		const stats = monthlyStatistics(state, '2026-08');
		expect(stats.bills).toEqual({ count: 2, total: expect.anything() });
		expect(stats.bills.total.toString()).toBe('378.74');
		expect(stats.payments.count).toBe(1);
		expect(stats.payments.total.toString()).toBe('189.37');
		const water = stats.revenue.find((r) => r.account === '4110')!;
		// Water: base $28.50 + use $41.30 = $69.80 per account, two accounts = $139.60.
		expect(water.amount.toString()).toBe('139.60');
		expect(stats.revenueTotal.toString()).toBe('378.74');
		expect(monthlyStatistics(state, '2026-07').bills.count).toBe(0);
	});

	it('the daily cash report shows the $189.37 cash payment and $10.63 change in the drawer', () => {
		const { state } = twoAccounts();
		const report = dailyCashReport(state, '2026-08-05');
		expect(report.totals.cash.toString()).toBe('189.37');
		expect(report.totals.receipts).toBe(1);
	});

	it('lists the unpaid account as delinquent once the Aug 26 delinquent date passes, not yet 60 days', () => {
		const { state, until } = twoAccounts();
		expect(delinquentAccounts(state, state.businessDate)).toEqual([]);
		until('2026-08-27');
		const rows = delinquentAccounts(state, state.businessDate);
		expect(rows.map((r) => r.account)).toEqual(['100-0002']);
		expect(rows[0]!.mayBeProcessedForDisconnection).toBe(false);
		// 10% of $189.37 = $18.94 penalty on Aug 27; past due $189.37 + $18.94 = $208.31.
		expect(rows[0]!.pastDue.toString()).toBe('208.31');
	});

	it('flags the unpaid residential account for disconnection processing at 60 days delinquent (Aug 26 + 60 = Oct 25)', () => {
		const { state, until } = twoAccounts();
		until('2026-10-24');
		expect(delinquentAccounts(state, state.businessDate)[0]).toMatchObject({ account: '100-0002', mayBeProcessedForDisconnection: false });
		until('2026-10-25');
		expect(delinquentAccounts(state, state.businessDate)[0]).toMatchObject({ account: '100-0002', daysDelinquent: 60, mayBeProcessedForDisconnection: true });
	});
});
