import { describe, expect, it } from 'vitest';
import { glBalance, ledgerProblems } from '../ledger';
import { STANDARD_FLOAT, fullCounts } from './denominations';
import { Desk, cash, card, check, clerk2, floatPlus, moneyOrder, supervisor } from './test-support';

const bal = (d: Desk, account: Parameters<typeof glBalance>[1]) => glBalance(d.state.ledger, account).toString();

// $87.50 in pieces: one each of $50, $20, $10, $5, two $1, two quarters.
const PLUS_87_50 = { 'bill-50': 1, 'bill-20': 1, 'bill-10': 1, 'bill-5': 1, 'bill-1': 2, 'coin-0.25': 2 } as const;

/** A drawer that took $100.00 cash for an $87.50 invoice: expected cash $287.50. */
function deskWithSale() {
	const d = new Desk();
	d.bill('invoice-test', 'INV-1', '87.50');
	d.open();
	d.pay([{ kind: 'invoice-test', ref: 'INV-1', amount: '87.50' }], [cash('100.00')]);
	return { d, drawerId: d.drawerOf()!.id };
}

function closeCmd(drawerId: string, counts: object, extra: Record<string, unknown> = {}) {
	return { type: 'cash.close-drawer', drawerId, counts, checks: { count: 0, total: '0.00' }, cardBatchTotal: '0.00', ...extra };
}

describe('opening a drawer', () => {
	it('opening with the counted $200.00 float posts Dr 1010 $200.00 / Cr 1015 $200.00', () => {
		const d = new Desk();
		const [e] = d.open();
		expect(e!.journal!.lines).toEqual([
			{ account: '1010', debit: '200.00' },
			{ account: '1015', credit: '200.00' }
		]);
		expect(bal(d, '1010')).toBe('200.00');
		expect(bal(d, '1015')).toBe('-200.00');
		const drawer = d.drawerOf()!;
		expect(drawer).toMatchObject({ id: 'DRW-000001', clerkId: 'clerk1', clerkName: 'Casey Clerk', status: 'open', date: '2026-07-01' });
		expect(drawer.float.toString()).toBe('200.00');
	});

	it('a float counted $0.25 short at $199.75 (79 quarters) is rejected saying what is off', () => {
		const d = new Desk();
		const r = d.refuse({ type: 'cash.open-drawer', counts: { ...STANDARD_FLOAT, 'coin-0.25': 79 } });
		expect(r.code).toBe('policy');
		expect(r.field).toBe('counts');
		expect(r.message).toContain('$199.75, $0.25 short of $200.00');
		expect(r.message).toContain('quarters 79 (float has 80)');
	});

	it('a float counted $5.00 over at $205.00 (one $5 bill too many) is rejected', () => {
		const d = new Desk();
		const r = d.refuse({ type: 'cash.open-drawer', counts: { ...STANDARD_FLOAT, 'bill-5': 9 } });
		expect(r.message).toContain('$205.00, $5.00 over $200.00');
	});

	it('one open drawer per clerk: a second open is refused, another clerk may open theirs', () => {
		const d = new Desk();
		d.open();
		expect(d.refuse({ type: 'cash.open-drawer', counts: STANDARD_FLOAT }).message).toContain('already have drawer DRW-000001 open');
		d.open(clerk2);
		expect(d.drawerOf(clerk2)!.id).toBe('DRW-000002');
		expect(bal(d, '1010')).toBe('400.00');
	});
});

