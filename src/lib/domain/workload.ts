/**
 * A seeded, random but realistic workload for the whole clerk system, shared by the cross-module
 * property tests (invariants.test.ts), the fuzz tests and the engine benchmark (bench/engine.ts).
 *
 * The generator looks at the sandbox as it stands and proposes the next command a Finance counter
 * would plausibly see: service starts and stops, meter reads, day changes across bill days and
 * delinquent dates, drawers opened with the standard float, receipts paying utility accounts,
 * permits, invoices, licenses and returned-check fees with every tender (change included), voids
 * and over-limit adjustments, plans and close-outs through supervisor approvals, returned checks,
 * AR invoices, permits, license applications and renewals, the mail tray and vendor invoices —
 * mixed with a share of deliberately wrong or malformed commands. It never changes the state it
 * reads; the driver executes each step (with its context) and asks for the next one.
 *
 * Pure and deterministic: the same seed and the same sequence of states give the same steps. No
 * clock and no Math.random (SeededRandom only); money only through $lib/money.
 */
import { Money, sum } from '$lib/money';
import { DENOMINATIONS, RETURN_REASONS, STANDARD_FLOAT, drawerTotals, isCashOnly, openDrawerOf, type Counts, type DrawerSession } from './cashiering';
import { BUSINESS_WORDS, FIRST_NAMES, LAST_NAMES, STREETS } from './city/names';
import { SeededRandom } from './city/random';
import { addDays, addMonths, daysBetween, lastOfMonth } from './dates';
import type { Engine } from './engine';
import { subBalance } from './ledger';
import { CLASSIFICATION_LABELS, REGULATED_TYPES, renewalNoticeDate, taxYearOf, type Classification } from './licenses';
import { DESTINATIONS } from './mail';
import type { Actor, Command, CommandContext, PaymentQuote, SandboxState } from './model';
import { invoiceDefects } from './payables';
import { PERMIT_TYPES } from './permits';
import { INVOICE_CATEGORIES, daysPastDue } from './receivables';
import { createClerkSystem } from './system';
import { activePlan, daysDelinquent, itemsOf, openNotice, owedToRestore, pastDue } from './utility';

type State = Readonly<SandboxState>;

export const CLERK: Actor = { id: 'clerk1', name: 'Casey Clerk', supervisor: false };
export const CLERK2: Actor = { id: 'clerk2', name: 'Jordan Lee', supervisor: false };
export const SUPERVISOR: Actor = { id: 'sup1', name: 'Sam Supervisor', supervisor: true };
export const CLERKS: readonly Actor[] = [CLERK, CLERK2];

/** The change fund opened by the first command of every workload. */
export const CHANGE_FUND = '1000.00';

/** What the generator meant: a command a careful clerk would enter, or a deliberately wrong one. */
export type StepIntent = 'valid' | 'malformed';

export type WorkloadStep = {
	command: Command;
	/** Who enters it and the wall-clock time (the engine fills in env/decideOther). */
	ctx: CommandContext;
	intent: StepIntent;
	/** True only when no state could make the engine accept it (a negative amount, an impossible date…). */
	mustReject: boolean;
	/** Short description for failure reports ("pay utility+permit by check+cash"). */
	label: string;
};

export type WorkloadOptions = {
	/** Business date of the empty sandbox; by default one of a few dates around bill days and the tax year. */
	start?: string;
	/** Share of deliberately wrong or malformed commands (default 0.15). */
	malformedShare?: number;
	/** Caps on how many things the workload creates (defaults suit 20–60 command sequences). */
	maxAccounts?: number;
	maxBusinesses?: number;
	maxInvoices?: number;
	maxPermits?: number;
	maxMailItems?: number;
	maxVendorInvoices?: number;
	/** Relative weight of clock.next-day (3.5 by default: a short sequence crosses several days). */
	dayWeight?: number;
	/** Relative weight of jumping ahead to the day before a bill run or a delinquent date (1 by default). */
	jumpWeight?: number;
	/** Deliberately wrong commands whose label matches are not generated (a benchmark leaves out ones the engine wrongly accepts). */
	excludeMalformed?: RegExp;
};

/** Start dates near bill days (the 5th), delinquent dates, month ends and the tax-year turn. */
export const START_DATES = ['2026-07-01', '2026-07-27', '2026-08-03', '2026-08-24', '2026-09-29', '2026-12-30', '2027-05-13', '2027-07-29'] as const;

const BANKS = ['Bank of Stockton', 'Wells Fargo', 'Chase', 'Golden 1 Credit Union', 'Oak Valley Community Bank', 'Bank of America'];
const MO_ISSUERS = ['USPS', 'Western Union', 'MoneyGram'];
const CARD_BRANDS = ['Visa', 'Mastercard', 'Discover'];
const FEE_CODES = ['disconnect-reconnect', 'cut-lock', 'pull-meter', 'nsf', 'meter-test'] as const;
const SERVICES = ['water', 'wastewater', 'solid-waste', 'storm-drain'] as const;
const CHANGE_STEPS = [500n, 1000n, 2000n, 5000n, 10000n];

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Keys of an object in a stable order. */
const keysOf = <T extends string>(o: Readonly<Record<T, unknown>>): T[] => Object.keys(o) as T[];

type Payable = { kind: string; ref: string; quote: PaymentQuote };
type Builder = (s: State) => WorkloadStep | null;

export class WorkloadGenerator {
	readonly start: string;
	readonly engine: Engine;
	readonly #rng: SeededRandom;
	readonly #malformedShare: number;
	readonly #excludeMalformed: RegExp | undefined;
	readonly #caps: Required<Omit<WorkloadOptions, 'start' | 'malformedShare' | 'excludeMalformed'>>;
	/** Follow-ups a clerk does next (an approval request after an over-authority refusal). */
	readonly #queue: Builder[] = [];
	#clockDate = '';
	#minute = 0;
	#seq = 0;

