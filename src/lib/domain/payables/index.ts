import { Money } from '$lib/money';
import { bump, nextId } from '../kernel/ids';
import { accept, reject, type DomainModule, type SandboxState } from '../model';
import { own } from '../input';
import { amount, date, oneOf, text, wholeNumber } from '../validate';
import { DEFECTS, screenInvoice, type ApprovalTitle, type DefectCode, type InvoiceLine, type PurchaseOrder, type ReceivingReport, type Vendor, type VendorInvoice } from './screening';

export * from './screening';

/**
 * Vendor invoices waiting to be screened for payment. The clerk approves an invoice for payment or
 * returns it to the department with every reason. Approving a defective invoice is allowed — it is
 * the mistake the training is about — and the grader compares the decision with `screenInvoice`.
 * (Paying the vendor happens later in Accounts Payable, so no journal entry is posted here.)
 */
export type PayablesSlice = {
	vendors: Record<string, Vendor>;
	purchaseOrders: Record<string, PurchaseOrder>;
	receiving: ReceivingReport[];
	invoices: Record<string, VendorInvoice>;
};

declare module '../model' {
	interface SandboxSlices {
		payables: PayablesSlice;
	}
}

const TITLES: readonly ApprovalTitle[] = ['department head', 'city manager', 'city council'];
const DEFECT_CODES = Object.keys(DEFECTS) as DefectCode[];

function pendingInvoice(state: Readonly<SandboxState>, id: unknown) {
	const invoice = own(state.payables.invoices, id);
	if (!invoice) return reject('not-found', 'There is no such vendor invoice.', 'invoiceId');
	if (invoice.status !== 'pending') return reject('wrong-status', `This invoice was already ${invoice.status}.`);
	return { ok: true as const, invoice };
}