describe('closing out a drawer', () => {
	it('an even close-out of $287.50 cash (float $200.00 + $100.00 − $12.50 change) returns the float to 1015 and deposits $87.50', () => {
		const { d, drawerId } = deskWithSale();
		const [e] = d.run(closeCmd(drawerId, floatPlus(PLUS_87_50)));
		expect(e!.journal!.lines).toEqual([
			{ account: '1010', credit: '287.50' },
			{ account: '1015', debit: '200.00' },
			{ account: '1020', debit: '87.50' }
		]);
		const drawer = d.state.cashiering.drawers[drawerId]!;
		expect(drawer.status).toBe('closed');
		expect(drawer.closeOut!.expected.cash.toString()).toBe('287.50');
		expect(drawer.closeOut!.difference.toString()).toBe('0.00');
		expect(drawer.closeOut!.note).toBe('');
		expect(bal(d, '1010')).toBe('0.00');
		expect(bal(d, '1015')).toBe('0.00');
		expect(bal(d, '1020')).toBe('87.50');
		expect(d.drawerOf()).toBeUndefined();
		expect(ledgerProblems(d.state.ledger)).toEqual([]);
	});

	it('short $1.50 within ±$2.00 posts Dr 6990 $1.50 with a note, without sign-off', () => {
		const { d, drawerId } = deskWithSale();
		// $86.00 over the float: the two quarters and one $1 bill are missing.
		const [e] = d.run(closeCmd(drawerId, floatPlus({ ...PLUS_87_50, 'bill-1': 1, 'coin-0.25': 0 })));
		expect(e!.journal!.lines).toContainEqual({ account: '6990', debit: '1.50' });
		expect(e!.journal!.lines).toContainEqual({ account: '1020', debit: '86.00' });
		const c = d.state.cashiering.drawers[drawerId]!.closeOut!;
		expect(c.difference.toString()).toBe('-1.50');
		expect(c.withinLimit).toBe(true);
		expect(c.note).toContain('short $1.50');
		expect(c.approvedBy).toBeUndefined();
		expect(bal(d, '6990')).toBe('1.50');
	});

	it('over $0.40 within ±$2.00 keeps the clerk’s own note and posts Cr 6990 $0.40', () => {
		const { d, drawerId } = deskWithSale();
		d.run(closeCmd(drawerId, floatPlus({ ...PLUS_87_50, 'coin-0.10': 4 }), { note: 'Customer left change on the ledge' }));
		const c = d.state.cashiering.drawers[drawerId]!.closeOut!;
		expect(c.note).toBe('Customer left change on the ledge');
		expect(bal(d, '6990')).toBe('-0.40');
	});

	it('short exactly $2.00 is still within the limit; short $2.01 needs sign-off', () => {
		const a = deskWithSale();
		a.d.run(closeCmd(a.drawerId, floatPlus({ ...PLUS_87_50, 'bill-1': 0 })));
		expect(a.d.state.cashiering.drawers[a.drawerId]!.closeOut!.difference.toString()).toBe('-2.00');
		const b = deskWithSale();
		const r = b.d.refuse(closeCmd(b.drawerId, floatPlus({ ...PLUS_87_50, 'bill-1': 0, 'coin-0.01': -1 }), { explanation: 'Recounted twice, a penny and two dollars missing' }));
		expect(r.code).toBe('over-authority');
	});

	it('over $3.25 needs supervisor sign-off with a written explanation, then posts Cr 6990 $3.25', () => {
		const { d, drawerId } = deskWithSale();
		const counts = floatPlus({ ...PLUS_87_50, 'bill-1': 5, 'coin-0.25': 3 }); // $3.25 more than expected
		// Without an explanation the clerk is told to write one first.
		const noWhy = d.refuse(closeCmd(drawerId, counts));
		expect(noWhy.code).toBe('invalid-input');
		expect(noWhy.field).toBe('explanation');
		expect(noWhy.message).toContain('over $3.25, beyond ±$2.00');
		const cmd = closeCmd(drawerId, counts, { explanation: 'Recounted with supervisor; likely change not given to a customer.' });
		const r = d.refuse(cmd);
		expect(r.code).toBe('over-authority');
		expect(r.message).toContain('supervisor must recount and sign off');
		// The approval flow: request, then another person who is a supervisor approves.
		const requested = d.run({ type: 'approval.request', command: cmd, note: 'over at close' });
		const request = d.state.approvals[requested[0]!.id as string]!;
		expect(request.kind).toBe('over-short');
		expect(request.summary).toContain('over $3.25');
		expect(request.summary).toContain('Casey Clerk');
		d.run({ type: 'approval.decide', id: request.id, approve: true, reason: 'Recounted, agree' }, supervisor);
		const c = d.state.cashiering.drawers[drawerId]!.closeOut!;
		expect(c.difference.toString()).toBe('3.25');
		expect(c.withinLimit).toBe(false);
		expect(c.approvedBy).toBe('sup1');
		expect(c.explanation).toContain('Recounted with supervisor');
		expect(bal(d, '6990')).toBe('-3.25');
		expect(bal(d, '1020')).toBe('90.75');
		expect(ledgerProblems(d.state.ledger)).toEqual([]);
	});

	it('while the close-out waits for a supervisor, no more payments go on that drawer', () => {
		const { d, drawerId } = deskWithSale();
		d.bill('invoice-test', 'INV-2', '10.00');
		d.run({ type: 'approval.request', command: closeCmd(drawerId, floatPlus({ 'bill-100': 1 }), { explanation: 'Big difference, recounting needed' }) });
		const r = d.refuse({ type: 'cash.take-payment', lines: [{ kind: 'invoice-test', ref: 'INV-2', amount: '10.00' }], tenders: [cash('10.00')] });
		expect(r.message).toContain('waiting for a supervisor');
	});

	it('checks counted must match the system: 1 check of $50.00 expected, 0 counted is refused listing the check', () => {
		const d = new Desk();
		d.bill('invoice-test', 'INV-1', '50.00');
		d.open();
		const no = d.pay([{ kind: 'invoice-test', ref: 'INV-1', amount: '50.00' }], [check('50.00')]);
		const id = d.drawerOf()!.id;
		const r = d.refuse(closeCmd(id, STANDARD_FLOAT));
		expect(r.field).toBe('checks');
		expect(r.message).toContain(`#1001 $50.00 (${no})`);
		expect(r.message).toContain('you counted 0 totalling $0.00');
	});

	it('deposit slip: cash less float by denomination, each check with number/bank/amount, money orders, totals', () => {
		const d = new Desk();
		d.bill('invoice-test', 'INV-1', '500.00');
		d.open();
		const r1 = d.pay([{ kind: 'invoice-test', ref: 'INV-1', amount: '150.00' }], [check('150.00', { checkNumber: '2044', bank: 'Wells Fargo' })]);
		d.pay([{ kind: 'invoice-test', ref: 'INV-1', amount: '60.00' }], [moneyOrder('60.00')]);
		d.pay([{ kind: 'invoice-test', ref: 'INV-1', amount: '40.00' }], [cash('40.00')]);
		d.pay([{ kind: 'invoice-test', ref: 'INV-1', amount: '25.00' }], [card('25.00')]);
		const id = d.drawerOf()!.id;
		d.run({ ...closeCmd(id, floatPlus({ 'bill-20': 2 })), checks: { count: 1, total: '150.00' }, moneyOrders: { count: '1', total: '60.00' }, cardBatchTotal: '25.00' });
		const slip = d.state.cashiering.drawers[id]!.closeOut!.deposit;
		expect(slip.cash.toString()).toBe('40.00');
		expect(slip.cashByDenomination).toEqual(fullCounts({ 'bill-20': 2 }));
		expect(slip.currency!.toString()).toBe('40.00');
		expect(slip.coin!.toString()).toBe('0.00');
		expect(slip.checks).toEqual([{ number: '2044', bank: 'Wells Fargo', amount: expect.anything(), receiptNo: r1 }]);
		expect(slip.checks[0]!.amount.toString()).toBe('150.00');
		expect(slip.moneyOrders[0]!.number).toBe('MO-778812');
		expect(slip.checksTotal.toString()).toBe('210.00');
		expect(slip.total.toString()).toBe('250.00');
		// Cards settle through 1025, not the deposit.
		expect(bal(d, '1020')).toBe('250.00');
		expect(bal(d, '1025')).toBe('25.00');
		expect(bal(d, '1010')).toBe('0.00');
	});

	it('a card batch $0.50 below the system’s $25.00 is a $0.50 short within the limit (1025 settles at the batch)', () => {
		const d = new Desk();
		d.bill('invoice-test', 'INV-1', '25.00');
		d.open();
		d.pay([{ kind: 'invoice-test', ref: 'INV-1', amount: '25.00' }], [card('25.00')]);
		const id = d.drawerOf()!.id;
		d.run(closeCmd(id, STANDARD_FLOAT, { cardBatchTotal: '24.50' }));
		expect(d.state.cashiering.drawers[id]!.closeOut!.difference.toString()).toBe('-0.50');
		expect(bal(d, '1025')).toBe('24.50');
		expect(bal(d, '6990')).toBe('0.50');
	});

	it('only the drawer’s clerk or a supervisor may close it; the clerk can open a new one after', () => {
		const d = new Desk();
		d.open();
		const id = d.drawerOf()!.id;
		expect(d.refuse(closeCmd(id, STANDARD_FLOAT), clerk2).code).toBe('not-allowed');
		d.run(closeCmd(id, STANDARD_FLOAT), supervisor);
		expect(d.state.cashiering.drawers[id]!.closeOut!.closedBy).toBe('sup1');
		expect(d.refuse(closeCmd(id, STANDARD_FLOAT)).code).toBe('wrong-status');
		d.open();
		expect(d.drawerOf()!.id).toBe('DRW-000002');
	});

	it('a drawer left open overnight must be closed before taking payments the next day', () => {
		const d = new Desk();
		d.bill('invoice-test', 'INV-1', '20.00');
		d.open();
		d.nextDay();
		const r = d.refuse({ type: 'cash.take-payment', lines: [{ kind: 'invoice-test', ref: 'INV-1', amount: '20.00' }], tenders: [cash('20.00')] });
		expect(r.message).toContain('from 2026-07-01 was never closed out');
		d.run(closeCmd(d.drawerOf()!.id, STANDARD_FLOAT));
		d.open();
		d.pay([{ kind: 'invoice-test', ref: 'INV-1', amount: '20.00' }], [cash('20.00')]);
	});
});
