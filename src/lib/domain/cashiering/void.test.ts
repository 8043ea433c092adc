import { describe, expect, it } from 'vitest';
import { glBalance, ledgerProblems } from '../ledger';
import { drawerTotals } from './slice';
import { Desk, books, card, cash, check, clerk, supervisor } from './test-support';
import { cancelsOut } from './util';

function deskWithReceipt() {
	const d = new Desk();
	d.bill('invoice-test', 'INV-1', '87.50');
	d.bill('utility', '100-2345', '120.00');
	d.open();
	const no = d.pay([{ kind: 'invoice-test', ref: 'INV-1', amount: '87.50' }], [cash('100.00')]);
	return { d, no };
}

const voidCmd = (receiptNo: string, extra: Record<string, unknown> = {}) => ({ type: 'cash.void-receipt', receiptNo, reason: 'Wrong account keyed', customerCopyReturned: true, ...extra });

describe('voiding a receipt', () => {
	it('voiding R-000001 ($100.00 cash for $87.50, $12.50 change) with supervisor approval reverses it exactly: the two entries net to zero', () => {
		const { d, no } = deskWithReceipt();
		const events = d.approve(voidCmd(no));
		const voided = events.find((e) => e.type === 'cash.receipt-voided')!;
		expect(voided.journal!.lines).toEqual([
			{ account: '1230', debit: '87.50', sub: 'ar:INV-1' },
			{ account: '1010', credit: '87.50' }
		]);
		const receipt = d.state.cashiering.receipts[no]!;
		expect(cancelsOut([receipt.journal, voided.journal!])).toBe(true);
		expect(receipt.status).toBe('void');
		expect(receipt.void).toMatchObject({ approvedBy: 'sup1', reason: 'Wrong account keyed', customerCopyReturned: true, date: '2026-07-01' });
		expect(books(d.state).invoices['INV-1']!.toString()).toBe('87.50');
		expect(books(d.state).calls).toContain(`invoice reverse INV-1 87.50 ${no}`);
		// The drawer expects only its float again; the receipt stays on the drawer's list.
		const drawer = d.drawerOf()!;
		expect(drawer.receiptNos).toEqual([no]);
		expect(drawerTotals(d.state, drawer).expectedCash.toString()).toBe('200.00');
		expect(glBalance(d.state.ledger, '1010').toString()).toBe('200.00');
		expect(ledgerProblems(d.state.ledger)).toEqual([]);
	});

	it('a void always needs supervisor approval: the clerk and even a supervisor acting alone get over-authority', () => {
		const { d, no } = deskWithReceipt();
		expect(d.refuse(voidCmd(no)).code).toBe('over-authority');
		expect(d.refuse(voidCmd(no), supervisor).code).toBe('over-authority');
		const requested = d.run({ type: 'approval.request', command: voidCmd(no) });
		const request = d.state.approvals[requested[0]!.id as string]!;
		expect(request.kind).toBe('void');
		expect(request.summary).toContain(`Void of receipt ${no} ($87.50, Casey Clerk: Invoice INV-1)`);
	});

	it('the customer’s receipt copy must be returned, and a reason given', () => {
		const { d, no } = deskWithReceipt();
		expect(d.refuse(voidCmd(no, { customerCopyReturned: false }))).toMatchObject({ code: 'policy', field: 'customerCopyReturned' });
		expect(d.refuse(voidCmd(no, { customerCopyReturned: 'true' })).code).toBe('invalid-input');
		expect(d.refuse(voidCmd(no, { reason: '' })).field).toBe('reason');
		// The approval request validates everything, so a bad void never reaches the queue.
		expect(d.refuse({ type: 'approval.request', command: voidCmd(no, { customerCopyReturned: false }) }).field).toBe('customerCopyReturned');
	});

	it('only the same business day: a receipt from 2026-07-01 cannot be voided on 2026-07-02', () => {
		const { d, no } = deskWithReceipt();
		d.nextDay();
		const r = d.refuse(voidCmd(no), supervisor);
		expect(r.message).toContain('only on the same day');
	});

	it('an approval still pending when the day ends can no longer be approved the next day', () => {
		const { d, no } = deskWithReceipt();
		const requested = d.run({ type: 'approval.request', command: voidCmd(no) });
		d.nextDay();
		const r = d.refuse({ type: 'approval.decide', id: requested[0]!.id as string, approve: true }, supervisor);
		expect(r.message).toContain('can no longer be approved');
	});

	it('not after the drawer’s close-out', () => {
		const { d, no } = deskWithReceipt();
		const id = d.drawerOf()!.id;
		d.run({ type: 'cash.close-drawer', drawerId: id, counts: { 'bill-100': 2, 'bill-50': 1, 'bill-20': 1, 'bill-10': 1, 'bill-5': 1, 'bill-1': 2, 'coin-0.25': 2 }, checks: { count: 0, total: '0.00' }, cardBatchTotal: '0.00' });
		expect(d.refuse(voidCmd(no), supervisor).message).toContain('has been closed out');
	});

	it('a voided receipt cannot be voided again; an unknown receipt is not found', () => {
		const { d, no } = deskWithReceipt();
		d.approve(voidCmd(no));
		expect(d.refuse(voidCmd(no)).code).toBe('wrong-status');
		expect(d.refuse(voidCmd('R-999999')).code).toBe('not-found');
	});

	it('a mixed receipt ($87.50 invoice + $150.00 utility with $30.00 credit, paid by check, card and cash with change) nets to zero when voided', () => {
		const { d } = deskWithReceipt();
		d.bill('invoice-test', 'INV-2', '87.50');
		const no = d.pay(
			[
				{ kind: 'invoice-test', ref: 'INV-2', amount: '87.50' },
				{ kind: 'utility', ref: '100-2345', amount: '150.00' }
			],
			[check('100.00'), card('100.00'), cash('50.00')]
		);
		const before = JSON.stringify(d.state.ledger.sub);
		const events = d.approve(voidCmd(no), clerk, supervisor);
		const voided = events.find((e) => e.type === 'cash.receipt-voided')!;
		expect(cancelsOut([d.state.cashiering.receipts[no]!.journal, voided.journal!])).toBe(true);
		expect(JSON.stringify(d.state.ledger.sub)).not.toBe(before);
		expect(books(d.state).utility['100-2345']!.owed.toString()).toBe('120.00');
		expect(books(d.state).utility['100-2345']!.credit.toString()).toBe('0.00');
		expect(glBalance(d.state.ledger, '1025').toString()).toBe('0.00');
		expect(ledgerProblems(d.state.ledger)).toEqual([]);
	});
});
