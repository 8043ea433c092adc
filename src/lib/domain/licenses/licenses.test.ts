import fc from 'fast-check';
import { afterEach, describe, expect, test } from 'vitest';
import { money, type Money } from '$lib/money';
import { Engine } from '../engine';
import { targetDesk } from '../test-desk';
import { glBalance, ledgerProblems, subBalance } from '../ledger';
import type { Command, PaymentQuote, SandboxState } from '../model';
import { licensesModule } from './index';
import { permitsModule } from '../permits/index';
import { receivablesModule } from '../receivables/index';

const engine = new Engine([licensesModule, permitsModule, receivablesModule]);
const ctx = { actor: { id: 'clerk1', name: 'Clerk', supervisor: false }, at: '2026-07-01T09:00:00Z' };
const target = licensesModule.paymentTargets!.license!;

let state: SandboxState;
afterEach(() => {
	// Every scenario leaves balanced books whose subledgers add up to their control accounts.
	if (state) expect(ledgerProblems(state.ledger)).toEqual([]);
});

const desk = targetDesk(engine, target, () => state, ctx);
const { run, rejects, nextDays, reverse } = desk;

// Pays like the cashier does, checking first that the quote asks for exactly this amount.
function pay(ref: string, amount: Money, receiptNo = 'R-000001') {
	const quote = target.quote(state, ref) as PaymentQuote;
	expect(quote.due.toString()).toBe(amount.toString());
	desk.pay(ref, amount, receiptNo);
}

const shop = {
	type: 'license.apply',
	name: 'Delta Builders',
	owner: 'Ana Ruiz',
	address: '120 W 10th St',
	classification: 'contractor',
	homeBased: false,
	commercialPremises: true,
	tenantImprovements: true,
	startDate: '2026-10-01',
	projectedGrossReceipts: '700,000.00'
};

const onFile = {
	type: 'license.record-business',
	name: 'Central Valley Roofing',
	owner: 'Lee Park',
	address: '55 Grant Line Rd',
	classification: 'contractor',
	homeBased: false,
	commercialPremises: true,
	tenantImprovements: false,
	startDate: '2019-03-01',
	lastTaxYear: 2025,
	lastGrossReceipts: '750000.00'
};

const license = (no: string) => state.licenses.licenses[no]!;

describe('new business application', () => {
	test('contractor starting October 1 projecting $700,000: Dr 1220 $441.50 / Cr 4210 $37.50 + $400.00 / Cr 2210 $4.00', () => {
		state = engine.emptyState('2026-09-20');
		const [event] = run(shop);
		expect(event!.journal!.lines).toEqual([
			{ account: '1220', debit: '441.50', sub: 'bl:BIZ-000001' },
			{ account: '4210', credit: '37.50' },
			{ account: '4210', credit: '400.00' },
			{ account: '2210', credit: '4.00' }
		]);
		const l = license('BL-2026-0001');
		expect([l.status, l.tax.toString(), l.prorationPercent, l.expires]).toEqual(['applied', '437.50', 75, '2027-06-30']);
		expect(l.clearances.map((c) => [c.department, c.status])).toEqual([
			['planning', 'pending'],
			['building', 'pending'],
			['fire', 'pending']
		]);
		expect(subBalance(state.ledger, 'bl:BIZ-000001').toString()).toBe('441.50');
		expect(glBalance(state.ledger, '2210').toString()).toBe('-4.00');
	});

	test('retail starting in February pays 50% of $50.00 = $25.00 plus $4.00 state fee: $29.00 owed; zero rate line is not posted', () => {
		state = engine.emptyState('2027-02-01');
		const [event] = run({ ...shop, classification: 'retail-wholesale', startDate: '2027-02-15', projectedGrossReceipts: '120000' });
		expect(event!.journal!.lines.map((l) => l.debit ?? l.credit)).toEqual(['29.00', '25.00', '4.00']);
		expect((target.quote(state, 'BIZ-000001') as PaymentQuote).due.toString()).toBe('29.00');
	});

	test('applying for a start date before this tax year is refused (back taxes go to the supervisor)', () => {
		state = engine.emptyState('2026-07-01');
		rejects({ ...shop, startDate: '2026-06-30' }, 'policy', 'startDate');
		rejects({ ...shop, startDate: '2028-07-01' }, 'policy', 'startDate');
	});

	test('the same business name at the same address cannot apply twice: it renews instead', () => {
		state = engine.emptyState('2026-09-20');
		run(shop);
		rejects({ ...shop, name: 'delta builders' }, 'policy', 'name');
	});
});

