import fc from 'fast-check';
import { afterEach, describe, expect, test } from 'vitest';
import { Money, money } from '$lib/money';
import { addDays } from '../dates';
import { Engine } from '../engine';
import { targetDesk } from '../test-desk';
import { glBalance, ledgerProblems, subBalance } from '../ledger';
import type { Command, PaymentQuote, SandboxState } from '../model';
import { licensesModule } from '../licenses/index';
import { permitsModule } from '../permits/index';
import { agingBucket, agingReport, receivablesModule } from './index';

const engine = new Engine([licensesModule, permitsModule, receivablesModule]);
const ctx = { actor: { id: 'clerk1', name: 'Clerk', supervisor: false }, at: '2026-07-01T09:00:00Z' };
const target = receivablesModule.paymentTargets!.invoice!;

let state: SandboxState;
afterEach(() => {
	if (state) expect(ledgerProblems(state.ledger)).toEqual([]);
});

const { run, rejects, pay, reverse } = targetDesk(engine, target, () => state, ctx);

const rental: Command = {
	type: 'ar.create-invoice',
	customer: 'Tracy Youth Soccer',
	customerAddress: '400 E 10th St',
	description: 'Community center hall, June 6',
	category: 'rental',
	invoiceDate: '2026-06-01',
	lines: [
		{ description: 'Hall rental, 4 hours', amount: '200.00' },
		{ description: 'Custodial fee', amount: '150.00' }
	]
};

const invoice = (no = 'INV-000001') => state.receivables.invoices[no]!;

describe('invoices (POLICY §5): net 30, Dr 1230 ar:<invoice> / Cr 4410', () => {
	test('rental invoice dated June 1 for $200.00 + $150.00 = $350.00 is due July 1 (net 30): Dr 1230 ar:INV-000001 $350.00 / Cr 4410 $200.00 and $150.00', () => {
		state = engine.emptyState('2026-07-01');
		const [event] = run(rental);
		expect(event!.journal!.lines).toEqual([
			{ account: '1230', debit: '350.00', sub: 'ar:INV-000001' },
			{ account: '4410', credit: '200.00' },
			{ account: '4410', credit: '150.00' }
		]);
		expect(invoice()).toMatchObject({ invoiceDate: '2026-06-01', dueDate: '2026-07-01', status: 'open', category: 'rental' });
		expect(invoice().balance.toString()).toBe('350.00');
		expect(subBalance(state.ledger, 'ar:INV-000001').toString()).toBe('350.00');
	});

	test('an invoice dated today (July 1) is due July 31; numbers run in sequence', () => {
		state = engine.emptyState('2026-07-01');
		run(rental);
		run({ ...rental, invoiceDate: undefined, category: 'false-alarm' });
		expect(invoice('INV-000002')).toMatchObject({ invoiceDate: '2026-07-01', dueDate: '2026-07-31', category: 'false-alarm' });
	});
});

describe('aging (POLICY §5): current, 1–30, 31–60, 61–90, over 90 days past due', () => {
	test.each([
		['invoice due today is current', 0, 'current'],
		['invoice not yet due is current', -5, 'current'],
		['invoice 1 day past due is in 1–30', 1, '1-30'],
		['invoice 30 days past due is in 1–30', 30, '1-30'],
		['invoice 31 days past due is in 31–60', 31, '31-60'],
		['invoice 45 days past due is in 31–60', 45, '31-60'],
		['invoice 60 days past due is in 31–60', 60, '31-60'],
		['invoice 61 days past due is in 61–90', 61, '61-90'],
		['invoice 90 days past due is in 61–90', 90, '61-90'],
		['invoice 91 days past due is over 90', 91, 'over-90']
	] as const)('%s', (_name, days, bucket) => {
		expect(agingBucket({ dueDate: '2026-07-01' }, addDays('2026-07-01', days))).toBe(bucket);
	});

	test('aging report on Sept 15: $350.00 due July 1 (76 days, 61–90) + $75.00 due Aug 31 (15 days, 1–30) + $40.00 of $100.00 left due Oct 15 (current) = $465.00 = 1230', () => {
		state = engine.emptyState('2026-09-15');
		run(rental);
		run({ ...rental, invoiceDate: '2026-08-01', category: 'false-alarm', lines: [{ description: 'False alarm #3', amount: '75.00' }] });
		run({ ...rental, invoiceDate: '2026-09-15', category: 'damage', lines: [{ description: 'Bench repair', amount: '100.00' }] });
		run({ ...rental, invoiceDate: '2026-09-01', category: 'weed-abatement', lines: [{ description: 'Lot clearing', amount: '500.00' }] });
		pay('INV-000003', money('60.00'));
		pay('INV-000004', money('500.00'), 'R-000002');
		const report = agingReport(state, '2026-09-15');
		expect(report.rows.map((r) => [r.invoiceNo, r.bucket, r.daysPastDue, r.balance.toString()])).toEqual([
			['INV-000001', '61-90', 76, '350.00'],
			['INV-000002', '1-30', 15, '75.00'],
			['INV-000003', 'current', 0, '40.00']
		]);
		expect(report.buckets['61-90'].total.toString()).toBe('350.00');
		expect(report.buckets['over-90']).toEqual({ count: 0, total: money('0.00') });
		expect(report.total.toString()).toBe('465.00');
		expect(report.total.eq(glBalance(state.ledger, '1230'))).toBe(true);
	});
});

