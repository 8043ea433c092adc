import { Money, formatUSD, min, parseMoney } from '$lib/money';
import { addDays, addMonths, formatLongDate, type BusinessDate } from '../dates';
import { journal, type GlAccount } from '../ledger';
import { accept, needsApproval, reject, type CommandContext, type CommandHandler, type EventApplier, type ProposedEvent, type SandboxState } from '../model';
import { wireMoney } from '../wire-money';
import { billsOf } from './billing';
import { creditPlan } from './fees';
import { cr, ua } from './gl';
import { IdAllocator, claimId } from './ids';
import { UtilityInput, own, type Rejected } from './input';
import { applyAllocations, fromWire, itemsOf, latePaymentsWithin12Months, toWire } from './items';
import { CLERK_ADJUSTMENT_LIMIT, DELINQUENT_AFTER_DAYS, SERVICE_GL, leakAdjustment } from './rates';
import type { AdjustmentReason, Item, Service, UtilityAccount } from './types';

/**
 * Adjustments with reason codes (POLICY.md §1 "Adjustments"). A clerk may post up to $50.00; a larger
 * one is refused with `over-authority` and goes to a supervisor through approval.request.
 */

export const REASON_LABELS: Record<AdjustmentReason, string> = {
	'billing-error': 'billing error',
	'meter-misread': 'meter misread',
	leak: 'leak adjustment',
	'penalty-waiver': 'penalty waiver',
	'fee-waiver': 'fee waiver',
	transfer: 'transfer between accounts'
};
export const SERVICE_LABELS: Record<Service, string> = { water: 'water', wastewater: 'wastewater', 'solid-waste': 'solid waste', 'storm-drain': 'storm drain' };
const DIRECTION_LABELS = { credit: 'credit (lowers the balance)', charge: 'charge (raises the balance)' } as const;

/** What an adjustment does, once its reason-specific rules are checked. */
type Plan = {
	reason: AdjustmentReason;
	direction: 'credit' | 'charge';
	amount: Money;
	gl: GlAccount;
	item?: Item;
	billId?: string;
	to?: UtilityAccount;
	note: string;
};

function adjustmentsWithin12Months(state: Readonly<SandboxState>, account: string, reason: AdjustmentReason, today: BusinessDate) {
	const since = addMonths(today, -12);
	return state.utility.adjustments.filter((a) => a.account === account && a.reason === reason && a.date > since);
}

function itemOn(state: Readonly<SandboxState>, account: string, id: string): Item | undefined {
	return itemsOf(state, account).find((i) => i.id === id);
}

/** The leak credit for a bill: 50% of use above the average of the bills in the 12 months before it, at the tier-1 rate. */
export function leakCreditFor(state: Readonly<SandboxState>, account: string, billId: string): { amount: Money; use: number; prior: number[] } | null {
	const bill = own(state.utility.bills, billId);
	if (!bill || bill.account !== account) return null;
	const since = addMonths(bill.billDate, -12);
	const prior = billsOf(state, account).filter((b) => b.billDate < bill.billDate && b.billDate >= since).map((b) => b.use);
	return { amount: leakAdjustment(bill.use, prior), use: bill.use, prior };
}

