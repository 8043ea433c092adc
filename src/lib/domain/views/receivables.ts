import type { Money } from '$lib/money';
import type { BusinessDate } from '../dates';
import type { SandboxState } from '../model';
import { own } from '../input';
import { AGING_BUCKETS, agingBucket, daysPastDue, type AgingBucket } from '../receivables/aging';
import { INVOICE_CATEGORIES, type Invoice } from '../receivables/types';

/** Read models for the receivables screens: invoices with their age, one invoice with its payments. */

export const INVOICE_FILTERS = { open: 'Open', 'past-due': 'Past due', collections: 'In collections', paid: 'Paid', all: 'All' } as const;
export type InvoiceFilter = keyof typeof INVOICE_FILTERS;

export function isInvoiceFilter(value: string): value is InvoiceFilter {
	return Object.hasOwn(INVOICE_FILTERS, value);
}

export const INVOICE_STATUS_LABELS: Record<Invoice['status'], string> = { open: 'Open', paid: 'Paid', collections: 'In collections' };

export type InvoiceRow = {
	number: string;
	customer: string;
	description: string;
	category: string;
	invoiceDate: BusinessDate;
	dueDate: BusinessDate;
	total: Money;
	balance: Money;
	status: Invoice['status'];
	/** Age of what is still owed; null once paid. */
	bucket: AgingBucket | null;
	daysPastDue: number;
};

function row(inv: Invoice, asOf: BusinessDate): InvoiceRow {
	const owing = inv.balance.isPositive();
	return {
		number: inv.number,
		customer: inv.customer,
		description: inv.description,
		category: INVOICE_CATEGORIES[inv.category],
		invoiceDate: inv.invoiceDate,
		dueDate: inv.dueDate,
		total: inv.total,
		balance: inv.balance,
		status: inv.status,
		bucket: owing ? agingBucket(inv, asOf) : null,
		daysPastDue: owing ? Math.max(0, daysPastDue(inv, asOf)) : 0
	};
}

function inFilter(r: InvoiceRow, filter: InvoiceFilter): boolean {
	switch (filter) {
		case 'all':
			return true;
		case 'open':
			return r.status === 'open';
		case 'past-due':
			return r.status !== 'paid' && r.bucket !== null && r.bucket !== 'current';
		default:
			return r.status === filter;
	}
}

/**
 * Invoices matching every word of `q` (number, customer, address, description, category), newest
 * first, in the chosen filter; with the count per filter among the matches.
 */
export function invoiceRows(state: Readonly<SandboxState>, opts: { q?: string; filter?: InvoiceFilter } = {}): { rows: InvoiceRow[]; counts: Record<InvoiceFilter, number> } {
	const words = (opts.q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
	const filter = opts.filter ?? 'all';
	const counts = Object.fromEntries(Object.keys(INVOICE_FILTERS).map((k) => [k, 0])) as Record<InvoiceFilter, number>;
	const rows: InvoiceRow[] = [];
	for (const inv of Object.values(state.receivables.invoices)) {
		const text = [inv.number, inv.customer, inv.customerAddress, inv.description, INVOICE_CATEGORIES[inv.category]].join(' ').toLowerCase();
		if (!words.every((w) => text.includes(w))) continue;
		const r = row(inv, state.businessDate);
		for (const f of Object.keys(INVOICE_FILTERS) as InvoiceFilter[]) if (inFilter(r, f)) counts[f]++;
		if (inFilter(r, filter)) rows.push(r);
	}
	rows.sort((a, b) => (a.number < b.number ? 1 : -1));
	return { rows, counts };
}

/** One invoice by its number as typed ("inv-000012"), with lines, payments and age; or null. */
export function invoiceView(state: Readonly<SandboxState>, typed: string) {
	const invoice = own(state.receivables.invoices, typed.trim().toUpperCase());
	if (!invoice) return null;
	const r = row(invoice, state.businessDate);
	return {
		...r,
		customerAddress: invoice.customerAddress,
		bucketLabel: r.bucket ? AGING_BUCKETS[r.bucket] : null,
		lines: invoice.lines,
		payments: invoice.payments,
		referredOn: invoice.referredOn ?? null
	};
}
