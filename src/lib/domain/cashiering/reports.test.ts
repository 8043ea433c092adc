import { describe, expect, it } from 'vitest';
import { STANDARD_FLOAT } from './denominations';
import { cardsByBrand, dailyCashReport, overShortHistory, overShortNet, paymentsByTender } from './reports';
import { Desk, card, cash, check, clerk2, floatPlus, moneyOrder } from './test-support';

const s = (m: { toString(): string }) => m.toString();

/** Day 1: clerk1 takes cash, check, money order and card and closes short $1.00; clerk2 takes cash and a voided receipt. */
function day() {
	const d = new Desk();
	d.bill('invoice-test', 'INV-1', '1000.00');
	const line = (amount: string) => [{ kind: 'invoice-test', ref: 'INV-1', amount }];
	d.open();
	d.open(clerk2);
	d.pay(line('87.50'), [cash('100.00')]);
	d.pay(line('150.00'), [check('150.00')]);
	d.pay(line('60.00'), [moneyOrder('60.00')]);
	d.pay(line('40.00'), [card('40.00')]);
	d.pay(line('15.00'), [card('15.00', { brand: 'Discover', channel: 'phone' })]);
	d.pay(line('20.00'), [cash('20.00')], clerk2);
	const voided = d.pay(line('5.00'), [cash('5.00')], clerk2);
	d.approve({ type: 'cash.void-receipt', receiptNo: voided, reason: 'Wrong invoice', customerCopyReturned: true }, clerk2);
	d.run({
		type: 'cash.close-drawer',
		drawerId: 'DRW-000001',
		counts: floatPlus({ 'bill-50': 1, 'bill-20': 1, 'bill-10': 1, 'bill-5': 1, 'bill-1': 1, 'coin-0.25': 2 }), // $86.50: short $1.00
		checks: { count: 1, total: '150.00' },
		moneyOrders: { count: 1, total: '60.00' },
		cardBatchTotal: '55.00'
	});
	return d;
}

describe('reports', () => {
	it('daily cash report by drawer and tender', () => {
		const d = day();
		const r = dailyCashReport(d.state, '2026-07-01');
		expect(r.drawers.map((x) => x.drawerId)).toEqual(['DRW-000001', 'DRW-000002']);
		const [one, two] = r.drawers;
		expect({
			status: one!.status,
			receipts: one!.receipts,
			cashReceived: s(one!.cashReceived),
			changeGiven: s(one!.changeGiven),
			expectedCash: s(one!.expectedCash),
			checks: [one!.checks.count, s(one!.checks.total)],
			moneyOrders: [one!.moneyOrders.count, s(one!.moneyOrders.total)],
			cards: [one!.cards.count, s(one!.cards.total)],
			collected: s(one!.collected),
			countedCash: s(one!.countedCash!),
			overShort: s(one!.overShort!),
			deposit: s(one!.deposit!)
		}).toEqual({
			status: 'closed',
			receipts: 5,
			cashReceived: '100.00',
			changeGiven: '12.50',
			expectedCash: '287.50',
			checks: [1, '150.00'],
			moneyOrders: [1, '60.00'],
			cards: [2, '55.00'],
			collected: '352.50',
			countedCash: '286.50',
			overShort: '-1.00',
			deposit: '296.50'
		});
		expect(two!.status).toBe('open');
		expect(two!.receipts).toBe(1);
		expect(two!.voids).toBe(1);
		expect(s(two!.expectedCash)).toBe('220.00');
		expect(two!.overShort).toBeUndefined();
		expect(s(r.totals.total)).toBe('372.50');
	});

	it('payments by tender: cash net of change $107.50, checks $150.00, money orders $60.00, cards $55.00 (void excluded)', () => {
		const t = paymentsByTender(day().state, '2026-07-01', '2026-07-01');
		expect([s(t.cash), s(t.check), s(t['money-order']), s(t.card), s(t.total), t.receipts]).toEqual(['107.50', '150.00', '60.00', '55.00', '372.50', 6]);
		expect(paymentsByTender(day().state, '2026-07-02', '2026-07-31').receipts).toBe(0);
	});

	it('cards by brand and channel', () => {
		const rows = cardsByBrand(day().state, '2026-07-01', '2026-07-01');
		expect(rows.map((r) => [r.brand, r.channel, r.count, s(r.total)])).toEqual([
			['Discover', 'phone', 1, '15.00'],
			['Visa', 'counter', 1, '40.00']
		]);
	});

	it('over/short history: short $1.00 on 2026-07-01, then over $3.25 signed off on 2026-07-02; net over $2.25', () => {
		const d = day();
		d.run({ type: 'cash.close-drawer', drawerId: 'DRW-000002', counts: floatPlus({ 'bill-20': 1 }), checks: { count: 0, total: '0.00' }, cardBatchTotal: '0.00' }, clerk2);
		d.nextDay();
		d.open();
		d.approve({
			type: 'cash.close-drawer',
			drawerId: 'DRW-000003',
			counts: { ...STANDARD_FLOAT, 'bill-1': 53, 'coin-0.25': 81 },
			checks: { count: 0, total: '0.00' },
			cardBatchTotal: '0.00',
			explanation: 'Found $3.25 in the drawer tray after recount.'
		});
		const rows = overShortHistory(d.state);
		expect(rows.map((r) => [r.date, r.drawerId, s(r.difference), r.withinLimit, r.approvedBy ?? null])).toEqual([
			['2026-07-01', 'DRW-000001', '-1.00', true, null],
			['2026-07-01', 'DRW-000002', '0.00', true, null],
			['2026-07-02', 'DRW-000003', '3.25', false, 'sup1']
		]);
		expect(rows[2]!.explanation).toContain('Found $3.25');
		expect(s(overShortNet(rows))).toBe('2.25');
		expect(overShortHistory(d.state, { clerkId: 'clerk2' }).map((r) => r.drawerId)).toEqual(['DRW-000002']);
	});
});
