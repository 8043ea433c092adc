import { Money } from '$lib/money';
import { drawerTotals, FLOAT_TOTAL, fullCounts, STANDARD_FLOAT, DENOMINATIONS, type Counts } from '../cashiering';
import { addBusinessDays, addDays, compareDates, daysBetween, isWeekend, type BusinessDate } from '../dates';
import type { Engine } from '../engine';
import type { Actor, Command, DomainEvent, SandboxState } from '../model';
import { createClerkSystem } from '../system';

/**
 * The demo city's runner: every change to the world is a real command through the clerk system,
 * run on a deterministic wall clock, with a day-by-day agenda of what the city's staff and customers
 * do. A rejected command is a generator bug, so it throws naming the command and the rejection.
 */

/** The city's own staff (not the app's demo users): who ran each command in the history. */
export const STAFF = {
	cashiers: [
		{ id: 'staff.rmedina', name: 'Rosa Medina', supervisor: false },
		{ id: 'staff.dtran', name: 'Daniel Tran', supervisor: false }
	],
	accountClerk: { id: 'staff.kwilson', name: 'Kevin Wilson', supervisor: false },
	mailClerk: { id: 'staff.amorales', name: 'Ana Morales', supervisor: false },
	meterReader: { id: 'staff.meter', name: 'Meter reading route', supervisor: false },
	supervisor: { id: 'staff.gramirez', name: 'Gloria Ramirez', supervisor: true },
	devServices: { id: 'staff.devsvc', name: 'Development Services permit desk', supervisor: false },
	payables: { id: 'staff.ap', name: 'Accounts Payable desk', supervisor: false },
	planning: { id: 'staff.planning', name: 'Planning Division', supervisor: false },
	building: { id: 'staff.building', name: 'Building Division', supervisor: false },
	fire: { id: 'staff.fire', name: 'Fire Prevention', supervisor: false },
	police: { id: 'staff.police', name: 'Police Records', supervisor: false }
} as const satisfies Record<string, Actor | readonly Actor[]>;

export const MORNING = 0;
export const COUNTER = 1;
export type Phase = typeof MORNING | typeof COUNTER;

type Task = () => void;

/** Seconds between two commands on the wall clock; the day starts at 15:30Z (7:30 a.m. Pacific). */
const STEP_SECONDS = 15;
const DAY_START_SECONDS = 15 * 3600 + 30 * 60;

export type Tender = Record<string, unknown>;
export type Line = { kind: string; ref: string; amount: string };

export class CitySim {
	readonly engine: Engine = createClerkSystem();
	readonly state: SandboxState;
	readonly events: DomainEvent[] = [];
	readonly first: BusinessDate;
	readonly today: BusinessDate;
	#agenda = new Map<BusinessDate, [Task[], Task[]]>();
	#phase: Phase = MORNING;
	#tick = 0;
	#tickDate = '';
	#turn = 0;
	/** Cashier id → the drawer they opened today. */
	#drawers = new Map<string, string>();
	commands = 0;

	constructor(first: BusinessDate, today: BusinessDate) {
		this.first = first;
		this.today = today;
		this.state = this.engine.emptyState(first);
	}

	get date(): BusinessDate {
		return this.state.businessDate;
	}

