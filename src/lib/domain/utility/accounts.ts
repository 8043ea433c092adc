import { Money } from '$lib/money';
import { addBusinessDays, addDays, formatLongDate, type BusinessDate } from '../dates';
import { journal } from '../ledger';
import { accept, reject, type CommandHandler, type DomainEvent, type EventApplier, type ProposedEvent, type SandboxState } from '../model';
import { wireMoney } from '../wire-money';
import { planBill } from './billing';
import { cr, dep, ua } from './gl';
import { IdAllocator, claimId } from './ids';
import { UtilityInput, grouped, own, type Rejected } from './input';
import { allocate, allocationTotal, applyAllocations, fromWire, isLedgerItem, itemsOf, paymentOrder, toWire, withAllocations } from './items';
import { DEPOSIT } from './rates';
import type { AccountClass, CartSize, Customer, Dwelling, MeterRead, MeterSize, Occupancy, Proof, UtilityAccount } from './types';

/** Start, stop and transfer of service (POLICY.md §1 "Deposits" and "Start, stop, transfer"). */

export const CLASS_LABELS: Record<AccountClass, string> = { residential: 'residential', commercial: 'commercial' };
export const DWELLING_LABELS: Record<Dwelling, string> = { single: 'single-family', multi: 'multi-family' };
export const METER_LABELS: Record<MeterSize, string> = { '5/8': '5/8"', '3/4': '3/4"', '1': '1"', '1.5': '1½"', '2': '2"' };
export const CART_LABELS: Record<CartSize, string> = { '35': '35-gal', '64': '64-gal', '96': '96-gal' };
export const OCCUPANCY_LABELS: Record<Occupancy, string> = { owner: 'owner', tenant: 'tenant (renter or lessee)' };
export const PROOF_LABELS: Record<Proof, string> = { deed: 'deed', escrow: 'escrow papers', 'tax-bill': 'tax bill', lease: 'lease' };
export const STOP_REASONS = { moving: 'moving out', sold: 'property sold', vacant: 'property vacant' } as const;
export type StopReason = keyof typeof STOP_REASONS;

/** How far ahead a start may be booked (illustrative). */
const MAX_START_AHEAD_DAYS = 30;
const MAX_READING = 99_999_999;

// Addresses compare without case or extra spaces ("12 Main St" = "12  main st").
function sameAddress(a: string, b: string): boolean {
	return a.toLowerCase().replace(/\s+/g, ' ').trim() === b.toLowerCase().replace(/\s+/g, ' ').trim();
}

type Location = Omit<UtilityAccount, 'number' | 'customerId' | 'status' | 'stopDate' | 'billedThrough' | 'lastBilledRead' | 'depositHeld' | 'credit' | 'cashOnlyUntil' | 'medicalUntil' | 'disconnectedOn' | 'notes' | 'flags'> & { startRead: number };

