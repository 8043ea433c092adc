/**
 * Shared by the cashiering tests only: a small fake module with three payment targets (an invoice
 * that takes partial payments, a utility account that keeps overpayments as a credit, and a permit
 * that must be paid in full), and a desk that runs commands the way the app will.
 */
import { expect } from 'vitest';
import { Money, max, min } from '$lib/money';
import { Engine } from '../engine';
import { journal } from '../ledger';
import { accept, reject, type Actor, type Command, type DomainEvent, type DomainModule, type PaymentTarget, type SandboxState } from '../model';
import { cashieringModule } from './index';
import { STANDARD_FLOAT, fullCounts, type Counts } from './denominations';
import { own } from './util';

type Books = {
	invoices: Record<string, Money>;
	utility: Record<string, { owed: Money; credit: Money }>;
	permits: Record<string, { fee: Money; paid: boolean }>;
	/** `${receiptNo}|${ref}` → how a utility payment was split, so a reversal mirrors it. */
	split: Record<string, { toOwed: Money; toCredit: Money }>;
	/** Every target call, to check the applier called them. */
	calls: string[];
};

export const books = (state: Readonly<SandboxState>): Books => (state as unknown as { testbooks: Books }).testbooks;

const invoiceTarget: PaymentTarget = {
	quote(state, ref) {
		const owed = own(books(state).invoices, ref);
		if (!owed) return { code: 'not-found', message: `There is no invoice ${ref}.` };
		return { ref, label: `Invoice ${ref}`, due: owed, partialAllowed: true, overpaymentAllowed: false, cashOnly: false };
	},
	creditLines: (_s, ref, amount) => [{ account: '1230', credit: amount, sub: `ar:${ref}` }],
	applyPayment(state, ref, amount, receipt) {
		books(state).invoices[ref] = books(state).invoices[ref]!.minus(amount);
		books(state).calls.push(`invoice pay ${ref} ${amount} ${receipt.receiptNo}${receipt.postmark ? ` pm ${receipt.postmark}` : ''}`);
	},
	reversalLines: (_s, ref, amount) => [{ account: '1230', debit: amount, sub: `ar:${ref}` }],
	reversePayment(state, ref, amount, receipt) {
		books(state).invoices[ref] = books(state).invoices[ref]!.plus(amount);
		books(state).calls.push(`invoice reverse ${ref} ${amount} ${receipt.receiptNo}`);
	}
};

// Utility-like: pays what is owed first, the rest becomes a credit balance (2120).
function utilitySplit(state: Readonly<SandboxState>, ref: string, amount: Money) {
	const acct = books(state).utility[ref]!;
	const toOwed = min(amount, max(acct.owed, Money.ZERO));
	return { toOwed, toCredit: amount.minus(toOwed) };
}
// A reversal takes back the credit part first, then the part that paid charges.
function utilityUnsplit(state: Readonly<SandboxState>, ref: string, amount: Money, receiptNo: string) {
	const paid = books(state).split[`${receiptNo}|${ref}`]!;
	const fromCredit = min(amount, paid.toCredit);
	return { fromCredit, fromOwed: amount.minus(fromCredit) };
}

