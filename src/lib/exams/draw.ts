/**
 * Drawing an attempt's items from the bank by the blueprint, reproducibly from a seed.
 *
 * Every section takes its fixed items, then its draw rules take items that match them. No item
 * appears twice in one exam. Rules compete for items (an arithmetic item with the tag "percent"
 * can fill "3 arithmetic items" or "2 percent items"), so the draw is a bipartite matching of
 * rule slots to items (augmenting paths over a seed-shuffled bank): whenever ANY assignment
 * fills every rule, the draw finds one, whatever order the rules are written in.
 */
import { drawVariables } from './parameters';
import { attemptRandom, shuffled, shuffledAwayFromIdentity, shuffledIndexes, type SeededRandom } from './random';
import { generateTenKeyEntries } from './skills';
import { DIFFICULTY_NAMES, isSkillsKind, type BlueprintSection, type DeliveredItem, type DrawRule, type ExamBlueprint, type ExamItem } from './types';

export interface DrawShortfall {
	sectionId: string;
	sectionIndex: number;
	/** The draw rule that came up short, or null for a fixed item that is not in the bank. */
	ruleIndex: number | null;
	/** Items the rule (or the fixed list) needs, and how many it got. */
	needed: number;
	drawn: number;
	message: string;
}

/** Thrown by drawExam when the bank cannot fill the blueprint; `shortfalls` says where. */
export class DrawError extends Error {
	override name = 'DrawError';
	constructor(readonly shortfalls: DrawShortfall[]) {
		super(`The item bank cannot fill this exam: ${shortfalls.map((s) => s.message).join('; ')}`);
	}
}

/** A skills test is drawn only by a rule that names its kind: "any 5 items" never means a 5-minute typing test. */
export function itemMatchesRule(item: ExamItem, rule: DrawRule): boolean {
	if (isSkillsKind(item.kind) && !rule.kinds?.includes(item.kind)) return false;
	return (
		(rule.topics === undefined || rule.topics.includes(item.topic)) &&
		(rule.tags === undefined || rule.tags.every((t) => item.tags.includes(t))) &&
		(rule.difficulty === undefined || rule.difficulty.includes(item.difficulty)) &&
		(rule.kinds === undefined || rule.kinds.includes(item.kind))
	);
}

/** "topic business-arithmetic, tag percent, difficulty medium or hard" */
export function describeRule(rule: DrawRule): string {
	const parts = [
		rule.topics && `topic ${rule.topics.join(' or ')}`,
		rule.tags && `tag${rule.tags.length > 1 ? 's' : ''} ${rule.tags.join(' and ')}`,
		rule.difficulty && `difficulty ${rule.difficulty.map((d) => DIFFICULTY_NAMES[d]).join(' or ')}`,
		rule.kinds && `kind ${rule.kinds.join(' or ')}`
	].filter(Boolean);
	return parts.length > 0 ? parts.join(', ') : 'any item';
}

interface Assignment {
	/** Per section: the fixed items found in the bank, in listed order. */
	fixed: ExamItem[][];
	/** Per section, per rule: the items drawn. */
	drawn: ExamItem[][][];
	shortfalls: DrawShortfall[];
}

function assign(blueprint: ExamBlueprint, bank: readonly ExamItem[], random: SeededRandom): Assignment {
	const byId = new Map<string, ExamItem>();
	for (const item of bank) if (!byId.has(item.id)) byId.set(item.id, item);
	const shortfalls: DrawShortfall[] = [];

	const fixedIds = new Set(blueprint.sections.flatMap((s) => s.items));
	const fixed = blueprint.sections.map((section, sectionIndex) => {
		const found = section.items.map((id) => byId.get(id)).filter((i): i is ExamItem => i !== undefined);
		const missing = section.items.filter((id) => !byId.has(id));
		if (missing.length > 0) {
			shortfalls.push({
				sectionId: section.id,
				sectionIndex,
				ruleIndex: null,
				needed: section.items.length,
				drawn: found.length,
				message: `section "${section.id}" lists ${missing.map((id) => `"${id}"`).join(', ')}, not in the item bank`
			});
		}
		return found;
	});

	// The pool: every bank item not fixed somewhere, in a seed-shuffled order.
	const pool = shuffled([...byId.values()].filter((item) => !fixedIds.has(item.id)), random);
	const slots: { section: number; rule: number }[] = [];
	const candidates = blueprint.sections.map((section) => section.draw.map((rule) => pool.flatMap((item, i) => (itemMatchesRule(item, rule) ? [i] : []))));
	blueprint.sections.forEach((section, s) => section.draw.forEach((rule, r) => {
		for (let k = 0; k < rule.count; k++) slots.push({ section: s, rule: r });
	}));

	// Kuhn's augmenting paths: slot → pool index, and back.
	const slotOfItem = new Map<number, number>();
	const itemOfSlot: (number | undefined)[] = new Array(slots.length);
	const tryFill = (slot: number, visited: Set<number>): boolean => {
		const { section, rule } = slots[slot]!;
		for (const item of candidates[section]![rule]!) {
			if (visited.has(item)) continue;
			visited.add(item);
			const holder = slotOfItem.get(item);
			if (holder === undefined || tryFill(holder, visited)) {
				slotOfItem.set(item, slot);
				itemOfSlot[slot] = item;
				return true;
			}
		}
		return false;
	};
	for (let slot = 0; slot < slots.length; slot++) tryFill(slot, new Set());

	const drawn = blueprint.sections.map((section) => section.draw.map((): ExamItem[] => []));
	slots.forEach(({ section, rule }, slot) => {
		const item = itemOfSlot[slot];
		if (item !== undefined) drawn[section]![rule]!.push(pool[item]!);
	});
	blueprint.sections.forEach((section, s) => section.draw.forEach((rule, r) => {
		const got = drawn[s]![r]!.length;
		if (got >= rule.count) return;
		const eligible = candidates[s]![r]!.length;
		const why =
			eligible === 0
				? 'the bank has no such item'
				: eligible < rule.count
					? `the bank has only ${eligible} such item${eligible === 1 ? '' : 's'}`
					: `${eligible} match, but other rules need some of them`;
		shortfalls.push({
			sectionId: section.id,
			sectionIndex: s,
			ruleIndex: r,
			needed: rule.count,
			drawn: got,
			message: `section "${section.id}" draw ${r + 1} needs ${rule.count} items (${describeRule(rule)}) and can fill ${got}: ${why}`
		});
	}));
	return { fixed, drawn, shortfalls };
}

