import { Money, formatUSD } from '$lib/money';
import type { GlAccount, JournalEntry } from '../ledger';
import { reject, type CommandHandler, type JournalLineInput, type PaymentTarget, type SandboxState } from '../model';
import { own } from '../input';
import type { Field } from '../validate';

export { own };

/** Largest single amount the counter takes on one line or tender (more is a typing slip). */
export const MAX_AMOUNT = '999999.99';

/** What a handler answers if something unforeseen in the input trips it: never a thrown error. */
export const UNREADABLE = 'Part of this form could not be read; check every field and try again.';

/** Handlers must never throw on bad input: anything unforeseen becomes a rejection instead. */
export function guarded(handler: CommandHandler): CommandHandler {
	return (state, command, ctx) => {
		try {
			return handler(state, command, ctx);
		} catch {
			return reject('invalid-input', UNREADABLE);
		}
	};
}

/** "$12.50" */
export const usd = (m: Money): string => formatUSD(m);

/** A journal line for a signed amount: positive debits, negative credits (zero lines are dropped by journal()). */
export function signedLine(account: GlAccount, amount: Money): JournalLineInput {
	return amount.isNegative() ? { account, credit: amount.negated() } : { account, debit: amount };
}

/** The payment target for a receipt line's kind, from the engine's environment. */
export function targetFor(env: { paymentTargets: Record<string, PaymentTarget> } | undefined, kind: string): PaymentTarget | undefined {
	return own(env?.paymentTargets ?? {}, kind);
}

/** A plain object from a command field, or a rejection naming it. */
export function record(input: unknown, field: string, message: string): Field<Record<string, unknown>> {
	if (typeof input !== 'object' || input === null || Array.isArray(input)) return reject('invalid-input', message, field);
	return { ok: true, value: input as Record<string, unknown> };
}

/** A list from a command field with min..max items, or a rejection naming it. */
export function list(input: unknown, field: string, min: number, max: number, what: string): Field<unknown[]> {
	if (!Array.isArray(input) || input.length < min) return reject('invalid-input', `Add at least ${min === 1 ? 'one' : min} ${what}.`, field);
	if (input.length > max) return reject('invalid-input', `At most ${max} ${what}s fit on one receipt.`, field);
	return { ok: true, value: input };
}

/** Per (account, subledger) totals of entries, debit minus credit: all zero when they cancel out. */
export function netOf(entries: readonly JournalEntry[]): Map<string, Money> {
	const net = new Map<string, Money>();
	for (const e of entries) {
		for (const l of e.lines) {
			const key = `${l.account}|${l.sub ?? ''}`;
			const delta = l.debit ? Money.of(l.debit) : Money.of(l.credit ?? '0').negated();
			net.set(key, (net.get(key) ?? Money.ZERO).plus(delta));
		}
	}
	return net;
}

export function cancelsOut(entries: readonly JournalEntry[]): boolean {
	return [...netOf(entries).values()].every((m) => m.isZero());
}

/** True while a close-out of this drawer waits for a supervisor (no more receipts on it meanwhile). */
export function closeAwaitingApproval(state: Readonly<SandboxState>, drawerId: string): boolean {
	return Object.values(state.approvals).some(
		(a) => a.status === 'pending' && a.payload.type === 'cash.close-drawer' && typeof a.payload.drawerId === 'string' && a.payload.drawerId.trim() === drawerId
	);
}
