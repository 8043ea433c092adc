import { formatUSD, Money, sum } from '$lib/money';
import { addDays, formatLongDate, type BusinessDate } from '../dates';
import { own } from '../input';
import { subBalance } from '../ledger';
import type { SandboxState } from '../model';
import { chargeLines } from '../licenses/charges';
import { DEPARTMENTS } from '../licenses/routing';
import {
	BASE_TAX,
	BASE_THRESHOLD,
	CLASSIFICATIONS,
	delinquentAfter,
	latePenalty,
	licenseTax,
	MAX_PENALTY_MONTHS,
	monthsDelinquent,
	newBusinessCharge,
	PENALTY_RATE_PER_MONTH,
	REGULATED_TYPES,
	renewalNoticeDate,
	STATE_FEE,
	taxYearLabel,
	taxYearStart,
	type Classification
} from '../licenses/tax';
import type { Business, License, LicenseStatus } from '../licenses/types';

/**
 * Read models for the business license screens: the list of businesses with where each stands,
 * one business with its licenses, and fee previews whose every line says how it was reached.
 * Amounts come from the license module's own tax functions, so a preview is what the command posts.
 */

/** Where a business stands, by its latest license. */
export type Standing = 'in-review' | 'approved-unpaid' | 'active' | 'delinquent' | 'not-renewed' | 'unlicensed';
export const STANDING_LABELS: Record<Standing, string> = {
	'in-review': 'In review',
	'approved-unpaid': 'Approved, unpaid',
	active: 'Active',
	delinquent: 'Delinquent',
	'not-renewed': 'Expired, not renewed',
	unlicensed: 'No license'
};

/** The list's filters: the standings, plus active licenses inside the renewal window. */
export const LICENSE_FILTERS = {
	all: 'All',
	'in-review': 'In review',
	'approved-unpaid': 'Approved, unpaid',
	active: 'Active',
	delinquent: 'Delinquent',
	expiring: 'Expiring',
	'not-renewed': 'Not renewed'
} as const;
export type LicenseFilter = keyof typeof LICENSE_FILTERS;

export function isLicenseFilter(value: string): value is LicenseFilter {
	return Object.hasOwn(LICENSE_FILTERS, value);
}

export const LICENSE_STATUS_LABELS: Record<LicenseStatus, string> = {
	applied: 'Applied',
	'in-review': 'In review',
	approved: 'Approved, unpaid',
	active: 'Active',
	expired: 'Expired',
	delinquent: 'Delinquent'
};

export const LICENSE_KIND_LABELS: Record<License['kind'], string> = { new: 'New business', renewal: 'Renewal', 'on-file': 'On file' };

const STANDING_OF: Record<LicenseStatus, Standing> = {
	applied: 'in-review',
	'in-review': 'in-review',
	approved: 'approved-unpaid',
	active: 'active',
	delinquent: 'delinquent',
	expired: 'not-renewed'
};

export type BusinessRow = {
	id: string;
	name: string;
	owner: string;
	address: string;
	licenseNo: string | null;
	taxYear: string | null;
	standing: Standing;
	/** Active (or approved) and the renewal notices for the next tax year have gone out. */
	expiring: boolean;
	owed: Money;
};

function licensesOf(state: Readonly<SandboxState>, businessId: string): License[] {
	return Object.values(state.licenses.licenses)
		.filter((l) => l.businessId === businessId)
		.sort((a, b) => b.taxYear - a.taxYear || (a.number < b.number ? 1 : -1));
}

// One pass over the licenses instead of one per business.
function latestByBusiness(state: Readonly<SandboxState>): Map<string, License> {
	const latest = new Map<string, License>();
	for (const l of Object.values(state.licenses.licenses)) {
		const held = latest.get(l.businessId);
		if (!held || l.taxYear > held.taxYear || (l.taxYear === held.taxYear && l.number > held.number)) latest.set(l.businessId, l);
	}
	return latest;
}

function isExpiring(license: License, today: BusinessDate): boolean {
	return (license.status === 'active' || license.status === 'approved') && today >= renewalNoticeDate(license.taxYear + 1);
}

function matches(words: readonly string[], text: string): boolean {
	return words.every((w) => text.includes(w));
}

function queryWords(q: string): string[] {
	return q.toLowerCase().split(/\s+/).filter(Boolean);
}

function inFilter(row: BusinessRow, filter: LicenseFilter): boolean {
	if (filter === 'all') return true;
	if (filter === 'expiring') return row.expiring;
	return row.standing === filter;
}

/**
 * Businesses matching every word of `q` (name, owner, address, business id or any license number),
 * in the chosen filter, by name; with the count per filter among the matches.
 */
