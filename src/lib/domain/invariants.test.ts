import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { Money, sum } from '$lib/money';
import { DENOMINATIONS, drawerTotals } from './cashiering';
import { glBalance, ledgerProblems, subBalance, type GlAccount, type JournalEntry } from './ledger';
import type { Command, DomainEvent, RejectionCode, SandboxState } from './model';
import { createClerkSystem } from './system';
import { utilitySliceProblems } from './utility';
import { WorkloadGenerator, type WorkloadStep } from './workload';

/**
 * Cross-module properties of the whole clerk system, over random workloads (workload.ts): every
 * module at once, valid commands mixed with wrong and malformed ones. Checked after EVERY command:
 *
 * - the books balance (debits = credits) and every subledger equals its control account;
 * - each module's own records agree with the ledger (utility slice, invoices, returned-check fees,
 *   permit revenue, business-license balances, refunds payable) — so nothing is paid twice or lost;
 * - each drawer's expected cash = float + cash received − change given, and the cash accounts
 *   (1010, 1015, 1020, 1025, 6990) — both counted here from the events alone, not from the module;
 * - a rejected command leaves JSON.stringify(state) unchanged, with a code and a clerk-readable
 *   message (never a catch-all);
 * - a void's journal entry is the exact negation of its receipt's;
 * - a command no state could accept (negative amount, impossible date…) is rejected;
 * and at the end of each sequence: replaying the events (as logged, and after a JSON round trip as
 * they are stored) over a fresh empty state, and executing the same commands again from scratch,
 * give identical JSON; logged events never change afterwards; the state never keeps a reference to
 * the command object it was given.
 *
 * DOMAIN_PROPERTY_RUNS raises the number of sequences (1,000 by default) for a nightly run, and
 * DOMAIN_PROPERTY_MAX_LENGTH their length (60 by default).
 * Each failure names the workload seed and step: `buildWorkload(seed, step + 1)` replays it.
 */

const RUNS = Number(process.env.DOMAIN_PROPERTY_RUNS ?? '') || 1000;
const MIN_LENGTH = 20;
/** DOMAIN_PROPERTY_MAX_LENGTH makes sequences longer (deeper sandboxes: plans, disconnections, renewals). */
const MAX_LENGTH = Math.max(MIN_LENGTH, Number(process.env.DOMAIN_PROPERTY_MAX_LENGTH ?? '') || 60);

const CATCH_ALLS = ['This could not be done with the values given', 'Part of this form could not be read'];
const CODES: readonly RejectionCode[] = ['invalid-input', 'unknown-command', 'not-found', 'wrong-status', 'over-authority', 'policy', 'not-allowed'];

const CATEGORIES = {
	ledger: 'debits equal credits and every subledger equals its control account',
	records: "each module's records agree with the ledger",
	cash: 'drawer cash and the cash accounts match a count kept from the events',
	rejected: 'a rejected command changes nothing and says why',
	voids: 'a void is the exact negation of its receipt',
	forbidden: 'commands no state could accept are rejected',
	replay: 'replay and re-execution reproduce the state exactly',
	aliasing: 'state and logged events never change behind the engine’s back'
} as const;
type Category = keyof typeof CATEGORIES;

type Violation = { seed: number; length: number; step: number; label: string; command: string; detail: string; kind: string };

const found: Record<Category, Violation[]> = { ledger: [], records: [], cash: [], rejected: [], voids: [], forbidden: [], replay: [], aliasing: [] };
const counts: Record<Category, number> = { ledger: 0, records: 0, cash: 0, rejected: 0, voids: 0, forbidden: 0, replay: 0, aliasing: 0 };
const totals = { sequences: 0, commands: 0, accepted: 0, events: 0, voids: 0, closes: 0, malformed: 0 };

const m = (s: unknown) => Money.of(s as string);

/** What the drawers and cash accounts should hold, kept from the events alone. */
class CashModel {
	fund = Money.ZERO;
	readonly drawers = new Map<string, { float: Money; cash: Money; change: Money; checks: Money; moneyOrders: Money; cards: Money; open: boolean }>();
	readonly receipts = new Map<string, { drawerId: string; cash: Money; change: Money; checks: Money; moneyOrders: Money; cards: Money; journal: JournalEntry }>();
	deposits = Money.ZERO; // 1020
	cardBatch = Money.ZERO; // 1025
	overShort = Money.ZERO; // 6990 (debit-minus-credit)

