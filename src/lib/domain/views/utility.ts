import { Money, formatUSD } from '$lib/money';
import { addDays, type BusinessDate } from '../dates';
import { own } from '../input';
import type { Actor, SandboxState } from '../model';
import { delinquentAccounts, type DelinquentRow } from '../reports';
import { search } from '../search';
import {
	CART_LABELS,
	CLASS_LABELS,
	DWELLING_LABELS,
	FEE_LABELS,
	METER_LABELS,
	OCCUPANCY_LABELS,
	PROOF_LABELS,
	SERVICE_LABELS,
	accountBalance,
	aging,
	balanceOwed,
	itemsOf,
	openNotice,
	owedToRestore,
	pastDue,
	planProgress,
	planStanding,
	type AccountBalance,
	type AccountStatus,
	type Aging,
	type Customer,
	type MeterRead,
	type PaymentPlan,
	type UtilityAccount
} from '../utility';
import { MIN_DAYS_DELINQUENT } from '../utility/delinquency';
import { dueByDate, planCommands } from '../utility/plans';
import { DISCONNECT_MINIMUM } from '../utility/rates';
import { accountLedger, billsOfAccount, type LedgerLine } from './utility-ledger';

/** Read models for the utility billing screens: the account list, the account page, a bill, the delinquency list and a plan preview. */

export const STATUS_LABELS: Record<AccountStatus, string> = {
	pending: 'Pending',
	active: 'Active',
	closed: 'Closed',
	disconnected: 'Disconnected'
};

export const STATUS_FILTERS = { all: 'All', active: 'Active', pending: 'Pending', disconnected: 'Disconnected', closed: 'Closed' } as const;
export type StatusFilter = keyof typeof STATUS_FILTERS;

export function isStatusFilter(value: string): value is StatusFilter {
	return Object.hasOwn(STATUS_FILTERS, value);
}

/** A utility account number as printed on the bill (the engine checks it again on every command). */
export function isAccountNumber(value: string): boolean {
	return /^\d{3}-\d{4,}$/.test(value);
}

export type AccountRow = {
	number: string;
	name: string;
	serviceAddress: string;
	phone: string;
	status: AccountStatus;
	occupancy: string;
	owed: Money;
	pastDue: Money;
};

export const PAGE_SIZE = 50;

function accountRow(state: Readonly<SandboxState>, a: UtilityAccount): AccountRow {
	const c = own(state.utility.customers, a.customerId);
	return {
		number: a.number,
		name: c?.name ?? '',
		serviceAddress: a.serviceAddress,
		phone: c?.phone ?? '',
		status: a.status,
		occupancy: a.occupancy,
		owed: balanceOwed(state, a.number),
		pastDue: pastDue(state, a.number, state.businessDate)
	};
}

export type AccountList = { rows: AccountRow[]; total: number; page: number; pages: number };

/**
 * Accounts matching what the clerk typed (number, name, service or mailing address, phone), or every
 * account by number when nothing is typed; one page of `PAGE_SIZE` rows.
 */
export function findAccounts(state: Readonly<SandboxState>, query: string, status: StatusFilter, page: number): AccountList {
	const q = query.trim();
	const matches =
		q.length > 0
			? search(state, q, 1000)
					.filter((h) => h.kind === 'account')
					.map((h) => own(state.utility.accounts, h.ref))
					.filter((a): a is UtilityAccount => a !== undefined)
			: Object.values(state.utility.accounts).sort((a, b) => a.number.localeCompare(b.number));
	const filtered = status === 'all' ? matches : matches.filter((a) => a.status === status);
	const pages = Math.max(1, Math.ceil(filtered.length / PAGE_SIZE));
	const current = Math.min(Math.max(1, page), pages);
	const rows = filtered.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE).map((a) => accountRow(state, a));
	return { rows, total: filtered.length, page: current, pages };
}

export type BillRow = {
	id: string;
	billDate: BusinessDate;
	periodFrom: BusinessDate;
	periodTo: BusinessDate;
	delinquentDate: BusinessDate;
	use: number;
	total: Money;
	unpaid: Money;
	final: boolean;
};

export type PlanView = {
	id: string;
	signedOn: BusinessDate;
	months: number;
	total: Money;
	paid: Money;
	left: Money;
	standing: 'defaulted' | 'completed' | 'current' | 'behind';
	/** Installments due by today not yet paid (the first is due at signing). */
	dueNow: Money;
	defaultedOn: BusinessDate | null;
	approved: boolean;
	installments: Array<{ no: number; due: BusinessDate; amount: Money }>;
};