describe('clearances and approval', () => {
	test('approval waits for every routed department: Planning, Building and Fire must all clear', () => {
		state = engine.emptyState('2026-09-20');
		run(shop);
		const msg = rejects({ type: 'license.approve', licenseNo: 'BL-2026-0001' }, 'policy');
		expect(msg!.message).toMatch(/Planning has not cleared it yet; Building has not cleared it yet; Fire has not cleared it yet/);
		run({ type: 'license.decide-clearance', licenseNo: 'BL-2026-0001', department: 'planning', decision: 'cleared' });
		expect(license('BL-2026-0001').status).toBe('in-review');
		run({ type: 'license.decide-clearance', licenseNo: 'BL-2026-0001', department: 'building', decision: 'cleared' });
		run({ type: 'license.decide-clearance', licenseNo: 'BL-2026-0001', department: 'fire', decision: 'denied', note: 'Exit sign missing' });
		expect(rejects({ type: 'license.approve', licenseNo: 'BL-2026-0001' }, 'policy')!.message).toMatch(/Fire denied it/);
		// After the fix, Fire re-inspects and clears.
		run({ type: 'license.decide-clearance', licenseNo: 'BL-2026-0001', department: 'fire', decision: 'cleared' });
		rejects({ type: 'license.decide-clearance', licenseNo: 'BL-2026-0001', department: 'fire', decision: 'cleared' }, 'wrong-status');
		run({ type: 'license.approve', licenseNo: 'BL-2026-0001' });
		const l = license('BL-2026-0001');
		expect(l.status).toBe('approved');
		expect(l.certificate).toMatchObject({
			number: 'BL-2026-0001',
			businessName: 'Delta Builders',
			address: '120 W 10th St',
			classification: 'Contractors',
			taxYear: '2026-27',
			expires: '2027-06-30'
		});
		expect(l.certificate!.notice).toMatch(/Post this certificate at the place of business/);
		// The customer may bring the license number instead of the business id.
		expect((target.quote(state, 'bl-2026-0001') as PaymentQuote).label).toBe('Business license BIZ-000001 — Delta Builders');
		expect(target.creditLines(state, 'BL-2026-0001', money('1.00'))[0]!.sub).toBe('bl:BIZ-000001');
		rejects({ type: 'license.approve', licenseNo: 'BL-2026-0001' }, 'wrong-status');
		rejects({ type: 'license.decide-clearance', licenseNo: 'BL-2026-0001', department: 'fire', decision: 'cleared' }, 'wrong-status');
	});

	test('Police clears regulated classes; a department the application was not routed to is refused', () => {
		state = engine.emptyState('2026-09-20');
		run({ ...shop, classification: 'other', regulated: 'secondhand-dealer', commercialPremises: false, tenantImprovements: false });
		expect(license('BL-2026-0001').clearances.map((c) => c.department)).toEqual(['planning', 'police']);
		rejects({ type: 'license.decide-clearance', licenseNo: 'BL-2026-0001', department: 'fire', decision: 'cleared' }, 'policy', 'department');
	});

	test('home-based business: Planning clears it only with a home occupation permit number', () => {
		state = engine.emptyState('2026-09-20');
		run({ ...shop, homeBased: true, commercialPremises: false, tenantImprovements: false, classification: 'professional-personal' });
		rejects({ type: 'license.decide-clearance', licenseNo: 'BL-2026-0001', department: 'planning', decision: 'cleared' }, 'policy', 'homeOccupationPermitNo');
		rejects({ type: 'license.decide-clearance', licenseNo: 'BL-2026-0001', department: 'planning', decision: 'denied' }, 'invalid-input', 'note');
		run({ type: 'license.decide-clearance', licenseNo: 'BL-2026-0001', department: 'planning', decision: 'cleared', homeOccupationPermitNo: 'HOP-26-031' });
		expect(license('BL-2026-0001').clearances[0]).toMatchObject({ status: 'cleared', homeOccupationPermitNo: 'HOP-26-031', decidedBy: 'clerk1', decidedOn: '2026-09-20' });
	});
});

