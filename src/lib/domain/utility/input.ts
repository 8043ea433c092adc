import { Money, parseMoney } from '$lib/money';
import { isBusinessDateString, type BusinessDate } from '../dates';
import { reject, type Decision, type RejectionCode, type SandboxState } from '../model';
import type { UtilityAccount } from './types';

/**
 * Reads command fields typed at the counter or written in a scenario file. The first problem is
 * kept and every getter then returns a harmless placeholder, so a handler reads all its fields,
 * checks `problem` once, and never throws on bad input.
 */
export type Rejected = Decision & { ok: false };

/** Own-property lookup: ids like "constructor" never find Object.prototype members. */
export function own<T>(map: Readonly<Record<string, T>>, key: string): T | undefined {
	return Object.prototype.hasOwnProperty.call(map, key) ? map[key] : undefined;
}

// Control characters have no place in names and addresses.
const CONTROL = /[\u0000-\u001f\u007f]/;

export class CommandInput {
	#problem: Rejected | null = null;
	readonly #fields: Readonly<Record<string, unknown>>;

	constructor(fields: unknown) {
		this.#fields = fields && typeof fields === 'object' && !Array.isArray(fields) ? (fields as Record<string, unknown>) : {};
	}

	get problem(): Rejected | null {
		return this.#problem;
	}

	/** Record a problem (only the first is kept). */
	fail(message: string, field?: string, code: RejectionCode = 'invalid-input'): void {
		if (!this.#problem) this.#problem = reject(code, message, field);
	}

	has(field: string): boolean {
		const v = own(this.#fields, field);
		return !(v === undefined || v === null || (typeof v === 'string' && v.trim() === ''));
	}

	#raw(field: string): unknown {
		return own(this.#fields, field);
	}

	text(field: string, label: string, opts: { max?: number; optional?: boolean } = {}): string {
		const v = this.#raw(field);
		if (!this.has(field)) {
			if (!opts.optional) this.fail(`Enter the ${label}.`, field);
			return '';
		}
		if (typeof v !== 'string') {
			this.fail(`The ${label} must be text.`, field);
			return '';
		}
		const value = v.trim().replace(/\s+/g, ' ');
		const max = opts.max ?? 200;
		if (CONTROL.test(v.trim())) this.fail(`The ${label} has characters that cannot be printed; retype it.`, field);
		else if (value.length > max) this.fail(`The ${label} can be at most ${max} characters.`, field);
		return value;
	}

	oneOf<T extends string>(field: string, label: string, choices: Readonly<Record<T, string>>, opts: { optional?: boolean } = {}): T | undefined {
		const v = this.#raw(field);
		if (!this.has(field) && opts.optional) return undefined;
		if (typeof v === 'string' && Object.prototype.hasOwnProperty.call(choices, v)) return v as T;
		const list = Object.values<string>(choices).join(', ');
		this.fail(this.has(field) ? `The ${label} must be one of: ${list}.` : `Choose the ${label}: ${list}.`, field);
		return undefined;
	}

	/** A typed dollar amount ("72.00"); numbers are refused so money never passes through a JS number. */
	amount(field: string, label: string, opts: { allowZero?: boolean; max?: string; optional?: boolean } = {}): Money {
		const v = this.#raw(field);
		if (!this.has(field) && opts.optional) return Money.ZERO;
		if (v !== undefined && v !== null && typeof v !== 'string') {
			this.fail(`Type the ${label} as dollars and cents, like 72.00.`, field);
			return Money.ZERO;
		}
		const parsed = parseMoney(v as string | undefined, { field: capital(label), allowZero: opts.allowZero ?? false, max: opts.max ?? '99999.99' });
		if (!parsed.ok) {
			this.fail(parsed.error, field);
			return Money.ZERO;
		}
		return parsed.value;
	}

	/** A whole number typed as digits (or a safe integer), within min..max. */
	wholeNumber(field: string, label: string, min: number, max: number, opts: { fallback?: number } = {}): number {
		const v = this.#raw(field);
		if (!this.has(field) && opts.fallback !== undefined) return opts.fallback;
		const typed = typeof v === 'string' ? v.trim() : '';
		// Digits, optionally grouped by correctly placed commas ("1,204"; never "1,2,3").
		const digits = /^(?:\d{1,15}|\d{1,3}(?:,\d{3}){1,4})$/.test(typed) ? typed.replace(/,/g, '') : '';
		const n = typeof v === 'number' ? v : digits ? Number(digits) : Number.NaN;
		if (!Number.isSafeInteger(n) || n < min || n > max) {
			this.fail(`The ${label} must be a whole number from ${grouped(min)} to ${grouped(max)}.`, field);
			return min;
		}
		return n;
	}

	date(field: string, label: string, opts: { fallback?: BusinessDate } = {}): BusinessDate {
		const v = this.#raw(field);
		if (!this.has(field)) {
			if (opts.fallback !== undefined) return opts.fallback;
			this.fail(`Enter the ${label} (YYYY-MM-DD).`, field);
			return '1970-01-01';
		}
		if (!isBusinessDateString(v)) {
			this.fail(`The ${label} must be a real date written YYYY-MM-DD.`, field);
			return '1970-01-01';
		}
		return v;
	}

	/** Strictly true or false (a checkbox the clerk must answer). */
	bool(field: string, question: string): boolean {
		const v = this.#raw(field);
		if (v === true || v === 'true') return true;
		if (v === false || v === 'false') return false;
		this.fail(`Answer yes or no: ${question}`, field);
		return false;
	}

	/** A US phone number: 10 digits, optionally after a leading 1. */
	phone(field: string): string {
		const v = this.text(field, 'phone number', { max: 30 });
		if (!v) return '';
		const digits = v.replace(/\D/g, '');
		const ten = digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
		if (ten.length !== 10 || /[^\d\s().+-]/.test(v)) {
			this.fail('The phone number must have 10 digits, like 209-555-0143.', field);
			return '';
		}
		return `${ten.slice(0, 3)}-${ten.slice(3, 6)}-${ten.slice(6)}`;
	}

	/** The utility account named by `field` ("100-0001"). */
	account(state: Readonly<SandboxState>, field = 'account'): UtilityAccount | undefined {
		const v = this.#raw(field);
		if (!this.has(field)) {
			this.fail('Enter the utility account number, like 100-0001.', field);
			return undefined;
		}
		if (typeof v !== 'string' || !/^\d{3}-\d{4,}$/.test(v.trim())) {
			this.fail('A utility account number looks like 100-0001 (it is printed on the bill).', field);
			return undefined;
		}
		const found = own(state.utility.accounts, v.trim());
		if (!found) this.fail(`There is no utility account ${v.trim()}; check the number on the bill.`, field, 'not-found');
		return found;
	}
}

/** 1234567 → "1,234,567" (meter reads and limits in messages). */
export function grouped(n: number): string {
	return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function capital(s: string): string {
	return s.charAt(0).toUpperCase() + s.slice(1);
}
