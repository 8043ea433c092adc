import { beforeAll, describe, expect, it } from 'vitest';
import { Money } from '$lib/money';
import { STANDARD_FLOAT } from './cashiering';
import { subBalance } from './ledger';
import type { Actor, Command, DomainEvent, RejectionCode, SandboxState } from './model';
import { createClerkSystem } from './system';
import { startCommand } from './utility/test-support';
import { CLERK, CLERK2, SUPERVISOR } from './workload';

/**
 * Bad input, command by command. For EVERY command type the engine knows, a template command that
 * works on a sandbox with data in it (drawers, receipts, voids, returned checks, approvals, bills and
 * penalties, licenses, permits, invoices, mail, vendor invoices) has each of its fields replaced by
 * malformed values — negative, zero, three decimals, unknown ids, "constructor"/"__proto__", wrong
 * status, huge numbers, empty strings, wrong types, missing fields, nested junk.
 *
 * Every attempt: never throws; when rejected, returns a code and a readable message, leaves
 * JSON.stringify(state) unchanged, and is caught by real validation — never by the engine's
 * last-resort catch-all ("This could not be done with the values given…") or the cashiering
 * module's ("Part of this form could not be read…"), and never with a message leaking "undefined",
 * "NaN" or "[object Object]" (or stuttering "the the"). Values that no state could make valid for a field (listed per kind
 * of field below) must be rejected; any other value may be accepted when it is genuinely valid.
 */

const engine = createClerkSystem();
const START = '2026-07-01';
const TODAY = '2026-08-27';

const CATCH_ALLS = ['This could not be done with the values given', 'Part of this form could not be read'];
const CODES: readonly RejectionCode[] = ['invalid-input', 'unknown-command', 'not-found', 'wrong-status', 'over-authority', 'policy', 'not-allowed'];
const LEAKS = ['undefined', 'NaN', '[object Object]', 'function '];

// ---------- the sandbox the commands run on ----------

const check = (amount: string, checkNumber: string) => ({ type: 'check', amount, writtenAmount: amount, checkNumber, bank: 'Bank of Stockton', payee: 'City of Tracy', signed: true, checkDate: '2026-08-20' });
const counts = (extra: Partial<Record<keyof typeof STANDARD_FLOAT, number>>) => {
	const c = { ...STANDARD_FLOAT };
	for (const [k, n] of Object.entries(extra) as Array<[keyof typeof STANDARD_FLOAT, number]>) c[k] += n;
	return c;
};
// The utility tests' owner start, at another address and mailing address.
const owner = (serviceAddress: string, extra: Record<string, unknown> = {}) => startCommand({ mailingAddress: 'PO Box 12, Tracy CA 95376', serviceAddress, ...extra });
const business = (name: string, extra: Record<string, unknown> = {}) => ({
	name,
	owner: 'Ana Ruiz',
	address: `${name.length * 11} W 10th St`,
	classification: 'retail-wholesale',
	homeBased: false,
	commercialPremises: false,
	tenantImprovements: false,
	...extra
});

