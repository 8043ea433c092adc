import { describe, expect, it } from 'vitest';
import { Money, sum } from '$lib/money';
import { generateCity, SMALL_CITY } from '../city/generate';
import type { SandboxState } from '../model';
import { balanceOwed } from '../utility';
import { WorkloadGenerator } from '../workload';
import { accountLedger } from './utility-ledger';

const city = generateCity(SMALL_CITY);

/** Every account's ledger ends at what it owes less its credit, keeps the deposit it holds, and runs in date order. */
function problemsOf(state: Readonly<SandboxState>, label: string): string[] {
	const problems: string[] = [];
	for (const account of Object.values(state.utility.accounts)) {
		const { lines, depositHeld } = accountLedger(state, account.number);
		const expected = balanceOwed(state, account.number).minus(account.credit);
		const last = lines.at(-1)?.balance ?? Money.ZERO;
		if (!last.eq(expected)) problems.push(`${label} ${account.number}: the ledger ends at ${last}, the account owes ${expected}`);
		if (!depositHeld.eq(account.depositHeld)) problems.push(`${label} ${account.number}: the ledger holds a deposit of ${depositHeld}, the account ${account.depositHeld}`);
		let running = Money.ZERO;
		for (const [i, l] of lines.entries()) {
			running = running.plus(l.charge ?? Money.ZERO).minus(l.credit ?? Money.ZERO);
			if (!running.eq(l.balance)) problems.push(`${label} ${account.number}: line ${i} balance ${l.balance} ≠ ${running}`);
			if ((l.charge === null) === (l.credit === null)) problems.push(`${label} ${account.number}: line ${i} needs exactly one of charge and credit`);
			if (i > 0 && lines[i - 1]!.date > l.date) problems.push(`${label} ${account.number}: line ${i} is out of date order`);
			if (l.date > state.businessDate) problems.push(`${label} ${account.number}: line ${i} is dated after today`);
		}
	}
	return problems;
}

describe('accountLedger', () => {
	it('reconciles every account of the demo city', () => {
		expect(problemsOf(city.state, 'city')).toEqual([]);
	});

	it('shows bills, payments with receipt numbers, penalties, deposits and their release', () => {
		const { state } = city;
		const all = Object.keys(state.utility.accounts).map((n) => accountLedger(state, n).lines);
		const kinds = new Set(all.flat().map((l) => l.kind));
		for (const kind of ['bill', 'payment', 'penalty', 'deposit', 'deposit-release'] as const) expect(kinds, kind).toContain(kind);
		const payment = all.flat().find((l) => l.kind === 'payment')!;
		expect(payment.ref).toMatch(/^R-\d+$/);
		expect(payment.description).toContain(payment.ref);
		const bill = all.flat().find((l) => l.kind === 'bill')!;
		expect(bill.billId).toBe(bill.ref);
	});

	it('credits a tenant’s deposit after twelve bills paid on time, dated the morning after the twelfth is due', () => {
		const { state } = city;
		const credited = Object.keys(state.utility.accounts)
			.map((n) => accountLedger(state, n).lines)
			.flatMap((lines) => lines.filter((l) => l.kind === 'deposit-release' && l.description.startsWith('Deposit credited')));
		expect(credited.length).toBeGreaterThan(0);
		for (const l of credited) {
			const bill = state.utility.bills[l.ref]!;
			expect(l.date > bill.delinquentDate).toBe(true);
			expect(l.credit!.eq(Money.of('175.00'))).toBe(true);
		}
	});

	it('reconciles after random counter work: voids, returned checks, adjustments, transfers, stops, plans and disconnections', () => {
		const problems: string[] = [];
		const kinds = new Set<string>();
		for (let seed = 1; seed <= 16; seed++) {
			const g = new WorkloadGenerator(seed, { maxAccounts: 6 });
			const state = g.engine.emptyState(g.start);
			for (let i = 0; i < 220; i++) {
				const step = g.next(state);
				g.engine.execute(state, step.command, step.ctx);
			}
			problems.push(...problemsOf(state, `seed ${seed}`));
			for (const n of Object.keys(state.utility.accounts)) for (const l of accountLedger(state, n).lines) kinds.add(l.kind);
		}
		expect(problems).toEqual([]);
		for (const kind of ['adjustment', 'reversal', 'fee', 'refund'] as const) expect(kinds, kind).toContain(kind);
	}, 60_000);

	it('is empty for an unknown account', () => {
		expect(accountLedger(city.state, '100-9999')).toEqual({ lines: [], depositHeld: Money.ZERO });
	});

	it('adds up: the charges less the credits are the last balance', () => {
		const n = Object.keys(city.state.utility.accounts)[0]!;
		const { lines } = accountLedger(city.state, n);
		const net = sum(lines.map((l) => l.charge ?? Money.ZERO)).minus(sum(lines.map((l) => l.credit ?? Money.ZERO)));
		expect(net.eq(lines.at(-1)!.balance)).toBe(true);
	});
});
