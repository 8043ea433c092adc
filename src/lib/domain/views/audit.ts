import { formatUSD, isMoneyString, Money } from '$lib/money';
import { CHART, type GlAccount } from '../ledger';
import type { DomainEvent } from '../model';

/**
 * The audit trail: every event of a sandbox in words — what kind of event, a one-line summary from
 * its own fields, and its journal entry when money moved. Pure: the caller passes the events.
 */

/** Every event type the clerk system records, in words. */
export const EVENT_LABELS: Record<string, string> = {
	'clock.day-started': 'Business day started',
	'clock.date-set': 'Business date set',
	'approval.requested': 'Supervisor approval requested',
	'approval.decided': 'Supervisor approval decided',
	'books.change-fund-opened': 'Change fund opened',
	'utility.customer-added': 'Utility customer added',
	'utility.customer-updated': 'Utility customer updated',
	'utility.account-opened': 'Utility account opened',
	'utility.account-activated': 'Utility service started',
	'utility.deposit-applied': 'Deposit applied to final bill',
	'utility.refund-requested': 'Refund requested',
	'utility.account-closed': 'Utility account closed',
	'utility.read-recorded': 'Meter read recorded',
	'utility.bill-issued': 'Utility bill issued',
	'utility.fee-charged': 'Utility fee charged',
	'utility.meter-tested': 'Meter tested',
	'utility.adjusted': 'Utility account adjusted',
	'utility.plan-created': 'Payment plan created',
	'utility.plan-defaulted': 'Payment plan defaulted',
	'utility.notice-sent': 'Delinquency notice sent',
	'utility.door-hanger-posted': 'Door hanger posted',
	'utility.disconnected': 'Service disconnected',
	'utility.restored': 'Service restored',
	'utility.medical-certified': 'Medical certification recorded',
	'utility.cash-only-set': 'Account set to cash only',
	'utility.solid-waste-suspended': 'Solid waste service changed',
	'utility.note-added': 'Account note added',
	'utility.penalty-assessed': 'Late penalty assessed',
	'utility.penalty-reduced': 'Late penalty taken back',
	'utility.deposit-credited': 'Deposit credited to the account',
	'cash.drawer-opened': 'Drawer opened',
	'cash.payment-taken': 'Payment taken',
	'cash.receipt-voided': 'Receipt voided',
	'cash.drawer-closed': 'Drawer closed out',
	'cash.check-returned': 'Check returned by the bank',
	'cash.notice-letter-sent': 'Returned check letter sent',
	'license.applied': 'Business license applied for',
	'license.clearance-decided': 'License clearance decided',
	'license.approved': 'Business license approved',
	'license.renewed': 'Business license renewed',
	'license.business-recorded': 'Business recorded',
	'license.penalty-assessed': 'License late penalty assessed',
	'license.expired': 'Business licenses expired',
	'license.renewal-notices-sent': 'Renewal notices sent',
	'permit.recorded': 'Permit recorded',
	'ar.invoice-created': 'Receivable invoice created',
	'ar.referred-to-collections': 'Invoice referred to collections',
	'mail.received': 'Mail received',
	'mail.stamped': 'Mail date-stamped',
	'mail.remittance-logged': 'Remittance logged',
	'mail.routed': 'Mail routed',
	'ap.vendor-added': 'Vendor added',
	'ap.po-added': 'Purchase order added',
	'ap.receiving-added': 'Receiving report added',
	'ap.invoice-received': 'Vendor invoice received',
	'ap.invoice-approved': 'Vendor invoice approved for payment',
	'ap.invoice-returned': 'Vendor invoice returned'
};

