import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Command } from '../model';
import { utilityPaymentTarget } from './payment-target';
import { World, billedOwner, checkWorlds, clerk, open, startCommand } from './test-support';

/**
 * Every command, fed malformed or random input, answers with a typed rejection (never a throw), never
 * changes the state when it rejects, and whatever it accepts keeps the books balanced and replayable.
 */

afterEach(checkWorlds);

// Values a form, a scenario file or a fuzzer could send in any field.
const JUNK: unknown[] = [undefined, null, '', '   ', 'abc', '-1', '0', '0.00', '-5.00', '12.345', '1e5', '99999999999999999999', '1,2,3', 12.5, -3, 0, 7, Number.NaN, Number.POSITIVE_INFINITY, {}, [], ['100-0001'], true, false, '__proto__', 'constructor', 'toString', 'a\u0000b', 'x'.repeat(600), '2026-02-30', '2026-13-01'];

// Plausible values per field, so fuzzed commands also reach the deeper checks (and sometimes succeed).
const GOOD: Record<string, unknown[]> = {
	account: ['100-0001', '100-0002', '100-0003', '100-0004', '100-0005', '100-9999'],
	toAccount: ['100-0001', '100-0002'],
	customerId: ['UC-000001', 'UC-000404'],
	amount: ['10.00', '50.00', '72.00', '0.01', '$1,234.50'],
	solidWasteContract: ['0', '120.00'],
	reading: ['1018', '1030', '999', '5000'],
	startRead: ['0', '1000'],
	date: ['2026-09-03', '2026-08-01', '2026-09-01'],
	readDate: ['2026-09-03', '2026-09-02'],
	stopDate: ['2026-09-03', '2026-09-02', '2026-07-01'],
	startDate: ['2026-09-03', '2026-09-10', '2026-12-01'],
	until: ['2026-12-31', '2027-09-04', '2026-09-03'],
	reason: ['moving', 'sold', 'vacant', 'billing-error', 'meter-misread', 'leak', 'penalty-waiver', 'fee-waiver', 'transfer', 'NSF check 1043'],
	fee: ['nsf', 'cut-lock', 'meter-test', 'disconnect-reconnect', 'pull-meter'],
	service: ['water', 'wastewater', 'solid-waste', 'storm-drain'],
	direction: ['credit', 'charge'],
	itemId: ['UI-000001', 'UI-000002', 'UI-000003', 'UI-000009'],
	billId: ['UB-000001', 'UB-000009'],
	months: ['1', '6', '9', '12', '13'],
	deviation: ['+2.10', '-1.5', '1.6%', '0'],
	class: ['residential', 'commercial'],
	dwelling: ['single', 'multi'],
	units: ['2', '4'],
	meterSize: ['5/8', '3/4', '1', '1.5', '2'],
	cartSize: ['35', '64', '96'],
	parcels: ['1', '2'],
	occupancy: ['owner', 'tenant'],
	proof: ['deed', 'lease', 'escrow', 'tax-bill'],
	photoIdChecked: [true, false, 'true'],
	suspended: [true, false],
	name: ['Ken Ito'],
	phone: ['(209) 555-0199', '555-0199'],
	mailingAddress: ['PO Box 9, Tracy CA'],
	serviceAddress: ['12 Oak St', '99 New Rd', '40 Pine Ave'],
	note: ['Customer called'],
	certifiedBy: ['Dr. Ana Ruiz'],
	repairProof: ['Plumber invoice 2231']
};

const LOCATION = ['serviceAddress', 'class', 'dwelling', 'units', 'meterSize', 'cartSize', 'solidWasteContract', 'parcels', 'occupancy', 'proof', 'startDate', 'startRead'];
const STOP = ['account', 'stopDate', 'reading', 'readDate'];

