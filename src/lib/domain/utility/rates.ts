import { Money, max, sum } from '$lib/money';
import { daysInMonth, type BusinessDate } from '../dates';
import type { GlAccount } from '../ledger';
import type { AccountClass, BillLine, CartSize, FeeCode, MeterSize, Service, UtilityAccount } from './types';

/**
 * Monthly rates and the pure bill arithmetic of POLICY.md §1. Every line is rounded half-up to the
 * cent where it is charged, then lines are summed. Rates are illustrative except the 96-gallon cart.
 */

export const WATER_BASE: Record<MeterSize, Money> = {
	'5/8': Money.of('28.50'),
	'3/4': Money.of('28.50'),
	'1': Money.of('42.75'),
	'1.5': Money.of('85.50'),
	'2': Money.of('136.80')
};

/** Residential water tiers: the first 10 HCF, 11–25, and over 25. */
export const WATER_TIERS: readonly { upTo: number | null; rate: Money }[] = [
	{ upTo: 10, rate: Money.of('2.05') },
	{ upTo: 25, rate: Money.of('2.60') },
	{ upTo: null, rate: Money.of('3.40') }
];
export const TIER1_RATE = Money.of('2.05');
export const COMMERCIAL_WATER_RATE = Money.of('2.45');
export const WASTEWATER_SINGLE = Money.of('62.85');
export const WASTEWATER_PER_UNIT = Money.of('48.10');
export const WASTEWATER_COMMERCIAL_BASE = Money.of('28.00');
export const WASTEWATER_COMMERCIAL_PER_HCF = Money.of('4.95');
export const CART_RATE: Record<CartSize, Money> = { '35': Money.of('52.10'), '64': Money.of('66.40'), '96': Money.of('80.89') };
export const STORM_DRAIN: Record<AccountClass, Money> = { residential: Money.of('4.62'), commercial: Money.of('9.24') };

export const DEPOSIT = Money.of('175.00');
export const PENALTY_MINIMUM = Money.of('6.00');
export const CLERK_ADJUSTMENT_LIMIT = Money.of('50.00');
export const PLAN_MINIMUM = Money.of('100.00');
export const DISCONNECT_MINIMUM = Money.of('50.00');
export const DELINQUENT_AFTER_DAYS = 21;

export const FEES: Record<FeeCode, { amount: Money; label: string }> = {
	'disconnect-reconnect': { amount: Money.of('35.00'), label: 'Disconnect/reconnect fee' },
	'cut-lock': { amount: Money.of('50.00'), label: 'Cut lock fee' },
	'pull-meter': { amount: Money.of('100.00'), label: 'Pull meter fee' },
	nsf: { amount: Money.of('25.00'), label: 'Returned payment (NSF) fee' },
	'meter-test': { amount: Money.of('95.00'), label: 'Meter test fee' }
};

export const SERVICE_GL: Record<Service, GlAccount> = { water: '4110', wastewater: '4120', 'solid-waste': '4130', 'storm-drain': '4140' };

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "June 2026" for a "YYYY-MM" month. */
export function monthLabel(month: string): string {
	return `${MONTHS[Number(month.slice(5, 7)) - 1] ?? month} ${month.slice(0, 4)}`;
}

/** Days of service in one calendar month of a billing period. */
export type Segment = { month: string; days: number; daysInMonth: number };

/** Splits an inclusive date range into calendar-month segments (a start on June 20 → June, 11 of 30 days). */
export function segmentsOf(from: BusinessDate, to: BusinessDate): Segment[] {
	const segments: Segment[] = [];
	let y = Number(from.slice(0, 4));
	let m = Number(from.slice(5, 7));
	const last = to.slice(0, 7);
	for (;;) {
		const month = `${y}-${String(m).padStart(2, '0')}`;
		const dim = daysInMonth(y, m);
		const firstDay = month === from.slice(0, 7) ? Number(from.slice(8, 10)) : 1;
		const lastDay = month === last ? Number(to.slice(8, 10)) : dim;
		segments.push({ month, days: lastDay - firstDay + 1, daysInMonth: dim });
		if (month >= last) return segments;
		m += 1;
		if (m > 12) {
			m = 1;
			y += 1;
		}
	}
}

/** A monthly fixed charge × days of service ÷ days in the billing month, rounded half-up. */
export function prorate(monthly: Money, segment: Segment): Money {
	if (segment.days >= segment.daysInMonth) return monthly;
	return monthly.times(segment.days).dividedBy(segment.daysInMonth).roundHalfUpToCents();
}

/** What the bill needs to know about the account. */
export type RateProfile = Pick<UtilityAccount, 'class' | 'dwelling' | 'units' | 'meterSize' | 'cartSize' | 'solidWasteContract' | 'solidWasteSuspended' | 'parcels'>;

export type UseLine = { description: string; amount: Money };