/** "Cash drawer opened" for a known type; the raw type otherwise (an event from a newer engine). */
export function eventLabel(type: string): string {
	return Object.hasOwn(EVENT_LABELS, type) ? EVENT_LABELS[type]! : type;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const usd = (v: unknown): string => (isMoneyString(v) ? formatUSD(Money.of(v)) : '');
const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const joined = (...parts: string[]) => parts.filter(Boolean).join(' — ');

const SUMMARIES: Record<string, (e: DomainEvent) => string> = {
	'clock.day-started': (e) => `From ${str(e.from)} to ${str(e.to)}`,
	'clock.date-set': (e) => `From ${str(e.from)} to ${str(e.to)}`,
	'approval.requested': (e) => joined(`${str(e.id)}: ${str(e.summary)}`, str(e.note)),
	'approval.decided': (e) => joined(`${str(e.id)} ${e.approved ? 'approved' : 'denied'}`, str(e.reason)),
	'books.change-fund-opened': (e) => usd(e.amount),
	'utility.customer-added': (e) => joined(str(obj(e.customer).id), str(obj(e.customer).name)),
	'utility.customer-updated': (e) => str(e.customerId),
	'utility.account-opened': (e) => joined(str(obj(e.account).number), str(obj(e.account).serviceAddress)),
	'utility.account-activated': (e) => str(e.account),
	'utility.deposit-applied': (e) => `${usd(e.amount)} on ${str(e.account)}`,
	'utility.refund-requested': (e) => joined(`${str(e.refundId)}: ${usd(e.amount)} from ${str(e.account)}`, str(e.payee)),
	'utility.account-closed': (e) => joined(`${str(e.account)} stopped ${str(e.stopDate)}`, str(e.reason)),
	'utility.read-recorded': (e) => `${str(e.account)}: reading ${str(obj(e.read).reading)} on ${str(obj(e.read).date)}`,
	'utility.bill-issued': (e) => `${str(obj(e.bill).id)} to ${str(e.account)}, ${usd(obj(e.bill).total)}`,
	'utility.fee-charged': (e) => `${str(e.description)} ${usd(e.amount)} on ${str(e.account)}`,
	'utility.meter-tested': (e) => `${str(e.account)}: meter off by ${str(e.deviation)}`,
	'utility.adjusted': (e) => joined(`${str(e.adjustmentId)}: ${str(e.direction)} ${usd(e.amount)} on ${str(e.account)}`, str(e.reason)),
	'utility.plan-created': (e) => `${str(e.planId)}: ${str(e.months)} months, ${usd(e.total)} on ${str(e.account)}`,
	'utility.plan-defaulted': (e) => joined(str(e.planId), str(e.account)),
	'utility.notice-sent': (e) => `${str(e.noticeId)} to ${str(e.account)}: ${usd(e.pastDue)} past due`,
	'utility.door-hanger-posted': (e) => joined(str(e.account), str(e.noticeId)),
	'utility.disconnected': (e) => joined(str(e.account), str(e.noticeId)),
	'utility.restored': (e) => str(e.account),
	'utility.medical-certified': (e) => joined(`${str(e.account)} until ${str(e.until)}`, str(e.certifiedBy)),
	'utility.cash-only-set': (e) => joined(`${str(e.account)} until ${str(e.until)}`, str(e.reason)),
	'utility.solid-waste-suspended': (e) => `${str(e.account)}: ${e.suspended ? 'suspended' : 'resumed'}`,
	'utility.note-added': (e) => joined(str(e.account), str(e.note)),
	'utility.penalty-assessed': (e) => `${usd(e.amount)} on ${str(e.account)} (bill ${str(e.billId)})`,
	'utility.penalty-reduced': (e) => `${usd(e.amount)} back on ${str(e.account)}`,
	'utility.deposit-credited': (e) => `${usd(e.amount)} on ${str(e.account)}`,
	'cash.drawer-opened': (e) => `${str(e.drawerId)} for ${str(e.clerkName)}, float ${usd(e.float)}`,
	'cash.payment-taken': (e) =>
		`${str(e.receiptNo)}: ${usd(e.total)} for ${list(e.lines)
			.map((l) => str(obj(l).ref))
			.join(', ')} by ${list(e.tenders)
			.map((t) => str(obj(t).type))
			.join(' + ')}`,
	'cash.receipt-voided': (e) => joined(str(e.receiptNo), str(e.reason)),
	'cash.drawer-closed': (e) => `${str(e.drawerId)}: over/short ${usd(e.difference)}`,
	'cash.check-returned': (e) => `Check #${str(e.checkNumber)} on ${str(e.receiptNo)}, ${usd(e.amount)} (${str(e.reason)})`,
	'cash.notice-letter-sent': (e) => str(e.returnedCheckId),
	'license.applied': (e) => joined(str(e.licenseNo), str(obj(e.business).name)),
	'license.clearance-decided': (e) => `${str(e.licenseNo)}: ${str(e.department)} ${str(e.decision)}`,
	'license.approved': (e) => str(e.licenseNo),
	'license.renewed': (e) => `${str(e.licenseNo)} for ${str(e.businessId)}`,
	'license.business-recorded': (e) => joined(str(obj(e.business).id), str(obj(e.business).name)),
	'license.penalty-assessed': (e) => `${usd(e.amount)} on ${str(e.licenseNo)}`,
	'license.expired': (e) => `${list(e.licenseNos).length} licenses`,
	'license.renewal-notices-sent': (e) => `${list(e.businessIds).length} businesses, tax year ${str(e.taxYear)}`,
	'permit.recorded': (e) => joined(str(obj(e.permit).number), str(obj(e.permit).address)),
	'ar.invoice-created': (e) => joined(str(obj(e.invoice).number), str(obj(e.invoice).customer)),
	'ar.referred-to-collections': (e) => `${str(e.invoiceNo)}: ${usd(e.balance)}, ${str(e.daysPastDue)} days past due`,
	'mail.received': (e) => joined(str(e.id), str(e.from)),
	'mail.stamped': (e) => str(e.itemId),
	'mail.remittance-logged': (e) => `${str(e.itemId)}: check ${str(e.checkNumber)} from ${str(e.payer)}, ${usd(e.amount)} for ${str(e.account)}; witness ${str(e.witness)}`,
	'mail.routed': (e) => `${str(e.itemId)} to ${str(e.destination)}`,
	'ap.vendor-added': (e) => joined(str(e.id), str(e.name)),
	'ap.po-added': (e) => `${str(e.number)}: ${usd(e.amount)}`,
	'ap.receiving-added': (e) => joined(str(e.poNumber), str(e.description)),
	'ap.invoice-received': (e) => `${str(e.id)}: ${str(e.invoiceNumber)}, ${usd(e.total)}`,
	'ap.invoice-approved': (e) => str(e.invoiceId),
	'ap.invoice-returned': (e) => joined(`${str(e.invoiceId)}: ${list(e.reasons).map(str).join(', ')}`, str(e.note))
};

/** One line saying what the event did, from its own fields. */
export function eventSummary(e: DomainEvent): string {
	const summarize = Object.hasOwn(SUMMARIES, e.type) ? SUMMARIES[e.type] : undefined;
	return summarize ? summarize(e) : '';
}

export type AuditLine = { account: string; name: string; debit?: Money; credit?: Money; sub?: string };
export type AuditRow = { seq: number; type: string; label: string; date: string; at: string; actor: string; summary: string; memo?: string; lines: AuditLine[] };

export type AuditQuery = { type?: string; page?: number; pageSize?: number };
export type AuditPage = {
	rows: AuditRow[];
	/** The event types in the sandbox, with how many of each (for the filter). */
	types: Array<{ type: string; label: string; count: number }>;
	type: string;
	page: number;
	pages: number;
	total: number;
	/** A type asked for that this sandbox has no events of (the page then lists every type). */
	missingType?: string;
};

function auditRow(e: DomainEvent): AuditRow {
	const row: AuditRow = { seq: e.seq, type: e.type, label: eventLabel(e.type), date: e.date, at: e.at, actor: e.actor, summary: eventSummary(e), lines: [] };
	if (e.journal) {
		row.memo = e.journal.memo;
		row.lines = e.journal.lines.map((l) => {
			const line: AuditLine = { account: l.account, name: Object.hasOwn(CHART, l.account) ? CHART[l.account as GlAccount] : '' };
			if (l.debit) line.debit = Money.of(l.debit);
			if (l.credit) line.credit = Money.of(l.credit);
			if (l.sub) line.sub = l.sub;
			return line;
		});
	}
	return row;
}

/** One page of the trail, newest first, optionally of one event type. Out-of-range pages clamp. */
export function auditPage(events: readonly DomainEvent[], query: AuditQuery = {}): AuditPage {
	const counts = new Map<string, number>();
	for (const e of events) counts.set(e.type, (counts.get(e.type) ?? 0) + 1);
	const types = [...counts].map(([type, count]) => ({ type, label: eventLabel(type), count })).sort((a, b) => a.label.localeCompare(b.label));
	const type = query.type && counts.has(query.type) ? query.type : '';
	const size = Math.max(1, query.pageSize ?? 50);
	const matching = type ? events.filter((e) => e.type === type) : events;
	const pages = Math.max(1, Math.ceil(matching.length / size));
	const page = Math.min(Math.max(1, Math.trunc(query.page ?? 1) || 1), pages);
	const rows: AuditRow[] = [];
	// Newest first without copying the whole log.
	const start = matching.length - 1 - (page - 1) * size;
	for (let i = start; i >= 0 && i > start - size; i--) rows.push(auditRow(matching[i]!));
	const result: AuditPage = { rows, types, type, page, pages, total: matching.length };
	if (query.type && !type) result.missingType = query.type;
	return result;
}
