import { addMonths, formatLongDate, lastOfMonth } from '../dates';
import { accept, reject, type CommandHandler, type EventApplier } from '../model';
import { applyBillIssued, planBill } from './billing';
import { IdAllocator } from './ids';
import { UtilityInput, grouped, own } from './input';
import type { MeterRead } from './types';

/** Meter reads and the clerk's bill run (the day-start run on the 5th is in day.ts). */

const MAX_READING = 99_999_999;

const recordRead: CommandHandler = (state, command) => {
	const today = state.businessDate;
	const input = new UtilityInput(command);
	const account = input.account(state);
	const reading = input.wholeNumber('reading', 'meter reading (HCF)', 0, MAX_READING);
	const date = input.date('date', 'read date', { fallback: today });
	if (input.problem || !account) return input.problem ?? reject('invalid-input', 'Enter the utility account number.', 'account');
	if (account.status === 'closed') return reject('wrong-status', `Account ${account.number} is closed; its final read was taken at the stop.`, 'account');
	if (date > today) return reject('invalid-input', 'The read date cannot be in the future.', 'date');
	const reads = own(state.utility.reads, account.number) ?? [];
	const last = reads[reads.length - 1];
	if (last && date < last.date) return reject('invalid-input', `The last read on file is dated ${formatLongDate(last.date)}; a read cannot be dated earlier.`, 'date');
	if (last && reading < last.reading) {
		return reject('invalid-input', `Reading ${grouped(reading)} is lower than the last read ${grouped(last.reading)} on ${formatLongDate(last.date)}; check the meter number or re-read the meter.`, 'reading');
	}
	const read: MeterRead = { date, reading, kind: 'regular' };
	return accept({ type: 'utility.read-recorded', account: account.number, read });
};

const runBill: CommandHandler = (state, command) => {
	const today = state.businessDate;
	const input = new UtilityInput(command);
	const account = input.account(state);
	if (input.problem || !account) return input.problem ?? reject('invalid-input', 'Enter the utility account number.', 'account');
	if (today.slice(8) !== '05') return reject('policy', `Bills run on the 5th of the month; today is ${formatLongDate(today)}.`);
	if (account.status !== 'active' && account.status !== 'disconnected') return reject('wrong-status', `Account ${account.number} is ${account.status}; only accounts with service are billed.`, 'account');
	const through = lastOfMonth(addMonths(today, -1));
	if (account.billedThrough && account.billedThrough >= through) return reject('wrong-status', `Account ${account.number} is already billed through ${formatLongDate(account.billedThrough)}.`, 'account');
	const bill = planBill(state, new IdAllocator(state), account, { billDate: today, through, final: false });
	if (!bill) return reject('wrong-status', `Account ${account.number} has no service to bill through ${formatLongDate(through)}.`, 'account');
	return accept(bill.event);
};

export const readCommands: Record<string, CommandHandler> = {
	'utility.record-read': recordRead,
	'utility.run-bill': runBill
};

export const readEvents: Record<string, EventApplier> = {
	'utility.read-recorded': (state, event) => {
		const read = event.read as MeterRead;
		(state.utility.reads[event.account as string] ??= []).push({ ...read });
	},
	'utility.bill-issued': applyBillIssued
};
