/**
 * The answer formulas of parameterized items: a tiny, safe expression language evaluated with
 * exact decimals (never eval, never JS floats).
 *
 *   formula  := sum
 *   sum      := product (("+" | "-") product)*
 *   product  := unary (("*" | "/") unary)*
 *   unary    := ("-" | "+") unary | primary
 *   primary  := number | name | name "(" sum ("," sum)* ")" | "(" sum ")"
 *
 * Numbers are plain decimals ("2.05", "0.1", "175"); names are variables. Functions:
 * round(x, places) half-up (ties away from zero) to 0–10 places; min(a, b, …); max(a, b, …).
 */
import { dec, plain, type Dec } from './decimal';

export type Formula =
	| { type: 'number'; value: string }
	| { type: 'variable'; name: string }
	| { type: 'negate'; operand: Formula }
	| { type: 'binary'; op: '+' | '-' | '*' | '/'; left: Formula; right: Formula }
	| { type: 'call'; fn: FunctionName; args: Formula[] };

const FUNCTIONS = ['round', 'min', 'max'] as const;
type FunctionName = (typeof FUNCTIONS)[number];

export type FormulaParse =
	| { ok: true; formula: Formula; variables: string[] }
	| { ok: false; error: string; column: number };

/** Raised by evaluateFormula: a missing variable, division by zero, bad round places. */
export class FormulaError extends Error {
	override name = 'FormulaError';
}

const MAX_LENGTH = 500;
const MAX_DEPTH = 40;
const MAX_ROUND_PLACES = 10;

interface Token {
	type: 'number' | 'name' | 'op' | 'end';
	text: string;
	/** 1-based column in the formula text. */
	column: number;
}

function tokenize(text: string): Token[] | { error: string; column: number } {
	const tokens: Token[] = [];
	const pattern = /\s*(?:(\d+(?:\.\d+)?|\.\d+)|([A-Za-z_][A-Za-z0-9_]*)|([-+*/(),]))/y;
	let at = 0;
	while (at < text.length) {
		pattern.lastIndex = at;
		const m = pattern.exec(text);
		if (!m) {
			const column = at + 1 + (/^\s*/.exec(text.slice(at))?.[0].length ?? 0);
			if (text.slice(column - 1).trim() === '') break;
			return { error: `unexpected "${text[column - 1]}"`, column };
		}
		const tokenText = m[1] ?? m[2] ?? m[3]!;
		const column = m.index + m[0].length - tokenText.length + 1;
		tokens.push({ type: m[1] ? 'number' : m[2] ? 'name' : 'op', text: tokenText, column });
		at = pattern.lastIndex;
	}
	tokens.push({ type: 'end', text: '', column: text.length + 1 });
	return tokens;
}

