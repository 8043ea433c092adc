import type { Money } from '$lib/money';
import type { BusinessDate } from '../dates';

/** Miscellaneous billing (POLICY.md §5): invoices net 30, aged, referred to collections after 90 days past due. */
export const INVOICE_CATEGORIES = {
	rental: 'Facility rental',
	damage: 'Damage to city property',
	'false-alarm': 'False alarm fee',
	'weed-abatement': 'Weed abatement',
	other: 'Other'
} as const;
export type InvoiceCategory = keyof typeof INVOICE_CATEGORIES;

export type InvoiceLine = { description: string; amount: Money };
export type InvoicePayment = { receiptNo: string; date: BusinessDate; amount: Money };

export type Invoice = {
	/** "INV-000123"; also the subledger key ar:INV-000123 under 1230. */
	number: string;
	customer: string;
	customerAddress: string;
	description: string;
	category: InvoiceCategory;
	invoiceDate: BusinessDate;
	/** Net 30: invoice date + 30 days. */
	dueDate: BusinessDate;
	lines: InvoiceLine[];
	total: Money;
	balance: Money;
	status: 'open' | 'paid' | 'collections';
	payments: InvoicePayment[];
	referredOn?: BusinessDate;
};

export type ReceivablesSlice = { invoices: Record<string, Invoice> };

declare module '../model' {
	interface SandboxSlices {
		receivables: ReceivablesSlice;
	}
}