export function businessRows(state: Readonly<SandboxState>, opts: { q?: string; filter?: LicenseFilter } = {}): { rows: BusinessRow[]; counts: Record<LicenseFilter, number> } {
	const words = queryWords(opts.q ?? '');
	const filter = opts.filter ?? 'all';
	const latest = latestByBusiness(state);
	const numbers = new Map<string, string[]>();
	if (words.length > 0) {
		for (const l of Object.values(state.licenses.licenses)) numbers.set(l.businessId, [...(numbers.get(l.businessId) ?? []), l.number]);
	}
	const counts = Object.fromEntries(Object.keys(LICENSE_FILTERS).map((k) => [k, 0])) as Record<LicenseFilter, number>;
	const rows: BusinessRow[] = [];
	for (const b of Object.values(state.licenses.businesses)) {
		if (words.length > 0 && !matches(words, [b.id, b.name, b.owner, b.address, ...(numbers.get(b.id) ?? [])].join(' ').toLowerCase())) continue;
		const license = latest.get(b.id);
		const row: BusinessRow = {
			id: b.id,
			name: b.name,
			owner: b.owner,
			address: b.address,
			licenseNo: license?.number ?? null,
			taxYear: license ? taxYearLabel(license.taxYear) : null,
			standing: license ? STANDING_OF[license.status] : 'unlicensed',
			expiring: license ? isExpiring(license, state.businessDate) : false,
			owed: subBalance(state.ledger, `bl:${b.id}`)
		};
		for (const f of Object.keys(LICENSE_FILTERS) as LicenseFilter[]) if (inFilter(row, f)) counts[f]++;
		if (inFilter(row, filter)) rows.push(row);
	}
	rows.sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1));
	return { rows, counts };
}

/** A business's own fields as a clerk reads them. */
export function businessDetails(business: Business): Array<{ label: string; value: string }> {
	const yesNo = (v: boolean) => (v ? 'Yes' : 'No');
	return [
		{ label: 'Owner', value: business.owner },
		{ label: 'Address', value: business.address },
		{ label: 'Classification', value: `${CLASSIFICATIONS[business.classification].label} (${CLASSIFICATIONS[business.classification].percent} above ${formatUSD(BASE_THRESHOLD)})` },
		{ label: 'Regulated type', value: business.regulated ? REGULATED_TYPES[business.regulated] : 'None' },
		{ label: 'Home-based', value: yesNo(business.homeBased) },
		{ label: 'Commercial premises', value: yesNo(business.commercialPremises) },
		{ label: 'Tenant improvements', value: yesNo(business.tenantImprovements) },
		{ label: 'Started', value: formatLongDate(business.startDate) }
	];
}

/** One license as the business page lists it. */
export type LicenseSummary = {
	number: string;
	taxYear: string;
	kind: string;
	status: LicenseStatus;
	grossReceipts: Money;
	charged: Money;
	paid: boolean;
	paidOn: BusinessDate | null;
	paidReceipt: string | null;
	hasCertificate: boolean;
};

/** Everything charged on a license: its lines plus the penalty posted so far. */
export function licenseCharged(license: License): Money {
	return sum(license.charges.map((c) => c.amount)).plus(license.penalty);
}

export function businessView(state: Readonly<SandboxState>, id: string) {
	const business = own(state.licenses.businesses, id.trim().toUpperCase());
	if (!business) return null;
	const licenses: LicenseSummary[] = licensesOf(state, business.id).map((l) => ({
		number: l.number,
		taxYear: taxYearLabel(l.taxYear),
		kind: LICENSE_KIND_LABELS[l.kind],
		status: l.status,
		grossReceipts: l.grossReceipts,
		charged: licenseCharged(l),
		paid: l.paid,
		paidOn: l.paidOn ?? null,
		paidReceipt: l.paidReceipt ?? null,
		hasCertificate: l.paid && !!l.certificate
	}));
	return {
		id: business.id,
		name: business.name,
		classification: business.classification,
		details: businessDetails(business),
		licenses,
		owed: subBalance(state.ledger, `bl:${business.id}`)
	};
}

/** One line of a fee preview: what the license module charges, and how the amount was reached. */
export type FeeLine = { code: 'base' | 'rate' | 'state-fee' | 'penalty'; label: string; explanation: string; amount: Money };
export type FeePreview = {
	taxYear: number;
	taxYearLabel: string;
	lines: FeeLine[];
	total: Money;
};

// The penalty rate as a whole percent ("0.10" → 10), for the explanations only.
const PENALTY_PERCENT = Math.round(Number(PENALTY_RATE_PER_MONTH) * 100);

const QUARTER_OF: Record<number, string> = { 100: 'July–September', 75: 'October–December', 50: 'January–March', 25: 'April–June' };

function rateExplanation(classification: Classification, receipts: Money, ratePart: Money, word: string): string {
	const { label, percent } = CLASSIFICATIONS[classification];
	const excess = receipts.minus(BASE_THRESHOLD);
	if (!excess.isPositive()) return `${capitalize(word)} gross receipts of ${formatUSD(receipts)} are not above ${formatUSD(BASE_THRESHOLD)}, so no rate part is due.`;
	return `${label}: ${percent} × (${formatUSD(receipts)} − ${formatUSD(BASE_THRESHOLD)} = ${formatUSD(excess)}) = ${formatUSD(ratePart)}, rounded half-up to the cent.`;
}

