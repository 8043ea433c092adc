import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { Money, money } from '$lib/money';
import { addDays } from '../dates';
import { routingFor, type BusinessProfile } from './routing';
import {
	CLASSIFICATIONS,
	latePenalty,
	licenseTax,
	monthsDelinquent,
	newBusinessCharge,
	renewalNoticeDate,
	certificateExpiry,
	taxYearLabel,
	taxYearOf,
	type Classification
} from './tax';

const tax = (classification: Classification, gross: string) => licenseTax({ classification, grossReceipts: money(gross) }).tax.toString();

describe('license tax (POLICY §3): $50.00 on the first $500,000 plus the class rate above it', () => {
	test('contractor with $800,000 gross: $50.00 + 0.20% × $300,000 = $650.00, plus $4.00 state fee', () => {
		const lines = licenseTax({ classification: 'contractor', grossReceipts: money('800000.00') });
		expect(lines.base.toString()).toBe('50.00');
		expect(lines.ratePart.toString()).toBe('600.00');
		expect(lines.tax.toString()).toBe('650.00');
	});

	test('retail with exactly $500,000.00 pays only the $50.00; $0.00 receipts also pay $50.00', () => {
		expect(tax('retail-wholesale', '500000.00')).toBe('50.00');
		expect(tax('retail-wholesale', '0.00')).toBe('50.00');
	});

	test.each([
		['retail-wholesale', '$50.00 + 0.10% × $1,000,000 = $1,050.00', '1050.00'],
		['manufacturing', '$50.00 + 0.10% × $1,000,000 = $1,050.00', '1050.00'],
		['contractor', '$50.00 + 0.20% × $1,000,000 = $2,050.00', '2050.00'],
		['rental', '$50.00 + 0.20% × $1,000,000 = $2,050.00', '2050.00'],
		['professional-personal', '$50.00 + 0.30% × $1,000,000 = $3,050.00', '3050.00'],
		['other', '$50.00 + 0.20% × $1,000,000 = $2,050.00', '2050.00']
	] as const)('%s with $1,500,000 gross: %s', (classification, _formula, expected) => {
		expect(tax(classification, '1500000.00')).toBe(expected);
	});

	test('retail with $500,005.00: 0.10% × $5.00 = $0.005 rounds half-up to $0.01 → $50.01', () => {
		expect(tax('retail-wholesale', '500005.00')).toBe('50.01');
	});

	test('professional with $500,001.50: 0.30% × $1.50 = $0.0045 rounds down to $0.00 → $50.00', () => {
		expect(tax('professional-personal', '500001.50')).toBe('50.00');
	});

	test('property: tax = $50.00 + rate × excess rounded half-up, never below $50.00, never down as receipts grow', () => {
		const classes = Object.keys(CLASSIFICATIONS) as Classification[];
		fc.assert(
			fc.property(fc.constantFrom(...classes), fc.bigInt({ min: 0n, max: 99_999_999_999n }), fc.bigInt({ min: 0n, max: 1_000_000n }), (c, cents, more) => {
				const receipts = Money.fromCents(cents);
				const t = licenseTax({ classification: c, grossReceipts: receipts }).tax;
				expect(t.gte(money('50.00'))).toBe(true);
				expect(t.isWholeCents()).toBe(true);
				expect(licenseTax({ classification: c, grossReceipts: receipts.plus(Money.fromCents(more)) }).tax.gte(t)).toBe(true);
				const excess = receipts.minus(money('500000.00'));
				const expected = excess.isPositive() ? money('50.00').plus(excess.times(CLASSIFICATIONS[c].rate).roundHalfUpToCents()) : money('50.00');
				expect(t.eq(expected)).toBe(true);
			})
		);
	});
});

describe('new business (POLICY §3): the $50.00 prorated by start quarter, the rate on projected receipts', () => {
	const charge = (startDate: string, projected = '100000.00', classification: Classification = 'retail-wholesale') =>
		newBusinessCharge({ classification, startDate, projectedGrossReceipts: money(projected) });

	test('retail starting in February pays 50% of $50.00 = $25.00, plus $4.00 state fee = $29.00', () => {
		const c = charge('2027-02-10');
		expect([c.base.toString(), c.ratePart.toString(), c.stateFee.toString(), c.total.toString(), c.prorationPercent]).toEqual(['25.00', '0.00', '4.00', '29.00', 50]);
		expect(c.taxYear).toBe(2026);
	});

	test('starting August 15 pays 100% = $50.00; November 75% = $37.50; May 25% = $12.50', () => {
		expect(charge('2026-08-15').base.toString()).toBe('50.00');
		expect(charge('2026-11-02').base.toString()).toBe('37.50');
		expect(charge('2027-05-20').base.toString()).toBe('12.50');
	});

	test.each([
		['2026-07-01', 100],
		['2026-09-30', 100],
		['2026-10-01', 75],
		['2026-12-31', 75],
		['2027-01-01', 50],
		['2027-03-31', 50],
		['2027-04-01', 25],
		['2027-06-30', 25]
	] as const)('quarter boundary: starting %s pays %i% of $50.00', (startDate, percent) => {
		expect(charge(startDate).prorationPercent).toBe(percent);
	});

	test('contractor starting October 1 projecting $700,000: 75% × $50.00 = $37.50 + 0.20% × $200,000 = $400.00 → tax $437.50, total $441.50', () => {
		const c = charge('2026-10-01', '700000.00', 'contractor');
		expect([c.base.toString(), c.ratePart.toString(), c.tax.toString(), c.total.toString()]).toEqual(['37.50', '400.00', '437.50', '441.50']);
	});
});

