import { describe, expect, it } from 'vitest';
import { describeRule, drawExam, DrawError, findDrawShortfalls, itemMatchesRule } from './draw';
import { parameterizedAnswer } from './parameters';
import { presentItem } from './present';
import { ALL_KINDS_BANK, blueprint, matching, parameterized, single, SKILLS_BANK, tenKey, typing } from './test-bank';
import type { ExamItem, ItemOfKind } from './types';

/** n copies of an item with ids prefix-1…n and the given fields. */
function copies(n: number, prefix: string, fields: Partial<ItemOfKind<'single-choice'>> = {}): ExamItem[] {
	return Array.from({ length: n }, (_, i) => ({ ...single, id: `${prefix}-${i + 1}`, ...fields }));
}

describe('drawExam', () => {
	const bp = blueprint();

	it('same seed ⇒ the same items, order, option orders and numbers', () => {
		const a = drawExam(bp, ALL_KINDS_BANK, 'attempt-42');
		expect(drawExam(bp, ALL_KINDS_BANK, 'attempt-42')).toEqual(a);
		expect(a).toHaveLength(ALL_KINDS_BANK.length);
		expect(new Set(a.map((d) => d.itemId)).size).toBe(a.length);
	});

	it('another seed ⇒ another order', () => {
		const orders = new Set(['a', 'b', 'c', 'd', 'e'].map((s) => drawExam(bp, ALL_KINDS_BANK, s).map((d) => d.itemId).join()));
		expect(orders.size).toBeGreaterThan(1);
	});

	it('gives each candidate their own numbers, and the same numbers and key again from the same seed', () => {
		const values = new Set<string>();
		for (const seed of ['c1', 'c2', 'c3', 'c4', 'c5', 'c6']) {
			const d = drawExam(bp, ALL_KINDS_BANK, seed).find((x) => x.itemId === 'parameterized')!;
			const again = drawExam(bp, ALL_KINDS_BANK, seed).find((x) => x.itemId === 'parameterized')!;
			expect(again.variables).toEqual(d.variables);
			expect(parameterizedAnswer(parameterized, again.variables!)).toBe(parameterizedAnswer(parameterized, d.variables!));
			expect(d.variables!.unpaid).toMatch(/^\d+\.\d\d$/);
			values.add(d.variables!.unpaid!);
		}
		expect(values.size).toBeGreaterThan(1);
	});

	it("an item's option order and numbers do not depend on which other items were drawn", () => {
		const withAll = drawExam(bp, ALL_KINDS_BANK, 'seed').find((d) => d.itemId === 'parameterized');
		const small = blueprint({ sections: [{ id: 'all', title: 'All', items: [], draw: [{ count: 2 }] }] });
		const withTwo = drawExam(small, [single, parameterized], 'seed').find((d) => d.itemId === 'parameterized');
		expect(withTwo?.variables).toEqual(withAll?.variables);
	});

	it('records option, entry, prompt and choice orders that are permutations', () => {
		for (const d of drawExam(bp, ALL_KINDS_BANK, 'perm')) {
			const item = ALL_KINDS_BANK.find((i) => i.id === d.itemId)!;
			expect(d.points).toBe(item.points);
			if (item.kind === 'single-choice' || item.kind === 'multiple-choice') expect([...d.order!].sort()).toEqual(item.options.map((_, i) => i));
			if (item.kind === 'ordering') expect(d.order).not.toEqual(item.entries.map((_, i) => i));
			if (item.kind === 'matching') {
				expect([...d.choiceOrder!].sort()).toEqual([0, 1, 2, 3, 4]);
				// Never lined up pair by pair.
				expect(d.order!.every((pair, row) => d.choiceOrder![row] === pair)).toBe(false);
			}
			expect(() => presentItem(item, d)).not.toThrow();
		}
	});

	it('never lines matching choices up with their prompts, whatever the seed', () => {
		const twoPairs: ItemOfKind<'matching'> = { ...matching, pairs: matching.pairs.slice(0, 2), distractors: [] };
		for (let i = 0; i < 100; i++) {
			const [d] = drawExam(blueprint({ sections: [{ id: 's', title: 'S', items: [], draw: [{ count: 1 }] }] }), [twoPairs], `m${i}`);
			expect(d!.order!.every((pair, row) => d!.choiceOrder![row] === pair)).toBe(false);
		}
	});

	it('keeps written option order when shuffleOptions is off, on the blueprint or the item (ordering still shuffles)', () => {
		const off = drawExam(blueprint({ shuffleOptions: false }), ALL_KINDS_BANK, 'x');
		expect(off.find((d) => d.itemId === 'single')!.order).toEqual([0, 1, 2]);
		expect(off.find((d) => d.itemId === 'ordering')!.order).not.toEqual([0, 1, 2, 3]);
		const pinned = { ...single, shuffleOptions: false };
		const one = blueprint({ sections: [{ id: 's', title: 'S', items: [], draw: [{ count: 1 }] }] });
		for (const seed of ['a', 'b', 'c']) expect(drawExam(one, [pinned], seed)[0]!.order).toEqual([0, 1, 2]);
	});

	it('keeps sections in order; without shuffleItems, fixed items first, then each rule in id order', () => {
		const bank = [...copies(3, 'a', { topic: 'spelling' }), ...copies(3, 'b', { topic: 'grammar' })];
		const bp2 = blueprint({
			shuffleItems: false,
			sections: [
				{ id: 'one', title: 'One', items: ['b-3'], draw: [{ count: 2, topics: ['spelling'] }] },
				{ id: 'two', title: 'Two', items: [], draw: [{ count: 2, topics: ['grammar'] }] }
			]
		});
		const drawn = drawExam(bp2, bank, 'seed');
		expect(drawn.map((d) => d.sectionId)).toEqual(['one', 'one', 'one', 'two', 'two']);
		expect(drawn[0]!.itemId).toBe('b-3');
		const ruleIds = drawn.slice(1, 3).map((d) => d.itemId);
		expect(ruleIds).toEqual([...ruleIds].sort());
		expect(drawn.slice(3).map((d) => d.itemId)).not.toContain('b-3'); // a fixed item is never drawn again
	});

	it('fills competing rules whenever some assignment can, even when a greedy draw would fail', () => {
		// x-1 is the only item with the tag "rare"; a rule for "any spelling item" written first
		// must not take it from the rule that needs it.
		const bank = [{ ...single, id: 'x-1', topic: 'spelling', tags: ['rare'] } as ExamItem, ...copies(2, 'y', { topic: 'spelling' })];
		const bp2 = blueprint({
			sections: [{ id: 's', title: 'S', items: [], draw: [{ count: 2, topics: ['spelling'] }, { count: 1, tags: ['rare'] }] }]
		});
		for (let i = 0; i < 50; i++) {
			const ids = drawExam(bp2, bank, `seed-${i}`).map((d) => d.itemId);
			expect(ids.sort()).toEqual(['x-1', 'y-1', 'y-2']);
		}
	});

	it('throws DrawError naming the section and rule when the bank is short', () => {
		const bp2 = blueprint({
			sections: [
				{ id: 'arith', title: 'Arithmetic', items: ['missing-item'], draw: [{ count: 3, topics: ['business-arithmetic'], difficulty: [3] }] }
			]
		});
		const run = () => drawExam(bp2, ALL_KINDS_BANK, 'seed');
		expect(run).toThrow(DrawError);
		try {
			run();
		} catch (err) {
			const e = err as DrawError;
			expect(e.shortfalls.map((s) => s.message)).toEqual([
				'section "arith" lists "missing-item", not in the item bank',
				'section "arith" draw 1 needs 3 items (topic business-arithmetic, difficulty hard) and can fill 0: the bank has no such item'
			]);
			expect(e.message).toMatch(/^The item bank cannot fill this exam: section "arith" lists/);
		}
	});

	it('says when items exist but other rules need them', () => {
		const bank = copies(3, 'a', { topic: 'spelling' });
		const bp2 = blueprint({ sections: [{ id: 's', title: 'S', items: [], draw: [{ count: 2, topics: ['spelling'] }, { count: 2 }] }] });
		expect(findDrawShortfalls(bp2, bank).map((s) => s.message)).toEqual([
			'section "s" draw 2 needs 2 items (any item) and can fill 1: 3 match, but other rules need some of them'
		]);
		expect(findDrawShortfalls(blueprint(), ALL_KINDS_BANK)).toEqual([]);
	});
});