const utilityTarget: PaymentTarget = {
	quote(state, ref) {
		const acct = own(books(state).utility, ref);
		if (!acct) return { code: 'not-found', message: `There is no utility account ${ref}.` };
		return { ref, label: `Utility account ${ref}`, due: acct.owed, partialAllowed: true, overpaymentAllowed: true, cashOnly: false };
	},
	creditLines(state, ref, amount) {
		const s = utilitySplit(state, ref, amount);
		return [
			{ account: '1210', credit: s.toOwed, sub: `ua:${ref}` },
			{ account: '2120', credit: s.toCredit, sub: `cr:${ref}` }
		];
	},
	applyPayment(state, ref, amount, receipt) {
		const s = utilitySplit(state, ref, amount);
		const acct = books(state).utility[ref]!;
		acct.owed = acct.owed.minus(s.toOwed);
		acct.credit = acct.credit.plus(s.toCredit);
		books(state).split[`${receipt.receiptNo}|${ref}`] = s;
		books(state).calls.push(`utility pay ${ref} ${amount} ${receipt.receiptNo}${receipt.postmark ? ` pm ${receipt.postmark}` : ''}`);
	},
	reversalLines(state, ref, amount, receipt) {
		const u = utilityUnsplit(state, ref, amount, receipt.receiptNo);
		return [
			{ account: '1210', debit: u.fromOwed, sub: `ua:${ref}` },
			{ account: '2120', debit: u.fromCredit, sub: `cr:${ref}` }
		];
	},
	reversePayment(state, ref, amount, receipt) {
		const u = utilityUnsplit(state, ref, amount, receipt.receiptNo);
		const acct = books(state).utility[ref]!;
		acct.owed = acct.owed.plus(u.fromOwed);
		acct.credit = acct.credit.minus(u.fromCredit);
		const paid = books(state).split[`${receipt.receiptNo}|${ref}`]!;
		books(state).split[`${receipt.receiptNo}|${ref}`] = { toOwed: paid.toOwed.minus(u.fromOwed), toCredit: paid.toCredit.minus(u.fromCredit) };
		books(state).calls.push(`utility reverse ${ref} ${amount} ${receipt.receiptNo}`);
	}
};

const permitTarget: PaymentTarget = {
	quote(state, ref) {
		const p = own(books(state).permits, ref);
		if (!p) return { code: 'not-found', message: `There is no permit ${ref}.` };
		return { ref, label: `Permit ${ref}`, due: p.paid ? Money.ZERO : p.fee, partialAllowed: false, overpaymentAllowed: false, cashOnly: false };
	},
	creditLines: (_s, _ref, amount) => [{ account: '4310', credit: amount }],
	applyPayment(state, ref) {
		books(state).permits[ref]!.paid = true;
	},
	reversalLines: (_s, _ref, amount) => [{ account: '4310', debit: amount }],
	reversePayment(state, ref) {
		books(state).permits[ref]!.paid = false;
	}
};

/** The fake module: `test.bill` puts an amount owed on an invoice, utility account or permit. */
export const fakeModule: DomainModule = {
	name: 'testbooks',
	commands: {
		'test.bill': (_state, command) => {
			const { kind, ref, amount } = command as unknown as { kind: string; ref: string; amount: string };
			if (!['invoice-test', 'utility', 'permit-test'].includes(kind)) return reject('invalid-input', 'kind');
			const m = Money.of(amount);
			const entry =
				kind === 'invoice-test'
					? journal(`Invoice ${ref}`, [{ account: '1230', debit: m, sub: `ar:${ref}` }, { account: '4410', credit: m }])
					: kind === 'utility'
						? journal(`Bill ${ref}`, [{ account: '1210', debit: m, sub: `ua:${ref}` }, { account: '4110', credit: m }])
						: undefined;
			return accept({ type: 'test.billed', kind, ref, amount, ...(entry ? { journal: entry } : {}) });
		}
	},
	events: {
		'test.billed': (state, event) => {
			const b = books(state);
			const m = Money.of(event.amount as string);
			const ref = event.ref as string;
			if (event.kind === 'invoice-test') b.invoices[ref] = (b.invoices[ref] ?? Money.ZERO).plus(m);
			if (event.kind === 'utility') {
				const acct = (b.utility[ref] ??= { owed: Money.ZERO, credit: Money.ZERO });
				acct.owed = acct.owed.plus(m);
			}
			if (event.kind === 'permit-test') b.permits[ref] = { fee: m, paid: false };
		}
	},
	paymentTargets: { 'invoice-test': invoiceTarget, utility: utilityTarget, 'permit-test': permitTarget },
	initSlice: (state) => {
		(state as unknown as { testbooks: Books }).testbooks = { invoices: {}, utility: {}, permits: {}, split: {}, calls: [] };
	}
};

export const clerk: Actor = { id: 'clerk1', name: 'Casey Clerk', supervisor: false };
export const clerk2: Actor = { id: 'clerk2', name: 'Jordan Clerk', supervisor: false };
export const supervisor: Actor = { id: 'sup1', name: 'Sam Supervisor', supervisor: true };

