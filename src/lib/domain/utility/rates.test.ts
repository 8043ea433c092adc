import { describe, expect, it } from 'vitest';
import { Money } from '$lib/money';
import { billLines, latePenalty, leakAdjustment, prorate, segmentsOf, waterUseCharge, type RateProfile } from './rates';

const m = (s: string) => Money.of(s);
const total = (lines: { amount: Money }[]) => lines.reduce((a, l) => a.plus(l.amount), Money.ZERO).toString();

const house: RateProfile = { class: 'residential', dwelling: 'single', units: 1, meterSize: '5/8', cartSize: '35', solidWasteContract: null, solidWasteSuspended: false, parcels: 1 };
const shop: RateProfile = { class: 'commercial', dwelling: 'single', units: 1, meterSize: '1', cartSize: null, solidWasteContract: m('120.00'), solidWasteSuspended: false, parcels: 1 };
const july = segmentsOf('2026-07-01', '2026-07-31');

describe('water use', () => {
	it('18 HCF residential water use = 10×2.05 + 8×2.60 = $41.30', () => {
		expect(waterUseCharge('residential', 18).toString()).toBe('41.30');
	});
	it('10 HCF residential is all tier 1: 10×2.05 = $20.50', () => {
		expect(waterUseCharge('residential', 10).toString()).toBe('20.50');
	});
	it('25 HCF residential ends tier 2: 10×2.05 + 15×2.60 = $59.50', () => {
		expect(waterUseCharge('residential', 25).toString()).toBe('59.50');
	});
	it('30 HCF residential reaches tier 3: 10×2.05 + 15×2.60 + 5×3.40 = $76.50', () => {
		expect(waterUseCharge('residential', 30).toString()).toBe('76.50');
	});
	it('0 HCF is no use charge ($0.00)', () => {
		expect(waterUseCharge('residential', 0).toString()).toBe('0.00');
	});
	it('30 HCF commercial is uniform: 30×2.45 = $73.50', () => {
		expect(waterUseCharge('commercial', 30).toString()).toBe('73.50');
	});
});

describe('bill lines for a full month', () => {
	it('single-family 5/8" 35-gal 1 parcel, 18 HCF = 28.50 + 20.50 + 20.80 + 62.85 + 52.10 + 4.62 = $189.37', () => {
		const lines = billLines(house, july, 18);
		expect(lines.map((l) => [l.glAccount, l.amount.toString()])).toEqual([
			['4110', '28.50'],
			['4110', '20.50'],
			['4110', '20.80'],
			['4120', '62.85'],
			['4130', '52.10'],
			['4140', '4.62']
		]);
		expect(total(lines)).toBe('189.37');
	});
	it.each([
		['5/8', '28.50'],
		['3/4', '28.50'],
		['1', '42.75'],
		['1.5', '85.50'],
		['2', '136.80']
	] as const)('water base for a %s" meter is $%s', (meterSize, base) => {
		expect(billLines({ ...house, meterSize }, july, 0)[0]!.amount.toString()).toBe(base);
	});
	it.each([
		['35', '52.10'],
		['64', '66.40'],
		['96', '80.89']
	] as const)('a %s-gallon cart is $%s a month', (cartSize, rate) => {
		expect(billLines({ ...house, cartSize }, july, 0).find((l) => l.glAccount === '4130')!.amount.toString()).toBe(rate);
	});
	it('multi-family wastewater for 4 units = 4 × 48.10 = $192.40', () => {
		expect(billLines({ ...house, dwelling: 'multi', units: 4 }, july, 0).find((l) => l.glAccount === '4120')!.amount.toString()).toBe('192.40');
	});
	it('residential storm drain on 2 parcels = 2 × 4.62 = $9.24', () => {
		expect(billLines({ ...house, parcels: 2 }, july, 0).find((l) => l.glAccount === '4140')!.amount.toString()).toBe('9.24');
	});
	it('commercial 1" meter, 12 HCF, $120.00 contract, 2 parcels = 42.75 + 29.40 + 28.00 + 59.40 + 120.00 + 18.48 = $298.03', () => {
		const lines = billLines({ ...shop, parcels: 2 }, july, 12);
		expect(lines.map((l) => [l.glAccount, l.amount.toString()])).toEqual([
			['4110', '42.75'],
			['4110', '29.40'],
			['4120', '28.00'],
			['4120', '59.40'],
			['4130', '120.00'],
			['4140', '18.48']
		]);
		expect(total(lines)).toBe('298.03');
	});
	it('solid waste suspended while vacant leaves the cart line off: 28.50 + 62.85 + 4.62 = $95.97', () => {
		expect(total(billLines({ ...house, solidWasteSuspended: true }, july, 0))).toBe('95.97');
	});
});

