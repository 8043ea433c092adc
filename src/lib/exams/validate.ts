/**
 * Checks across fields that a schema cannot express: one correct option, unique pairs, blanks
 * that match the stem, formulas whose variables exist and whose answers are whole cents…
 *
 * Shared by the content loader (which turns each problem's path into the file line of that key)
 * and the GIFT import (which rejects the item with the messages). Problems never throw.
 */
import { isMoneyString } from '../money';
import { dec, isPlainDecimal, placesOf, plain } from './decimal';
import { FormulaError, parseFormula } from './formula';
import { parameterizedAnswer, PLACEHOLDER, valueAt, valueCount } from './parameters';
import { SeededRandom } from './random';
import { BLANK_MARKER, lineAtIndex, lineOfMatch, normalizeAnswer, wordsOf } from './text';
import { CASH_DENOMINATIONS, isSkillsKind, type ExamBlueprint, type ExamItem, type ParameterizedItem } from './types';

export interface ItemProblem {
	/** Key path in the front matter ([] = the item as a whole). */
	path: (string | number)[];
	message: string;
	/** 1-based line within the stem (the markdown body) when the problem is in the stem. */
	stemLine?: number;
}

/** Counts an item may have; the README for item writers repeats them. */
export const ITEM_LIMITS = {
	singleChoiceOptions: [2, 8],
	multipleChoiceOptions: [2, 10],
	orderingEntries: [2, 12],
	matchingPairs: [2, 12],
	matchingDistractors: 6,
	blanks: [1, 10],
	checkPairs: [1, 25],
	variables: [1, 10],
	cashLines: [1, 12],
	cashCount: 10_000,
	rubricCriteria: [1, 10],
	/** Words of a typing passage: enough for a few minutes' copying, short enough to read. */
	typingWords: [50, 1_500],
	tenKeyEntries: [10, 2_000],
	skillsMinutes: [1, 30],
	/** Values of a parameterized item tried at load time besides all-min and all-max. */
	formulaSamples: 25
} as const;

