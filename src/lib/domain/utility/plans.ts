import { Money, formatUSD, splitEvenly, sum } from '$lib/money';
import { addDays, addMonths, formatLongDate, type BusinessDate } from '../dates';
import { accept, needsApproval, reject, type CommandHandler, type EventApplier, type ProposedEvent, type SandboxState } from '../model';
import { wireMoney } from '../wire-money';
import { IdAllocator, claimId } from './ids';
import { UtilityInput, own } from './input';
import { isLedgerItem, itemsOf, pastDue } from './items';
import { PLAN_MINIMUM } from './rates';
import type { PaymentPlan } from './types';

/**
 * Payment plans (POLICY.md §1, within SB 998): for a past-due balance of $100.00 or more, equal
 * monthly installments, the first due at signing. Progress is what has been paid off the covered
 * items since signing, so any payment (applied oldest first) counts toward the plan.
 */

export const CLERK_PLAN_MONTHS = 6;
export const MAX_PLAN_MONTHS = 12;
/** An installment this many days late defaults the plan (at the start of that day). */
export const PLAN_GRACE_DAYS = 10;

/** Paid so far toward the plan: what the covered items owed at signing less what they owe now. */
export function planProgress(state: Readonly<SandboxState>, plan: PaymentPlan): Money {
	const items = itemsOf(state, plan.account);
	return sum(
		plan.covered.map((c) => {
			const now = items.find((i) => i.id === c.itemId)?.remaining ?? Money.ZERO;
			const paid = c.amount.minus(now);
			return paid.isPositive() ? paid : Money.ZERO;
		})
	);
}

/** Installments due on or before `date`, added up. */
export function dueByDate(plan: PaymentPlan, date: BusinessDate): Money {
	return sum(plan.installments.filter((i) => i.due <= date).map((i) => i.amount));
}

export type PlanStanding = 'defaulted' | 'completed' | 'current' | 'behind';

export function planStanding(state: Readonly<SandboxState>, plan: PaymentPlan, today: BusinessDate): PlanStanding {
	if (plan.status === 'defaulted') return 'defaulted';
	const paid = planProgress(state, plan);
	if (paid.gte(plan.total)) return 'completed';
	return paid.lt(dueByDate(plan, today)) ? 'behind' : 'current';
}

/** The account's plan that is neither defaulted nor paid off (a plan in good standing protects from disconnection). */
export function activePlan(state: Readonly<SandboxState>, account: string, today: BusinessDate): PaymentPlan | undefined {
	return Object.values(state.utility.plans).find((p) => p.account === account && p.status === 'active' && planStanding(state, p, today) !== 'completed');
}

/** The installment whose lateness defaults the plan at the start of `date`, if any. */
export function defaultingInstallment(state: Readonly<SandboxState>, plan: PaymentPlan, date: BusinessDate): number | null {
	if (plan.status !== 'active') return null;
	const paid = planProgress(state, plan);
	if (paid.gte(plan.total)) return null;
	let cumulative = Money.ZERO;
	for (const inst of plan.installments) {
		cumulative = cumulative.plus(inst.amount);
		if (addDays(inst.due, PLAN_GRACE_DAYS) > date) return null;
		if (paid.lt(cumulative)) return inst.no;
	}
	return null;
}