/** Where the bank falls short of the blueprint (empty when every attempt can be drawn). */
export function findDrawShortfalls(blueprint: ExamBlueprint, bank: readonly ExamItem[]): DrawShortfall[] {
	// Whether a full assignment exists does not depend on the seed.
	return assign(blueprint, bank, attemptRandom('shortfalls', blueprint.id)).shortfalls;
}

/**
 * How one item is delivered: its option/entry/prompt order and, for parameterized items, its
 * values. `random` should be this item's own generator (attemptRandom(seed, `item/${id}`)).
 */
export function deliverItem(item: ExamItem, sectionId: string, shuffleOptions: boolean, random: SeededRandom): DeliveredItem {
	const delivered: DeliveredItem = { itemId: item.id, sectionId, points: item.points };
	const identity = (n: number) => Array.from({ length: n }, (_, i) => i);
	switch (item.kind) {
		case 'single-choice':
		case 'multiple-choice':
			delivered.order = shuffleOptions && item.shuffleOptions ? shuffledIndexes(item.options.length, random) : identity(item.options.length);
			break;
		case 'ordering':
			// Always shuffled, and never shown already in order: that would give the answer away.
			delivered.order = shuffledAwayFromIdentity(item.entries.length, random);
			break;
		case 'matching': {
			const n = item.pairs.length;
			delivered.order = shuffleOptions && item.shuffleOptions ? shuffledIndexes(n, random) : identity(n);
			// The choices are always shuffled, and never lined up with the prompts pair by pair.
			const prompts = delivered.order;
			const choices = shuffledIndexes(n + item.distractors.length, random);
			// Rotating by one row breaks every pair's line-up, since the prompts are distinct.
			if (prompts.every((p, row) => choices[row] === p)) choices.push(choices.shift()!);
			delivered.choiceOrder = choices;
			break;
		}
		case 'parameterized':
			delivered.variables = drawVariables(item, random);
			break;
		case 'ten-key':
			delivered.entries = item.entries ? [...item.entries] : generateTenKeyEntries(item.generate!, random);
			break;
		default:
			break;
	}
	return delivered;
}

/**
 * The items of one attempt, in delivery order, each with its presentation order and values.
 * Same blueprint, bank and seed ⇒ the same result. Throws DrawError when a section cannot be
 * filled. Sections keep their order; with shuffleItems the items inside each section are
 * shuffled, otherwise fixed items come first, then each rule's items in id order.
 */
export function drawExam(blueprint: ExamBlueprint, bank: readonly ExamItem[], seed: string): DeliveredItem[] {
	const { fixed, drawn, shortfalls } = assign(blueprint, bank, attemptRandom(seed, 'draw'));
	if (shortfalls.length > 0) throw new DrawError(shortfalls);
	return blueprint.sections.flatMap((section: BlueprintSection, s) => {
		const ruleItems = drawn[s]!.flatMap((items) => [...items].sort((a, b) => a.id.localeCompare(b.id)));
		let items = [...fixed[s]!, ...ruleItems];
		if (blueprint.shuffleItems) items = shuffled(items, attemptRandom(seed, `order/${section.id}`));
		return items.map((item) => deliverItem(item, section.id, blueprint.shuffleOptions, attemptRandom(seed, `item/${item.id}`)));
	});
}
