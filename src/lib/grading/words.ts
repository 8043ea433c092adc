/**
 * Words for the grade: values, field names and events as a trainee reads them ("$180.82",
 * "receipt line 1 › amount", "Receipt R-007710: utility account 100-0006 $180.82; cash $200.00").
 * Events are plain JSON here, so this needs no engine.
 */
import { Money, formatUSD } from '../money';
import type { DomainEvent } from '../domain/model';
import { EVENT_LABELS, eventLabel, eventSummary } from '../domain/views/audit';

/** A canonical amount ("180.82", "-1.35"): shown as dollars. Other digit strings (check numbers, ids) are left alone. */
export const MONEY_TEXT = /^-?\d{1,15}\.\d{2}$/;

/** "$1,234.50" for amounts, the text itself for other strings, "yes"/"no", lists and records in words. */
export function formatValue(value: unknown): string {
	if (value === undefined || value === null || value === '') return 'nothing';
	if (typeof value === 'string') return MONEY_TEXT.test(value) ? formatUSD(Money.of(value)) : value;
	if (typeof value === 'boolean') return value ? 'yes' : 'no';
	if (typeof value === 'number') return String(value);
	if (Array.isArray(value)) return value.length === 0 ? 'none' : value.map(formatValue).join('; ');
	if (typeof value === 'object') {
		return Object.entries(value)
			.map(([k, v]) => `${fieldWord(k)} ${formatValue(v)}`)
			.join(', ');
	}
	return String(value);
}

const FIELD_WORDS: Record<string, string> = {
	account: 'account',
	accounts: 'accounts',
	address: 'address',
	amount: 'amount',
	approval: 'approval',
	bank: 'bank',
	brand: 'card brand',
	businessId: 'business',
	change: 'change',
	channel: 'card channel',
	checkDate: 'check date',
	checkNumber: 'check number',
	checks: 'checks',
	class: 'class',
	command: 'action',
	counted: 'counted',
	counts: 'count',
	credit: 'credit balance',
	deposit: 'deposit',
	depositHeld: 'deposit held',
	destination: 'routed to',
	difference: 'over (+) or short (−)',
	direction: 'direction',
	drawerId: 'drawer',
	explanation: 'explanation',
	grossReceipts: 'gross receipts',
	invoiceId: 'invoice',
	itemId: 'item',
	kind: 'kind',
	lines: 'receipt line',
	licenseNo: 'license number',
	note: 'note',
	occupancy: 'owner or tenant',
	owed: 'owed',
	paid: 'paid',
	payee: 'payee',
	payer: 'payer',
	payload: 'request',
	penalty: 'penalty',
	postmark: 'postmark date',
	proof: 'proof of occupancy',
	reason: 'reason code',
	reasons: 'reasons',
	ref: 'account or reference',
	remittance: 'remittance log entry',
	routedTo: 'routed to',
	service: 'service',
	serviceAddress: 'service address',
	stamped: 'date-stamped',
	status: 'status',
	tax: 'tax',
	taxYear: 'tax year',
	tendered: 'tendered',
	tenders: 'tender',
	total: 'total',
	type: 'type',
	withinLimit: 'within ±$2.00',
	witness: 'witness'
};

/** "checkNumber" → "check number" when no better word is known. */
export function fieldWord(key: string): string {
	return FIELD_WORDS[key] ?? key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[-_]/g, ' ').toLowerCase();
}

/** ['lines', 0, 'amount'] → "receipt line 1 › amount". */
export function pathWords(path: readonly (string | number)[]): string {
	const parts: string[] = [];
	for (const seg of path) {
		if (typeof seg === 'number' && parts.length > 0) parts[parts.length - 1] += ` ${seg + 1}`;
		else parts.push(typeof seg === 'number' ? `#${seg + 1}` : fieldWord(seg));
	}
	return parts.join(' › ');
}

/** What each kind of event is called in a sentence ("No payment was recorded."). */
export const EVENT_WORDS: Record<string, string> = {
	'approval.requested': 'approval request',
	'approval.decided': 'approval decision',
	'ap.invoice-approved': 'vendor invoice approval',
	'ap.invoice-returned': 'vendor invoice return',
	'cash.check-returned': 'returned check',
	'cash.drawer-closed': 'drawer close-out',
	'cash.drawer-opened': 'drawer opening',
	'cash.notice-letter-sent': 'notice letter',
	'cash.payment-taken': 'payment',
	'cash.receipt-voided': 'receipt void',
	'clock.day-started': 'new business day',
	'license.applied': 'license application',
	'license.approved': 'license approval',
	'license.clearance-decided': 'clearance decision',
	'license.renewed': 'license renewal',
	'mail.remittance-logged': 'remittance log entry',
	'mail.routed': 'mail routing',
	'mail.stamped': 'date stamp',
	'utility.account-closed': 'account closing',
	'utility.account-opened': 'new utility account',
	'utility.adjusted': 'adjustment',
	'utility.customer-added': 'new customer',
	'utility.fee-charged': 'fee',
	'utility.note-added': 'account note',
	'utility.plan-created': 'payment plan',
	'utility.read-recorded': 'meter read',
	'utility.refund-requested': 'refund request'
};

