import { Money, sum } from '$lib/money';
import { addDays, compareDates, type BusinessDate } from '../dates';
import { CHART, isDebitNormal, type GlAccount } from '../ledger';
import type { SandboxState } from '../model';
import { activePlan, daysDelinquent, pastDue } from '../utility';

/**
 * The counter's reports, computed from the sandbox state: what a clerk prints at close of business
 * and what a supervisor asks for at month end. Cash and receivable reports live with their modules
 * and are re-exported here so screens find every report in one place.
 */
export { dailyCashReport, paymentsByTender, cardsByBrand, overShortHistory, overShortNet } from '../cashiering/reports';
export { agingReport, AGING_BUCKETS } from '../receivables/aging';

export type DelinquentRow = {
	account: string;
	customer: string;
	serviceAddress: string;
	pastDue: Money;
	daysDelinquent: number;
	onPlan: boolean;
	medicalCertification: boolean;
	/** Residential, 60+ days and $50.00+ past due, no plan in good standing, no medical certification. */
	mayBeProcessedForDisconnection: boolean;
};

/** Accounts with a past-due balance, most days delinquent first (POLICY §1, delinquency). */
export function delinquentAccounts(state: Readonly<SandboxState>, today: BusinessDate): DelinquentRow[] {
	const rows: DelinquentRow[] = [];
	for (const account of Object.values(state.utility.accounts)) {
		if (account.status === 'closed') continue;
		const owed = pastDue(state, account.number, today);
		if (!owed.isPositive()) continue;
		const days = daysDelinquent(state, account.number, today);
		// A plan is in good standing until it defaults or is paid off (the 10-day grace included).
		const onPlan = activePlan(state, account.number, today) !== undefined;
		const medical = account.medicalUntil !== null && account.medicalUntil >= today;
		rows.push({
			account: account.number,
			customer: state.utility.customers[account.customerId]?.name ?? '',
			serviceAddress: account.serviceAddress,
			pastDue: owed,
			daysDelinquent: days,
			onPlan,
			medicalCertification: medical,
			mayBeProcessedForDisconnection: account.class === 'residential' && days >= 60 && owed.gte(Money.of('50.00')) && !onPlan && !medical
		});
	}
	return rows.sort((a, b) => b.daysDelinquent - a.daysDelinquent || a.account.localeCompare(b.account));
}

export type LicenseStatusRow = { businessId: string; business: string; license: string; taxYear: number; status: string; expires: BusinessDate; due: Money };

/**
 * Licenses that need attention: certificates expiring within `withinDays` (renewal notices go out
 * 45 days before June 30) and renewals filed but unpaid after July 31 (delinquent).
 */
export function licenseStatusReport(state: Readonly<SandboxState>, today: BusinessDate, withinDays = 45): { expiring: LicenseStatusRow[]; delinquent: LicenseStatusRow[] } {
	const horizon = addDays(today, withinDays);
	const expiring: LicenseStatusRow[] = [];
	const delinquent: LicenseStatusRow[] = [];
	const latest = new Map<string, (typeof state.licenses.licenses)[string]>();
	for (const l of Object.values(state.licenses.licenses)) {
		const seen = latest.get(l.businessId);
		if (!seen || l.taxYear > seen.taxYear) latest.set(l.businessId, l);
	}
	for (const l of latest.values()) {
		const business = state.licenses.businesses[l.businessId];
		const due = l.paid ? Money.ZERO : sum(l.charges.map((c) => c.amount)).plus(l.penalty);
		const row: LicenseStatusRow = { businessId: l.businessId, business: business?.name ?? '', license: l.number, taxYear: l.taxYear, status: l.status, expires: l.expires, due };
		if (l.status === 'delinquent') delinquent.push(row);
		else if (l.status === 'active' && compareDates(l.expires, today) >= 0 && compareDates(l.expires, horizon) <= 0) expiring.push(row);
	}
	const byName = (a: LicenseStatusRow, b: LicenseStatusRow) => a.business.localeCompare(b.business);
	return { expiring: expiring.sort(byName), delinquent: delinquent.sort(byName) };
}

export type MonthlyStatistics = {
	month: string;
	bills: { count: number; total: Money };
	payments: { count: number; total: Money };
	voids: number;
	newAccounts: number;
	/** Revenue credited to each 4xxx account in the month (credits less debits). */
	revenue: Array<{ account: GlAccount; name: string; amount: Money }>;
	revenueTotal: Money;
};

/** The periodic statistical summary for one month ("2026-10"). */
export function monthlyStatistics(state: Readonly<SandboxState>, month: string): MonthlyStatistics {
	const bills = Object.values(state.utility.bills).filter((b) => b.billDate.startsWith(month));
	const receipts = Object.values(state.cashiering.receipts).filter((r) => r.date.startsWith(month));
	const paid = receipts.filter((r) => r.status !== 'void');
	const activity = state.ledger.monthly[month] ?? {};
	const revenue = (Object.keys(CHART) as GlAccount[])
		.filter((a) => a.startsWith('4') && !isDebitNormal(a) && activity[a])
		.map((account) => ({ account, name: CHART[account], amount: activity[account]!.negated() }));
	return {
		month,
		bills: { count: bills.length, total: sum(bills.map((b) => b.total)) },
		payments: { count: paid.length, total: sum(paid.map((r) => r.total)) },
		voids: receipts.length - paid.length,
		newAccounts: Object.values(state.utility.accounts).filter((a) => a.startDate.startsWith(month)).length,
		revenue,
		revenueTotal: sum(revenue.map((r) => r.amount))
	};
}
