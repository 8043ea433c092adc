/**
 * Placeholders: how a scenario refers to things its setup created, whose ids are only known once
 * the setup has run on the world ("the drawer the setup opened", "the receipt it wrote").
 *
 *   {{today}}, {{today+3}}, {{today-10}}   the business date (± whole days), YYYY-MM-DD
 *   {{trainee.id}}, {{trainee.name}}       the person doing the attempt
 *   {{standardFloat}}                      the $200.00 float by denomination (for cash.open-drawer counts)
 *   {{drawer.drawerId}}                    field `drawerId` of the first event the step named `drawer`
 *                                          produced that has that field; paths go deeper with dots
 *                                          and list positions with numbers: {{start.account.number}},
 *                                          {{pay.lines.0.ref}}
 *
 * A value that is exactly one placeholder takes the field's own value (a number stays a number, an
 * object an object); placeholders inside longer text are written into it.
 * Pure and free of runtime imports, so the content loader can check placeholders without the engine.
 */
import type { Placeholders } from './types';

export const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
const WHOLE = /^\{\{\s*([^{}]*?)\s*\}\}$/;

/** Step names: a letter, then letters and digits (no dots, so paths stay readable). */
export const STEP_NAME = /^[a-z][A-Za-z0-9]*$/;
/** Names that mean something already and cannot name a step. */
export const RESERVED_NAMES = ['today', 'trainee', 'standardFloat'] as const;

export type Expression =
	| { kind: 'today'; offset: number }
	| { kind: 'trainee'; field: 'id' | 'name' }
	| { kind: 'standard-float' }
	| { kind: 'step'; name: string; path: (string | number)[] };

const SEGMENT = /^(?:[A-Za-z_][A-Za-z0-9_-]*|\d{1,4})$/;

/** Read one expression (the text between the braces), or say what is wrong with it. */
export function parseExpression(text: string): { ok: true; value: Expression } | { ok: false; message: string } {
	const expr = text.trim();
	const today = /^today(?:\s*([+-])\s*(\d{1,4}))?$/.exec(expr);
	if (today) {
		const n = today[2] ? Number(today[2]) : 0;
		return { ok: true, value: { kind: 'today', offset: today[1] === '-' ? -n : n } };
	}
	if (expr === 'trainee.id' || expr === 'trainee.name') return { ok: true, value: { kind: 'trainee', field: expr === 'trainee.id' ? 'id' : 'name' } };
	if (expr === 'standardFloat') return { ok: true, value: { kind: 'standard-float' } };
	const parts = expr.split('.');
	const [name, ...rest] = parts;
	if (!name || !STEP_NAME.test(name) || rest.length === 0 || !rest.every((p) => SEGMENT.test(p))) {
		return {
			ok: false,
			message: `{{${expr}}} is not a placeholder: use {{today}}, {{today+N}}, {{trainee.name}}, {{standardFloat}} or {{stepName.field}} (a named step and a field of its events)`
		};
	}
	if ((RESERVED_NAMES as readonly string[]).includes(name)) return { ok: false, message: `{{${expr}}}: ${name} has no field ${rest.join('.')}` };
	return { ok: true, value: { kind: 'step', name, path: rest.map((p) => (/^\d+$/.test(p) ? Number(p) : p)) } };
}

/** Every placeholder expression in a value (strings inside objects and lists too), in order, without repeats. */
export function placeholdersIn(value: unknown, out: string[] = []): string[] {
	if (typeof value === 'string') {
		for (const m of value.matchAll(PLACEHOLDER)) {
			const expr = m[1]!.trim();
			if (!out.includes(expr)) out.push(expr);
		}
	} else if (Array.isArray(value)) {
		for (const v of value) placeholdersIn(v, out);
	} else if (value !== null && typeof value === 'object') {
		for (const v of Object.values(value)) placeholdersIn(v, out);
	}
	return out;
}

/** The value at `path` inside `value`, or undefined; own properties only. */
export function readPath(value: unknown, path: readonly (string | number)[]): unknown {
	let node = value;
	for (const seg of path) {
		if (node === null || typeof node !== 'object') return undefined;
		if (!Object.prototype.hasOwnProperty.call(node, seg)) return undefined;
		node = (node as Record<string | number, unknown>)[seg];
	}
	return node;
}

export type Lookup = (expr: string) => { ok: true; value: unknown } | { ok: false; message: string };

export class PlaceholderError extends Error {}

/** Replace every placeholder in `value` (deeply) using `lookup`; throws PlaceholderError naming the first it cannot resolve. */
export function resolvePlaceholders<T>(value: T, lookup: Lookup): T {
	return resolve(value, lookup) as T;
}

function resolve(value: unknown, lookup: Lookup): unknown {
	if (typeof value === 'string') {
		const whole = WHOLE.exec(value);
		if (whole) return structuredClone(found(lookup, whole[1]!.trim()));
		if (!value.includes('{{')) return value;
		return value.replace(PLACEHOLDER, (_, expr: string) => {
			const v = found(lookup, expr.trim());
			if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
			throw new PlaceholderError(`{{${expr.trim()}}} is not text, so it can only be used as a whole value`);
		});
	}
	if (Array.isArray(value)) return value.map((v) => resolve(v, lookup));
	if (value !== null && typeof value === 'object') {
		const out: Record<string, unknown> = {};
		for (const [k, v] of Object.entries(value)) out[k] = resolve(v, lookup);
		return out;
	}
	return value;
}

function found(lookup: Lookup, expr: string): unknown {
	const r = lookup(expr);
	if (!r.ok) throw new PlaceholderError(r.message);
	return r.value;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text (a task, a prompt, rendered HTML) with its placeholders filled from resolved values; with
 * `html`, the values are escaped. An unknown placeholder is left as written, so nothing is lost.
 */
export function fillText(text: string, values: Placeholders, options: { html?: boolean } = {}): string {
	return text.replace(PLACEHOLDER, (whole, expr: string) => {
		const key = expr.trim();
		if (!Object.prototype.hasOwnProperty.call(values, key)) return whole;
		const v = values[key];
		const s = typeof v === 'string' ? v : JSON.stringify(v);
		return options.html ? s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!) : s;
	});
}
