import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { Money, money, sum } from '$lib/money';
import { createClerkSystem } from '../system';
import type { Command, SandboxState } from '../model';
import { CLASSIFICATIONS, type Classification } from '../licenses/tax';
import { businessRows, businessView, clearanceRows, newLicenseFees, renewalFees } from './licenses';

const engine = createClerkSystem();
const ctx = { actor: { id: 'clerk1', name: 'Clerk', supervisor: false }, at: '2026-11-16T17:00:00Z' };

function run(state: SandboxState, cmd: Command) {
	const result = engine.execute(state, cmd, ctx);
	if (!result.ok) throw new Error(`${cmd.type} rejected: ${result.rejection.message}`);
	return result.events;
}

const profile = {
	owner: 'Ana Ruiz',
	classification: 'retail-wholesale',
	regulated: '',
	homeBased: false,
	commercialPremises: true,
	tenantImprovements: false
};

/** A small licensing office on November 16, 2026: one active, one not renewed, one application in review. */
function office(): SandboxState {
	const state = engine.emptyState('2026-11-16');
	run(state, { type: 'license.record-business', ...profile, name: 'Delta Market', address: '10 Central Ave', lastTaxYear: '2026', lastGrossReceipts: '400000.00' });
	run(state, { type: 'license.record-business', ...profile, name: 'Orchard Florist', owner: 'Ben Lee', address: '22 Grant Line Rd', classification: 'other', lastTaxYear: '2025', lastGrossReceipts: '650000.00' });
	run(state, { type: 'license.apply', ...profile, name: 'Tracy Tacos', address: '5 W 11th St', tenantImprovements: true, startDate: '2026-11-20', projectedGrossReceipts: '620000.00' });
	return state;
}

describe('fee previews: each line explained, amounts from the license module', () => {
	test('new business starting November 20, 2026 (Oct–Dec quarter): 75% of $50.00 = $37.50, 0.10% of $120,000.00 = $120.00, state fee $4.00 = $161.50', () => {
		const preview = newLicenseFees({ classification: 'retail-wholesale', startDate: '2026-11-20', projectedGrossReceipts: money('620000.00') });
		expect(preview.taxYearLabel).toBe('2026-27');
		expect(preview.lines.map((l) => [l.code, l.amount.toString()])).toEqual([
			['base', '37.50'],
			['rate', '120.00'],
			['state-fee', '4.00']
		]);
		expect(preview.lines[0]!.explanation).toContain('October–December quarter of tax year 2026-27: 75% of $50.00 = $37.50');
		expect(preview.lines[1]!.explanation).toContain('0.10% × ($620,000.00 − $500,000.00 = $120,000.00) = $120.00');
		expect(preview.lines[2]!.explanation).toContain('Gov. Code §4467');
		expect(preview.total.toString()).toBe('161.50');
	});

	test('receipts at or under $500,000.00 say that no rate part is due', () => {
		const preview = newLicenseFees({ classification: 'other', startDate: '2027-02-01', projectedGrossReceipts: money('500000.00') });
		expect(preview.lines[1]!.amount.isZero()).toBe(true);
		expect(preview.lines[1]!.explanation).toContain('not above $500,000.00');
		expect(preview.total.toString()).toBe('29.00');
	});

	test('renewal filed November 16, 2026 for 2026-27 (4 months after July 31): professional services on $750,000.00 → $50.00 + $750.00, penalty 40% = $320.00, state fee $4.00 = $1,124.00', () => {
		const preview = renewalFees({ classification: 'professional-personal', grossReceipts: money('750000.00'), taxYear: 2026, filedOn: '2026-11-16' });
		expect(preview.lines.map((l) => [l.code, l.amount.toString()])).toEqual([
			['base', '50.00'],
			['rate', '750.00'],
			['penalty', '320.00'],
			['state-fee', '4.00']
		]);
		expect(preview.lines[2]!.label).toBe('Late penalty, 40% of the tax');
		expect(preview.lines[2]!.explanation).toContain('4 × 10% of the tax $800.00 = $320.00');
		expect(preview.total.toString()).toBe('1124.00');
	});

	test('a renewal filed by July 31 has no penalty and says when one would start', () => {
		const preview = renewalFees({ classification: 'rental', grossReceipts: money('100000.00'), taxYear: 2026, filedOn: '2026-07-31' });
		const penalty = preview.lines.find((l) => l.code === 'penalty')!;
		expect(penalty.amount.isZero()).toBe(true);
		expect(penalty.explanation).toContain('From August 1, 2026');
		expect(preview.total.toString()).toBe('54.00');
	});

	test('property: the preview is exactly what license.apply and license.renew charge', () => {
		const classes = Object.keys(CLASSIFICATIONS) as Classification[];
		fc.assert(
			fc.property(fc.constantFrom(...classes), fc.integer({ min: 0, max: 500_000_000 }), fc.integer({ min: 0, max: 200 }), (classification, cents, startIn) => {
				const state = office();
				const receipts = Money.fromCents(cents).toString();
				const startDate = new Date(Date.UTC(2026, 10, 16 + startIn)).toISOString().slice(0, 10);
				const applied = engine.decide(state, { type: 'license.apply', ...profile, classification, name: 'New Shop', address: '1 Test St', startDate, projectedGrossReceipts: receipts }, ctx);
				if (!applied.ok) throw new Error(applied.rejection.message);
				const charges = applied.events[0]!.charges as Array<{ amount: string }>;
				const preview = newLicenseFees({ classification, startDate, projectedGrossReceipts: Money.of(receipts) });
				expect(preview.lines.map((l) => l.amount.toString())).toEqual(charges.map((c) => c.amount));

				const renewed = engine.decide(state, { type: 'license.renew', businessId: 'BIZ-000002', taxYear: '2026', grossReceipts: receipts }, ctx);
				if (!renewed.ok) throw new Error(renewed.rejection.message);
				const event = renewed.events[0]!;
				const posted = sum((event.charges as Array<{ amount: string }>).map((c) => Money.of(c.amount))).plus(Money.of(event.penalty as string));
				const renewal = renewalFees({ classification: 'other', grossReceipts: Money.of(receipts), taxYear: 2026, filedOn: state.businessDate });
				expect(renewal.total.eq(posted)).toBe(true);
				expect(renewal.lines.find((l) => l.code === 'penalty')!.amount.toString()).toBe(event.penalty);
			}),
			{ numRuns: 60 }
		);
	});
});

