import type { Money } from '$lib/money';
import type { BusinessDate } from '../dates';

/** Permits issued by Development Services; the Finance counter only collects their fees (POLICY.md §4). */
export const PERMIT_TYPES = {
	building: 'Building',
	electrical: 'Electrical',
	plumbing: 'Plumbing',
	mechanical: 'Mechanical',
	grading: 'Grading',
	encroachment: 'Encroachment',
	demolition: 'Demolition',
	sign: 'Sign',
	other: 'Other'
} as const;
export type PermitType = keyof typeof PERMIT_TYPES;

export type FeeLine = { description: string; amount: Money };

export type Permit = {
	/** "BP-2026-0142", as printed on the permit card. */
	number: string;
	type: PermitType;
	address: string;
	applicant: string;
	issuedOn: BusinessDate;
	/** Fees set by Development Services on the permit record. */
	fees: FeeLine[];
	total: Money;
	/** Collected so far: the total once paid; less after a returned check took back part of it. */
	paid: Money;
	status: 'issued' | 'fees-paid';
	paidReceipt?: string;
	paidOn?: BusinessDate;
};

export type PermitsSlice = { permits: Record<string, Permit> };

declare module '../model' {
	interface SandboxSlices {
		permits: PermitsSlice;
	}
}
