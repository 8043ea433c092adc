import { Money } from '$lib/money';
import type { BusinessDate } from '../dates';
import { CHART, isDebitNormal, type GlAccount, type JournalEntry, type LedgerState } from '../ledger';
import type { DomainEvent } from '../model';

/**
 * The general ledger as a clerk's supervisor reads it: a trial balance of every account, and one
 * business day's journal (the entries posted that day, and their totals by account).
 */
export type TrialBalanceRow = { account: GlAccount; name: string; debit: Money; credit: Money };
export type TrialBalance = { rows: TrialBalanceRow[]; debits: Money; credits: Money };

export function trialBalance(ledger: Readonly<LedgerState>): TrialBalance {
	const rows: TrialBalanceRow[] = [];
	let debits = Money.ZERO;
	let credits = Money.ZERO;
	for (const account of Object.keys(CHART) as GlAccount[]) {
		const balance = ledger.gl[account] ?? Money.ZERO;
		if (balance.isZero()) continue;
		const row = { account, name: CHART[account], debit: balance.isNegative() ? Money.ZERO : balance, credit: balance.isNegative() ? balance.negated() : Money.ZERO };
		debits = debits.plus(row.debit);
		credits = credits.plus(row.credit);
		rows.push(row);
	}
	return { rows, debits, credits };
}

export type DayEntry = { seq: number; at: string; actor: string; memo: string; lines: Array<{ account: GlAccount; name: string; sub?: string; debit: Money; credit: Money }> };
export type DayAccountTotal = { account: GlAccount; name: string; debit: Money; credit: Money; net: Money; normal: 'debit' | 'credit' };
export type DayJournal = { date: BusinessDate; entries: DayEntry[]; byAccount: DayAccountTotal[]; debits: Money; credits: Money };

/** Every entry the events posted on `date`, in order, with debit and credit totals per account. */
export function dayJournal(events: readonly DomainEvent[], date: BusinessDate): DayJournal {
	const entries: DayEntry[] = [];
	const totals = new Map<GlAccount, { debit: Money; credit: Money }>();
	let debits = Money.ZERO;
	let credits = Money.ZERO;
	for (const event of events) {
		if (event.date !== date || !event.journal) continue;
		const journal = event.journal as JournalEntry;
		const lines = journal.lines.map((l) => {
			const debit = l.debit ? Money.of(l.debit) : Money.ZERO;
			const credit = l.credit ? Money.of(l.credit) : Money.ZERO;
			const t = totals.get(l.account) ?? { debit: Money.ZERO, credit: Money.ZERO };
			totals.set(l.account, { debit: t.debit.plus(debit), credit: t.credit.plus(credit) });
			debits = debits.plus(debit);
			credits = credits.plus(credit);
			return { account: l.account, name: CHART[l.account], ...(l.sub ? { sub: l.sub } : {}), debit, credit };
		});
		entries.push({ seq: event.seq, at: event.at, actor: event.actor, memo: journal.memo, lines });
	}
	const byAccount = (Object.keys(CHART) as GlAccount[])
		.filter((a) => totals.has(a))
		.map((account) => {
			const t = totals.get(account)!;
			return { account, name: CHART[account], debit: t.debit, credit: t.credit, net: t.debit.minus(t.credit), normal: isDebitNormal(account) ? ('debit' as const) : ('credit' as const) };
		});
	return { date, entries, byAccount, debits, credits };
}
