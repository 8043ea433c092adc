import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Money, sum } from '$lib/money';
import { glBalance, ledgerProblems, type JournalEntry } from '../ledger';
import type { Actor, Command, DomainEvent } from '../model';
import { STANDARD_FLOAT, fullCounts } from './denominations';
import { drawerTotals } from './slice';
import { Desk, books, card, cash, check, clerk, clerk2, moneyOrder, supervisor } from './test-support';
import { cancelsOut } from './util';

/**
 * Random days at the counter — open, take payments, void, close (some over/short beyond the limit,
 * through the approval flow), returned checks, new days — checked after every step against an
 * independent model of each drawer, and replayed at the end.
 */

const CLERKS = [clerk, clerk2];
const REFS = { 'invoice-test': ['INV-1', 'INV-2'], utility: ['U-1', 'U-2'], 'permit-test': ['P-1', 'P-2', 'P-3'] } as const;
type Kind = keyof typeof REFS | 'returned-check-fee';

const cents = (n: bigint | number) => Money.fromCents(n);

const opArb = fc.oneof(
	{ weight: 3, arbitrary: fc.record({ k: fc.constant('open' as const), clerk: fc.nat(1), offCents: fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: -50, max: 50 })) }) },
	{
		weight: 12,
		arbitrary: fc.record({
			k: fc.constant('pay' as const),
			clerk: fc.nat(1),
			lines: fc.array(
				fc.record({ kind: fc.constantFrom<Kind>('invoice-test', 'utility', 'permit-test', 'returned-check-fee'), pick: fc.nat(), full: fc.boolean(), cents: fc.integer({ min: -100, max: 40_000 }) }),
				{ minLength: 1, maxLength: 3 }
			),
			tenders: fc.array(fc.record({ type: fc.constantFrom('cash', 'check', 'money-order', 'card'), share: fc.integer({ min: 1, max: 10 }) }), { minLength: 1, maxLength: 3 }),
			overCents: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 5_000 }))
		})
	},
	{ weight: 3, arbitrary: fc.record({ k: fc.constant('void' as const), pick: fc.nat(), copy: fc.boolean() }) },
	{ weight: 2, arbitrary: fc.record({ k: fc.constant('close' as const), clerk: fc.nat(1), diffCents: fc.oneof(fc.constant(0), fc.integer({ min: -300, max: 300 })) }) },
	{ weight: 1, arbitrary: fc.record({ k: fc.constant('nsf' as const), pick: fc.nat() }) },
	{ weight: 1, arbitrary: fc.record({ k: fc.constant('day' as const) }) }
);
type Op = typeof opArb extends fc.Arbitrary<infer T> ? T : never;

/** The model: what each drawer should hold, kept from the events alone (not from the slice's own sums). */
type DrawerModel = { cashIn: Money; changeOut: Money; checks: Money[]; moneyOrders: Money[]; cards: Money; open: boolean };
type ReceiptModel = { drawerId: string; cash: Money; change: Money; checks: Money[]; moneyOrders: Money[]; cards: Money };

class World {
	readonly desk = new Desk();
	readonly drawers = new Map<string, DrawerModel>();
	readonly receipts = new Map<string, ReceiptModel>();
	readonly paymentJournals = new Map<string, JournalEntry>();
	checkNo = 1000;

	constructor() {
		const d = this.desk;
		for (const ref of REFS['invoice-test']) d.bill('invoice-test', ref, '5000.00');
		for (const ref of REFS.utility) d.bill('utility', ref, '300.00');
		for (const ref of REFS['permit-test']) d.bill('permit-test', ref, '250.00');
	}

	/** Run a command; a rejection must leave the state byte-for-byte unchanged. */
	exec(command: Command, actor: Actor): DomainEvent[] | null {
		const before = JSON.stringify(this.desk.state);
		const r = this.desk.try(command, actor);
		if (!r.ok) {
			expect(JSON.stringify(this.desk.state)).toBe(before);
			return null;
		}
		for (const e of r.events) this.observe(e);
		return r.events;
	}