const FIELDS: Record<string, string[]> = {
	'utility.start-service': ['customerId', 'name', 'phone', 'mailingAddress', 'photoIdChecked', ...LOCATION],
	'utility.stop-service': [...STOP, 'reason'],
	'utility.transfer-service': [...STOP, ...LOCATION, 'mailingAddress'],
	'utility.record-read': ['account', 'reading', 'date'],
	'utility.run-bill': ['account'],
	'utility.charge-fee': ['account', 'fee'],
	'utility.record-meter-test': ['account', 'deviation'],
	'utility.adjust': ['account', 'reason', 'amount', 'itemId', 'billId', 'service', 'direction', 'toAccount', 'note', 'repairProof'],
	'utility.create-plan': ['account', 'months'],
	'utility.send-notice': ['account'],
	'utility.post-door-hanger': ['account'],
	'utility.disconnect': ['account'],
	'utility.restore': ['account'],
	'utility.record-medical-cert': ['account', 'until', 'certifiedBy'],
	'utility.set-cash-only': ['account', 'until', 'reason'],
	'utility.suspend-solid-waste': ['account', 'suspended'],
	'utility.add-note': ['account', 'note']
};

// A command of `type` whose fields are each junk or plausible; all present, or each maybe absent.
function commandArb(type: string, junkWeight: number, allPresent: boolean): fc.Arbitrary<Command> {
	const fields = FIELDS[type]!;
	const value = (f: string) => fc.oneof({ arbitrary: fc.constantFrom(...JUNK), weight: junkWeight }, { arbitrary: fc.constantFrom(...(GOOD[f] ?? JUNK)), weight: 12 });
	const record = fc.record(Object.fromEntries(fields.map((f) => [f, value(f)])), allPresent ? {} : { requiredKeys: [] });
	return record.map((r) => ({ type, ...r }) as Command);
}

const anyCommand = (junkWeight: number, allPresent = false) => fc.constantFrom(...Object.keys(FIELDS)).chain((type) => commandArb(type, junkWeight, allPresent));

// Sept 3, 2026 (the bill run is two days away): 100-0001 owner billed $189.37 with an $18.94 penalty and a
// meter-test fee; 100-0002 tenant pending its deposit; 100-0003 tenant stopped (closed).
function richWorld(): World {
	const w = new World();
	billedOwner(w);
	open(w, { name: 'Ken Ito', serviceAddress: '40 Pine Ave', occupancy: 'tenant', proof: 'lease' });
	const closed = open(w, { name: 'Lee Park', serviceAddress: '7 Elm Ct', occupancy: 'tenant', proof: 'lease' });
	w.ok({ type: 'utility.stop-service', account: closed, reason: 'moving' });
	w.advanceTo('2026-09-03');
	w.ok({ type: 'utility.charge-fee', account: '100-0001', fee: 'meter-test' });
	return w;
}