describe('business list: standings, filters and search', () => {
	test('active, not renewed and in review, with counts per filter', () => {
		const { rows, counts } = businessRows(office());
		expect(rows.map((r) => [r.name, r.standing, r.licenseNo, r.taxYear])).toEqual([
			['Delta Market', 'active', 'BL-2026-0001', '2026-27'],
			['Orchard Florist', 'not-renewed', 'BL-2025-0001', '2025-26'],
			['Tracy Tacos', 'in-review', 'BL-2026-0002', '2026-27']
		]);
		expect(counts).toMatchObject({ all: 3, active: 1, 'not-renewed': 1, 'in-review': 1, delinquent: 0, expiring: 0 });
		expect(rows[2]!.owed.toString()).toBe('161.50');
	});

	test('search by every word across name, owner, id and license numbers; filter narrows', () => {
		const state = office();
		expect(businessRows(state, { q: 'ben LEE' }).rows.map((r) => r.id)).toEqual(['BIZ-000002']);
		expect(businessRows(state, { q: 'bl-2026-0002' }).rows.map((r) => r.name)).toEqual(['Tracy Tacos']);
		expect(businessRows(state, { q: 'biz-000001' }).rows.map((r) => r.name)).toEqual(['Delta Market']);
		expect(businessRows(state, { q: 'ruiz', filter: 'in-review' }).rows.map((r) => r.name)).toEqual(['Tracy Tacos']);
		expect(businessRows(state, { q: 'nobody here' }).rows).toEqual([]);
	});

	test('a renewal filed late is delinquent; from May 16 an active license is expiring', () => {
		const state = office();
		run(state, { type: 'license.renew', businessId: 'BIZ-000002', grossReceipts: '650000.00' });
		expect(businessRows(state, { filter: 'delinquent' }).rows.map((r) => r.name)).toEqual(['Orchard Florist']);
		run(state, { type: 'clock.set-date', to: '2027-05-16' });
		expect(businessRows(state, { filter: 'expiring' }).rows.map((r) => r.name)).toEqual(['Delta Market']);
	});
});

describe('business page and clearances', () => {
	test('licenses newest first, balance owed from the subledger; unknown ids give null', () => {
		const state = office();
		run(state, { type: 'license.renew', businessId: 'BIZ-000002', grossReceipts: '650000.00' });
		const view = businessView(state, 'biz-000002')!;
		expect(view.licenses.map((l) => [l.number, l.taxYear, l.kind, l.status, l.charged.toString()])).toEqual([
			['BL-2026-0003', '2026-27', 'Renewal', 'delinquent', '494.00'],
			['BL-2025-0001', '2025-26', 'On file', 'expired', '354.00']
		]);
		expect(view.owed.toString()).toBe('494.00');
		expect(view.details.find((d) => d.label === 'Classification')!.value).toBe('Other (0.20% above $500,000.00)');
		expect(businessView(state, 'BIZ-999999')).toBeNull();
		expect(businessView(state, '__proto__')).toBeNull();
	});

	test('clearances list each routed department with its status', () => {
		const state = office();
		run(state, { type: 'license.decide-clearance', licenseNo: 'BL-2026-0002', department: 'fire', decision: 'denied', note: 'No exit signs' });
		const rows = clearanceRows(state.licenses.licenses['BL-2026-0002']!);
		expect(rows.map((r) => [r.name, r.status, r.note])).toEqual([
			['Planning', 'pending', null],
			['Building', 'pending', null],
			['Fire', 'denied', 'No exit signs']
		]);
	});
});
