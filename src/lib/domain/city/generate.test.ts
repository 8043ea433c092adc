import { describe, expect, it } from 'vitest';
import { addDays, isWeekend } from '../dates';
import { ledgerProblems } from '../ledger';
import { screenInvoice, invoiceDefects } from '../payables';
import { agingBucket, agingReport, AGING_BUCKETS, type AgingBucket } from '../receivables';
import { activePlan, balanceOwed, daysDelinquent, utilitySliceProblems } from '../utility';
import { DEFAULT_TODAY, generateCity, SMALL_CITY, type GeneratedCity } from './generate';

const small = generateCity(SMALL_CITY);

/** Everything the brief asks the demo city to contain, checked on the state itself. */
function checkContents(city: GeneratedCity): void {
	const { state, today } = city;
	const accounts = Object.values(state.utility.accounts);
	const open = accounts.filter((a) => a.status !== 'closed');
	expect(ledgerProblems(state.ledger)).toEqual([]);
	expect(utilitySliceProblems(state)).toEqual([]);

	// Accounts delinquent 60 days or more, payment plans (one still running), cash-only, credits.
	expect(open.filter((a) => daysDelinquent(state, a.number, today) >= 60).length).toBeGreaterThan(0);
	expect(Object.keys(state.utility.plans).length).toBeGreaterThan(0);
	expect(open.some((a) => activePlan(state, a.number, today))).toBe(true);
	expect(accounts.filter((a) => a.cashOnlyUntil !== null && a.cashOnlyUntil > today).length).toBeGreaterThan(0);
	expect(Object.keys(state.cashiering.cashOnly).length).toBeGreaterThan(0);
	expect(accounts.filter((a) => a.credit.isPositive()).length).toBeGreaterThan(0);
	expect(open.filter((a) => balanceOwed(state, a.number).isPositive()).length).toBeGreaterThan(0);

	// Receivable invoices in every aging bucket, the report agreeing with agingBucket.
	const report = agingReport(state, today);
	for (const bucket of Object.keys(AGING_BUCKETS) as AgingBucket[]) expect(report.buckets[bucket].count, bucket).toBeGreaterThan(0);
	for (const row of report.rows) expect(agingBucket(state.receivables.invoices[row.invoiceNo]!, today)).toBe(row.bucket);

	// Licenses: most businesses licensed this tax year, some delinquent, some applications in review.
	const licenses = Object.values(state.licenses.licenses);
	expect(licenses.some((l) => l.status === 'delinquent')).toBe(true);
	expect(licenses.some((l) => l.kind === 'new' && (l.status === 'applied' || l.status === 'in-review'))).toBe(true);
	expect(Object.values(state.permits.permits).some((p) => p.status === 'issued')).toBe(true);
	expect(Object.values(state.permits.permits).some((p) => p.status === 'fees-paid')).toBe(true);

	// Vendor invoices waiting to be screened: with and without a defect; each defective one has exactly one.
	const pending = Object.values(state.payables.invoices).filter((i) => i.status === 'pending');
	expect(pending).toHaveLength(12);
	const defects = pending.map((i) => screenInvoice(state.payables, i));
	expect(defects.map((d) => d.length).sort()).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1]);
	expect(new Set(defects.flat())).toEqual(new Set(['extension-error', 'missing-po', 'duplicate', 'approval-authority', 'no-w9', 'not-received', 'po-balance']));
	expect(pending.map((i) => invoiceDefects(state, i.id))).toEqual(defects);

	// The mail tray: about fifteen unstamped items, payments among them, for every kind of destination.
	const tray = Object.values(state.mail.items).filter((i) => !i.stampedOn);
	expect(tray.length).toBeGreaterThanOrEqual(14);
	expect(tray.filter((i) => i.enclosure).length).toBeGreaterThanOrEqual(6);
	expect(tray.every((i) => i.postmark && i.postmark <= today)).toBe(true);

	// Handed over on `today` with every drawer closed out.
	expect(state.businessDate).toBe(today);
	expect(state.cashiering.openDrawerByClerk).toEqual({});
	expect(Object.values(state.cashiering.drawers).every((d) => d.status === 'closed' && d.closeOut!.difference.isZero() && !isWeekend(d.date))).toBe(true);
}