// Reason-specific checks and amounts; every reason ends in a Plan or a rejection a clerk can act on.
function planFor(state: Readonly<SandboxState>, input: UtilityInput, account: UtilityAccount, reason: AdjustmentReason): Plan | Rejected {
	const today = state.businessDate;
	const n = account.number;
	const note = input.text('note', 'note explaining the adjustment', { max: 500, optional: reason !== 'billing-error' && reason !== 'meter-misread' && reason !== 'transfer' });
	if (reason === 'penalty-waiver' || reason === 'fee-waiver') {
		const kind = reason === 'penalty-waiver' ? 'penalty' : 'fee';
		const itemId = input.text('itemId', `${kind} being waived`, { max: 40 });
		if (input.problem) return input.problem;
		const item = itemOn(state, n, itemId);
		if (!item || item.kind !== kind) return reject('not-found', `${itemId} is not a ${kind} on account ${n}; choose the ${kind} from the account's items.`, 'itemId');
		if (state.utility.adjustments.some((a) => a.account === n && a.itemId === item.id && (a.reason === 'penalty-waiver' || a.reason === 'fee-waiver'))) {
			return reject('policy', `${item.description} (${item.id}) was already waived.`, 'itemId');
		}
		if (reason === 'penalty-waiver') {
			const last = adjustmentsWithin12Months(state, n, 'penalty-waiver', today)[0];
			if (last) return reject('policy', `A penalty was already waived on ${n} on ${formatLongDate(last.date)}; a penalty can be waived at most once in 12 months.`, 'reason');
			const other = latePaymentsWithin12Months(state, n, today).find((p) => p.id !== item.id);
			if (other) return reject('policy', `Account ${n} had another late payment in the last 12 months (penalty of ${formatUSD(other.amount)} on ${formatLongDate(other.postedOn)}), so the penalty cannot be waived.`, 'itemId');
		}
		return { reason, direction: 'credit', amount: item.amount, gl: kind === 'penalty' ? '4150' : '4160', item, note };
	}
	if (reason === 'leak') {
		const billId = input.text('billId', 'bill with the leak', { max: 40 });
		const proof = input.text('repairProof', 'proof of repair (plumber invoice or receipt for parts)', { max: 200 });
		if (input.problem) return input.problem;
		const leak = leakCreditFor(state, n, billId);
		if (!leak) return reject('not-found', `${billId} is not a bill of account ${n}.`, 'billId');
		const last = adjustmentsWithin12Months(state, n, 'leak', today)[0];
		if (last) return reject('policy', `Account ${n} had a leak adjustment on ${formatLongDate(last.date)}; only one is allowed in 12 months.`, 'reason');
		if (leak.prior.length === 0) return reject('policy', 'There is no earlier bill in the 12 months before this one to average; a leak adjustment needs the usage history.', 'billId');
		if (!leak.amount.isPositive()) return reject('policy', `Use on ${billId} (${leak.use} HCF) is not above the 12-month average, so no leak credit is due.`, 'billId');
		const bill = state.utility.bills[billId]!;
		return { reason, direction: 'credit', amount: leak.amount, gl: '4110', item: itemOn(state, n, bill.itemId), billId, note: note || `Repair proof: ${proof}` };
	}
	const amount = input.amount('amount', 'adjustment amount');
	if (reason === 'transfer') {
		const to = input.account(state, 'toAccount');
		if (input.problem || !to) return input.problem ?? reject('invalid-input', 'Enter the account to transfer to.', 'toAccount');
		if (to.number === n) return reject('invalid-input', 'A transfer needs two different accounts.', 'toAccount');
		return { reason, direction: 'credit', amount, gl: '1210', to, note };
	}
	const service = input.oneOf('service', 'service corrected', SERVICE_LABELS);
	const direction = input.oneOf('direction', 'direction', DIRECTION_LABELS, { optional: true }) ?? 'credit';
	const itemId = input.text('itemId', 'bill being corrected', { max: 40, optional: true });
	if (input.problem || !service) return input.problem ?? reject('invalid-input', 'Choose the service corrected.', 'service');
	const item = itemId ? itemOn(state, n, itemId) : undefined;
	if (itemId && (!item || item.kind !== 'charge')) return reject('not-found', `${itemId} is not a bill charge on account ${n}.`, 'itemId');
	return { reason, direction, amount, gl: SERVICE_GL[service], item, note };
}

function adjustedEvent(state: Readonly<SandboxState>, account: UtilityAccount, plan: Plan, ctx: CommandContext): ProposedEvent {
	const today = state.businessDate;
	const ids = new IdAllocator(state);
	const n = account.number;
	const id = ids.next('adjustment');
	const base = {
		type: 'utility.adjusted',
		adjustmentId: id,
		account: n,
		reason: plan.reason,
		direction: plan.direction,
		amount: plan.amount.toString(),
		glAccount: plan.gl,
		note: plan.note,
		...(plan.item ? { itemId: plan.item.id } : {}),
		...(plan.billId ? { billId: plan.billId } : {}),
		...(ctx.approvedBy ? { approvedBy: ctx.approvedBy } : {})
	};
	const memo = `Adjustment ${id} (${REASON_LABELS[plan.reason]}), ${n}`;
	if (plan.direction === 'charge') {
		const itemId = ids.next('item');
		const newItem = { id: itemId, description: `Correction ${id} (${REASON_LABELS[plan.reason]})`, dueDate: addDays(today, DELINQUENT_AFTER_DAYS) };
		return { ...base, newItem, journal: journal(memo, [{ account: '1210', debit: plan.amount, sub: ua(n) }, { account: plan.gl, credit: plan.amount }]) };
	}
	if (plan.to) {
		// Out of the source's credit balance first; the rest is owed again on the source.
		const fromCredit = min(plan.amount, account.credit);
		const owedAgain = plan.amount.minus(fromCredit);
		const itemId = owedAgain.isPositive() ? ids.next('item') : null;
		const target = creditPlan(state, plan.to.number, plan.amount);
		return {
			...base,
			toAccount: plan.to.number,
			fromCredit: fromCredit.toString(),
			newItem: itemId ? { id: itemId, description: `Transfer ${id} to ${plan.to.number}`, dueDate: addDays(today, DELINQUENT_AFTER_DAYS), amount: owedAgain.toString() } : null,
			allocations: toWire(target.allocations),
			toCredit: target.toCredit.toString(),
			journal: journal(memo, [
				{ account: '2120', debit: fromCredit, sub: cr(n) },
				{ account: '1210', debit: owedAgain, sub: ua(n) },
				{ account: '1210', credit: target.applied, sub: ua(plan.to.number) },
				{ account: '2120', credit: target.toCredit, sub: cr(plan.to.number) }
			])
		};
	}
	const credit = creditPlan(state, n, plan.amount, plan.item);
	return {
		...base,
		allocations: toWire(credit.allocations),
		toCredit: credit.toCredit.toString(),
		journal: journal(memo, [
			{ account: plan.gl, debit: plan.amount },
			{ account: '1210', credit: credit.applied, sub: ua(n) },
			{ account: '2120', credit: credit.toCredit, sub: cr(n) }
		])
	};
}

