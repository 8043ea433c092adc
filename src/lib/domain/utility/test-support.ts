import { Money } from '$lib/money';
import { expect } from 'vitest';
import { Engine } from '../engine';
import { journal, ledgerProblems } from '../ledger';
import { accept, reject, type Actor, type Command, type DomainEvent, type DomainModule, type ReceiptRef, type Rejection, type SandboxState } from '../model';
import { utilityModule, utilitySliceProblems } from './index';

/**
 * Test harness for the utility module (used only by *.test.ts): an engine with a minimal stand-in
 * for the cashier's receipt, a world that remembers every event so tests can check replay, and a
 * check that the books balance and agree with the slice after every scenario.
 */

export const clerk: Actor = { id: 'clerk1', name: 'Clerk', supervisor: false };
export const supervisor: Actor = { id: 'sup1', name: 'Supervisor', supervisor: true };

// A receipt paying one utility account with cash: Dr 1010, Cr what the payment target says.
const testCashModule: DomainModule = {
	name: 'testcash',
	commands: {
		'test.pay': (state, command, ctx) => {
			const target = ctx.env!.paymentTargets.utility!;
			const ref = command.ref as string;
			const quote = target.quote(state, ref);
			if ('code' in quote) return { ok: false, rejection: quote };
			const amount = Money.of(command.amount as string);
			if (amount.gt(quote.due) && !quote.overpaymentAllowed) return reject('policy', 'Overpayment not allowed.');
			const receipt: ReceiptRef = { receiptNo: command.receiptNo as string, date: state.businessDate };
			if (command.postmark) receipt.postmark = command.postmark as string;
			const lines = target.creditLines(state, ref, amount);
			return accept({ type: 'test.paid', ref, amount: amount.toString(), receipt, journal: journal(`Receipt ${receipt.receiptNo}`, [{ account: '1010', debit: amount }, ...lines]) });
		},
		'test.reverse': (state, command, ctx) => {
			const target = ctx.env!.paymentTargets.utility!;
			const ref = command.ref as string;
			const amount = Money.of(command.amount as string);
			const receipt = command.receipt as ReceiptRef;
			const lines = target.reversalLines(state, ref, amount, receipt);
			return accept({ type: 'test.reversed', ref, amount: amount.toString(), receipt, journal: journal(`Reversal of ${receipt.receiptNo}`, [...lines, { account: '1010', credit: amount }]) });
		}
	},
	events: {
		'test.paid': (state, event, env) => env.paymentTargets.utility!.applyPayment(state, event.ref as string, Money.of(event.amount as string), event.receipt as ReceiptRef),
		'test.reversed': (state, event, env) => env.paymentTargets.utility!.reversePayment(state, event.ref as string, Money.of(event.amount as string), event.receipt as ReceiptRef)
	}
};

const worlds: World[] = [];

export class World {
	readonly engine = new Engine([utilityModule, testCashModule]);
	readonly start: string;
	state: SandboxState;
	readonly log: DomainEvent[] = [];
	#receipts = 0;

	constructor(date = '2026-07-01') {
		this.start = date;
		this.state = this.engine.emptyState(date);
		worlds.push(this);
	}

	get today(): string {
		return this.state.businessDate;
	}

	run(command: Command, actor: Actor = clerk) {
		const result = this.engine.execute(this.state, command, { actor, at: `${this.state.businessDate}T09:00:00Z` });
		if (result.ok) this.log.push(...result.events);
		return result;
	}

	/** Runs a command that must succeed; returns its events. */
	ok(command: Command, actor: Actor = clerk): DomainEvent[] {
		const result = this.run(command, actor);
		if (!result.ok) throw new Error(`${command.type} was rejected: ${result.rejection.message}`);
		return result.events;
	}

	/** Runs a command that must be rejected, and checks nothing changed. */
	rejects(command: Command, actor: Actor = clerk): Rejection {
		const before = JSON.stringify(this.state);
		const result = this.run(command, actor);
		if (result.ok) throw new Error(`${command.type} was accepted: ${result.events.map((e) => e.type).join(', ')}`);
		expect(JSON.stringify(this.state)).toBe(before);
		return result.rejection;
	}

	/** Moves the business date forward one day at a time (running each day's start work) to `date`. */
	advanceTo(date: string): DomainEvent[] {
		const events: DomainEvent[] = [];
		while (this.state.businessDate < date) events.push(...this.ok({ type: 'clock.next-day' }));
		return events;
	}

	/** A cash receipt on a utility account; returns the receipt for a later reversal. */
	pay(account: string, amount: string, opts: { postmark?: string } = {}): ReceiptRef {
		const receiptNo = `R-${String(++this.#receipts).padStart(5, '0')}`;
		this.ok({ type: 'test.pay', ref: account, amount, receiptNo, ...(opts.postmark ? { postmark: opts.postmark } : {}) });
		const receipt: ReceiptRef = { receiptNo, date: this.state.businessDate };
		if (opts.postmark) receipt.postmark = opts.postmark;
		return receipt;
	}

	reverse(account: string, amount: string, receipt: ReceiptRef): void {
		this.ok({ type: 'test.reverse', ref: account, amount, receipt });
	}

	account(n: string) {
		return this.state.utility.accounts[n]!;
	}

	items(n: string) {
		return this.state.utility.items[n] ?? [];
	}

	bills(n: string) {
		return Object.values(this.state.utility.bills).filter((b) => b.account === n);
	}

	/** The ledger balances, the slice agrees with it, and replaying the log gives the same state. */
	check(): void {
		expect(ledgerProblems(this.state.ledger)).toEqual([]);
		expect(utilitySliceProblems(this.state)).toEqual([]);
		const replayed = this.engine.replay(this.engine.emptyState(this.start), this.log);
		expect(JSON.stringify(replayed)).toBe(JSON.stringify(this.state));
	}
}

/** For afterEach: every world built in the test passes its checks. */
export function checkWorlds(): void {
	for (const w of worlds.splice(0)) w.check();
}

/** A residential single-family owner at a new address (fields overridable). */
export function startCommand(overrides: Record<string, unknown> = {}): Command {
	return {
		type: 'utility.start-service',
		name: 'Maria Alvarez',
		phone: '209-555-0143',
		mailingAddress: '12 Oak St, Tracy CA 95376',
		photoIdChecked: true,
		serviceAddress: '12 Oak St',
		class: 'residential',
		dwelling: 'single',
		meterSize: '5/8',
		cartSize: '35',
		parcels: '1',
		occupancy: 'owner',
		proof: 'deed',
		startRead: '1000',
		...overrides
	};
}

/** Opens an account and returns its number. */
export function open(world: World, overrides: Record<string, unknown> = {}): string {
	const events = world.ok(startCommand(overrides));
	const opened = events.find((e) => e.type === 'utility.account-opened')!;
	return (opened.account as { number: string }).number;
}

/**
 * An owner account opened July 1, 2026 with a read of 1018 on July 31 (18 HCF) and billed on
 * August 5: water base 28.50 + use 41.30 + wastewater 62.85 + cart 52.10 + storm drain 4.62 = $189.37.
 * A tenant pays the $175.00 deposit on July 1.
 */
export function billedOwner(world: World, overrides: Record<string, unknown> = {}): string {
	const n = open(world, overrides);
	if (overrides.occupancy === 'tenant') world.pay(n, '175.00');
	world.advanceTo('2026-07-31');
	world.ok({ type: 'utility.record-read', account: n, reading: '1018' });
	world.advanceTo('2026-08-05');
	return n;
}

export const m = (s: string) => Money.of(s);