describe('malformed input never throws and never changes state', () => {
	it('every field of every command, junk or plausible: decide answers (typed rejection or events) without touching the state', () => {
		const w = richWorld();
		const before = JSON.stringify(w.state);
		fc.assert(
			fc.property(fc.oneof(anyCommand(8), anyCommand(1, true)), (command) => {
				const decision = w.engine.decide(w.state, command, { actor: clerk, at: '2026-09-03T09:00:00Z' });
				if (!decision.ok) {
					expect(decision.rejection.message.length).toBeGreaterThan(10);
					expect(['invalid-input', 'not-found', 'wrong-status', 'over-authority', 'policy', 'not-allowed']).toContain(decision.rejection.code);
				}
				expect(JSON.stringify(w.state)).toBe(before);
			}),
			{ numRuns: 2000, seed: 20260827 }
		);
	});

	it.each(Object.keys(FIELDS))('%s with no fields at all is rejected with a field named', (type) => {
		const w = richWorld();
		const r = w.rejects({ type });
		expect(r.field ?? '').not.toBe('');
	});

	it.each([
		['amount as a JS number', { amount: 72 }, 'amount'],
		['three decimals', { amount: '12.345' }, 'amount'],
		['negative', { amount: '-5.00' }, 'amount'],
		['zero', { amount: '0.00' }, 'amount'],
		['huge', { amount: '99999999999999999999' }, 'amount'],
		['unknown account', { account: '100-9999' }, 'account'],
		['prototype key as account', { account: 'constructor' }, 'account'],
		['empty reason', { reason: '' }, 'reason']
	])('utility.adjust with %s is rejected on the field at fault', (_label, bad, field) => {
		const w = richWorld();
		const r = w.rejects({ type: 'utility.adjust', account: '100-0001', reason: 'billing-error', service: 'water', amount: '10.00', note: 'x', ...bad });
		expect(r.field).toBe(field);
	});

	it('start-service with junk in each field in turn is rejected, naming that field', () => {
		const w = richWorld();
		for (const field of ['name', 'phone', 'mailingAddress', 'serviceAddress', 'class', 'meterSize', 'cartSize', 'occupancy', 'proof', 'startRead', 'parcels', 'startDate']) {
			const enumField = ['class', 'meterSize', 'cartSize', 'occupancy', 'proof'].includes(field);
			const optional = field === 'parcels' || field === 'startDate'; // absent means 1 parcel, starting today
			for (const junk of [...(optional ? [] : [null]), 12.5, {}, 'x'.repeat(600), ...(enumField ? ['constructor', 'toString'] : [])]) {
				const result = w.run(startCommand({ serviceAddress: '99 New Rd', [field]: junk }));
				if (result.ok) throw new Error(`start-service accepted ${field} = ${JSON.stringify(junk)}`);
				expect(result.rejection.field).toBe(field);
			}
		}
	});

	it('the payment target answers any ref without throwing', () => {
		const w = richWorld();
		for (const ref of JUNK) expect(() => utilityPaymentTarget.quote(w.state, ref as string)).not.toThrow();
	});
});

describe('random command sequences keep the books', () => {
	it('after any sequence of commands and new days: ledger balances, subledgers = controls = slice, replay and a second run give the same state', () => {
		// New accounts at new addresses, so stops, transfers and bills of fresh accounts happen too.
		const freshStart = fc
			.record({ serviceAddress: fc.constantFrom('99 New Rd', '5 Bay St'), who: fc.constantFrom(['owner', 'deed'], ['tenant', 'lease']) })
			.map(({ serviceAddress, who }) => startCommand({ name: 'Ken Ito', serviceAddress, occupancy: who[0], proof: who[1] }));
		const step = fc.oneof({ arbitrary: anyCommand(0, true), weight: 5 }, { arbitrary: anyCommand(1), weight: 1 }, { arbitrary: freshStart, weight: 1 }, { arbitrary: fc.constant<Command>({ type: 'clock.next-day' }), weight: 2 }, { arbitrary: fc.record({ type: fc.constant('pay'), amount: fc.constantFrom('5.00', '50.00', '189.37', '400.00'), account: fc.constantFrom('100-0001', '100-0002') }) as fc.Arbitrary<Command>, weight: 2 });
		const seen = new Set<string>();
		fc.assert(
			fc.property(fc.array(step, { minLength: 1, maxLength: 30 }), (steps) => {
				const run = () => {
					const w = richWorld();
					const start = w.log.length;
					for (const s of steps) {
						if (s.type === 'pay') {
							if (w.run({ type: 'test.pay', ref: s.account, amount: s.amount, receiptNo: `F-${w.log.length}` }).ok) continue;
						} else w.run(s);
					}
					for (const e of w.log.slice(start)) seen.add(e.type);
					return w;
				};
				const a = run();
				const b = run();
				a.check();
				expect(JSON.stringify(b.state)).toBe(JSON.stringify(a.state));
			}),
			{ numRuns: 150, seed: 998 }
		);
		// The fuzzer must reach past validation: most kinds of event happen somewhere in the runs.
		for (const type of ['utility.adjusted', 'utility.account-opened', 'utility.fee-charged', 'utility.read-recorded', 'utility.account-closed', 'utility.plan-created', 'utility.bill-issued', 'test.paid']) expect(seen).toContain(type);
	});
});