const createPlan: CommandHandler = (state, command, ctx) => {
	const today = state.businessDate;
	const input = new UtilityInput(command);
	const account = input.account(state);
	const months = input.wholeNumber('months', 'number of months', 1, 99);
	if (input.problem || !account) return input.problem ?? reject('invalid-input', 'Enter the utility account number.', 'account');
	if (months > MAX_PLAN_MONTHS) return reject('policy', `A payment plan is never longer than ${MAX_PLAN_MONTHS} months.`, 'months');
	if (account.status === 'closed' || account.status === 'pending') return reject('wrong-status', `Account ${account.number} is ${account.status}; plans are for accounts with service.`, 'account');
	const current = activePlan(state, account.number, today);
	if (current) return reject('policy', `Account ${account.number} already has an active plan (${current.id}, signed ${formatLongDate(current.signedOn)}); only one plan at a time.`, 'account');
	const since = addMonths(today, -12);
	const defaulted = Object.values(state.utility.plans).find((p) => p.account === account.number && p.defaultedOn !== undefined && p.defaultedOn > since);
	if (defaulted) {
		return reject('policy', `A plan on ${account.number} defaulted on ${formatLongDate(defaulted.defaultedOn!)}; no new plan until ${formatLongDate(addMonths(defaulted.defaultedOn!, 12))}.`, 'account');
	}
	const owed = pastDue(state, account.number, today);
	if (owed.lt(PLAN_MINIMUM)) {
		return reject('policy', `Payment plans are for past-due balances of ${formatUSD(PLAN_MINIMUM)} or more; ${account.number} has ${formatUSD(owed)} past due.`, 'account');
	}
	if (months > CLERK_PLAN_MONTHS) {
		const over = needsApproval(ctx, `A ${months}-month plan is over your ${CLERK_PLAN_MONTHS}-month limit: request supervisor approval.`, 'months');
		if (over) return over;
	}
	return accept(planEvent(state, account.number, months, owed, ctx.approvedBy));
};

// Equal installments of the past-due balance, the first due today; the plan covers the past-due items.
function planEvent(state: Readonly<SandboxState>, account: string, months: number, owed: Money, approvedBy: string | undefined): ProposedEvent {
	const today = state.businessDate;
	const covered = itemsOf(state, account).filter((i) => isLedgerItem(i) && i.remaining.isPositive() && i.dueDate < today);
	const amounts = splitEvenly(owed, months);
	return {
		type: 'utility.plan-created',
		planId: new IdAllocator(state).next('plan'),
		account,
		months,
		total: owed.toString(),
		installments: amounts.map((a, i) => ({ no: i + 1, due: addMonths(today, i), amount: a.toString() })),
		covered: covered.map((i) => ({ itemId: i.id, amount: i.remaining.toString() })),
		...(approvedBy ? { approvedBy } : {})
	};
}

/** What the supervisor's queue shows for a plan over six months. */
export function describePlan(state: Readonly<SandboxState>, command: Record<string, unknown>): { kind: 'payment-plan'; summary: string } {
	const n = typeof command.account === 'string' ? command.account.trim() : '';
	const account = own(state.utility.accounts, n);
	const owed = account ? pastDue(state, n, state.businessDate) : Money.ZERO;
	const name = account ? (own(state.utility.customers, account.customerId)?.name ?? '') : '';
	return { kind: 'payment-plan', summary: `${String(command.months)}-month payment plan for ${formatUSD(owed)} past due on ${n}${name ? ` (${name})` : ''}` };
}

export const planCommands: Record<string, CommandHandler> = { 'utility.create-plan': createPlan };

type WireInstallment = { no: number; due: string; amount: string };
type WireAllocation = { itemId: string; amount: string };

export const planEvents: Record<string, EventApplier> = {
	'utility.plan-created': (state, event) => {
		const plan: PaymentPlan = {
			id: event.planId as string,
			account: event.account as string,
			signedOn: event.date,
			months: event.months as number,
			total: wireMoney(event.total as string),
			installments: (event.installments as WireInstallment[]).map((i) => ({ no: i.no, due: i.due, amount: wireMoney(i.amount) })),
			covered: (event.covered as WireAllocation[]).map((c) => ({ itemId: c.itemId, amount: wireMoney(c.amount) })),
			status: 'active'
		};
		if (event.approvedBy) plan.approvedBy = event.approvedBy as string;
		state.utility.plans[plan.id] = plan;
		claimId(state, 'plan', plan.id);
	},
	'utility.plan-defaulted': (state, event) => {
		const plan = state.utility.plans[event.planId as string]!;
		plan.status = 'defaulted';
		plan.defaultedOn = event.date;
	}
};
