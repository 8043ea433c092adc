import { addMonths, daysBetween, firstOfMonth, isBusinessDateString, isWeekend, type BusinessDate } from '../dates';
import type { Engine } from '../engine';
import { subBalance } from '../ledger';
import type { DomainEvent, SandboxState } from '../model';
import { invoiceDefects } from '../payables';
import { agingReport, AGING_BUCKETS, type AgingBucket } from '../receivables';
import { activePlan, daysDelinquent } from '../utility';
import { taxYearOf } from '../licenses';
import { BusinessSim } from './generate-business';
import { OfficeSim } from './generate-office';
import { CitySim, COUNTER, MORNING, STAFF } from './generate-sim';
import { UtilitySim } from './generate-utility';
import { SeededRandom } from './random';

/**
 * The demo city: a realistic synthetic Tracy-like city built ONLY by running real commands through
 * the clerk system, so every ledger entry is real and the whole world is an event log that replays.
 *
 * Timeline (default): the books open on the first of the month 13 months before `today`
 * (2025-10-01 for the default 2026-11-16, a Monday). On that first day the change fund is set,
 * ~600 utility accounts are opened (tenants pay their $175.00 deposits at the counter), ~250
 * businesses already licensed for the tax year are put on file, and the vendor file is loaded.
 * Then the clock moves one day at a time to `today`: meter reads are recorded on the 1st (dated the
 * last day of the month before), bills run on the 5th (day-start work), penalties post the day after
 * each delinquent date, and on every business day two cashiers open their drawers, take that day's
 * payments and close out balanced. Along the way: stops, transfers and move-ins, payment plans,
 * returned checks, notices and a disconnection, license applications and the May–July renewal
 * season, permits, receivable invoices and vendor invoices. `today` itself is left for the trainee:
 * its day-start work has run and the mail tray has arrived (unstamped), but no drawer is open.
 *
 * Same seed ⇒ identical events and identical JSON state; another seed ⇒ another city.
 */

export type CityOptions = {
	/** Any text; the same seed gives the same city. Default "tracy". */
	seed?: string;
	/** Utility accounts opened on the first day (move-ins add a few more). Default 600. */
	accounts?: number;
	/** Businesses on file or applying during the year. Default 250. */
	businesses?: number;
	/** The sandbox's business date when the city is handed over. Default 2026-11-16 (a Monday). */
	today?: BusinessDate;
};

export const DEFAULT_SEED = 'tracy';
export const DEFAULT_TODAY: BusinessDate = '2026-11-16';
export const DEFAULT_ACCOUNTS = 600;
export const DEFAULT_BUSINESSES = 250;

/** A small city for unit tests of other code: every feature present, generated in a fraction of the time. */
export const SMALL_CITY: Readonly<CityOptions> = Object.freeze({ accounts: 40, businesses: 20 });

export type CityStats = {
	seed: string;
	firstDate: BusinessDate;
	today: BusinessDate;
	days: number;
	events: number;
	commands: number;
	/** Utility */
	accounts: number;
	openAccounts: number;
	residential: number;
	commercial: number;
	multiFamily: number;
	owners: number;
	tenants: number;
	customers: number;
	bills: number;
	billRuns: number;
	/** Accounts open since the first day with at least 12 bills. */
	accountsWithYearOfBills: number;
	receipts: number;
	drawerSessions: number;
	utilityPayments: number;
	mailPayments: number;
	delinquent60: number;
	plans: number;
	activePlans: number;
	cashOnly: number;
	credits: number;
	depositsHeld: number;
	notices: number;
	disconnected: number;
	medicalCertificates: number;
	stops: number;
	transfers: number;
	moveIns: number;
	returnedChecks: number;
	/** Licenses */
	businesses: number;
	licensedThisTaxYear: number;
	licensesByStatus: Record<string, number>;
	pendingApplications: number;
	businessesOwing: number;
	/** Permits and receivables */
	permits: number;
	permitsUnpaid: number;
	invoices: number;
	invoicesOpen: number;
	aging: Record<AgingBucket, number>;
	inCollections: number;
	/** Payables and mail */
	vendors: number;
	purchaseOrders: number;
	vendorInvoicesPending: number;
	vendorInvoicesWithDefect: number;
	mailTrayUnstamped: number;
};