// The new service location's fields, shared by start and transfer.
function readLocation(input: UtilityInput, today: BusinessDate): Location {
	const serviceAddress = input.text('serviceAddress', 'service address');
	const cls = input.oneOf('class', 'account class', CLASS_LABELS) ?? 'residential';
	const dwelling = cls === 'residential' ? (input.oneOf('dwelling', 'dwelling type', DWELLING_LABELS) ?? 'single') : 'single';
	const units = dwelling === 'multi' ? input.wholeNumber('units', 'number of dwelling units', 2, 999) : 1;
	const meterSize = input.oneOf('meterSize', 'meter size', METER_LABELS) ?? '5/8';
	const cartSize = cls === 'residential' ? (input.oneOf('cartSize', 'solid-waste cart size', CART_LABELS) ?? '35') : null;
	const solidWasteContract = cls === 'commercial' ? input.amount('solidWasteContract', 'monthly solid-waste contract amount', { allowZero: true }) : null;
	const parcels = input.wholeNumber('parcels', 'number of parcels', 1, 99, { fallback: 1 });
	const occupancy = input.oneOf('occupancy', 'owner or tenant', OCCUPANCY_LABELS) ?? 'owner';
	const proof = input.oneOf('proof', 'proof of occupancy', PROOF_LABELS) ?? 'deed';
	const startDate = input.date('startDate', 'start date', { fallback: today });
	const startRead = input.wholeNumber('startRead', 'meter reading at start (HCF)', 0, MAX_READING);
	if (occupancy === 'owner' && proof === 'lease') input.fail('A lease shows the customer is a tenant: choose tenant (a $175.00 deposit is due), or ask for a deed, escrow papers or a tax bill.', 'proof');
	if (occupancy === 'tenant' && proof !== 'lease') input.fail('A tenant shows a lease (a deed, escrow papers or a tax bill prove ownership): choose owner or ask for the lease.', 'proof');
	if (startDate < today) input.fail(`The start date cannot be before today (${formatLongDate(today)}).`, 'startDate');
	if (startDate > addDays(today, MAX_START_AHEAD_DAYS)) input.fail(`Service can be booked at most ${MAX_START_AHEAD_DAYS} days ahead (by ${formatLongDate(addDays(today, MAX_START_AHEAD_DAYS))}).`, 'startDate');
	return { serviceAddress, class: cls, dwelling, units, meterSize, cartSize, solidWasteContract, solidWasteSuspended: false, parcels, occupancy, proof, startDate, startRead };
}

// Another open account at the address must be stopped first (one location, one open account).
function addressConflict(state: Readonly<SandboxState>, address: string, except?: string): Rejected | null {
	const open = Object.values(state.utility.accounts).find((a) => a.status !== 'closed' && a.number !== except && sameAddress(a.serviceAddress, address));
	if (!open) return null;
	const who = own(state.utility.customers, open.customerId)?.name ?? 'another customer';
	return reject('policy', `Account ${open.number} (${who}) is still open at ${open.serviceAddress}: stop that service first, or use a transfer if it is the same customer moving.`, 'serviceAddress');
}

// Events opening the account: tenants owe the $175.00 deposit, owners none (a new location is always a new account).
function openEvents(ids: IdAllocator, customerId: string, loc: Location, today: BusinessDate): ProposedEvent[] {
	const number = ids.next('account');
	const { startRead, ...fields } = loc;
	const depositItemId = loc.occupancy === 'tenant' ? ids.next('item') : null;
	const status = loc.occupancy === 'owner' && loc.startDate <= today ? 'active' : 'pending';
	return [
		{
			type: 'utility.account-opened',
			account: { ...fields, number, customerId, status, solidWasteContract: loc.solidWasteContract?.toString() ?? null },
			startRead,
			depositItemId,
			deposit: depositItemId ? DEPOSIT.toString() : '0.00'
		}
	];
}

const startService: CommandHandler = (state, command) => {
	const today = state.businessDate;
	const input = new UtilityInput(command);
	const existingId = input.text('customerId', 'customer id', { optional: true, max: 40 });
	const existing = existingId ? own(state.utility.customers, existingId) : undefined;
	if (existingId && !existing) input.fail(`There is no customer ${existingId}; leave the customer id empty to add a new customer.`, 'customerId', 'not-found');
	const name = existing ? existing.name : input.text('name', 'customer name', { max: 120 });
	const phone = existing ? existing.phone : input.phone('phone');
	const mailingAddress = existing ? existing.mailingAddress : input.text('mailingAddress', 'mailing address');
	const photoId = input.bool('photoIdChecked', 'did you check the customer’s photo ID?');
	const loc = readLocation(input, today);
	if (input.problem) return input.problem;
	if (!photoId) return reject('policy', 'Check the customer’s photo ID before starting service.', 'photoIdChecked');
	const conflict = addressConflict(state, loc.serviceAddress);
	if (conflict) return conflict;

	const ids = new IdAllocator(state);
	const events: ProposedEvent[] = [];
	let customerId = existing?.id;
	if (!customerId) {
		customerId = ids.next('customer');
		const customer: Customer = { id: customerId, name, phone, mailingAddress };
		events.push({ type: 'utility.customer-added', customer });
	}
	return accept(...events, ...openEvents(ids, customerId, loc, today));
};

