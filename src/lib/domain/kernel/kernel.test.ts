import { describe, expect, it } from 'vitest';
import { Money, parseMoney } from '$lib/money';
import { addBusinessDays, addDays, addMonths, businessDaysBetween, daysBetween, daysInMonthOf, isBusinessDateString } from '../dates';
import { Engine } from '../engine';
import { journal, ledgerProblems, UnbalancedEntryError, glBalance } from '../ledger';
import { accept, needsApproval, reject, type CommandContext, type DomainModule } from '../model';

// A minimal module to exercise the kernel: miscellaneous charges on a tab (1230 ar:), with a $50 clerk limit on write-offs.
declare module '../model' {
	interface SandboxSlices {
		tabs?: Record<string, Money>;
	}
}
const tabsModule: DomainModule = {
	name: 'tabs',
	initSlice: (s) => {
		s.tabs = {};
	},
	commands: {
		'tab.charge': (_s, c) => {
			const amount = parseMoney(String(c.amount ?? ''), { allowZero: false });
			if (!amount.ok) return reject('invalid-input', amount.error, 'amount');
			if (typeof c.tab !== 'string' || !c.tab) return reject('invalid-input', 'Name the tab.', 'tab');
			return accept({ type: 'tab.charged', tab: c.tab, amount: amount.canonical, journal: journal('charge', [{ account: '1230', debit: amount.value, sub: `ar:${c.tab}` }, { account: '4410', credit: amount.value }]) });
		},
		'tab.write-off': (s, c, ctx) => {
			const amount = parseMoney(String(c.amount ?? ''), { allowZero: false });
			if (!amount.ok) return reject('invalid-input', amount.error, 'amount');
			const balance = typeof c.tab === 'string' ? s.tabs?.[c.tab] : undefined;
			if (!balance) return reject('not-found', 'No such tab.', 'tab');
			if (amount.value.gt(balance)) return reject('policy', 'More than the balance.', 'amount');
			if (amount.value.gt(Money.of('50'))) {
				const limit = needsApproval(ctx, `Write-off of $${amount.canonical} is over your $50.00 limit: request supervisor approval.`, 'amount');
				if (limit) return limit;
			}
			return accept({ type: 'tab.written-off', tab: c.tab, amount: amount.canonical, journal: journal('write-off', [{ account: '4410', debit: amount.value }, { account: '1230', credit: amount.value, sub: `ar:${c.tab as string}` }]) });
		}
	},
	events: {
		'tab.charged': (s, e) => {
			s.tabs![e.tab as string] = (s.tabs![e.tab as string] ?? Money.ZERO).plus(Money.of(e.amount as string));
		},
		'tab.written-off': (s, e) => {
			s.tabs![e.tab as string] = s.tabs![e.tab as string]!.minus(Money.of(e.amount as string));
		}
	},
	approvalFor: { 'tab.write-off': (_s, c) => ({ kind: 'adjustment', summary: `Write off $${String(c.amount)} on ${String(c.tab)}` }) },
	onNewDay: (s, date) => (date.endsWith('-01') ? Object.keys(s.tabs ?? {}).map((tab) => ({ type: 'tab.charged', tab, amount: '1.00', journal: journal('monthly fee', [{ account: '1230', debit: Money.of('1'), sub: `ar:${tab}` }, { account: '4410', credit: Money.of('1') }]) })) : [])
};

const clerk: CommandContext = { actor: { id: 'clerk1', name: 'Clerk One', supervisor: false }, at: '2026-07-01T09:00:00Z' };
const boss: CommandContext = { actor: { id: 'sup1', name: 'Sue Pervisor', supervisor: true }, at: '2026-07-01T10:00:00Z' };

function setup() {
	const engine = new Engine([tabsModule]);
	const state = engine.emptyState('2026-07-01');
	return { engine, state };
}

