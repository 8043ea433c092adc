import { Money, sum } from '$lib/money';
import { wireMoney } from './wire-money';

/**
 * The general ledger on the training edition's chart of accounts (POLICY.md §8). Every event
 * that moves money carries one balanced journal entry; balances are kept per GL account and per
 * subledger (each utility account, business, invoice, deposit and credit balance).
 */
export const CHART = {
	'1010': 'Cash — drawers',
	'1015': 'Change fund (floats)',
	'1020': 'Deposits in transit',
	'1025': 'Card settlements receivable',
	'1210': 'Utility accounts receivable',
	'1220': 'Business license receivable',
	'1230': 'Miscellaneous receivables',
	'1240': 'Returned checks receivable',
	'2110': 'Utility customer deposits',
	'2120': 'Customer credit balances',
	'2210': 'State disability access fee payable',
	'2310': 'Accounts payable',
	'3010': 'Fund balance (opening balances)',
	'4110': 'Water',
	'4120': 'Wastewater',
	'4130': 'Solid waste',
	'4140': 'Storm drain',
	'4150': 'Utility penalties',
	'4160': 'Utility service fees',
	'4210': 'Business license tax',
	'4220': 'Business license penalties',
	'4310': 'Permit fees',
	'4410': 'Rentals and miscellaneous revenue',
	'6990': 'Cash over/short'
} as const;

export type GlAccount = keyof typeof CHART;

/** Control accounts and the prefix of the subledger keys that must add up to each. */
export const CONTROL_ACCOUNTS = {
	'1210': 'ua', // utility account
	'1220': 'bl', // business (license)
	'1230': 'ar', // receivable invoice
	'2110': 'dep', // deposit held for a utility account
	'2120': 'cr' // credit balance of a utility account
} as const satisfies Partial<Record<GlAccount, string>>;

export type SubledgerKey = `${(typeof CONTROL_ACCOUNTS)[keyof typeof CONTROL_ACCOUNTS]}:${string}`;

/** Normal balance side: assets and expenses grow with debits; liabilities and revenue with credits. */
export function isDebitNormal(account: GlAccount): boolean {
	return account.startsWith('1') || account.startsWith('6');
}

export type JournalLine = {
	account: GlAccount;
	/** Exactly one of debit/credit, a positive canonical amount ("12.50"). */
	debit?: string;
	credit?: string;
	/** Required on control accounts: which subledger the line belongs to. */
	sub?: SubledgerKey;
};

export type JournalEntry = { memo: string; lines: JournalLine[] };

export class UnbalancedEntryError extends Error {}

/** Build a journal entry, refusing one that does not balance or misses a subledger. Zero lines are dropped. */
export function journal(memo: string, lines: Array<{ account: GlAccount; debit?: Money; credit?: Money; sub?: SubledgerKey }>): JournalEntry {
	const kept: JournalLine[] = [];
	let debits = Money.ZERO;
	let credits = Money.ZERO;
	for (const l of lines) {
		const amount = l.debit ?? l.credit;
		if (!amount || (l.debit && l.credit)) throw new UnbalancedEntryError(`${memo}: a line needs exactly one of debit or credit`);
		if (amount.isZero()) continue;
		if (amount.isNegative()) throw new UnbalancedEntryError(`${memo}: negative amount on ${l.account}`);
		const control = CONTROL_ACCOUNTS[l.account as keyof typeof CONTROL_ACCOUNTS];
		if (control && !l.sub?.startsWith(`${control}:`)) throw new UnbalancedEntryError(`${memo}: ${l.account} needs a ${control}: subledger`);
		if (!control && l.sub) throw new UnbalancedEntryError(`${memo}: ${l.account} has no subledger`);
		const line: JournalLine = { account: l.account };
		if (l.debit) {
			line.debit = amount.toString();
			debits = debits.plus(amount);
		} else {
			line.credit = amount.toString();
			credits = credits.plus(amount);
		}
		if (l.sub) line.sub = l.sub;
		kept.push(line);
	}
	if (!debits.eq(credits)) throw new UnbalancedEntryError(`${memo}: debits ${debits} ≠ credits ${credits}`);
	return { memo, lines: kept };
}

