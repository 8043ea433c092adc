import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor, Command, CommandContext } from '../model';
import { STANDARD_FLOAT } from './denominations';
import { Desk, card, cash, check, clerk, clerk2, moneyOrder } from './test-support';
import { UNREADABLE } from './util';

/**
 * Every command, every field, every kind of bad value: always a rejection a clerk can act on (never
 * a thrown error, never the catch-all message), and the state untouched.
 */

const clerk3: Actor = { id: 'clerk3', name: 'Riley Clerk', supervisor: false };

// A desk with something for every command to act on: clerk1's drawer open with a receipt,
// clerk2's drawer closed with a deposited check, a returned check.
function world() {
	const d = new Desk();
	d.bill('invoice-test', 'INV-1', '500.00');
	d.bill('utility', '100-2345', '500.00');
	d.open(clerk2);
	const deposited = d.pay([{ kind: 'invoice-test', ref: 'INV-1', amount: '40.00' }], [check('40.00', { checkNumber: '3003' })], clerk2);
	const returned = d.pay([{ kind: 'utility', ref: '100-2345', amount: '30.00' }], [check('30.00', { checkNumber: '4004' })], clerk2);
	d.run({ type: 'cash.close-drawer', drawerId: d.drawerOf(clerk2)!.id, counts: STANDARD_FLOAT, checks: { count: 2, total: '70.00' }, cardBatchTotal: '0.00' }, clerk2);
	d.run({ type: 'cash.returned-check', receiptNo: returned, checkNumber: '4004', reason: 'nsf' });
	d.open(clerk);
	const open = d.pay([{ kind: 'invoice-test', ref: 'INV-1', amount: '10.00' }], [cash('10.00')]);
	return { d, deposited, open, drawerId: d.drawerOf(clerk)!.id };
}

const W = world();

const MONEY = [undefined, null, 0, 87.5, Number.NaN, true, '', '  ', 'abc', '-5.00', '0', '0.00', '1.234', '1e3', '99999999999999999999', '1000000.00', '12,34.00', [], {}, '$', '--1'];
const MONEY_ZERO_OK = MONEY.filter((v) => v !== '0' && v !== '0.00');
const TEXT = [undefined, null, 0, true, '', '   ', [], {}, 'x'.repeat(5000)];
const ID = [...TEXT, 'nope', '__proto__', 'constructor', 'toString', 'hasOwnProperty'];
const DATE = [undefined, null, 0, 20260701, '', '2026-13-01', '2026-02-30', '07/01/2026', 'today', '2026-7-1', {}];
const TRUE_ONLY = [undefined, null, false, 'true', 1, 0, 'yes', {}];
const COUNT = [-1, 1.5, 'ten', Number.NaN, Number.POSITIVE_INFINITY, true, [], {}, '1e2', 100_001, '-3'];
const ENUM = [undefined, null, '', 'CASH', 'bitcoin', 0, {}, '__proto__', 'constructor'];
const LIST = [undefined, null, 'x', 0, {}, [], [null], [1], ['x'], [[]]];

type Case = { name: string; base: Command; actor: Actor; forApproval?: boolean; fields: Record<string, unknown[]> };

const line = { kind: 'invoice-test', ref: 'INV-1', amount: '10.00' };
const takeWith = (tender: object): Command => ({ type: 'cash.take-payment', lines: [line], tenders: [tender] });
const TENDER_COMMON = { 'tenders[0].type': ENUM, 'tenders[0].amount': MONEY, 'tenders[0]': [null, 'cash', 5, []] };