export type DepositItem = { id: string; description: string; postedOn: BusinessDate; amount: Money; remaining: Money; cancelled: boolean };

export type NoteRow = { date: string; by: string; text: string };

/** An item a clerk can name in an adjustment: a penalty or fee to waive, or a bill to correct. */
export type AdjustableItem = { id: string; kind: 'penalty' | 'fee' | 'charge'; description: string; amount: Money; remaining: Money; postedOn: BusinessDate };

export type AccountPage = {
	account: {
		number: string;
		status: AccountStatus;
		serviceAddress: string;
		classLabel: string;
		class: UtilityAccount['class'];
		dwellingLabel: string;
		units: number;
		meterLabel: string;
		/** "35-gal cart" for residential accounts, the monthly contract for commercial ones. */
		solidWaste: string;
		solidWasteSuspended: boolean;
		parcels: number;
		occupancy: UtilityAccount['occupancy'];
		occupancyLabel: string;
		proofLabel: string;
		startDate: BusinessDate;
		stopDate: BusinessDate | null;
		billedThrough: BusinessDate | null;
	};
	customer: Customer;
	balance: AccountBalance & { aging: Aging; net: Money };
	ledger: LedgerLine[];
	bills: BillRow[];
	deposits: DepositItem[];
	plan: PlanView | null;
	notice: { id: string; date: BusinessDate; pastDue: Money; disconnectOnOrAfter: BusinessDate; doorHangerOn: BusinessDate | null } | null;
	flags: {
		cashOnlyUntil: BusinessDate | null;
		cashOnly: boolean;
		medicalUntil: BusinessDate | null;
		medical: boolean;
		disconnectedOn: BusinessDate | null;
		disconnectedForNonpayment: boolean;
	};
	notes: NoteRow[];
	reads: MeterRead[];
	pendingMeterTest: boolean;
	owedToRestore: Money;
	adjustable: AdjustableItem[];
	fees: Array<{ value: string; label: string }>;
};

function planView(state: Readonly<SandboxState>, plan: PaymentPlan, today: BusinessDate): PlanView {
	const paid = planProgress(state, plan);
	const left = plan.total.minus(paid);
	const dueNow = dueByDate(plan, today).minus(paid);
	return {
		id: plan.id,
		signedOn: plan.signedOn,
		months: plan.months,
		total: plan.total,
		paid,
		left: left.isPositive() ? left : Money.ZERO,
		standing: planStanding(state, plan, today),
		dueNow: plan.status === 'active' && dueNow.isPositive() ? dueNow : Money.ZERO,
		defaultedOn: plan.defaultedOn ?? null,
		approved: plan.approvedBy !== undefined,
		installments: plan.installments.map((i) => ({ ...i }))
	};
}

// Notes are kept as "YYYY-MM-DD <user id>: text".
function noteRow(note: string): NoteRow {
	const m = /^(\d{4}-\d{2}-\d{2}) ([^:]*): ([\s\S]*)$/.exec(note);
	return m ? { date: m[1]!, by: m[2]!, text: m[3]! } : { date: '', by: '', text: note };
}

