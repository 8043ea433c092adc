import type { Money } from '$lib/money';
import type { BusinessDate } from '../dates';
import type { GlAccount } from '../ledger';

/**
 * The utility-billing slice (POLICY.md §1). Amounts are Money (immutable); events carry them as
 * canonical strings. Items are what the customer owes, one per bill, fee, penalty or deposit, each
 * with what is still unpaid: the 1210 ua:<account> subledger always equals the sum of the unpaid
 * ledger items, 2110 dep:<account> the deposit held and 2120 cr:<account> the credit balance.
 */

export type Service = 'water' | 'wastewater' | 'solid-waste' | 'storm-drain';
export type AccountClass = 'residential' | 'commercial';
export type Dwelling = 'single' | 'multi';
export type MeterSize = '5/8' | '3/4' | '1' | '1.5' | '2';
export type CartSize = '35' | '64' | '96';
export type Occupancy = 'owner' | 'tenant';
/** Deed, escrow papers or tax bill prove ownership; a lease makes the customer a tenant. */
export type Proof = 'deed' | 'escrow' | 'tax-bill' | 'lease';
/** pending: waiting for the start date or the tenant's deposit. */
export type AccountStatus = 'pending' | 'active' | 'closed' | 'disconnected';

export type Customer = { id: string; name: string; phone: string; mailingAddress: string };

export type MeterRead = { date: BusinessDate; reading: number; kind: 'start' | 'regular' | 'final' };

export type UtilityAccount = {
	number: string;
	customerId: string;
	serviceAddress: string;
	class: AccountClass;
	dwelling: Dwelling;
	/** Dwelling units (multi-family wastewater); 1 otherwise. */
	units: number;
	meterSize: MeterSize;
	/** Residential solid-waste cart; commercial accounts have a contract amount instead. */
	cartSize: CartSize | null;
	solidWasteContract: Money | null;
	/** Owners may suspend solid waste while the property is vacant. */
	solidWasteSuspended: boolean;
	parcels: number;
	occupancy: Occupancy;
	proof: Proof;
	status: AccountStatus;
	startDate: BusinessDate;
	stopDate: BusinessDate | null;
	/** Last day already billed (null before the first bill). */
	billedThrough: BusinessDate | null;
	/** The read the last bill ended at (the start read before the first bill). */
	lastBilledRead: MeterRead;
	depositHeld: Money;
	credit: Money;
	cashOnlyUntil: BusinessDate | null;
	medicalUntil: BusinessDate | null;
	disconnectedOn: BusinessDate | null;
	notes: string[];
	/** e.g. 'nonpayment-disconnect' once service was shut off for non-payment. */
	flags: string[];
};

export type ItemKind = 'charge' | 'fee' | 'penalty' | 'deposit' | 'returned';
export type FeeCode = 'disconnect-reconnect' | 'cut-lock' | 'pull-meter' | 'nsf' | 'meter-test';

export type Item = {
	id: string;
	kind: ItemKind;
	description: string;
	postedOn: BusinessDate;
	/** Charges: the date that orders them in payment application (the bill date). */
	billDate: BusinessDate;
	/** Past due on the days after this date (the bill's delinquent date for charges and penalties). */
	dueDate: BusinessDate;
	amount: Money;
	remaining: Money;
	billId?: string;
	fee?: FeeCode;
	/** Penalties: the unpaid current charges the penalty was figured on. */
	penaltyBasis?: Money;
	/** Meter-test fees: the deviation found, once tested ("+2.10"). */
	testResult?: string;
	/** Deposit items cancelled when the account closed before they were paid. */
	cancelled?: boolean;
};

export type BillLine = { service: Service; glAccount: GlAccount; description: string; amount: Money };

export type Bill = {
	id: string;
	account: string;
	itemId: string;
	periodFrom: BusinessDate;
	periodTo: BusinessDate;
	billDate: BusinessDate;
	delinquentDate: BusinessDate;
	lines: BillLine[];
	total: Money;
	/** Water use billed, whole HCF. */
	use: number;
	readFrom: MeterRead;
	readTo: MeterRead;
	final: boolean;
	creditApplied: Money;
};

export type Allocation = { itemId: string; amount: Money };

export type PaymentRecord = {
	receiptNo: string;
	date: BusinessDate;
	postmark?: BusinessDate;
	amount: Money;
	allocations: Allocation[];
	toCredit: Money;
	reversed: boolean;
};

export type InstallmentDue = { no: number; due: BusinessDate; amount: Money };

export type PaymentPlan = {
	id: string;
	account: string;
	signedOn: BusinessDate;
	months: number;
	total: Money;
	installments: InstallmentDue[];
	/** The past-due items the plan covers and what was unpaid on each at signing. */
	covered: Allocation[];
	status: 'active' | 'defaulted';
	defaultedOn?: BusinessDate;
	approvedBy?: string;
};

export type Notice = {
	id: string;
	account: string;
	date: BusinessDate;
	pastDue: Money;
	daysDelinquent: number;
	/** First day service may be shut off (7 business days after the notice). */
	disconnectOnOrAfter: BusinessDate;
	doorHangerOn: BusinessDate | null;
	status: 'open' | 'closed';
};

export type AdjustmentReason = 'billing-error' | 'meter-misread' | 'leak' | 'penalty-waiver' | 'fee-waiver' | 'transfer';

export type Adjustment = {
	id: string;
	account: string;
	date: BusinessDate;
	reason: AdjustmentReason;
	/** credit lowers what the customer owes; charge raises it (billing error or misread only). */
	direction: 'credit' | 'charge';
	amount: Money;
	glAccount: GlAccount;
	itemId?: string;
	billId?: string;
	toAccount?: string;
	note: string;
	enteredBy: string;
	approvedBy?: string;
};

export type RefundRequest = { id: string; account: string; date: BusinessDate; amount: Money; payee: string; mailTo: string };

export type UtilitySlice = {
	customers: Record<string, Customer>;
	accounts: Record<string, UtilityAccount>;
	/** By account number, oldest first (paid items stay, with nothing remaining). */
	items: Record<string, Item[]>;
	reads: Record<string, MeterRead[]>;
	bills: Record<string, Bill>;
	/** Bill ids by delinquent date, so each morning's penalty run looks only at the bills it concerns. */
	billsDueOn: Record<BusinessDate, string[]>;
	/** By account number: which receipt paid which items, so a payment can be reversed exactly. */
	payments: Record<string, PaymentRecord[]>;
	plans: Record<string, PaymentPlan>;
	notices: Record<string, Notice>;
	adjustments: Adjustment[];
	refunds: RefundRequest[];
};

declare module '../model' {
	interface SandboxSlices {
		utility: UtilitySlice;
	}
}

export function emptyUtilitySlice(): UtilitySlice {
	return { customers: {}, accounts: {}, items: {}, reads: {}, bills: {}, billsDueOn: {}, payments: {}, plans: {}, notices: {}, adjustments: [], refunds: [] };
}