	observe(e: DomainEvent): void {
		const money = (s: unknown) => Money.of(s as string);
		if (e.type === 'cash.drawer-opened') this.drawers.set(e.drawerId as string, { cashIn: Money.ZERO, changeOut: Money.ZERO, checks: [], moneyOrders: [], cards: Money.ZERO, open: true });
		if (e.type === 'cash.drawer-closed') this.drawers.get(e.drawerId as string)!.open = false;
		if (e.type === 'cash.payment-taken') {
			const tenders = e.tenders as Array<{ type: string; amount: string }>;
			const of = (type: string) => tenders.filter((t) => t.type === type).map((t) => money(t.amount));
			const r: ReceiptModel = { drawerId: e.drawerId as string, cash: sum(of('cash')), change: money(e.change), checks: of('check'), moneyOrders: of('money-order'), cards: sum(of('card')) };
			this.receipts.set(e.receiptNo as string, r);
			this.paymentJournals.set(e.receiptNo as string, e.journal!);
			const dm = this.drawers.get(r.drawerId)!;
			dm.cashIn = dm.cashIn.plus(r.cash);
			dm.changeOut = dm.changeOut.plus(r.change);
			dm.checks.push(...r.checks);
			dm.moneyOrders.push(...r.moneyOrders);
			dm.cards = dm.cards.plus(r.cards);
		}
		if (e.type === 'cash.receipt-voided') {
			const r = this.receipts.get(e.receiptNo as string)!;
			const dm = this.drawers.get(r.drawerId)!;
			dm.cashIn = dm.cashIn.minus(r.cash);
			dm.changeOut = dm.changeOut.minus(r.change);
			for (const c of r.checks) dm.checks.splice(dm.checks.findIndex((x) => x.eq(c)), 1);
			for (const c of r.moneyOrders) dm.moneyOrders.splice(dm.moneyOrders.findIndex((x) => x.eq(c)), 1);
			dm.cards = dm.cards.minus(r.cards);
			// Each void nets to zero against the entry its receipt posted.
			expect(cancelsOut([this.paymentJournals.get(e.receiptNo as string)!, e.journal!])).toBe(true);
		}
	}

	expectedCash(dm: DrawerModel): Money {
		return Money.of('200.00').plus(dm.cashIn).minus(dm.changeOut);
	}

	step(op: Op): void {
		const d = this.desk;
		const state = d.state;
		switch (op.k) {
			case 'open': {
				const counts = fullCounts(STANDARD_FLOAT);
				counts['coin-0.01'] += op.offCents;
				this.exec({ type: 'cash.open-drawer', counts }, CLERKS[op.clerk]!);
				return;
			}
			case 'pay': {
				const lines = op.lines.map((l) => {
					const ids = Object.keys(state.cashiering.returnedChecks);
					if (l.kind === 'returned-check-fee' && ids.length > 0) {
						const ref = ids[l.pick % ids.length]!;
						return { kind: l.kind, ref, amount: l.full ? (state.cashiering.returnedChecks[ref]?.feeOutstanding.toString() ?? '25.00') : cents(l.cents).toString() };
					}
					const refs = REFS[l.kind === 'returned-check-fee' ? 'utility' : l.kind];
					const ref = refs[l.pick % refs.length]!;
					const b = books(state);
					const kind = l.kind === 'returned-check-fee' ? 'utility' : l.kind;
					const due = kind === 'invoice-test' ? b.invoices[ref]! : kind === 'utility' ? b.utility[ref]!.owed : b.permits[ref]!.fee;
					return { kind, ref, amount: (l.full && due.isPositive() ? due : cents(l.cents)).toString() };
				});
				// Split the total over the tenders by share; extra goes on the last tender (change if it is cash).
				const total = sum(lines.map((l) => Money.of(l.amount))).toCents();
				const shares = BigInt(op.tenders.reduce((a, t) => a + t.share, 0));
				let left = total;
				const tenders = op.tenders.map((t, i) => {
					const isLast = i === op.tenders.length - 1;
					const part = isLast ? left + BigInt(op.overCents) : (total * BigInt(t.share)) / shares;
					left -= isLast ? left : part;
					const amount = cents(part).toString();
					if (t.type === 'cash') return cash(amount);
					if (t.type === 'card') return card(amount);
					if (t.type === 'money-order') return moneyOrder(amount);
					return check(amount, { checkNumber: String(this.checkNo++), checkDate: state.businessDate });
				});
				this.exec({ type: 'cash.take-payment', lines, tenders }, CLERKS[op.clerk]!);
				return;
			}
			case 'void': {
				const nos = Object.keys(state.cashiering.receipts);
				const no = nos[op.pick % Math.max(nos.length, 1)] ?? 'R-000001';
				const receipt = state.cashiering.receipts[no];
				const asker = CLERKS.find((c) => c.id === receipt?.clerkId) ?? clerk;
				const requested = this.exec({ type: 'approval.request', command: { type: 'cash.void-receipt', receiptNo: no, reason: 'Random void', customerCopyReturned: op.copy } }, asker);
				if (requested) this.exec({ type: 'approval.decide', id: requested[0]!.id as string, approve: true }, supervisor);
				return;
			}
			case 'close': {
				const actor = CLERKS[op.clerk]!;
				const drawer = d.drawerOf(actor);
				if (!drawer) {
					this.exec({ type: 'cash.close-drawer', drawerId: 'DRW-999999', counts: STANDARD_FLOAT, checks: { count: 0, total: '0.00' }, cardBatchTotal: '0.00' }, actor);
					return;
				}
				const dm = this.drawers.get(drawer.id)!;
				// Count what the model says is there, off by diffCents: $100 bills, $1 bills and pennies.
				const counted = this.expectedCash(dm).plus(cents(op.diffCents)).minus(Money.of('200.00')).toCents();
				const counts = fullCounts(STANDARD_FLOAT);
				const hundreds = counted > 0n ? counted / 10_000n : 0n;
				const ones = counted > 0n ? (counted % 10_000n) / 100n : 0n;
				counts['bill-100'] += Number(hundreds);
				counts['bill-1'] += Number(ones);
				counts['coin-0.01'] += Number(counted - hundreds * 10_000n - ones * 100n);
				const command = {
					type: 'cash.close-drawer',
					drawerId: drawer.id,
					counts,
					checks: { count: dm.checks.length, total: sum(dm.checks).toString() },
					moneyOrders: { count: dm.moneyOrders.length, total: sum(dm.moneyOrders).toString() },
					cardBatchTotal: dm.cards.toString(),
					explanation: 'Recounted twice with the supervisor present.'
				};
				const beyond = Math.abs(op.diffCents) > 200;
				const events = beyond
					? (() => {
							const req = this.exec({ type: 'approval.request', command }, actor);
							return req && this.exec({ type: 'approval.decide', id: req[0]!.id as string, approve: true }, supervisor);
						})()
					: this.exec(command, actor);
				expect(events, `close ${op.diffCents}`).not.toBeNull();
				expect(state.cashiering.drawers[drawer.id]!.closeOut!.difference.toString()).toBe(cents(op.diffCents).toString());
				return;
			}
			case 'nsf': {
				const candidates = Object.values(state.cashiering.receipts).flatMap((r) => r.tenders.flatMap((t) => (t.type === 'check' ? [{ r, t }] : [])));
				const c = candidates[op.pick % Math.max(candidates.length, 1)];
				if (c && c.t.type === 'check') this.exec({ type: 'cash.returned-check', receiptNo: c.r.receiptNo, checkNumber: c.t.checkNumber, reason: 'nsf' }, clerk);
				return;
			}
			case 'day':
				// End of day: close out whoever is still open (even), then start the next day with both drawers.
				for (const c of [0, 1]) if (d.drawerOf(CLERKS[c]!)) this.step({ k: 'close', clerk: c, diffCents: 0 });
				this.exec({ type: 'clock.next-day' }, clerk);
				for (const c of [0, 1]) this.step({ k: 'open', clerk: c, offCents: 0 });
				return;
		}
	}