describe('draw rules', () => {
	it('match on any listed topic, difficulty and kind, and on every listed tag', () => {
		const item = { ...single, topic: 'cashiering', tags: ['checks', 'tenders'], difficulty: 2 } as ExamItem;
		expect(itemMatchesRule(item, { count: 1 })).toBe(true);
		expect(itemMatchesRule(item, { count: 1, topics: ['utility-billing', 'cashiering'] })).toBe(true);
		expect(itemMatchesRule(item, { count: 1, topics: ['utility-billing'] })).toBe(false);
		expect(itemMatchesRule(item, { count: 1, tags: ['checks', 'tenders'] })).toBe(true);
		expect(itemMatchesRule(item, { count: 1, tags: ['checks', 'cash'] })).toBe(false);
		expect(itemMatchesRule(item, { count: 1, difficulty: [1, 3] })).toBe(false);
		expect(itemMatchesRule(item, { count: 1, kinds: ['single-choice'] })).toBe(true);
		expect(describeRule({ count: 1, topics: ['cashiering'], tags: ['a', 'b'], difficulty: [2, 3], kinds: ['essay'] })).toBe(
			'topic cashiering, tags a and b, difficulty medium or hard, kind essay'
		);
	});
});

describe('skills tests in a draw', () => {
	const bank = [...ALL_KINDS_BANK, ...SKILLS_BANK];

	it('are drawn only by a rule naming their kind, never by "any item" or their topic alone', () => {
		expect(itemMatchesRule(typing, { count: 1 })).toBe(false);
		expect(itemMatchesRule(typing, { count: 1, topics: ['keyboarding'] })).toBe(false);
		expect(itemMatchesRule(typing, { count: 1, kinds: ['typing'] })).toBe(true);
		expect(itemMatchesRule(tenKey, { count: 1, kinds: ['typing'] })).toBe(false);
		const any = drawExam(blueprint({ sections: [{ id: 'all', title: 'All', items: [], draw: [{ count: ALL_KINDS_BANK.length }] }] }), bank, 'seed-1');
		expect(any.map((d) => d.itemId)).not.toContain('typing');
		expect(findDrawShortfalls(blueprint({ sections: [{ id: 'k', title: 'K', items: [], draw: [{ count: 3, topics: ['keyboarding'] }] }] }), bank)[0]!.message).toContain('the bank has no such item');
	});

	it('a 10-key test delivers its batch: the fixed entries, or one generated from the seed (same seed, same batch)', () => {
		const fixed = drawExam(blueprint({ sections: [{ id: 'k', title: 'K', items: [], draw: [{ count: 1, kinds: ['ten-key'] }] }] }), bank, 's');
		expect(fixed[0]!.entries).toEqual(tenKey.entries);
		const generated = { ...tenKey, id: 'ten-key-gen', entries: undefined, generate: { count: 12, minDigits: 4, maxDigits: 6, decimals: 2 } };
		const bp = blueprint({ sections: [{ id: 'k', title: 'K', items: ['ten-key-gen'], draw: [] }] });
		const a = drawExam(bp, [generated], 'seed-a')[0]!.entries!;
		expect(a).toHaveLength(12);
		for (const e of a) expect(e).toMatch(/^[1-9]\d{1,3}\.\d\d$/);
		expect(drawExam(bp, [generated], 'seed-a')[0]!.entries).toEqual(a);
		expect(drawExam(bp, [generated], 'seed-b')[0]!.entries).not.toEqual(a);
	});
});
