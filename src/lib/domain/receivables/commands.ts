import { Money, sum } from '$lib/money';
import { addDays, formatLongDate } from '../dates';
import { journal } from '../ledger';
import { bump, nextId } from '../kernel/ids';
import { accept, reject, type CommandHandler, type EventApplier } from '../model';
import { CommandInput, own } from '../input';
import { daysPastDue } from './aging';
import { INVOICE_CATEGORIES, type Invoice } from './types';

/** Net 30 (POLICY.md §5). */
export const NET_DAYS = 30;
/** Referred to collections only when more than 90 days past due (illustrative). */
export const COLLECTIONS_AFTER_DAYS = 90;
// How far back an invoice may be dated (datasets start with aged invoices); illustrative.
const MAX_BACKDATE_DAYS = 3 * 366;

type LineData = { description: string; amount: string };

/** `ar.create-invoice`: Dr 1230 ar:<no> for the total, Cr 4410 for each line. */
const createInvoice: CommandHandler = (state, command) => {
	const input = new CommandInput(command);
	const customer = input.text('customer', 'Customer name', { max: 120 });
	const customerAddress = input.text('customerAddress', 'Customer address', { max: 200, optional: true });
	const description = input.text('description', 'Description', { max: 200 });
	const category = input.oneOf('category', 'category', INVOICE_CATEGORIES) ?? 'other';
	const invoiceDate = input.date('invoiceDate', 'Invoice date', { fallback: state.businessDate });
	const lines = input.list('lines', 'Invoice lines', 20, 'Line', (line): LineData => ({
		description: line.text('description', 'Description', { max: 120 }),
		amount: line.amount('amount', 'Amount', { max: '9999999.99' }).toString()
	}));
	if (input.problem) return input.problem;
	if (invoiceDate > state.businessDate) return reject('invalid-input', 'The invoice date cannot be after today.', 'invoiceDate');
	if (invoiceDate < addDays(state.businessDate, -MAX_BACKDATE_DAYS)) return reject('invalid-input', 'The invoice date is more than three years ago; check the year.', 'invoiceDate');

	const number = nextId(state, 'INV');
	const amounts = lines.map((l) => Money.of(l.amount));
	const entry = journal(`Invoice ${number} — ${customer}`, [
		{ account: '1230', debit: sum(amounts), sub: `ar:${number}` },
		...amounts.map((credit) => ({ account: '4410' as const, credit }))
	]);
	return accept({
		type: 'ar.invoice-created',
		invoice: { number, customer, customerAddress, description, category, invoiceDate, dueDate: addDays(invoiceDate, NET_DAYS), lines },
		journal: entry
	});
};

/** `ar.refer-to-collections`: only an open invoice with a balance more than 90 days past due. */
const referToCollections: CommandHandler = (state, command) => {
	const input = new CommandInput(command);
	const invoiceNo = input.text('invoiceNo', 'Invoice number', { max: 20 }).toUpperCase();
	if (input.problem) return input.problem;
	const invoice = own(state.receivables.invoices, invoiceNo);
	if (!invoice) return reject('not-found', `There is no invoice ${invoiceNo}; check the number (like INV-000123).`, 'invoiceNo');
	if (invoice.status === 'collections') return reject('wrong-status', `${invoiceNo} was already referred to collections on ${formatLongDate(invoice.referredOn ?? invoice.dueDate)}.`, 'invoiceNo');
	if (invoice.status === 'paid' || !invoice.balance.isPositive()) return reject('wrong-status', `${invoiceNo} is paid in full; nothing to collect.`, 'invoiceNo');
	const days = daysPastDue(invoice, state.businessDate);
	if (days <= COLLECTIONS_AFTER_DAYS) {
		const from = addDays(invoice.dueDate, COLLECTIONS_AFTER_DAYS + 1);
		return reject('policy', `${invoiceNo} is ${Math.max(days, 0)} days past due; it can go to collections only when over 90 days past due (from ${formatLongDate(from)}).`, 'invoiceNo');
	}
	return accept({ type: 'ar.referred-to-collections', invoiceNo, daysPastDue: days, balance: invoice.balance.toString() });
};

export const receivableCommands: Record<string, CommandHandler> = {
	'ar.create-invoice': createInvoice,
	'ar.refer-to-collections': referToCollections
};

export const receivableEvents: Record<string, EventApplier> = {
	'ar.invoice-created': (state, event) => {
		const data = event.invoice as Omit<Invoice, 'lines' | 'total' | 'balance' | 'status' | 'payments'> & { lines: LineData[] };
		const lines = data.lines.map((l) => ({ description: l.description, amount: Money.of(l.amount) }));
		const total = sum(lines.map((l) => l.amount));
		state.receivables.invoices[data.number] = {
			number: data.number,
			customer: data.customer,
			customerAddress: data.customerAddress,
			description: data.description,
			category: data.category,
			invoiceDate: data.invoiceDate,
			dueDate: data.dueDate,
			lines,
			total,
			balance: total,
			status: 'open',
			payments: []
		};
		bump(state, 'INV');
	},
	'ar.referred-to-collections': (state, event) => {
		const invoice = state.receivables.invoices[event.invoiceNo as string]!;
		invoice.status = 'collections';
		invoice.referredOn = event.date;
	}
};