describe('late penalty (POLICY §3): 10% of the tax per month or part month after July 31, at most 50%', () => {
	const tax650 = money('650.00');

	test('renewal paid July 31 is on time: no penalty', () => {
		expect(latePenalty(tax650, '2026-07-01', '2026-07-31').toString()).toBe('0.00');
	});

	test('renewal paid August 1: one part-month late, 10% of $650.00 = $65.00', () => {
		expect(latePenalty(tax650, '2026-07-01', '2026-08-01').toString()).toBe('65.00');
	});

	test('renewal paid September 10: two months late, penalty 20% of tax = $130.00', () => {
		expect(monthsDelinquent('2026-07-01', '2026-09-10')).toBe(2);
		expect(latePenalty(tax650, '2026-07-01', '2026-09-10').toString()).toBe('130.00');
	});

	test('penalty caps at 50%: paid March 3 (8 months late) → 50% of $650.00 = $325.00', () => {
		expect(monthsDelinquent('2026-07-01', '2027-03-03')).toBe(8);
		expect(latePenalty(tax650, '2026-07-01', '2027-03-03').toString()).toBe('325.00');
		expect(latePenalty(tax650, '2026-07-01', '2026-12-01').toString()).toBe('325.00');
	});

	test('penalty rounds half-up on its line: 10% of $50.05 = $5.005 → $5.01', () => {
		expect(latePenalty(money('50.05'), '2026-07-01', '2026-08-20').toString()).toBe('5.01');
	});

	test('property: the penalty never exceeds 50% of the tax and never shrinks as the payment gets later', () => {
		fc.assert(
			fc.property(fc.bigInt({ min: 5000n, max: 10_000_000n }), fc.integer({ min: 0, max: 700 }), fc.integer({ min: 0, max: 60 }), (cents, d, extra) => {
				const t = Money.fromCents(cents);
				const day = (n: number) => addDays('2026-07-01', n);
				const p = latePenalty(t, '2026-07-01', day(d));
				expect(p.lte(t.times('0.5').roundHalfUpToCents())).toBe(true);
				expect(latePenalty(t, '2026-07-01', day(d + extra)).gte(p)).toBe(true);
			})
		);
	});
});

describe('tax year calendar (POLICY §3)', () => {
	test('tax year July 1 – June 30: June 30, 2027 is in 2026-27, July 1, 2027 starts 2027-28', () => {
		expect(taxYearOf('2027-06-30')).toBe(2026);
		expect(taxYearOf('2027-07-01')).toBe(2027);
		expect(taxYearLabel(2026)).toBe('2026-27');
		expect(taxYearLabel(2099)).toBe('2099-00');
	});

	test('certificates for 2026-27 expire June 30, 2027; renewal notices for 2027-28 go out May 16, 2027 (45 days before)', () => {
		expect(certificateExpiry(2026)).toBe('2027-06-30');
		expect(renewalNoticeDate(2027)).toBe('2027-05-16');
	});
});

describe('routing for clearance (POLICY §3)', () => {
	const base: BusinessProfile = { classification: 'retail-wholesale', regulated: null, homeBased: false, commercialPremises: false, tenantImprovements: false };
	const depts = (b: Partial<BusinessProfile>) => routingFor({ ...base, ...b }).map((r) => r.department);

	test('Planning always — a home-based business goes to Planning only, for its home occupation permit', () => {
		expect(depts({ homeBased: true })).toEqual(['planning']);
		expect(routingFor({ ...base, homeBased: true })[0]!.reason).toMatch(/home occupation permit/);
	});

	test('tenant improvements add Building; commercial premises add Fire', () => {
		expect(depts({ tenantImprovements: true })).toEqual(['planning', 'building']);
		expect(depts({ commercialPremises: true })).toEqual(['planning', 'fire']);
	});

	test.each(['massage', 'secondhand-dealer', 'taxi'] as const)('regulated class %s adds Police', (regulated) => {
		expect(depts({ regulated })).toEqual(['planning', 'police']);
	});

	test('a massage studio in commercial premises with tenant improvements goes to all four departments', () => {
		expect(depts({ regulated: 'massage', commercialPremises: true, tenantImprovements: true })).toEqual(['planning', 'building', 'fire', 'police']);
	});
});
