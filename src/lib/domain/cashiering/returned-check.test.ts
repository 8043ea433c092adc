import { describe, expect, it } from 'vitest';
import { glBalance, ledgerProblems, subBalance } from '../ledger';
import { STANDARD_FLOAT } from './denominations';
import { isCashOnly } from './slice';
import { Desk, books, card, cash, check, moneyOrder } from './test-support';

const bal = (d: Desk, account: Parameters<typeof glBalance>[1]) => glBalance(d.state.ledger, account).toString();

/** Day 1: a $150.00 check pays $120.00 utility + $30.00 invoice; the drawer closes; day 2 begins. */
function deskWithDepositedCheck(extraCash = false) {
	const d = new Desk();
	d.bill('utility', '100-2345', '120.00');
	d.bill('invoice-test', 'INV-1', '30.00');
	d.open();
	const no = d.pay(
		[
			{ kind: 'utility', ref: '100-2345', amount: '120.00' },
			{ kind: 'invoice-test', ref: 'INV-1', amount: '30.00' }
		],
		extraCash ? [check('50.00', { checkNumber: '3003' }), cash('100.00')] : [check('150.00', { checkNumber: '3003' })]
	);
	const checkTotal = extraCash ? '50.00' : '150.00';
	d.run({
		type: 'cash.close-drawer',
		drawerId: d.drawerOf()!.id,
		counts: extraCash ? { ...STANDARD_FLOAT, 'bill-100': 1 } : STANDARD_FLOAT,
		checks: { count: 1, total: checkTotal },
		cardBatchTotal: '0.00'
	});
	d.nextDay();
	return { d, no };
}

const nsf = (receiptNo: string, extra: Record<string, unknown> = {}) => ({ type: 'cash.returned-check', receiptNo, checkNumber: '3003', reason: 'nsf', ...extra });