export type GeneratedCity = {
	engine: Engine;
	state: SandboxState;
	events: DomainEvent[];
	/** The first business date: replaying `events` over `engine.emptyState(firstDate)` rebuilds `state`. */
	firstDate: BusinessDate;
	today: BusinessDate;
	stats: CityStats;
};

function count(value: unknown, name: string, fallback: number, max: number): number {
	if (value === undefined) return fallback;
	if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > max) throw new Error(`generateCity: ${name} must be a whole number from 0 to ${max}`);
	return value;
}

/** Build the demo city (see the module comment for the timeline). Throws if any command is rejected: that is a generator bug. */
export function generateCity(options: CityOptions = {}): GeneratedCity {
	const seed = options.seed ?? DEFAULT_SEED;
	const today = options.today ?? DEFAULT_TODAY;
	if (!isBusinessDateString(today)) throw new Error(`generateCity: today must be a date written YYYY-MM-DD, not ${String(today)}`);
	const accounts = Math.max(1, count(options.accounts, 'accounts', DEFAULT_ACCOUNTS, 5000));
	const businesses = count(options.businesses, 'businesses', DEFAULT_BUSINESSES, 5000);
	const first = firstOfMonth(addMonths(today, -13));

	const sim = new CitySim(first, today);
	const rng = new SeededRandom(`demo-city:${seed}`);
	const utility = new UtilitySim(sim, rng.fork('utility'));
	const business = new BusinessSim(sim, rng.fork('business'));
	const office = new OfficeSim(sim, rng.fork('office'));

	// The first day: the books, the accounts, the businesses already licensed, the vendor file.
	sim.run({ type: 'books.open-change-fund', amount: '1000.00' }, STAFF.supervisor);
	utility.openAccounts(accounts);
	const residential = utility.households.filter((h) => h.profile.class === 'residential').map((h) => h.profile.serviceAddress);
	business.setUp(businesses, residential);
	const contractors = business.businesses.filter((b) => b.classification === 'contractor').map((b) => b.name);
	business.permits(Math.max(6, Math.round(accounts * 0.18)), residential, contractors);
	business.invoices(Math.max(10, Math.round(accounts * 0.1)), residential, business.businesses.map((b) => b.name));
	office.payables();

	// Day by day to `today`.
	for (;;) {
		if (sim.date !== first && sim.date.endsWith('-01')) utility.monthlyReads();
		sim.runPhase(MORNING);
		if (sim.date >= today) break;
		if (!isWeekend(sim.date)) {
			sim.runPhase(COUNTER);
			sim.closeDrawers();
		}
		utility.onDayStarted(sim.nextDay());
	}
	office.mailTray();

	const stats = cityStats(sim.state, seed, first, today, sim.events.length, sim.commands, { ...utility.tally });
	return { engine: sim.engine, state: sim.state, events: sim.events, firstDate: first, today, stats };
}

