import { describe, expect, it } from 'vitest';
import { evaluateFormula, FormulaError, parseFormula, type Formula } from './formula';

function parsed(text: string): Formula {
	const r = parseFormula(text);
	if (!r.ok) throw new Error(`${r.error} at ${r.column}`);
	return r.formula;
}
const run = (text: string, values: Record<string, string> = {}) => evaluateFormula(parsed(text), values);

describe('parseFormula and evaluateFormula', () => {
	it('adds decimals exactly: 0.1 + 0.2 = 0.3', () => {
		expect(run('0.1 + 0.2')).toBe('0.3');
	});

	it('follows precedence and parentheses: 2 + 3 * 4 = 14, (2 + 3) * 4 = 20', () => {
		expect(run('2 + 3 * 4')).toBe('14');
		expect(run('(2 + 3) * 4')).toBe('20');
		expect(run('10 - 4 - 3')).toBe('3');
		expect(run('100 / 4 / 5')).toBe('5');
	});

	it('handles unary minus and plus', () => {
		expect(run('-3 + 5')).toBe('2');
		expect(run('-(2 - 7)')).toBe('5');
		expect(run('2 * -3')).toBe('-6');
		expect(run('+4')).toBe('4');
	});

	it('rounds half-up, ties away from zero: round(2.345, 2) = 2.35, round(-2.345, 2) = -2.35', () => {
		expect(run('round(2.345, 2)')).toBe('2.35');
		expect(run('round(2.344, 2)')).toBe('2.34');
		expect(run('round(-2.345, 2)')).toBe('-2.35');
		expect(run('round(66.40 * 7 / 30, 2)')).toBe('15.49');
		expect(run('round(1234.5, 0)')).toBe('1235');
	});

	it('takes min and max of any number of arguments', () => {
		expect(run('max(round(42.30 * 0.10, 2), 6.00)')).toBe('6');
		expect(run('max(round(123.45 * 0.10, 2), 6.00)')).toBe('12.35');
		expect(run('min(3, 1, 2)')).toBe('1');
	});

	it('uses variable values and lists the variables it reads', () => {
		const r = parseFormula('50 + round((receipts - 500000) * 0.003, 2) + fee');
		expect(r.ok && r.variables).toEqual(['receipts', 'fee']);
		expect(run('50 + round((receipts - 500000) * 0.003, 2) + fee', { receipts: '1234000', fee: '4.00' })).toBe('2256');
	});

	it('keeps 40 significant digits for division: 10 / 3', () => {
		expect(run('10 / 3')).toBe('3.333333333333333333333333333333333333333');
	});

	it('raises FormulaError for division by zero, a missing value and bad round places', () => {
		expect(() => run('1 / (2 - 2)')).toThrow(FormulaError);
		expect(() => run('a + 1')).toThrow('variable "a" has no value');
		expect(() => run('round(1.5, 0.5)')).toThrow('round places must be a whole number from 0 to 10');
		expect(() => run('round(1.5, 11)')).toThrow(FormulaError);
		// Own properties only: names like "constructor" are just undefined variables.
		expect(() => run('constructor + 1')).toThrow('variable "constructor" has no value');
	});

	it('reports syntax errors with their column', () => {
		expect(parseFormula('')).toEqual({ ok: false, error: 'the formula is empty', column: 1 });
		expect(parseFormula('2 +')).toMatchObject({ ok: false, error: 'the formula ends too early', column: 4 });
		expect(parseFormula('(2 + 3')).toMatchObject({ ok: false, error: 'missing ")" at the end' });
		expect(parseFormula('2 $ 3')).toMatchObject({ ok: false, error: 'unexpected "$"', column: 3 });
		expect(parseFormula('2 3')).toMatchObject({ ok: false, error: 'unexpected "3"', column: 3 });
		expect(parseFormula('sqrt(4)')).toMatchObject({ ok: false, error: 'unknown function "sqrt" (use round, min or max)', column: 1 });
		expect(parseFormula('round(4)')).toMatchObject({ ok: false, error: 'round needs two arguments: round(value, places)' });
		expect(parseFormula('max(4)')).toMatchObject({ ok: false, error: 'max needs at least two arguments' });
		expect(parseFormula('round + 1')).toMatchObject({ ok: false, error: 'round is a function: write round(…)' });
		expect(parseFormula('1e5')).toMatchObject({ ok: false });
		expect(parseFormula('alert(1)')).toMatchObject({ ok: false, error: 'unknown function "alert" (use round, min or max)' });
	});

	it('refuses absurd nesting and length instead of overflowing the stack', () => {
		expect(parseFormula(`${'('.repeat(60)}1${')'.repeat(60)}`)).toMatchObject({ ok: false, error: 'the formula is nested too deeply' });
		expect(parseFormula('1+'.repeat(300) + '1')).toMatchObject({ ok: false, error: 'the formula is longer than 500 characters' });
	});

	it('allows spaces anywhere, including at the end', () => {
		expect(run('  round( 1.005 ,2 )  ')).toBe('1.01');
	});
});