/** Everything the account page shows, or null when there is no such account in the sandbox. */
export function accountPage(state: Readonly<SandboxState>, number: string): AccountPage | null {
	const a = own(state.utility.accounts, number);
	if (!a) return null;
	const today = state.businessDate;
	const customer = own(state.utility.customers, a.customerId) ?? { id: a.customerId, name: '', phone: '', mailingAddress: '' };
	const items = itemsOf(state, number);
	const bills = billsOfAccount(state, number);
	const plans = Object.values(state.utility.plans).filter((p) => p.account === number);
	const latestPlan = plans.sort((x, y) => x.signedOn.localeCompare(y.signedOn) || x.id.localeCompare(y.id)).at(-1);
	const notice = openNotice(state, number);
	const balance = accountBalance(state, a, today);
	return {
		account: {
			number: a.number,
			status: a.status,
			serviceAddress: a.serviceAddress,
			class: a.class,
			classLabel: CLASS_LABELS[a.class],
			dwellingLabel: DWELLING_LABELS[a.dwelling],
			units: a.units,
			meterLabel: METER_LABELS[a.meterSize],
			solidWaste: a.cartSize ? `${CART_LABELS[a.cartSize]} cart` : a.solidWasteContract ? `contract, ${formatUSD(a.solidWasteContract)} a month` : 'none',
			solidWasteSuspended: a.solidWasteSuspended,
			parcels: a.parcels,
			occupancy: a.occupancy,
			occupancyLabel: OCCUPANCY_LABELS[a.occupancy],
			proofLabel: PROOF_LABELS[a.proof],
			startDate: a.startDate,
			stopDate: a.stopDate,
			billedThrough: a.billedThrough
		},
		customer: { ...customer },
		balance: { ...balance, aging: aging(state, number, today), net: balance.owed.minus(balance.credit) },
		ledger: accountLedger(state, number).lines,
		bills: bills
			.map((b) => ({
				id: b.id,
				billDate: b.billDate,
				periodFrom: b.periodFrom,
				periodTo: b.periodTo,
				delinquentDate: b.delinquentDate,
				use: b.use,
				total: b.total,
				unpaid: items.find((i) => i.id === b.itemId)?.remaining ?? Money.ZERO,
				final: b.final
			}))
			.reverse(),
		deposits: items
			.filter((i) => i.kind === 'deposit')
			.map((i) => ({ id: i.id, description: i.description, postedOn: i.postedOn, amount: i.amount, remaining: i.remaining, cancelled: i.cancelled === true })),
		plan: latestPlan ? planView(state, latestPlan, today) : null,
		notice: notice ? { id: notice.id, date: notice.date, pastDue: notice.pastDue, disconnectOnOrAfter: notice.disconnectOnOrAfter, doorHangerOn: notice.doorHangerOn } : null,
		flags: {
			cashOnlyUntil: a.cashOnlyUntil,
			cashOnly: a.cashOnlyUntil !== null && a.cashOnlyUntil > today,
			medicalUntil: a.medicalUntil,
			medical: a.medicalUntil !== null && a.medicalUntil >= today,
			disconnectedOn: a.disconnectedOn,
			disconnectedForNonpayment: a.flags.includes('nonpayment-disconnect')
		},
		notes: a.notes.map(noteRow).reverse(),
		reads: [...(own(state.utility.reads, number) ?? [])].reverse().slice(0, 6),
		pendingMeterTest: items.some((i) => i.kind === 'fee' && i.fee === 'meter-test' && i.testResult === undefined),
		owedToRestore: owedToRestore(state, a, today),
		adjustable: items
			.filter((i): i is typeof i & { kind: AdjustableItem['kind'] } => i.kind === 'penalty' || i.kind === 'fee' || i.kind === 'charge')
			.map((i) => ({ id: i.id, kind: i.kind, description: i.description, amount: i.amount, remaining: i.remaining, postedOn: i.postedOn }))
			.reverse(),
		fees: Object.entries(FEE_LABELS).map(([value, label]) => ({ value, label }))
	};
}

export type BillStatement = {
	id: string;
	final: boolean;
	account: string;
	customer: Customer;
	serviceAddress: string;
	billDate: BusinessDate;
	periodFrom: BusinessDate;
	periodTo: BusinessDate;
	delinquentDate: BusinessDate;
	/** The late penalty that will post the day after the delinquent date if this bill is unpaid then. */
	penaltyDate: BusinessDate;
	readFrom: MeterRead;
	readTo: MeterRead;
	use: number;
	lines: Array<{ service: string; description: string; amount: Money }>;
	total: Money;
	creditApplied: Money;
	amountDue: Money;
	unpaid: Money;
};

/** One bill as printed, with its remittance slip figures; null when the bill is not this account's. */
export function billStatement(state: Readonly<SandboxState>, number: string, billId: string): BillStatement | null {
	const bill = own(state.utility.bills, billId);
	const a = own(state.utility.accounts, number);
	if (!bill || !a || bill.account !== number) return null;
	const customer = own(state.utility.customers, a.customerId) ?? { id: a.customerId, name: '', phone: '', mailingAddress: '' };
	return {
		id: bill.id,
		final: bill.final,
		account: number,
		customer: { ...customer },
		serviceAddress: a.serviceAddress,
		billDate: bill.billDate,
		periodFrom: bill.periodFrom,
		periodTo: bill.periodTo,
		delinquentDate: bill.delinquentDate,
		penaltyDate: addDays(bill.delinquentDate, 1),
		readFrom: { ...bill.readFrom },
		readTo: { ...bill.readTo },
		use: bill.use,
		lines: bill.lines.map((l) => ({ service: SERVICE_LABELS[l.service], description: l.description, amount: l.amount })),
		total: bill.total,
		creditApplied: bill.creditApplied,
		amountDue: bill.total.minus(bill.creditApplied),
		unpaid: itemsOf(state, number).find((i) => i.id === bill.itemId)?.remaining ?? Money.ZERO
	};
}

