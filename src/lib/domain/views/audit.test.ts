import { beforeAll, describe, expect, it } from 'vitest';
import { approvalsModule } from '../kernel/approvals';
import { booksModule } from '../kernel/books';
import { clockModule } from '../kernel/clock';
import type { DomainEvent } from '../model';
import { CLERK_MODULES } from '../system';
import { auditPage, EVENT_LABELS, eventLabel, eventSummary } from './audit';
import { smallCity } from './office-test-city';

describe('audit trail view', () => {
	// Generating the city takes a few seconds, longer on a busy machine.
	beforeAll(() => void smallCity(), 120_000);

	it('has words for every event type the clerk system records', () => {
		const modules = [clockModule(CLERK_MODULES), approvalsModule(CLERK_MODULES), booksModule, ...CLERK_MODULES];
		const types = modules.flatMap((m) => Object.keys(m.events)).sort();
		expect(Object.keys(EVENT_LABELS).sort()).toEqual(types);
		expect(eventLabel('something.new')).toBe('something.new');
	});

	it('summarizes every event of a year in the demo city in one line', () => {
		const { history } = smallCity();
		for (const e of history) {
			const summary = eventSummary(e);
			expect(summary, e.type).not.toBe('');
			expect(summary, e.type).not.toMatch(/undefined|NaN|\n/);
		}
	});

	it('pages newest first, filters by type and shows the journal lines', () => {
		const { history } = smallCity();
		const first = auditPage(history, { pageSize: 25 });
		expect(first.rows).toHaveLength(25);
		expect(first.rows[0]!.seq).toBe(history.at(-1)!.seq);
		expect(first.rows.map((r) => r.seq)).toEqual([...first.rows.map((r) => r.seq)].sort((a, b) => b - a));
		expect(first.pages).toBe(Math.ceil(history.length / 25));
		const second = auditPage(history, { pageSize: 25, page: 2 });
		expect(second.rows[0]!.seq).toBe(first.rows[24]!.seq - 1);
		const last = auditPage(history, { pageSize: 25, page: 10_000 });
		expect(last.page).toBe(last.pages);
		expect(last.rows.at(-1)!.seq).toBe(1);

		const payments = auditPage(history, { type: 'cash.payment-taken' });
		expect(payments.type).toBe('cash.payment-taken');
		expect(payments.total).toBe(history.filter((e) => e.type === 'cash.payment-taken').length);
		const row = payments.rows[0]!;
		expect(row.label).toBe('Payment taken');
		expect(row.lines.length).toBeGreaterThanOrEqual(2);
		expect(row.lines[0]!.name).not.toBe('');
		const debits = row.lines.reduce((s, l) => (l.debit ? s + l.debit.toCents() : s), 0n);
		const credits = row.lines.reduce((s, l) => (l.credit ? s + l.credit.toCents() : s), 0n);
		expect(debits).toBe(credits);
		expect(payments.types.find((t) => t.type === 'cash.payment-taken')!.count).toBe(payments.total);
	});

	it('says so when asked for a type the sandbox has no events of, and lists everything', () => {
		const events: DomainEvent[] = [{ seq: 1, type: 'mail.stamped', itemId: 'MAIL-00001', at: '2026-11-16T17:00:00.000Z', date: '2026-11-16', actor: 'u1' }];
		const page = auditPage(events, { type: 'cash.receipt-voided', page: Number.NaN });
		expect(page).toMatchObject({ type: '', missingType: 'cash.receipt-voided', page: 1, pages: 1, total: 1 });
		expect(page.rows[0]).toMatchObject({ label: 'Mail date-stamped', summary: 'MAIL-00001', lines: [] });
		expect(auditPage([], {})).toMatchObject({ rows: [], page: 1, pages: 1, total: 0 });
	});
});