	/** A deterministic wall-clock time for the next command. */
	at(): string {
		const date = this.state.businessDate;
		if (date !== this.#tickDate) {
			this.#tickDate = date;
			this.#tick = 0;
		}
		const [y, m, d] = date.split('-').map(Number) as [number, number, number];
		const ms = Date.UTC(y, m - 1, d) + (DAY_START_SECONDS + this.#tick++ * STEP_SECONDS) * 1000;
		return new Date(ms).toISOString();
	}

	/** Run a command that must succeed; its events are added to the log. */
	run(command: Command, actor: Actor): DomainEvent[] {
		const result = this.engine.execute(this.state, command, { actor, at: this.at() });
		this.commands++;
		if (!result.ok) {
			const r = result.rejection;
			const shown = JSON.stringify(command);
			throw new Error(
				`generateCity: ${command.type} was rejected on ${this.state.businessDate} (${r.code}${r.field ? `, ${r.field}` : ''}): ${r.message} — command ${shown.length > 400 ? `${shown.slice(0, 400)}…` : shown}`
			);
		}
		for (const e of result.events) this.events.push(e);
		return result.events;
	}

	/**
	 * Put a task on the agenda. Counter work happens on business days only (moved to the next one);
	 * a task for a moment already past runs now. Tasks after the last day never run.
	 */
	schedule(date: BusinessDate, phase: Phase, task: Task): void {
		let when = date;
		let p = phase;
		if (compareDates(when, this.state.businessDate) < 0) when = this.state.businessDate;
		if (when === this.state.businessDate && p < this.#phase) p = this.#phase;
		if (p === COUNTER && isWeekend(when)) when = addBusinessDays(when, 1);
		let slot = this.#agenda.get(when);
		if (!slot) {
			slot = [[], []];
			this.#agenda.set(when, slot);
		}
		slot[p].push(task);
	}

	/** Run the day's tasks of one phase, including any that they add for the same day and phase. */
	runPhase(phase: Phase): void {
		this.#phase = phase;
		const slot = this.#agenda.get(this.state.businessDate);
		if (!slot) return;
		const queue = slot[phase];
		for (let i = 0; i < queue.length; i++) queue[i]!();
		slot[phase] = [];
	}

	/** Move to the next day (the modules' day-start work runs: bills, penalties, plan defaults…). */
	nextDay(): DomainEvent[] {
		this.#agenda.delete(this.state.businessDate);
		this.#phase = MORNING;
		return this.run({ type: 'clock.next-day' }, STAFF.accountClerk);
	}

	// ---------- the counter ----------

	/** The cashier taking the next customer (they alternate), with their drawer open. */
	#cashier(): Actor {
		const cashier = STAFF.cashiers[this.#turn++ % STAFF.cashiers.length]!;
		if (!this.#drawers.has(cashier.id)) {
			const [opened] = this.run({ type: 'cash.open-drawer', counts: { ...STANDARD_FLOAT } }, cashier);
			this.#drawers.set(cashier.id, opened!.drawerId as string);
		}
		return cashier;
	}

	/** A receipt at the counter; returns its number and the cashier who took it. */
	takePayment(lines: Line[], tenders: Tender[], postmark?: BusinessDate): { receiptNo: string; cashier: Actor; events: DomainEvent[] } {
		if (isWeekend(this.state.businessDate)) throw new Error(`generateCity: counter work scheduled on a weekend (${this.state.businessDate})`);
		const cashier = this.#cashier();
		const events = this.run({ type: 'cash.take-payment', lines, tenders, ...(postmark ? { postmark } : {}) }, cashier);
		return { receiptNo: events[0]!.receiptNo as string, cashier, events };
	}

	/** A cashier for work at the counter that takes no money (signing a plan, filing a renewal). */
	counterClerk(): Actor {
		return STAFF.cashiers[this.#turn % STAFF.cashiers.length]!;
	}

	/** Close every drawer opened today, counting exactly what the system expects. */
	closeDrawers(): number {
		let closed = 0;
		for (const cashier of STAFF.cashiers) {
			const drawerId = this.#drawers.get(cashier.id);
			if (!drawerId) continue;
			const drawer = this.state.cashiering.drawers[drawerId]!;
			const t = drawerTotals(this.state, drawer);
			this.run(
				{
					type: 'cash.close-drawer',
					drawerId,
					counts: drawerCount(t.expectedCash),
					checks: { count: t.checks.length, total: t.checksTotal.toString() },
					moneyOrders: { count: t.moneyOrders.length, total: t.moneyOrdersTotal.toString() },
					cardBatchTotal: t.cards.toString()
				},
				cashier
			);
			closed++;
		}
		this.#drawers.clear();
		return closed;
	}
}

/** The drawer's cash by denomination: the float as issued plus the day's takings in the largest pieces. */
export function drawerCount(expectedCash: Money): Counts {
	const counts = fullCounts(STANDARD_FLOAT);
	let left = expectedCash.minus(FLOAT_TOTAL).toCents();
	if (left < 0n) throw new Error(`generateCity: a drawer expects less than its float (${expectedCash})`);
	for (const d of DENOMINATIONS) {
		if (d.key === 'coin-1.00' || d.key === 'coin-0.50') continue; // nobody pays in dollar coins or half dollars
		const piece = Money.of(d.value).toCents();
		const n = left / piece;
		counts[d.key] += Number(n);
		left -= n * piece;
	}
	return counts;
}

/** The next business day on or after `date`. */
export function onBusinessDay(date: BusinessDate): BusinessDate {
	return isWeekend(date) ? addBusinessDays(date, 1) : date;
}

/** A business day chosen evenly between `from` and `to` (inclusive), or null when there is none. */
export function businessDayBetween(rng: { int(a: number, b: number): number }, from: BusinessDate, to: BusinessDate): BusinessDate | null {
	const start = onBusinessDay(from);
	if (compareDates(start, to) > 0) return null;
	for (let tries = 0; tries < 20; tries++) {
		const d = addDays(start, rng.int(0, daysBetween(start, to)));
		if (!isWeekend(d)) return d;
	}
	return start;
}

/** Hand out `n` values: fixed counts of some, the rest `rest`, in a shuffled order. */
export function deal<T>(rng: { int(a: number, b: number): number }, n: number, quotas: ReadonlyArray<readonly [T, number]>, rest: T): T[] {
	const out: T[] = [];
	for (const [value, count] of quotas) for (let i = 0; i < count && out.length < n; i++) out.push(value);
	while (out.length < n) out.push(rest);
	for (let i = out.length - 1; i > 0; i--) {
		const j = rng.int(0, i);
		[out[i], out[j]] = [out[j]!, out[i]!];
	}
	return out;
}

/** Whole cents as the canonical string ("1234.50"). */
export function cents(n: number): string {
	return Money.fromCents(Math.round(n)).toString();
}
