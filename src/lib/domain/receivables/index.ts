import type { DomainModule } from '../model';
import { receivableCommands, receivableEvents } from './commands';
import { invoicePaymentTarget } from './payment';
import './types';

/** Accounts receivable — miscellaneous billing (POLICY.md §5). */
export const receivablesModule: DomainModule = {
	name: 'receivables',
	commands: receivableCommands,
	events: receivableEvents,
	paymentTargets: { invoice: invoicePaymentTarget },
	initSlice: (state) => {
		state.receivables = { invoices: {} };
	}
};

export { agingBucket, agingReport, daysPastDue, AGING_BUCKETS, type AgingBucket, type AgingReport, type AgingRow } from './aging';
export { COLLECTIONS_AFTER_DAYS, NET_DAYS } from './commands';
export { INVOICE_CATEGORIES, type Invoice, type InvoiceCategory, type InvoiceLine, type ReceivablesSlice } from './types';