const CASES: Case[] = [
	{ name: 'cash.open-drawer', base: { type: 'cash.open-drawer', counts: STANDARD_FLOAT }, actor: clerk3, fields: { counts: [undefined, null, 'x', 200, [], {}], 'counts.bill-20': COUNT, 'counts.bill-3': [1] } },
	{
		name: 'cash.take-payment (cash)',
		base: takeWith(cash('10.00')),
		actor: clerk,
		fields: {
			lines: [...LIST, new Array(21).fill(line)],
			tenders: [...LIST, new Array(11).fill(cash('1.00'))],
			'lines[0]': [null, 'x', 5, []],
			'lines[0].kind': [...ID, 'CASH'],
			'lines[0].ref': ID,
			'lines[0].amount': MONEY,
			postmark: [...DATE.filter((v) => v !== undefined && v !== null && v !== ''), '2026-07-02'],
			...TENDER_COMMON
		}
	},
	{
		name: 'cash.take-payment (check)',
		base: takeWith(check('10.00')),
		actor: clerk,
		fields: {
			...TENDER_COMMON,
			'tenders[0].writtenAmount': MONEY,
			'tenders[0].checkNumber': [...TEXT, 'abc', '12-34', '1234567890123'],
			'tenders[0].bank': TEXT,
			'tenders[0].payee': [...TEXT, 'Tracy', 'City of Tracey'],
			'tenders[0].signed': TRUE_ONLY,
			'tenders[0].checkDate': [...DATE, '2026-07-02', '2025-01-01'],
			'tenders[0].twoParty': [true, 'no', 1, {}]
		}
	},
	{
		name: 'cash.take-payment (money order)',
		base: takeWith(moneyOrder('10.00')),
		actor: clerk,
		fields: { ...TENDER_COMMON, 'tenders[0].number': TEXT, 'tenders[0].issuer': TEXT }
	},
	{
		name: 'cash.take-payment (card)',
		base: takeWith(card('10.00')),
		actor: clerk,
		fields: { ...TENDER_COMMON, 'tenders[0].brand': [...ENUM, 'Amex'], 'tenders[0].last4': [...TEXT, '123', '12345', 'abcd', 1234], 'tenders[0].channel': [...ENUM, 'online'] }
	},
	{
		name: 'cash.void-receipt',
		base: { type: 'cash.void-receipt', receiptNo: W.open, reason: 'Keyed wrong', customerCopyReturned: true },
		actor: clerk,
		forApproval: true,
		fields: { receiptNo: [...ID, W.deposited], reason: TEXT, customerCopyReturned: TRUE_ONLY }
	},
	{
		name: 'cash.close-drawer',
		base: { type: 'cash.close-drawer', drawerId: W.drawerId, counts: { ...STANDARD_FLOAT, 'bill-10': 5 }, checks: { count: 0, total: '0.00' }, cardBatchTotal: '0.00' },
		actor: clerk,
		forApproval: true,
		fields: {
			drawerId: [...ID, 'DRW-000001'],
			counts: [undefined, null, 'x', 200, [], {}],
			'counts.coin-0.01': COUNT,
			checks: [undefined, null, 'x', 0, [], { count: 1 }, { total: '5.00' }],
			'checks.count': [...COUNT, undefined, null, 1],
			'checks.total': [...MONEY_ZERO_OK, '5.00'],
			moneyOrders: ['x', 0, [], {}, { count: 1, total: '1.00' }],
			cardBatchTotal: MONEY_ZERO_OK,
			note: [0, true, [], {}, 'x'.repeat(501)],
			explanation: [0, true, [], {}, 'x'.repeat(1001)]
		}
	},
	{
		name: 'cash.returned-check',
		base: { type: 'cash.returned-check', receiptNo: W.deposited, checkNumber: '3003', reason: 'nsf' },
		actor: clerk,
		fields: { receiptNo: [...ID, W.open], checkNumber: [...ID, '4004', '3003 '.repeat(5)], reason: [...ENUM, 'NSF '], note: [0, true, [], {}, 'x'.repeat(501)] }
	},
	{ name: 'cash.notice-letter-sent', base: { type: 'cash.notice-letter-sent', returnedCheckId: 'RC-000001' }, actor: clerk, fields: { returnedCheckId: ID } }
];

/** A deep copy of `obj` with the value at a path like "tenders[0].amount" replaced (undefined removes it). */
function withField(obj: Command, path: string, value: unknown): Command {
	const copy = structuredClone(obj) as Record<string, unknown>;
	// "tenders[0].amount" → tenders, 0, amount; "counts.coin-0.01" → counts, coin-0.01
	const keys = [...path.matchAll(/\[(\d+)\]|([a-zA-Z][\w-]*(?:\.\d+)*)/g)].map((m) => m[1] ?? m[2]!);
	let at: Record<string, unknown> = copy;
	for (const k of keys.slice(0, -1)) at = at[k] as Record<string, unknown>;
	const last = keys[keys.length - 1]!;
	if (value === undefined) delete at[last];
	else at[last] = value;
	return copy as Command;
}

function decide(command: Command, actor: Actor, forApproval = false) {
	const ctx: CommandContext = { actor, at: '2026-07-01T12:00:00Z', ...(forApproval ? { checkingForApproval: true } : {}) };
	const before = JSON.stringify(W.d.state);
	const result = W.d.engine.decide(W.d.state, command, ctx);
	expect(JSON.stringify(W.d.state)).toBe(before);
	return result;
}

describe('malformed input is rejected, never thrown', () => {
	for (const c of CASES) {
		it(`${c.name}: the well-formed command is accepted`, () => {
			const r = decide(c.base, c.actor, c.forApproval);
			expect(r.ok ? 'ok' : r.rejection.message).toBe('ok');
		});
		for (const [path, values] of Object.entries(c.fields)) {
			it(`${c.name}: bad ${path} is rejected with a message`, () => {
				for (const value of values) {
					const r = decide(withField(c.base, path, value), c.actor, c.forApproval);
					const shown = `${path} = ${JSON.stringify(value)?.slice(0, 40)}`;
					expect(r.ok, shown).toBe(false);
					if (!r.ok) {
						expect(r.rejection.message, shown).not.toBe(UNREADABLE);
						expect(r.rejection.message.length, shown).toBeGreaterThan(10);
						expect(r.rejection.code, shown).not.toBe('over-authority');
					}
				}
			});
		}
	}

	it('random values in any field of any command never throw and never hit the catch-all', () => {
		const paths = CASES.flatMap((c) => Object.keys(c.fields).map((p) => ({ c, p })));
		fc.assert(
			fc.property(fc.constantFrom(...paths), fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withTypedArray: true }), ({ c, p }, value) => {
				const r = decide(withField(c.base, p, value), c.actor, c.forApproval);
				if (!r.ok) expect(r.rejection.message).not.toBe(UNREADABLE);
			}),
			{ numRuns: 2000 }
		);
	});

	it('whole random commands never throw', () => {
		const types = CASES.map((c) => c.base.type);
		fc.assert(
			fc.property(fc.constantFrom(...types), fc.dictionary(fc.string(), fc.anything()), (type, rest) => {
				const r = decide({ ...rest, type }, clerk);
				if (!r.ok) expect(r.rejection.message).not.toBe(UNREADABLE);
			}),
			{ numRuns: 1000 }
		);
	});
});