describe('generateCity (small preset)', () => {
	it('builds a balanced city with every kind of record in it', () => {
		expect(small.today).toBe(DEFAULT_TODAY);
		expect(small.firstDate).toBe('2025-10-01');
		checkContents(small);
		expect(small.stats.accounts).toBeGreaterThanOrEqual(40);
		expect(small.stats.businesses).toBe(20);
		expect(small.stats.billRuns).toBe(13);
	});

	it('is one event log, stamped in sequence, that replays to the identical state', () => {
		expect(small.state.eventCount).toBe(small.events.length);
		expect(small.events.every((e, i) => e.seq === i + 1)).toBe(true);
		expect(small.events[0]!.type).toBe('books.change-fund-opened');
		const rebuilt = small.engine.replay(small.engine.emptyState(small.firstDate), small.events);
		expect(JSON.stringify(rebuilt)).toBe(JSON.stringify(small.state));
	});

	it('is the same city for the same seed and another city for another seed', () => {
		const again = generateCity(SMALL_CITY);
		expect(JSON.stringify(again.state)).toBe(JSON.stringify(small.state));
		expect(JSON.stringify(again.events)).toBe(JSON.stringify(small.events));
		const other = generateCity({ ...SMALL_CITY, seed: 'lodi' });
		expect(JSON.stringify(other.state)).not.toBe(JSON.stringify(small.state));
		expect(ledgerProblems(other.state.ledger)).toEqual([]);
	});

	it('works for another hand-over date (a year of bills either way)', () => {
		const city = generateCity({ accounts: 30, businesses: 12, seed: 'spring', today: '2027-03-15' });
		expect(city.firstDate).toBe('2026-02-01');
		expect(city.state.businessDate).toBe('2027-03-15');
		expect(ledgerProblems(city.state.ledger)).toEqual([]);
		expect(city.stats.billRuns).toBeGreaterThanOrEqual(13);
	});

	it('refuses options it cannot honour', () => {
		expect(() => generateCity({ accounts: -1 })).toThrow(/accounts/);
		expect(() => generateCity({ accounts: 1.5 })).toThrow(/accounts/);
		expect(() => generateCity({ today: '2026-02-30' })).toThrow(/today/);
	});
});

describe('generateCity (default size, one run)', () => {
	it('has 600+ accounts with a year of bills and payments, 250+ businesses, and the rest', { timeout: 180_000 }, () => {
		const city = generateCity();
		const { state, stats, firstDate, today } = city;
		checkContents(city);
		const accounts = Object.values(state.utility.accounts);
		expect(accounts.length).toBeGreaterThanOrEqual(600);
		// Every account open since the first day has twelve or more monthly bills.
		const bills = new Map<string, number>();
		for (const b of Object.values(state.utility.bills)) bills.set(b.account, (bills.get(b.account) ?? 0) + 1);
		const original = accounts.filter((a) => a.startDate === firstDate && a.status !== 'closed');
		expect(original.length).toBeGreaterThanOrEqual(560);
		expect(original.every((a) => (bills.get(a.number) ?? 0) >= 12)).toBe(true);
		// A year of payments: receipts on business days in every month.
		const months = new Set(Object.values(state.cashiering.receipts).map((r) => r.date.slice(0, 7)));
		expect(months.size).toBeGreaterThanOrEqual(13);
		expect(stats.utilityPayments).toBeGreaterThan(12 * 500);
		// Mix: about 65% owners, 88% residential.
		const owners = accounts.filter((a) => a.occupancy === 'owner').length / accounts.length;
		const residential = accounts.filter((a) => a.class === 'residential').length / accounts.length;
		expect(owners).toBeGreaterThan(0.58);
		expect(owners).toBeLessThan(0.72);
		expect(residential).toBeGreaterThan(0.84);
		expect(residential).toBeLessThan(0.92);
		expect(accounts.some((a) => a.dwelling === 'multi')).toBe(true);
		// Businesses: 250, most licensed for the current tax year.
		expect(Object.keys(state.licenses.businesses).length).toBeGreaterThanOrEqual(250);
		expect(stats.licensedThisTaxYear).toBeGreaterThan(200);
		expect(stats.delinquent60).toBeGreaterThanOrEqual(10);
		expect(stats.mailTrayUnstamped).toBe(15);
		// Realistic reads: single-family use 6–30 HCF a month, more in summer.
		const single = Object.values(state.utility.bills).filter((b) => !b.final && b.readFrom.kind !== 'start' && state.utility.accounts[b.account]!.dwelling === 'single' && state.utility.accounts[b.account]!.class === 'residential');
		expect(single.every((b) => b.use >= 6 && b.use <= 30)).toBe(true);
		const avg = (month: string) => {
			const list = single.filter((b) => b.billDate.slice(5, 7) === month);
			return list.reduce((s, b) => s + b.use, 0) / list.length;
		};
		expect(avg('08')).toBeGreaterThan(avg('02') * 1.5);
		expect(today).toBe(DEFAULT_TODAY);
		expect(addDays(firstDate, 0)).toBe('2025-10-01');
	});
});
