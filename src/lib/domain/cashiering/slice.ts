import { Money, sum } from '$lib/money';
import { compareDates, type BusinessDate } from '../dates';
import type { JournalEntry } from '../ledger';
import type { SandboxState } from '../model';
import type { Counts } from './denominations';

/** The cashiering slice: drawer sessions, receipts (never deleted), returned checks, cash-only marks. */
export type CashieringSlice = {
	drawers: Record<string, DrawerSession>;
	/** clerk id → their open drawer's id (one open drawer per clerk). */
	openDrawerByClerk: Record<string, string>;
	receipts: Record<string, Receipt>;
	returnedChecks: Record<string, ReturnedCheck>;
	/** `${kind}:${ref}` → until when only cash, money orders and cards are taken. */
	cashOnly: Record<string, CashOnlyMark>;
};

declare module '../model' {
	interface SandboxSlices {
		cashiering: CashieringSlice;
	}
}

export type DrawerSession = {
	id: string;
	clerkId: string;
	clerkName: string;
	/** Business day the drawer was opened on. */
	date: BusinessDate;
	openedAt: string;
	float: Money;
	openCounts: Counts;
	status: 'open' | 'closed';
	/** Receipts taken on this drawer, in order (voided ones stay listed). */
	receiptNos: string[];
	closeOut?: CloseOut;
};

export type TenderType = 'cash' | 'check' | 'money-order' | 'card';
export type CardBrand = 'Visa' | 'Mastercard' | 'Discover';

export type Tender =
	| { type: 'cash'; amount: Money }
	| { type: 'check'; amount: Money; checkNumber: string; bank: string; checkDate: BusinessDate; returnedAs?: string }
	| { type: 'money-order'; amount: Money; number: string; issuer: string }
	| { type: 'card'; amount: Money; brand: CardBrand; last4: string; channel: 'counter' | 'phone' };

export type ReceiptLine = { kind: string; ref: string; label: string; amount: Money };

/** How much of each tender went to each line (tenders pay the lines in order; change comes off cash). */
export type Allocation = { tender: number; line: number; amount: Money };

export type Receipt = {
	receiptNo: string;
	date: BusinessDate;
	at: string;
	drawerId: string;
	clerkId: string;
	clerkName: string;
	lines: ReceiptLine[];
	tenders: Tender[];
	total: Money;
	tendered: Money;
	change: Money;
	postmark?: BusinessDate;
	allocations: Allocation[];
	/** The entry posted, kept so a void can be proven to reverse it exactly. */
	journal: JournalEntry;
	status: 'valid' | 'void';
	void?: { at: string; date: BusinessDate; by: string; approvedBy: string; reason: string; customerCopyReturned: true };
};

export type CheckList = { count: number; total: Money };

export type CloseOut = {
	closedAt: string;
	date: BusinessDate;
	closedBy: string;
	counts: Counts;
	expected: { cash: Money; checks: CheckList; moneyOrders: CheckList; cards: Money };
	counted: { cash: Money; checks: CheckList; moneyOrders: CheckList; cards: Money };
	/** Counted − expected, cash and card batch together: over (+) or short (−). */
	difference: Money;
	withinLimit: boolean;
	note: string;
	explanation?: string;
	approvedBy?: string;
	deposit: DepositSlip;
};

export type DepositItem = { number: string; bank: string; amount: Money; receiptNo: string };

export type DepositSlip = {
	date: BusinessDate;
	drawerId: string;
	/** Cash counted less the float that stays in the bag. */
	cash: Money;
	/** The cash deposited by denomination, when the float could be made up exactly from the drawer. */
	cashByDenomination?: Counts;
	currency?: Money;
	coin?: Money;
	checks: DepositItem[];
	moneyOrders: DepositItem[];
	checksTotal: Money;
	total: Money;
};