const adjust: CommandHandler = (state, command, ctx) => {
	const input = new UtilityInput(command);
	const account = input.account(state);
	const reason = input.oneOf('reason', 'reason code', REASON_LABELS);
	if (input.problem || !account || !reason) return input.problem ?? reject('invalid-input', 'Choose the reason code.', 'reason');
	const plan = planFor(state, input, account, reason);
	if ('rejection' in plan) return plan;
	if (input.problem) return input.problem;
	if (plan.amount.gt(CLERK_ADJUSTMENT_LIMIT)) {
		const over = needsApproval(ctx, `Adjustment of ${formatUSD(plan.amount)} is over your ${formatUSD(CLERK_ADJUSTMENT_LIMIT)} limit: request supervisor approval.`, 'amount');
		if (over) return over;
	}
	return accept(adjustedEvent(state, account, plan, ctx));
};

/** What the supervisor's queue shows for an over-limit adjustment. */
export function describeAdjustment(state: Readonly<SandboxState>, command: Record<string, unknown>): { kind: 'adjustment'; summary: string } {
	const n = typeof command.account === 'string' ? command.account.trim() : '';
	const account = own(state.utility.accounts, n);
	const reason = typeof command.reason === 'string' && Object.prototype.hasOwnProperty.call(REASON_LABELS, command.reason) ? (command.reason as AdjustmentReason) : null;
	const typed = parseMoney(typeof command.amount === 'string' ? command.amount : '');
	const leak = reason === 'leak' && typeof command.billId === 'string' ? leakCreditFor(state, n, command.billId) : null;
	const amount = leak ? formatUSD(leak.amount) : typed.ok ? formatUSD(typed.value) : '(no amount)';
	const name = account ? (own(state.utility.customers, account.customerId)?.name ?? '') : '';
	const what = reason ? REASON_LABELS[reason] : 'adjustment';
	const to = reason === 'transfer' && typeof command.toAccount === 'string' ? ` to ${command.toAccount}` : '';
	return { kind: 'adjustment', summary: `${what.charAt(0).toUpperCase()}${what.slice(1)} of ${amount} on ${n}${to}${name ? ` (${name})` : ''}` };
}

export const adjustmentCommands: Record<string, CommandHandler> = { 'utility.adjust': adjust };

type WireNewItem = { id: string; description: string; dueDate: string; amount?: string } | null | undefined;

export const adjustmentEvents: Record<string, EventApplier> = {
	'utility.adjusted': (state, event) => {
		const n = event.account as string;
		const amount = wireMoney(event.amount as string);
		const account = state.utility.accounts[n]!;
		const newItem = event.newItem as WireNewItem;
		if (newItem) {
			const owed = wireMoney(newItem.amount ?? (event.amount as string));
			(state.utility.items[n] ??= []).push({ id: newItem.id, kind: 'charge', description: newItem.description, postedOn: event.date, billDate: event.date, dueDate: newItem.dueDate, amount: owed, remaining: owed });
			claimId(state, 'item', newItem.id);
		}
		const target = (event.toAccount as string | undefined) ?? n;
		applyAllocations(state, target, fromWire(event.allocations));
		const toCredit = wireMoney((event.toCredit as string | undefined) ?? '0');
		state.utility.accounts[target]!.credit = state.utility.accounts[target]!.credit.plus(toCredit);
		if (event.fromCredit) account.credit = account.credit.minus(wireMoney(event.fromCredit as string));
		state.utility.adjustments.push({
			id: event.adjustmentId as string,
			account: n,
			date: event.date,
			reason: event.reason as AdjustmentReason,
			direction: event.direction as 'credit' | 'charge',
			amount,
			glAccount: event.glAccount as GlAccount,
			note: event.note as string,
			enteredBy: event.actor,
			...(event.itemId ? { itemId: event.itemId as string } : {}),
			...(event.billId ? { billId: event.billId as string } : {}),
			...(event.toAccount ? { toAccount: event.toAccount as string } : {}),
			...(event.approvedBy ? { approvedBy: event.approvedBy as string } : {})
		});
		claimId(state, 'adjustment', event.adjustmentId as string);
	}
};
