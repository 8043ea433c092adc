import { describe, expect, it } from 'vitest';
import { Engine } from '../engine';
import type { CommandContext } from '../model';
import { mailModule } from './index';

const clerk: CommandContext = { actor: { id: 'clerk1', name: 'Ana Ruiz', supervisor: false }, at: '2026-07-07T08:15:00Z' };

function setup() {
	const engine = new Engine([mailModule]);
	const state = engine.emptyState('2026-07-07');
	const run = (c: Record<string, unknown>) => engine.execute(state, c as { type: string }, clerk);
	run({ type: 'mail.receive', from: 'Rosa Flores', addressedTo: 'City of Tracy — Utility Billing', contents: 'Bill remittance slip for account 100-0042 and a check', postmark: '2026-07-03', enclosure: { kind: 'check', number: '1043', bank: 'Delta Credit Union', payer: 'Rosa Flores', amount: '142.60' } });
	run({ type: 'mail.receive', from: 'Parks Foundation', addressedTo: 'Parks & Recreation', contents: 'Field reservation request' });
	return { engine, state, run };
}

describe('mail tray', () => {
	it('stamps each item with the business date it was received', () => {
		const { state, run } = setup();
		expect(run({ type: 'mail.stamp', itemId: 'MAIL-00001' }).ok).toBe(true);
		expect(state.mail.items['MAIL-00001']!.stampedOn).toBe('2026-07-07');
		expect(run({ type: 'mail.stamp', itemId: 'MAIL-00001' })).toMatchObject({ ok: false, rejection: { code: 'wrong-status' } });
	});

	it('logs a $142.60 check under dual control with its July 3 postmark, then routes it to Utility Billing', () => {
		const { state, run } = setup();
		expect(run({ type: 'mail.route', itemId: 'MAIL-00001', destination: 'Utility Billing' })).toMatchObject({ ok: false, rejection: { message: 'Stamp the item with the date received before routing it.' } });
		run({ type: 'mail.stamp', itemId: 'MAIL-00001' });
		expect(run({ type: 'mail.route', itemId: 'MAIL-00001', destination: 'Utility Billing' })).toMatchObject({ ok: false, rejection: { code: 'wrong-status' } });
		const log = { type: 'mail.log-remittance', itemId: 'MAIL-00001', payer: 'Rosa Flores', checkNumber: '1043', amount: '142.60', account: '100-0042', postmark: '2026-07-03' };
		expect(run({ ...log, witness: 'ana ruiz' })).toMatchObject({ ok: false, rejection: { code: 'policy', field: 'witness' } });
		expect(run({ ...log, witness: 'Marcus Brooks' }).ok).toBe(true);
		expect(state.mail.log).toHaveLength(1);
		expect(state.mail.log[0]).toMatchObject({ date: '2026-07-07', payer: 'Rosa Flores', openedBy: 'clerk1', witness: 'Marcus Brooks', postmark: '2026-07-03' });
		expect(state.mail.log[0]!.amount.toString()).toBe('142.60');
		expect(run({ type: 'mail.route', itemId: 'MAIL-00001', destination: 'Utility Billing' }).ok).toBe(true);
		expect(state.mail.items['MAIL-00001']!.routedTo).toBe('Utility Billing');
	});

	it('routes non-payment mail to any of the ten destinations and nowhere else', () => {
		const { state, run } = setup();
		run({ type: 'mail.stamp', itemId: 'MAIL-00002' });
		expect(run({ type: 'mail.route', itemId: 'MAIL-00002', destination: 'Parks' })).toMatchObject({ ok: false, rejection: { field: 'destination' } });
		expect(run({ type: 'mail.route', itemId: 'MAIL-00002', destination: 'Parks & Recreation' }).ok).toBe(true);
		expect(run({ type: 'mail.log-remittance', itemId: 'MAIL-00002', witness: 'X' })).toMatchObject({ ok: false, rejection: { code: 'wrong-status' } });
		expect(state.mail.items['MAIL-00002']!.routedTo).toBe('Parks & Recreation');
	});

	it('rejects malformed input without throwing and without changing anything', () => {
		const { state, run } = setup();
		run({ type: 'mail.stamp', itemId: 'MAIL-00001' });
		const before = JSON.stringify(state);
		const bad: Array<Record<string, unknown>> = [
			{ type: 'mail.stamp', itemId: 'nope' },
			{ type: 'mail.stamp' },
			{ type: 'mail.receive', from: '', addressedTo: 'x', contents: 'y' },
			{ type: 'mail.receive', from: 'a', addressedTo: 'x', contents: 'y', postmark: '2026-13-01' },
			{ type: 'mail.receive', from: 'a', addressedTo: 'x', contents: 'y', enclosure: { kind: 'cash', number: '1', bank: 'b', payer: 'p', amount: '5' } },
			{ type: 'mail.receive', from: 'a', addressedTo: 'x', contents: 'y', enclosure: { kind: 'check', number: '1', bank: 'b', payer: 'p', amount: '5.001' } },
			{ type: 'mail.log-remittance', itemId: 'MAIL-00001', payer: 'R', checkNumber: '1', amount: '-5', account: 'a', witness: 'W' },
			{ type: 'mail.log-remittance', itemId: 'MAIL-00001', payer: 'R', checkNumber: '1', amount: '99999999999999999', account: 'a', witness: 'W' },
			{ type: 'mail.log-remittance', itemId: 'MAIL-00001', payer: 'R', checkNumber: '1', amount: 12, account: 'a', witness: 'W' },
			{ type: 'mail.log-remittance', itemId: 'MAIL-00001', payer: '', checkNumber: '1', amount: '5', account: 'a', witness: 'W' },
			{ type: 'mail.route', itemId: 'MAIL-00001', destination: 7 }
		];
		for (const c of bad) expect(run(c).ok, JSON.stringify(c)).toBe(false);
		expect(JSON.stringify(state)).toBe(before);
	});
});

describe('ids that look like object internals', () => {
	it('find no mail item', () => {
		const { run } = setup();
		for (const itemId of ['constructor', '__proto__', 'toString']) expect(run({ type: 'mail.stamp', itemId })).toMatchObject({ ok: false, rejection: { code: 'not-found' } });
	});
});
