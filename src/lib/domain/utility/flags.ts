import { addMonths, formatLongDate } from '../dates';
import { accept, reject, type CommandHandler, type EventApplier } from '../model';
import { UtilityInput } from './input';

/** Account flags a clerk sets: medical certification, cash-only, solid-waste suspension, notes. */

/** A medical certification is accepted for at most 12 months at a time (illustrative). */
export const MEDICAL_MAX_MONTHS = 12;
/** After a returned payment the account is cash-only for 12 months (POLICY.md §2). */
export const CASH_ONLY_MONTHS = 12;

const recordMedicalCert: CommandHandler = (state, command) => {
	const today = state.businessDate;
	const input = new UtilityInput(command);
	const account = input.account(state);
	const until = input.date('until', 'date the certification runs to');
	const certifiedBy = input.text('certifiedBy', 'name of the certifying physician', { max: 120 });
	if (input.problem || !account) return input.problem ?? reject('invalid-input', 'Enter the utility account number.', 'account');
	if (account.class !== 'residential') return reject('policy', 'A medical certification protects residential service only.', 'account');
	if (account.status === 'closed') return reject('wrong-status', `Account ${account.number} is closed.`, 'account');
	if (until <= today) return reject('invalid-input', 'The certification must run past today.', 'until');
	const latest = addMonths(today, MEDICAL_MAX_MONTHS);
	if (until > latest) return reject('policy', `A certification is accepted for at most ${MEDICAL_MAX_MONTHS} months (to ${formatLongDate(latest)}); the customer renews it after that.`, 'until');
	return accept({ type: 'utility.medical-certified', account: account.number, until, certifiedBy });
};

const setCashOnly: CommandHandler = (state, command) => {
	const today = state.businessDate;
	const input = new UtilityInput(command);
	const account = input.account(state);
	const until = input.date('until', 'cash-only end date', { fallback: addMonths(today, CASH_ONLY_MONTHS) });
	const reason = input.text('reason', 'reason (for example the returned check number)', { max: 200 });
	if (input.problem || !account) return input.problem ?? reject('invalid-input', 'Enter the utility account number.', 'account');
	if (until <= today) return reject('invalid-input', 'The cash-only end date must be after today.', 'until');
	return accept({ type: 'utility.cash-only-set', account: account.number, until, reason });
};

const suspendSolidWaste: CommandHandler = (state, command) => {
	const input = new UtilityInput(command);
	const account = input.account(state);
	const suspended = input.bool('suspended', 'suspend solid waste while the property is vacant?');
	if (input.problem || !account) return input.problem ?? reject('invalid-input', 'Enter the utility account number.', 'account');
	if (account.occupancy !== 'owner' || account.class !== 'residential') return reject('policy', 'Only an owner of a vacant residential property may suspend solid waste.', 'account');
	if (account.status === 'closed') return reject('wrong-status', `Account ${account.number} is closed.`, 'account');
	if (account.solidWasteSuspended === suspended) return reject('wrong-status', `Solid waste is already ${suspended ? 'suspended' : 'on'} for ${account.number}.`, 'suspended');
	return accept({ type: 'utility.solid-waste-suspended', account: account.number, suspended });
};

const addNote: CommandHandler = (state, command) => {
	const input = new UtilityInput(command);
	const account = input.account(state);
	const note = input.text('note', 'note', { max: 500 });
	if (input.problem || !account) return input.problem ?? reject('invalid-input', 'Enter the utility account number.', 'account');
	return accept({ type: 'utility.note-added', account: account.number, note });
};

export const flagCommands: Record<string, CommandHandler> = {
	'utility.record-medical-cert': recordMedicalCert,
	'utility.set-cash-only': setCashOnly,
	'utility.suspend-solid-waste': suspendSolidWaste,
	'utility.add-note': addNote
};

export const flagEvents: Record<string, EventApplier> = {
	'utility.medical-certified': (state, event) => {
		state.utility.accounts[event.account as string]!.medicalUntil = event.until as string;
	},
	'utility.cash-only-set': (state, event) => {
		state.utility.accounts[event.account as string]!.cashOnlyUntil = event.until as string;
	},
	'utility.solid-waste-suspended': (state, event) => {
		state.utility.accounts[event.account as string]!.solidWasteSuspended = event.suspended as boolean;
	},
	'utility.note-added': (state, event) => {
		state.utility.accounts[event.account as string]!.notes.push(`${event.date} ${event.actor}: ${event.note as string}`);
	}
};
