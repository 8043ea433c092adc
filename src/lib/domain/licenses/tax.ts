import { Money, money } from '$lib/money';
import { addDays, type BusinessDate } from '../dates';

/**
 * Business license tax, POLICY.md §3 (Measure B). Pure functions: every amount is rounded half-up
 * to the cent on the line where it is charged (the base line, the rate line, the penalty line).
 */

/** Classifications and their rates on receipts above $500,000 (rates illustrative, within Tracy's 0.1%–0.3%). */
export const CLASSIFICATIONS = {
	'retail-wholesale': { label: 'Retail and wholesale', rate: '0.001', percent: '0.10%' },
	manufacturing: { label: 'Manufacturing', rate: '0.001', percent: '0.10%' },
	contractor: { label: 'Contractors', rate: '0.002', percent: '0.20%' },
	rental: { label: 'Rentals', rate: '0.002', percent: '0.20%' },
	'professional-personal': { label: 'Professional and personal services', rate: '0.003', percent: '0.30%' },
	other: { label: 'Other', rate: '0.002', percent: '0.20%' }
} as const;
export type Classification = keyof typeof CLASSIFICATIONS;
export const CLASSIFICATION_LABELS = Object.fromEntries(Object.entries(CLASSIFICATIONS).map(([k, v]) => [k, v.label])) as Record<Classification, string>;

/** Regulated sub-types: they also need a Police clearance. Taxed by their classification. */
export const REGULATED_TYPES = { massage: 'Massage', 'secondhand-dealer': 'Secondhand dealer', taxi: 'Taxi' } as const;
export type RegulatedType = keyof typeof REGULATED_TYPES;

/** $50.00 covers the first $500,000 of gross receipts (Tracy). */
export const BASE_TAX = money('50.00');
export const BASE_THRESHOLD = money('500000.00');
/** Gov. Code §4467 disability-access fee on every new license and renewal; never penalized; owed to the state (2210). */
export const STATE_FEE = money('4.00');
/** 10% of the tax per month or part of a month delinquent, at most five months = 50% (illustrative). */
export const PENALTY_RATE_PER_MONTH = '0.10';
export const MAX_PENALTY_MONTHS = 5;

export type TaxLines = {
	/** The $50.00 (prorated for a new business). */
	base: Money;
	/** Class rate × receipts above $500,000, rounded half-up. */
	ratePart: Money;
	/** base + ratePart (the state fee is not tax). */
	tax: Money;
};

// Rate × receipts above $500,000, rounded on its own line.
function ratePartFor(classification: Classification, receipts: Money): Money {
	const excess = receipts.minus(BASE_THRESHOLD);
	if (!excess.isPositive()) return Money.ZERO;
	return excess.times(CLASSIFICATIONS[classification].rate).roundHalfUpToCents();
}

/** A full year's tax on reported gross receipts (renewals). */
export function licenseTax(input: { classification: Classification; grossReceipts: Money }): TaxLines {
	const ratePart = ratePartFor(input.classification, input.grossReceipts);
	return { base: BASE_TAX, ratePart, tax: BASE_TAX.plus(ratePart) };
}

/** Share of the $50.00 a new business pays, by the quarter of the tax year it starts in. */
export function prorationPercent(startDate: BusinessDate): 100 | 75 | 50 | 25 {
	const month = Number(startDate.slice(5, 7));
	if (month >= 7 && month <= 9) return 100;
	if (month >= 10) return 75;
	if (month <= 3) return 50;
	return 25;
}

export type NewBusinessCharge = TaxLines & { stateFee: Money; total: Money; prorationPercent: 100 | 75 | 50 | 25; taxYear: number };

/**
 * First-year charge for a new business: the $50.00 prorated by start quarter, plus the class rate on
 * projected gross receipts above $500,000 for the rest of the tax year (the $500,000 itself is not
 * prorated — illustrative), plus the $4.00 state fee.
 */
export function newBusinessCharge(input: { classification: Classification; startDate: BusinessDate; projectedGrossReceipts: Money }): NewBusinessCharge {
	const percent = prorationPercent(input.startDate);
	const base = BASE_TAX.times(percent).dividedBy(100).roundHalfUpToCents();
	const ratePart = ratePartFor(input.classification, input.projectedGrossReceipts);
	const tax = base.plus(ratePart);
	return { base, ratePart, tax, stateFee: STATE_FEE, total: tax.plus(STATE_FEE), prorationPercent: percent, taxYear: taxYearOf(input.startDate) };
}

/** The tax year a date falls in, named by the year it starts (2026 = July 1, 2026 – June 30, 2027). */
export function taxYearOf(date: BusinessDate): number {
	const year = Number(date.slice(0, 4));
	return Number(date.slice(5, 7)) >= 7 ? year : year - 1;
}

/** "2026-27". */
export function taxYearLabel(taxYear: number): string {
	return `${taxYear}-${String((taxYear + 1) % 100).padStart(2, '0')}`;
}

export function taxYearStart(taxYear: number): BusinessDate {
	return `${taxYear}-07-01`;
}

/** Certificates expire June 30. */
export function certificateExpiry(taxYear: number): BusinessDate {
	return `${taxYear + 1}-06-30`;
}

/** Renewals are delinquent after July 31 (illustrative). */
export function delinquentAfter(taxYear: number): BusinessDate {
	return `${taxYear}-07-31`;
}

/** Renewal notices for `taxYear` go out 45 days before the old certificates expire (May 16). */
export function renewalNoticeDate(taxYear: number): BusinessDate {
	return addDays(certificateExpiry(taxYear - 1), -45);
}

/** Months or parts of a month past July 31 of the tax year starting `taxYearStartDate` (Aug 1 = 1, Sep 10 = 2). */
export function monthsDelinquent(taxYearStartDate: BusinessDate, date: BusinessDate): number {
	const startYear = Number(taxYearStartDate.slice(0, 4));
	if (date <= delinquentAfter(startYear)) return 0;
	return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - (startYear * 12 + 7);
}

/** Late penalty on `tax` when paid on `paidDate`: 10% per month or part month after July 31, at most 50%. */
export function latePenalty(tax: Money, taxYearStartDate: BusinessDate, paidDate: BusinessDate): Money {
	const months = Math.min(monthsDelinquent(taxYearStartDate, paidDate), MAX_PENALTY_MONTHS);
	return tax.times(PENALTY_RATE_PER_MONTH).times(months).roundHalfUpToCents();
}
