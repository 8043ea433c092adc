import { Money, formatUSD, sum } from '$lib/money';
import { addBusinessDays, daysBetween, formatLongDate, type BusinessDate } from '../dates';
import { accept, reject, type CommandHandler, type EventApplier, type SandboxState } from '../model';
import { wireMoney } from '../wire-money';
import { addDepositItem } from './accounts';
import { feeEvent } from './fees';
import { IdAllocator, claimId } from './ids';
import { UtilityInput, type Rejected } from './input';
import { daysDelinquent, depositDue, isLedgerItem, itemsOf, pastDue } from './items';
import { activePlan } from './plans';
import { DEPOSIT, DISCONNECT_MINIMUM } from './rates';
import type { Notice, UtilityAccount } from './types';

/**
 * Delinquency notices, disconnection and restoring service (POLICY.md §1, California SB 998).
 * The same thresholds apply to commercial accounts (illustrative); medical certification is residential.
 */

export const MIN_DAYS_DELINQUENT = 60;
export const NOTICE_BUSINESS_DAYS = 7;
/** The door hanger goes up at least 48 hours (2 days) before the shut-off day (illustrative). */
export const DOOR_HANGER_DAYS = 2;

export function openNotice(state: Readonly<SandboxState>, account: string): Notice | undefined {
	return Object.values(state.utility.notices).find((n) => n.account === account && n.status === 'open');
}

// The protections and thresholds that must hold both to send a notice and to shut off.
function disconnectionBlocked(state: Readonly<SandboxState>, account: UtilityAccount, today: BusinessDate): Rejected | null {
	const n = account.number;
	const plan = activePlan(state, n, today);
	if (plan) return reject('policy', `Account ${n} has payment plan ${plan.id} in good standing; it cannot be processed for disconnection.`, 'account');
	if (account.medicalUntil && account.medicalUntil >= today) {
		return reject('policy', `A medical certification is on file for ${n} until ${formatLongDate(account.medicalUntil)}; service cannot be disconnected.`, 'account');
	}
	const late = daysDelinquent(state, n, today);
	const owed = pastDue(state, n, today);
	if (late < MIN_DAYS_DELINQUENT || owed.lt(DISCONNECT_MINIMUM)) {
		return reject('policy', `Disconnection needs at least ${MIN_DAYS_DELINQUENT} days delinquent and ${formatUSD(DISCONNECT_MINIMUM)} or more past due; ${n} is ${late} days delinquent with ${formatUSD(owed)} past due.`, 'account');
	}
	return null;
}

const sendNotice: CommandHandler = (state, command) => {
	const today = state.businessDate;
	const input = new UtilityInput(command);
	const account = input.account(state);
	if (input.problem || !account) return input.problem ?? reject('invalid-input', 'Enter the utility account number.', 'account');
	if (account.status !== 'active') return reject('wrong-status', `Account ${account.number} is ${account.status}; notices go to accounts with service on.`, 'account');
	const open = openNotice(state, account.number);
	if (open) return reject('wrong-status', `A disconnection notice was already sent on ${formatLongDate(open.date)} (${open.id}).`, 'account');
	const blocked = disconnectionBlocked(state, account, today);
	if (blocked) return blocked;
	return accept({
		type: 'utility.notice-sent',
		noticeId: new IdAllocator(state).next('notice'),
		account: account.number,
		pastDue: pastDue(state, account.number, today).toString(),
		daysDelinquent: daysDelinquent(state, account.number, today),
		disconnectOnOrAfter: addBusinessDays(today, NOTICE_BUSINESS_DAYS)
	});
};

const postDoorHanger: CommandHandler = (state, command) => {
	const input = new UtilityInput(command);
	const account = input.account(state);
	if (input.problem || !account) return input.problem ?? reject('invalid-input', 'Enter the utility account number.', 'account');
	const notice = openNotice(state, account.number);
	if (!notice || account.status !== 'active') return reject('wrong-status', `No disconnection notice is open for ${account.number}; send the written notice first.`, 'account');
	if (notice.doorHangerOn) return reject('wrong-status', `The door hanger was already posted on ${formatLongDate(notice.doorHangerOn)}.`, 'account');
	return accept({ type: 'utility.door-hanger-posted', account: account.number, noticeId: notice.id });
};

