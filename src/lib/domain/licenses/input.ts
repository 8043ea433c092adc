import { Money, parseMoney } from '$lib/money';
import { isBusinessDateString, type BusinessDate } from '../dates';
import { reject, type Decision, type RejectionCode } from '../model';

/**
 * Reads the fields of a command that came from a form, a scenario file or a fuzzer. The first
 * problem found is kept (`problem`) and every getter then returns a harmless placeholder, so a
 * handler reads all its fields, checks `problem` once, and never throws on bad input.
 * Shared by licenses/, permits/ and receivables/ (a candidate for the kernel; see the kernel's validate.ts).
 */
export type Rejected = Decision & { ok: false };

/** Own-property lookup, so ids like "constructor" or "__proto__" never find Object.prototype members. */
export function own<T>(map: Readonly<Record<string, T>>, key: string): T | undefined {
	return Object.prototype.hasOwnProperty.call(map, key) ? map[key] : undefined;
}

// Control characters have no place in names and addresses typed at the counter.
const CONTROL = /[\u0000-\u001f\u007f]/;

export class CommandInput {
	#problem: Rejected | null = null;
	readonly #fields: Readonly<Record<string, unknown>>;
	readonly #prefix: string;
	readonly #labelPrefix: string;

	/** `prefix`/`labelPrefix` name fields of one item in a list ("lines.1.", "Line 2: "). */
	constructor(fields: unknown, prefix = '', labelPrefix = '') {
		this.#fields = fields && typeof fields === 'object' && !Array.isArray(fields) ? (fields as Record<string, unknown>) : {};
		this.#prefix = prefix;
		this.#labelPrefix = labelPrefix;
	}

	/** The first problem, or null when every field read so far was fine. */
	get problem(): Rejected | null {
		return this.#problem;
	}

	/** Record a problem (only the first one is kept). */
	fail(message: string, field?: string, code: RejectionCode = 'invalid-input'): void {
		if (this.#problem) return;
		const name = field === undefined ? undefined : this.#prefix + field;
		this.#problem = reject(code, this.#labelPrefix + message, name);
	}

	#get(field: string): unknown {
		return Object.prototype.hasOwnProperty.call(this.#fields, field) ? this.#fields[field] : undefined;
	}

	#absent(field: string): boolean {
		const v = this.#get(field);
		return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
	}

	/** Trimmed text, at most `max` characters; '' when optional and absent. */
	text(field: string, label: string, opts: { max?: number; optional?: boolean } = {}): string {
		const v = this.#get(field);
		if (this.#absent(field)) {
			if (!opts.optional) this.fail(`${label} is required.`, field);
			return '';
		}
		if (typeof v !== 'string') {
			this.fail(`${label} must be typed as text.`, field);
			return '';
		}
		const t = v.trim().replace(/\s+/g, ' ');
		const max = opts.max ?? 200;
		if (t.length > max) this.fail(`${label} is too long (at most ${max} characters).`, field);
		else if (CONTROL.test(v.replace(/[\t\n\r]/g, ' '))) this.fail(`${label} contains characters that cannot be printed; retype it.`, field);
		return t;
	}

	/** A typed dollar amount ("1,250.00"); never a JS number. Zero only when allowed; $0.00 when optional and absent. */
	amount(field: string, label: string, opts: { allowZero?: boolean; max?: string; optional?: boolean } = {}): Money {
		const v = this.#get(field);
		if (opts.optional && this.#absent(field)) return Money.ZERO;
		if (v !== undefined && v !== null && typeof v !== 'string') {
			this.fail(`${label} must be typed in dollars and cents, like 1250.00.`, field);
			return Money.ZERO;
		}
		const parsed = parseMoney(v, { field: label, allowZero: opts.allowZero ?? false, ...(opts.max ? { max: opts.max } : {}) });
		if (!parsed.ok) {
			this.fail(parsed.error, field);
			return Money.ZERO;
		}
		return parsed.value;
	}

	/** A yes/no answer; `fallback` when absent (required when there is none). */
	bool(field: string, label: string, fallback?: boolean): boolean {
		const v = this.#get(field);
		if (typeof v === 'boolean') return v;
		if (v === undefined && fallback !== undefined) return fallback;
		this.fail(`Answer yes or no: ${label}`, field);
		return false;
	}

	/** One of a fixed set of codes; the message lists the choices by their display names. */
	oneOf<T extends string>(field: string, label: string, choices: Readonly<Record<T, string>>, opts: { optional?: boolean } = {}): T | null {
		const v = this.#get(field);
		if (opts.optional && this.#absent(field)) return null;
		if (typeof v === 'string' && Object.prototype.hasOwnProperty.call(choices, v)) return v as T;
		this.fail(`Choose the ${label}: ${Object.values<string>(choices).join(', ')}.`, field);
		return null;
	}

	/** A real calendar date "YYYY-MM-DD"; `fallback` when absent and one is given. */
	date(field: string, label: string, fallback?: BusinessDate): BusinessDate {
		const v = this.#get(field);
		if (this.#absent(field) && fallback !== undefined) return fallback;
		if (this.#absent(field)) {
			this.fail(`${label} is required (YYYY-MM-DD).`, field);
			return '1970-01-01';
		}
		if (!isBusinessDateString(v)) {
			this.fail(`${label} must be a real date written YYYY-MM-DD, like 2026-07-01.`, field);
			return '1970-01-01';
		}
		return v;
	}

	/** A whole number from min to max (a number or digits as text); `fallback` when absent. */
	wholeNumber(field: string, label: string, min: number, max: number, fallback?: number): number {
		const v = this.#get(field);
		if (this.#absent(field) && fallback !== undefined) return fallback;
		const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d{1,9}$/.test(v.trim()) ? Number(v.trim()) : Number.NaN;
		if (!Number.isSafeInteger(n) || n < min || n > max) {
			this.fail(`${label} must be a whole number from ${min} to ${max}.`, field);
			return min;
		}
		return n;
	}

	/** A list of 1..max items, each read by `read` with its own CommandInput ("Line 2: …", field "lines.1.amount"). */
	list<T>(field: string, label: string, max: number, itemLabel: string, read: (item: CommandInput) => T): T[] {
		const v = this.#get(field);
		if (!Array.isArray(v) || v.length === 0) {
			this.fail(`${label}: add at least one.`, field);
			return [];
		}
		if (v.length > max) {
			this.fail(`${label}: at most ${max}.`, field);
			return [];
		}
		const out: T[] = [];
		v.forEach((item: unknown, i) => {
			const sub = new CommandInput(item, `${this.#prefix}${field}.${i}.`, `${this.#labelPrefix}${itemLabel} ${i + 1}: `);
			out.push(read(sub));
			if (sub.problem && !this.#problem) this.#problem = sub.problem;
		});
		return out;
	}
}