/** [actor, command] in order; every one must be accepted. Ids are checked after the run. */
function scenario(): Array<[Actor, Command]> {
	const c = CLERK;
	const s = SUPERVISOR;
	return [
		[c, { type: 'books.open-change-fund', amount: '1000.00' }],
		[c, owner('12 Oak St')], // 100-0001: billed, penalized, paid in part, meter test pending
		[c, owner('40 Pine Ave', { occupancy: 'tenant', proof: 'lease', name: 'Tom Lee' })], // 100-0002: deposit paid by a check that bounces
		[c, owner('500 Tracy Blvd', { class: 'commercial', dwelling: undefined, cartSize: undefined, solidWasteContract: '120.00', name: 'Delta Foods' })], // 100-0003
		[c, owner('77 Elm St', { name: 'Ken Ito' })], // 100-0004: for stop and transfer
		[c, { type: 'license.record-business', ...business('Delta Market'), startDate: '2019-05-01', lastTaxYear: '2025', lastGrossReceipts: '100000.00' }], // BIZ-000001, BL-2025-0001
		[c, { type: 'license.record-business', ...business('Valley Hardware'), startDate: '2018-02-01', lastTaxYear: '2025', lastGrossReceipts: '300000.00' }], // BIZ-000002, BL-2025-0002
		[c, { type: 'license.apply', ...business('Sunrise Books'), startDate: '2026-07-15', projectedGrossReceipts: '80000.00' }], // BIZ-000003, BL-2026-0001: planning only
		[c, { type: 'license.apply', ...business('Pioneer Plumbing', { classification: 'contractor', commercialPremises: true }), startDate: '2026-07-20', projectedGrossReceipts: '650000.00' }], // BIZ-000004, BL-2026-0002
		[c, { type: 'license.decide-clearance', licenseNo: 'BL-2026-0001', department: 'planning', decision: 'cleared' }],
		[c, { type: 'permit.record', number: 'BP-2026-0001', permitType: 'building', address: '9 Main St', applicant: 'Ana Ruiz', fees: [{ description: 'Plan check', amount: '100.00' }, { description: 'Inspection', amount: '25.50' }] }],
		[c, { type: 'permit.record', number: 'BP-2026-0002', permitType: 'electrical', address: '10 Main St', applicant: 'Bo Chen', fees: [{ description: 'Permit', amount: '80.00' }] }],
		[c, { type: 'ar.create-invoice', customer: 'Lions Club', description: 'Hall rental', category: 'rental', lines: [{ description: 'Hall', amount: '300.00' }] }], // INV-000001
		[c, { type: 'ar.create-invoice', customer: 'J. Smith', description: 'Fence damage', category: 'damage', lines: [{ description: 'Fence', amount: '120.00' }] }], // INV-000002
		[c, { type: 'ar.create-invoice', customer: 'K. Wong', description: 'Weeds', category: 'weed-abatement', invoiceDate: '2026-03-01', lines: [{ description: 'Lot 4', amount: '210.00' }] }], // INV-000003
		[c, { type: 'mail.receive', from: 'Ana Ruiz', addressedTo: 'City of Tracy — Finance', contents: 'Bill remittance slip and check', postmark: '2026-06-28', enclosure: { kind: 'check', number: '5512', bank: 'Chase', payer: 'Ana Ruiz', amount: '42.00', memo: '100-0001' } }], // MAIL-00001
		[c, { type: 'mail.receive', from: 'County of San Joaquin', addressedTo: 'City Clerk', contents: 'Letter' }], // MAIL-00002
		[c, { type: 'mail.receive', from: 'Unknown', addressedTo: 'Parks Dept', contents: 'Flyer' }], // MAIL-00003
		[c, { type: 'mail.stamp', itemId: 'MAIL-00001' }],
		[c, { type: 'mail.stamp', itemId: 'MAIL-00002' }],
		[c, { type: 'ap.add-vendor', name: 'Acme Supply', w9OnFile: true }], // V-0001
		[c, { type: 'ap.add-po', number: 'PO-2026-0001', vendorId: 'V-0001', department: 'Parks', amount: '5000.00' }],
		[c, { type: 'ap.add-receiving', poNumber: 'PO-2026-0001', receivedBy: 'Kim Lee', description: 'Mulch delivered' }],
		...[1, 2, 3].map((n): [Actor, Command] => [
			c,
			{ type: 'ap.receive-invoice', vendorId: 'V-0001', invoiceNumber: `A-${n}`, invoiceDate: '2026-06-20', poNumber: 'PO-2026-0001', lines: [{ description: 'Mulch', quantity: '3', unitPrice: '20.00', extension: '60.00' }], subtotal: '60.00', tax: '4.95', shipping: '0.00', total: '64.95', approvedBy: { name: 'Pat Doe', title: 'department head' } }
		]), // VI-00001..3
		[c, { type: 'ap.approve', invoiceId: 'VI-00003' }],
		[c, { type: 'clock.set-date', to: '2026-07-31' }],
		[c, { type: 'utility.record-read', account: '100-0001', reading: '1018' }],
		[c, { type: 'utility.record-read', account: '100-0003', reading: '1040' }],
		...Array.from({ length: 5 }, (): [Actor, Command] => [c, { type: 'clock.next-day' }]), // Aug 5: bills
		[c, { type: 'clock.set-date', to: '2026-08-26' }],
		[c, { type: 'clock.next-day' }], // Aug 27: late penalties
		[c, { type: 'license.renew', businessId: 'BIZ-000001', grossReceipts: '100000.00' }], // BL-2026-0003, late
		[c, { type: 'utility.charge-fee', account: '100-0001', fee: 'meter-test' }],
		[c, { type: 'cash.open-drawer', counts: STANDARD_FLOAT }], // DRW-000001
		[c, { type: 'cash.take-payment', lines: [{ kind: 'utility', ref: '100-0002', amount: '175.00' }], tenders: [check('175.00', '1001')] }], // R-000001
		[c, { type: 'cash.take-payment', lines: [{ kind: 'utility', ref: '100-0001', amount: '50.00' }], tenders: [{ type: 'cash', amount: '60.00' }] }], // R-000002
		[c, { type: 'cash.take-payment', lines: [{ kind: 'permit', ref: 'BP-2026-0002', amount: '80.00' }], tenders: [{ type: 'card', amount: '80.00', brand: 'Visa', last4: '4242', channel: 'counter' }] }], // R-000003
		[c, { type: 'cash.take-payment', lines: [{ kind: 'invoice', ref: 'INV-000002', amount: '40.00' }], tenders: [{ type: 'money-order', amount: '40.00', number: 'MO-1', issuer: 'USPS' }] }], // R-000004
		[c, { type: 'cash.take-payment', lines: [{ kind: 'invoice', ref: 'INV-000001', amount: '100.00' }], tenders: [check('100.00', '1002')] }], // R-000005
		[c, { type: 'cash.close-drawer', drawerId: 'DRW-000001', counts: counts({ 'bill-50': 1 }), checks: { count: 2, total: '275.00' }, moneyOrders: { count: 1, total: '40.00' }, cardBatchTotal: '80.00' }],
		[c, { type: 'cash.returned-check', receiptNo: 'R-000001', checkNumber: '1001', reason: 'nsf' }], // RC-000001
		[c, { type: 'cash.open-drawer', counts: STANDARD_FLOAT }], // DRW-000002
		[c, { type: 'cash.take-payment', lines: [{ kind: 'invoice', ref: 'INV-000001', amount: '20.00' }], tenders: [{ type: 'cash', amount: '20.00' }] }], // R-000006: voided
		[c, { type: 'cash.take-payment', lines: [{ kind: 'invoice', ref: 'INV-000001', amount: '10.00' }], tenders: [{ type: 'cash', amount: '10.00' }] }], // R-000007: void pending
		[c, { type: 'cash.take-payment', lines: [{ kind: 'invoice', ref: 'INV-000001', amount: '15.00' }], tenders: [{ type: 'cash', amount: '15.00' }] }], // R-000008
		[c, { type: 'approval.request', command: { type: 'cash.void-receipt', receiptNo: 'R-000006', reason: 'Wrong invoice', customerCopyReturned: true } }], // AP-000001
		[s, { type: 'approval.decide', id: 'AP-000001', approve: true, reason: 'ok' }],
		[c, { type: 'approval.request', command: { type: 'cash.void-receipt', receiptNo: 'R-000007', reason: 'Wrong invoice', customerCopyReturned: true } }], // AP-000002
		[c, { type: 'approval.request', command: { type: 'utility.adjust', account: '100-0001', reason: 'billing-error', service: 'water', amount: '75.00', note: 'Misread' } }] // AP-000003
	];
}

type Base = { events: DomainEvent[]; json: string };
let base: Base;

function fresh(): SandboxState {
	return engine.replay(engine.emptyState(START), JSON.parse(base.json) as DomainEvent[]);
}

beforeAll(() => {
	const state = engine.emptyState(START);
	const events: DomainEvent[] = [];
	for (const [i, [actor, command]] of scenario().entries()) {
		const r = engine.execute(state, command, { actor, at: `${state.businessDate}T09:${String(i % 60).padStart(2, '0')}:00Z` });
		if (!r.ok) throw new Error(`scenario step ${i} (${command.type}) rejected: ${r.rejection.message}`);
		events.push(...r.events);
	}
	base = { events, json: JSON.stringify(events) };
});

// ---------- malformed values by kind of field ----------

const MISSING = Symbol('missing field');
const PROTO = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];
const LONG = 'x'.repeat(5000);
const NESTED = { nested: { junk: [1, { deeper: [null, {}] }] } };
const TOO_MANY = (item: unknown) => Array.from({ length: 101 }, () => structuredClone(item));

type Kind = 'money+' | 'money0' | 'moneyOpt' | 'text' | 'textOpt' | 'ref' | 'date' | 'dateOpt' | 'enum' | 'enumOpt' | 'bool' | 'boolTrue' | 'int' | 'intOpt' | 'count' | 'list' | 'obj' | 'objOpt' | 'free';