export const RETURN_REASONS = ['nsf', 'account-closed', 'stop-payment', 'signature-irregular', 'refer-to-maker'] as const;
export type ReturnReason = (typeof RETURN_REASONS)[number];

export type ReturnedCheck = {
	id: string;
	receiptNo: string;
	checkNumber: string;
	bank: string;
	amount: Money;
	reason: ReturnReason;
	note: string;
	date: BusinessDate;
	/** What the check had paid, now owed again. */
	reversed: Array<{ kind: string; ref: string; amount: Money }>;
	fee: Money;
	feeAccount: '4160' | '4410';
	feeOutstanding: Money;
	cashOnlyUntil: BusinessDate;
	noticeLetter: 'needed' | 'sent';
	noticeSentOn?: BusinessDate;
};

export type CashOnlyMark = { until: BusinessDate; returnedCheckId: string };

export function emptyCashieringSlice(): CashieringSlice {
	return { drawers: {}, openDrawerByClerk: {}, receipts: {}, returnedChecks: {}, cashOnly: {} };
}

export function cashOnlyKey(kind: string, ref: string): string {
	return `${kind}:${ref}`;
}

/** True while (kind, ref) may pay only by cash, money order or card (12 months after a returned check). */
export function isCashOnly(state: Readonly<SandboxState>, kind: string, ref: string): boolean {
	const mark = state.cashiering.cashOnly[cashOnlyKey(kind, ref)]; // "kind:ref" never names a prototype member
	return !!mark && compareDates(state.businessDate, mark.until) < 0;
}

/** The clerk's open drawer, if any. */
export function openDrawerOf(state: Readonly<SandboxState>, clerkId: string): DrawerSession | undefined {
	const { openDrawerByClerk, drawers } = state.cashiering;
	const id = Object.prototype.hasOwnProperty.call(openDrawerByClerk, clerkId) ? openDrawerByClerk[clerkId] : undefined;
	return id === undefined ? undefined : drawers[id];
}

export type DrawerTotals = {
	receipts: number;
	voids: number;
	cashReceived: Money;
	changeGiven: Money;
	/** Float + cash received − change given. */
	expectedCash: Money;
	checks: Array<DepositItem>;
	moneyOrders: Array<DepositItem>;
	checksTotal: Money;
	moneyOrdersTotal: Money;
	cards: Money;
	cardCount: number;
};

/** What the drawer should hold, by tender, from its receipts (voided receipts count for nothing). */
export function drawerTotals(state: Readonly<SandboxState>, drawer: DrawerSession): DrawerTotals {
	const valid = drawer.receiptNos.map((no) => state.cashiering.receipts[no]).filter((r): r is Receipt => !!r && r.status === 'valid');
	const tenders = valid.flatMap((r) => r.tenders.map((t) => ({ t, r })));
	const cashReceived = sum(tenders.filter(({ t }) => t.type === 'cash').map(({ t }) => t.amount));
	const changeGiven = sum(valid.map((r) => r.change));
	const checks: DepositItem[] = [];
	const moneyOrders: DepositItem[] = [];
	for (const { t, r } of tenders) {
		if (t.type === 'check') checks.push({ number: t.checkNumber, bank: t.bank, amount: t.amount, receiptNo: r.receiptNo });
		if (t.type === 'money-order') moneyOrders.push({ number: t.number, bank: t.issuer, amount: t.amount, receiptNo: r.receiptNo });
	}
	const cardTenders = tenders.filter(({ t }) => t.type === 'card');
	return {
		receipts: valid.length,
		voids: drawer.receiptNos.length - valid.length,
		cashReceived,
		changeGiven,
		expectedCash: drawer.float.plus(cashReceived).minus(changeGiven),
		checks,
		moneyOrders,
		checksTotal: sum(checks.map((c) => c.amount)),
		moneyOrdersTotal: sum(moneyOrders.map((c) => c.amount)),
		cards: sum(cardTenders.map(({ t }) => t.amount)),
		cardCount: cardTenders.length
	};
}