describe('engine', () => {
	it('stamps events with sequence, time, business date and actor, and posts their journal', () => {
		const { engine, state } = setup();
		const r = engine.execute(state, { type: 'tab.charge', tab: 'T1', amount: '80.00' }, clerk);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.events[0]).toMatchObject({ seq: 1, type: 'tab.charged', at: clerk.at, date: '2026-07-01', actor: 'clerk1' });
		expect(glBalance(state.ledger, '1230').toString()).toBe('80.00');
		expect(ledgerProblems(state.ledger)).toEqual([]);
	});

	it('leaves the state byte-for-byte unchanged when it rejects a command', () => {
		const { engine, state } = setup();
		engine.execute(state, { type: 'tab.charge', tab: 'T1', amount: '80.00' }, clerk);
		const before = JSON.stringify(state);
		for (const bad of [
			{ type: 'tab.charge', tab: 'T1', amount: '-5' },
			{ type: 'tab.charge', tab: 'T1', amount: '1.005' },
			{ type: 'tab.charge', tab: '', amount: '5' },
			{ type: 'tab.write-off', tab: 'nope', amount: '5' },
			{ type: 'no.such.command' },
			{ type: 42 } as unknown as { type: string }
		]) {
			const r = engine.execute(state, bad, clerk);
			expect(r.ok, JSON.stringify(bad)).toBe(false);
		}
		expect(JSON.stringify(state)).toBe(before);
	});

	it('replays the event log to the identical state', () => {
		const { engine, state } = setup();
		const log = [];
		for (const c of [
			{ type: 'tab.charge', tab: 'A', amount: '10.10' },
			{ type: 'tab.charge', tab: 'B', amount: '0.20' },
			{ type: 'tab.write-off', tab: 'A', amount: '3.33' },
			{ type: 'clock.next-day' }
		]) {
			const r = engine.execute(state, c, clerk);
			if (r.ok) log.push(...r.events);
		}
		const rebuilt = engine.replay(engine.emptyState('2026-07-01'), log);
		expect(JSON.stringify(rebuilt)).toBe(JSON.stringify(state));
	});

	it('refuses events out of order', () => {
		const { engine, state } = setup();
		expect(() => engine.apply(state, { seq: 2, type: 'tab.charged', at: '', date: '2026-07-01', actor: 'x', tab: 'A', amount: '1.00' })).toThrow(/out of order/);
	});
});

describe('approvals', () => {
	it('sends a $72.00 write-off to a supervisor and posts it only when approved', () => {
		const { engine, state } = setup();
		engine.execute(state, { type: 'tab.charge', tab: 'A', amount: '100.00' }, clerk);
		const direct = engine.execute(state, { type: 'tab.write-off', tab: 'A', amount: '72.00' }, clerk);
		expect(direct).toEqual({ ok: false, rejection: { code: 'over-authority', message: 'Write-off of $72.00 is over your $50.00 limit: request supervisor approval.', field: 'amount' } });

		const requested = engine.execute(state, { type: 'approval.request', command: { type: 'tab.write-off', tab: 'A', amount: '72.00' }, note: 'billing error' }, clerk);
		expect(requested.ok).toBe(true);
		expect(state.approvals['AP-000001']).toMatchObject({ status: 'pending', kind: 'adjustment', summary: 'Write off $72.00 on A', requestedBy: 'clerk1', note: 'billing error' });
		expect(state.tabs!.A!.toString()).toBe('100.00');

		expect(engine.execute(state, { type: 'approval.decide', id: 'AP-000001', approve: true }, clerk)).toMatchObject({ ok: false, rejection: { code: 'not-allowed' } });
		const decided = engine.execute(state, { type: 'approval.decide', id: 'AP-000001', approve: true }, boss);
		expect(decided.ok && decided.events.map((e) => e.type)).toEqual(['approval.decided', 'tab.written-off']);
		expect(state.tabs!.A!.toString()).toBe('28.00');
		expect(state.approvals['AP-000001']!.status).toBe('approved');
		expect(engine.execute(state, { type: 'approval.decide', id: 'AP-000001', approve: true }, boss)).toMatchObject({ ok: false, rejection: { code: 'wrong-status' } });
	});

	it('does not take a request for something within authority, and needs a reason to deny', () => {
		const { engine, state } = setup();
		engine.execute(state, { type: 'tab.charge', tab: 'A', amount: '100.00' }, clerk);
		expect(engine.execute(state, { type: 'approval.request', command: { type: 'tab.write-off', tab: 'A', amount: '20.00' } }, clerk)).toMatchObject({ ok: false, rejection: { code: 'not-allowed' } });
		expect(engine.execute(state, { type: 'approval.request', command: { type: 'tab.write-off', tab: 'A', amount: '200.00' } }, clerk)).toMatchObject({ ok: false, rejection: { code: 'policy' } });
		engine.execute(state, { type: 'approval.request', command: { type: 'tab.write-off', tab: 'A', amount: '60.00' } }, clerk);
		expect(engine.execute(state, { type: 'approval.decide', id: 'AP-000001', approve: false }, boss)).toMatchObject({ ok: false, rejection: { field: 'reason' } });
		expect(engine.execute(state, { type: 'approval.decide', id: 'AP-000001', approve: false, reason: 'Needs proof' }, boss).ok).toBe(true);
		expect(state.approvals['AP-000001']).toMatchObject({ status: 'denied', reason: 'Needs proof' });
		expect(state.tabs!.A!.toString()).toBe('100.00');
	});

	it('re-checks an approved command against the state at the time of approval', () => {
		const { engine, state } = setup();
		engine.execute(state, { type: 'tab.charge', tab: 'A', amount: '100.00' }, clerk);
		engine.execute(state, { type: 'approval.request', command: { type: 'tab.write-off', tab: 'A', amount: '90.00' } }, clerk);
		engine.execute(state, { type: 'tab.write-off', tab: 'A', amount: '40.00' }, clerk);
		const r = engine.execute(state, { type: 'approval.decide', id: 'AP-000001', approve: true }, boss);
		expect(r).toMatchObject({ ok: false, rejection: { code: 'wrong-status', message: 'This can no longer be approved: More than the balance.' } });
	});
});

