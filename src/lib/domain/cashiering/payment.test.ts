import { describe, expect, it } from 'vitest';
import { glBalance, ledgerProblems, subBalance } from '../ledger';
import { Desk, START, books, card, cash, check, clerk2, moneyOrder } from './test-support';
import { describeTender } from './tenders';

const bal = (d: Desk, account: Parameters<typeof glBalance>[1]) => glBalance(d.state.ledger, account).toString();

function openDesk() {
	const d = new Desk();
	d.bill('invoice-test', 'INV-1', '87.50');
	d.bill('utility', '100-2345', '120.00');
	d.bill('permit-test', 'BP-26-0001', '310.00');
	d.open();
	return d;
}

const inv = (amount: string) => ({ kind: 'invoice-test', ref: 'INV-1', amount });
const util = (amount: string) => ({ kind: 'utility', ref: '100-2345', amount });
const permit = (amount: string) => ({ kind: 'permit-test', ref: 'BP-26-0001', amount });
const take = (lines: unknown[], tenders: unknown[], extra: Record<string, unknown> = {}) => ({ type: 'cash.take-payment', lines, tenders, ...extra });

describe('taking a payment', () => {
	it('cash $100.00 for a $87.50 bill gives $12.50 change; Dr 1010 $87.50 / Cr 1230 $87.50', () => {
		const d = openDesk();
		const [e] = d.run(take([inv('87.50')], [cash('100.00')]));
		expect(e!.change).toBe('12.50');
		expect(e!.journal!.lines).toEqual([
			{ account: '1010', debit: '87.50' },
			{ account: '1230', credit: '87.50', sub: 'ar:INV-1' }
		]);
		const r = d.state.cashiering.receipts['R-000001']!;
		expect(r.change.toString()).toBe('12.50');
		expect(r.tendered.toString()).toBe('100.00');
		expect(r.lines[0]!.label).toBe('Invoice INV-1');
		expect(r.clerkName).toBe('Casey Clerk');
		expect(r.at).toMatch(/^2026-07-01T/);
		expect(books(d.state).invoices['INV-1']!.toString()).toBe('0.00');
		expect(ledgerProblems(d.state.ledger)).toEqual([]);
	});

	it('receipts are numbered in sequence per sandbox: R-000001, R-000002 (across clerks)', () => {
		const d = openDesk();
		d.open(clerk2);
		expect(d.pay([inv('10.00')], [cash('10.00')])).toBe('R-000001');
		expect(d.pay([inv('10.00')], [cash('10.00')], clerk2)).toBe('R-000002');
		expect(d.drawerOf(clerk2)!.receiptNos).toEqual(['R-000002']);
	});

	it('one receipt pays several kinds with several tenders: $87.50 invoice + $120.00 utility by $150.00 check and $57.50 cash', () => {
		const d = openDesk();
		const [e] = d.run(take([inv('87.50'), util('120.00')], [check('150.00'), cash('57.50')]));
		expect(e!.journal!.lines).toEqual([
			{ account: '1010', debit: '207.50' },
			{ account: '1230', credit: '87.50', sub: 'ar:INV-1' },
			{ account: '1210', credit: '120.00', sub: 'ua:100-2345' }
		]);
		// Tenders pay the lines in order: the check covers the invoice and $62.50 of the utility bill.
		const r = d.state.cashiering.receipts['R-000001']!;
		expect(r.allocations.map((a) => [a.tender, a.line, a.amount.toString()])).toEqual([
			[0, 0, '87.50'],
			[0, 1, '62.50'],
			[1, 1, '57.50']
		]);
		expect(books(d.state).calls).toEqual(['invoice pay INV-1 87.50 R-000001', 'utility pay 100-2345 120.00 R-000001']);
	});

	it('a $40.00 card payment posts Dr 1025 Card settlements receivable $40.00', () => {
		const d = openDesk();
		const [e] = d.run(take([util('40.00')], [card('40.00', { brand: 'mastercard', channel: 'phone', last4: '0005' })]));
		expect(e!.journal!.lines[0]).toEqual({ account: '1025', debit: '40.00' });
		const t = d.state.cashiering.receipts['R-000001']!.tenders[0]!;
		expect(describeTender(t)).toBe('Mastercard ••••0005 (phone)');
		expect(bal(d, '1010')).toBe('200.00');
	});

	it('a $60.00 money order goes into the drawer (Dr 1010)', () => {
		const d = openDesk();
		const [e] = d.run(take([util('60.00')], [moneyOrder('60.00')]));
		expect(e!.journal!.lines[0]).toEqual({ account: '1010', debit: '60.00' });
	});

	it('partial payment: $50.00 on a $120.00 utility bill leaves $70.00 owed', () => {
		const d = openDesk();
		d.pay([util('50.00')], [cash('50.00')]);
		expect(books(d.state).utility['100-2345']!.owed.toString()).toBe('70.00');
		expect(subBalance(d.state.ledger, 'ua:100-2345').toString()).toBe('70.00');
	});

	it('permit fees are never paid in part: $100.00 on a $310.00 permit is refused', () => {
		const d = openDesk();
		const r = d.refuse(take([permit('100.00')], [cash('100.00')]));
		expect(r.code).toBe('policy');
		expect(r.field).toBe('lines[0].amount');
		expect(r.message).toContain('must be paid in full: $310.00 is due');
		d.pay([permit('310.00')], [cash('310.00')]);
		expect(d.refuse(take([permit('310.00')], [cash('310.00')])).message).toContain('Nothing is due');
	});

	it('an overpayment by check becomes a credit balance: $150.00 check on a $120.00 utility bill credits $30.00 to 2120', () => {
		const d = openDesk();
		const [e] = d.run(take([util('150.00')], [check('150.00')]));
		expect(e!.change).toBe('0.00');
		expect(e!.journal!.lines).toContainEqual({ account: '2120', credit: '30.00', sub: 'cr:100-2345' });
		expect(books(d.state).utility['100-2345']!.credit.toString()).toBe('30.00');
	});

	it('change only from cash: a $100.00 check for an $87.50 bill is refused (no $12.50 change from a check)', () => {
		const d = openDesk();
		const r = d.refuse(take([inv('87.50')], [check('100.00')]));
		expect(r.field).toBe('tenders');
		expect(r.message).toContain('$12.50 change, but only $0.00 is cash');
		expect(r.message).toContain('applied to the account as a credit');
	});

	it('change only from cash: $20.00 cash + $80.00 card for $87.50 gives $12.50 change (≤ $20.00 cash)', () => {
		const d = openDesk();
		const [e] = d.run(take([inv('87.50')], [cash('20.00'), card('80.00')]));
		expect(e!.change).toBe('12.50');
		expect(e!.journal!.lines.slice(0, 2)).toEqual([
			{ account: '1010', debit: '7.50' },
			{ account: '1025', debit: '80.00' }
		]);
	});

	it('tenders short of the total: $80.00 for $87.50 is refused as $7.50 short', () => {
		const d = openDesk();
		expect(d.refuse(take([inv('87.50')], [cash('80.00')])).message).toContain('$7.50 more is needed');
	});

	it('more than is due on an invoice (no credit balance) is refused: $90.00 on $87.50', () => {
		const d = openDesk();
		expect(d.refuse(take([inv('90.00')], [cash('90.00')])).message).toContain('$87.50 is due; $90.00 is more');
	});

	it('a kind with no payment target is refused; an unknown account is refused by its target', () => {
		const d = openDesk();
		const r = d.refuse(take([{ kind: 'parking', ref: 'P1', amount: '5.00' }], [cash('5.00')]));
		expect(r).toMatchObject({ code: 'not-found', field: 'lines[0].kind' });
		const r2 = d.refuse(take([{ kind: 'invoice-test', ref: 'INV-404', amount: '5.00' }], [cash('5.00')]));
		expect(r2).toMatchObject({ code: 'not-found', field: 'lines[0].ref', message: 'There is no invoice INV-404.' });
		const r3 = d.refuse(take([{ kind: 'toString', ref: 'x', amount: '5.00' }], [cash('5.00')]));
		expect(r3.code).toBe('not-found');
	});

	it('the same account twice on one receipt is refused', () => {
		const d = openDesk();
		expect(d.refuse(take([inv('10.00'), inv('5.00')], [cash('15.00')])).message).toContain('twice');
	});

	it('needs an open drawer for the acting clerk', () => {
		const d = openDesk();
		const r = d.refuse(take([inv('10.00')], [cash('10.00')]), clerk2);
		expect(r.code).toBe('wrong-status');
		expect(r.message).toContain('Open your cash drawer');
	});

	it('a mail payment carries its postmark date to the target', () => {
		const d = openDesk();
		d.pay([inv('87.50')], [check('87.50')], undefined, { postmark: '2026-06-29' });
		expect(d.state.cashiering.receipts['R-000001']!.postmark).toBe('2026-06-29');
		expect(books(d.state).calls).toEqual(['invoice pay INV-1 87.50 R-000001 pm 2026-06-29']);
		expect(d.refuse(take([util('1.00')], [cash('1.00')], { postmark: '2026-07-02' })).field).toBe('postmark');
		expect(d.refuse(take([util('1.00')], [cash('1.00')], { postmark: '06/29/2026' })).field).toBe('postmark');
	});
});