type StopInput = { stopDate: BusinessDate; finalRead: MeterRead | null; reason: StopReason };

// The stop's own fields; the final read must be taken within 1 business day of the stop date.
function readStop(input: UtilityInput, account: UtilityAccount | undefined, state: Readonly<SandboxState>, askReason: boolean): StopInput {
	const today = state.businessDate;
	const reason = askReason ? (input.oneOf('reason', 'reason for stopping', STOP_REASONS) ?? 'moving') : 'moving';
	const stopDate = input.date('stopDate', 'stop date', { fallback: today });
	if (!account || account.status === 'pending' || account.status === 'closed') return { stopDate, reason, finalRead: null };
	const reading = input.wholeNumber('reading', 'final meter reading (HCF)', 0, MAX_READING);
	const readDate = input.date('readDate', 'final read date', { fallback: today });
	if (input.problem) return { stopDate, reason, finalRead: null };
	const readBy = addBusinessDays(stopDate, 1);
	const reads = own(state.utility.reads, account.number) ?? [];
	const last = reads[reads.length - 1];
	if (stopDate > today) input.fail(`Enter the stop once the final read is taken: the stop date ${formatLongDate(stopDate)} is after today.`, 'stopDate');
	else if (stopDate < account.startDate) input.fail(`The stop date cannot be before service started (${formatLongDate(account.startDate)}).`, 'stopDate');
	else if (account.billedThrough && stopDate < account.billedThrough) input.fail(`Service is already billed through ${formatLongDate(account.billedThrough)}; the stop date cannot be earlier (correct a past bill with an adjustment).`, 'stopDate');
	else if (readDate < stopDate || readDate > readBy) input.fail(`The final read must be taken on the stop date or within 1 business day after it (${formatLongDate(stopDate)} to ${formatLongDate(readBy)}).`, 'readDate');
	else if (readDate > today) input.fail('The final read date cannot be in the future.', 'readDate');
	else if (last && readDate < last.date) input.fail(`The last read on file is dated ${formatLongDate(last.date)}; the final read cannot be earlier.`, 'readDate');
	else if (last && reading < last.reading) input.fail(`The final reading ${grouped(reading)} is lower than the last read ${grouped(last.reading)} on ${formatLongDate(last.date)}; re-read the meter.`, 'reading');
	return { stopDate, reason, finalRead: { date: readDate, reading, kind: 'final' } };
}

/**
 * A new mailing address given with a stop or transfer (where the final bill and any refund check
 * go), recorded first so that the refund below is mailed there.
 */
function addressChange(state: Readonly<SandboxState>, account: UtilityAccount, mailingAddress: string | undefined): ProposedEvent[] {
	const customer = own(state.utility.customers, account.customerId);
	if (!customer || !mailingAddress || mailingAddress === customer.mailingAddress) return [];
	return [{ type: 'utility.customer-updated', customerId: customer.id, mailingAddress }];
}

// Final read and prorated final bill, the deposit applied to what is owed, any credit left refunded by check (AP), then the close.
function stopEvents(state: Readonly<SandboxState>, ids: IdAllocator, account: UtilityAccount, stop: StopInput, mailingAddress?: string): ProposedEvent[] {
	const today = state.businessDate;
	const n = account.number;
	const events: ProposedEvent[] = addressChange(state, account, mailingAddress);
	let items = [...itemsOf(state, n)];
	let credit = account.credit;
	if (stop.finalRead) {
		events.push({ type: 'utility.read-recorded', account: n, read: stop.finalRead });
		const bill = planBill(state, ids, account, { billDate: today, through: stop.stopDate, final: true, readTo: stop.finalRead });
		if (bill) {
			events.push(bill.event);
			items = withAllocations([...items, bill.item], bill.creditAllocations);
			credit = credit.minus(bill.creditApplied);
		}
	}
	if (account.depositHeld.isPositive()) {
		const { allocations, left } = allocate(paymentOrder(items.filter(isLedgerItem)), account.depositHeld);
		const applied = allocationTotal(allocations);
		events.push({
			type: 'utility.deposit-applied',
			account: n,
			amount: account.depositHeld.toString(),
			allocations: toWire(allocations),
			toCredit: left.toString(),
			journal: journal(`Deposit applied to final bill, ${n}`, [
				{ account: '2110', debit: account.depositHeld, sub: dep(n) },
				{ account: '1210', credit: applied, sub: ua(n) },
				{ account: '2120', credit: left, sub: cr(n) }
			])
		});
		credit = credit.plus(left);
	}
	if (credit.isPositive()) events.push(refundEvent(state, ids, account, credit, mailingAddress));
	const cancelled = items.filter((i) => i.kind === 'deposit' && i.remaining.isPositive()).map((i) => i.id);
	events.push({ type: 'utility.account-closed', account: n, stopDate: stop.stopDate, reason: stop.reason, cancelledDepositItems: cancelled });
	return events;
}