describe('returned check (NSF)', () => {
	it('a returned $150.00 check reverses $120.00 utility + $30.00 invoice, takes $150.00 out of 1020 and charges the $25.00 fee (Dr 1240 / Cr 4160)', () => {
		const { d, no } = deskWithDepositedCheck();
		expect(bal(d, '1020')).toBe('150.00');
		const [e] = d.run(nsf(no, { note: 'Bank notice 7/2' }));
		expect(e!.journal!.lines).toEqual([
			{ account: '1210', debit: '120.00', sub: 'ua:100-2345' },
			{ account: '1230', debit: '30.00', sub: 'ar:INV-1' },
			{ account: '1020', credit: '150.00' },
			{ account: '1240', debit: '25.00' },
			{ account: '4160', credit: '25.00' }
		]);
		expect(bal(d, '1020')).toBe('0.00');
		expect(bal(d, '1240')).toBe('25.00');
		expect(subBalance(d.state.ledger, 'ua:100-2345').toString()).toBe('120.00');
		expect(books(d.state).invoices['INV-1']!.toString()).toBe('30.00');
		const rc = d.state.cashiering.returnedChecks['RC-000001']!;
		expect(rc).toMatchObject({ receiptNo: no, checkNumber: '3003', reason: 'nsf', noticeLetter: 'needed', cashOnlyUntil: '2027-07-02', feeAccount: '4160', date: '2026-07-02' });
		expect(rc.feeOutstanding.toString()).toBe('25.00');
		expect(d.state.cashiering.receipts[no]!.tenders[0]).toMatchObject({ returnedAs: 'RC-000001' });
		expect(d.state.cashiering.receipts[no]!.status).toBe('valid');
		expect(ledgerProblems(d.state.ledger)).toEqual([]);
	});

	it('only the check’s share is reversed: a $50.00 check then $100.00 cash for $150.00 (tenders pay lines in order) reverses $50.00 of the utility line', () => {
		const { d, no } = deskWithDepositedCheck(true);
		const [e] = d.run(nsf(no));
		expect(e!.reversed).toEqual([{ kind: 'utility', ref: '100-2345', amount: '50.00' }]);
		expect(books(d.state).utility['100-2345']!.owed.toString()).toBe('50.00');
		expect(books(d.state).invoices['INV-1']!.toString()).toBe('0.00');
		expect(isCashOnly(d.state, 'utility', '100-2345')).toBe(true);
		expect(isCashOnly(d.state, 'invoice-test', 'INV-1')).toBe(false);
	});

	it('cash-only for 12 months: a check is refused on the account until 2027-07-02; cash, money order and card are taken', () => {
		const { d, no } = deskWithDepositedCheck();
		d.run(nsf(no));
		d.open();
		const take = (tender: unknown) => ({ type: 'cash.take-payment', lines: [{ kind: 'utility', ref: '100-2345', amount: '10.00' }], tenders: [tender] });
		const r = d.refuse(take(check('10.00', { checkDate: '2026-07-02' })));
		expect(r.code).toBe('policy');
		expect(r.message).toContain('cash-only after a returned payment');
		d.run(take(cash('10.00')));
		d.run(take(moneyOrder('10.00')));
		d.run(take(card('10.00')));
		d.run({ type: 'cash.close-drawer', drawerId: d.drawerOf()!.id, counts: { ...STANDARD_FLOAT, 'bill-10': 5 }, checks: { count: 0, total: '0.00' }, moneyOrders: { count: 1, total: '10.00' }, cardBatchTotal: '10.00' });
		d.run({ type: 'clock.set-date', to: '2027-07-01' });
		expect(isCashOnly(d.state, 'utility', '100-2345')).toBe(true);
		d.run({ type: 'clock.set-date', to: '2027-07-02' });
		expect(isCashOnly(d.state, 'utility', '100-2345')).toBe(false);
	});

	it('the $25.00 fee is paid on an ordinary receipt (cash-only), clearing 1240', () => {
		const { d, no } = deskWithDepositedCheck();
		d.run(nsf(no));
		d.open();
		const line = { kind: 'returned-check-fee', ref: 'RC-000001', amount: '25.00' };
		expect(d.refuse({ type: 'cash.take-payment', lines: [line], tenders: [check('25.00', { checkDate: '2026-07-02' })] }).message).toContain('cash-only');
		expect(d.refuse({ type: 'cash.take-payment', lines: [{ ...line, amount: '30.00' }], tenders: [cash('30.00')] }).code).toBe('policy');
		d.pay([line], [cash('25.00')]);
		expect(bal(d, '1240')).toBe('0.00');
		expect(d.state.cashiering.returnedChecks['RC-000001']!.feeOutstanding.toString()).toBe('0.00');
		expect(d.state.cashiering.receipts['R-000002']!.lines[0]!.label).toContain('Returned check fee RC-000001');
	});

	it('a returned check that paid no utility account posts the $25.00 fee to 4410', () => {
		const d = new Desk();
		d.bill('invoice-test', 'INV-9', '40.00');
		d.open();
		const no = d.pay([{ kind: 'invoice-test', ref: 'INV-9', amount: '40.00' }], [check('40.00', { checkNumber: '3003' })]);
		d.run({ type: 'cash.close-drawer', drawerId: d.drawerOf()!.id, counts: STANDARD_FLOAT, checks: { count: 1, total: '40.00' }, cardBatchTotal: '0.00' });
		const [e] = d.run(nsf(no, { reason: 'account-closed' }));
		expect(e!.journal!.lines).toContainEqual({ account: '4410', credit: '25.00' });
	});

	it('refusals: still in the open drawer (void instead), twice, unknown check, bad reason, voided receipt', () => {
		const d = new Desk();
		d.bill('invoice-test', 'INV-1', '80.00');
		d.open();
		const no = d.pay([{ kind: 'invoice-test', ref: 'INV-1', amount: '40.00' }], [check('40.00', { checkNumber: '3003' })]);
		expect(d.refuse(nsf(no)).message).toContain('void the receipt instead');
		const voided = d.pay([{ kind: 'invoice-test', ref: 'INV-1', amount: '40.00' }], [check('40.00', { checkNumber: '3003' })]);
		d.approve({ type: 'cash.void-receipt', receiptNo: voided, reason: 'Keyed twice', customerCopyReturned: true });
		d.run({ type: 'cash.close-drawer', drawerId: d.drawerOf()!.id, counts: STANDARD_FLOAT, checks: { count: 1, total: '40.00' }, cardBatchTotal: '0.00' });
		expect(d.refuse(nsf(voided)).code).toBe('wrong-status');
		expect(d.refuse(nsf(no, { checkNumber: '9999' })).code).toBe('not-found');
		expect(d.refuse(nsf(no, { reason: 'because' })).field).toBe('reason');
		expect(d.refuse(nsf('R-000404')).code).toBe('not-found');
		d.run(nsf(no));
		expect(d.refuse(nsf(no)).message).toContain('already recorded as returned (RC-000001)');
	});

	it('the notice letter is flagged as needed, and recorded once when sent', () => {
		const { d, no } = deskWithDepositedCheck();
		d.run(nsf(no));
		d.run({ type: 'cash.notice-letter-sent', returnedCheckId: 'RC-000001' });
		expect(d.state.cashiering.returnedChecks['RC-000001']).toMatchObject({ noticeLetter: 'sent', noticeSentOn: '2026-07-02' });
		expect(d.refuse({ type: 'cash.notice-letter-sent', returnedCheckId: 'RC-000001' }).code).toBe('wrong-status');
		expect(d.refuse({ type: 'cash.notice-letter-sent', returnedCheckId: 'RC-9' }).code).toBe('not-found');
	});
});
