import { formatUSD, Money } from '$lib/money';
import { formatLongDate, type BusinessDate } from '../dates';
import { journal, type GlAccount, type JournalEntry } from '../ledger';
import type { Business, Certificate, ChargeLine } from './types';
import { BASE_THRESHOLD, CLASSIFICATIONS, certificateExpiry, taxYearLabel, type Classification, type TaxLines } from './tax';

/** Charge lines as events carry them (canonical money strings). */
export type ChargeLineData = { code: ChargeLine['code']; description: string; amount: string };

const ACCOUNT: Record<ChargeLine['code'], GlAccount> = { base: '4210', rate: '4210', 'state-fee': '2210' };

/** The lines of a new license or renewal: base tax, rate part, state fee. */
export function chargeLines(classification: Classification, lines: TaxLines, stateFee: Money, prorationPercent: number, receiptsWord: 'projected' | 'reported'): ChargeLineData[] {
	const { percent } = CLASSIFICATIONS[classification];
	const prorated = prorationPercent === 100 ? '' : ` (${prorationPercent}% for the start quarter)`;
	return [
		{ code: 'base', description: `Business license tax on the first ${formatUSD(BASE_THRESHOLD)}${prorated}`, amount: lines.base.toString() },
		{ code: 'rate', description: `Tax at ${percent} of ${receiptsWord} gross receipts above ${formatUSD(BASE_THRESHOLD)}`, amount: lines.ratePart.toString() },
		{ code: 'state-fee', description: 'State disability access fee (Gov. Code §4467)', amount: stateFee.toString() }
	];
}

/** Dr 1220 bl:<business> for everything charged; Cr 4210 tax, Cr 2210 state fee, Cr 4220 penalty. */
export function chargeJournal(memo: string, businessId: string, charges: readonly ChargeLineData[], penalty: Money = Money.ZERO): JournalEntry {
	const credits = charges.map((c) => ({ account: ACCOUNT[c.code], credit: Money.of(c.amount) }));
	const total = credits.reduce((acc, c) => acc.plus(c.credit), penalty);
	return journal(memo, [{ account: '1220', debit: total, sub: `bl:${businessId}` }, ...credits, { account: '4220', credit: penalty }]);
}

/** What the certificate says; the clerk reminds the owner to post it at the place of business. */
export function certificateFor(business: Business, number: string, taxYear: number, issuedOn: BusinessDate): Certificate {
	return {
		number,
		businessName: business.name,
		owner: business.owner,
		address: business.address,
		classification: CLASSIFICATIONS[business.classification].label,
		taxYear: taxYearLabel(taxYear),
		issuedOn,
		expires: certificateExpiry(taxYear),
		notice: `Post this certificate at the place of business. It expires ${formatLongDate(certificateExpiry(taxYear))}.`
	};
}