export const START = '2026-07-01';

/** A sandbox with the fake books, a clock that ticks a minute per command, and the event log. */
export class Desk {
	readonly engine = new Engine([cashieringModule, fakeModule]);
	readonly state: SandboxState;
	readonly events: DomainEvent[] = [];
	#minute = 0;

	constructor(date = START) {
		this.state = this.engine.emptyState(date);
	}

	at(): string {
		this.#minute++;
		return `${this.state.businessDate}T${String(9 + Math.floor(this.#minute / 60) % 10).padStart(2, '0')}:${String(this.#minute % 60).padStart(2, '0')}:00Z`;
	}

	/** Run a command; returns the result (events are logged when it succeeds). */
	try(command: Command, actor: Actor = clerk) {
		const result = this.engine.execute(this.state, command, { actor, at: this.at() });
		if (result.ok) this.events.push(...result.events);
		return result;
	}

	/** Run a command that must succeed. */
	run(command: Command, actor: Actor = clerk): DomainEvent[] {
		const result = this.try(command, actor);
		if (!result.ok) throw new Error(`${command.type} rejected: ${result.rejection.message}`);
		return result.events;
	}

	/** Run a command that must be rejected, and check nothing changed. */
	refuse(command: Command, actor: Actor = clerk) {
		const before = JSON.stringify(this.state);
		const result = this.try(command, actor);
		expect(JSON.stringify(this.state)).toBe(before);
		if (result.ok) throw new Error(`${command.type} was accepted but should have been rejected`);
		return result.rejection;
	}

	/** The clerk asks for approval; a supervisor approves. Returns the events of the decision. */
	approve(command: Command, actor: Actor = clerk, by: Actor = supervisor): DomainEvent[] {
		const requested = this.run({ type: 'approval.request', command, note: 'please' }, actor);
		return this.run({ type: 'approval.decide', id: requested[0]!.id as string, approve: true, reason: 'Recounted' }, by);
	}

	bill(kind: 'invoice-test' | 'utility' | 'permit-test', ref: string, amount: string): void {
		this.run({ type: 'test.bill', kind, ref, amount });
	}

	open(actor: Actor = clerk, counts: Partial<Counts> = STANDARD_FLOAT): DomainEvent[] {
		return this.run({ type: 'cash.open-drawer', counts }, actor);
	}

	/** Take a payment that must succeed; returns its receipt number. */
	pay(lines: Array<{ kind: string; ref: string; amount: string }>, tenders: unknown[], actor: Actor = clerk, extra: Record<string, unknown> = {}): string {
		const events = this.run({ type: 'cash.take-payment', lines, tenders, ...extra }, actor);
		return events[0]!.receiptNo as string;
	}

	drawerOf(actor: Actor = clerk) {
		const id = this.state.cashiering.openDrawerByClerk[actor.id];
		return id ? this.state.cashiering.drawers[id]! : undefined;
	}

	nextDay(): void {
		this.run({ type: 'clock.next-day' });
	}
}

/** A good check for `amount` dated on the start day. */
export function check(amount: string, over: Record<string, unknown> = {}) {
	return { type: 'check', amount, writtenAmount: amount, checkNumber: '1001', bank: 'Bank of Stockton', payee: 'City of Tracy', signed: true, checkDate: START, ...over };
}

export const cash = (amount: string) => ({ type: 'cash', amount });
export const card = (amount: string, over: Record<string, unknown> = {}) => ({ type: 'card', amount, brand: 'Visa', last4: '4242', channel: 'counter', ...over });
export const moneyOrder = (amount: string) => ({ type: 'money-order', amount, number: 'MO-778812', issuer: 'USPS' });

/** The float plus some extra pieces, for close-out counts. */
export function floatPlus(extra: Partial<Counts>): Counts {
	const c = fullCounts(STANDARD_FLOAT);
	for (const [k, n] of Object.entries(extra) as Array<[keyof Counts, number]>) c[k] += n;
	return c;
}