describe('proration', () => {
	it('service from July 20 is 12 of 31 days', () => {
		expect(segmentsOf('2026-07-20', '2026-07-31')).toEqual([{ month: '2026-07', days: 12, daysInMonth: 31 }]);
	});
	it('a stop on August 20 after July billed is 20 of 31 days', () => {
		expect(segmentsOf('2026-08-01', '2026-08-20')).toEqual([{ month: '2026-08', days: 20, daysInMonth: 31 }]);
	});
	it('a period over two months is split by month (June 20 – July 10 = 11/30 + 10/31)', () => {
		expect(segmentsOf('2026-06-20', '2026-07-10')).toEqual([
			{ month: '2026-06', days: 11, daysInMonth: 30 },
			{ month: '2026-07', days: 10, daysInMonth: 31 }
		]);
	});
	it('water base $28.50 × 12/31 = 11.0322… → $11.03', () => {
		expect(prorate(m('28.50'), { month: '2026-07', days: 12, daysInMonth: 31 }).toString()).toBe('11.03');
	});
	it('wastewater $62.85 × 1/30 = 2.095 → $2.10 (half-up at the line)', () => {
		expect(prorate(m('62.85'), { month: '2026-06', days: 1, daysInMonth: 30 }).toString()).toBe('2.10');
	});
	it('July 20–31 with 5 HCF = 11.03 + 10.25 + 24.33 + 20.17 + 1.79 = $67.57 (each fixed line prorated and rounded, use as read)', () => {
		expect(total(billLines(house, segmentsOf('2026-07-20', '2026-07-31'), 5))).toBe('67.57');
	});
});

describe('late penalty', () => {
	it('late penalty on $57.35 unpaid is $6.00 because 10% = $5.74 < $6.00', () => {
		expect(latePenalty(m('57.35')).toString()).toBe('6.00');
	});
	it('late penalty on $189.37 unpaid is 10% = 18.937 → $18.94', () => {
		expect(latePenalty(m('189.37')).toString()).toBe('18.94');
	});
	it('late penalty on $60.05 unpaid is 6.005 → $6.01 (half-up, greater than $6.00)', () => {
		expect(latePenalty(m('60.05')).toString()).toBe('6.01');
	});
	it('no late penalty when nothing is unpaid ($0.00)', () => {
		expect(latePenalty(Money.ZERO).toString()).toBe('0.00');
	});
	it('late penalty on $0.50 unpaid is still the $6.00 minimum', () => {
		expect(latePenalty(m('0.50')).toString()).toBe('6.00');
	});
});

describe('leak adjustment', () => {
	it('40 HCF against a 12-HCF average (10, 12, 14): 50% × 28 × 2.05 = $28.70', () => {
		expect(leakAdjustment(40, [10, 12, 14]).toString()).toBe('28.70');
	});
	it('20 HCF against 10⅔ average (10, 11, 11): 2.05 × (60 − 32) ÷ 6 = 9.5666… → $9.57 (average never rounded)', () => {
		expect(leakAdjustment(20, [10, 11, 11]).toString()).toBe('9.57');
	});
	it('use at or below the average gives no credit ($0.00)', () => {
		expect(leakAdjustment(12, [12, 12]).toString()).toBe('0.00');
	});
	it('no history gives no credit ($0.00)', () => {
		expect(leakAdjustment(40, []).toString()).toBe('0.00');
	});
});