const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function validateItem(item: ExamItem): ItemProblem[] {
	const problems: ItemProblem[] = [];
	const add = (path: (string | number)[], message: string, stemLine?: number) =>
		problems.push(stemLine === undefined ? { path, message } : { path, message, stemLine });
	const countBetween = (path: (string | number)[], n: number, [min, max]: readonly [number, number], what: string) => {
		if (n < min || n > max) add(path, `must have ${min} to ${max} ${what} (has ${n})`);
	};
	const unique = (list: readonly string[], path: (i: number) => (string | number)[], what: string, norm = (s: string) => s.trim()) => {
		const seen = new Map<string, number>();
		list.forEach((text, i) => {
			const key = norm(text);
			if (key === '') add(path(i), `${what} is empty`);
			else if (seen.has(key)) add(path(i), `${what} "${text.trim()}" repeats ${what} ${seen.get(key)! + 1}`);
			else seen.set(key, i);
		});
	};

	const minutesBetween = (minutes: number) => {
		const [min, max] = ITEM_LIMITS.skillsMinutes;
		if (!Number.isInteger(minutes) || minutes < min || minutes > max) add(['minutes'], `must be a whole number of minutes from ${min} to ${max}`);
	};

	if (item.stem.trim() === '') add([], 'the stem (the markdown below the front matter) is empty');
	if (isSkillsKind(item.kind)) {
		if (item.points !== 0) add(['points'], 'a skills test is scored in WPM or KPH, not points: leave points out');
	} else if (!Number.isInteger(item.points) || item.points < 1) add(['points'], 'must be a whole number of 1 or more');
	if (item.kind !== 'parameterized') {
		const line = lineOfMatch(item.stem, /\{\{/);
		if (line !== undefined) add([], 'only parameterized items use {{…}} placeholders', line);
		if (item.passage !== undefined && /\{\{/.test(item.passage)) add(['passage'], 'only parameterized items use {{…}} placeholders');
	}

	switch (item.kind) {
		case 'single-choice':
		case 'multiple-choice': {
			const single = item.kind === 'single-choice';
			countBetween(['options'], item.options.length, single ? ITEM_LIMITS.singleChoiceOptions : ITEM_LIMITS.multipleChoiceOptions, 'options');
			unique(item.options.map((o) => o.text), (i) => ['options', i, 'text'], 'option');
			const correct = item.options.filter((o) => o.correct).length;
			if (single && correct !== 1) add(['options'], `must have exactly one option with correct: true (has ${correct})`);
			if (!single && correct < 1) add(['options'], 'must have at least one option with correct: true');
			if (!single && correct === item.options.length) add(['options'], 'must have at least one option that is not correct');
			break;
		}
		case 'true-false':
			break;
		case 'numeric':
		case 'parameterized': {
			if (!isPlainDecimal(item.tolerance) || dec(item.tolerance).isNegative()) add(['tolerance'], 'must be a decimal number of 0 or more, like "0.05"');
			else if (item.money && !dec(item.tolerance).isZero()) add(['tolerance'], 'money answers are exact to the cent; remove the tolerance');
			if (item.kind === 'numeric') {
				if (!isPlainDecimal(item.answer)) add(['answer'], 'must be a decimal number in quotes, like "87.50"');
				else if (item.money && !isMoneyString(item.answer)) add(['answer'], 'must be dollars and cents with two decimals, like "87.50"');
			} else {
				problems.push(...validateParameters(item));
			}
			break;
		}
		case 'short-answer':
			if (item.answers.length === 0) add(['answers'], 'must list at least one accepted answer');
			unique(item.answers, (i) => ['answers', i], 'answer', (s) => normalizeAnswer(s, item.caseSensitive));
			break;
		case 'ordering':
			countBetween(['entries'], item.entries.length, ITEM_LIMITS.orderingEntries, 'entries');
			unique(item.entries, (i) => ['entries', i], 'entry');
			break;
		case 'matching': {
			countBetween(['pairs'], item.pairs.length, ITEM_LIMITS.matchingPairs, 'pairs');
			if (item.distractors.length > ITEM_LIMITS.matchingDistractors) add(['distractors'], `must have at most ${ITEM_LIMITS.matchingDistractors} distractors`);
			unique(item.pairs.map((p) => p.prompt), (i) => ['pairs', i, 'prompt'], 'prompt');
			const rightSide = [...item.pairs.map((p) => p.match), ...item.distractors];
			unique(rightSide, (i) => (i < item.pairs.length ? ['pairs', i, 'match'] : ['distractors', i - item.pairs.length]), 'match');
			break;
		}
		case 'fill-in': {
			countBetween(['blanks'], item.blanks.length, ITEM_LIMITS.blanks, 'blanks');
			const seen = new Set<number>();
			for (const m of item.stem.matchAll(BLANK_MARKER)) {
				const n = Number(m[1]);
				const line = lineAtIndex(item.stem, m.index);
				if (n < 1 || n > item.blanks.length) add([], `blank [[${n}]] has no entry in blanks (there are ${item.blanks.length})`, line);
				else if (seen.has(n)) add([], `blank [[${n}]] appears more than once`, line);
				seen.add(n);
			}
			item.blanks.forEach((blank, i) => {
				if (!seen.has(i + 1)) add(['blanks', i], `blank ${i + 1} has no [[${i + 1}]] in the stem`);
				if (blank.answers.length === 0) add(['blanks', i, 'answers'], 'must list at least one accepted answer');
				unique(blank.answers, (j) => ['blanks', i, 'answers', j], 'answer', (s) => normalizeAnswer(s, item.caseSensitive));
				if (blank.choices !== undefined) {
					if (blank.choices.length < 2) add(['blanks', i, 'choices'], 'must have at least 2 choices');
					unique(blank.choices, (j) => ['blanks', i, 'choices', j], 'choice', (s) => normalizeAnswer(s, item.caseSensitive));
					const offered = new Set(blank.choices.map((c) => normalizeAnswer(c, item.caseSensitive)));
					blank.answers.forEach((a, j) => {
						if (!offered.has(normalizeAnswer(a, item.caseSensitive))) add(['blanks', i, 'answers', j], `"${a}" is not one of the choices`);
					});
				}
			});
			break;
		}
		case 'name-number-check':
			countBetween(['pairs'], item.pairs.length, ITEM_LIMITS.checkPairs, 'pairs');
			item.pairs.forEach((p, i) => {
				if (p.left.trim() === '' || p.right.trim() === '') add(['pairs', i], 'both sides must have text');
			});
			break;
		case 'cash-count': {
			countBetween(['cash'], item.cash.length, ITEM_LIMITS.cashLines, 'lines');
			const known = new Set<string>(CASH_DENOMINATIONS.map((d) => d.denomination));
			const seen = new Set<string>();
			item.cash.forEach((line, i) => {
				if (!known.has(line.denomination)) add(['cash', i, 'denomination'], `must be one of ${[...known].join(', ')}`);
				if (seen.has(line.denomination)) add(['cash', i, 'denomination'], `${line.denomination} is listed twice`);
				seen.add(line.denomination);
				if (!Number.isInteger(line.count) || line.count < 0 || line.count > ITEM_LIMITS.cashCount) {
					add(['cash', i, 'count'], `must be a whole number from 0 to ${ITEM_LIMITS.cashCount}`);
				}
			});
			if (item.cash.every((l) => l.count === 0)) add(['cash'], 'must have at least one bill or coin');
			break;
		}
		case 'typing': {
			minutesBetween(item.minutes);
			countBetween(['text'], wordsOf(item.text).length, ITEM_LIMITS.typingWords, 'words');
			if (/\t/.test(item.text)) add(['text'], 'must not contain tabs (a candidate cannot type them into the box)');
			break;
		}
		case 'ten-key': {
			minutesBetween(item.minutes);
			if ((item.entries === undefined) === (item.generate === undefined)) {
				add([], 'needs exactly one of entries (a fixed batch) or generate (one batch per candidate)');
			}
			if (item.entries) countBetween(['entries'], item.entries.length, ITEM_LIMITS.tenKeyEntries, 'entries');
			item.entries?.forEach((entry, i) => {
				if (!/^\d{1,12}(?:\.\d{1,4})?$/.test(entry)) add(['entries', i], 'must be digits with an optional decimal point, like "4821.07"');
			});
			const g = item.generate;
			if (g) countBetween(['generate', 'count'], g.count, ITEM_LIMITS.tenKeyEntries, 'entries');
			if (g && g.minDigits > g.maxDigits) add(['generate', 'minDigits'], 'must not be more than maxDigits');
			if (g && g.decimals >= g.minDigits) add(['generate', 'decimals'], 'must be fewer than minDigits (every entry keeps a digit before the point)');
			if (item.minimumAccuracy !== undefined && (!isPlainDecimal(item.minimumAccuracy) || dec(item.minimumAccuracy).gt(100))) {
				add(['minimumAccuracy'], 'must be a percent from 0 to 100, like "95"');
			}
			break;
		}
		case 'essay': {
			countBetween(['rubric'], item.rubric.length, ITEM_LIMITS.rubricCriteria, 'criteria');
			unique(item.rubric.map((c) => c.criterion), (i) => ['rubric', i, 'criterion'], 'criterion');
			const total = item.rubric.reduce((s, c) => s + c.points, 0);
			if (item.points !== total) add(['points'], `must equal the rubric total (${total}); or leave points out`);
			if (item.minWords !== undefined && item.maxWords !== undefined && item.minWords > item.maxWords) {
				add(['minWords'], 'must not be more than maxWords');
			}
			break;
		}
	}
	return problems;
}

function validateParameters(item: ParameterizedItem): ItemProblem[] {
	const problems: ItemProblem[] = [];
	const add = (path: (string | number)[], message: string, stemLine?: number) =>
		problems.push(stemLine === undefined ? { path, message } : { path, message, stemLine });
	const names = Object.keys(item.variables);
	const [minVars, maxVars] = ITEM_LIMITS.variables;
	if (names.length < minVars || names.length > maxVars) add(['variables'], `must define ${minVars} to ${maxVars} variables (has ${names.length})`);

	const counts = new Map<string, number>();
	for (const name of names) {
		const spec = item.variables[name]!;
		if (!VARIABLE_NAME.test(name)) add(['variables', name], 'names are letters, digits and _ and start with a letter');
		const numbers = 'values' in spec ? spec.values : [spec.min, spec.max, spec.step];
		const bad = numbers.find((v) => !isPlainDecimal(v));
		if (bad !== undefined) {
			add(['variables', name], `"${bad}" is not a decimal number`);
			continue;
		}
		if (spec.money && numbers.some((v) => placesOf(v) > 2)) add(['variables', name], 'money values have at most two decimals');
		const count = valueCount(spec);
		if (typeof count === 'string') add(['variables', name], count);
		else if (count === 0) add(['variables', name, 'values'], 'must list at least one value');
		else counts.set(name, count);
	}

	const stemNames = new Set<string>();
	for (const [text, where] of [[item.stem, 'stem'], [item.passage ?? '', 'passage']] as const) {
		for (const m of text.matchAll(PLACEHOLDER)) {
			const name = m[1]!;
			stemNames.add(name);
			if (!Object.hasOwn(item.variables, name)) {
				if (where === 'stem') add([], `{{${name}}} is not one of the variables (${names.join(', ')})`, lineAtIndex(text, m.index));
				else add(['passage'], `{{${name}}} is not one of the variables (${names.join(', ')})`);
			}
		}
	}
	for (const name of names) {
		if (!stemNames.has(name)) add(['variables', name], `is never shown: put {{${name}}} in the stem`);
	}

	const parsed = parseFormula(item.answer);
	if (!parsed.ok) {
		add(['answer'], `formula: ${parsed.error} (at character ${parsed.column})`);
		return problems;
	}
	const undefinedNames = parsed.variables.filter((v) => !Object.hasOwn(item.variables, v));
	if (undefinedNames.length > 0) {
		add(['answer'], `formula uses ${undefinedNames.join(', ')}, which ${undefinedNames.length === 1 ? 'is not a variable' : 'are not variables'}`);
	}
	if (problems.length > 0 || counts.size !== names.length) return problems;

	// Try the corners and a fixed sample of values, so a division by zero or a money answer with
	// sub-cent digits is found now and not on exam day.
	const trials: Record<string, string>[] = [
		Object.fromEntries(names.map((n) => [n, valueAt(item.variables[n]!, 0)])),
		Object.fromEntries(names.map((n) => [n, valueAt(item.variables[n]!, counts.get(n)! - 1)]))
	];
	const random = new SeededRandom(`validate:${item.id}`);
	for (let i = 0; i < ITEM_LIMITS.formulaSamples; i++) {
		trials.push(Object.fromEntries(names.map((n) => [n, valueAt(item.variables[n]!, random.int(0, counts.get(n)! - 1))])));
	}
	for (const values of trials) {
		try {
			parameterizedAnswer(item, values);
		} catch (err) {
			const shown = names.map((n) => `${n}=${plain(dec(values[n]!))}`).join(', ');
			const reason = err instanceof FormulaError ? err.message : (err as Error).message.replace(/^item [^:]+: /, '');
			add(['answer'], `with ${shown}: ${reason}`);
			break;
		}
	}
	return problems;
}

export interface BlueprintProblem {
	path: (string | number)[];
	message: string;
}

/** Checks of a blueprint on its own (its draws against a bank: findDrawShortfalls). */
export function validateBlueprint(blueprint: ExamBlueprint): BlueprintProblem[] {
	const problems: BlueprintProblem[] = [];
	const add = (path: (string | number)[], message: string) => problems.push({ path, message });

	const sectionIds = new Map<string, number>();
	const fixedItems = new Map<string, string>();
	let sectionMinutes = 0;
	blueprint.sections.forEach((section, i) => {
		if (sectionIds.has(section.id)) add(['sections', i, 'id'], `"${section.id}" is already the id of section ${sectionIds.get(section.id)! + 1}`);
		sectionIds.set(section.id, i);
		if (section.items.length === 0 && section.draw.length === 0) add(['sections', i], 'must list items or draw rules (or both)');
		section.items.forEach((id, j) => {
			if (fixedItems.has(id)) add(['sections', i, 'items', j], `"${id}" is already in ${fixedItems.get(id)}; an item appears once per exam`);
			fixedItems.set(id, `section ${section.id}`);
		});
		sectionMinutes += section.timeLimitMinutes ?? 0;
	});
	if (sectionMinutes > blueprint.timeLimitMinutes) {
		add(['sections'], `section time limits add up to ${sectionMinutes} minutes, more than the exam's ${blueprint.timeLimitMinutes}`);
	}
	const pass = blueprint.passingPoint;
	if (pass && 'percent' in pass && (dec(pass.percent).gt(100) || dec(pass.percent).isNegative())) {
		add(['passingPoint'], 'a percent must be from 0% to 100%');
	}

	return problems;
}
