import { formatUSD, sum, type Money } from '$lib/money';
import type { BusinessDate } from '../dates';
import { own } from '../input';
import type { SandboxState } from '../model';
import { authorityLimit, DEFECTS, screenInvoice, type DefectCode, type PurchaseOrder, type ReceivingReport, type Vendor, type VendorInvoice } from '../payables';

/**
 * Vendor invoices as the screening clerk sees them: the tray, and one invoice beside its purchase
 * order and receiving reports with every check of the screening checklist (POLICY §7) marked.
 * Which checks fail comes from `screenInvoice`; this file only lays the facts out beside them.
 */

export type InvoiceRow = {
	id: string;
	vendor: string;
	invoiceNumber: string;
	invoiceDate?: BusinessDate;
	poNumber: string;
	total: Money;
	status: VendorInvoice['status'];
	decidedOn?: BusinessDate;
};

function row(state: Readonly<SandboxState>, i: VendorInvoice): InvoiceRow {
	const r: InvoiceRow = { id: i.id, vendor: own(state.payables.vendors, i.vendorId)?.name ?? `Unknown vendor ${i.vendorId}`, invoiceNumber: i.invoiceNumber, poNumber: i.poNumber, total: i.total, status: i.status };
	if (i.invoiceDate) r.invoiceDate = i.invoiceDate;
	if (i.decision) r.decidedOn = i.decision.date;
	return r;
}

/** Invoices waiting to be screened (oldest first) and the latest `recent` decisions (newest first). */
export function invoiceTray(state: Readonly<SandboxState>, recent = 15): { pending: InvoiceRow[]; decided: InvoiceRow[] } {
	const all = Object.values(state.payables.invoices).sort((a, b) => (a.id < b.id ? -1 : 1));
	const pending = all.filter((i) => i.status === 'pending').map((i) => row(state, i));
	const decided = all
		.filter((i) => i.decision)
		.sort((a, b) => (a.decision!.date === b.decision!.date ? (a.id < b.id ? 1 : -1) : a.decision!.date < b.decision!.date ? 1 : -1))
		.slice(0, recent)
		.map((i) => row(state, i));
	return { pending, decided };
}

export type CheckResult = { code: DefectCode; label: string; result: 'pass' | 'fail' | 'not-checked'; detail: string };

export type LineView = { description: string; quantity: number; unitPrice: Money; extension: Money; computed: Money; matches: boolean };

export type InvoiceScreen = {
	invoice: Omit<VendorInvoice, 'lines'> & { lines: LineView[] };
	vendor?: Vendor;
	po?: PurchaseOrder & { remaining: Money };
	receiving: ReceivingReport[];
	/** The sum of the printed extensions, and subtotal + tax + shipping, beside the printed figures. */
	extensionsTotal: Money;
	computedTotal: Money;
	approverLimit: Money | null | undefined;
	checks: CheckResult[];
	defects: DefectCode[];
	/** An earlier invoice with the same vendor and number, when there is one. */
	earlier?: InvoiceRow;
};