describe('paying a license (payment target "license")', () => {
	test('licenses are paid in full: quote $441.50, no partial, no overpayment; Cr 1220 bl:BIZ-000001', () => {
		state = engine.emptyState('2026-09-20');
		run(shop);
		const quote = target.quote(state, 'BIZ-000001') as PaymentQuote;
		expect(quote).toMatchObject({ label: 'Business license BIZ-000001 — Delta Builders', partialAllowed: false, overpaymentAllowed: false, cashOnly: false });
		expect(quote.due.toString()).toBe('441.50');
		const lines = target.creditLines(state, 'BIZ-000001', money('441.50'));
		expect(lines).toEqual([{ account: '1220', credit: money('441.50'), sub: 'bl:BIZ-000001' }]);
	});

	test('paid while under review stays under review; approval then makes it active at once', () => {
		state = engine.emptyState('2026-09-20');
		run(shop);
		pay('BIZ-000001', money('441.50'));
		expect(license('BL-2026-0001')).toMatchObject({ status: 'applied', paid: true, paidReceipt: 'R-000001' });
		expect('code' in target.quote(state, 'BIZ-000001')).toBe(true); // nothing owed now
		for (const department of ['planning', 'building', 'fire']) run({ type: 'license.decide-clearance', licenseNo: 'BL-2026-0001', department, decision: 'cleared' });
		run({ type: 'license.approve', licenseNo: 'BL-2026-0001' });
		expect(license('BL-2026-0001').status).toBe('active');
	});

	test('paid after approval: approved → active; a void reverses it: Dr 1220 $441.50, back to approved and owing', () => {
		state = engine.emptyState('2026-09-20');
		run({ ...shop, commercialPremises: false, tenantImprovements: false });
		run({ type: 'license.decide-clearance', licenseNo: 'BL-2026-0001', department: 'planning', decision: 'cleared' });
		run({ type: 'license.approve', licenseNo: 'BL-2026-0001' });
		pay('BIZ-000001', money('441.50'));
		expect(license('BL-2026-0001').status).toBe('active');
		expect(target.reversalLines(state, 'BIZ-000001', money('441.50'), { receiptNo: 'R-000001', date: '2026-09-20' })).toEqual([
			{ account: '1220', debit: money('441.50'), sub: 'bl:BIZ-000001' }
		]);
		reverse('BIZ-000001', money('441.50'));
		expect(license('BL-2026-0001')).toMatchObject({ status: 'approved', paid: false });
		expect(license('BL-2026-0001').paidReceipt).toBeUndefined();
		expect((target.quote(state, 'BIZ-000001') as PaymentQuote).due.toString()).toBe('441.50');
	});

	test('quote refuses unknown businesses and odd references instead of throwing', () => {
		state = engine.emptyState('2026-09-20');
		for (const ref of ['BIZ-999999', '', 'constructor', '__proto__', 42 as unknown as string]) {
			expect(target.quote(state, ref)).toMatchObject({ code: 'not-found' });
		}
	});
});