export function eventWord(type: string): string {
	return EVENT_WORDS[type] ?? type.replace(/^[a-z]+\./, '').replace(/-/g, ' ');
}

type Ev = Record<string, unknown>;
const str = (v: unknown): string => (typeof v === 'string' ? v : v === undefined || v === null ? '' : JSON.stringify(v));
const usd = (v: unknown): string => (typeof v === 'string' && MONEY_TEXT.test(v) ? formatUSD(Money.of(v)) : str(v));
const list = (v: unknown): Ev[] => (Array.isArray(v) ? (v as Ev[]) : []);

function tenderWords(t: Ev): string {
	const amount = usd(t.amount);
	switch (t.type) {
		case 'cash':
			return `cash ${amount}`;
		case 'check':
			return `check #${str(t.checkNumber)} ${amount}`;
		case 'money-order':
			return `money order #${str(t.number)} ${amount}`;
		case 'card':
			return `${str(t.brand)} card ${amount}`;
		default:
			return `${str(t.type)} ${amount}`;
	}
}

/** One event in a sentence a trainee reads next to what was expected. */
export function describeEvent(e: Ev): string {
	switch (e.type) {
		case 'cash.payment-taken': {
			const lines = list(e.lines).map((l) => `${str(l.label) || `${str(l.kind)} ${str(l.ref)}`} ${usd(l.amount)}`);
			const change = typeof e.change === 'string' && e.change !== '0.00' ? `; change ${usd(e.change)}` : '';
			const postmark = e.postmark ? `; postmarked ${str(e.postmark)}` : '';
			return `Receipt ${str(e.receiptNo)}: ${lines.join(', ')}; paid by ${list(e.tenders).map(tenderWords).join(' + ')}${change}${postmark}`;
		}
		case 'cash.drawer-closed': {
			const d = typeof e.difference === 'string' ? e.difference : '0.00';
			const words = d === '0.00' ? 'balanced' : d.startsWith('-') ? `short ${usd(d.slice(1))}` : `over ${usd(d)}`;
			return `Drawer ${str(e.drawerId)} closed out ${words}${e.note ? ` (note: “${str(e.note)}”)` : ''}`;
		}
		case 'cash.drawer-opened':
			return `Drawer ${str(e.drawerId)} opened`;
		case 'cash.receipt-voided':
			return `Receipt ${str(e.receiptNo)} voided`;
		case 'approval.requested':
			return `Asked a supervisor to approve: ${str(e.summary)}`;
		case 'utility.adjusted':
			return `Adjustment ${str(e.adjustmentId)} on ${str(e.account)}: ${str(e.reason)} ${str(e.direction)} of ${usd(e.amount)}${e.approvedBy ? ' (approved)' : ''}`;
		case 'utility.account-opened': {
			const a = (e.account ?? {}) as Ev;
			return `Account ${str(a.number)} opened at ${str(a.serviceAddress)} for a${a.occupancy === 'owner' ? 'n owner' : ' tenant'} (${str(a.proof)}), deposit ${usd(e.deposit)}`;
		}
		case 'utility.customer-added':
			return `Customer ${str((e.customer as Ev | undefined)?.name)} added`;
		case 'license.renewed':
			return `License ${str(e.licenseNo)} renewed for ${str(e.businessId)}, tax year ${str(e.taxYear)}, gross receipts ${usd(e.grossReceipts)}, penalty ${usd(e.penalty)}`;
		case 'license.applied':
			return `License ${str(e.licenseNo)} applied for (${str((e.business as Ev | undefined)?.name)})`;
		case 'ap.invoice-approved':
			return `Vendor invoice ${str(e.invoiceId)} approved for payment`;
		case 'ap.invoice-returned':
			return `Vendor invoice ${str(e.invoiceId)} returned: ${list(e.reasons).map(str).join(', ') || 'no reasons'}`;
		case 'mail.stamped':
			return `Mail ${str(e.itemId)} date-stamped ${str(e.date)}`;
		case 'mail.remittance-logged':
			return `Remittance logged for ${str(e.itemId)}: ${str(e.payer)}, check ${str(e.checkNumber)}, ${usd(e.amount)} to ${str(e.account)}${e.postmark ? `, postmark ${str(e.postmark)}` : ', no postmark'}`;
		case 'mail.routed':
			return `Mail ${str(e.itemId)} routed to ${str(e.destination)}`;
		default: {
			// The audit trail's wording, so every event the clerk system has reads the same in both places.
			const summary = eventSummary(e as unknown as DomainEvent);
			if (Object.hasOwn(EVENT_LABELS, str(e.type))) return summary ? `${eventLabel(str(e.type))}: ${summary}` : eventLabel(str(e.type));
			const word = eventWord(str(e.type));
			return word.charAt(0).toUpperCase() + word.slice(1);
		}
	}
}
