import { afterEach, describe, expect, it } from 'vitest';
import { World, billedOwner, checkWorlds, open } from './test-support';

afterEach(checkWorlds);

describe('solid waste suspended while an owner’s property is vacant', () => {
	it('the next bill has no cart line: 28.50 + 62.85 + 4.62 = $95.97 with no use', () => {
		const w = new World();
		const n = billedOwner(w);
		w.ok({ type: 'utility.suspend-solid-waste', account: n, suspended: true });
		w.advanceTo('2026-09-05');
		expect(w.bills(n)[1]!.total.toString()).toBe('95.97');
		expect(w.rejects({ type: 'utility.suspend-solid-waste', account: n, suspended: true }).code).toBe('wrong-status');
	});

	it('a tenant cannot suspend solid waste', () => {
		const w = new World();
		const n = open(w, { occupancy: 'tenant', proof: 'lease' });
		expect(w.rejects({ type: 'utility.suspend-solid-waste', account: n, suspended: true }).code).toBe('policy');
	});
});

describe('cash-only and notes', () => {
	it('cash-only until a given date; an end date not after today is refused', () => {
		const w = new World();
		const n = open(w);
		expect(w.rejects({ type: 'utility.set-cash-only', account: n, until: '2026-07-01', reason: 'NSF' }).field).toBe('until');
		w.ok({ type: 'utility.set-cash-only', account: n, until: '2026-12-31', reason: 'Check 1043 returned' });
		expect(w.account(n).cashOnlyUntil).toBe('2026-12-31');
	});

	it('a note is kept with date and clerk', () => {
		const w = new World();
		const n = open(w);
		w.ok({ type: 'utility.add-note', account: n, note: 'Dog in yard: call before reading' });
		expect(w.account(n).notes).toEqual(['2026-07-01 clerk1: Dog in yard: call before reading']);
		expect(w.rejects({ type: 'utility.add-note', account: n, note: '   ' }).field).toBe('note');
	});
});