/** Counts that describe a generated city (also what the tests and the benchmark print). */
export function cityStats(
	state: Readonly<SandboxState>,
	seed: string,
	firstDate: BusinessDate,
	today: BusinessDate,
	events: number,
	commands: number,
	tally: { stops: number; transfers: number; moveIns: number; mailPayments: number }
): CityStats {
	const u = state.utility;
	const accounts = Object.values(u.accounts);
	const bills = Object.values(u.bills);
	const billsPerAccount = new Map<string, number>();
	for (const b of bills) billsPerAccount.set(b.account, (billsPerAccount.get(b.account) ?? 0) + 1);
	const receipts = Object.values(state.cashiering.receipts);
	const licenses = Object.values(state.licenses.licenses);
	const byStatus: Record<string, number> = {};
	for (const l of licenses) byStatus[l.status] = (byStatus[l.status] ?? 0) + 1;
	const year = taxYearOf(today);
	const report = agingReport(state, today);
	const aging = Object.fromEntries(Object.keys(AGING_BUCKETS).map((k) => [k, report.buckets[k as AgingBucket].count])) as Record<AgingBucket, number>;
	const vendorInvoices = Object.values(state.payables.invoices).filter((i) => i.status === 'pending');
	const open = accounts.filter((a) => a.status !== 'closed');
	return {
		seed,
		firstDate,
		today,
		days: daysBetween(firstDate, today) + 1,
		events,
		commands,
		accounts: accounts.length,
		openAccounts: open.length,
		residential: accounts.filter((a) => a.class === 'residential').length,
		commercial: accounts.filter((a) => a.class === 'commercial').length,
		multiFamily: accounts.filter((a) => a.dwelling === 'multi').length,
		owners: accounts.filter((a) => a.occupancy === 'owner').length,
		tenants: accounts.filter((a) => a.occupancy === 'tenant').length,
		customers: Object.keys(u.customers).length,
		bills: bills.length,
		billRuns: new Set(bills.filter((b) => !b.final).map((b) => b.billDate)).size,
		accountsWithYearOfBills: open.filter((a) => a.startDate === firstDate && (billsPerAccount.get(a.number) ?? 0) >= 12).length,
		receipts: receipts.length,
		drawerSessions: Object.keys(state.cashiering.drawers).length,
		utilityPayments: receipts.filter((r) => r.lines.some((l) => l.kind === 'utility')).length,
		mailPayments: tally.mailPayments,
		delinquent60: open.filter((a) => daysDelinquent(state, a.number, today) >= 60).length,
		plans: Object.keys(u.plans).length,
		activePlans: open.filter((a) => activePlan(state, a.number, today)).length,
		cashOnly: accounts.filter((a) => a.cashOnlyUntil !== null && a.cashOnlyUntil >= today).length,
		credits: accounts.filter((a) => a.credit.isPositive()).length,
		depositsHeld: accounts.filter((a) => a.depositHeld.isPositive()).length,
		notices: Object.keys(u.notices).length,
		disconnected: accounts.filter((a) => a.status === 'disconnected').length,
		medicalCertificates: accounts.filter((a) => a.medicalUntil !== null && a.medicalUntil >= today).length,
		stops: tally.stops,
		transfers: tally.transfers,
		moveIns: tally.moveIns,
		returnedChecks: Object.keys(state.cashiering.returnedChecks).length,
		businesses: Object.keys(state.licenses.businesses).length,
		licensedThisTaxYear: new Set(licenses.filter((l) => l.taxYear === year && ['active', 'approved'].includes(l.status)).map((l) => l.businessId)).size,
		licensesByStatus: byStatus,
		pendingApplications: licenses.filter((l) => l.kind === 'new' && (l.status === 'applied' || l.status === 'in-review')).length,
		businessesOwing: Object.keys(state.licenses.businesses).filter((id) => subBalance(state.ledger, `bl:${id}`).isPositive()).length,
		permits: Object.keys(state.permits.permits).length,
		permitsUnpaid: Object.values(state.permits.permits).filter((p) => p.status === 'issued').length,
		invoices: Object.keys(state.receivables.invoices).length,
		invoicesOpen: report.rows.length,
		aging,
		inCollections: Object.values(state.receivables.invoices).filter((i) => i.status === 'collections').length,
		vendors: Object.keys(state.payables.vendors).length,
		purchaseOrders: Object.keys(state.payables.purchaseOrders).length,
		vendorInvoicesPending: vendorInvoices.length,
		vendorInvoicesWithDefect: vendorInvoices.filter((i) => invoiceDefects(state, i.id).length > 0).length,
		mailTrayUnstamped: Object.values(state.mail.items).filter((i) => !i.stampedOn).length
	};
}
