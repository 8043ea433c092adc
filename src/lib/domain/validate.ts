import { parseMoney, type Money, type ParseMoneyOptions } from '$lib/money';
import { isBusinessDateString, type BusinessDate } from './dates';
import { reject, type Decision } from './model';

/**
 * Reading command fields that came from a form or a scenario file: each helper returns the value or
 * a rejection naming the field, so handlers validate without ever throwing.
 */
export type Field<T> = { ok: true; value: T } | (Decision & { ok: false });

export function text(input: unknown, field: string, label: string, opts: { max?: number; optional?: boolean } = {}): Field<string> {
	const value = typeof input === 'string' ? input.trim() : '';
	if (input !== undefined && input !== null && typeof input !== 'string') return reject('invalid-input', `${label} must be text.`, field);
	if (!value) return opts.optional ? { ok: true, value: '' } : reject('invalid-input', `Enter the ${label.toLowerCase()}.`, field);
	const max = opts.max ?? 200;
	if (value.length > max) return reject('invalid-input', `${label} can be at most ${max} characters.`, field);
	return { ok: true, value };
}

export function amount(input: unknown, field: string, opts: ParseMoneyOptions = {}): Field<Money> {
	if (input !== undefined && input !== null && typeof input !== 'string') return reject('invalid-input', `${opts.field ?? 'Amount'} must be typed as text, like 87.50.`, field);
	const parsed = parseMoney(input as string | undefined, opts);
	return parsed.ok ? { ok: true, value: parsed.value } : reject('invalid-input', parsed.error, field);
}

export function date(input: unknown, field: string, label: string, opts: { optional?: boolean } = {}): Field<BusinessDate | undefined> {
	if (input === undefined || input === null || input === '') return opts.optional ? { ok: true, value: undefined } : reject('invalid-input', `Enter the ${label.toLowerCase()} (YYYY-MM-DD).`, field);
	if (!isBusinessDateString(input)) return reject('invalid-input', `${label} must be a real date written YYYY-MM-DD.`, field);
	return { ok: true, value: input };
}

export function oneOf<T extends string>(input: unknown, allowed: readonly T[], field: string, label: string): Field<T> {
	if (typeof input === 'string' && (allowed as readonly string[]).includes(input)) return { ok: true, value: input as T };
	return reject('invalid-input', `Choose the ${label.toLowerCase()}: one of ${allowed.join(', ')}.`, field);
}

export function wholeNumber(input: unknown, field: string, label: string, min: number, max: number): Field<number> {
	const n = typeof input === 'number' ? input : typeof input === 'string' && /^\d+$/.test(input.trim()) ? Number(input.trim()) : Number.NaN;
	if (!Number.isSafeInteger(n) || n < min || n > max) return reject('invalid-input', `${label} must be a whole number from ${min} to ${max}.`, field);
	return { ok: true, value: n };
}

/** record[key] only when it is the record's own entry, so ids typed as "constructor" or "__proto__" find nothing. */
export function own<T>(record: Readonly<Record<string, T>>, key: unknown): T | undefined {
	return typeof key === 'string' && Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}