describe('collections (POLICY §5): over 90 days past due is referred', () => {
	test('invoice due July 1: on September 29 (90 days) it cannot go yet; on September 30 (91 days) it is referred', () => {
		state = engine.emptyState('2026-09-29');
		run(rental);
		const refusal = rejects({ type: 'ar.refer-to-collections', invoiceNo: 'INV-000001' }, 'policy', 'invoiceNo');
		expect(refusal!.message).toMatch(/90 days past due.*September 30, 2026/);
		run({ type: 'clock.next-day' });
		run({ type: 'ar.refer-to-collections', invoiceNo: 'inv-000001' });
		expect(invoice()).toMatchObject({ status: 'collections', referredOn: '2026-09-30' });
		rejects({ type: 'ar.refer-to-collections', invoiceNo: 'INV-000001' }, 'wrong-status');
		expect(agingReport(state, '2026-09-30').buckets['over-90'].total.toString()).toBe('350.00');
	});

	test('a paid invoice is never referred', () => {
		state = engine.emptyState('2026-12-01');
		run(rental);
		pay('INV-000001', money('350.00'));
		rejects({ type: 'ar.refer-to-collections', invoiceNo: 'INV-000001' }, 'wrong-status');
	});
});

describe('paying an invoice (payment target "invoice"): partial allowed, overpayment not', () => {
	test('$100.00 on a $350.00 invoice leaves $250.00 open; $250.00 more pays it; Cr 1230 ar:INV-000001', () => {
		state = engine.emptyState('2026-07-01');
		run(rental);
		const quote = target.quote(state, 'INV-000001') as PaymentQuote;
		expect(quote).toMatchObject({ label: 'Invoice INV-000001 — Tracy Youth Soccer (Community center hall, June 6)', partialAllowed: true, overpaymentAllowed: false, cashOnly: false });
		expect(quote.due.toString()).toBe('350.00');
		expect(target.creditLines(state, 'INV-000001', money('100.00'))).toEqual([{ account: '1230', credit: money('100.00'), sub: 'ar:INV-000001' }]);
		pay('INV-000001', money('100.00'));
		expect([invoice().status, invoice().balance.toString()]).toEqual(['open', '250.00']);
		expect((target.quote(state, 'INV-000001') as PaymentQuote).due.toString()).toBe('250.00');
		pay('INV-000001', money('250.00'), 'R-000002');
		expect([invoice().status, invoice().balance.toString(), invoice().payments.length]).toEqual(['paid', '0.00', 2]);
		expect(target.quote(state, 'INV-000001')).toMatchObject({ code: 'wrong-status' });
	});

	test('reversing the $250.00 payment: Dr 1230 ar:INV-000001 $250.00, the invoice is open again with $250.00 due', () => {
		state = engine.emptyState('2026-07-01');
		run(rental);
		pay('INV-000001', money('100.00'));
		pay('INV-000001', money('250.00'), 'R-000002');
		expect(target.reversalLines(state, 'INV-000001', money('250.00'), { receiptNo: 'R-000002', date: '2026-07-01' })).toEqual([
			{ account: '1230', debit: money('250.00'), sub: 'ar:INV-000001' }
		]);
		reverse('INV-000001', money('250.00'), 'R-000002');
		expect([invoice().status, invoice().balance.toString(), invoice().payments.map((p) => p.receiptNo)]).toEqual(['open', '250.00', ['R-000001']]);
	});

	test('a reversed payment on an invoice referred to collections puts it back in collections', () => {
		state = engine.emptyState('2026-10-15');
		run(rental);
		run({ type: 'ar.refer-to-collections', invoiceNo: 'INV-000001' });
		pay('INV-000001', money('350.00'));
		expect(invoice().status).toBe('paid');
		reverse('INV-000001', money('350.00'));
		expect(invoice().status).toBe('collections');
	});

	test('quote refuses unknown invoices and odd references instead of throwing', () => {
		state = engine.emptyState('2026-07-01');
		for (const ref of ['INV-999999', '', 'constructor', '__proto__', 3 as unknown as string]) {
			expect(target.quote(state, ref)).toMatchObject({ code: 'not-found' });
		}
	});
});

