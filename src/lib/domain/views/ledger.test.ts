import { describe, expect, it } from 'vitest';
import { Money } from '$lib/money';
import { generateCity, SMALL_CITY } from '../city/generate';
import { dayJournal, trialBalance } from './ledger';

const city = generateCity(SMALL_CITY);

describe('general ledger views', () => {
	it('the trial balance of the demo city balances: debits equal credits', () => {
		const tb = trialBalance(city.state.ledger);
		expect(tb.rows.length).toBeGreaterThan(10);
		expect(tb.debits.eq(tb.credits)).toBe(true);
		expect(tb.rows.every((r) => r.debit.isZero() !== r.credit.isZero())).toBe(true);
	});

	it("a day's journal lists that day's entries and balances by account", () => {
		const day = city.events.find((e) => e.type === 'cash.payment-taken')!.date;
		const j = dayJournal(city.events, day);
		expect(j.entries.length).toBeGreaterThan(0);
		expect(j.debits.eq(j.credits)).toBe(true);
		const cash = j.byAccount.find((a) => a.account === '1010');
		expect(cash?.normal).toBe('debit');
		const sum = j.byAccount.reduce((acc, a) => acc.plus(a.net), Money.ZERO);
		expect(sum.isZero()).toBe(true);
	});

	it('a day with nothing posted is empty', () => {
		const j = dayJournal(city.events, '1999-01-01');
		expect(j.entries).toEqual([]);
		expect(j.debits.isZero()).toBe(true);
	});
});