	/** Folds one event in; returns a problem with the event itself (close-out figures, void entry), if any. */
	apply(e: DomainEvent, problems: { cash: string[]; voids: string[] }): void {
		switch (e.type) {
			case 'books.change-fund-opened':
				this.fund = m(e.amount);
				break;
			case 'cash.drawer-opened':
				this.drawers.set(e.drawerId as string, { float: m(e.float), cash: Money.ZERO, change: Money.ZERO, checks: Money.ZERO, moneyOrders: Money.ZERO, cards: Money.ZERO, open: true });
				break;
			case 'cash.payment-taken': {
				const tenders = e.tenders as Array<{ type: string; amount: string }>;
				const of = (type: string) => sum(tenders.filter((t) => t.type === type).map((t) => m(t.amount)));
				const r = { drawerId: e.drawerId as string, cash: of('cash'), change: m(e.change), checks: of('check'), moneyOrders: of('money-order'), cards: of('card'), journal: e.journal as JournalEntry };
				this.receipts.set(e.receiptNo as string, r);
				this.#add(r, 1);
				break;
			}
			case 'cash.receipt-voided': {
				const r = this.receipts.get(e.receiptNo as string);
				if (!r) {
					problems.voids.push(`void of ${String(e.receiptNo)}, a receipt never taken`);
					break;
				}
				this.#add(r, -1);
				const problem = negationProblem(r.journal, e.journal as JournalEntry | undefined);
				if (problem) problems.voids.push(`void of ${String(e.receiptNo)}: ${problem}`);
				break;
			}
			case 'cash.drawer-closed': {
				const d = this.drawers.get(e.drawerId as string);
				if (!d || !d.open) {
					problems.cash.push(`close-out of ${String(e.drawerId)}, which is not an open drawer`);
					break;
				}
				const expected = e.expected as { cash: string; checks: { total: string }; moneyOrders: { total: string }; cards: string };
				const counted = e.counted as { cash: string; cards: string };
				const mine = d.float.plus(d.cash).minus(d.change);
				if (!m(expected.cash).eq(mine)) problems.cash.push(`close-out of ${String(e.drawerId)} expected cash ${expected.cash}, but float + cash received − change given = ${mine}`);
				if (!m(expected.checks.total).eq(d.checks)) problems.cash.push(`close-out of ${String(e.drawerId)} expected checks ${expected.checks.total}, counted from receipts ${d.checks}`);
				if (!m(expected.moneyOrders.total).eq(d.moneyOrders)) problems.cash.push(`close-out of ${String(e.drawerId)} expected money orders ${expected.moneyOrders.total}, from receipts ${d.moneyOrders}`);
				if (!m(expected.cards).eq(d.cards)) problems.cash.push(`close-out of ${String(e.drawerId)} expected cards ${expected.cards}, from receipts ${d.cards}`);
				const countedCash = sum(DENOMINATIONS.map((x) => Money.of(x.value).times((e.counts as Record<string, number>)[x.key] ?? 0)));
				if (!countedCash.eq(m(counted.cash))) problems.cash.push(`close-out of ${String(e.drawerId)} says ${counted.cash} counted, the denominations add up to ${countedCash}`);
				const difference = countedCash.minus(mine).plus(m(counted.cards).minus(d.cards));
				if (!difference.eq(m(e.difference))) problems.cash.push(`close-out of ${String(e.drawerId)} over/short ${String(e.difference)}, the count says ${difference}`);
				this.deposits = this.deposits.plus(m((e.deposit as { total: string }).total));
				this.cardBatch = this.cardBatch.plus(m(counted.cards).minus(d.cards));
				this.overShort = this.overShort.minus(m(e.difference));
				d.open = false;
				break;
			}
			case 'cash.check-returned':
				this.deposits = this.deposits.minus(m(e.amount));
				break;
		}
	}

