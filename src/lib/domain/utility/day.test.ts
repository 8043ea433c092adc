import { afterEach, describe, expect, it } from 'vitest';
import { glBalance, subBalance } from '../ledger';
import { balanceOwed } from './items';
import { World, billedOwner, checkWorlds } from './test-support';

afterEach(checkWorlds);

const penalties = (w: World, n: string) => w.items(n).filter((i) => i.kind === 'penalty');

describe('late penalty the day after the delinquent date', () => {
	it('$189.37 unpaid on Aug 26: on Aug 27 a penalty of 10% = 18.937 → $18.94 posts Dr 1210 / Cr 4150', () => {
		const w = new World();
		const n = billedOwner(w);
		w.advanceTo('2026-08-26');
		expect(penalties(w, n)).toEqual([]);
		const events = w.advanceTo('2026-08-27');
		expect(events.map((e) => e.type)).toContain('utility.penalty-assessed');
		const [p] = penalties(w, n);
		expect(p!.amount.toString()).toBe('18.94');
		expect(p!.penaltyBasis!.toString()).toBe('189.37');
		expect(p!.dueDate).toBe('2026-08-26');
		expect(glBalance(w.state.ledger, '4150').toString()).toBe('-18.94');
	});

	it('paid in full on the delinquent date (Aug 26): no penalty', () => {
		const w = new World();
		const n = billedOwner(w);
		w.advanceTo('2026-08-26');
		w.pay(n, '189.37');
		w.advanceTo('2026-08-28');
		expect(penalties(w, n)).toEqual([]);
	});

	it('$132.02 paid leaves $57.35 unpaid: penalty $6.00 because 10% = $5.74 < $6.00', () => {
		const w = new World();
		const n = billedOwner(w);
		w.pay(n, '132.02');
		w.advanceTo('2026-08-27');
		expect(penalties(w, n)[0]!.amount.toString()).toBe('6.00');
	});

	it('postmark rule: $189.37 postmarked Aug 26 but received Aug 28 is on time: it pays the bill (not the $18.94 penalty) and the penalty is taken back on Aug 29', () => {
		const w = new World();
		const n = billedOwner(w);
		w.advanceTo('2026-08-28');
		expect(penalties(w, n)[0]!.amount.toString()).toBe('18.94');
		w.pay(n, '189.37', { postmark: '2026-08-26' });
		expect(penalties(w, n)[0]!.remaining.toString()).toBe('18.94');
		const events = w.advanceTo('2026-08-29');
		expect(events.map((e) => e.type)).toContain('utility.penalty-reduced');
		expect(penalties(w, n)[0]!.amount.toString()).toBe('0.00');
		expect(balanceOwed(w.state, n).toString()).toBe('0.00');
		expect(glBalance(w.state.ledger, '4150').toString()).toBe('0.00');
	});

	it('postmark rule, partial: $132.02 postmarked in time leaves $57.35 → the $18.94 penalty is refigured to $6.00 ($12.94 taken back)', () => {
		const w = new World();
		const n = billedOwner(w);
		w.advanceTo('2026-08-28');
		w.pay(n, '132.02', { postmark: '2026-08-25' });
		w.advanceTo('2026-08-29');
		expect(penalties(w, n)[0]!.amount.toString()).toBe('6.00');
		expect(glBalance(w.state.ledger, '4150').toString()).toBe('-6.00');
	});

	it('postmarked Aug 27, the day after the delinquent date, is late: the $18.94 penalty stays and is paid first', () => {
		const w = new World();
		const n = billedOwner(w);
		w.advanceTo('2026-08-28');
		w.pay(n, '189.37', { postmark: '2026-08-27' });
		w.advanceTo('2026-08-30');
		const [p] = penalties(w, n);
		expect(p!.amount.toString()).toBe('18.94');
		expect(p!.remaining.toString()).toBe('0.00');
		expect(balanceOwed(w.state, n).toString()).toBe('18.94');
	});

	it('a penalty already paid that the postmark takes back becomes a credit balance (Cr 2120)', () => {
		const w = new World();
		const n = billedOwner(w);
		w.advanceTo('2026-08-28');
		w.pay(n, '18.94'); // counter payment: penalty first
		w.pay(n, '189.37', { postmark: '2026-08-26' });
		w.advanceTo('2026-08-29');
		expect(balanceOwed(w.state, n).toString()).toBe('0.00');
		expect(w.account(n).credit.toString()).toBe('18.94');
		expect(subBalance(w.state.ledger, `cr:${n}`).toString()).toBe('-18.94');
	});
});

describe('deposit credited after 12 consecutive on-time months', () => {
	it('a tenant who pays all 12 bills (Aug 2026 – Jul 2027) on time gets the $175.00 deposit as a credit on July 27, 2027 (Dr 2110 / Cr 2120)', () => {
		const w = new World();
		const n = billedOwner(w, { occupancy: 'tenant', proof: 'lease' });
		for (let i = 0; i < 12; i++) {
			w.pay(n, balanceOwed(w.state, n).toString());
			if (i < 11) w.advanceTo(nextFifth(w.bills(n).at(-1)!.billDate));
		}
		expect(w.bills(n)).toHaveLength(12);
		w.advanceTo('2027-07-26');
		expect(w.account(n).depositHeld.toString()).toBe('175.00');
		const events = w.advanceTo('2027-07-27');
		expect(events.map((e) => e.type)).toContain('utility.deposit-credited');
		expect(w.account(n).depositHeld.toString()).toBe('0.00');
		expect(w.account(n).credit.toString()).toBe('175.00');
		expect(subBalance(w.state.ledger, `dep:${n}`).toString()).toBe('0.00');
	});

	it('one late bill among the 12 keeps the deposit held', () => {
		const w = new World();
		const n = billedOwner(w, { occupancy: 'tenant', proof: 'lease' });
		w.advanceTo('2026-08-28'); // first bill paid late: penalty Aug 27
		for (let i = 0; i < 12; i++) {
			w.pay(n, balanceOwed(w.state, n).toString());
			if (i < 11) w.advanceTo(nextFifth(w.bills(n).at(-1)!.billDate));
		}
		w.advanceTo('2027-07-28');
		expect(w.account(n).depositHeld.toString()).toBe('175.00');
	});
});

// The 5th of the month after `date` ("2026-08-05" → "2026-09-05").
function nextFifth(date: string): string {
	const y = Number(date.slice(0, 4));
	const mo = Number(date.slice(5, 7));
	return mo === 12 ? `${y + 1}-01-05` : `${y}-${String(mo + 1).padStart(2, '0')}-05`;
}
