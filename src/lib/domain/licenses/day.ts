import type { BusinessDate } from '../dates';
import { journal } from '../ledger';
import type { ProposedEvent, SandboxState } from '../model';
import { latePenalty, MAX_PENALTY_MONTHS, monthsDelinquent, renewalNoticeDate, taxYearLabel, taxYearOf, taxYearStart } from './tax';

/**
 * What the start of a business day brings for licenses:
 * - July 1: last year's certificates expire;
 * - May 16: renewal notices for the coming tax year (45 days before June 30);
 * - every day: an unpaid renewal owes latePenalty(tax, its tax year, today); the part not yet posted
 *   posts now (Dr 1220 / Cr 4220). So the penalty grows on Aug 1, Sep 1, … Dec 1 while unpaid — the same
 *   amount a renewal filed late carries when filed, and the same as latePenalty(…, paid date).
 */
export function licensesOnNewDay(state: Readonly<SandboxState>, date: BusinessDate): ProposedEvent[] {
	const events: ProposedEvent[] = [];
	const year = taxYearOf(date);
	const licenses = Object.values(state.licenses.licenses).sort((a, b) => (a.number < b.number ? -1 : 1));

	if (date === taxYearStart(year)) {
		const ended = licenses.filter((l) => l.taxYear < year && (l.status === 'active' || l.status === 'approved')).map((l) => l.number);
		if (ended.length > 0) events.push({ type: 'license.expired', licenseNos: ended });
	}

	if (date === renewalNoticeDate(year + 1)) {
		const renewed = new Set(licenses.filter((l) => l.taxYear === year + 1).map((l) => l.businessId));
		const due = [...new Set(licenses.filter((l) => l.taxYear === year && ['active', 'approved', 'delinquent'].includes(l.status)).map((l) => l.businessId))]
			.filter((id) => !renewed.has(id))
			.sort();
		if (due.length > 0) events.push({ type: 'license.renewal-notices-sent', taxYear: year + 1, businessIds: due });
	}

	for (const l of licenses) {
		if (l.kind !== 'renewal' || l.paid || l.status === 'expired') continue;
		const owed = latePenalty(l.tax, taxYearStart(l.taxYear), date);
		const more = owed.minus(l.penalty);
		if (!more.isPositive()) continue;
		const months = Math.min(monthsDelinquent(taxYearStart(l.taxYear), date), MAX_PENALTY_MONTHS);
		events.push({
			type: 'license.penalty-assessed',
			licenseNo: l.number,
			businessId: l.businessId,
			months,
			amount: more.toString(),
			journal: journal(`Late penalty ${months * 10}% on ${l.number} (${taxYearLabel(l.taxYear)})`, [
				{ account: '1220', debit: more, sub: `bl:${l.businessId}` },
				{ account: '4220', credit: more }
			])
		});
	}
	return events;
}