	#add(r: { drawerId: string; cash: Money; change: Money; checks: Money; moneyOrders: Money; cards: Money }, sign: 1 | -1): void {
		const d = this.drawers.get(r.drawerId);
		if (!d) return;
		const f = (a: Money, b: Money) => (sign === 1 ? a.plus(b) : a.minus(b));
		d.cash = f(d.cash, r.cash);
		d.change = f(d.change, r.change);
		d.checks = f(d.checks, r.checks);
		d.moneyOrders = f(d.moneyOrders, r.moneyOrders);
		d.cards = f(d.cards, r.cards);
		this.cardBatch = f(this.cardBatch, r.cards);
	}

	/** Compares the model with the state: each open drawer's expected cash, and the cash GL accounts. */
	problems(state: SandboxState): string[] {
		const out: string[] = [];
		let drawerCash = Money.ZERO;
		let floats = Money.ZERO;
		for (const [id, d] of this.drawers) {
			if (!d.open) continue;
			const expected = d.float.plus(d.cash).minus(d.change);
			drawerCash = drawerCash.plus(expected).plus(d.checks).plus(d.moneyOrders);
			floats = floats.plus(d.float);
			const session = state.cashiering.drawers[id];
			if (!session || session.status !== 'open') out.push(`drawer ${id} should be open`);
			else {
				const t = drawerTotals(state, session);
				if (!t.expectedCash.eq(expected)) out.push(`drawer ${id}: module expects ${t.expectedCash} cash, float + cash received − change given = ${expected}`);
				if (!t.checksTotal.eq(d.checks) || !t.moneyOrdersTotal.eq(d.moneyOrders) || !t.cards.eq(d.cards)) out.push(`drawer ${id}: module's checks/money orders/cards ${t.checksTotal}/${t.moneyOrdersTotal}/${t.cards}, events say ${d.checks}/${d.moneyOrders}/${d.cards}`);
			}
		}
		const open = Object.values(state.cashiering.drawers).filter((d) => d.status === 'open').length;
		if (open !== [...this.drawers.values()].filter((d) => d.open).length) out.push(`${open} drawers open in the state, the events opened and did not close ${[...this.drawers.values()].filter((d) => d.open).length}`);
		const check = (account: GlAccount, want: Money) => {
			const have = glBalance(state.ledger, account);
			if (!have.eq(want)) out.push(`${account} is ${have}, the events say ${want}`);
		};
		check('1010', drawerCash);
		check('1015', this.fund.minus(floats));
		check('1020', this.deposits);
		check('1025', this.cardBatch);
		check('6990', this.overShort);
		return out;
	}
}

type Line = { account: string; debit?: string; credit?: string; sub?: string };

/** Null when `reversal` is `original` with every debit and credit swapped (as a multiset of lines). */
function negationProblem(original: JournalEntry, reversal: JournalEntry | undefined): string | null {
	if (!reversal) return 'the void posted no journal entry';
	const key = (l: Line, swap: boolean) => `${l.account}|${l.sub ?? ''}|${(swap ? l.credit : l.debit) ? 'Dr' : 'Cr'}|${Money.of((l.debit ?? l.credit)!).toString()}`;
	const a = original.lines.map((l) => key(l, true)).sort();
	const b = reversal.lines.map((l) => key(l, false)).sort();
	if (JSON.stringify(a) === JSON.stringify(b)) return null;
	return `receipt entry swapped ${JSON.stringify(a)} ≠ void entry ${JSON.stringify(b)}`;
}

/** Each module's own records against the ledger. */
function recordProblems(state: SandboxState): string[] {
	const out = utilitySliceProblems(state).map((p) => `utility ${p}`);
	const ledger = state.ledger;
	for (const invoice of Object.values(state.receivables.invoices)) {
		const sub = subBalance(ledger, `ar:${invoice.number}`);
		if (!invoice.balance.eq(sub)) out.push(`invoice ${invoice.number} balance ${invoice.balance} but ar:${invoice.number} is ${sub}`);
		if (invoice.balance.isNegative()) out.push(`invoice ${invoice.number} is overpaid: balance ${invoice.balance}`);
	}
	const fees = Object.values(state.cashiering.returnedChecks);
	const feesOwed = sum(fees.map((r) => r.feeOutstanding));
	if (!feesOwed.eq(glBalance(ledger, '1240'))) out.push(`returned-check fees owed ${feesOwed} but 1240 is ${glBalance(ledger, '1240')}`);
	for (const r of fees) if (r.feeOutstanding.isNegative()) out.push(`returned-check fee ${r.id} overpaid: ${r.feeOutstanding}`);
	// What each permit has collected (its fee once paid, less any share a returned check took back) is the permit revenue.
	const permitsPaid = sum(Object.values(state.permits.permits).map((p) => p.paid));
	if (!permitsPaid.negated().eq(glBalance(ledger, '4310'))) out.push(`permits have collected ${permitsPaid} but permit fee revenue 4310 is ${glBalance(ledger, '4310').negated()}`);
	for (const p of Object.values(state.permits.permits)) if ((p.status === 'fees-paid') !== p.paid.eq(p.total)) out.push(`permit ${p.number} is ${p.status} with ${p.paid} of ${p.total} collected`);
	for (const business of Object.values(state.licenses.businesses)) {
		const owed = subBalance(ledger, `bl:${business.id}`);
		if (owed.isNegative()) out.push(`business ${business.id} overpaid its license: bl:${business.id} is ${owed}`);
		const unpaid = Object.values(state.licenses.licenses).filter((l) => l.businessId === business.id && l.kind !== 'on-file' && !l.paid);
		if (owed.isZero() !== (unpaid.length === 0)) out.push(`business ${business.id} owes ${owed} but ${unpaid.length} of its licenses are unpaid`);
	}
	const refunds = sum(state.utility.refunds.map((r) => r.amount));
	if (!refunds.negated().eq(glBalance(ledger, '2310'))) out.push(`refund requests total ${refunds} but accounts payable 2310 is ${glBalance(ledger, '2310').negated()}`);
	return out;
}

