import fc from 'fast-check';
import { afterEach, describe, expect, test } from 'vitest';
import { money } from '$lib/money';
import { Engine } from '../engine';
import { targetDesk } from '../test-desk';
import { glBalance, ledgerProblems } from '../ledger';
import type { Command, PaymentQuote, SandboxState } from '../model';
import { licensesModule } from '../licenses/index';
import { receivablesModule } from '../receivables/index';
import { permitsModule } from './index';

const engine = new Engine([licensesModule, permitsModule, receivablesModule]);
const ctx = { actor: { id: 'clerk1', name: 'Clerk', supervisor: false }, at: '2026-07-01T09:00:00Z' };
const target = permitsModule.paymentTargets!.permit!;

let state: SandboxState;
afterEach(() => {
	if (state) expect(ledgerProblems(state.ledger)).toEqual([]);
});

const { run, rejects, pay, reverse } = targetDesk(engine, target, () => state, ctx);

const record: Command = {
	type: 'permit.record',
	number: 'BP-2026-0142',
	permitType: 'building',
	address: '333 Civic Center Dr',
	applicant: 'Sierra Homes',
	issuedOn: '2026-06-28',
	fees: [
		{ description: 'Building permit fee', amount: '1,250.00' },
		{ description: 'Plan check', amount: '87.50' }
	]
};

describe('permit fees (POLICY §4): from the permit record, paid in full, then "fees paid"', () => {
	test('BP-2026-0142 with $1,250.00 permit fee + $87.50 plan check: $1,337.50 due, no partial, no overpayment', () => {
		state = engine.emptyState('2026-07-01');
		run(record);
		const quote = target.quote(state, 'BP-2026-0142') as PaymentQuote;
		expect(quote).toMatchObject({ label: 'Permit BP-2026-0142 — 333 Civic Center Dr', partialAllowed: false, overpaymentAllowed: false, cashOnly: false });
		expect(quote.due.toString()).toBe('1337.50');
		expect(state.permits.permits['BP-2026-0142']).toMatchObject({ status: 'issued', type: 'building', issuedOn: '2026-06-28', applicant: 'Sierra Homes' });
	});

	test('paying $1,337.50 posts Cr 4310 Permit fees $1,337.50 and the permit shows "fees paid"', () => {
		state = engine.emptyState('2026-07-01');
		run(record);
		expect(target.creditLines(state, 'BP-2026-0142', money('1337.50'))).toEqual([{ account: '4310', credit: money('1337.50') }]);
		pay('bp-2026-0142 ', money('1337.50'));
		expect(state.permits.permits['BP-2026-0142']).toMatchObject({ status: 'fees-paid', paidReceipt: 'R-000001', paidOn: '2026-07-01' });
		expect(glBalance(state.ledger, '4310').toString()).toBe('-1337.50');
		expect(target.quote(state, 'BP-2026-0142')).toMatchObject({ code: 'wrong-status' });
	});

	test('a void reverses it: Dr 4310 $1,337.50, the permit is back to issued and owes $1,337.50; another receipt does not reopen it', () => {
		state = engine.emptyState('2026-07-01');
		run(record);
		pay('BP-2026-0142', money('1337.50'));
		target.reversePayment(state, 'BP-2026-0142', money('1337.50'), { receiptNo: 'R-000099', date: '2026-07-01' });
		expect(state.permits.permits['BP-2026-0142']!.status).toBe('fees-paid');
		expect(target.reversalLines(state, 'BP-2026-0142', money('1337.50'), { receiptNo: 'R-000001', date: '2026-07-01' })).toEqual([{ account: '4310', debit: money('1337.50') }]);
		reverse('BP-2026-0142', money('1337.50'));
		expect(state.permits.permits['BP-2026-0142']!.status).toBe('issued');
		expect((target.quote(state, 'BP-2026-0142') as PaymentQuote).due.toString()).toBe('1337.50');
		expect(glBalance(state.ledger, '4310').toString()).toBe('0.00');
	});

	test('quote refuses unknown and malformed permit numbers instead of throwing', () => {
		state = engine.emptyState('2026-07-01');
		for (const ref of ['BP-2026-9999', '', 'constructor', '__proto__', 7 as unknown as string, null as unknown as string]) {
			expect(target.quote(state, ref)).toMatchObject({ code: 'not-found' });
		}
	});
});

describe('permit.record rejects malformed input, never throws, changes nothing', () => {
	const bad: Array<[string, Command, string]> = [
		['missing number', { ...record, number: undefined }, 'number'],
		['number without the year', { ...record, number: 'BP-0142' }, 'number'],
		['number as a JS number', { ...record, number: 20260142 }, 'number'],
		['unknown permit type', { ...record, permitType: 'pool' }, 'permitType'],
		['empty address', { ...record, address: ' ' }, 'address'],
		['missing applicant', { ...record, applicant: undefined }, 'applicant'],
		['issue date after today', { ...record, issuedOn: '2026-07-02' }, 'issuedOn'],
		['issue date not a date', { ...record, issuedOn: '07/01/2026' }, 'issuedOn'],
		['no fees', { ...record, fees: [] }, 'fees'],
		['fees not a list', { ...record, fees: '1250.00' }, 'fees'],
		['fee not an object', { ...record, fees: ['1250.00'] }, 'fees.0.description'],
		['zero fee', { ...record, fees: [{ description: 'Fee', amount: '0.00' }] }, 'fees.0.amount'],
		['negative fee', { ...record, fees: [{ description: 'Fee', amount: '-5.00' }] }, 'fees.0.amount'],
		['three-decimal fee', { ...record, fees: [{ description: 'Fee', amount: '5.005' }] }, 'fees.0.amount'],
		['huge fee', { ...record, fees: [{ description: 'Fee', amount: '10000000.00' }] }, 'fees.0.amount'],
		['fee as a JS number', { ...record, fees: [{ description: 'Fee', amount: 12.5 }] }, 'fees.0.amount'],
		['second fee without a description', { ...record, fees: [{ description: 'Fee', amount: '5.00' }, { amount: '5.00' }] }, 'fees.1.description'],
		['too many fees', { ...record, fees: Array.from({ length: 21 }, () => ({ description: 'Fee', amount: '1.00' })) }, 'fees']
	];

	test.each(bad)('%s', (_name, cmd, field) => {
		state = engine.emptyState('2026-07-01');
		rejects(cmd, 'invalid-input', field);
	});

	test('the same permit number cannot be recorded twice', () => {
		state = engine.emptyState('2026-07-01');
		run(record);
		rejects({ ...record, number: 'bp-2026-0142' }, 'policy', 'number');
	});

	test('property: junk in any field is rejected or accepted, never thrown', () => {
		const fields = ['number', 'permitType', 'address', 'applicant', 'issuedOn', 'fees'];
		fc.assert(
			fc.property(fc.dictionary(fc.constantFrom(...fields), fc.anything()), fc.boolean(), (junk, overGood) => {
				state = engine.emptyState('2026-07-01');
				const before = JSON.stringify(state);
				const result = engine.execute(state, { ...(overGood ? record : {}), ...junk, type: 'permit.record' }, ctx);
				if (!result.ok) expect(JSON.stringify(state)).toBe(before);
			}),
			{ numRuns: 300 }
		);
	});
});
