import { Money, compareDecimalStrings, parseDecimal } from '$lib/money';
import { addDays, type BusinessDate } from '../dates';
import { journal } from '../ledger';
import { accept, reject, type CommandHandler, type EventApplier, type ProposedEvent, type SandboxState } from '../model';
import { wireMoney } from '../wire-money';
import { cr, ua } from './gl';
import { IdAllocator, claimId } from './ids';
import { UtilityInput } from './input';
import { allocate, allocationTotal, applyAllocations, fromWire, isLedgerItem, itemsOf, paymentOrder, toWire } from './items';
import { DELINQUENT_AFTER_DAYS, FEES } from './rates';
import type { FeeCode, Item, UtilityAccount } from './types';

/** Service fees (POLICY.md §1 "Fees"), posted to 4160, and the meter-test result that can refund one. */

export const FEE_LABELS: Record<FeeCode, string> = Object.fromEntries(Object.entries(FEES).map(([k, v]) => [k, `${v.label} $${v.amount.toString()}`])) as Record<FeeCode, string>;

/** Meters within ±1.5% are accurate; outside it the $95.00 test fee is refunded (illustrative). */
export const METER_TOLERANCE_PERCENT = '1.5';

/** The event charging fee `fee` (shared with the disconnection). */
export function feeEvent(ids: IdAllocator, account: UtilityAccount, fee: FeeCode, today: BusinessDate): ProposedEvent {
	const { amount, label } = FEES[fee];
	const itemId = ids.next('item');
	return {
		type: 'utility.fee-charged',
		account: account.number,
		itemId,
		fee,
		description: label,
		amount: amount.toString(),
		dueDate: addDays(today, DELINQUENT_AFTER_DAYS),
		journal: journal(`${label}, ${account.number}`, [
			{ account: '1210', debit: amount, sub: ua(account.number) },
			{ account: '4160', credit: amount }
		])
	};
}

const chargeFee: CommandHandler = (state, command) => {
	const input = new UtilityInput(command);
	const account = input.account(state);
	const fee = input.oneOf('fee', 'fee', FEE_LABELS);
	if (input.problem || !account || !fee) return input.problem ?? reject('invalid-input', 'Choose the fee.', 'fee');
	if (account.status === 'closed' && fee !== 'nsf') return reject('wrong-status', `Account ${account.number} is closed; only a returned-payment fee can still be charged on it.`, 'fee');
	return accept(feeEvent(new IdAllocator(state), account, fee, state.businessDate));
};

/**
 * Credit `amount` to an account: first `first` (the item the credit is for), then the other unpaid
 * receivable items in payment order; what is left becomes a credit balance. Shared by refunds of fees
 * and by adjustments.
 */
export function creditPlan(state: Readonly<SandboxState>, account: string, amount: Money, first?: Item) {
	const others = paymentOrder(itemsOf(state, account).filter((i) => isLedgerItem(i) && i.id !== first?.id));
	const { allocations, left } = allocate(first ? [first, ...others] : others, amount);
	return { allocations, toCredit: left, applied: allocationTotal(allocations) };
}

function pendingMeterTest(state: Readonly<SandboxState>, account: string): Item | undefined {
	return [...itemsOf(state, account)].reverse().find((i) => i.kind === 'fee' && i.fee === 'meter-test' && i.testResult === undefined);
}

const recordMeterTest: CommandHandler = (state, command) => {
	const input = new UtilityInput(command);
	const account = input.account(state);
	const raw = input.text('deviation', 'meter test result (percent fast or slow, like +2.10 or -0.80)', { max: 12 });
	if (input.problem || !account) return input.problem ?? reject('invalid-input', 'Enter the utility account number.', 'account');
	const parsed = parseDecimal(raw.replace(/^\+/, '').replace(/%$/, ''), { maxPlaces: 2, min: '-100', max: '100', field: 'The meter test result' });
	if (!parsed.ok) return reject('invalid-input', `${parsed.error} Type the percent, like +2.10 or -0.80.`, 'deviation');
	const fee = pendingMeterTest(state, account.number);
	if (!fee) return reject('wrong-status', `No meter test is waiting for a result on ${account.number}: charge the $95.00 meter test fee when the customer asks for the test.`, 'account');
	const magnitude = parsed.canonical.replace(/^-/, '');
	const outside = compareDecimalStrings(magnitude, METER_TOLERANCE_PERCENT) > 0;
	const shown = `${parsed.canonical.startsWith('-') ? '' : '+'}${parsed.canonical}`;
	if (!outside) return accept({ type: 'utility.meter-tested', account: account.number, itemId: fee.id, deviation: shown, refund: '0.00', allocations: [], toCredit: '0.00' });
	const plan = creditPlan(state, account.number, fee.amount, fee);
	return accept({
		type: 'utility.meter-tested',
		account: account.number,
		itemId: fee.id,
		deviation: shown,
		refund: fee.amount.toString(),
		allocations: toWire(plan.allocations),
		toCredit: plan.toCredit.toString(),
		journal: journal(`Meter test fee refunded (meter ${shown}%), ${account.number}`, [
			{ account: '4160', debit: fee.amount },
			{ account: '1210', credit: plan.applied, sub: ua(account.number) },
			{ account: '2120', credit: plan.toCredit, sub: cr(account.number) }
		])
	});
};

export const feeCommands: Record<string, CommandHandler> = {
	'utility.charge-fee': chargeFee,
	'utility.record-meter-test': recordMeterTest
};

export const feeEvents: Record<string, EventApplier> = {
	'utility.fee-charged': (state, event) => {
		const amount = wireMoney(event.amount as string);
		(state.utility.items[event.account as string] ??= []).push({
			id: event.itemId as string,
			kind: 'fee',
			fee: event.fee as FeeCode,
			description: event.description as string,
			postedOn: event.date,
			billDate: event.date,
			dueDate: event.dueDate as string,
			amount,
			remaining: amount
		});
		claimId(state, 'item', event.itemId as string);
	},
	'utility.meter-tested': (state, event) => {
		const n = event.account as string;
		const item = state.utility.items[n]!.find((i) => i.id === event.itemId)!;
		item.testResult = event.deviation as string;
		applyAllocations(state, n, fromWire(event.allocations));
		const account = state.utility.accounts[n]!;
		account.credit = account.credit.plus(wireMoney(event.toCredit as string));
	}
};