const disconnect: CommandHandler = (state, command) => {
	const today = state.businessDate;
	const input = new UtilityInput(command);
	const account = input.account(state);
	if (input.problem || !account) return input.problem ?? reject('invalid-input', 'Enter the utility account number.', 'account');
	if (account.status !== 'active') return reject('wrong-status', `Account ${account.number} is ${account.status}; only active service can be disconnected.`, 'account');
	const notice = openNotice(state, account.number);
	if (!notice) return reject('policy', `No written notice was sent for ${account.number}; send it at least ${NOTICE_BUSINESS_DAYS} business days before disconnection.`, 'account');
	if (today < notice.disconnectOnOrAfter) {
		return reject('policy', `The notice of ${formatLongDate(notice.date)} is too recent: service cannot be shut off before ${formatLongDate(notice.disconnectOnOrAfter)} (${NOTICE_BUSINESS_DAYS} business days).`, 'account');
	}
	if (!notice.doorHangerOn || daysBetween(notice.doorHangerOn, today) < DOOR_HANGER_DAYS) {
		return reject('policy', `Post the 48-hour door hanger at least ${DOOR_HANGER_DAYS} days before the shut-off day${notice.doorHangerOn ? ` (it went up on ${formatLongDate(notice.doorHangerOn)})` : ''}.`, 'account');
	}
	const blocked = disconnectionBlocked(state, account, today);
	if (blocked) return blocked;
	const ids = new IdAllocator(state);
	// A new deposit is due when none is held (and none is already owed).
	const needsDeposit = account.depositHeld.isZero() && depositDue(state, account.number).isZero();
	return accept(
		{ type: 'utility.disconnected', account: account.number, noticeId: notice.id, depositItemId: needsDeposit ? ids.next('item') : null, deposit: DEPOSIT.toString() },
		feeEvent(ids, account, 'disconnect-reconnect', today)
	);
};

/** What is still owed before service can be restored: the past due, the reconnect fee and the deposit due. */
export function owedToRestore(state: Readonly<SandboxState>, account: UtilityAccount, today: BusinessDate): Money {
	const needed = itemsOf(state, account.number).filter(
		(i) => i.kind === 'deposit' || (i.kind === 'fee' && i.fee === 'disconnect-reconnect') || (isLedgerItem(i) && i.dueDate < today)
	);
	return sum(needed.map((i) => i.remaining));
}

const restore: CommandHandler = (state, command) => {
	const today = state.businessDate;
	const input = new UtilityInput(command);
	const account = input.account(state);
	if (input.problem || !account) return input.problem ?? reject('invalid-input', 'Enter the utility account number.', 'account');
	if (account.status !== 'disconnected') return reject('wrong-status', `Account ${account.number} is ${account.status}, not disconnected.`, 'account');
	const owed = owedToRestore(state, account, today);
	if (owed.isPositive()) {
		return reject('policy', `Before service is restored, collect the full past-due balance, the $35.00 reconnect fee and any deposit due: ${formatUSD(owed)} is still owed on ${account.number}.`, 'account');
	}
	return accept({ type: 'utility.restored', account: account.number });
};

export const delinquencyCommands: Record<string, CommandHandler> = {
	'utility.send-notice': sendNotice,
	'utility.post-door-hanger': postDoorHanger,
	'utility.disconnect': disconnect,
	'utility.restore': restore
};

export const delinquencyEvents: Record<string, EventApplier> = {
	'utility.notice-sent': (state, event) => {
		const id = event.noticeId as string;
		state.utility.notices[id] = {
			id,
			account: event.account as string,
			date: event.date,
			pastDue: wireMoney(event.pastDue as string),
			daysDelinquent: event.daysDelinquent as number,
			disconnectOnOrAfter: event.disconnectOnOrAfter as string,
			doorHangerOn: null,
			status: 'open'
		};
		claimId(state, 'notice', id);
	},
	'utility.door-hanger-posted': (state, event) => {
		state.utility.notices[event.noticeId as string]!.doorHangerOn = event.date;
	},
	'utility.disconnected': (state, event) => {
		const n = event.account as string;
		const account = state.utility.accounts[n]!;
		account.status = 'disconnected';
		account.disconnectedOn = event.date;
		if (!account.flags.includes('nonpayment-disconnect')) account.flags.push('nonpayment-disconnect');
		state.utility.notices[event.noticeId as string]!.status = 'closed';
		if (event.depositItemId) addDepositItem(state, event, n, event.depositItemId as string, event.date, 'New deposit (disconnected for non-payment)');
	},
	'utility.restored': (state, event) => {
		const account = state.utility.accounts[event.account as string]!;
		account.status = 'active';
		account.disconnectedOn = null;
	}
};
