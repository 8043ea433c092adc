import { describe, expect, it } from 'vitest';
import { Money, sum } from '$lib/money';
import { addMonths } from '../dates';
import { generateCity, SMALL_CITY } from '../city/generate';
import { cloneState } from '../clone';
import { createClerkSystem } from '../system';
import { balanceOwed, pastDue } from '../utility';
import { accountPage, billStatement, delinquencyList, findAccounts, isAccountNumber, planPreview, PAGE_SIZE } from './utility';

const { state } = generateCity(SMALL_CITY);
const today = state.businessDate;
const accounts = Object.values(state.utility.accounts);
const first = accounts[0]!;
const customer = state.utility.customers[first.customerId]!;

describe('findAccounts', () => {
	it('lists every account by number a page at a time when nothing is typed', () => {
		const list = findAccounts(state, '', 'all', 1);
		expect(list.total).toBe(accounts.length);
		expect(list.rows.length).toBe(Math.min(PAGE_SIZE, accounts.length));
		expect(list.rows.map((r) => r.number)).toEqual([...list.rows.map((r) => r.number)].sort());
		expect(findAccounts(state, '', 'all', 999).page).toBe(list.pages);
	});

	it('finds an account by number, name, address and phone', () => {
		for (const q of [first.number, customer.name, first.serviceAddress, customer.phone, customer.phone.replace(/\D/g, '')]) {
			expect(findAccounts(state, q, 'all', 1).rows.map((r) => r.number), q).toContain(first.number);
		}
		expect(findAccounts(state, 'zzzz no such customer', 'all', 1).total).toBe(0);
	});

	it('filters by status and shows what each account owes', () => {
		const closed = findAccounts(state, '', 'closed', 1);
		expect(closed.rows.every((r) => r.status === 'closed')).toBe(true);
		const row = findAccounts(state, first.number, 'all', 1).rows[0]!;
		expect(row.owed.eq(balanceOwed(state, first.number))).toBe(true);
	});
});

describe('accountPage', () => {
	it('is null for an unknown account', () => {
		expect(accountPage(state, '100-9999')).toBeNull();
		expect(accountPage(state, '__proto__')).toBeNull();
	});

	it('gives the customer, service, balance with aging, the ledger and the bills newest first', () => {
		const page = accountPage(state, first.number)!;
		expect(page.customer.name).toBe(customer.name);
		expect(page.account.serviceAddress).toBe(first.serviceAddress);
		expect(page.balance.owed.eq(balanceOwed(state, first.number))).toBe(true);
		const a = page.balance.aging;
		expect(sum([a.current, a.days1to30, a.days31to60, a.days61to90, a.over90]).eq(page.balance.receivable)).toBe(true);
		expect(page.ledger.at(-1)!.balance.eq(page.balance.net)).toBe(true);
		expect(page.bills.length).toBeGreaterThan(0);
		expect(page.bills[0]!.billDate >= page.bills.at(-1)!.billDate).toBe(true);
	});

	it('shows a running payment plan with its schedule and standing', () => {
		const plan = Object.values(state.utility.plans).at(-1)!;
		const page = accountPage(state, plan.account)!;
		expect(page.plan?.id).toBe(plan.id);
		expect(sum(page.plan!.installments.map((i) => i.amount)).eq(plan.total)).toBe(true);
		expect(['defaulted', 'completed', 'current', 'behind']).toContain(page.plan!.standing);
	});
});

describe('billStatement', () => {
	it('prints a bill with its lines adding to the total, and nothing for another account’s bill', () => {
		const bill = Object.values(state.utility.bills).find((b) => b.account === first.number)!;
		const statement = billStatement(state, first.number, bill.id)!;
		expect(sum(statement.lines.map((l) => l.amount)).eq(statement.total)).toBe(true);
		expect(statement.amountDue.eq(bill.total.minus(bill.creditApplied))).toBe(true);
		expect(statement.delinquentDate).toBe(bill.delinquentDate);
		const other = accounts.find((a) => a.number !== first.number)!;
		expect(billStatement(state, other.number, bill.id)).toBeNull();
		expect(billStatement(state, first.number, 'UB-999999')).toBeNull();
	});
});

describe('delinquencyList', () => {
	it('names what holds back each account that may not be processed for disconnection', () => {
		const rows = delinquencyList(state);
		expect(rows.length).toBeGreaterThan(0);
		for (const r of rows) {
			expect(r.holds.length === 0, r.account).toBe(r.mayBeProcessedForDisconnection);
			expect(r.pastDue.eq(pastDue(state, r.account, today))).toBe(true);
		}
		expect(rows.some((r) => r.mayBeProcessedForDisconnection)).toBe(true);
	});
});

describe('planPreview', () => {
	const owing = accounts.find((a) => a.status === 'active' && pastDue(state, a.number, today).gte(Money.of('100.00')) && !Object.values(state.utility.plans).some((p) => p.account === a.number))!;

	it('previews equal installments of the past-due balance, the first due today', () => {
		const preview = planPreview(state, owing.number, '4');
		expect(preview.ok).toBe(true);
		if (!preview.ok) return;
		expect(preview.total.eq(pastDue(state, owing.number, today))).toBe(true);
		expect(preview.installments.map((i) => i.due)).toEqual([0, 1, 2, 3].map((m) => addMonths(today, m)));
		expect(sum(preview.installments.map((i) => i.amount)).eq(preview.total)).toBe(true);
		expect(preview.needsApproval).toBe(false);
	});

	it('marks a plan over six months as needing a supervisor, and refuses what the engine refuses', () => {
		const long = planPreview(state, owing.number, '9');
		expect(long.ok && long.needsApproval).toBe(true);
		if (long.ok) expect(long.approvalMessage).toContain('supervisor approval');
		for (const months of ['13', 'six', '2.5', '-3', '']) {
			const bad = planPreview(state, owing.number, months);
			expect(bad.ok, months).toBe(false);
			if (!bad.ok) expect(bad.field).toBe('months');
		}
		const small = accounts.find((a) => a.status === 'active' && pastDue(state, a.number, today).isZero())!;
		const refused = planPreview(state, small.number, '3');
		expect(refused.ok).toBe(false);
		if (!refused.ok) expect(refused.message).toContain('$100.00');
	});
});

it('isAccountNumber accepts the printed form only', () => {
	expect(isAccountNumber('100-0001')).toBe(true);
	for (const s of ['1000001', '100-01', 'abc', '100-0001 ']) expect(isAccountNumber(s), s).toBe(false);
});

it('a plan just signed shows its first installment due now, and the payment clears it', () => {
	const engine = createClerkSystem();
	const copy = cloneState(state);
	const clerk = { actor: { id: 'u-test', name: 'Test Clerk', supervisor: false }, at: '2026-11-16T17:00:00.000Z' };
	const account = accounts.find((a) => a.status === 'active' && planPreview(state, a.number, '3').ok)!;
	const signed = engine.execute(copy, { type: 'utility.create-plan', account: account.number, months: '3' }, clerk);
	expect(signed.ok).toBe(true);
	const view = accountPage(copy, account.number)!.plan!;
	expect(view.standing).toBe('behind');
	expect(view.dueNow.eq(view.installments[0]!.amount)).toBe(true);
	expect(sum(view.installments.map((i) => i.amount)).eq(view.total)).toBe(true);
});