/** Parse a formula; errors name the 1-based column. */
export function parseFormula(text: string): FormulaParse {
	if (text.trim() === '') return { ok: false, error: 'the formula is empty', column: 1 };
	if (text.length > MAX_LENGTH) return { ok: false, error: `the formula is longer than ${MAX_LENGTH} characters`, column: MAX_LENGTH };
	const tokens = tokenize(text);
	if (!Array.isArray(tokens)) return { ok: false, ...tokens };

	let pos = 0;
	const variables = new Set<string>();
	const peek = (): Token => tokens[pos]!;
	const fail = (error: string, token = peek()): never => {
		throw Object.assign(new Error(error), { column: token.column });
	};
	const expect = (op: string): void => {
		const t = peek();
		if (t.type !== 'op' || t.text !== op) fail(t.type === 'end' ? `missing "${op}" at the end` : `expected "${op}" but found "${t.text}"`);
		pos++;
	};

	const sum = (depth: number): Formula => {
		let left = product(depth);
		for (let t = peek(); t.type === 'op' && (t.text === '+' || t.text === '-'); t = peek()) {
			pos++;
			left = { type: 'binary', op: t.text, left, right: product(depth) };
		}
		return left;
	};
	const product = (depth: number): Formula => {
		let left = unary(depth);
		for (let t = peek(); t.type === 'op' && (t.text === '*' || t.text === '/'); t = peek()) {
			pos++;
			left = { type: 'binary', op: t.text, left, right: unary(depth) };
		}
		return left;
	};
	const unary = (depth: number): Formula => {
		if (depth > MAX_DEPTH) fail('the formula is nested too deeply');
		const t = peek();
		if (t.type === 'op' && (t.text === '-' || t.text === '+')) {
			pos++;
			const operand = unary(depth + 1);
			return t.text === '-' ? { type: 'negate', operand } : operand;
		}
		return primary(depth);
	};
	const primary = (depth: number): Formula => {
		const t = peek();
		if (t.type === 'number') {
			pos++;
			return { type: 'number', value: t.text };
		}
		if (t.type === 'name') {
			pos++;
			const next = peek();
			if (next.type === 'op' && next.text === '(') {
				if (!(FUNCTIONS as readonly string[]).includes(t.text)) fail(`unknown function "${t.text}" (use round, min or max)`, t);
				pos++;
				const args = [sum(depth + 1)];
				while (peek().type === 'op' && peek().text === ',') {
					pos++;
					args.push(sum(depth + 1));
				}
				expect(')');
				const fn = t.text as FunctionName;
				if (fn === 'round' && args.length !== 2) fail('round needs two arguments: round(value, places)', t);
				if (fn !== 'round' && args.length < 2) fail(`${fn} needs at least two arguments`, t);
				return { type: 'call', fn, args };
			}
			if ((FUNCTIONS as readonly string[]).includes(t.text)) fail(`${t.text} is a function: write ${t.text}(…)`, t);
			variables.add(t.text);
			return { type: 'variable', name: t.text };
		}
		if (t.type === 'op' && t.text === '(') {
			pos++;
			const inner = sum(depth + 1);
			expect(')');
			return inner;
		}
		return fail(t.type === 'end' ? 'the formula ends too early' : `unexpected "${t.text}"`);
	};

	try {
		const formula = sum(0);
		const rest = peek();
		if (rest.type !== 'end') fail(`unexpected "${rest.text}"`);
		return { ok: true, formula, variables: [...variables] };
	} catch (err) {
		const e = err as Error & { column?: number };
		return { ok: false, error: e.message, column: e.column ?? 1 };
	}
}

/** Evaluate exactly; values are plain decimal strings by variable name. */
export function evaluateFormulaDecimal(formula: Formula, values: Readonly<Record<string, string>>): Dec {
	switch (formula.type) {
		case 'number':
			return dec(formula.value);
		case 'variable': {
			const v = Object.hasOwn(values, formula.name) ? values[formula.name] : undefined;
			if (v === undefined) throw new FormulaError(`variable "${formula.name}" has no value`);
			return dec(v);
		}
		case 'negate':
			return evaluateFormulaDecimal(formula.operand, values).negated();
		case 'binary': {
			const a = evaluateFormulaDecimal(formula.left, values);
			const b = evaluateFormulaDecimal(formula.right, values);
			if (formula.op === '+') return a.plus(b);
			if (formula.op === '-') return a.minus(b);
			if (formula.op === '*') return a.times(b);
			if (b.isZero()) throw new FormulaError('division by zero');
			return a.dividedBy(b);
		}
		case 'call': {
			const args = formula.args.map((a) => evaluateFormulaDecimal(a, values));
			if (formula.fn === 'round') {
				const places = args[1]!;
				if (!places.isInteger() || places.isNegative() || places.gt(MAX_ROUND_PLACES)) {
					throw new FormulaError(`round places must be a whole number from 0 to ${MAX_ROUND_PLACES}, got ${plain(places)}`);
				}
				return args[0]!.toDecimalPlaces(places.toNumber());
			}
			return args.reduce((best, x) => (formula.fn === 'min' ? (x.lt(best) ? x : best) : x.gt(best) ? x : best));
		}
	}
}

/** Evaluate to a plain decimal string ("61.5", "6"); throws FormulaError. */
export function evaluateFormula(formula: Formula, values: Readonly<Record<string, string>>): string {
	return plain(evaluateFormulaDecimal(formula, values));
}
