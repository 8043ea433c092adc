import type { SandboxState } from './model';

/**
 * Global search of the clerk system: what a clerk types at the counter (an account or license
 * number, a name, part of an address, a phone number) matched across every kind of record.
 * Every word of the query must appear somewhere in the record's searchable text; exact number
 * matches come first.
 */
export type SearchKind = 'account' | 'business' | 'license' | 'permit' | 'invoice' | 'vendor-invoice';
export type SearchHit = {
	kind: SearchKind;
	/** The record's number or id, as the workstation's links use it. */
	ref: string;
	title: string;
	detail: string;
	status: string;
};

export const SEARCH_KIND_LABELS: Record<SearchKind, string> = {
	account: 'Utility account',
	business: 'Business',
	license: 'Business license',
	permit: 'Permit',
	invoice: 'AR invoice',
	'vendor-invoice': 'Vendor invoice'
};

const digitsOnly = (s: string) => s.replace(/\D/g, '');

function normalize(s: string): string {
	return s.toLowerCase().replace(/\s+/g, ' ').trim();
}

type Candidate = SearchHit & { text: string; exact: string[] };

function* candidates(state: Readonly<SandboxState>): Generator<Candidate> {
	const { customers, accounts } = state.utility;
	for (const a of Object.values(accounts)) {
		const c = customers[a.customerId];
		const phone = c?.phone ?? '';
		yield {
			kind: 'account',
			ref: a.number,
			title: `${a.number} — ${c?.name ?? 'Unknown customer'}`,
			detail: `${a.serviceAddress} · ${a.occupancy} · ${phone}`,
			status: a.status,
			text: normalize(`${a.number} ${c?.name ?? ''} ${a.serviceAddress} ${c?.mailingAddress ?? ''} ${phone} ${digitsOnly(phone)}`),
			exact: [a.number.toLowerCase()]
		};
	}
	const { businesses, licenses } = state.licenses;
	for (const b of Object.values(businesses)) {
		yield {
			kind: 'business',
			ref: b.id,
			title: `${b.name} (${b.id})`,
			detail: `${b.owner} · ${b.address}`,
			status: b.classification,
			text: normalize(`${b.id} ${b.name} ${b.owner} ${b.address}`),
			exact: [b.id.toLowerCase()]
		};
	}
	for (const l of Object.values(licenses)) {
		const b = businesses[l.businessId];
		yield {
			kind: 'license',
			ref: l.number,
			title: `${l.number} — ${b?.name ?? l.businessId}`,
			detail: `Tax year ${l.taxYear} · ${l.kind}`,
			status: l.status,
			text: normalize(`${l.number} ${b?.name ?? ''} ${b?.owner ?? ''}`),
			exact: [l.number.toLowerCase()]
		};
	}
	for (const p of Object.values(state.permits.permits)) {
		yield {
			kind: 'permit',
			ref: p.number,
			title: `${p.number} — ${p.applicant}`,
			detail: `${p.type} · ${p.address}`,
			status: p.status,
			text: normalize(`${p.number} ${p.applicant} ${p.address}`),
			exact: [p.number.toLowerCase()]
		};
	}
	for (const i of Object.values(state.receivables.invoices)) {
		yield {
			kind: 'invoice',
			ref: i.number,
			title: `${i.number} — ${i.customer}`,
			detail: i.description,
			status: i.status,
			text: normalize(`${i.number} ${i.customer} ${i.customerAddress} ${i.description}`),
			exact: [i.number.toLowerCase()]
		};
	}
	const { vendors, invoices } = state.payables;
	for (const v of Object.values(invoices)) {
		const vendor = vendors[v.vendorId];
		yield {
			kind: 'vendor-invoice',
			ref: v.id,
			title: `${v.id} — ${vendor?.name ?? v.vendorId}`,
			detail: `Invoice ${v.invoiceNumber || '(no number)'} · PO ${v.poNumber || '(none)'}`,
			status: v.status,
			text: normalize(`${v.id} ${vendor?.name ?? ''} ${v.invoiceNumber} ${v.poNumber}`),
			exact: [v.id.toLowerCase(), v.invoiceNumber.toLowerCase()]
		};
	}
}

/** At most `limit` hits for `query` (empty for a query under 2 characters). */
export function search(state: Readonly<SandboxState>, query: string, limit = 25): SearchHit[] {
	const q = normalize(query);
	if (q.length < 2) return [];
	const words = q.split(' ');
	const exact: SearchHit[] = [];
	const partial: SearchHit[] = [];
	for (const c of candidates(state)) {
		if (c.exact.includes(q)) exact.push(strip(c));
		else if (words.every((w) => c.text.includes(w))) partial.push(strip(c));
		if (exact.length >= limit) break;
	}
	return [...exact, ...partial].slice(0, limit);
}

function strip({ kind, ref, title, detail, status }: Candidate): SearchHit {
	return { kind, ref, title, detail, status };
}
