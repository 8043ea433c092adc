/**
 * Probes: named reads of a final state that a `same-as-reference` or `state` check compares — what
 * an account owes, a drawer's close-out, a license's status… Each gives plain JSON (money as
 * canonical strings, so equality is exact) and the same value in words. Read-only; a missing
 * thing reads as null ("no such account"), never a throw.
 */
import { formatUSD, type Money } from '$lib/money';
import { CHART, glBalance, subBalance, type GlAccount, type SubledgerKey } from '$lib/domain/ledger';
import type { SandboxState } from '$lib/domain/model';
import { balanceOwed } from '$lib/domain/utility';
import type { ProbeName } from './format';

export type ProbeReading = { value: unknown; words: string };
type Probe = (state: Readonly<SandboxState>, args: Readonly<Record<string, string>>) => ProbeReading;

function own<T>(record: Readonly<Record<string, T>>, key: string | undefined): T | undefined {
	return key !== undefined && Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

const m = (x: Money): string => x.toString();
const usd = (x: Money): string => formatUSD(x);
const none = (what: string): ProbeReading => ({ value: null, words: `no ${what}` });
const sameAddress = (a: string, b: string) => a.toLowerCase().replace(/\s+/g, ' ').trim() === b.toLowerCase().replace(/\s+/g, ' ').trim();

function utilityAccount(state: Readonly<SandboxState>, number: string | undefined): ProbeReading {
	const a = own(state.utility.accounts, number?.trim());
	if (!a) return none(`utility account ${number ?? ''}`);
	const owed = balanceOwed(state, a.number);
	return {
		value: { status: a.status, depositHeld: m(a.depositHeld), credit: m(a.credit), owed: m(owed) },
		words: `${a.status}, deposit held ${usd(a.depositHeld)}, credit ${usd(a.credit)}, owes ${usd(owed)}`
	};
}

export const PROBE_READERS: Record<ProbeName, Probe> = {
	'utility-balance': (state, { account }) => {
		const a = own(state.utility.accounts, account?.trim());
		if (!a) return none(`utility account ${account ?? ''}`);
		const owed = balanceOwed(state, a.number);
		return { value: m(owed), words: `${a.number} owes ${usd(owed)}` };
	},
	'utility-account': (state, { account }) => utilityAccount(state, account),
	'account-at-address': (state, { address }) => {
		const open = Object.values(state.utility.accounts)
			.filter((a) => a.status !== 'closed' && sameAddress(a.serviceAddress, address ?? ''))
			.sort((x, y) => (x.number < y.number ? 1 : -1))[0];
		if (!open) return none(`open account at ${address ?? ''}`);
		const owed = balanceOwed(state, open.number);
		const name = own(state.utility.customers, open.customerId)?.name ?? '';
		return {
			value: { status: open.status, class: open.class, occupancy: open.occupancy, proof: open.proof, depositHeld: m(open.depositHeld), owed: m(owed) },
			words: `${open.number} (${name}): ${open.status}, ${open.class}, ${open.occupancy} (${open.proof}), deposit held ${usd(open.depositHeld)}, owes ${usd(owed)}`
		};
	},
	'gl-balance': (state, { gl }) => {
		if (!gl || !Object.prototype.hasOwnProperty.call(CHART, gl)) return none(`GL account ${gl ?? ''}`);
		const b = glBalance(state.ledger, gl as GlAccount);
		return { value: m(b), words: `${CHART[gl as GlAccount]} (${gl}): ${usd(b)}` };
	},
	subledger: (state, { key }) => {
		const b = subBalance(state.ledger, (key ?? '').trim() as SubledgerKey);
		return { value: m(b), words: `${key}: ${usd(b)}` };
	},
	drawer: (state, { drawer }) => {
		const d = own(state.cashiering.drawers, drawer?.trim());
		if (!d) return none(`drawer ${drawer ?? ''}`);
		if (!d.closeOut) return { value: { status: d.status }, words: `drawer ${d.id} ${d.status}` };
		const diff = d.closeOut.difference;
		const words = diff.isZero() ? 'balanced' : diff.isNegative() ? `short ${usd(diff.negated())}` : `over ${usd(diff)}`;
		return {
			value: { status: d.status, difference: m(diff), withinLimit: d.closeOut.withinLimit },
			words: `drawer ${d.id} closed out ${words}${d.closeOut.withinLimit ? '' : ' (beyond ±$2.00)'}`
		};
	},
	license: (state, { business, taxYear }) => {
		const year = Number(taxYear);
		const l = Object.values(state.licenses.licenses).find((x) => x.businessId === business?.trim() && x.taxYear === year);
		if (!l) return none(`license for ${business ?? ''} in tax year ${taxYear ?? ''}`);
		return {
			value: { status: l.status, paid: l.paid, grossReceipts: m(l.grossReceipts), tax: m(l.tax), penalty: m(l.penalty) },
			words: `${l.number}: ${l.status}${l.paid ? ', paid' : ', unpaid'}, gross receipts ${usd(l.grossReceipts)}, tax ${usd(l.tax)}, penalty ${usd(l.penalty)}`
		};
	},
	'business-balance': (state, { business }) => {
		const b = own(state.licenses.businesses, business?.trim());
		if (!b) return none(`business ${business ?? ''}`);
		const owed = subBalance(state.ledger, `bl:${b.id}`);
		return { value: m(owed), words: `${b.name} owes ${usd(owed)}` };
	},
	'vendor-invoice': (state, { invoice }) => {
		const inv = own(state.payables.invoices, invoice?.trim());
		if (!inv) return none(`vendor invoice ${invoice ?? ''}`);
		const reasons = [...(inv.decision?.reasons ?? [])].sort();
		return { value: { status: inv.status, reasons }, words: `${inv.id} ${inv.status}${reasons.length ? ` (${reasons.join(', ')})` : ''}` };
	},
	'mail-item': (state, { item }) => {
		const it = own(state.mail.items, item?.trim());
		if (!it) return none(`mail item ${item ?? ''}`);
		const r = it.remittance;
		const value = {
			stamped: Boolean(it.stampedOn),
			remittance: r ? { amount: m(r.amount), account: r.account, postmark: r.postmark ?? null } : null,
			routedTo: it.routedTo ?? null
		};
		const parts = [
			it.stampedOn ? `stamped ${it.stampedOn}` : 'not stamped',
			r ? `logged ${usd(r.amount)} to ${r.account}${r.postmark ? `, postmark ${r.postmark}` : ', no postmark'}` : 'not on the remittance log',
			it.routedTo ? `routed to ${it.routedTo}` : 'not routed'
		];
		return { value, words: `${it.id}: ${parts.join('; ')}` };
	},
	permit: (state, { permit }) => {
		const p = own(state.permits.permits, permit?.trim());
		if (!p) return none(`permit ${permit ?? ''}`);
		return { value: { status: p.status, paid: m(p.paid) }, words: `${p.number}: ${p.status}, paid ${usd(p.paid)}` };
	},
	receivable: (state, { invoice }) => {
		const inv = own(state.receivables.invoices, invoice?.trim());
		if (!inv) return none(`invoice ${invoice ?? ''}`);
		return { value: { status: inv.status, balance: m(inv.balance) }, words: `${inv.number}: ${inv.status}, balance ${usd(inv.balance)}` };
	}
};

/** Read probe `name` on `state`. */
export function readProbe(state: Readonly<SandboxState>, name: string, args: Readonly<Record<string, string>>): ProbeReading {
	const probe = own(PROBE_READERS, name);
	if (!probe) return { value: null, words: `(unknown probe ${name})` };
	return probe(state, args);
}
