import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Money } from '$lib/money';
import { paymentOrder } from './items';
import type { Item, ItemKind } from './types';

// The application order spelled out as one sort: group (deposit, fees and penalties, charges, penalties
// after the postmark), then date (bill date for charges, posting date otherwise), then id.
function sortedOrder(items: readonly Item[], postmark?: string): Item[] {
	const group = (i: Item) =>
		i.kind === 'deposit' ? 0 : i.kind === 'penalty' && postmark !== undefined && i.postedOn > postmark ? 3 : i.kind === 'charge' ? 2 : 1;
	const date = (i: Item) => (i.kind === 'charge' ? i.billDate : i.postedOn);
	return items
		.filter((i) => i.remaining.isPositive())
		.sort((a, b) => group(a) - group(b) || (date(a) < date(b) ? -1 : date(a) > date(b) ? 1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

const day = fc.integer({ min: 1, max: 28 }).map((d) => `2026-09-${String(d).padStart(2, '0')}`);
const item = fc.record({
	n: fc.integer({ min: 1, max: 60 }),
	kind: fc.constantFrom<ItemKind>('charge', 'fee', 'penalty', 'deposit', 'returned'),
	postedOn: day,
	billDate: day,
	cents: fc.integer({ min: 0, max: 5000 })
});

describe('paymentOrder', () => {
	it('is the order of one full sort, for items in filing order or shuffled', () => {
		fc.assert(
			fc.property(fc.array(item, { maxLength: 40 }), fc.option(day, { nil: undefined }), fc.boolean(), (raw, postmark, filed) => {
				const items: Item[] = raw.map((r, k) => ({
					id: `UI-${String(r.n).padStart(6, '0')}`,
					kind: r.kind,
					description: `item ${k}`,
					postedOn: r.postedOn,
					billDate: r.billDate,
					dueDate: r.billDate,
					amount: Money.fromCents(r.cents),
					remaining: Money.fromCents(r.cents)
				}));
				// Filing order: oldest first, as an account's items are kept.
				if (filed) items.sort((a, b) => (a.postedOn < b.postedOn ? -1 : a.postedOn > b.postedOn ? 1 : 0));
				expect(paymentOrder(items, postmark)).toEqual(sortedOrder(items, postmark));
			}),
			{ numRuns: 500 }
		);
	});
});