export const payablesModule: DomainModule = {
	name: 'payables',
	initSlice: (state) => {
		state.payables = { vendors: {}, purchaseOrders: {}, receiving: [], invoices: {} };
	},
	commands: {
		'ap.add-vendor': (state, c) => {
			const name = text(c.name, 'name', 'Vendor name', { max: 120 });
			if (!name.ok) return name;
			if (typeof c.w9OnFile !== 'boolean') return reject('invalid-input', 'Say whether a W-9 is on file.', 'w9OnFile');
			return accept({ type: 'ap.vendor-added', id: nextId(state, 'V', 4), name: name.value, w9OnFile: c.w9OnFile });
		},
		'ap.add-po': (state, c) => {
			const number = text(c.number, 'number', 'PO number', { max: 20 });
			if (!number.ok) return number;
			if (own(state.payables.purchaseOrders, number.value)) return reject('policy', `Purchase order ${number.value} already exists.`, 'number');
			if (!own(state.payables.vendors, c.vendorId)) return reject('not-found', 'Choose a vendor from the vendor file.', 'vendorId');
			const dept = text(c.department, 'department', 'Department', { max: 80 });
			if (!dept.ok) return dept;
			const total = amount(c.amount, 'amount', { allowZero: false, field: 'PO amount' });
			if (!total.ok) return total;
			return accept({ type: 'ap.po-added', number: number.value, vendorId: c.vendorId, department: dept.value, amount: total.value.toString() });
		},
		'ap.add-receiving': (state, c) => {
			if (!own(state.payables.purchaseOrders, c.poNumber)) return reject('not-found', 'There is no such purchase order.', 'poNumber');
			const by = text(c.receivedBy, 'receivedBy', 'Received by', { max: 80 });
			if (!by.ok) return by;
			const what = text(c.description, 'description', 'Description', { max: 300 });
			if (!what.ok) return what;
			return accept({ type: 'ap.receiving-added', poNumber: c.poNumber, receivedBy: by.value, description: what.value });
		},
		/** An invoice arrives from a department for screening (datasets and scenarios). Figures are as printed, errors and all. */
		'ap.receive-invoice': (state, c) => {
			const vendorId = text(c.vendorId, 'vendorId', 'Vendor id', { max: 20 });
			if (!vendorId.ok) return vendorId;
			const invoiceNumber = text(c.invoiceNumber, 'invoiceNumber', 'Invoice number', { max: 40, optional: true });
			if (!invoiceNumber.ok) return invoiceNumber;
			const invoiceDate = date(c.invoiceDate, 'invoiceDate', 'Invoice date', { optional: true });
			if (!invoiceDate.ok) return invoiceDate;
			const poNumber = text(c.poNumber, 'poNumber', 'PO number', { max: 20, optional: true });
			if (!poNumber.ok) return poNumber;
			if (!Array.isArray(c.lines) || c.lines.length === 0 || c.lines.length > 50) return reject('invalid-input', 'An invoice needs 1 to 50 lines.', 'lines');
			const lines: Array<Record<string, unknown>> = [];
			for (const [i, raw] of (c.lines as unknown[]).entries()) {
				const l = (raw ?? {}) as Record<string, unknown>;
				const description = text(l.description, `lines.${i}.description`, 'Line description', { max: 200 });
				if (!description.ok) return description;
				const quantity = wholeNumber(l.quantity, `lines.${i}.quantity`, 'Quantity', 1, 100000);
				if (!quantity.ok) return quantity;
				const unitPrice = amount(l.unitPrice, `lines.${i}.unitPrice`, { field: 'Unit price' });
				if (!unitPrice.ok) return unitPrice;
				const extension = amount(l.extension, `lines.${i}.extension`, { field: 'Extension' });
				if (!extension.ok) return extension;
				lines.push({ description: description.value, quantity: quantity.value, unitPrice: unitPrice.value.toString(), extension: extension.value.toString() });
			}
			const figures: Record<string, string> = {};
			for (const f of ['subtotal', 'tax', 'shipping', 'total'] as const) {
				const v = amount(c[f], f, { field: f[0]!.toUpperCase() + f.slice(1) });
				if (!v.ok) return v;
				figures[f] = v.value.toString();
			}
			let approvedBy: { name: string; title: ApprovalTitle } | undefined;
			if (c.approvedBy !== undefined) {
				const a = (c.approvedBy ?? {}) as Record<string, unknown>;
				const name = text(a.name, 'approvedBy.name', 'Approver name', { max: 80 });
				if (!name.ok) return name;
				const title = oneOf(a.title, TITLES, 'approvedBy.title', 'Approver title');
				if (!title.ok) return title;
				approvedBy = { name: name.value, title: title.value };
			}
			return accept({ type: 'ap.invoice-received', id: nextId(state, 'VI', 5), vendorId: vendorId.value, invoiceNumber: invoiceNumber.value, invoiceDate: invoiceDate.value, poNumber: poNumber.value, lines, ...figures, approvedBy });
		},
		'ap.approve': (state, c) => {
			const found = pendingInvoice(state, c.invoiceId);
			if (!found.ok) return found;
			return accept({ type: 'ap.invoice-approved', invoiceId: found.invoice.id });
		},
		'ap.return': (state, c) => {
			const found = pendingInvoice(state, c.invoiceId);
			if (!found.ok) return found;
			if (!Array.isArray(c.reasons) || c.reasons.length === 0) return reject('invalid-input', 'Give every reason the invoice is being returned.', 'reasons');
			const reasons = [...new Set(c.reasons as unknown[])];
			const unknown = reasons.filter((r) => typeof r !== 'string' || !(DEFECT_CODES as string[]).includes(r));
			if (unknown.length) return reject('invalid-input', `Unknown reason: ${unknown.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join(', ')}. Choose from the screening checklist.`, 'reasons');
			const note = text(c.note, 'note', 'Note to the department', { max: 1000, optional: true });
			if (!note.ok) return note;
			return accept({ type: 'ap.invoice-returned', invoiceId: found.invoice.id, reasons, note: note.value });
		}
	},
	events: {
		'ap.vendor-added': (state, e) => {
			state.payables.vendors[e.id as string] = { id: e.id as string, name: e.name as string, w9OnFile: e.w9OnFile as boolean };
			bump(state, 'V');
		},
		'ap.po-added': (state, e) => {
			state.payables.purchaseOrders[e.number as string] = {
				number: e.number as string,
				vendorId: e.vendorId as string,
				department: e.department as string,
				amount: Money.of(e.amount as string),
				spent: Money.ZERO
			};
		},
		'ap.receiving-added': (state, e) => {
			state.payables.receiving.push({ poNumber: e.poNumber as string, date: e.date, receivedBy: e.receivedBy as string, description: e.description as string });
		},
		'ap.invoice-received': (state, e) => {
			const lines = (e.lines as Array<Record<string, string | number>>).map(
				(l): InvoiceLine => ({ description: l.description as string, quantity: l.quantity as number, unitPrice: Money.of(l.unitPrice as string), extension: Money.of(l.extension as string) })
			);
			const invoice: VendorInvoice = {
				id: e.id as string,
				vendorId: e.vendorId as string,
				invoiceNumber: e.invoiceNumber as string,
				poNumber: e.poNumber as string,
				lines,
				subtotal: Money.of(e.subtotal as string),
				tax: Money.of(e.tax as string),
				shipping: Money.of(e.shipping as string),
				total: Money.of(e.total as string),
				status: 'pending'
			};
			if (e.invoiceDate) invoice.invoiceDate = e.invoiceDate as string;
			if (e.approvedBy) invoice.approvedBy = e.approvedBy as VendorInvoice['approvedBy'];
			state.payables.invoices[invoice.id] = invoice;
			bump(state, 'VI');
		},
		'ap.invoice-approved': (state, e) => {
			const invoice = state.payables.invoices[e.invoiceId as string]!;
			invoice.status = 'approved';
			invoice.decision = { date: e.date, by: e.actor, reasons: [], note: '' };
			const po = state.payables.purchaseOrders[invoice.poNumber];
			if (po) po.spent = po.spent.plus(invoice.total);
		},
		'ap.invoice-returned': (state, e) => {
			const invoice = state.payables.invoices[e.invoiceId as string]!;
			invoice.status = 'returned';
			invoice.decision = { date: e.date, by: e.actor, reasons: e.reasons as DefectCode[], note: e.note as string };
		}
	}
};

/** The defects of one invoice as the sandbox's state stands. */
export function invoiceDefects(state: Readonly<SandboxState>, invoiceId: string): DefectCode[] {
	const invoice = own(state.payables.invoices, invoiceId);
	return invoice ? screenInvoice(state.payables, invoice) : [];
}
