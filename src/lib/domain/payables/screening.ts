import { Money, sum } from '$lib/money';
import type { BusinessDate } from '../dates';
import { own } from '../input';

/**
 * Screening a vendor invoice before payment (POLICY §7): every check the clerk makes, as a pure
 * function, so the sandbox can show and the grader can compare the defects an invoice really has.
 */
export type Vendor = { id: string; name: string; w9OnFile: boolean };
export type PurchaseOrder = { number: string; vendorId: string; department: string; amount: Money; /** already paid against it */ spent: Money };
export type ReceivingReport = { poNumber: string; date: BusinessDate; receivedBy: string; description: string };
export type InvoiceLine = { description: string; quantity: number; unitPrice: Money; extension: Money };
export type ApprovalTitle = 'department head' | 'city manager' | 'city council';

export type VendorInvoice = {
	id: string;
	vendorId: string;
	invoiceNumber: string;
	invoiceDate?: BusinessDate;
	poNumber: string;
	lines: InvoiceLine[];
	subtotal: Money;
	tax: Money;
	shipping: Money;
	total: Money;
	approvedBy?: { name: string; title: ApprovalTitle };
	status: 'pending' | 'approved' | 'returned';
	decision?: { date: BusinessDate; by: string; reasons: DefectCode[]; note: string };
};

export const DEFECTS = {
	'unknown-vendor': 'The vendor is not in the vendor file',
	'no-w9': 'No W-9 on file for the vendor',
	'missing-invoice-number': 'The invoice has no invoice number',
	'missing-invoice-date': 'The invoice has no date',
	'missing-po': 'No purchase order or contract reference',
	'extension-error': 'A line’s quantity × unit price does not equal its extension',
	'subtotal-error': 'The extensions do not add up to the subtotal',
	'total-error': 'Subtotal + tax + shipping does not equal the total',
	duplicate: 'Duplicate: the same vendor and invoice number was already submitted',
	'not-received': 'No receiving report shows the goods or services were received',
	'po-balance': 'The purchase order does not have enough balance left',
	'approval-authority': 'Not approved by someone with authority for this amount',
	'wrong-vendor-po': 'The purchase order is for a different vendor'
} as const;
export type DefectCode = keyof typeof DEFECTS;

/** Who may approve how much (illustrative): department head to $10,000, city manager to $75,000, council above. */
export function authorityLimit(title: ApprovalTitle): Money | null {
	if (title === 'department head') return Money.of('10000.00');
	if (title === 'city manager') return Money.of('75000.00');
	return null; // city council: no limit
}

export type ScreeningFacts = {
	vendors: Record<string, Vendor>;
	purchaseOrders: Record<string, PurchaseOrder>;
	receiving: ReceivingReport[];
	invoices: Record<string, VendorInvoice>;
};

/** Every defect of an invoice, in the order a clerk works down the checklist. */
export function screenInvoice(facts: ScreeningFacts, invoice: VendorInvoice): DefectCode[] {
	const defects: DefectCode[] = [];
	const vendor = own(facts.vendors, invoice.vendorId);
	if (!vendor) defects.push('unknown-vendor');
	else if (!vendor.w9OnFile) defects.push('no-w9');
	if (!invoice.invoiceNumber) defects.push('missing-invoice-number');
	if (!invoice.invoiceDate) defects.push('missing-invoice-date');
	const po = own(facts.purchaseOrders, invoice.poNumber);
	if (!po) defects.push('missing-po');
	else if (po.vendorId !== invoice.vendorId) defects.push('wrong-vendor-po');
	if (invoice.lines.some((l) => !l.unitPrice.times(l.quantity).roundHalfUpToCents().eq(l.extension))) defects.push('extension-error');
	if (!sum(invoice.lines.map((l) => l.extension)).eq(invoice.subtotal)) defects.push('subtotal-error');
	if (!invoice.subtotal.plus(invoice.tax).plus(invoice.shipping).eq(invoice.total)) defects.push('total-error');
	// An earlier invoice with the same vendor and number is a duplicate unless it was returned (a corrected resubmission is fine).
	const duplicate = Object.values(facts.invoices).some(
		(other) => other.id < invoice.id && other.status !== 'returned' && other.vendorId === invoice.vendorId && invoice.invoiceNumber !== '' && other.invoiceNumber === invoice.invoiceNumber
	);
	if (duplicate) defects.push('duplicate');
	if (po && !facts.receiving.some((r) => r.poNumber === po.number)) defects.push('not-received');
	if (po && po.amount.minus(po.spent).lt(invoice.total)) defects.push('po-balance');
	const limit = invoice.approvedBy ? authorityLimit(invoice.approvedBy.title) : Money.ZERO;
	if (!invoice.approvedBy || (limit && invoice.total.gt(limit))) defects.push('approval-authority');
	return defects;
}