const BAD_MONEY = ['-5.00', '-0.01', '12.345', '0.001', '1e5', 'abc', '$', '--5', '1,2,3', '99999999999999999999', 'NaN', 'Infinity', '5.00.00', 12.5, -1, 100, 0, Number.NaN, true, {}, [], ['10.00'], NESTED];
const BAD_DATE = ['2026-02-30', '2026-13-01', '2026-04-31', '2026-00-10', '2026-7-1', '07/01/2026', 'yesterday', '2026-08-27T10:00:00Z', 20260827, true, {}, [], NESTED];
const BAD_INT = ['-1', '1.5', 'abc', '1e3', '0x10', ' 1 2', -1, 1.5, Number.NaN, 1e300, Number.POSITIVE_INFINITY, true, {}, [], NESTED];
const BAD_TYPE = [42, -1, true, false, {}, [], ['a'], NESTED];

/** Values that no state can make valid for a field of this kind: they must be rejected. */
const MUST_REJECT: Record<Kind, unknown[]> = {
	'money+': [MISSING, null, '', '   ', '0', '0.00', '-0.00', ...BAD_MONEY],
	money0: [MISSING, null, '', '   ', ...BAD_MONEY],
	moneyOpt: BAD_MONEY,
	text: [MISSING, null, '', '   ', ...BAD_TYPE, LONG],
	textOpt: [...BAD_TYPE, LONG],
	ref: [MISSING, null, '', '   ', ...BAD_TYPE, ...PROTO, 'NOPE-999999', '999-9999', LONG],
	date: [MISSING, null, '', ...BAD_DATE],
	dateOpt: BAD_DATE,
	enum: [MISSING, null, '', 'nonsense', ...BAD_TYPE, ...PROTO],
	enumOpt: ['nonsense', ...BAD_TYPE, ...PROTO],
	bool: [MISSING, null, 'yes', 'maybe', 1, 0, {}, [], NESTED],
	boolTrue: [MISSING, null, false, 'yes', 'maybe', 1, 0, {}, [], NESTED],
	int: [MISSING, null, '', ...BAD_INT],
	intOpt: BAD_INT,
	/** A count of bills or coins: blank means none. */
	count: BAD_INT,
	list: [MISSING, null, [], 'x', 42, {}, true, [null], ['x'], [42], NESTED],
	obj: [MISSING, null, 'x', 42, [], true],
	objOpt: ['x', 42, true],
	free: []
};

/** Everything else a form, a scenario file or a fuzzer could send: tried on every field; may be accepted where genuinely valid. */
const TRY: unknown[] = [
	MISSING, null, undefined, '', '   ', '0', '0.00', '-0', '1', '100', '1,000.00', '$1,234.50', 'a\u0000b', '\u202e', '<script>', 'Robert"); DROP TABLE', 'ＡＢＣ', '😀', LONG,
	...PROTO, ...BAD_MONEY, ...BAD_DATE, ...BAD_INT, ...BAD_TYPE, '2026-08-27', '2099-12-31', '1900-01-01', 'true', 'false', Number.MAX_SAFE_INTEGER, -0, 0.1, { toString: 'x' }, { __proto__: null, a: 1 }
];

// ---------- templates: one or more per command type ----------

type Template = {
	name: string;
	actor?: Actor;
	/** On an empty sandbox instead of the one with data (books.open-change-fund). */
	empty?: boolean;
	command: Command;
	/** Whether the command as written is accepted (so rejections of its variants come from the variant). */
	valid: boolean;
	fields: Record<string, Kind>;
	/** More values that must be rejected for a field on this sandbox (wrong status, unknown, over a limit…). */
	reject?: Record<string, unknown[]>;
	/** Other actors that must be refused. */
	refusedFor?: Actor[];
};

const A = '100-0001';
const LOCATION = { serviceAddress: 'text', class: 'enum', dwelling: 'enum', meterSize: 'enum', cartSize: 'enum', parcels: 'intOpt', occupancy: 'enum', proof: 'enum', startRead: 'int', startDate: 'dateOpt' } as const;
const PROFILE = { name: 'text', owner: 'text', address: 'text', classification: 'enum', regulated: 'enumOpt', homeBased: 'bool', commercialPremises: 'bool', tenantImprovements: 'bool' } as const;
const STOP = { account: 'ref', stopDate: 'dateOpt', reading: 'int', readDate: 'dateOpt' } as const;