/** Every object and array inside `value` (Money values are immutable and skipped). */
function objectsIn(value: unknown, into = new Set<object>()): Set<object> {
	if (value === null || typeof value !== 'object' || value instanceof Money || into.has(value)) return into;
	into.add(value);
	for (const v of Object.values(value)) objectsIn(v, into);
	return into;
}

/** A path in `state` to an object that is also in `given` (the caller's command), if any. */
function sharedWith(state: unknown, given: Set<object>, path = 'state', seen = new Set<object>()): string | null {
	if (state === null || typeof state !== 'object' || state instanceof Money || seen.has(state)) return null;
	if (given.has(state)) return path;
	seen.add(state);
	for (const [k, v] of Object.entries(state)) {
		const hit = sharedWith(v, given, `${path}.${k}`, seen);
		if (hit) return hit;
	}
	return null;
}

function runSequence(seed: number, length: number): void {
	const generator = new WorkloadGenerator(seed);
	const engine = generator.engine;
	const state = engine.emptyState(generator.start);
	const steps: WorkloadStep[] = [];
	const events: DomainEvent[] = [];
	const eventJson: string[] = [];
	const results: string[] = [];
	const cash = new CashModel();
	const seen = new Set<Category>();
	let stepNo = 0;
	let current: WorkloadStep | undefined;

	const report = (category: Category, detail: string) => {
		if (seen.has(category)) return; // the first violation of a sequence is the one worth reading
		seen.add(category);
		counts[category]++;
		// One example of each distinct kind of problem (ids and amounts aside), shortest sequence first.
		const kind = `${detail.replace(/[\d.,-]+/g, '#').slice(0, 90)}|${(current?.label ?? '').replace(/[\d.,-]+/g, '#')}`;
		const example = { seed, length, step: stepNo, label: current?.label ?? '(end)', command: current ? JSON.stringify(current.command).slice(0, 600) : '', detail, kind };
		const same = found[category].findIndex((v) => v.kind === kind);
		if (same < 0 && found[category].length < 8) found[category].push(example);
		else if (same >= 0 && found[category][same]!.step > stepNo) found[category][same] = example;
	};

	let before = JSON.stringify(state);
	for (stepNo = 0; stepNo < length; stepNo++) {
		const step = generator.next(state);
		current = step;
		steps.push(step);
		totals.commands++;
		if (step.intent === 'malformed') totals.malformed++;
		const given = structuredClone(step.command) as Command;
		let result: ReturnType<typeof engine.execute>;
		try {
			result = engine.execute(state, given, step.ctx);
		} catch (error) {
			report('rejected', `execute threw: ${String(error)}`);
			return;
		}
		if (!result.ok) {
			results.push(`rejected ${result.rejection.code} ${result.rejection.message}`);
			const { code, message } = result.rejection;
			const after = JSON.stringify(state);
			if (after !== before) report('rejected', `state changed although the command was rejected (${code}: ${message})`);
			if (!CODES.includes(code)) report('rejected', `unknown rejection code ${String(code)}`);
			if (typeof message !== 'string' || message.trim().length < 5) report('rejected', `rejection without a readable message: ${JSON.stringify(message)}`);
			else if (CATCH_ALLS.some((c) => message.startsWith(c))) report('rejected', `fell through to the catch-all: ${message}`);
			before = after;
			continue;
		}
		if (step.mustReject) report('forbidden', `accepted: ${result.events.map((e) => e.type).join(', ')}`);
		totals.accepted++;
		results.push(`accepted ${result.events.length}`);
		const problems = { cash: [] as string[], voids: [] as string[] };
		for (const e of result.events) {
			events.push(e);
			eventJson.push(JSON.stringify(e));
			cash.apply(e, problems);
			if (e.type === 'cash.receipt-voided') totals.voids++;
			if (e.type === 'cash.drawer-closed') totals.closes++;
		}
		const ledger = ledgerProblems(state.ledger);
		if (ledger.length > 0) report('ledger', ledger.join('; '));
		const records = recordProblems(state);
		if (records.length > 0) report('records', records.join('; '));
		const drawers = [...problems.cash, ...cash.problems(state)];
		if (drawers.length > 0) report('cash', drawers.join('; '));
		if (problems.voids.length > 0) report('voids', problems.voids.join('; '));
		const shared = sharedWith(state, objectsIn(given));
		if (shared) report('aliasing', `${shared} is the very object the caller passed in the command (${result.events.map((e) => e.type).join(', ')}): changing the command afterwards changes the sandbox without an event`);
		before = JSON.stringify(state);
	}
	current = undefined;
	totals.sequences++;
	totals.events += events.length;

	const final = JSON.stringify(state);
	for (let i = 0; i < events.length; i++) {
		if (JSON.stringify(events[i]) !== eventJson[i]) {
			report('aliasing', `logged event ${events[i]!.seq} (${events[i]!.type}) changed after it was applied`);
			break;
		}
	}
	const replayed = JSON.stringify(engine.replay(engine.emptyState(generator.start), events));
	if (replayed !== final) report('replay', 'replaying the logged events gives a different state');
	const stored = JSON.parse(`[${eventJson.join(',')}]`) as DomainEvent[];
	if (JSON.stringify(engine.replay(engine.emptyState(generator.start), stored)) !== final) report('replay', 'replaying the events after a JSON round trip (as stored) gives a different state');

	const again = createClerkSystem();
	const state2 = again.emptyState(generator.start);
	const events2: DomainEvent[] = [];
	for (const [i, step] of steps.entries()) {
		const r = again.execute(state2, structuredClone(step.command) as Command, step.ctx);
		const summary = r.ok ? `accepted ${r.events.length}` : `rejected ${r.rejection.code} ${r.rejection.message}`;
		if (summary !== results[i]) {
			stepNo = i;
			report('replay', `running the commands again: step ${i} ${summary} instead of ${results[i]}`);
			return;
		}
		if (r.ok) events2.push(...r.events);
	}
	if (JSON.stringify(state2) !== final) report('replay', 'running the same commands again from scratch gives a different state');
	if (JSON.stringify(events2) !== `[${eventJson.join(',')}]`) report('replay', 'running the same commands again from scratch gives different events');
}

