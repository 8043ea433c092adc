/**
 * Parameterized items: drawing each candidate's values, showing them in the stem and computing
 * the key from the item's formula.
 */
import { formatUSD, Money } from '../money';
import { dec, fixed, groupThousands, placesOf, plain } from './decimal';
import { evaluateFormulaDecimal, parseFormula } from './formula';
import type { SeededRandom } from './random';
import type { ParameterizedItem, VariableSpec } from './types';

/** `{{name}}` in a stem or passage (spaces inside the braces allowed). */
export const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** Most values one range may offer (keeps a typo like step "0.0001" from meaning billions). */
export const MAX_RANGE_VALUES = 1_000_000;

/** Decimal places a range variable's values are written with. */
function rangePlaces(spec: VariableSpec): number {
	if (spec.money) return 2;
	if ('values' in spec) return 0;
	return Math.max(placesOf(spec.min), placesOf(spec.step));
}

/**
 * How many values a variable can take, or a sentence saying why its range is unusable.
 * A range needs min ≤ max, step > 0 and max reachable from min in whole steps.
 */
export function valueCount(spec: VariableSpec): number | string {
	if ('values' in spec) return spec.values.length;
	const min = dec(spec.min);
	const max = dec(spec.max);
	const step = dec(spec.step);
	if (!step.isPositive() || step.isZero()) return 'step must be greater than 0';
	if (max.lt(min)) return 'max must not be less than min';
	const steps = max.minus(min).dividedBy(step);
	if (!steps.isInteger()) return `max must be min plus a whole number of steps (${spec.min} + n × ${spec.step})`;
	if (steps.gte(MAX_RANGE_VALUES)) return `the range has more than ${MAX_RANGE_VALUES.toLocaleString('en-US')} values; use a larger step`;
	return steps.toNumber() + 1;
}

/** The value at `index` (0-based) of a variable, as a plain decimal string. */
export function valueAt(spec: VariableSpec, index: number): string {
	if ('values' in spec) {
		const v = spec.values[index]!;
		return spec.money ? fixed(dec(v), 2) : v;
	}
	return fixed(dec(spec.min).plus(dec(spec.step).times(index)), rangePlaces(spec));
}

/** One value per variable, in the item's order, from this item's generator. */
export function drawVariables(item: ParameterizedItem, random: SeededRandom): Record<string, string> {
	const values: Record<string, string> = {};
	for (const [name, spec] of Object.entries(item.variables)) {
		const count = valueCount(spec);
		if (typeof count === 'string') throw new Error(`item ${item.id}: variable ${name}: ${count}`);
		values[name] = valueAt(spec, random.int(0, count - 1));
	}
	return values;
}

/** How a value reads in the stem: "$1,234.50" for money, "1,250,000" / "12.5" otherwise. */
export function displayValue(spec: VariableSpec, value: string): string {
	return spec.money ? formatUSD(Money.of(value)) : groupThousands(value);
}

/** Replace every `{{name}}` with the candidate's value; unknown names are left as written. */
export function fillPlaceholders(text: string, item: ParameterizedItem, values: Readonly<Record<string, string>>): string {
	return text.replace(PLACEHOLDER, (whole, name: string) => {
		const spec = Object.hasOwn(item.variables, name) ? item.variables[name] : undefined;
		const value = Object.hasOwn(values, name) ? values[name] : undefined;
		return spec && value !== undefined ? displayValue(spec, value) : whole;
	});
}

/**
 * The key for these values: the formula's exact result; for money items a canonical amount
 * ("61.50"). Throws if the formula does not parse or, for money, leaves digits past the cent
 * (validateItem reports both when the content is loaded).
 */
export function parameterizedAnswer(item: ParameterizedItem, values: Readonly<Record<string, string>>): string {
	const parsed = parseFormula(item.answer);
	if (!parsed.ok) throw new Error(`item ${item.id}: answer formula: ${parsed.error}`);
	const result = evaluateFormulaDecimal(parsed.formula, values);
	if (!item.money) return plain(result);
	if (result.decimalPlaces() > 2) throw new Error(`item ${item.id}: the answer ${plain(result)} is not whole cents; wrap the formula in round(…, 2)`);
	return fixed(result, 2);
}