describe('check rules', () => {
	const refuseCheck = (over: Record<string, unknown>) => {
		const d = openDesk();
		return d.refuse(take([inv('87.50')], [check('87.50', over)]));
	};

	it('a check payable to “City of Tracy” (any capitals and spacing) is accepted and records number and bank', () => {
		const d = openDesk();
		d.pay([inv('87.50')], [check('87.50', { payee: '  city of  TRACY ', checkNumber: '5521', bank: 'Bank of the West' })]);
		expect(d.state.cashiering.receipts['R-000001']!.tenders[0]).toMatchObject({ type: 'check', checkNumber: '5521', bank: 'Bank of the West', checkDate: START });
	});

	it('a check payable to “Tracy Water Dept” is refused', () => {
		const r = refuseCheck({ payee: 'Tracy Water Dept' });
		expect(r).toMatchObject({ code: 'policy', field: 'tenders[0].payee' });
		expect(r.message).toContain('payable to “City of Tracy”');
	});

	it('an unsigned check is refused', () => {
		expect(refuseCheck({ signed: false })).toMatchObject({ code: 'policy', field: 'tenders[0].signed' });
		expect(refuseCheck({ signed: undefined }).field).toBe('tenders[0].signed');
		expect(refuseCheck({ signed: 'yes' }).code).toBe('invalid-input');
	});

	it('written $87.05 and numeric $87.50 amounts that disagree are refused', () => {
		const r = refuseCheck({ writtenAmount: '87.05' });
		expect(r.message).toContain('written amount ($87.05) and the numeric amount ($87.50)');
	});

	it('a check post-dated 2026-07-02 (business date 2026-07-01) is refused; one dated today is fine', () => {
		expect(refuseCheck({ checkDate: '2026-07-02' }).message).toContain('post-dated');
	});

	it('a check dated 181 days ago (2025-12-31) is stale; 180 days ago (2026-01-02) is accepted', () => {
		expect(refuseCheck({ checkDate: '2025-12-31' }).message).toContain('more than 180 days');
		const d = openDesk();
		d.pay([inv('87.50')], [check('87.50', { checkDate: '2026-01-02' })]);
	});

	it('a two-party check is refused', () => {
		expect(refuseCheck({ twoParty: true }).message).toContain('Two-party checks');
		expect(refuseCheck({ twoParty: 'no' }).code).toBe('invalid-input');
	});

	it('check number and bank are required; check number is digits', () => {
		expect(refuseCheck({ checkNumber: '' }).field).toBe('tenders[0].checkNumber');
		expect(refuseCheck({ checkNumber: '12A' }).field).toBe('tenders[0].checkNumber');
		expect(refuseCheck({ bank: '  ' }).field).toBe('tenders[0].bank');
		expect(refuseCheck({ checkDate: '2026-02-30' }).field).toBe('tenders[0].checkDate');
	});

	it('cards: Visa, Mastercard, Discover only; last 4 digits; counter or phone', () => {
		const d = openDesk();
		const refuseCard = (over: Record<string, unknown>) => d.refuse(take([inv('87.50')], [card('87.50', over)]));
		expect(refuseCard({ brand: 'American Express' }).message).toContain('Visa, Mastercard, Discover only');
		expect(refuseCard({ last4: '123' }).field).toBe('tenders[0].last4');
		expect(refuseCard({ last4: '4111111111111111' }).field).toBe('tenders[0].last4');
		expect(refuseCard({ channel: 'online' }).field).toBe('tenders[0].channel');
		d.pay([inv('87.50')], [card('87.50', { brand: 'DISCOVER' })]);
	});
});
