import { Money, parseMoney } from '$lib/money';
import { isBusinessDateString, type BusinessDate } from './dates';
import { reject, type Decision, type RejectionCode } from './model';

/**
 * Reads command fields typed at the counter, written in a scenario file or thrown by a fuzzer. The
 * first problem is kept and every getter then returns a harmless placeholder, so a handler reads all
 * its fields, checks `problem` once, and never throws on bad input. Every module reads input this way.
 */
export type Rejected = Decision & { ok: false };

/** record[key] only when it is the record's own entry, so ids typed as "constructor" or "__proto__" find nothing. */
export function own<T>(record: Readonly<Record<string, T>>, key: unknown): T | undefined {
	return typeof key === 'string' && Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

// Control characters have no place in names and addresses.
const CONTROL = /[\u0000-\u001f\u007f]/;

export class CommandInput {
	#problem: Rejected | null = null;
	readonly #fields: Readonly<Record<string, unknown>>;
	readonly #prefix: string;
	readonly #labelPrefix: string;

	/** `prefix`/`labelPrefix` name the fields of one item in a list ("lines.1.", "Line 2: "). */
	constructor(fields: unknown, prefix = '', labelPrefix = '') {
		this.#fields = fields && typeof fields === 'object' && !Array.isArray(fields) ? (fields as Record<string, unknown>) : {};
		this.#prefix = prefix;
		this.#labelPrefix = labelPrefix;
	}

	/** The first problem, or null when every field read so far was fine. */
	get problem(): Rejected | null {
		return this.#problem;
	}

	/** Record a problem (only the first is kept). */
	fail(message: string, field?: string, code: RejectionCode = 'invalid-input'): void {
		if (this.#problem) return;
		this.#problem = reject(code, this.#labelPrefix + message, field === undefined ? undefined : this.#prefix + field);
	}

	has(field: string): boolean {
		const v = own(this.#fields, field);
		return !(v === undefined || v === null || (typeof v === 'string' && v.trim() === ''));
	}

	#raw(field: string): unknown {
		return own(this.#fields, field);
	}

	/** The raw value of a field, for module-specific readers built on this class. */
	value(field: string): unknown {
		return this.#raw(field);
	}

	text(field: string, label: string, opts: { max?: number; optional?: boolean } = {}): string {
		const v = this.#raw(field);
		if (!this.has(field)) {
			if (!opts.optional) this.fail(`Enter the ${lower(label)}.`, field);
			return '';
		}
		if (typeof v !== 'string') {
			this.fail(`The ${lower(label)} must be text.`, field);
			return '';
		}
		const value = v.trim().replace(/\s+/g, ' ');
		const max = opts.max ?? 200;
		if (CONTROL.test(v.trim())) this.fail(`The ${lower(label)} has characters that cannot be printed; retype it.`, field);
		else if (value.length > max) this.fail(`The ${lower(label)} can be at most ${max} characters.`, field);
		return value;
	}

	oneOf<T extends string>(field: string, label: string, choices: Readonly<Record<T, string>>, opts: { optional?: boolean } = {}): T | undefined {
		const v = this.#raw(field);
		if (!this.has(field) && opts.optional) return undefined;
		if (typeof v === 'string' && Object.prototype.hasOwnProperty.call(choices, v)) return v as T;
		const list = Object.values<string>(choices).join(', ');
		this.fail(this.has(field) ? `The ${lower(label)} must be one of: ${list}.` : `Choose the ${lower(label)}: ${list}.`, field);
		return undefined;
	}

	/** A typed dollar amount ("72.00"); numbers are refused so money never passes through a JS number. */
	amount(field: string, label: string, opts: { allowZero?: boolean; max?: string; optional?: boolean } = {}): Money {
		const v = this.#raw(field);
		if (!this.has(field) && opts.optional) return Money.ZERO;
		if (v !== undefined && v !== null && typeof v !== 'string') {
			this.fail(`Type the ${lower(label)} as dollars and cents, like 72.00.`, field);
			return Money.ZERO;
		}
		const parsed = parseMoney(v as string | undefined, { field: capital(label), allowZero: opts.allowZero ?? false, ...(opts.max ? { max: opts.max } : {}) });
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
			this.fail(`The ${lower(label)} must be a whole number from ${grouped(min)} to ${grouped(max)}.`, field);
			return min;
		}
		return n;
	}

	date(field: string, label: string, opts: { fallback?: BusinessDate } = {}): BusinessDate {
		const v = this.#raw(field);
		if (!this.has(field)) {
			if (opts.fallback !== undefined) return opts.fallback;
			this.fail(`Enter the ${lower(label)} (YYYY-MM-DD).`, field);
			return '1970-01-01';
		}
		if (!isBusinessDateString(v)) {
			this.fail(`The ${lower(label)} must be a real date written YYYY-MM-DD.`, field);
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

	/** A list of 1..max items, each read by `read` with its own CommandInput ("Line 2: …", field "lines.1.amount"). */
	list<T>(field: string, label: string, max: number, itemLabel: string, read: (item: CommandInput) => T): T[] {
		const v = this.#raw(field);
		if (!Array.isArray(v) || v.length === 0) {
			this.fail(`${capital(label)}: add at least one.`, field);
			return [];
		}
		if (v.length > max) {
			this.fail(`${capital(label)}: at most ${max}.`, field);
			return [];
		}
		return v.map((item: unknown, i) => {
			const sub = new CommandInput(item, `${this.#prefix}${field}.${i}.`, `${this.#labelPrefix}${itemLabel} ${i + 1}: `);
			const value = read(sub);
			if (sub.problem && !this.#problem) this.#problem = sub.problem;
			return value;
		});
	}
}

/** 1234567 → "1,234,567" (meter reads and limits in messages). */
export function grouped(n: number): string {
	return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function capital(s: string): string {
	return s.charAt(0).toUpperCase() + s.slice(1);
}

/** "Start date" → "start date" inside a sentence ("The number of checks" → "number of checks"); acronyms ("PO number") stay. */
function lower(s: string): string {
	const noun = s.replace(/^the\s+/i, '');
	return /^[A-Z][a-z]/.test(noun) ? noun[0]!.toLowerCase() + noun.slice(1) : noun;
}