function templates(state: SandboxState): Template[] {
	const licenseDue = subBalance(state.ledger, 'bl:BIZ-000001').toString();
	const penalty = state.utility.items[A]?.find((i) => i.kind === 'penalty')?.id ?? 'UI-penalty-missing';
	const charge = state.utility.items[A]?.find((i) => i.kind === 'charge')?.id ?? 'UI-charge-missing';
	const closeBeyond = { type: 'cash.close-drawer', drawerId: 'DRW-000002', counts: counts({ 'bill-20': 2, 'bill-5': 1 }), checks: { count: 0, total: '0.00' }, cardBatchTotal: '0.00', explanation: 'Recounted twice with the lead clerk.' };
	const pay = (line: Record<string, unknown>, tender: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ type: 'cash.take-payment', lines: [line], tenders: [tender], ...extra });
	return [
		{ name: 'books.open-change-fund', empty: true, command: { type: 'books.open-change-fund', amount: '1000.00' }, valid: true, fields: { amount: 'money+' }, reject: { amount: ['100000.01'] } },
		{ name: 'books.open-change-fund (books already open)', command: { type: 'books.open-change-fund', amount: '1000.00' }, valid: false, fields: { amount: 'free' }, reject: { amount: ['1000.00', '5.00'] } },
		{ name: 'clock.next-day', command: { type: 'clock.next-day' }, valid: true, fields: {} },
		{ name: 'clock.set-date', command: { type: 'clock.set-date', to: '2026-09-01' }, valid: true, fields: { to: 'date' }, reject: { to: ['2026-08-26', '2026-01-01', '10000-01-01', '2026-09-31', '2026-13-01', '2027-02-29'] } },
		{
			name: 'approval.request (adjustment over $50)',
			command: { type: 'approval.request', command: { type: 'utility.adjust', account: A, reason: 'billing-error', service: 'water', amount: '75.00', note: 'Misread' }, note: 'Please' },
			valid: true,
			fields: { command: 'obj', 'command.type': 'enum', 'command.account': 'ref', 'command.reason': 'enum', 'command.service': 'enum', 'command.amount': 'money+', 'command.direction': 'enumOpt', 'command.note': 'text', note: 'free' },
			reject: { command: [{}, { type: 'cash.take-payment' }, { type: 'nonsense' }, { type: 42 }], 'command.type': ['cash.take-payment', 'clock.next-day', 'approval.request'] }
		},
		{
			name: 'approval.request (void)',
			command: { type: 'approval.request', command: { type: 'cash.void-receipt', receiptNo: 'R-000008', reason: 'Wrong invoice', customerCopyReturned: true } },
			valid: true,
			fields: { 'command.receiptNo': 'ref', 'command.reason': 'text', 'command.customerCopyReturned': 'boolTrue' },
			reject: { 'command.receiptNo': ['R-000006', 'R-000001', 'R-999999'] }
		},
		{
			name: 'approval.request (close-out beyond ±$2.00)',
			command: { type: 'approval.request', command: closeBeyond },
			valid: true,
			fields: {
				'command.drawerId': 'ref',
				'command.counts': 'obj',
				'command.counts.bill-5': 'count',
				'command.checks': 'obj',
				'command.checks.count': 'int',
				'command.checks.total': 'money0',
				'command.moneyOrders': 'objOpt',
				'command.cardBatchTotal': 'money0',
				'command.explanation': 'text',
				'command.note': 'textOpt'
			},
			reject: { 'command.drawerId': ['DRW-000001'], 'command.counts': [{ 'bill-3': 1 }, { 'bill-5': -1 }], 'command.explanation': ['Short', 'x'.repeat(1001)], 'command.checks.count': ['1'] }
		},
		{
			name: 'approval.request (plan over six months)',
			command: { type: 'approval.request', command: { type: 'utility.create-plan', account: A, months: '9' } },
			valid: true,
			fields: { 'command.account': 'ref', 'command.months': 'int' },
			reject: { 'command.account': ['100-0002'], 'command.months': ['13', '0', '100', '3'] }
		},
		{
			name: 'approval.decide (approve)',
			actor: SUPERVISOR,
			command: { type: 'approval.decide', id: 'AP-000003', approve: true, reason: 'Checked' },
			valid: true,
			fields: { id: 'ref', approve: 'bool', reason: 'free' },
			reject: { id: ['AP-000001', 'AP-999999', 'ap-000003'], approve: ['true', 'false'] },
			refusedFor: [CLERK, CLERK2]
		},
		{ name: 'approval.decide (deny)', actor: SUPERVISOR, command: { type: 'approval.decide', id: 'AP-000002', approve: false, reason: 'No customer copy' }, valid: true, fields: { id: 'ref', reason: 'text' } },
		{ name: 'ap.add-vendor', command: { type: 'ap.add-vendor', name: 'Sierra Tools', w9OnFile: true }, valid: true, fields: { name: 'text', w9OnFile: 'bool' } },
		{ name: 'ap.add-po', command: { type: 'ap.add-po', number: 'PO-2026-0100', vendorId: 'V-0001', department: 'Parks', amount: '250.00' }, valid: true, fields: { number: 'text', vendorId: 'ref', department: 'text', amount: 'money+' }, reject: { number: ['PO-2026-0001'] } },
		{ name: 'ap.add-receiving', command: { type: 'ap.add-receiving', poNumber: 'PO-2026-0001', receivedBy: 'Kim Lee', description: 'Second load' }, valid: true, fields: { poNumber: 'ref', receivedBy: 'text', description: 'text' } },
		{
			name: 'ap.receive-invoice',
			command: { type: 'ap.receive-invoice', vendorId: 'V-0001', invoiceNumber: 'A-77', invoiceDate: '2026-08-20', poNumber: 'PO-2026-0001', lines: [{ description: 'Mulch', quantity: '3', unitPrice: '20.00', extension: '60.00' }], subtotal: '60.00', tax: '4.95', shipping: '0.00', total: '64.95', approvedBy: { name: 'Pat Doe', title: 'department head' } },
			valid: true,
			fields: {
				vendorId: 'text',
				invoiceNumber: 'textOpt',
				invoiceDate: 'dateOpt',
				poNumber: 'textOpt',
				lines: 'list',
				'lines.0.description': 'text',
				'lines.0.quantity': 'int',
				'lines.0.unitPrice': 'money0',
				'lines.0.extension': 'money0',
				subtotal: 'money0',
				tax: 'money0',
				shipping: 'money0',
				total: 'money0',
				approvedBy: 'objOpt',
				'approvedBy.name': 'text',
				'approvedBy.title': 'enum'
			},
			reject: { 'lines.0.quantity': ['0', '100001'], approvedBy: [null, [], {}] }
		},
		{ name: 'ap.approve', command: { type: 'ap.approve', invoiceId: 'VI-00001' }, valid: true, fields: { invoiceId: 'ref' }, reject: { invoiceId: ['VI-00003', 'vi-00001'] } },
		{
			name: 'ap.return',
			command: { type: 'ap.return', invoiceId: 'VI-00002', reasons: ['no-w9', 'duplicate'], note: 'Returned' },
			valid: true,
			fields: { invoiceId: 'ref', reasons: 'list', note: 'textOpt' },
			reject: { invoiceId: ['VI-00003'], reasons: ['no-w9', ['nonsense'], ['no-w9', 42], [null], [{}], [{ toString: 'x' }], ['__proto__'], ['constructor']] }
		},
		{
			name: 'ar.create-invoice',
			command: { type: 'ar.create-invoice', customer: 'Rotary Club', customerAddress: '1 Civic Ctr', description: 'Park rental', category: 'rental', invoiceDate: '2026-08-20', lines: [{ description: 'Pavilion', amount: '150.00' }] },
			valid: true,
			fields: { customer: 'text', customerAddress: 'textOpt', description: 'text', category: 'enum', invoiceDate: 'dateOpt', lines: 'list', 'lines.0.description': 'text', 'lines.0.amount': 'money+' },
			reject: { invoiceDate: ['2026-08-28', '2023-01-01'], 'lines.0.amount': ['10000000.00'] }
		},
		{ name: 'ar.refer-to-collections', command: { type: 'ar.refer-to-collections', invoiceNo: 'INV-000003' }, valid: true, fields: { invoiceNo: 'ref' }, reject: { invoiceNo: ['INV-000002', 'INV-999999'] } },
		{
			name: 'cash.open-drawer',
			actor: CLERK2,
			command: { type: 'cash.open-drawer', counts: { ...STANDARD_FLOAT } },
			valid: true,
			fields: { counts: 'obj', 'counts.bill-20': 'count', 'counts.coin-0.01': 'count' },
			reject: { counts: [{}, { ...STANDARD_FLOAT, 'bill-3': 1 }, counts({ 'coin-0.01': 1 }), counts({ 'bill-100': 1 })], 'counts.bill-20': [MISSING, null, '', '3', 3, '1'], 'counts.coin-0.01': [MISSING, null, ''] },
			refusedFor: [CLERK]
		},
		{
			name: 'cash.take-payment (invoice, cash with change)',
			command: pay({ kind: 'invoice', ref: 'INV-000001', amount: '25.00' }, { type: 'cash', amount: '30.00' }),
			valid: true,
			fields: { lines: 'list', 'lines.0': 'obj', 'lines.0.kind': 'enum', 'lines.0.ref': 'ref', 'lines.0.amount': 'money+', tenders: 'list', 'tenders.0': 'obj', 'tenders.0.type': 'enum', 'tenders.0.amount': 'money+', postmark: 'dateOpt' },
			reject: { 'lines.0.ref': ['INV-999999', 'BP-2026-0001'], 'lines.0.amount': ['175.01', '1000000.00'], 'tenders.0.amount': ['24.99', '1000000.00'], postmark: ['2026-08-28'] },
			refusedFor: [CLERK2, SUPERVISOR]
		},
		{
			name: 'cash.take-payment (utility, by check)',
			command: pay({ kind: 'utility', ref: A, amount: '20.00' }, check('20.00', '2001')),
			valid: true,
			fields: { 'lines.0.ref': 'ref', 'tenders.0.checkNumber': 'text', 'tenders.0.bank': 'text', 'tenders.0.payee': 'text', 'tenders.0.signed': 'boolTrue', 'tenders.0.writtenAmount': 'money+', 'tenders.0.checkDate': 'date', 'tenders.0.twoParty': 'free' },
			reject: {
				'lines.0.ref': ['100-0002'], // cash-only after its returned check
				'tenders.0.checkNumber': ['A-12', '12 34'],
				'tenders.0.payee': ['John Smith', 'Tracy Water'],
				'tenders.0.writtenAmount': ['20.01', '2.00'],
				'tenders.0.checkDate': ['2026-08-28', '2025-01-01'],
				'tenders.0.twoParty': [true, 'yes', 'true', 1, {}, []]
			}
		},
		{
			name: 'cash.take-payment (permit, by card)',
			command: pay({ kind: 'permit', ref: 'BP-2026-0001', amount: '125.50' }, { type: 'card', amount: '125.50', brand: 'Visa', last4: '4242', channel: 'counter' }),
			valid: true,
			fields: { 'lines.0.ref': 'ref', 'lines.0.amount': 'money+', 'tenders.0.brand': 'enum', 'tenders.0.last4': 'text', 'tenders.0.channel': 'enum' },
			reject: { 'lines.0.ref': ['BP-2026-0002', 'BP-2099-0001'], 'lines.0.amount': ['100.00', '125.51', '125.49'], 'tenders.0.last4': ['123', '12345', 'abcd', 1234], 'tenders.0.brand': ['Amex', 'Diners'] }
		},
		{
			name: 'cash.take-payment (license, by money order)',
			command: pay({ kind: 'license', ref: 'BIZ-000001', amount: licenseDue }, { type: 'money-order', amount: licenseDue, number: 'MO-77', issuer: 'USPS' }),
			valid: true,
			fields: { 'lines.0.ref': 'ref', 'lines.0.amount': 'money+', 'tenders.0.number': 'text', 'tenders.0.issuer': 'text' },
			reject: { 'lines.0.ref': ['BIZ-000002', 'BIZ-999999', 'BL-2099-0001'], 'lines.0.amount': [Money.of(licenseDue).minus(Money.of('0.01')).toString(), Money.of(licenseDue).plus(Money.of('0.01')).toString()] }
		},
		{
			name: 'cash.take-payment (returned-check fee, cash only)',
			command: pay({ kind: 'returned-check-fee', ref: 'RC-000001', amount: '25.00' }, { type: 'cash', amount: '25.00' }),
			valid: true,
			fields: { 'lines.0.ref': 'ref', 'lines.0.amount': 'money+', tenders: 'list' },
			reject: { 'lines.0.amount': ['25.01'], tenders: [[check('25.00', '3001')]] }
		},
		{
			name: 'cash.take-payment (two lines, split tenders)',
			command: { type: 'cash.take-payment', lines: [{ kind: 'invoice', ref: 'INV-000001', amount: '10.00' }, { kind: 'utility', ref: A, amount: '5.00' }], tenders: [check('8.00', '4001'), { type: 'cash', amount: '10.00' }] },
			valid: true,
			fields: { 'lines.1': 'obj', 'lines.1.kind': 'enum', 'lines.1.ref': 'ref', 'lines.1.amount': 'money+', 'tenders.1': 'obj', 'tenders.1.type': 'enum', 'tenders.1.amount': 'money+' },
			reject: {
				'lines.1.ref': ['INV-000001'], // the same reference twice on one receipt
				'tenders.1': [check('10.00', '4001')], // the same check twice
				'tenders.1.type': ['card'] // change from a card
			}
		},
		{
			name: 'cash.void-receipt (needs a supervisor)',
			command: { type: 'cash.void-receipt', receiptNo: 'R-000008', reason: 'Wrong invoice', customerCopyReturned: true },
			valid: false,
			fields: { receiptNo: 'ref', reason: 'text', customerCopyReturned: 'boolTrue' },
			reject: { receiptNo: ['R-000008', 'R-000006', 'R-000001'] }
		},
		{
			name: 'cash.close-drawer',
			command: { type: 'cash.close-drawer', drawerId: 'DRW-000002', counts: counts({ 'bill-20': 1, 'bill-5': 1 }), checks: { count: 0, total: '0.00' }, cardBatchTotal: '0.00', note: 'Even' },
			valid: true,
			fields: { drawerId: 'ref', counts: 'obj', 'counts.bill-5': 'count', checks: 'obj', 'checks.count': 'int', 'checks.total': 'money0', moneyOrders: 'objOpt', cardBatchTotal: 'money0', note: 'textOpt', explanation: 'textOpt' },
			reject: { drawerId: ['DRW-000001', 'drw-000002'], counts: [{}], 'counts.bill-5': [MISSING, null, ''], 'checks.count': ['1', 1], 'checks.total': ['5.00'], cardBatchTotal: ['10.00'] },
			refusedFor: [CLERK2]
		},
		{
			name: 'cash.returned-check',
			command: { type: 'cash.returned-check', receiptNo: 'R-000005', checkNumber: '1002', reason: 'nsf', note: 'Bank notice' },
			valid: true,
			fields: { receiptNo: 'ref', checkNumber: 'text', reason: 'enum', note: 'textOpt' },
			reject: { receiptNo: ['R-000006', 'R-000002', 'R-000007'], checkNumber: ['1001', '9999'] }
		},
		{ name: 'cash.notice-letter-sent', command: { type: 'cash.notice-letter-sent', returnedCheckId: 'RC-000001' }, valid: true, fields: { returnedCheckId: 'ref' }, reject: { returnedCheckId: ['RC-000002', 'rc-000001'] } },
		{
			name: 'license.apply',
			command: { type: 'license.apply', ...business('Sierra Bakery', { commercialPremises: true }), startDate: '2026-09-01', projectedGrossReceipts: '250000.00' },
			valid: true,
			fields: { ...PROFILE, startDate: 'date', projectedGrossReceipts: 'money0' },
			reject: { startDate: ['2020-01-01', '2028-07-01'] }
		},
		{
			name: 'license.decide-clearance',
			command: { type: 'license.decide-clearance', licenseNo: 'BL-2026-0002', department: 'fire', decision: 'cleared', note: 'Inspected' },
			valid: true,
			fields: { licenseNo: 'ref', department: 'enum', decision: 'enum', note: 'textOpt', homeOccupationPermitNo: 'textOpt' },
			reject: { licenseNo: ['BL-2025-0001', 'BL-2026-0003'], department: ['police', 'building'] }
		},
		{ name: 'license.approve', command: { type: 'license.approve', licenseNo: 'BL-2026-0001' }, valid: true, fields: { licenseNo: 'ref' }, reject: { licenseNo: ['BL-2026-0002', 'BL-2025-0001', 'BL-2026-0003'] } },
		{
			name: 'license.renew',
			command: { type: 'license.renew', businessId: 'BIZ-000002', grossReceipts: '90000.00' },
			valid: true,
			fields: { businessId: 'ref', taxYear: 'intOpt', grossReceipts: 'money0' },
			reject: { businessId: ['BIZ-000001', 'BIZ-000003'], taxYear: ['1999', '2025', '2028', '2101'] }
		},
		{
			name: 'license.record-business',
			command: { type: 'license.record-business', ...business('Oak Cafe'), startDate: '2020-03-01', lastTaxYear: '2025', lastGrossReceipts: '100000.00' },
			valid: true,
			fields: { ...PROFILE, startDate: 'dateOpt', lastTaxYear: 'intOpt', lastGrossReceipts: 'moneyOpt' },
			reject: { startDate: ['2026-09-01'], lastTaxYear: ['2027', '1999'] }
		},
		{
			name: 'mail.receive',
			command: { type: 'mail.receive', from: 'Ana Ruiz', addressedTo: 'Finance', contents: 'Check', postmark: '2026-08-20', enclosure: { kind: 'check', number: '77', bank: 'Chase', payer: 'Ana Ruiz', amount: '42.00', memo: A } },
			valid: true,
			fields: { from: 'text', addressedTo: 'text', contents: 'text', postmark: 'dateOpt', enclosure: 'objOpt', 'enclosure.kind': 'enum', 'enclosure.amount': 'money+', 'enclosure.number': 'text', 'enclosure.bank': 'text', 'enclosure.payer': 'text', 'enclosure.memo': 'free' },
			reject: { enclosure: [null, [], {}], postmark: ['2026-08-28'] }
		},
		{ name: 'mail.stamp', command: { type: 'mail.stamp', itemId: 'MAIL-00003' }, valid: true, fields: { itemId: 'ref' }, reject: { itemId: ['MAIL-00001', 'mail-00003'] } },
		{
			name: 'mail.log-remittance',
			command: { type: 'mail.log-remittance', itemId: 'MAIL-00001', witness: CLERK2.name, payer: 'Ana Ruiz', checkNumber: '5512', amount: '42.00', account: A, postmark: '2026-06-28' },
			valid: true,
			fields: { itemId: 'ref', witness: 'text', payer: 'text', checkNumber: 'text', amount: 'money+', account: 'text', postmark: 'dateOpt' },
			reject: { itemId: ['MAIL-00002', 'MAIL-00003'], witness: [CLERK.name, CLERK.id, 'casey clerk'], postmark: ['2026-08-28'] }
		},
		{ name: 'mail.route', command: { type: 'mail.route', itemId: 'MAIL-00002', destination: 'City Clerk' }, valid: true, fields: { itemId: 'ref', destination: 'enum' }, reject: { itemId: ['MAIL-00001', 'MAIL-00003'], destination: ['city clerk', 'Finance'] } },
		{
			name: 'permit.record',
			command: { type: 'permit.record', number: 'BP-2026-0100', permitType: 'building', address: '5 Main St', applicant: 'Bo Chen', issuedOn: '2026-08-01', fees: [{ description: 'Plan check', amount: '150.00' }] },
			valid: true,
			fields: { number: 'text', permitType: 'enum', address: 'text', applicant: 'text', issuedOn: 'dateOpt', fees: 'list', 'fees.0.description': 'text', 'fees.0.amount': 'money+' },
			reject: { number: ['BP-2026-0001', 'bp-2026-0001', 'B-1', 'BP-26-1', 'BP-2026-00001'], issuedOn: ['2026-08-28'], 'fees.0.amount': ['10000000.00'] }
		},
		{
			name: 'utility.start-service',
			command: owner('88 Birch Ln', { startDate: '2026-08-28' }),
			valid: true,
			fields: { customerId: 'textOpt', name: 'text', phone: 'text', mailingAddress: 'text', photoIdChecked: 'bool', ...LOCATION },
			reject: {
				customerId: ['UC-999999', ...PROTO],
				phone: ['555-0199', '12345', 'abcdefghij', '209-555-01433'],
				photoIdChecked: [false, 'false'],
				serviceAddress: ['12 Oak St', '12  OAK st'],
				parcels: ['0', '100'],
				occupancy: ['tenant'],
				proof: ['lease'],
				startRead: ['100000000'],
				startDate: ['2026-08-26', '2026-12-31']
			}
		},
		{ name: 'utility.start-service (existing customer)', command: { ...owner('89 Birch Ln'), name: undefined, phone: undefined, mailingAddress: undefined, customerId: 'UC-000001' }, valid: true, fields: { customerId: 'textOpt' }, reject: { customerId: ['UC-999999', 'uc-000001', ...PROTO] } },
		{
			name: 'utility.stop-service',
			command: { type: 'utility.stop-service', account: '100-0004', reason: 'moving', stopDate: TODAY, reading: '1500', readDate: TODAY },
			valid: true,
			fields: { ...STOP, reason: 'enum' },
			reject: { reason: ['vacant'], stopDate: ['2026-08-28', '2026-06-30'], reading: ['999'], readDate: ['2026-08-26', '2026-08-28'] }
		},
		{
			name: 'utility.transfer-service',
			command: { ...owner('900 New Rd', { startRead: '0', startDate: TODAY }), type: 'utility.transfer-service', account: '100-0004', stopDate: TODAY, reading: '1500', readDate: TODAY, mailingAddress: 'PO Box 9' },
			valid: true,
			fields: { ...STOP, ...LOCATION, mailingAddress: 'textOpt' },
			reject: { serviceAddress: ['77 Elm St', '12 Oak St'], reading: ['999'] }
		},
		{ name: 'utility.record-read', command: { type: 'utility.record-read', account: A, reading: '1030' }, valid: true, fields: { account: 'ref', reading: 'int', date: 'dateOpt' }, reject: { reading: ['1017', '100000000'], date: ['2026-08-28', '2026-07-30'] } },
		{ name: 'utility.run-bill (not the 5th)', command: { type: 'utility.run-bill', account: A }, valid: false, fields: { account: 'ref' }, reject: { account: [A] } },
		{ name: 'utility.charge-fee', command: { type: 'utility.charge-fee', account: A, fee: 'cut-lock' }, valid: true, fields: { account: 'ref', fee: 'enum' } },
		{ name: 'utility.record-meter-test', command: { type: 'utility.record-meter-test', account: A, deviation: '+2.10' }, valid: true, fields: { account: 'ref', deviation: 'text' }, reject: { account: ['100-0003'], deviation: ['101', '-100.01', '1e5', 'abc', '+2.105', '2..1'] } },
		{
			name: 'utility.adjust (billing error)',
			command: { type: 'utility.adjust', account: A, reason: 'billing-error', service: 'water', amount: '10.00', note: 'Wrong tier' },
			valid: true,
			fields: { account: 'ref', reason: 'enum', service: 'enum', amount: 'money+', direction: 'enumOpt', itemId: 'textOpt', note: 'text' },
			reject: { amount: ['50.01', '100000.00'], itemId: ['UI-999999', penalty, ...PROTO] }
		},
		{ name: 'utility.adjust (penalty waiver)', command: { type: 'utility.adjust', account: A, reason: 'penalty-waiver', itemId: penalty }, valid: true, fields: { itemId: 'text' }, reject: { itemId: [charge, 'UI-999999', ...PROTO] } },
		{ name: 'utility.adjust (transfer)', command: { type: 'utility.adjust', account: A, reason: 'transfer', amount: '20.00', toAccount: '100-0003', note: 'Paid on the wrong account' }, valid: true, fields: { toAccount: 'ref', amount: 'money+' }, reject: { toAccount: [A] } },
		{ name: 'utility.create-plan', command: { type: 'utility.create-plan', account: A, months: '3' }, valid: true, fields: { account: 'ref', months: 'int' }, reject: { months: ['0', '13', '100'], account: ['100-0002'] } },
		...(['utility.send-notice', 'utility.post-door-hanger', 'utility.disconnect', 'utility.restore'] as const).map((type): Template => ({ name: `${type} (too early)`, command: { type, account: A }, valid: false, fields: { account: 'ref' }, reject: { account: [A] } })),
		{
			name: 'utility.record-medical-cert',
			command: { type: 'utility.record-medical-cert', account: A, until: '2026-12-31', certifiedBy: 'Dr. Ana Ruiz' },
			valid: true,
			fields: { account: 'ref', until: 'date', certifiedBy: 'text' },
			reject: { account: ['100-0003'], until: [TODAY, '2026-08-01', '2027-08-28'] }
		},
		{ name: 'utility.set-cash-only', command: { type: 'utility.set-cash-only', account: A, until: '2027-01-31', reason: 'NSF 1043' }, valid: true, fields: { account: 'ref', until: 'dateOpt', reason: 'text' }, reject: { until: [TODAY, '2026-01-01'] } },
		{ name: 'utility.suspend-solid-waste', command: { type: 'utility.suspend-solid-waste', account: A, suspended: true }, valid: true, fields: { account: 'ref', suspended: 'bool' }, reject: { suspended: [false], account: ['100-0003', '100-0002'] } },
		{ name: 'utility.add-note', command: { type: 'utility.add-note', account: A, note: 'Called back' }, valid: true, fields: { account: 'ref', note: 'text' }, reject: { note: ['x'.repeat(501)] } }
	];
}

