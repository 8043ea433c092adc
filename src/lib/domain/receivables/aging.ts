import { Money } from '$lib/money';
import { daysBetween, type BusinessDate } from '../dates';
import type { SandboxState } from '../model';
import type { Invoice } from './types';

/** Aging buckets by days past due (POLICY.md §5). Over 90 days goes to collections. */
export const AGING_BUCKETS = { current: 'Current', '1-30': '1–30 days', '31-60': '31–60 days', '61-90': '61–90 days', 'over-90': 'Over 90 days' } as const;
export type AgingBucket = keyof typeof AGING_BUCKETS;

/** Days after the due date (0 or less: not yet past due). */
export function daysPastDue(invoice: Pick<Invoice, 'dueDate'>, asOf: BusinessDate): number {
	return daysBetween(invoice.dueDate, asOf);
}

export function agingBucket(invoice: Pick<Invoice, 'dueDate'>, asOf: BusinessDate): AgingBucket {
	const days = daysPastDue(invoice, asOf);
	if (days <= 0) return 'current';
	if (days <= 30) return '1-30';
	if (days <= 60) return '31-60';
	if (days <= 90) return '61-90';
	return 'over-90';
}

export type AgingRow = { invoiceNo: string; customer: string; dueDate: BusinessDate; daysPastDue: number; bucket: AgingBucket; balance: Money; status: Invoice['status'] };
export type AgingReport = { asOf: BusinessDate; rows: AgingRow[]; buckets: Record<AgingBucket, { count: number; total: Money }>; total: Money };

/** Every invoice with a balance, invoiced on or before `asOf`, by bucket; totals add up to the 1230 balance of those invoices. */
export function agingReport(state: Readonly<SandboxState>, asOf: BusinessDate): AgingReport {
	const buckets = Object.fromEntries(Object.keys(AGING_BUCKETS).map((b) => [b, { count: 0, total: Money.ZERO }])) as AgingReport['buckets'];
	const rows: AgingRow[] = [];
	let total = Money.ZERO;
	const invoices = Object.values(state.receivables.invoices).sort((a, b) => (a.number < b.number ? -1 : 1));
	for (const inv of invoices) {
		if (!inv.balance.isPositive() || inv.invoiceDate > asOf) continue;
		const bucket = agingBucket(inv, asOf);
		rows.push({ invoiceNo: inv.number, customer: inv.customer, dueDate: inv.dueDate, daysPastDue: Math.max(0, daysPastDue(inv, asOf)), bucket, balance: inv.balance, status: inv.status });
		buckets[bucket].count++;
		buckets[bucket].total = buckets[bucket].total.plus(inv.balance);
		total = total.plus(inv.balance);
	}
	return { asOf, rows, buckets, total };
}