	constructor(seed: number | string, options: WorkloadOptions = {}, engine: Engine = createClerkSystem()) {
		this.#rng = new SeededRandom(typeof seed === 'number' ? seed : `workload:${seed}`);
		this.engine = engine;
		this.start = options.start ?? this.#rng.pick(START_DATES);
		this.#malformedShare = options.malformedShare ?? 0.15;
		this.#excludeMalformed = options.excludeMalformed;
		this.#caps = {
			maxAccounts: options.maxAccounts ?? 8,
			maxBusinesses: options.maxBusinesses ?? 4,
			maxInvoices: options.maxInvoices ?? 5,
			maxPermits: options.maxPermits ?? 5,
			maxMailItems: options.maxMailItems ?? 5,
			maxVendorInvoices: options.maxVendorInvoices ?? 4,
			dayWeight: options.dayWeight ?? 3.5,
			jumpWeight: options.jumpWeight ?? 1
		};
	}

	/** The next command for the sandbox as it stands now. Never changes `state`. */
	next(state: State): WorkloadStep {
		if (state.eventCount === 0) return this.#step(state, CLERK, { type: 'books.open-change-fund', amount: CHANGE_FUND }, 'open the change fund');
		while (this.#queue.length > 0) {
			const followUp = this.#queue.shift()!(state);
			if (followUp) return followUp;
		}
		if (this.#rng.chance(this.#malformedShare)) {
			const bad = this.#malformed(state);
			if (bad && !this.#excludeMalformed?.test(bad.label)) return bad;
		}
		return this.#valid(state);
	}

	// ---------- plumbing ----------

	#step(state: State, actor: Actor, command: Command, label: string, intent: StepIntent = 'valid', mustReject = false): WorkloadStep {
		return { command, ctx: this.#ctx(state, actor), intent, mustReject, label };
	}

	#bad(state: State, actor: Actor, command: Command, label: string, mustReject = true): WorkloadStep {
		return this.#step(state, actor, command, label, 'malformed', mustReject);
	}

	/** Wall time on the business day: 08:00 onwards, a few minutes per command, never past 17:59. */
	#ctx(state: State, actor: Actor): CommandContext {
		if (state.businessDate !== this.#clockDate) {
			this.#clockDate = state.businessDate;
			this.#minute = 8 * 60 + this.#rng.int(0, 20);
		} else {
			this.#minute = Math.min(this.#minute + this.#rng.int(1, 6), 17 * 60 + 59);
		}
		return { actor, at: `${state.businessDate}T${pad(Math.floor(this.#minute / 60))}:${pad(this.#minute % 60)}:${pad(this.#rng.int(0, 59))}Z` };
	}

	#pick<T>(items: readonly T[]): T | undefined {
		return items.length === 0 ? undefined : this.#rng.pick(items);
	}

	/** A random amount from min to max dollars (whole dollars and random cents). */
	#money(min: number, max: number): Money {
		return Money.of(`${this.#rng.int(min, max)}.${pad(this.#rng.int(0, 99))}`);
	}

	/** A share (10%–95%) of an amount, rounded to the cent; never zero unless the amount is. */
	#share(amount: Money, lo = 10, hi = 95): Money {
		const part = amount.times(`0.${pad(this.#rng.int(lo, hi))}`).roundHalfUpToCents();
		return part.isPositive() ? part : amount;
	}

	#clerk(): Actor {
		return this.#rng.pick(CLERKS);
	}

	#person(): string {
		return `${this.#rng.pick(FIRST_NAMES)} ${this.#rng.pick(LAST_NAMES)}`;
	}

	/** A service or business address never used before in this workload. */
	#address(): string {
		this.#seq++;
		return `${100 + this.#seq * 7 + this.#rng.int(0, 6)} ${this.#rng.pick(STREETS)}`;
	}

	#censusTaken: { at: number; accounts: number; open: number; openInvoices: number; unpaidPermits: number } | undefined;

	/** How many things of each kind are open: counted afresh every 25 steps (enough for weights and caps). */
	#census(s: State): { accounts: { length: number }; open: { length: number }; openInvoices: number; unpaidPermits: number } {
		const c = this.#censusTaken;
		if (c && s.eventCount >= c.at && s.eventCount < c.at + 25 && c.accounts > 0) return { accounts: { length: c.accounts }, open: { length: c.open }, openInvoices: c.openInvoices, unpaidPermits: c.unpaidPermits };
		const all = Object.values(s.utility.accounts);
		const taken = {
			at: s.eventCount,
			accounts: all.filter((a) => a.status !== 'closed').length,
			open: all.filter((a) => a.status === 'active' || a.status === 'disconnected').length,
			openInvoices: Object.values(s.receivables.invoices).filter((i) => i.status !== 'paid').length,
			unpaidPermits: Object.values(s.permits.permits).filter((p) => p.status === 'issued').length
		};
		this.#censusTaken = taken;
		return { accounts: { length: taken.accounts }, open: { length: taken.open }, openInvoices: taken.openInvoices, unpaidPermits: taken.unpaidPermits };
	}

	#valid(state: State): WorkloadStep {
		const s = state;
		const { accounts, open, openInvoices, unpaidPermits } = this.#census(s);
		const drawerOpen = CLERKS.some((c) => openDrawerOf(s, c.id));
		const pending = this.#recent(s, s.approvals, 'AP', 60).some((a) => a.status === 'pending');
		const choices: Array<readonly [Builder, number]> = [
			[(x) => this.#startService(x), accounts.length < 2 ? 8 : accounts.length < this.#caps.maxAccounts ? 1.5 : 0],
			[(x) => this.#recordRead(x), open.length > 0 ? 2 : 0],
			[(x) => this.#nextDay(x), this.#caps.dayWeight],
			[(x) => this.#jump(x), this.#caps.jumpWeight],
			[(x) => this.#openDrawer(x), CLERKS.some((c) => !openDrawerOf(s, c.id)) ? (drawerOpen ? 1 : 4) : 0],
			[(x) => this.#takePayment(x), drawerOpen ? 8 : 0],
			[(x) => this.#voidReceipt(x), drawerOpen ? 2 : 0],
			[(x) => this.#decideApproval(x), pending ? 5 : 0],
			[(x) => this.#closeDrawer(x), drawerOpen ? 1.5 : 0],
			[(x) => this.#returnedCheck(x), 1],
			[(x) => this.#noticeLetter(x), 0.4],
			[(x) => this.#adjust(x), open.length > 0 ? 1.5 : 0],
			[(x) => this.#plan(x), open.length > 0 ? 1 : 0],
			[(x) => this.#utilityChore(x), open.length > 0 ? 1.5 : 0],
			[(x) => this.#stopOrTransfer(x), open.length > 1 ? 0.5 * Math.min(1, (2 * open.length) / this.#caps.maxAccounts) : 0],
			[(x) => this.#delinquency(x), open.length > 0 ? 0.5 : 0],
			[(x) => this.#createInvoice(x), openInvoices < this.#caps.maxInvoices ? 1.2 : 0],
			[(x) => this.#referToCollections(x), 0.3],
			[(x) => this.#recordPermit(x), unpaidPermits < this.#caps.maxPermits ? 1.2 : 0],
			[(x) => this.#license(x), 2],
			[(x) => this.#mail(x), 1.5],
			[(x) => this.#vendorWork(x), 1.5]
		];
		const feasible = choices.filter(([, w]) => w > 0);
		for (let attempt = 0; attempt < 12; attempt++) {
			const step = this.#rng.weighted(feasible)(s);
			if (step) return step;
		}
		// Nothing else fitted: a meter read, or a new customer.
		return this.#recordRead(s) ?? this.#startService(s);
	}

	// ---------- days ----------

	/** A clerk whose drawer from today is still open usually closes it before the day ends. */
	#closeFirst(s: State): WorkloadStep | null {
		const stillOpen = CLERKS.map((c) => openDrawerOf(s, c.id)).find((d) => d && !this.#closeAwaitingApproval(s, d.id));
		return stillOpen && this.#rng.chance(0.9) ? this.#closeDrawer(s, stillOpen) : null;
	}

	#nextDay(s: State): WorkloadStep | null {
		return this.#closeFirst(s) ?? this.#step(s, this.#clerk(), { type: 'clock.next-day' }, 'next day');
	}

	/** Skip ahead (clock.set-date) to the day before something happens: a bill run, a delinquent date, a plan default, July 31. */
	#jump(s: State): WorkloadStep | null {
		const today = s.businessDate;
		const targets: string[] = [];
		const fifth = today.slice(8) < '05' ? `${today.slice(0, 8)}04` : `${addMonths(`${today.slice(0, 8)}01`, 1).slice(0, 8)}04`;
		targets.push(fifth);
		for (const bill of Object.values(s.utility.bills)) if (bill.delinquentDate >= today) targets.push(bill.delinquentDate);
		for (const plan of Object.values(s.utility.plans)) for (const i of plan.installments) targets.push(addDays(i.due, 10));
		targets.push(`${taxYearOf(today)}-07-31`, addDays(renewalNoticeDate(taxYearOf(today) + 1), -1), lastOfMonth(today));
		const ahead = targets.filter((t) => t > today && daysBetween(today, t) <= 45);
		const to = this.#pick(ahead);
		if (!to) return null;
		return this.#closeFirst(s) ?? this.#step(s, this.#clerk(), { type: 'clock.set-date', to }, `jump to ${to}`);
	}

	// ---------- utility ----------

	#location(s: State): Record<string, unknown> {
		const owner = this.#rng.chance(0.6);
		const commercial = this.#rng.chance(0.15);
		const multi = !commercial && this.#rng.chance(0.15);
		return {
			serviceAddress: this.#address(),
			class: commercial ? 'commercial' : 'residential',
			...(commercial
				? { solidWasteContract: this.#rng.pick(['0.00', '85.00', '140.00']) }
				: { dwelling: multi ? 'multi' : 'single', ...(multi ? { units: String(this.#rng.int(2, 8)) } : {}), cartSize: this.#rng.pick(['35', '64', '96']) }),
			meterSize: this.#rng.weighted([['5/8', 6], ['3/4', 3], ['1', 2], ['1.5', 1], ['2', 1]] as const),
			parcels: '1',
			occupancy: owner ? 'owner' : 'tenant',
			proof: owner ? this.#rng.pick(['deed', 'escrow', 'tax-bill']) : 'lease',
			startRead: String(this.#rng.int(0, 5000)),
			startDate: this.#rng.chance(0.8) ? s.businessDate : addDays(s.businessDate, this.#rng.int(1, 10))
		};
	}

	#startService(s: State): WorkloadStep {
		const customers = Object.values(s.utility.customers);
		const existing = customers.length > 0 && this.#rng.chance(0.15) ? this.#pick(customers) : undefined;
		const name = this.#person();
		const who = existing
			? { customerId: existing.id }
			: { name, phone: `209-555-${pad(this.#rng.int(100, 9999), 4)}`, mailingAddress: `PO Box ${this.#rng.int(10, 9999)}, Tracy CA 95376` };
		const command: Command = { type: 'utility.start-service', ...who, photoIdChecked: true, ...this.#location(s) };
		return this.#step(s, this.#clerk(), command, `start service (${String(command.occupancy)})`);
	}

	#serviceAccounts(s: State) {
		return Object.values(s.utility.accounts).filter((a) => a.status === 'active' || a.status === 'disconnected');
	}

	/**
	 * The latest `count` records of a series numbered by the kernel's counters ("AP-000123", "R-000045"),
	 * newest last, without scanning the whole record; everything when the series is not numbered that way.
	 */
	#recent<T>(s: State, records: Readonly<Record<string, T>>, prefix: string, count: number): T[] {
		const last = s.counters[prefix];
		if (last === undefined) return Object.values(records);
		const out: T[] = [];
		for (let n = Math.max(1, last - count + 1); n <= last; n++) {
			const r = records[`${prefix}-${pad(n, 6)}`];
			if (r !== undefined) out.push(r);
		}
		return out.length > 0 || last === 0 ? out : Object.values(records).slice(-count);
	}

	#lastRead(s: State, account: string) {
		const reads = s.utility.reads[account] ?? [];
		return reads[reads.length - 1];
	}

	#recordRead(s: State): WorkloadStep | null {
		const account = this.#pick(this.#serviceAccounts(s));
		if (!account) return null;
		const last = this.#lastRead(s, account.number);
		const reading = (last?.reading ?? 0) + this.#rng.int(0, 35);
		return this.#step(s, this.#clerk(), { type: 'utility.record-read', account: account.number, reading: String(reading) }, 'meter read');
	}

	#adjust(s: State): WorkloadStep | null {
		const account = this.#pick(this.#serviceAccounts(s));
		if (!account) return null;
		const n = account.number;
		const items = itemsOf(s, n);
		const penalty = this.#pick(items.filter((i) => i.kind === 'penalty'));
		const fee = this.#pick(items.filter((i) => i.kind === 'fee'));
		const other = this.#pick(this.#serviceAccounts(s).filter((a) => a.number !== n));
		const over = this.#rng.chance(0.3);
		const amount = (over ? this.#money(51, 180) : this.#money(1, 49)).toString();
		const reason = this.#rng.weighted([
			['billing-error', 5],
			['meter-misread', 1],
			['penalty-waiver', penalty ? 3 : 0],
			['fee-waiver', fee ? 2 : 0],
			['transfer', other ? 1 : 0]
		] as const);
		const clerk = this.#clerk();
		let command: Command;
		if (reason === 'penalty-waiver' || reason === 'fee-waiver') command = { type: 'utility.adjust', account: n, reason, itemId: (reason === 'penalty-waiver' ? penalty : fee)!.id, note: 'First late payment; customer asked' };
		else if (reason === 'transfer') command = { type: 'utility.adjust', account: n, reason, amount, toAccount: other!.number, note: 'Paid on the wrong account' };
		else
			command = {
				type: 'utility.adjust',
				account: n,
				reason,
				amount,
				service: this.#rng.pick(SERVICES),
				direction: this.#rng.chance(0.8) ? 'credit' : 'charge',
				note: reason === 'billing-error' ? 'Wrong cart size billed' : 'Meter read transposed'
			};
		const before = s.utility.adjustments.length;
		// Over $50.00 a clerk is refused, then asks a supervisor.
		this.#queue.push((now) => (now.utility.adjustments.length === before && this.#rng.chance(0.85) ? this.#approvalRequest(now, clerk, command, 'Customer documentation attached') : null));
		return this.#step(s, clerk, command, `adjust ${reason}${over ? ' (over limit)' : ''}`);
	}

	#plan(s: State): WorkloadStep | null {
		const today = s.businessDate;
		const accounts = this.#serviceAccounts(s);
		const sample = accounts.length <= 20 ? accounts : Array.from({ length: 20 }, () => this.#rng.pick(accounts));
		const candidates = sample.filter((a) => pastDue(s, a.number, today).gte(Money.of('100.00')) && !activePlan(s, a.number, today));
		const account = this.#pick(candidates) ?? this.#pick(accounts);
		if (!account) return null;
		const months = this.#rng.chance(0.3) ? this.#rng.int(7, 12) : this.#rng.int(1, 6);
		const clerk = this.#clerk();
		const command = { type: 'utility.create-plan', account: account.number, months: String(months) };
		const before = Object.keys(s.utility.plans).length;
		if (months > 6) this.#queue.push((now) => (Object.keys(now.utility.plans).length === before ? this.#approvalRequest(now, clerk, command, 'Lost hours at work') : null));
		return this.#step(s, clerk, command, `payment plan ${months} months`);
	}

	#utilityChore(s: State): WorkloadStep | null {
		const account = this.#pick(this.#serviceAccounts(s));
		if (!account) return null;
		const n = account.number;
		const today = s.businessDate;
		const clerk = this.#clerk();
		const pendingTest = itemsOf(s, n).some((i) => i.kind === 'fee' && i.fee === 'meter-test' && i.testResult === undefined);
		const kind = this.#rng.weighted([
			['fee', 2],
			['meter-test', pendingTest ? 3 : 0],
			['medical', account.class === 'residential' ? 0.5 : 0],
			['cash-only', 0.3],
			['suspend', account.occupancy === 'owner' && account.class === 'residential' ? 0.5 : 0],
			['note', 1],
			['run-bill', today.slice(8) === '05' ? 0.5 : 0]
		] as const);
		switch (kind) {
			case 'fee':
				return this.#step(s, clerk, { type: 'utility.charge-fee', account: n, fee: this.#rng.pick(FEE_CODES) }, 'charge a fee');
			case 'meter-test':
				return this.#step(s, clerk, { type: 'utility.record-meter-test', account: n, deviation: this.#rng.pick(['+2.10', '-0.80', '+0.50', '-3.25', '1.6%']) }, 'meter test result');
			case 'medical':
				return this.#step(s, clerk, { type: 'utility.record-medical-cert', account: n, until: addMonths(today, this.#rng.int(1, 12)), certifiedBy: `Dr. ${this.#person()}` }, 'medical certification');
			case 'cash-only':
				return this.#step(s, clerk, { type: 'utility.set-cash-only', account: n, reason: `Returned check ${this.#rng.int(1000, 9999)}` }, 'set cash-only');
			case 'suspend':
				return this.#step(s, clerk, { type: 'utility.suspend-solid-waste', account: n, suspended: !account.solidWasteSuspended }, 'suspend solid waste');
			case 'run-bill':
				return this.#step(s, clerk, { type: 'utility.run-bill', account: n }, 'run a bill');
			default:
				return this.#step(s, clerk, { type: 'utility.add-note', account: n, note: this.#rng.pick(['Customer called about the bill', 'Left voicemail', 'Mailing address confirmed']) }, 'add a note');
		}
	}

	#stopOrTransfer(s: State): WorkloadStep | null {
		const account = this.#pick(Object.values(s.utility.accounts).filter((a) => a.status !== 'closed'));
		if (!account) return null;
		const n = account.number;
		const today = s.businessDate;
		const last = this.#lastRead(s, n);
		const read = account.status === 'pending' ? {} : { reading: String((last?.reading ?? 0) + this.#rng.int(0, 12)), readDate: today, stopDate: today };
		if (account.status === 'active' && this.#rng.chance(0.4)) {
			const location = this.#location(s);
			return this.#step(s, this.#clerk(), { type: 'utility.transfer-service', account: n, ...read, ...location, startDate: today }, 'transfer service');
		}
		const reason = account.occupancy === 'owner' ? this.#rng.pick(['moving', 'sold']) : this.#rng.pick(['moving', 'vacant']);
		return this.#step(s, this.#clerk(), { type: 'utility.stop-service', account: n, reason, ...read }, 'stop service');
	}

	#delinquency(s: State): WorkloadStep | null {
		const today = s.businessDate;
		const clerk = this.#clerk();
		const accounts = this.#serviceAccounts(s);
		const sample = accounts.length <= 15 ? accounts : Array.from({ length: 15 }, () => this.#rng.pick(accounts));
		for (const a of sample) {
			const n = a.number;
			if (a.status === 'disconnected' && owedToRestore(s, a, today).isZero()) return this.#step(s, clerk, { type: 'utility.restore', account: n }, 'restore service');
			const notice = openNotice(s, n);
			if (notice && !notice.doorHangerOn) return this.#step(s, clerk, { type: 'utility.post-door-hanger', account: n }, 'door hanger');
			if (notice && today >= notice.disconnectOnOrAfter) return this.#step(s, clerk, { type: 'utility.disconnect', account: n }, 'disconnect');
			if (!notice && daysDelinquent(s, n, today) >= 60) return this.#step(s, clerk, { type: 'utility.send-notice', account: n }, 'disconnection notice');
		}
		const any = this.#pick(this.#serviceAccounts(s));
		return any ? this.#step(s, clerk, { type: 'utility.send-notice', account: any.number }, 'disconnection notice (too early)') : null;
	}

	// ---------- approvals ----------

	#approvalRequest(s: State, clerk: Actor, command: Command, note: string): WorkloadStep {
		return this.#step(s, clerk, { type: 'approval.request', command, note }, `request approval: ${command.type}`);
	}

	#decideApproval(s: State): WorkloadStep | null {
		const request = this.#pick(this.#recent(s, s.approvals, 'AP', 60).filter((a) => a.status === 'pending'));
		if (!request) return null;
		const approve = this.#rng.chance(0.8);
		return this.#step(
			s,
			SUPERVISOR,
			{ type: 'approval.decide', id: request.id, approve, reason: approve ? this.#rng.pick(['Recounted; agree', 'Documentation checked', '']) : 'Bring the receipt and documentation' },
			`${approve ? 'approve' : 'deny'} ${request.kind}`
		);
	}

	// ---------- cashiering ----------

	#closeAwaitingApproval(s: State, drawerId: string): boolean {
		return this.#recent(s, s.approvals, 'AP', 60).some((a) => a.status === 'pending' && a.payload.type === 'cash.close-drawer' && a.payload.drawerId === drawerId);
	}

	#openDrawer(s: State): WorkloadStep | null {
		const clerk = this.#pick(CLERKS.filter((c) => !openDrawerOf(s, c.id)));
		if (!clerk) return null;
		return this.#step(s, clerk, { type: 'cash.open-drawer', counts: { ...STANDARD_FLOAT } }, 'open drawer');
	}

	/** Things a customer could pay right now (a sample of at most a dozen of each kind), with the target's own quote. */
	#payables(s: State): Payable[] {
		const out: Payable[] = [];
		const add = (kind: string, refs: readonly string[]) => {
			const target = this.engine.env.paymentTargets[kind];
			const sample = refs.length <= 12 ? refs : Array.from({ length: 12 }, () => this.#rng.pick(refs));
			for (const ref of new Set(sample)) {
				const quote = target?.quote(s, ref);
				if (quote && !('code' in quote)) out.push({ kind, ref, quote });
			}
		};
		add('utility', Object.keys(s.utility.accounts));
		add('permit', Object.values(s.permits.permits).filter((p) => p.status === 'issued').map((p) => p.number));
		add('invoice', this.#recent(s, s.receivables.invoices, 'INV', 300).filter((i) => i.status !== 'paid').map((i) => i.number));
		const owing = Object.values(s.licenses.businesses).filter((b) => subBalance(s.ledger, `bl:${b.id}`).isPositive());
		const some = owing.length <= 6 ? owing : Array.from({ length: 6 }, () => this.#rng.pick(owing));
		add('license', some.map((b) => (this.#rng.chance(0.5) ? b.id : (this.#licenseNoOf(s, b.id) ?? b.id))));
		add('returned-check-fee', this.#recent(s, s.cashiering.returnedChecks, 'RC', 100).filter((rc) => rc.feeOutstanding.isPositive()).map((rc) => rc.id));
		return out;
	}

	#licenseNoOf(s: State, businessId: string): string | undefined {
		return Object.values(s.licenses.licenses).find((l) => l.businessId === businessId && !l.paid)?.number;
	}

	#lineAmount(p: Payable): Money | null {
		const { due, partialAllowed, overpaymentAllowed } = p.quote;
		if (!due.isPositive()) return overpaymentAllowed ? this.#money(10, 120) : null;
		if (!partialAllowed) return due;
		const r = this.#rng.next();
		if (r < 0.55) return due;
		if (r < 0.85) return this.#share(due);
		return overpaymentAllowed ? due.plus(this.#money(1, 60)) : due;
	}

	#check(s: State, amount: Money): Record<string, unknown> {
		const a = amount.toString();
		return {
			type: 'check',
			amount: a,
			writtenAmount: a,
			checkNumber: String(this.#rng.int(1000, 9999) * 10 + (this.#seq++ % 10)),
			bank: this.#rng.pick(BANKS),
			payee: this.#rng.pick(['City of Tracy', 'city of tracy', 'City of  Tracy']),
			signed: true,
			checkDate: addDays(s.businessDate, -this.#rng.int(0, 20))
		};
	}

	#card(amount: Money): Record<string, unknown> {
		return { type: 'card', amount: amount.toString(), brand: this.#rng.pick(CARD_BRANDS), last4: pad(this.#rng.int(0, 9999), 4), channel: this.#rng.chance(0.85) ? 'counter' : 'phone' };
	}

	#moneyOrder(amount: Money): Record<string, unknown> {
		return { type: 'money-order', amount: amount.toString(), number: `MO-${this.#rng.int(100000, 999999)}`, issuer: this.#rng.pick(MO_ISSUERS) };
	}

	/** Cash for `amount`: exact, or rounded up to the next $5/$10/$20/$50/$100 so change is given. */
	#cash(amount: Money, withChange: boolean): Record<string, unknown> {
		if (!withChange) return { type: 'cash', amount: amount.toString() };
		const cents = amount.toCents();
		const step = this.#rng.pick(CHANGE_STEPS);
		const tendered = Money.fromCents((cents / step + 1n) * step);
		return { type: 'cash', amount: tendered.toString() };
	}

	#tenders(s: State, total: Money, cashOnly: boolean, byMail: boolean): Array<Record<string, unknown>> {
		if (byMail) return [cashOnly ? this.#moneyOrder(total) : this.#check(s, total)];
		const noChecks = cashOnly ? 0 : 1;
		const mode = this.#rng.weighted([
			['cash', 14],
			['cash+change', 22],
			['card', 18],
			['money-order', 4],
			['check', 15 * noChecks],
			['check+cash', 8 * noChecks],
			['card+cash', 8],
			['card+check', 4 * noChecks],
			['check+card+cash', 4 * noChecks]
		] as const);
		const part = this.#share(total, 15, 85);
		const rest = total.minus(part);
		const split = part.isPositive() && rest.isPositive();
		switch (mode) {
			case 'cash':
				return [this.#cash(total, false)];
			case 'cash+change':
				return [this.#cash(total, true)];
			case 'card':
				return [this.#card(total)];
			case 'money-order':
				return [this.#moneyOrder(total)];
			case 'check':
				return [this.#check(s, total)];
			case 'check+cash':
				return split ? [this.#check(s, part), this.#cash(rest, this.#rng.chance(0.6))] : [this.#check(s, total)];
			case 'card+cash':
				return split ? [this.#card(part), this.#cash(rest, this.#rng.chance(0.6))] : [this.#card(total)];
			case 'card+check':
				return split ? [this.#card(part), this.#check(s, rest)] : [this.#card(total)];
			case 'check+card+cash': {
				const second = this.#share(rest, 20, 80);
				const last = rest.minus(second);
				if (!split || !second.isPositive() || !last.isPositive()) return [this.#check(s, total)];
				return [this.#check(s, part), this.#card(second), this.#cash(last, this.#rng.chance(0.5))];
			}
		}
	}

	#takePayment(s: State): WorkloadStep | null {
		const clerk = this.#pick(CLERKS.filter((c) => openDrawerOf(s, c.id)));
		if (!clerk) return null;
		const drawer = openDrawerOf(s, clerk.id)!;
		if (drawer.date !== s.businessDate || this.#closeAwaitingApproval(s, drawer.id)) return this.#closeDrawer(s, drawer);
		const payables = this.#payables(s);
		if (payables.length === 0) return null;
		const count = Math.min(payables.length, this.#rng.weighted([[1, 7], [2, 2], [3, 1]] as const));
		const chosen: Payable[] = [];
		while (chosen.length < count) {
			const p = this.#rng.pick(payables);
			if (!chosen.includes(p)) chosen.push(p);
		}
		const lines: Array<{ kind: string; ref: string; amount: string }> = [];
		const amounts: Money[] = [];
		for (const p of chosen) {
			const amount = this.#lineAmount(p);
			if (!amount) continue;
			lines.push({ kind: p.kind, ref: p.ref, amount: amount.toString() });
			amounts.push(amount);
		}
		if (lines.length === 0) return null;
		const cashOnly = chosen.some((p) => p.quote.cashOnly || isCashOnly(s, p.kind, p.ref));
		const byMail = lines.length === 1 && lines[0]!.kind === 'utility' && this.#rng.chance(0.15);
		const total = sum(amounts);
		const command: Command = { type: 'cash.take-payment', lines, tenders: this.#tenders(s, total, cashOnly, byMail) };
		if (byMail) command.postmark = addDays(s.businessDate, -this.#rng.int(0, 6));
		const kinds = lines.map((l) => l.kind).join('+');
		const how = (command.tenders as Array<{ type: string }>).map((t) => t.type).join('+');
		return this.#step(s, clerk, command, `pay ${kinds} by ${how}${byMail ? ' (mail)' : ''}`);
	}

	#voidReceipt(s: State): WorkloadStep | null {
		const pendingVoids = new Set(this.#recent(s, s.approvals, 'AP', 60).filter((a) => a.status === 'pending' && a.payload.type === 'cash.void-receipt').map((a) => a.payload.receiptNo));
		const today = CLERKS.flatMap((c) => openDrawerOf(s, c.id)?.receiptNos ?? []).map((no) => s.cashiering.receipts[no]);
		const receipt = this.#pick(today.filter((r) => r !== undefined && r.status === 'valid' && r.date === s.businessDate && !pendingVoids.has(r.receiptNo)));
		if (!receipt) return null;
		const clerk = CLERKS.find((c) => c.id === receipt.clerkId) ?? CLERK;
		const command = { type: 'cash.void-receipt', receiptNo: receipt.receiptNo, reason: this.#rng.pick(['Keyed to the wrong account', 'Customer changed tender', 'Amount entered wrong']), customerCopyReturned: true };
		if (this.#rng.chance(0.3)) {
			// The clerk tries it alone first, is told it needs approval, then asks.
			this.#queue.push((now) => this.#approvalRequest(now, clerk, command, 'Customer copy attached'));
			return this.#step(s, clerk, command, 'void without approval (refused)');
		}
		return this.#approvalRequest(s, clerk, command, 'Customer copy attached');
	}

	/** Counts making up `cash`: the standard float plus the rest in the largest pieces (or all greedy below the float). */
	#countsFor(cash: Money): Counts {
		const counts = { ...STANDARD_FLOAT };
		let left = cash.toCents() - Money.of('200.00').toCents();
		if (left < 0n) {
			for (const d of DENOMINATIONS) counts[d.key] = 0;
			left = cash.toCents();
		}
		for (const d of DENOMINATIONS) {
			const piece = Money.of(d.value).toCents();
			const n = left / piece;
			counts[d.key] += Number(n);
			left -= n * piece;
		}
		return counts;
	}

	#closeDrawer(s: State, given?: DrawerSession): WorkloadStep | null {
		const drawer = given ?? CLERKS.map((c) => openDrawerOf(s, c.id)).find((d) => d && !this.#closeAwaitingApproval(s, d.id));
		if (!drawer || this.#closeAwaitingApproval(s, drawer.id)) return null;
		const clerk = CLERKS.find((c) => c.id === drawer.clerkId) ?? CLERK;
		const t = drawerTotals(s, drawer);
		const mode = this.#rng.weighted([['exact', 70], ['within', 20], ['beyond', 10]] as const);
		const off = mode === 'exact' ? Money.ZERO : mode === 'within' ? this.#money(0, 1) : this.#money(2, 40);
		const delta = off.isZero() ? off : this.#rng.chance(0.5) ? off : off.negated();
		const cash = t.expectedCash.plus(delta).isNegative() ? t.expectedCash : t.expectedCash.plus(delta);
		const beyond = cash.minus(t.expectedCash).abs().gt(Money.of('2.00'));
		const command: Command = {
			type: 'cash.close-drawer',
			drawerId: drawer.id,
			counts: this.#countsFor(cash),
			checks: { count: t.checks.length, total: t.checksTotal.toString() },
			moneyOrders: { count: t.moneyOrders.length, total: t.moneyOrdersTotal.toString() },
			cardBatchTotal: t.cards.toString(),
			note: cash.eq(t.expectedCash) ? '' : 'Counted twice'
		};
		if (beyond) {
			command.explanation = 'Recounted with the lead; a $20 bill was likely given as change by mistake.';
			this.#queue.push((now) => (now.cashiering.drawers[drawer.id]?.status === 'open' && !this.#closeAwaitingApproval(now, drawer.id) ? this.#approvalRequest(now, clerk, command, 'Over/short beyond $2.00') : null));
		}
		return this.#step(s, clerk, command, `close drawer ${mode}`);
	}

	#returnedCheck(s: State): WorkloadStep | null {
		const candidates: Array<{ receiptNo: string; checkNumber: string }> = [];
		// Banks return checks within days: only the latest receipts are looked at.
		for (const r of this.#recent(s, s.cashiering.receipts, 'R', 300)) {
			if (r.status !== 'valid' || s.cashiering.drawers[r.drawerId]?.status !== 'closed') continue;
			for (const t of r.tenders) if (t.type === 'check' && !t.returnedAs) candidates.push({ receiptNo: r.receiptNo, checkNumber: t.checkNumber });
		}
		const c = this.#pick(candidates);
		if (!c) return null;
		return this.#step(s, this.#clerk(), { type: 'cash.returned-check', ...c, reason: this.#rng.pick(RETURN_REASONS), note: 'Bank notice received' }, 'returned check');
	}

	#noticeLetter(s: State): WorkloadStep | null {
		const rc = this.#pick(this.#recent(s, s.cashiering.returnedChecks, 'RC', 100).filter((r) => r.noticeLetter === 'needed'));
		return rc ? this.#step(s, this.#clerk(), { type: 'cash.notice-letter-sent', returnedCheckId: rc.id }, 'returned-check notice letter') : null;
	}

	// ---------- receivables and permits ----------

	#createInvoice(s: State): WorkloadStep {
		const category = this.#rng.pick(keysOf(INVOICE_CATEGORIES));
		const lines = Array.from({ length: this.#rng.int(1, 3) }, (_, i) => ({ description: `${category} charge ${i + 1}`, amount: this.#money(15, 900).toString() }));
		const backdated = this.#rng.chance(0.2);
		return this.#step(
			s,
			this.#clerk(),
			{
				type: 'ar.create-invoice',
				customer: this.#person(),
				customerAddress: this.#address(),
				description: `${INVOICE_CATEGORIES[category]} — ${this.#rng.pick(['Community Center', 'Lincoln Park', 'Fire Station 91', 'Civic Center'])}`,
				category,
				...(backdated ? { invoiceDate: addDays(s.businessDate, -this.#rng.int(95, 200)) } : {}),
				lines
			},
			'AR invoice'
		);
	}

	#referToCollections(s: State): WorkloadStep | null {
		const invoice = this.#pick(Object.values(s.receivables.invoices).filter((i) => i.status === 'open' && i.balance.isPositive() && daysPastDue(i, s.businessDate) > 90));
		return invoice ? this.#step(s, this.#clerk(), { type: 'ar.refer-to-collections', invoiceNo: invoice.number }, 'refer to collections') : null;
	}

	#recordPermit(s: State): WorkloadStep {
		const prefix = this.#rng.pick(['BP', 'EP', 'PP', 'MP', 'ENC']);
		const number = `${prefix}-${s.businessDate.slice(0, 4)}-${pad(this.#seq++ % 10000, 4)}`;
		const fees = Array.from({ length: this.#rng.int(1, 3) }, (_, i) => ({ description: ['Plan check', 'Inspection', 'Technology fee'][i]!, amount: this.#money(20, 1500).toString() }));
		return this.#step(
			s,
			this.#clerk(),
			{ type: 'permit.record', number, permitType: this.#rng.pick(keysOf(PERMIT_TYPES)), address: this.#address(), applicant: this.#person(), fees },
			'record permit'
		);
	}

	// ---------- licenses ----------

	#profile(): Record<string, unknown> {
		const classification = this.#rng.pick(keysOf(CLASSIFICATION_LABELS)) as Classification;
		const words = classification === 'retail-wholesale' ? BUSINESS_WORDS.retail : classification === 'professional-personal' ? BUSINESS_WORDS.services : classification === 'contractor' ? BUSINESS_WORDS.contractor : classification === 'rental' ? BUSINESS_WORDS.rental : classification === 'manufacturing' ? BUSINESS_WORDS.manufacturing : BUSINESS_WORDS.other;
		const homeBased = this.#rng.chance(0.3);
		return {
			name: `${this.#rng.pick(LAST_NAMES)} ${this.#rng.pick(words)} ${this.#seq++}`,
			owner: this.#person(),
			address: this.#address(),
			classification,
			...(this.#rng.chance(0.15) ? { regulated: this.#rng.pick(keysOf(REGULATED_TYPES)) } : {}),
			homeBased,
			commercialPremises: !homeBased && this.#rng.chance(0.6),
			tenantImprovements: this.#rng.chance(0.25)
		};
	}

	#license(s: State): WorkloadStep | null {
		const today = s.businessDate;
		const clerk = this.#clerk();
		const lic = s.licenses;
		const underReview = Object.values(lic.licenses).filter((l) => l.kind === 'new' && (l.status === 'applied' || l.status === 'in-review'));
		const toClear = underReview.filter((l) => l.clearances.some((c) => c.status !== 'cleared'));
		const toApprove = underReview.filter((l) => l.clearances.every((c) => c.status === 'cleared'));
		const year = taxYearOf(today);
		const held = new Map<string, Array<(typeof lic.licenses)[string]>>();
		for (const l of Object.values(lic.licenses)) held.set(l.businessId, [...(held.get(l.businessId) ?? []), l]);
		const renewable = Object.values(lic.businesses).filter((b) => {
			const its = held.get(b.id) ?? [];
			return !its.some((l) => l.taxYear === year) && its.some((l) => l.taxYear < year && l.status !== 'applied' && l.status !== 'in-review');
		});
		const room = Object.keys(lic.businesses).length < this.#caps.maxBusinesses;
		const kind = this.#rng.weighted([
			['apply', room ? 2 : 0],
			['record', room ? 1 : 0],
			['clear', toClear.length > 0 ? 4 : 0],
			['approve', toApprove.length > 0 ? 4 : 0],
			['renew', renewable.length > 0 ? 3 : 0],
			['noop', 0.1]
		] as const);
		switch (kind) {
			case 'apply':
				return this.#step(
					s,
					clerk,
					{ type: 'license.apply', ...this.#profile(), startDate: addDays(today, this.#rng.int(0, 25)), projectedGrossReceipts: this.#rng.pick(['85000.00', '480000.00', '650000.00', '1250000.00']) },
					'license application'
				);
			case 'record':
				return this.#step(
					s,
					clerk,
					{ type: 'license.record-business', ...this.#profile(), startDate: addDays(today, -this.#rng.int(400, 2000)), lastTaxYear: String(year - 1), lastGrossReceipts: this.#rng.pick(['120000.00', '700000.00']) },
					'business on file'
				);
			case 'clear': {
				const l = this.#rng.pick(toClear);
				const c = l.clearances.find((x) => x.status !== 'cleared')!;
				const business = lic.businesses[l.businessId];
				const denied = this.#rng.chance(0.1);
				return this.#step(
					s,
					clerk,
					{
						type: 'license.decide-clearance',
						licenseNo: l.number,
						department: c.department,
						decision: denied ? 'denied' : 'cleared',
						...(denied ? { note: 'Zoning does not allow this use here' } : {}),
						...(c.department === 'planning' && business?.homeBased ? { homeOccupationPermitNo: `HOP-${this.#rng.int(100, 999)}` } : {})
					},
					`clearance ${c.department}`
				);
			}
			case 'approve':
				return this.#step(s, clerk, { type: 'license.approve', licenseNo: this.#rng.pick(toApprove).number }, 'approve license');
			case 'renew':
				return this.#step(s, clerk, { type: 'license.renew', businessId: this.#rng.pick(renewable).id, grossReceipts: this.#rng.pick(['95000.00', '510000.00', '880000.00']) }, 'renew license');
			default:
				return null;
		}
	}

	// ---------- mail ----------

	#mail(s: State): WorkloadStep | null {
		const items = Object.values(s.mail.items);
		const clerk = this.#clerk();
		const toStamp = items.filter((i) => !i.stampedOn);
		const toLog = items.filter((i) => i.stampedOn && i.enclosure && !i.remittance);
		const toRoute = items.filter((i) => i.stampedOn && !i.routedTo && (!i.enclosure || i.remittance));
		const kind = this.#rng.weighted([
			['receive', items.filter((i) => !i.routedTo).length < this.#caps.maxMailItems ? 2 : 0],
			['stamp', toStamp.length > 0 ? 3 : 0],
			['log', toLog.length > 0 ? 3 : 0],
			['route', toRoute.length > 0 ? 3 : 0],
			['noop', 0.1]
		] as const);
		switch (kind) {
			case 'receive': {
				const account = this.#pick(Object.keys(s.utility.accounts));
				const payment = this.#rng.chance(0.5);
				return this.#step(
					s,
					clerk,
					{
						type: 'mail.receive',
						from: this.#person(),
						addressedTo: this.#rng.pick(['City of Tracy — Finance', 'Utility Billing', 'Parks Dept', '333 Civic Center Plaza']),
						contents: payment ? `Utility bill remittance slip ${account ?? ''} and a check` : this.#rng.pick(['Vendor invoice', 'Claim form', 'Letter to the City Clerk']),
						postmark: addDays(s.businessDate, -this.#rng.int(1, 5)),
						...(payment
							? { enclosure: { kind: this.#rng.chance(0.8) ? 'check' : 'money-order', number: String(this.#rng.int(1000, 9999)), bank: this.#rng.pick(BANKS), payer: this.#person(), amount: this.#money(30, 400).toString(), memo: account ?? '' } }
							: {})
					},
					'mail received'
				);
			}
			case 'stamp':
				return this.#step(s, clerk, { type: 'mail.stamp', itemId: this.#rng.pick(toStamp).id }, 'stamp mail');
			case 'log': {
				const item = this.#rng.pick(toLog);
				const e = item.enclosure!;
				return this.#step(
					s,
					clerk,
					{ type: 'mail.log-remittance', itemId: item.id, witness: CLERKS.find((c) => c.id !== clerk.id)!.name, payer: e.payer, checkNumber: e.number, amount: e.amount.toString(), account: e.memo || 'unknown', ...(item.postmark ? { postmark: item.postmark } : {}) },
					'log remittance'
				);
			}
			case 'route': {
				const item = this.#rng.pick(toRoute);
				const destination = item.enclosure ? 'Utility Billing' : this.#rng.pick(DESTINATIONS);
				return this.#step(s, clerk, { type: 'mail.route', itemId: item.id, destination }, 'route mail');
			}
			default:
				return null;
		}
	}

	// ---------- payables ----------

	#vendorWork(s: State): WorkloadStep | null {
		const ap = s.payables;
		const clerk = this.#clerk();
		const vendors = Object.values(ap.vendors);
		const pos = Object.values(ap.purchaseOrders);
		const pending = Object.values(ap.invoices).filter((i) => i.status === 'pending');
		const kind = this.#rng.weighted([
			['vendor', vendors.length < 3 ? 2 : 0.1],
			['po', vendors.length > 0 && pos.length < 4 ? 1.5 : 0],
			['receiving', pos.length > 0 ? 1 : 0],
			['invoice', vendors.length > 0 && pending.length < this.#caps.maxVendorInvoices ? 2 : 0],
			['decide', pending.length > 0 ? 3 : 0]
		] as const);
		switch (kind) {
			case 'vendor':
				return this.#step(s, clerk, { type: 'ap.add-vendor', name: `${this.#rng.pick(LAST_NAMES)} ${this.#rng.pick(BUSINESS_WORDS.other)}`, w9OnFile: this.#rng.chance(0.85) }, 'add vendor');
			case 'po':
				return this.#step(
					s,
					clerk,
					{ type: 'ap.add-po', number: `PO-${s.businessDate.slice(0, 4)}-${pad(this.#seq++ % 10000, 4)}`, vendorId: this.#rng.pick(vendors).id, department: this.#rng.pick(['Public Works', 'Parks', 'Police', 'Finance']), amount: this.#money(500, 20000).toString() },
					'add purchase order'
				);
			case 'receiving':
				return this.#step(s, clerk, { type: 'ap.add-receiving', poNumber: this.#rng.pick(pos).number, receivedBy: this.#person(), description: 'Delivered complete' }, 'receiving report');
			case 'invoice': {
				const vendor = this.#rng.pick(vendors);
				const po = this.#pick(pos.filter((p) => p.vendorId === vendor.id));
				const lines = Array.from({ length: this.#rng.int(1, 3) }, (_, i) => {
					const quantity = this.#rng.int(1, 12);
					const unitPrice = this.#money(5, 400);
					const right = unitPrice.times(quantity).roundHalfUpToCents();
					const extension = this.#rng.chance(0.1) ? right.plus(Money.of('10.00')) : right;
					return { description: `Item ${i + 1}`, quantity: String(quantity), unitPrice: unitPrice.toString(), extension: extension.toString() };
				});
				const subtotal = sum(lines.map((l) => Money.of(l.extension)));
				const tax = subtotal.times('0.0825').roundHalfUpToCents();
				const shipping = this.#rng.chance(0.5) ? Money.ZERO : this.#money(5, 60);
				return this.#step(
					s,
					clerk,
					{
						type: 'ap.receive-invoice',
						vendorId: vendor.id,
						invoiceNumber: this.#rng.chance(0.95) ? `INV-${this.#rng.int(100, 999)}` : '',
						invoiceDate: addDays(s.businessDate, -this.#rng.int(1, 20)),
						...(po && this.#rng.chance(0.9) ? { poNumber: po.number } : {}),
						lines,
						subtotal: subtotal.toString(),
						tax: tax.toString(),
						shipping: shipping.toString(),
						total: subtotal.plus(tax).plus(shipping).toString(),
						...(this.#rng.chance(0.9) ? { approvedBy: { name: this.#person(), title: this.#rng.pick(['department head', 'city manager']) } } : {})
					},
					'vendor invoice'
				);
			}
			case 'decide': {
				const invoice = this.#rng.pick(pending);
				const defects = invoiceDefects(s, invoice.id);
				// Mostly right; sometimes the trainee approves a defective invoice (allowed: it is what the grader catches).
				if (defects.length === 0 || this.#rng.chance(0.15)) return this.#step(s, clerk, { type: 'ap.approve', invoiceId: invoice.id }, 'approve vendor invoice');
				return this.#step(s, clerk, { type: 'ap.return', invoiceId: invoice.id, reasons: defects, note: 'Returned with every reason' }, 'return vendor invoice');
			}
		}
	}

	// ---------- deliberately wrong ----------

	#malformed(s: State): WorkloadStep | null {
		const today = s.businessDate;
		const clerk = this.#clerk();
		const drawerClerk = CLERKS.find((c) => openDrawerOf(s, c.id)) ?? clerk;
		const payable = this.#pick(this.#payables(s));
		const receipts = Object.values(s.cashiering.receipts);
		const approvals = this.#recent(s, s.approvals, 'AP', 60);
		const account = this.#pick(this.#serviceAccounts(s));
		const badAmount = () => this.#rng.pick(['-20.00', '12.345', '0.00', 'abc', '1e3', '', '99999999999999999999', '-0.01']);
		const makers: Array<readonly [() => WorkloadStep | null, number]> = [
			[() => this.#bad(s, clerk, { type: this.#rng.pick(['cash.take-payments', 'utility.start', 'refund.issue', '', 'constructor', '__proto__']) }, 'unknown command'), 1],
			[() => this.#bad(s, clerk, { type: 42 } as unknown as Command, 'command without a text type'), 0.3],
			[() => this.#bad(s, clerk, { type: 'books.open-change-fund', amount: '500.00' }, 'change fund opened twice'), 0.5],
			[
				() =>
					this.#bad(
						s,
						drawerClerk,
						{ type: 'cash.take-payment', lines: [{ kind: payable?.kind ?? 'utility', ref: payable?.ref ?? '100-0001', amount: badAmount() }], tenders: [{ type: 'cash', amount: '50.00' }] },
						'payment with a bad amount'
					),
				2
			],
			[
				() =>
					this.#bad(
						s,
						drawerClerk,
						{
							type: 'cash.take-payment',
							lines: [{ kind: this.#rng.pick(['utility', 'invoice', 'permit', 'license', 'returned-check-fee']), ref: this.#rng.pick(['100-9999', 'constructor', '__proto__', 'INV-999999', 'BP-2099-9999', 'BIZ-999999', 'RC-999999', 'toString']), amount: '10.00' }],
							tenders: [{ type: 'cash', amount: '10.00' }]
						},
						'payment on an unknown reference'
					),
				1.5
			],
			[
				() => {
					if (!payable?.quote.due.isPositive()) return null;
					const total = payable.quote.due;
					const bad = this.#rng.pick([{ signed: false }, { payee: 'Tracy Water Co' }, { checkDate: addDays(today, 5) }, { writtenAmount: total.plus(Money.of('1.00')).toString() }, { twoParty: true }, { checkDate: addDays(today, -200) }]);
					return this.#bad(s, drawerClerk, { type: 'cash.take-payment', lines: [{ kind: payable.kind, ref: payable.ref, amount: total.toString() }], tenders: [{ ...this.#check(s, total), ...bad }] }, `unacceptable check ${Object.keys(bad)[0]}`);
				},
				1
			],
			[
				() => {
					if (!payable?.quote.due.isPositive()) return null;
					const due = payable.quote.due;
					return this.#bad(s, drawerClerk, { type: 'cash.take-payment', lines: [{ kind: payable.kind, ref: payable.ref, amount: due.toString() }], tenders: [this.#card(due.plus(Money.of('20.00')))] }, 'change asked from a card');
				},
				0.7
			],
			[
				() => {
					// The same invoice, permit or license twice on one receipt under two spellings of its number.
					const twin = this.#pick(this.#payables(s).filter((p) => p.kind === 'invoice' || p.kind === 'permit' || p.kind === 'license'));
					if (!twin) return null;
					const other = twin.kind === 'license' ? (twin.ref.startsWith('BIZ-') ? this.#licenseNoOf(s, twin.ref) : s.licenses.licenses[twin.ref]?.businessId) : twin.ref.toLowerCase();
					if (!other || other === twin.ref) return null;
					const due = twin.quote.due.toString();
					return this.#bad(
						s,
						drawerClerk,
						{ type: 'cash.take-payment', lines: [{ kind: twin.kind, ref: twin.ref, amount: due }, { kind: twin.kind, ref: other, amount: due }], tenders: [{ type: 'cash', amount: twin.quote.due.plus(twin.quote.due).toString() }] },
						`${twin.kind} paid twice on one receipt (${twin.ref} / ${other})`
					);
				},
				0.6
			],
			[() => this.#bad(s, clerk, { type: 'approval.request', command: { type: 'cash.void-receipt', receiptNo: this.#rng.pick(['R-999999', 'constructor', '__proto__', '']), reason: 'x', customerCopyReturned: true } }, 'void of an unknown receipt'), 0.7],
			[
				() => {
					const voided = this.#pick(receipts.filter((r) => r.status === 'void'));
					return voided ? this.#bad(s, clerk, { type: 'approval.request', command: { type: 'cash.void-receipt', receiptNo: voided.receiptNo, reason: 'Again', customerCopyReturned: true } }, 'void of a voided receipt') : null;
				},
				0.5
			],
			[
				() => {
					const pending = this.#pick(approvals.filter((a) => a.status === 'pending'));
					return this.#bad(s, clerk, { type: 'approval.decide', id: pending?.id ?? 'AP-999999', approve: true, reason: '' }, 'a clerk approving');
				},
				0.7
			],
			[
				() => {
					const decided = this.#pick(approvals.filter((a) => a.status !== 'pending'));
					return this.#bad(s, SUPERVISOR, { type: 'approval.decide', id: decided?.id ?? this.#rng.pick(['__proto__', 'constructor', 'AP-000000']), approve: true }, 'decide a decided or unknown request');
				},
				0.5
			],
			[
				() => {
					const closed = this.#pick(Object.values(s.cashiering.drawers).filter((d) => d.status === 'closed'));
					return this.#bad(
						s,
						clerk,
						{ type: 'cash.close-drawer', drawerId: closed?.id ?? this.#rng.pick(['DRW-999999', 'constructor']), counts: { ...STANDARD_FLOAT }, checks: { count: 0, total: '0.00' }, cardBatchTotal: '0.00' },
						'close a closed or unknown drawer'
					);
				},
				0.5
			],
			[
				() => {
					const counts = { ...STANDARD_FLOAT, 'coin-0.25': STANDARD_FLOAT['coin-0.25'] - this.#rng.int(1, 4) };
					return this.#bad(s, clerk, { type: 'cash.open-drawer', counts }, 'open with a short float');
				},
				0.5
			],
			[() => this.#bad(s, clerk, { type: 'cash.open-drawer', counts: { ...STANDARD_FLOAT, 'bill-20': this.#rng.pick([-2, 1.5, '2.5', 'two', 1e9]) } }, 'open with an impossible count'), 0.4],
			[
				() => {
					const a = this.#pick(this.#serviceAccounts(s).filter((x) => (this.#lastRead(s, x.number)?.reading ?? 0) >= 5));
					if (!a) return null;
					const last = this.#lastRead(s, a.number)!;
					return this.#bad(s, clerk, { type: 'utility.record-read', account: a.number, reading: String(last.reading - this.#rng.int(1, 5)) }, 'meter read lower than the last');
				},
				0.6
			],
			[() => (account ? this.#bad(s, clerk, { type: 'utility.record-read', account: account.number, reading: '100', date: addDays(today, 3) }, 'meter read dated in the future') : null), 0.3],
			[
				() =>
					account
						? this.#bad(s, clerk, { type: 'utility.adjust', account: account.number, reason: 'billing-error', service: 'water', amount: badAmount(), note: 'x' }, 'adjustment with a bad amount')
						: null,
				0.6
			],
			[() => (account ? this.#bad(s, clerk, { type: 'utility.create-plan', account: account.number, months: this.#rng.pick(['13', '0', '-1', '2.5']) }, 'plan longer than 12 months') : null), 0.4],
			[() => this.#bad(s, clerk, { type: 'utility.start-service', ...this.#location(s), name: this.#person(), phone: '209-555-0100', mailingAddress: 'PO Box 1', photoIdChecked: false }, 'start without checking photo ID'), 0.4],
			[() => this.#bad(s, clerk, { type: 'ar.create-invoice', customer: 'X', description: 'Damage', category: 'damage', lines: [{ description: 'Fence', amount: badAmount() }] }, 'invoice with a bad line'), 0.5],
			[
				() => {
					const p = this.#pick(Object.values(s.permits.permits));
					return this.#bad(s, clerk, { type: 'permit.record', number: p?.number ?? 'XX-1', permitType: 'building', address: '1 Main St', applicant: 'A', fees: [{ description: 'Fee', amount: '10.00' }] }, 'permit recorded twice');
				},
				0.4
			],
			[
				() => {
					const paid = this.#pick(Object.values(s.permits.permits).filter((p) => p.status === 'fees-paid'));
					return paid
						? this.#bad(s, drawerClerk, { type: 'cash.take-payment', lines: [{ kind: 'permit', ref: paid.number, amount: paid.total.toString() }], tenders: [{ type: 'cash', amount: paid.total.toString() }] }, 'permit paid twice')
						: null;
				},
				0.4
			],
			[() => this.#bad(s, clerk, { type: 'clock.set-date', to: addDays(today, -this.#rng.int(1, 40)) }, 'date moved backwards'), 0.4],
			[() => this.#bad(s, clerk, { type: 'clock.set-date', to: this.#rng.pick([`${today.slice(0, 4)}-02-30`, `${today.slice(0, 4)}-13-01`, `${today.slice(0, 4)}-04-31`]) }, 'impossible date'), 0.3],
			[() => this.#bad(s, clerk, { type: 'mail.stamp', itemId: this.#rng.pick(['__proto__', 'constructor', 'MAIL-99999', 42]) }, 'stamp an unknown mail item'), 0.3],
			[() => this.#bad(s, clerk, { type: 'ap.approve', invoiceId: this.#rng.pick(['constructor', 'VI-99999', null]) }, 'approve an unknown vendor invoice'), 0.3],
			[() => this.#bad(s, clerk, { type: 'license.approve', licenseNo: this.#rng.pick(['BL-2099-9999', 'hasOwnProperty', '']) }, 'approve an unknown license'), 0.3],
			[
				() => {
					const b = this.#pick(Object.values(s.licenses.businesses));
					return b ? this.#bad(s, clerk, { type: 'license.renew', businessId: b.id, taxYear: '1999', grossReceipts: '1000.00' }, 'renew for a past tax year') : null;
				},
				0.3
			],
			[
				() => {
					const item = this.#pick(Object.values(s.mail.items).filter((i) => i.stampedOn && i.enclosure && !i.remittance));
					return item ? this.#bad(s, clerk, { type: 'mail.log-remittance', itemId: item.id, witness: clerk.name, payer: 'P', checkNumber: '1', amount: '10.00', account: 'x' }, 'remittance without a second person') : null;
				},
				0.3
			],
			[() => this.#corruptedValid(s), 4]
		];
		return this.#rng.weighted(makers)();
	}

	/** A realistic command with one field made wrong: may or may not be rejected, but must never crash or half-apply. */
	#corruptedValid(s: State): WorkloadStep | null {
		const saved = this.#queue.length;
		const base = this.#valid(s);
		this.#queue.length = saved; // a follow-up of the original command makes no sense for the corrupted one
		const fields = Object.keys(base.command).filter((k) => k !== 'type');
		const field = this.#pick(fields);
		if (!field) return null;
		const junk: unknown[] = ['-5.00', '12.345', '', '   ', 'constructor', '__proto__', 42, -1, 0, true, null, {}, [], { nested: { junk: [1, {}] } }, '2026-02-30', 'x'.repeat(600), '1e5', 'NaN'];
		const command: Command = { ...base.command };
		if (this.#rng.chance(0.15)) delete command[field];
		else command[field] = this.#rng.pick(junk);
		return { ...base, command, intent: 'malformed', mustReject: false, label: `${base.label} with ${field} corrupted` };
	}
}

/** Runs a generator against its own sandbox and returns the steps (the ids in them are real). */
export function buildWorkload(seed: number | string, length: number, options: WorkloadOptions = {}): { start: string; steps: WorkloadStep[] } {
	const generator = new WorkloadGenerator(seed, options);
	const engine = generator.engine;
	const state = engine.emptyState(generator.start);
	const steps: WorkloadStep[] = [];
	for (let i = 0; i < length; i++) {
		const step = generator.next(state);
		engine.execute(state, structuredClone(step.command), step.ctx);
		steps.push(step);
	}
	return { start: generator.start, steps };
}