describe('renewals', () => {
	test('contractor renewing July 15 on $800,000 gross: $50.00 + 0.20% × $300,000 = $650.00, plus $4.00 state fee = $654.00, no penalty', () => {
		state = engine.emptyState('2026-07-01');
		run(onFile);
		expect(license('BL-2025-0001')).toMatchObject({ kind: 'on-file', status: 'expired', paid: true });
		nextDays('2026-07-15');
		const [event] = run({ type: 'license.renew', businessId: 'BIZ-000001', grossReceipts: '800000.00' });
		expect(event!.journal!.lines).toEqual([
			{ account: '1220', debit: '654.00', sub: 'bl:BIZ-000001' },
			{ account: '4210', credit: '50.00' },
			{ account: '4210', credit: '600.00' },
			{ account: '2210', credit: '4.00' }
		]);
		expect(license('BL-2026-0001')).toMatchObject({ kind: 'renewal', status: 'approved', penaltyMonths: 0 });
		expect(license('BL-2026-0001').certificate!.expires).toBe('2027-06-30');
		pay('BIZ-000001', money('654.00'));
		expect(license('BL-2026-0001').status).toBe('active');
		nextDays('2026-08-02'); // paid on time: no penalty on August 1
		expect(glBalance(state.ledger, '4220').toString()).toBe('0.00');
	});

	test('renewal paid September 10: two months late, penalty 20% of tax = $130.00 (Aug 1 $65.00 + Sep 1 $65.00), none on the $4.00 fee', () => {
		state = engine.emptyState('2026-07-01');
		run(onFile);
		nextDays('2026-07-20');
		run({ type: 'license.renew', businessId: 'BIZ-000001', grossReceipts: '800000.00' });
		nextDays('2026-09-10');
		expect(license('BL-2026-0001')).toMatchObject({ status: 'delinquent', penaltyMonths: 2 });
		expect(license('BL-2026-0001').penalty.toString()).toBe('130.00');
		expect(glBalance(state.ledger, '4220').toString()).toBe('-130.00');
		pay('BIZ-000001', money('784.00'));
		expect(license('BL-2026-0001').status).toBe('active');
		nextDays('2026-10-02'); // paid: no October penalty
		expect(license('BL-2026-0001').penalty.toString()).toBe('130.00');
	});

	test('renewal filed October 5 carries the penalty at filing: 3 months × 10% × $650.00 = $195.00; Dr 1220 $849.00', () => {
		state = engine.emptyState('2026-07-01');
		run(onFile);
		run({ type: 'clock.set-date', to: '2026-10-05' });
		const [event] = run({ type: 'license.renew', businessId: 'BIZ-000001', grossReceipts: '800000.00' });
		expect(event!.journal!.lines).toContainEqual({ account: '4220', credit: '195.00' });
		expect(event!.journal!.lines[0]).toEqual({ account: '1220', debit: '849.00', sub: 'bl:BIZ-000001' });
		expect(license('BL-2026-0001')).toMatchObject({ status: 'delinquent', penaltyMonths: 3 });
	});

	test('penalty caps at 50%: unpaid from August to January, $650.00 × 50% = $325.00 and no more', () => {
		state = engine.emptyState('2026-07-01');
		run(onFile);
		run({ type: 'clock.set-date', to: '2026-08-10' });
		run({ type: 'license.renew', businessId: 'BIZ-000001', grossReceipts: '800000.00' });
		expect(license('BL-2026-0001').penalty.toString()).toBe('65.00');
		nextDays('2027-01-15');
		expect([license('BL-2026-0001').penalty.toString(), license('BL-2026-0001').penaltyMonths]).toEqual(['325.00', 5]);
		expect((target.quote(state, 'BIZ-000001') as PaymentQuote).due.toString()).toBe('979.00');
	});

	test('a late renewal paid and then reversed (returned check) after July 31 is delinquent again and its penalty resumes', () => {
		state = engine.emptyState('2026-07-01');
		run(onFile);
		run({ type: 'license.renew', businessId: 'BIZ-000001', grossReceipts: '800000.00' });
		pay('BIZ-000001', money('654.00'));
		run({ type: 'clock.set-date', to: '2026-08-15' });
		reverse('BIZ-000001', money('654.00'));
		expect(license('BL-2026-0001').status).toBe('delinquent');
		nextDays('2026-08-16');
		expect(license('BL-2026-0001').penalty.toString()).toBe('65.00');
	});

	test('renewals: one per tax year, only for a business licensed before, not for a past year, next year from May 16', () => {
		state = engine.emptyState('2026-07-01');
		run(onFile);
		run({ ...onFile, name: 'New Shop', lastTaxYear: undefined, lastGrossReceipts: undefined });
		rejects({ type: 'license.renew', businessId: 'BIZ-000002', grossReceipts: '1000.00' }, 'policy', 'businessId');
		rejects({ type: 'license.renew', businessId: 'BIZ-000001', grossReceipts: '1000.00', taxYear: 2025 }, 'policy', 'taxYear');
		run({ type: 'license.renew', businessId: 'BIZ-000001', grossReceipts: '1000.00' });
		rejects({ type: 'license.renew', businessId: 'BIZ-000001', grossReceipts: '1000.00' }, 'wrong-status', 'taxYear');
		run({ type: 'clock.set-date', to: '2027-05-15' });
		rejects({ type: 'license.renew', businessId: 'BIZ-000001', grossReceipts: '1000.00', taxYear: 2027 }, 'policy', 'taxYear');
		run({ type: 'clock.set-date', to: '2027-05-16' });
		run({ type: 'license.renew', businessId: 'BIZ-000001', grossReceipts: '1000.00', taxYear: '2027' });
		expect(license('BL-2027-0001')).toMatchObject({ status: 'approved', penaltyMonths: 0, expires: '2028-06-30' });
	});
});