describe('workload', () => {
	test('property: any mix of invoices, partial payments, reversals and referrals keeps each balance equal to its ar: subledger and never below zero', () => {
		const step = fc.oneof(
			fc.record({ op: fc.constant('invoice' as const), cents: fc.integer({ min: 1, max: 500_000 }) }),
			fc.record({ op: fc.constant('pay' as const), inv: fc.integer({ min: 1, max: 4 }), cents: fc.integer({ min: 1, max: 500_000 }) }),
			fc.record({ op: fc.constant('reverse' as const), inv: fc.integer({ min: 1, max: 4 }) }),
			fc.record({ op: fc.constant('refer' as const), inv: fc.integer({ min: 1, max: 4 }) }),
			fc.record({ op: fc.constant('day' as const), days: fc.integer({ min: 1, max: 40 }) })
		);
		fc.assert(
			fc.property(fc.array(step, { maxLength: 25 }), (steps) => {
				state = engine.emptyState('2026-07-01');
				let receipt = 0;
				for (const s of steps) {
					const no = 'inv' in s ? `INV-${String(s.inv).padStart(6, '0')}` : '';
					if (s.op === 'invoice') run({ ...rental, invoiceDate: undefined, lines: [{ description: 'x', amount: Money.fromCents(s.cents).toString() }] });
					if (s.op === 'day') run({ type: 'clock.set-date', to: addDays(state.businessDate, s.days) });
					if (s.op === 'refer') engine.execute(state, { type: 'ar.refer-to-collections', invoiceNo: no }, ctx);
					if (s.op === 'pay') {
						const quote = target.quote(state, no);
						if ('due' in quote) {
							const want = Money.fromCents(s.cents);
							pay(no, want.gt(quote.due) ? quote.due : want, `R-${++receipt}`);
						}
					}
					if (s.op === 'reverse') {
						const last = state.receivables.invoices[no]?.payments.at(-1);
						if (last) reverse(no, last.amount, last.receiptNo);
					}
					expect(ledgerProblems(state.ledger)).toEqual([]);
					for (const inv of Object.values(state.receivables.invoices)) {
						expect(inv.balance.eq(subBalance(state.ledger, `ar:${inv.number}`))).toBe(true);
						expect(inv.balance.isNegative()).toBe(false);
						expect(inv.status === 'paid').toBe(inv.balance.isZero());
					}
				}
			}),
			{ numRuns: 150 }
		);
	});
});

describe('malformed input is rejected, never thrown, and changes nothing', () => {
	const bad: Array<[string, Command, string]> = [
		['missing customer', { ...rental, customer: undefined }, 'customer'],
		['customer not text', { ...rental, customer: { name: 'x' } }, 'customer'],
		['empty description', { ...rental, description: '' }, 'description'],
		['unknown category', { ...rental, category: 'parking' }, 'category'],
		['invoice date in the future', { ...rental, invoiceDate: '2026-07-02' }, 'invoiceDate'],
		['invoice date years back', { ...rental, invoiceDate: '2020-01-01' }, 'invoiceDate'],
		['impossible invoice date', { ...rental, invoiceDate: '2026-13-01' }, 'invoiceDate'],
		['no lines', { ...rental, lines: [] }, 'lines'],
		['lines not a list', { ...rental, lines: { description: 'x', amount: '1.00' } }, 'lines'],
		['zero line', { ...rental, lines: [{ description: 'x', amount: '0' }] }, 'lines.0.amount'],
		['negative line', { ...rental, lines: [{ description: 'x', amount: '-1.00' }] }, 'lines.0.amount'],
		['three decimals', { ...rental, lines: [{ description: 'x', amount: '1.005' }] }, 'lines.0.amount'],
		['huge line', { ...rental, lines: [{ description: 'x', amount: '99999999.00' }] }, 'lines.0.amount'],
		['line amount as a JS number', { ...rental, lines: [{ description: 'x', amount: 10 }] }, 'lines.0.amount'],
		['refer: missing number', { type: 'ar.refer-to-collections' }, 'invoiceNo'],
		['refer: unknown invoice', { type: 'ar.refer-to-collections', invoiceNo: 'INV-000404' }, 'invoiceNo'],
		['refer: prototype key', { type: 'ar.refer-to-collections', invoiceNo: '__proto__' }, 'invoiceNo'],
		['refer: not yet 90 days past due', { type: 'ar.refer-to-collections', invoiceNo: 'INV-000001' }, 'invoiceNo']
	];

	test.each(bad)('%s', (_name, cmd, field) => {
		state = engine.emptyState('2026-07-01');
		run(rental);
		rejects(cmd, undefined, field);
	});

	test('property: junk in any field is rejected or accepted, never thrown; 1230 always equals its ar: subledgers', () => {
		const fields = ['customer', 'customerAddress', 'description', 'category', 'invoiceDate', 'lines', 'invoiceNo'];
		fc.assert(
			fc.property(fc.constantFrom('ar.create-invoice', 'ar.refer-to-collections'), fc.dictionary(fc.constantFrom(...fields), fc.anything()), fc.boolean(), (type, junk, overGood) => {
				state = engine.emptyState('2026-07-01');
				run(rental);
				const before = JSON.stringify(state);
				const result = engine.execute(state, { ...(overGood ? rental : {}), ...junk, type }, ctx);
				if (!result.ok) expect(JSON.stringify(state)).toBe(before);
				expect(ledgerProblems(state.ledger)).toEqual([]);
			}),
			{ numRuns: 300 }
		);
	});
});
