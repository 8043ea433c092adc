import type { Money } from '$lib/money';
import type { BusinessDate } from '../dates';
import type { SandboxState } from '../model';
import { normalizePermitNo } from '../permits/commands';
import { own } from '../input';
import { PERMIT_TYPES, type Permit } from '../permits/types';

/** Read models for the permit screens: the fees still to collect come first. */

export const PERMIT_FILTERS = { due: 'Fees due', paid: 'Fees paid', all: 'All' } as const;
export type PermitFilter = keyof typeof PERMIT_FILTERS;

export function isPermitFilter(value: string): value is PermitFilter {
	return Object.hasOwn(PERMIT_FILTERS, value);
}

export const PERMIT_STATUS_LABELS: Record<Permit['status'], string> = { issued: 'Fees due', 'fees-paid': 'Fees paid' };

export type PermitRow = {
	number: string;
	type: string;
	address: string;
	applicant: string;
	issuedOn: BusinessDate;
	total: Money;
	/** What the counter collects now (the whole fee; less only after a returned check took part back). */
	due: Money;
	status: Permit['status'];
};

function row(p: Permit): PermitRow {
	return { number: p.number, type: PERMIT_TYPES[p.type], address: p.address, applicant: p.applicant, issuedOn: p.issuedOn, total: p.total, due: p.total.minus(p.paid), status: p.status };
}

/**
 * Permits matching every word of `q` (number, address, applicant, type), fees due first, then
 * newest issued first; with the count per filter among the matches.
 */
export function permitRows(state: Readonly<SandboxState>, opts: { q?: string; filter?: PermitFilter } = {}): { rows: PermitRow[]; counts: Record<PermitFilter, number> } {
	const words = (opts.q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
	const filter = opts.filter ?? 'all';
	const counts: Record<PermitFilter, number> = { due: 0, paid: 0, all: 0 };
	const rows: PermitRow[] = [];
	for (const p of Object.values(state.permits.permits)) {
		const text = [p.number, p.address, p.applicant, PERMIT_TYPES[p.type]].join(' ').toLowerCase();
		if (!words.every((w) => text.includes(w))) continue;
		const due = p.status === 'issued';
		counts.all++;
		counts[due ? 'due' : 'paid']++;
		if (filter === 'all' || (filter === 'due') === due) rows.push(row(p));
	}
	rows.sort((a, b) => Number(b.status === 'issued') - Number(a.status === 'issued') || b.issuedOn.localeCompare(a.issuedOn) || (a.number < b.number ? 1 : -1));
	return { rows, counts };
}

/** One permit by the number as typed in a URL or search ("bp-2026-0142"), or null. */
export function permitView(state: Readonly<SandboxState>, typed: string) {
	const number = normalizePermitNo(typed);
	const permit = number ? own(state.permits.permits, number) : undefined;
	if (!permit) return null;
	return { ...row(permit), fees: permit.fees, paid: permit.paid, paidReceipt: permit.paidReceipt ?? null, paidOn: permit.paidOn ?? null };
}