// ---------- running the attempts ----------

type Attempt = { what: string; command: unknown; actor: Actor; mustReject: boolean };

function clone<T>(v: T): T {
	return structuredClone(v);
}

/**
 * Sets (or deletes, for MISSING) the value at a dotted path ("lines.0.amount"); keys may hold dots
 * themselves ("counts.coin-0.01"). A path whose parent does not exist leaves the command as it is.
 */
function withValue(command: Command, path: string, value: unknown): Command {
	const out = clone(command);
	let at: Record<string, unknown> = out;
	let rest = path;
	while (!Object.prototype.hasOwnProperty.call(at, rest) && rest.includes('.')) {
		const parts = rest.split('.');
		let next: { at: Record<string, unknown>; rest: string } | undefined;
		for (let j = 1; j < parts.length && !next; j++) {
			const child = at[parts.slice(0, j).join('.')];
			if (child !== null && typeof child === 'object') next = { at: child as Record<string, unknown>, rest: parts.slice(j).join('.') };
		}
		if (!next) return out;
		({ at, rest } = next);
	}
	if (value === MISSING) delete at[rest];
	else Object.defineProperty(at, rest, { value: value === undefined ? undefined : clone(value), enumerable: true, writable: true, configurable: true });
	return out;
}

/** The value at a dotted path (keys may hold dots), or undefined. */
function valueAt(command: Command, path: string): unknown {
	let at: unknown = command;
	let rest = path;
	while (at !== null && typeof at === 'object') {
		const o = at as Record<string, unknown>;
		if (Object.prototype.hasOwnProperty.call(o, rest)) return o[rest];
		const parts = rest.split('.');
		const j = parts.findIndex((_, i) => i > 0 && Object.prototype.hasOwnProperty.call(o, parts.slice(0, i).join('.')));
		if (j < 0) return undefined;
		at = o[parts.slice(0, j).join('.')];
		rest = parts.slice(j).join('.');
	}
	return undefined;
}