describe('the tax-year calendar runs on new days', () => {
	test('renewal notices go out May 16 (45 days before June 30); certificates expire on July 1', () => {
		state = engine.emptyState('2027-05-01');
		run({ ...onFile, lastTaxYear: 2026 });
		expect(license('BL-2026-0001').status).toBe('active');
		nextDays('2027-05-16');
		expect(state.licenses.noticesSent['2027']).toEqual(['BIZ-000001']);
		nextDays('2027-06-30');
		expect(license('BL-2026-0001').status).toBe('active');
		nextDays('2027-07-01');
		expect(license('BL-2026-0001').status).toBe('expired');
	});
});

describe('malformed input is rejected, never thrown, and changes nothing', () => {
	const bad: Array<[string, Command, string]> = [
		['missing name', { ...shop, name: undefined }, 'name'],
		['empty name', { ...shop, name: '   ' }, 'name'],
		['name not text', { ...shop, name: 42 }, 'name'],
		['huge name', { ...shop, name: 'x'.repeat(500) }, 'name'],
		['control characters', { ...shop, owner: 'Ana\u0000' }, 'owner'],
		['unknown classification', { ...shop, classification: 'bakery' }, 'classification'],
		['unknown regulated type', { ...shop, regulated: 'casino' }, 'regulated'],
		['home-based as text', { ...shop, homeBased: 'yes' }, 'homeBased'],
		['home-based and commercial', { ...shop, homeBased: true }, 'commercialPremises'],
		['no start date', { ...shop, startDate: undefined }, 'startDate'],
		['impossible start date', { ...shop, startDate: '2026-02-30' }, 'startDate'],
		['receipts as a JS number', { ...shop, projectedGrossReceipts: 700000 }, 'projectedGrossReceipts'],
		['negative receipts', { ...shop, projectedGrossReceipts: '-5.00' }, 'projectedGrossReceipts'],
		['three decimals', { ...shop, projectedGrossReceipts: '700000.005' }, 'projectedGrossReceipts'],
		['huge receipts', { ...shop, projectedGrossReceipts: '99999999999999999' }, 'projectedGrossReceipts'],
		['junk receipts', { ...shop, projectedGrossReceipts: 'lots' }, 'projectedGrossReceipts'],
		['clearance: unknown license', { type: 'license.decide-clearance', licenseNo: 'BL-2026-9999', department: 'planning', decision: 'cleared' }, 'licenseNo'],
		['clearance: prototype key', { type: 'license.decide-clearance', licenseNo: 'constructor', department: 'planning', decision: 'cleared' }, 'licenseNo'],
		['clearance: unknown department', { type: 'license.decide-clearance', licenseNo: 'BL-2026-0001', department: 'parks', decision: 'cleared' }, 'department'],
		['clearance: bad decision', { type: 'license.decide-clearance', licenseNo: 'BL-2026-0001', department: 'planning', decision: 'maybe' }, 'decision'],
		['approve: missing number', { type: 'license.approve' }, 'licenseNo'],
		['approve: number not text', { type: 'license.approve', licenseNo: ['BL-2026-0001'] }, 'licenseNo'],
		['renew: unknown business', { type: 'license.renew', businessId: 'BIZ-404', grossReceipts: '1.00' }, 'businessId'],
		['renew: zero-padded junk year', { type: 'license.renew', businessId: 'BIZ-000001', grossReceipts: '1.00', taxYear: 'next' }, 'taxYear'],
		['renew: fractional year', { type: 'license.renew', businessId: 'BIZ-000001', grossReceipts: '1.00', taxYear: 2026.5 }, 'taxYear'],
		['renew: missing receipts', { type: 'license.renew', businessId: 'BIZ-000001' }, 'grossReceipts'],
		['record: last year in the future', { ...onFile, type: 'license.record-business', name: 'Other', lastTaxYear: 2030 }, 'lastTaxYear'],
		['record: start in the future', { ...onFile, type: 'license.record-business', name: 'Other', startDate: '2030-01-01' }, 'startDate']
	];

	test.each(bad)('%s', (_name, cmd, field) => {
		state = engine.emptyState('2026-09-20');
		run({ ...onFile, lastTaxYear: 2025 });
		run(shop);
		rejects(cmd, undefined, field);
	});

	test('property: any junk in any license command field is rejected or accepted, never thrown; the books stay balanced', () => {
		const types = ['license.apply', 'license.decide-clearance', 'license.approve', 'license.renew', 'license.record-business'];
		const fields = ['name', 'owner', 'address', 'classification', 'regulated', 'homeBased', 'commercialPremises', 'tenantImprovements', 'startDate', 'projectedGrossReceipts', 'licenseNo', 'department', 'decision', 'note', 'homeOccupationPermitNo', 'businessId', 'taxYear', 'grossReceipts', 'lastTaxYear', 'lastGrossReceipts'];
		fc.assert(
			fc.property(fc.constantFrom(...types), fc.dictionary(fc.constantFrom(...fields), fc.anything()), fc.boolean(), (type, junk, overGood) => {
				state = engine.emptyState('2026-09-20');
				run({ ...onFile, lastTaxYear: 2025 });
				run(shop);
				const base = overGood ? (type === 'license.apply' ? shop : type === 'license.record-business' ? { ...onFile, name: 'Z' } : { licenseNo: 'BL-2026-0001', businessId: 'BIZ-000001' }) : {};
				const before = JSON.stringify(state);
				const result = engine.execute(state, { ...base, ...junk, type }, ctx);
				if (!result.ok) expect(JSON.stringify(state)).toBe(before);
				expect(ledgerProblems(state.ledger)).toEqual([]);
			}),
			{ numRuns: 300 }
		);
	});
});

describe('determinism', () => {
	const script: Command[] = [
		onFile,
		{ type: 'clock.set-date', to: '2026-07-28' },
		{ type: 'license.renew', businessId: 'BIZ-000001', grossReceipts: '800000.00' },
		shop,
		{ type: 'license.decide-clearance', licenseNo: 'BL-2026-0002', department: 'fire', decision: 'denied', note: 'No extinguisher' },
		...Array.from({ length: 40 }, () => ({ type: 'clock.next-day' }))
	];

	test('the same commands give the same state byte for byte, and replaying the event log reproduces it', () => {
		state = engine.emptyState('2026-07-01');
		const log = script.flatMap((cmd) => run(cmd));
		const again = engine.emptyState('2026-07-01');
		for (const cmd of script) expect(engine.execute(again, cmd, ctx).ok).toBe(true);
		expect(JSON.stringify(again)).toBe(JSON.stringify(state));
		expect(JSON.stringify(engine.replay(engine.emptyState('2026-07-01'), log))).toBe(JSON.stringify(state));
		expect(license('BL-2026-0001').penalty.toString()).toBe('130.00'); // Aug 1 and Sep 1
	});
});