/** Balances as debit-minus-credit (so liabilities and revenue show negative). */
export type LedgerState = {
	gl: Partial<Record<GlAccount, Money>>;
	sub: Record<string, Money>;
	entries: number;
	/** Debit-minus-credit activity per month ("2026-07") and account, for periodic statistics. */
	monthly: Record<string, Partial<Record<GlAccount, Money>>>;
};

export function emptyLedger(): LedgerState {
	return { gl: {}, sub: {}, entries: 0, monthly: {} };
}

/** Post an entry; with the business date it happened on, it also counts in that month's activity. */
export function postEntry(ledger: LedgerState, entry: JournalEntry, date?: string): void {
	const month = date ? (ledger.monthly[date.slice(0, 7)] ??= {}) : undefined;
	for (const line of entry.lines) {
		// The line's amount is shared and debits add it, credits take it off: one new Money per balance.
		const debit = Boolean(line.debit);
		const amount = wireMoney(debit ? line.debit! : line.credit!);
		ledger.gl[line.account] = moved(ledger.gl[line.account], amount, debit);
		if (line.sub) ledger.sub[line.sub] = moved(ledger.sub[line.sub], amount, debit);
		if (month) month[line.account] = moved(month[line.account], amount, debit);
	}
	ledger.entries++;
}

function moved(balance: Money = Money.ZERO, amount: Money, debit: boolean): Money {
	return debit ? balance.plus(amount) : balance.minus(amount);
}

/**
 * Posting for a replay, where nothing reads the balances until the last event is in: each entry is
 * added up in whole cents, and `close` writes every balance it touched once, leaving the ledger
 * exactly as postEntry would have, entry by entry (same amounts, same keys in the same order).
 */
export class ReplayPostings {
	readonly #ledger: LedgerState;
	readonly #gl = new Map<string, bigint>();
	readonly #sub = new Map<string, bigint>();
	readonly #monthly = new Map<string, Map<string, bigint>>();

	constructor(ledger: LedgerState) {
		this.#ledger = ledger;
	}

	post(entry: JournalEntry, date?: string): void {
		const month = date ? this.#month(date.slice(0, 7)) : undefined;
		for (const line of entry.lines) {
			const cents = line.debit ? wireMoney(line.debit).toCents() : -wireMoney(line.credit!).toCents();
			addCents(this.#gl, line.account, cents);
			if (line.sub) addCents(this.#sub, line.sub, cents);
			if (month) addCents(month, line.account, cents);
		}
		this.#ledger.entries++;
	}

	close(): void {
		const { gl, sub, monthly } = this.#ledger;
		writeBalances(gl as Record<string, Money>, this.#gl);
		writeBalances(sub, this.#sub);
		for (const [key, sums] of this.#monthly) writeBalances((monthly[key] ??= {}) as Record<string, Money>, sums);
	}

	#month(key: string): Map<string, bigint> {
		let sums = this.#monthly.get(key);
		if (!sums) this.#monthly.set(key, (sums = new Map()));
		return sums;
	}
}

function addCents(sums: Map<string, bigint>, key: string, cents: bigint): void {
	sums.set(key, (sums.get(key) ?? 0n) + cents);
}

function writeBalances(balances: Record<string, Money>, sums: Map<string, bigint>): void {
	for (const [key, cents] of sums) balances[key] = Money.fromCents((balances[key]?.toCents() ?? 0n) + cents);
}

/** Debit-minus-credit balance of a GL account. */
export function glBalance(ledger: LedgerState, account: GlAccount): Money {
	return ledger.gl[account] ?? Money.ZERO;
}

/** Debit-minus-credit balance of one subledger. */
export function subBalance(ledger: LedgerState, key: SubledgerKey): Money {
	return ledger.sub[key] ?? Money.ZERO;
}

/** Ledger invariants (beancount-style checks): the books balance and every subledger adds up to its control. */
export function ledgerProblems(ledger: LedgerState): string[] {
	const problems: string[] = [];
	const total = sum(Object.values(ledger.gl));
	if (!total.isZero()) problems.push(`trial balance is off by ${total}`);
	for (const [account, prefix] of Object.entries(CONTROL_ACCOUNTS)) {
		const subs = sum(Object.entries(ledger.sub).filter(([k]) => k.startsWith(`${prefix}:`)).map(([, v]) => v));
		const control = glBalance(ledger, account as GlAccount);
		if (!subs.eq(control)) problems.push(`${account} is ${control} but its ${prefix}: subledgers add up to ${subs}`);
	}
	return problems;
}