/** A refund by check of the account's credit balance: an accounts-payable request, mailed to `mailTo` or the customer's mailing address. */
export function refundEvent(state: Readonly<SandboxState>, ids: IdAllocator, account: UtilityAccount, amount: Money, mailTo?: string): ProposedEvent {
	const customer = own(state.utility.customers, account.customerId);
	const id = ids.next('refund');
	return {
		type: 'utility.refund-requested',
		account: account.number,
		refundId: id,
		amount: amount.toString(),
		payee: customer?.name ?? '',
		mailTo: mailTo || (customer?.mailingAddress ?? ''),
		journal: journal(`Refund request ${id}: credit balance of ${account.number}`, [
			{ account: '2120', debit: amount, sub: cr(account.number) },
			{ account: '2310', credit: amount }
		])
	};
}

const stopService: CommandHandler = (state, command) => {
	const input = new UtilityInput(command);
	const account = input.account(state);
	const stop = readStop(input, account, state, true);
	const forwarding = input.text('mailingAddress', 'forwarding address', { optional: true });
	if (input.problem || !account) return input.problem ?? reject('invalid-input', 'Enter the utility account number.', 'account');
	if (account.status === 'closed') return reject('wrong-status', `Account ${account.number} was already closed on ${formatLongDate(account.stopDate ?? account.startDate)}.`, 'account');
	if (account.occupancy === 'owner' && stop.reason === 'vacant') {
		return reject('policy', 'An owner cannot stop water, wastewater or storm drain on a vacant property (base charges continue); solid waste can be suspended while it is vacant.', 'reason');
	}
	return accept(...stopEvents(state, new IdAllocator(state), account, stop, forwarding));
};

const transferService: CommandHandler = (state, command) => {
	const today = state.businessDate;
	const input = new UtilityInput(command);
	const account = input.account(state);
	const stop = readStop(input, account, state, false);
	const loc = readLocation(input, today);
	const mailingAddress = input.text('mailingAddress', 'new mailing address', { optional: true });
	if (input.problem || !account) return input.problem ?? reject('invalid-input', 'Enter the utility account number.', 'account');
	if (account.status === 'closed') return reject('wrong-status', `Account ${account.number} is already closed; start service at the new address instead.`, 'account');
	if (account.status === 'pending') return reject('wrong-status', `Service at ${account.serviceAddress} has not started yet: stop it, then start service at the new address.`, 'account');
	if (sameAddress(account.serviceAddress, loc.serviceAddress)) return reject('policy', 'A transfer moves service to a new address; this is the same address as the old account.', 'serviceAddress');
	const conflict = addressConflict(state, loc.serviceAddress, account.number);
	if (conflict) return conflict;
	const ids = new IdAllocator(state);
	return accept(...stopEvents(state, ids, account, stop, mailingAddress), ...openEvents(ids, account.customerId, loc, today));
};

export const accountCommands: Record<string, CommandHandler> = {
	'utility.start-service': startService,
	'utility.stop-service': stopService,
	'utility.transfer-service': transferService
};