/** One invoice laid out for screening, or undefined when there is no such invoice. */
export function invoiceScreen(state: Readonly<SandboxState>, id: string): InvoiceScreen | undefined {
	const invoice = own(state.payables.invoices, id);
	if (!invoice) return undefined;
	const p = state.payables;
	const vendor = own(p.vendors, invoice.vendorId);
	const po = own(p.purchaseOrders, invoice.poNumber);
	const receiving = po ? p.receiving.filter((r) => r.poNumber === po.number) : [];
	const lines = invoice.lines.map((l) => {
		const computed = l.unitPrice.times(l.quantity).roundHalfUpToCents();
		return { ...l, computed, matches: computed.eq(l.extension) };
	});
	const extensionsTotal = sum(invoice.lines.map((l) => l.extension));
	const computedTotal = invoice.subtotal.plus(invoice.tax).plus(invoice.shipping);
	const approverLimit = invoice.approvedBy ? authorityLimit(invoice.approvedBy.title) : undefined;
	// Decided invoices are screened as they stood before the decision (their own approval spent the PO).
	const asPending = invoice.status === 'approved' && po ? { ...p, purchaseOrders: { ...p.purchaseOrders, [po.number]: { ...po, spent: po.spent.minus(invoice.total) } } } : p;
	const defects = screenInvoice(asPending, invoice);
	const poFacts = own(asPending.purchaseOrders, invoice.poNumber);
	const earlierInvoice = Object.values(p.invoices).find((o) => o.id < invoice.id && o.vendorId === invoice.vendorId && invoice.invoiceNumber !== '' && o.invoiceNumber === invoice.invoiceNumber && o.status !== 'returned');

	const fails = (code: DefectCode) => defects.includes(code);
	const check = (code: DefectCode, detail: string, applies = true): CheckResult => ({ code, label: DEFECTS[code], result: !applies ? 'not-checked' : fails(code) ? 'fail' : 'pass', detail });
	const noPo = 'No purchase order to check against.';
	const checks: CheckResult[] = [
		check('unknown-vendor', vendor ? `${vendor.name} (${vendor.id}) is in the vendor file.` : `Vendor id ${invoice.vendorId} is not in the vendor file.`),
		check('no-w9', vendor ? (vendor.w9OnFile ? 'W-9 on file.' : 'No W-9 on file.') : 'No vendor to check.', !!vendor),
		check('missing-invoice-number', invoice.invoiceNumber ? `Invoice number ${invoice.invoiceNumber}.` : 'No invoice number printed.'),
		check('missing-invoice-date', invoice.invoiceDate ? `Dated ${invoice.invoiceDate}.` : 'No date printed.'),
		check('missing-po', po ? `Purchase order ${po.number}.` : invoice.poNumber ? `Purchase order ${invoice.poNumber} is not on file.` : 'No purchase order or contract number printed.'),
		check('wrong-vendor-po', po ? `The PO is for ${own(p.vendors, po.vendorId)?.name ?? po.vendorId}.` : noPo, !!po),
		check('extension-error', lines.every((l) => l.matches) ? 'Every line’s quantity × unit price equals its extension.' : `Line ${lines.findIndex((l) => !l.matches) + 1} does not multiply out.`),
		check('subtotal-error', `Extensions add up to ${formatUSD(extensionsTotal)}; subtotal printed ${formatUSD(invoice.subtotal)}.`),
		check('total-error', `Subtotal + tax + shipping = ${formatUSD(computedTotal)}; total printed ${formatUSD(invoice.total)}.`),
		check('duplicate', earlierInvoice ? `Same vendor and number as ${earlierInvoice.id} (${earlierInvoice.status}).` : 'No earlier invoice with this vendor and number.'),
		check('not-received', receiving.length ? `${receiving.length} receiving report${receiving.length === 1 ? '' : 's'} on file.` : 'No receiving report on file.', !!po),
		check('po-balance', poFacts ? `Balance left on the PO before this invoice: ${formatUSD(poFacts.amount.minus(poFacts.spent))}.` : noPo, !!po),
		check(
			'approval-authority',
			invoice.approvedBy
				? `Approved by ${invoice.approvedBy.name}, ${invoice.approvedBy.title} (${approverLimit ? `up to ${formatUSD(approverLimit)}` : 'no limit'}).`
				: 'Nobody signed the approval.'
		)
	];
	const screen: InvoiceScreen = {
		invoice: { ...invoice, lines },
		receiving,
		extensionsTotal,
		computedTotal,
		approverLimit,
		checks,
		defects
	};
	if (vendor) screen.vendor = vendor;
	if (po) screen.po = { ...po, remaining: po.amount.minus(po.spent) };
	if (earlierInvoice) screen.earlier = row(state, earlierInvoice);
	return screen;
}
