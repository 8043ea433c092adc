import { sum } from '$lib/money';
import { subBalance } from '../ledger';
import type { DomainModule, SandboxState } from '../model';
import { accountCommands, accountEvents } from './accounts';
import { adjustmentCommands, adjustmentEvents, describeAdjustment } from './adjustments';
import { dayEvents, onNewDay } from './day';
import { delinquencyCommands, delinquencyEvents } from './delinquency';
import { feeCommands, feeEvents } from './fees';
import { flagCommands, flagEvents } from './flags';
import { cr, dep, ua } from './gl';
import { isLedgerItem, itemsOf } from './items';
import { utilityPaymentTarget } from './payment-target';
import { describePlan, planCommands, planEvents } from './plans';
import { readCommands, readEvents } from './reads';
import { emptyUtilitySlice } from './types';

/**
 * Utility billing (POLICY.md §1): customers, accounts, meter reads, bills, penalties, deposits,
 * fees, adjustments, payment plans and disconnection, as commands `utility.*` and their events.
 */
export const utilityModule: DomainModule = {
	name: 'utility',
	commands: { ...accountCommands, ...readCommands, ...feeCommands, ...adjustmentCommands, ...planCommands, ...delinquencyCommands, ...flagCommands },
	events: { ...accountEvents, ...readEvents, ...feeEvents, ...adjustmentEvents, ...planEvents, ...delinquencyEvents, ...flagEvents, ...dayEvents },
	approvalFor: { 'utility.adjust': describeAdjustment, 'utility.create-plan': describePlan },
	paymentTargets: { utility: utilityPaymentTarget },
	initSlice: (state) => {
		state.utility = emptyUtilitySlice();
	},
	onNewDay
};

/**
 * The slice agrees with the ledger: each account's unpaid receivable items = 1210 ua:, the deposit
 * held = 2110 dep: (a credit), the credit balance = 2120 cr: (a credit); nothing negative.
 */
export function utilitySliceProblems(state: Readonly<SandboxState>): string[] {
	const problems: string[] = [];
	for (const account of Object.values(state.utility.accounts)) {
		const n = account.number;
		const items = itemsOf(state, n);
		const receivable = sum(items.filter(isLedgerItem).map((i) => i.remaining));
		if (!receivable.eq(subBalance(state.ledger, ua(n)))) problems.push(`${n}: items owe ${receivable} but ua:${n} is ${subBalance(state.ledger, ua(n))}`);
		if (!account.depositHeld.negated().eq(subBalance(state.ledger, dep(n)))) problems.push(`${n}: deposit held ${account.depositHeld} but dep:${n} is ${subBalance(state.ledger, dep(n))}`);
		if (!account.credit.negated().eq(subBalance(state.ledger, cr(n)))) problems.push(`${n}: credit ${account.credit} but cr:${n} is ${subBalance(state.ledger, cr(n))}`);
		for (const i of items) if (i.remaining.isNegative()) problems.push(`${n}: item ${i.id} has ${i.remaining} remaining`);
		if (account.credit.isNegative() || account.depositHeld.isNegative()) problems.push(`${n}: negative credit or deposit`);
	}
	return problems;
}

export { accountBalance, aging, balanceOwed, daysDelinquent, depositDue, pastDue, paymentOrder, receivableBalance, itemsOf, type AccountBalance, type Aging } from './items';
export { billLines, latePenalty, leakAdjustment, prorate, segmentsOf, waterUseCharge, waterUseLines, FEES, DEPOSIT, CLERK_ADJUSTMENT_LIMIT } from './rates';
export { billsOf, latestRead } from './billing';
export { activePlan, planProgress, planStanding, type PlanStanding } from './plans';
export { openNotice, owedToRestore } from './delinquency';
export { leakCreditFor, REASON_LABELS, SERVICE_LABELS } from './adjustments';
export { CLASS_LABELS, DWELLING_LABELS, METER_LABELS, CART_LABELS, OCCUPANCY_LABELS, PROOF_LABELS, STOP_REASONS } from './accounts';
export { FEE_LABELS } from './fees';
export { utilityPaymentTarget } from './payment-target';
export type * from './types';