export type DelinquencyRow = DelinquentRow & {
	status: AccountStatus;
	residential: boolean;
	notice: { id: string; date: BusinessDate; disconnectOnOrAfter: BusinessDate; doorHangerOn: BusinessDate | null } | null;
	/** Why the account may not be processed for disconnection (empty when it may). */
	holds: string[];
};

/** The delinquent accounts report with each account's notice and what holds it back from disconnection. */
export function delinquencyList(state: Readonly<SandboxState>): DelinquencyRow[] {
	return delinquentAccounts(state, state.businessDate).map((row) => {
		const a = state.utility.accounts[row.account]!;
		const notice = openNotice(state, row.account);
		const holds: string[] = [];
		if (a.class !== 'residential') holds.push('commercial');
		if (row.daysDelinquent < MIN_DAYS_DELINQUENT) holds.push(`under ${MIN_DAYS_DELINQUENT} days`);
		if (row.pastDue.lt(DISCONNECT_MINIMUM)) holds.push(`under ${formatUSD(DISCONNECT_MINIMUM)}`);
		if (row.onPlan) holds.push('payment plan in good standing');
		if (row.medicalCertification) holds.push('medical certification');
		return {
			...row,
			status: a.status,
			residential: a.class === 'residential',
			notice: notice ? { id: notice.id, date: notice.date, disconnectOnOrAfter: notice.disconnectOnOrAfter, doorHangerOn: notice.doorHangerOn } : null,
			holds: row.mayBeProcessedForDisconnection ? [] : holds
		};
	});
}

export type PlanPreview =
	| { ok: true; months: number; total: Money; installments: Array<{ no: number; due: BusinessDate; amount: Money }>; needsApproval: boolean; approvalMessage: string }
	| { ok: false; message: string; field: string };

const PREVIEW_ACTOR: Actor = { id: 'preview', name: 'Preview', supervisor: false };

/**
 * The schedule a plan of `months` would have if signed now, decided by the plan command itself (so
 * the preview and the signing can never disagree); a plan over the clerk's limit is previewed as a
 * supervisor would see it, marked as needing approval.
 */
export function planPreview(state: Readonly<SandboxState>, number: string, months: string): PlanPreview {
	const command = { type: 'utility.create-plan', account: number, months };
	const decide = planCommands['utility.create-plan']!;
	const ctx = { actor: PREVIEW_ACTOR, at: `${state.businessDate}T00:00:00.000Z` };
	let decision = decide(state, command, ctx);
	let approvalMessage = '';
	if (!decision.ok && decision.rejection.code === 'over-authority') {
		approvalMessage = decision.rejection.message;
		decision = decide(state, command, { ...ctx, checkingForApproval: true });
	}
	if (!decision.ok) return { ok: false, message: decision.rejection.message, field: decision.rejection.field ?? 'months' };
	const event = decision.events[0]!;
	const installments = (event.installments as Array<{ no: number; due: string; amount: string }>).map((i) => ({ no: i.no, due: i.due, amount: Money.of(i.amount) }));
	return { ok: true, months: event.months as number, total: Money.of(event.total as string), installments, needsApproval: approvalMessage !== '', approvalMessage };
}

export type Choice = { value: string; label: string };

/** The choices of the service-location fields shared by start and transfer of service. */
export function locationChoices(): Record<'classes' | 'dwellings' | 'meters' | 'carts' | 'occupancies' | 'proofs', Choice[]> {
	const list = (labels: Readonly<Record<string, string>>, suffix = '') => Object.entries(labels).map(([value, label]) => ({ value, label: `${label}${suffix}` }));
	return {
		classes: list(CLASS_LABELS),
		dwellings: list(DWELLING_LABELS),
		meters: list(METER_LABELS),
		carts: list(CART_LABELS),
		occupancies: list(OCCUPANCY_LABELS),
		proofs: list(PROOF_LABELS)
	};
}

/** The fields of a new service location, as the start and transfer commands name them. */
export const LOCATION_FIELDS = ['serviceAddress', 'class', 'dwelling', 'units', 'meterSize', 'cartSize', 'solidWasteContract', 'parcels', 'occupancy', 'proof', 'startDate', 'startRead'] as const;
