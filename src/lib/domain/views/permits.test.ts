import { describe, expect, test } from 'vitest';
import { money } from '$lib/money';
import { createClerkSystem } from '../system';
import { targetDesk } from '../test-desk';
import type { SandboxState } from '../model';
import { permitRows, permitView } from './permits';

const engine = createClerkSystem();
let state: SandboxState;
const { run, pay } = targetDesk(engine, engine.env.paymentTargets.permit!, () => state);

function counter(): SandboxState {
	state = engine.emptyState('2026-11-16');
	const permit = (number: string, issuedOn: string, applicant: string, fees: Array<[string, string]>) =>
		run({ type: 'permit.record', number, permitType: 'electrical', address: '12 Oak St', applicant, issuedOn, fees: fees.map(([description, amount]) => ({ description, amount })) });
	permit('EP-2026-0001', '2026-10-01', 'Valley Electric', [['Electrical permit fee', '180.00'], ['Issuance fee', '35.00']]);
	permit('EP-2026-0002', '2026-11-02', 'Ana Ruiz', [['Electrical permit fee', '95.50']]);
	permit('EP-2026-0003', '2026-11-10', 'Valley Electric', [['Electrical permit fee', '240.00']]);
	pay('EP-2026-0003', money('240.00'));
	return state;
}

describe('permit list: fees due first', () => {
	test('unpaid permits newest first, then paid ones; counts per filter', () => {
		const { rows, counts } = permitRows(counter());
		expect(rows.map((r) => [r.number, r.status, r.due.toString()])).toEqual([
			['EP-2026-0002', 'issued', '95.50'],
			['EP-2026-0001', 'issued', '215.00'],
			['EP-2026-0003', 'fees-paid', '0.00']
		]);
		expect(counts).toEqual({ due: 2, paid: 1, all: 3 });
	});

	test('search by applicant and number; filters narrow', () => {
		counter();
		expect(permitRows(state, { q: 'valley' }).rows.map((r) => r.number)).toEqual(['EP-2026-0001', 'EP-2026-0003']);
		expect(permitRows(state, { q: 'valley', filter: 'paid' }).rows.map((r) => r.number)).toEqual(['EP-2026-0003']);
		expect(permitRows(state, { q: 'ep-2026-0002' }).rows.map((r) => r.applicant)).toEqual(['Ana Ruiz']);
		expect(permitRows(state, { filter: 'due' }).counts).toEqual({ due: 2, paid: 1, all: 3 });
	});
});

describe('one permit', () => {
	test('fee lines, total and what is due; typed numbers are normalized; unknown ones give null', () => {
		counter();
		const view = permitView(state, ' ep-2026-0001 ')!;
		expect(view.fees.map((f) => [f.description, f.amount.toString()])).toEqual([
			['Electrical permit fee', '180.00'],
			['Issuance fee', '35.00']
		]);
		expect([view.total.toString(), view.due.toString(), view.status]).toEqual(['215.00', '215.00', 'issued']);
		expect(permitView(state, 'EP-2026-0003')).toMatchObject({ status: 'fees-paid', paidReceipt: 'R-000001', paidOn: '2026-11-16' });
		expect(permitView(state, 'EP-2026-9999')).toBeNull();
		expect(permitView(state, 'constructor')).toBeNull();
	});
});