	check(): void {
		const state = this.desk.state;
		expect(ledgerProblems(state.ledger)).toEqual([]);
		let inDrawers = Money.ZERO;
		for (const drawer of Object.values(state.cashiering.drawers)) {
			const dm = this.drawers.get(drawer.id)!;
			expect(drawer.status === 'open').toBe(dm.open);
			if (!dm.open) continue;
			// Expected cash = float + cash received − change given.
			expect(drawerTotals(state, drawer).expectedCash.toString()).toBe(this.expectedCash(dm).toString());
			inDrawers = inDrawers.plus(this.expectedCash(dm)).plus(sum(dm.checks)).plus(sum(dm.moneyOrders));
		}
		// 1010 holds exactly what the open drawers hold.
		expect(glBalance(state.ledger, '1010').toString()).toBe(inDrawers.toString());
	}
}

const seen: string[] = [];

describe('cashiering properties over random command sequences', () => {
	it('books balance, drawers match the model, voids net to zero, rejections change nothing, replay is identical', () => {
		fc.assert(
			fc.property(fc.array(opArb, { minLength: 5, maxLength: 60, size: 'large' }), (ops) => {
				const w = new World();
				// Most days start with both drawers open; the random ops may close and reopen them.
				for (const c of [0, 1]) w.step({ k: 'open', clerk: c, offCents: 0 });
				for (const op of ops) {
					w.step(op);
					w.check();
				}
				seen.push(...w.desk.events.map((e) => e.type));
				const fresh = new Desk();
				const rebuilt = fresh.engine.replay(fresh.engine.emptyState('2026-07-01'), w.desk.events);
				expect(JSON.stringify(rebuilt)).toBe(JSON.stringify(w.desk.state));
			}),
			{ numRuns: 150 }
		);
		// The sequences really exercise every kind of event, not just rejections.
		const kinds = new Set(seen);
		for (const type of ['cash.drawer-opened', 'cash.payment-taken', 'cash.receipt-voided', 'cash.drawer-closed', 'cash.check-returned', 'approval.decided']) expect(kinds).toContain(type);
	});
});