function describeViolations(category: Category): string[] {
	return found[category].map((v) => `seed ${v.seed}, step ${v.step} (${v.label}) — buildWorkload(${v.seed}, ${v.step + 1}): ${v.detail}\n    command: ${v.command}`);
}

describe(`the whole clerk system over ${RUNS} random workloads of ${MIN_LENGTH}–${MAX_LENGTH} commands`, () => {
	beforeAll(() => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer({ min: MIN_LENGTH, max: MAX_LENGTH }), (seed, length) => {
				runSequence(seed, length);
			}),
			{ numRuns: RUNS }
		);
	}, 60_000 + RUNS * MAX_LENGTH * 3);

	it('runs real workloads: most commands are accepted, every module is exercised', () => {
		console.info(`${totals.sequences} sequences, ${totals.commands} commands (${totals.malformed} deliberately wrong), ${totals.accepted} accepted, ${totals.events} events, ${totals.voids} voids, ${totals.closes} close-outs`);
		expect(totals.sequences, JSON.stringify(totals)).toBe(RUNS);
		expect(totals.accepted / totals.commands).toBeGreaterThan(0.6);
		expect(totals.malformed).toBeGreaterThan(0);
		expect(totals.voids).toBeGreaterThan(0);
		expect(totals.closes).toBeGreaterThan(0);
	});

	for (const category of Object.keys(CATEGORIES) as Category[]) {
		it(`${CATEGORIES[category]} (after every command)`, () => {
			expect(describeViolations(category), `${counts[category]} of ${totals.sequences} sequences`).toEqual([]);
		});
	}
});