const STATE_FEE_EXPLANATION = `${formatUSD(STATE_FEE)} on every new license and renewal (California Gov. Code §4467, disability access); it takes no penalty and is remitted to the state.`;

function capitalize(s: string): string {
	return s.charAt(0).toUpperCase() + s.slice(1);
}

function labelled(lines: ReturnType<typeof chargeLines>, explanations: Record<'base' | 'rate' | 'state-fee', string>): FeeLine[] {
	return lines.map((l) => ({ code: l.code, label: l.description, explanation: explanations[l.code], amount: Money.of(l.amount) }));
}

/** First-year fees of a new business: the $50.00 prorated by start quarter, the rate part on projected receipts, the state fee. */
export function newLicenseFees(input: { classification: Classification; startDate: BusinessDate; projectedGrossReceipts: Money }): FeePreview {
	const charge = newBusinessCharge(input);
	const quarter = QUARTER_OF[charge.prorationPercent];
	const base =
		charge.prorationPercent === 100
			? `Starts ${formatLongDate(input.startDate)}, in the July–September quarter: the full ${formatUSD(BASE_TAX)} for tax year ${taxYearLabel(charge.taxYear)}.`
			: `New business starting ${formatLongDate(input.startDate)}, in the ${quarter} quarter of tax year ${taxYearLabel(charge.taxYear)}: ${charge.prorationPercent}% of ${formatUSD(BASE_TAX)} = ${formatUSD(charge.base)}.`;
	const lines = labelled(chargeLines(input.classification, charge, charge.stateFee, charge.prorationPercent, 'projected'), {
		base,
		rate: rateExplanation(input.classification, input.projectedGrossReceipts, charge.ratePart, 'projected'),
		'state-fee': STATE_FEE_EXPLANATION
	});
	return { taxYear: charge.taxYear, taxYearLabel: taxYearLabel(charge.taxYear), lines, total: charge.total };
}

/** A renewal's fees on reported receipts, with the late penalty it carries when filed on `filedOn`. */
export function renewalFees(input: { classification: Classification; grossReceipts: Money; taxYear: number; filedOn: BusinessDate }): FeePreview {
	const lines = licenseTax({ classification: input.classification, grossReceipts: input.grossReceipts });
	const start = taxYearStart(input.taxYear);
	const months = Math.min(monthsDelinquent(start, input.filedOn), MAX_PENALTY_MONTHS);
	const penalty = latePenalty(lines.tax, start, input.filedOn);
	const deadline = formatLongDate(delinquentAfter(input.taxYear));
	const fees = labelled(chargeLines(input.classification, lines, STATE_FEE, 100, 'reported'), {
		base: `${formatUSD(BASE_TAX)} covers the first ${formatUSD(BASE_THRESHOLD)} of gross receipts for tax year ${taxYearLabel(input.taxYear)}.`,
		rate: rateExplanation(input.classification, input.grossReceipts, lines.ratePart, 'reported'),
		'state-fee': STATE_FEE_EXPLANATION
	});
	const penaltyLine: FeeLine = {
		code: 'penalty',
		label: months > 0 ? `Late penalty, ${months * PENALTY_PERCENT}% of the tax` : 'Late penalty',
		explanation:
			months > 0
				? `Filed ${formatLongDate(input.filedOn)}, ${months} month${months === 1 ? '' : 's'} or part of a month after ${deadline}: ${months} × ${PENALTY_PERCENT}% of the tax ${formatUSD(lines.tax)} = ${formatUSD(penalty)} (at most ${MAX_PENALTY_MONTHS * PENALTY_PERCENT}%; the state fee takes none). It grows each month while unpaid.`
				: `None: filed by ${deadline}. From ${formatLongDate(addDays(delinquentAfter(input.taxYear), 1))} an unpaid renewal adds ${PENALTY_PERCENT}% of the tax each month, at most ${MAX_PENALTY_MONTHS * PENALTY_PERCENT}%.`,
		amount: penalty
	};
	// The state fee stays last, so the tax lines and their penalty read together.
	const stateFee = fees.pop()!;
	return {
		taxYear: input.taxYear,
		taxYearLabel: taxYearLabel(input.taxYear),
		lines: [...fees, penaltyLine, stateFee],
		total: lines.tax.plus(penalty).plus(STATE_FEE)
	};
}

/** A new application's clearances as the license page shows them. */
export function clearanceRows(license: License) {
	return license.clearances.map((c) => ({
		department: c.department,
		name: DEPARTMENTS[c.department],
		reason: c.reason,
		status: c.status,
		decidedBy: c.decidedBy ?? null,
		decidedOn: c.decidedOn ?? null,
		note: c.note ?? null,
		homeOccupationPermitNo: c.homeOccupationPermitNo ?? null
	}));
}