/** Water use charge lines: residential by tier, commercial uniform (integer HCF × rate is whole cents). */
export function waterUseLines(cls: AccountClass, hcf: number): UseLine[] {
	if (hcf <= 0) return [];
	if (cls === 'commercial') {
		return [{ description: `Water use ${hcf} HCF × $2.45`, amount: COMMERCIAL_WATER_RATE.times(hcf).roundHalfUpToCents() }];
	}
	const lines: UseLine[] = [];
	let below = 0;
	WATER_TIERS.forEach((tier, i) => {
		const top = tier.upTo ?? Number.MAX_SAFE_INTEGER;
		const inTier = Math.max(0, Math.min(hcf, top) - below);
		if (inTier > 0) {
			lines.push({ description: `Water use tier ${i + 1}: ${inTier} HCF × $${tier.rate.toString()}`, amount: tier.rate.times(inTier).roundHalfUpToCents() });
		}
		below = top;
	});
	return lines;
}

/** Total water-use charge for `hcf` (18 HCF residential = 10 × 2.05 + 8 × 2.60 = $41.30). */
export function waterUseCharge(cls: AccountClass, hcf: number): Money {
	return sum(waterUseLines(cls, hcf).map((l) => l.amount));
}

type Fixed = { service: Service; description: string; monthly: Money };

// The monthly fixed charges of an account, before proration.
function fixedCharges(p: RateProfile): Fixed[] {
	const fixed: Fixed[] = [{ service: 'water', description: `Water base (${p.meterSize}" meter)`, monthly: WATER_BASE[p.meterSize] }];
	if (p.class === 'commercial') {
		fixed.push({ service: 'wastewater', description: 'Wastewater base (commercial)', monthly: WASTEWATER_COMMERCIAL_BASE });
	} else if (p.dwelling === 'multi') {
		fixed.push({ service: 'wastewater', description: `Wastewater (${p.units} units × $48.10)`, monthly: WASTEWATER_PER_UNIT.times(p.units) });
	} else {
		fixed.push({ service: 'wastewater', description: 'Wastewater (single-family)', monthly: WASTEWATER_SINGLE });
	}
	if (!p.solidWasteSuspended) {
		if (p.class === 'residential' && p.cartSize) {
			fixed.push({ service: 'solid-waste', description: `Solid waste (${p.cartSize}-gal cart)`, monthly: CART_RATE[p.cartSize] });
		} else if (p.class === 'commercial' && p.solidWasteContract?.isPositive()) {
			fixed.push({ service: 'solid-waste', description: 'Solid waste (contract)', monthly: p.solidWasteContract });
		}
	}
	const perParcel = STORM_DRAIN[p.class];
	fixed.push({ service: 'storm-drain', description: p.parcels === 1 ? 'Storm drain (1 parcel)' : `Storm drain (${p.parcels} parcels)`, monthly: perParcel.times(p.parcels) });
	return fixed;
}

function segmentNote(s: Segment): string {
	return s.days >= s.daysInMonth ? monthLabel(s.month) : `${monthLabel(s.month)}, ${s.days}/${s.daysInMonth} days`;
}

/**
 * The lines of a bill: fixed charges prorated per month of service, then water use as read and,
 * for commercial accounts, wastewater per HCF of water use. Zero lines are left out.
 */
export function billLines(p: RateProfile, segments: readonly Segment[], useHcf: number): BillLine[] {
	const lines: BillLine[] = [];
	const add = (service: Service, description: string, amount: Money) => {
		if (amount.isPositive()) lines.push({ service, glAccount: SERVICE_GL[service], description, amount });
	};
	const fixed = fixedCharges(p);
	for (const f of fixed.filter((x) => x.service === 'water')) for (const s of segments) add(f.service, `${f.description} — ${segmentNote(s)}`, prorate(f.monthly, s));
	for (const u of waterUseLines(p.class, useHcf)) add('water', u.description, u.amount);
	for (const f of fixed.filter((x) => x.service !== 'water')) {
		for (const s of segments) add(f.service, `${f.description} — ${segmentNote(s)}`, prorate(f.monthly, s));
		if (f.service === 'wastewater' && p.class === 'commercial' && useHcf > 0) {
			add('wastewater', `Wastewater use ${useHcf} HCF × $4.95`, WASTEWATER_COMMERCIAL_PER_HCF.times(useHcf).roundHalfUpToCents());
		}
	}
	return lines;
}

/** Late penalty: 10% of the current charges unpaid on the delinquent date or $6.00, whichever is greater; none when nothing is unpaid. */
export function latePenalty(unpaid: Money): Money {
	if (!unpaid.isPositive()) return Money.ZERO;
	return max(unpaid.times('0.10').roundHalfUpToCents(), PENALTY_MINIMUM);
}

/**
 * Leak adjustment: 50% of the use above the 12-month average, at the tier-1 rate, rounded once at
 * the end (it is one line). Computed as rate × (use × n − total) ÷ 2n so the average is never rounded.
 */
export function leakAdjustment(useHcf: number, priorUses: readonly number[]): Money {
	const n = priorUses.length;
	if (n === 0) return Money.ZERO;
	const total = priorUses.reduce((a, b) => a + b, 0);
	const excessTimesN = useHcf * n - total;
	if (excessTimesN <= 0) return Money.ZERO;
	return TIER1_RATE.times(excessTimesN).dividedBy(2 * n).roundHalfUpToCents();
}
