import { expect } from 'vitest';
import type { Money } from '$lib/money';
import type { Engine } from './engine';
import { journal, postEntry } from './ledger';
import type { Command, CommandContext, PaymentTarget, SandboxState } from './model';

/**
 * Test helper (imported only by *.test.ts): runs commands against a test's current state and pays
 * through a payment target the way the cashier does (Dr cash / the target's credit lines), so a
 * module's tests need not wait for the cashiering module.
 */
export function targetDesk(engine: Engine, target: PaymentTarget, current: () => SandboxState, ctx: CommandContext = { actor: { id: 'clerk1', name: 'Clerk', supervisor: false }, at: '2026-07-01T09:00:00Z' }) {
	function run(cmd: Command) {
		const result = engine.execute(current(), cmd, ctx);
		if (!result.ok) throw new Error(`${cmd.type} rejected: ${result.rejection.message}`);
		return result.events;
	}
	/** Expect a rejection (with its code and field when given) that leaves the state byte-for-byte unchanged. */
	function rejects(cmd: Command, code?: string, field?: string) {
		const before = JSON.stringify(current());
		const result = engine.execute(current(), cmd, ctx);
		expect(result.ok, `${cmd.type} should be rejected`).toBe(false);
		if (result.ok) return;
		if (code) expect(result.rejection.code).toBe(code);
		if (field) expect(result.rejection.field).toBe(field);
		expect(result.rejection.message.length).toBeGreaterThan(10);
		expect(JSON.stringify(current())).toBe(before);
		return result.rejection;
	}
	function nextDays(until: string) {
		while (current().businessDate < until) run({ type: 'clock.next-day' });
	}
	function pay(ref: string, amount: Money, receiptNo = 'R-000001') {
		const state = current();
		postEntry(state.ledger, journal(`Receipt ${receiptNo}`, [{ account: '1010', debit: amount }, ...target.creditLines(state, ref, amount)]));
		target.applyPayment(state, ref, amount, { receiptNo, date: state.businessDate });
	}
	function reverse(ref: string, amount: Money, receiptNo = 'R-000001') {
		const state = current();
		const receipt = { receiptNo, date: state.businessDate };
		postEntry(state.ledger, journal(`Void ${receiptNo}`, [...target.reversalLines(state, ref, amount, receipt), { account: '1010', credit: amount }]));
		target.reversePayment(state, ref, amount, receipt);
	}
	return { run, rejects, nextDays, pay, reverse };
}