const show = (v: unknown): string => (v === MISSING ? '(missing)' : v === undefined ? 'undefined' : typeof v === 'number' && !Number.isFinite(v) ? String(v) : (JSON.stringify(v) ?? String(v)).slice(0, 60));

function attemptsFor(t: Template): Attempt[] {
	const actor = t.actor ?? CLERK;
	const out: Attempt[] = [];
	for (const [path, kind] of Object.entries(t.fields)) {
		const must = [...MUST_REJECT[kind], ...(t.reject?.[path] ?? [])];
		const current = valueAt(t.command, path);
		if (kind === 'list' && Array.isArray(current) && typeof current[0] === 'object') must.push(TOO_MANY(current[0])); // more lines than any form holds
		for (const value of new Set([...must, ...TRY])) out.push({ what: `${path} = ${show(value)}`, command: withValue(t.command, path, value), actor, mustReject: must.includes(value) });
	}
	for (const [path, values] of Object.entries(t.reject ?? {})) {
		if (path in t.fields) continue;
		for (const value of values) out.push({ what: `${path} = ${show(value)}`, command: withValue(t.command, path, value), actor, mustReject: true });
	}
	for (const other of t.refusedFor ?? []) out.push({ what: `entered by ${other.id}`, command: clone(t.command), actor: other, mustReject: true });
	// Nested junk and unknown fields beside real ones, and a command whose JSON carries an own "__proto__".
	out.push({ what: 'extra nested junk field', command: { ...clone(t.command), junk: NESTED, constructor: 'x' }, actor, mustReject: false });
	out.push({ what: 'own "__proto__" key from JSON', command: JSON.parse(JSON.stringify(t.command).replace(/^\{/, '{"__proto__":{"type":"clock.next-day","amount":"-1"},')) as unknown, actor, mustReject: false });
	const required = Object.entries(t.fields).some(([, k]) => MUST_REJECT[k].includes(MISSING));
	out.push({ what: 'every field missing', command: { type: t.command.type }, actor, mustReject: required });
	return out;
}

function run(t: Template): string[] {
	const failures: string[] = [];
	const state = t.empty ? engine.emptyState(START) : fresh();
	let current = state;
	const freshState = () => (t.empty ? engine.emptyState(START) : fresh());
	const ctx = (actor: Actor) => ({ actor, at: `${current.businessDate}T15:00:00Z` });

	const template = engine.execute(current, clone(t.command), ctx(t.actor ?? CLERK));
	if (template.ok !== t.valid) failures.push(`the template itself was ${template.ok ? 'accepted' : `rejected (${template.rejection.message})`}; the test expects it ${t.valid ? 'accepted' : 'rejected'}`);
	if (template.ok) current = freshState();

	for (const a of attemptsFor(t)) {
		const before = JSON.stringify(current);
		let result: ReturnType<typeof engine.execute>;
		try {
			result = engine.execute(current, a.command as Command, ctx(a.actor));
		} catch (error) {
			failures.push(`${a.what}: threw ${String(error)}`);
			current = freshState();
			continue;
		}
		if (result.ok) {
			if (a.mustReject) failures.push(`${a.what}: accepted (${result.events.map((e) => e.type).join(', ')})`);
			current = freshState();
			continue;
		}
		const { code, message } = result.rejection;
		if (JSON.stringify(current) !== before) {
			failures.push(`${a.what}: rejected but the state changed`);
			current = freshState();
		}
		if (!CODES.includes(code)) failures.push(`${a.what}: unknown code ${String(code)}`);
		if (typeof message !== 'string' || message.trim().length < 5) failures.push(`${a.what}: no readable message`);
		else if (CATCH_ALLS.some((c) => message.startsWith(c))) failures.push(`${a.what}: fell through to the catch-all (“${message}”)`);
		else {
			const sent = JSON.stringify(a.command) ?? '';
			const leak = LEAKS.find((w) => message.includes(w) && !sent.includes(w.trim()));
			if (leak) failures.push(`${a.what}: message leaks “${leak.trim()}”: ${message}`);
			const doubled = /\b(the|a|an|to|of|is|be|and)\s+\1\b/i.exec(message);
			if (doubled && !sent.toLowerCase().includes(doubled[0].toLowerCase())) failures.push(`${a.what}: message repeats “${doubled[0]}”: ${message}`);
		}
	}
	return failures;
}

// ---------- the tests ----------

describe('malformed input, for every command type', () => {
	it('the sandbox the attempts run on replays to the same state from its stored events', () => {
		const again = fresh();
		const direct = engine.replay(engine.emptyState(START), base.events.map((e) => ({ ...e })));
		expect(JSON.stringify(again)).toBe(JSON.stringify(direct));
		expect(again.businessDate).toBe(TODAY);
	});

	it('every command type the engine knows has at least one template here (nothing skipped)', () => {
		const covered = new Set(templates(fresh()).map((t) => t.command.type));
		expect(engine.commandTypes().filter((type) => !covered.has(type))).toEqual([]);
	});

	it('whole commands that are not commands are rejected without throwing', () => {
		const state = fresh();
		const before = JSON.stringify(state);
		for (const junk of [null, undefined, 42, 'clock.next-day', [], [{ type: 'clock.next-day' }], {}, { type: 42 }, { type: '' }, { type: 'nonsense' }, { type: '__proto__' }, { type: 'constructor' }, { type: 'toString' }, { type: ' clock.next-day' }, { type: 'CLOCK.NEXT-DAY' }, NESTED]) {
			const r = engine.execute(state, junk as Command, { actor: CLERK, at: `${TODAY}T15:00:00Z` });
			expect(r.ok, JSON.stringify(junk)).toBe(false);
			if (!r.ok) expect(r.rejection.message.length).toBeGreaterThan(5);
		}
		expect(JSON.stringify(state)).toBe(before);
	});

	// Built lazily so the scenario runs once (in beforeAll) before the templates read it.
	const names = templates(scenarioStateForNames()).map((t) => t.name);
	for (const name of names) {
		it(`${name}: each malformed value is rejected by real validation, nothing throws, nothing changes`, () => {
			const t = templates(fresh()).find((x) => x.name === name)!;
			const failures = run(t);
			expect(failures.length > 30 ? [...failures.slice(0, 30), `… and ${failures.length - 30} more`] : failures).toEqual([]);
		});
	}
});

/** The scenario's state, built at collection time only to list the templates' names. */
function scenarioStateForNames(): SandboxState {
	const state = engine.emptyState(START);
	for (const [i, [actor, command]] of scenario().entries()) engine.execute(state, command, { actor, at: `${state.businessDate}T09:${String(i % 60).padStart(2, '0')}:00Z` });
	return state;
}