type WireAccount = Omit<UtilityAccount, 'solidWasteContract' | 'stopDate' | 'billedThrough' | 'lastBilledRead' | 'depositHeld' | 'credit' | 'cashOnlyUntil' | 'medicalUntil' | 'disconnectedOn' | 'notes' | 'flags'> & { solidWasteContract: string | null };

export const accountEvents: Record<string, EventApplier> = {
	'utility.customer-added': (state, event) => {
		const c = event.customer as Customer;
		state.utility.customers[c.id] = { ...c };
		claimId(state, 'customer', c.id);
	},
	'utility.customer-updated': (state, event) => {
		const c = state.utility.customers[event.customerId as string]!;
		c.mailingAddress = event.mailingAddress as string;
	},
	'utility.account-opened': (state, event) => {
		const w = event.account as WireAccount;
		const start: MeterRead = { date: w.startDate, reading: event.startRead as number, kind: 'start' };
		// Field by field, in the event's order: spread from parsed events, accounts took many hidden
		// classes, and V8 reworked one at each later change (billed through, credit, status…), thousands
		// of times in a long replay.
		state.utility.accounts[w.number] = {
			serviceAddress: w.serviceAddress,
			class: w.class,
			dwelling: w.dwelling,
			units: w.units,
			meterSize: w.meterSize,
			cartSize: w.cartSize,
			solidWasteContract: w.solidWasteContract === null ? null : wireMoney(w.solidWasteContract),
			solidWasteSuspended: w.solidWasteSuspended,
			parcels: w.parcels,
			occupancy: w.occupancy,
			proof: w.proof,
			startDate: w.startDate,
			number: w.number,
			customerId: w.customerId,
			status: w.status,
			stopDate: null,
			billedThrough: null,
			lastBilledRead: { ...start },
			depositHeld: Money.ZERO,
			credit: Money.ZERO,
			cashOnlyUntil: null,
			medicalUntil: null,
			disconnectedOn: null,
			notes: [],
			flags: []
		};
		claimId(state, 'account', w.number);
		state.utility.reads[w.number] = [start];
		state.utility.items[w.number] = [];
		state.utility.payments[w.number] = [];
		if (event.depositItemId) addDepositItem(state, event, w.number, event.depositItemId as string, w.startDate);
	},
	'utility.account-activated': (state, event) => {
		state.utility.accounts[event.account as string]!.status = 'active';
	},
	'utility.deposit-applied': (state, event) => {
		const n = event.account as string;
		const account = state.utility.accounts[n]!;
		applyAllocations(state, n, fromWire(event.allocations));
		account.depositHeld = account.depositHeld.minus(wireMoney(event.amount as string));
		account.credit = account.credit.plus(wireMoney(event.toCredit as string));
	},
	'utility.refund-requested': (state, event) => {
		const n = event.account as string;
		const amount = wireMoney(event.amount as string);
		const account = state.utility.accounts[n]!;
		account.credit = account.credit.minus(amount);
		state.utility.refunds.push({ id: event.refundId as string, account: n, date: event.date, amount, payee: event.payee as string, mailTo: event.mailTo as string });
		claimId(state, 'refund', event.refundId as string);
	},
	'utility.account-closed': (state, event) => {
		const account = state.utility.accounts[event.account as string]!;
		account.status = 'closed';
		account.stopDate = event.stopDate as string;
		const cancelled = new Set(event.cancelledDepositItems as string[]);
		for (const item of state.utility.items[account.number] ?? []) {
			if (cancelled.has(item.id)) {
				item.remaining = Money.ZERO;
				item.cancelled = true;
			}
		}
	}
};

/** A $175.00 deposit owed at the counter (not receivable: it is posted to 2110 when paid). */
export function addDepositItem(state: SandboxState, event: DomainEvent, account: string, itemId: string, dueDate: BusinessDate, description = 'Service deposit'): void {
	const amount = wireMoney((event.deposit as string | undefined) ?? DEPOSIT.toString());
	(state.utility.items[account] ??= []).push({ id: itemId, kind: 'deposit', description, postedOn: event.date, billDate: event.date, dueDate, amount, remaining: amount });
	claimId(state, 'item', itemId);
}
