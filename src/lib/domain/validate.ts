import type { Money, ParseMoneyOptions } from '$lib/money';
import type { BusinessDate } from './dates';
import { CommandInput, type Rejected } from './input';

/**
 * Single-field readers in "value or rejection" form, for handlers that check fields one at a time.
 * They are the same rules as CommandInput (they delegate to it), so every module reads input alike.
 */
export type Field<T> = { ok: true; value: T } | Rejected;

function read<T>(input: unknown, field: string, get: (reader: CommandInput) => T): Field<T> {
	const reader = new CommandInput({ [field]: input });
	const value = get(reader);
	return reader.problem ?? { ok: true, value };
}

export function text(input: unknown, field: string, label: string, opts: { max?: number; optional?: boolean } = {}): Field<string> {
	return read(input, field, (r) => r.text(field, label, opts));
}

export function amount(input: unknown, field: string, opts: ParseMoneyOptions = {}): Field<Money> {
	return read(input, field, (r) => r.amount(field, opts.field ?? 'Amount', { allowZero: opts.allowZero ?? true, ...(opts.max ? { max: opts.max } : {}) }));
}

export function date(input: unknown, field: string, label: string, opts: { optional?: boolean } = {}): Field<BusinessDate | undefined> {
	return read(input, field, (r) => (opts.optional && !r.has(field) ? undefined : r.date(field, label)));
}

export function oneOf<T extends string>(input: unknown, allowed: readonly T[], field: string, label: string): Field<T> {
	const choices = Object.fromEntries(allowed.map((a) => [a, a])) as unknown as Record<T, string>;
	return read(input, field, (r) => r.oneOf(field, label, choices) as T);
}

export function wholeNumber(input: unknown, field: string, label: string, min: number, max: number): Field<number> {
	return read(input, field, (r) => r.wholeNumber(field, label, min, max));
}