describe('clock', () => {
	it('moves one day at a time and lets modules post their day-start work, dated the new day', () => {
		const engine = new Engine([tabsModule]);
		const state = engine.emptyState('2026-07-31');
		engine.execute(state, { type: 'tab.charge', tab: 'A', amount: '5.00' }, clerk);
		const r = engine.execute(state, { type: 'clock.next-day' }, clerk);
		expect(state.businessDate).toBe('2026-08-01');
		expect(r.ok && r.events.map((e) => [e.type, e.date])).toEqual([
			['clock.day-started', '2026-07-31'],
			['tab.charged', '2026-08-01']
		]);
		expect(state.tabs!.A!.toString()).toBe('6.00');
		expect(engine.execute(state, { type: 'clock.set-date', to: '2026-07-01' }, clerk)).toMatchObject({ ok: false, rejection: { code: 'not-allowed' } });
	});
});

describe('journal entries', () => {
	it('refuse to be unbalanced, negative, or to miss a subledger on a control account', () => {
		expect(() => journal('x', [{ account: '1010', debit: Money.of('1.00') }, { account: '4410', credit: Money.of('0.99') }])).toThrow(UnbalancedEntryError);
		expect(() => journal('x', [{ account: '1210', debit: Money.of('1.00') }, { account: '4110', credit: Money.of('1.00') }])).toThrow(/needs a ua: subledger/);
		expect(() => journal('x', [{ account: '1010', debit: Money.of('-1.00') }, { account: '4410', debit: Money.of('1.00') }])).toThrow(/negative/);
		expect(journal('x', [{ account: '1010', debit: Money.of('0.10') }, { account: '1010', debit: Money.of('0.20') }, { account: '4410', credit: Money.of('0.30') }, { account: '4150', credit: Money.ZERO }]).lines).toHaveLength(3);
	});
});

describe('business dates', () => {
	it('do calendar arithmetic without a clock', () => {
		expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
		expect(daysBetween('2026-07-05', '2026-07-26')).toBe(21);
		expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
		expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
		expect(daysInMonthOf('2026-02-10')).toBe(28);
		expect(isBusinessDateString('2026-02-29')).toBe(false);
		expect(isBusinessDateString('2026-2-1')).toBe(false);
	});
	it('count 7 business days from Friday 2026-11-06 to Tuesday 2026-11-17', () => {
		expect(addBusinessDays('2026-11-06', 7)).toBe('2026-11-17');
		expect(businessDaysBetween('2026-11-06', '2026-11-17')).toBe(7);
	});
});

describe('opening the books', () => {
	it('puts a $1,000.00 change fund in 1015 against fund balance, only as the first event', () => {
		const { engine, state } = setup();
		expect(engine.execute(state, { type: 'books.open-change-fund', amount: '0' }, clerk).ok).toBe(false);
		expect(engine.execute(state, { type: 'books.open-change-fund', amount: '1,000.00' }, clerk).ok).toBe(true);
		expect(glBalance(state.ledger, '1015').toString()).toBe('1000.00');
		expect(glBalance(state.ledger, '3010').toString()).toBe('-1000.00');
		expect(engine.execute(state, { type: 'books.open-change-fund', amount: '5.00' }, clerk)).toMatchObject({ ok: false, rejection: { code: 'not-allowed' } });
	});
});
