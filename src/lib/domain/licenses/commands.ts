import { formatLongDate } from '../dates';
import { nextId } from '../kernel/ids';
import { accept, reject, type CommandHandler, type SandboxState } from '../model';
import { licensesOfBusiness } from './by-business';
import { certificateFor, chargeJournal, chargeLines } from './charges';
import { CommandInput, own } from '../input';
import { DEPARTMENTS, routingFor } from './routing';
import {
	CLASSIFICATION_LABELS,
	REGULATED_TYPES,
	STATE_FEE,
	latePenalty,
	licenseTax,
	MAX_PENALTY_MONTHS,
	monthsDelinquent,
	newBusinessCharge,
	renewalNoticeDate,
	taxYearLabel,
	taxYearOf,
	taxYearStart
} from './tax';
import type { Business } from './types';

/** Commands `license.*` (POLICY.md §3). Handlers only decide; the appliers in events.ts change the slice. */

type Profile = Omit<Business, 'id' | 'startDate'>;

// The business's own fields, shared by a new application and a dataset record.
function readProfile(input: CommandInput): Profile {
	const name = input.text('name', 'Business name', { max: 120 });
	const owner = input.text('owner', 'Owner name', { max: 120 });
	const address = input.text('address', 'Business address', { max: 200 });
	const classification = input.oneOf('classification', 'classification', CLASSIFICATION_LABELS) ?? 'other';
	const regulated = input.oneOf('regulated', 'regulated type (or leave it empty)', REGULATED_TYPES, { optional: true }) ?? null;
	const homeBased = input.bool('homeBased', 'is the business run from a home?');
	const commercialPremises = input.bool('commercialPremises', 'is it in commercial premises?');
	const tenantImprovements = input.bool('tenantImprovements', 'are there tenant improvements?');
	if (homeBased && commercialPremises) input.fail('A home-based business is not in commercial premises: answer no to one of them.', 'commercialPremises');
	return { name, owner, address, classification, regulated, homeBased, commercialPremises, tenantImprovements };
}

// The same name at the same address is the same business: it renews, it does not apply again.
function duplicateOf(state: Readonly<SandboxState>, profile: Profile): Business | undefined {
	const key = (s: string) => s.toLowerCase();
	return Object.values(state.licenses.businesses).find((b) => key(b.name) === key(profile.name) && key(b.address) === key(profile.address));
}

const UNDER_REVIEW = new Set(['applied', 'in-review']);

const applyForLicense: CommandHandler = (state, command) => {
	const input = new CommandInput(command);
	const profile = readProfile(input);
	const startDate = input.date('startDate', 'Start date');
	const projected = input.amount('projectedGrossReceipts', 'Projected gross receipts', { allowZero: true });
	if (input.problem) return input.problem;

	const current = taxYearOf(state.businessDate);
	const taxYear = taxYearOf(startDate);
	if (taxYear < current) {
		return reject('policy', `A business that started on ${formatLongDate(startDate)} owes tax for earlier years; refer it to your supervisor instead of a new application.`, 'startDate');
	}
	if (taxYear > current + 1) return reject('policy', 'The start date is more than a year away; take the application closer to opening.', 'startDate');
	const duplicate = duplicateOf(state, profile);
	if (duplicate) return reject('policy', `${duplicate.name} at ${duplicate.address} is already on file as ${duplicate.id}; renew its license instead.`, 'name');

	const charge = newBusinessCharge({ classification: profile.classification, startDate, projectedGrossReceipts: projected });
	const businessId = nextId(state, 'BIZ');
	const licenseNo = nextId(state, `BL-${taxYear}`, 4);
	const charges = chargeLines(profile.classification, charge, charge.stateFee, charge.prorationPercent, 'projected');
	return accept({
		type: 'license.applied',
		business: { id: businessId, ...profile, startDate },
		licenseNo,
		taxYear,
		grossReceipts: projected.toString(),
		prorationPercent: charge.prorationPercent,
		charges,
		routing: routingFor(profile),
		journal: chargeJournal(`New business license ${licenseNo} — ${profile.name}`, businessId, charges)
	});
};

const decideClearance: CommandHandler = (state, command) => {
	const input = new CommandInput(command);
	const licenseNo = input.text('licenseNo', 'License number', { max: 20 });
	const department = input.oneOf('department', 'department', DEPARTMENTS);
	const decision = input.oneOf('decision', 'decision', { cleared: 'Cleared', denied: 'Denied' } as const);
	const note = input.text('note', 'Note', { optional: true, max: 500 });
	const permitNo = input.text('homeOccupationPermitNo', 'Home occupation permit number', { optional: true, max: 30 });
	if (input.problem || !department || !decision) return input.problem ?? reject('invalid-input', 'Choose the department and the decision.');

	const license = own(state.licenses.licenses, licenseNo);
	if (!license) return reject('not-found', `There is no license application ${licenseNo}; check the number.`, 'licenseNo');
	if (license.kind !== 'new' || !UNDER_REVIEW.has(license.status)) {
		return reject('wrong-status', `${licenseNo} is ${license.status}; clearances are recorded only while a new application is under review.`, 'licenseNo');
	}
	const clearance = license.clearances.find((c) => c.department === department);
	const name = DEPARTMENTS[department];
	if (!clearance) {
		const routed = license.clearances.map((c) => DEPARTMENTS[c.department]).join(', ');
		return reject('policy', `${licenseNo} was not routed to ${name}; it goes to ${routed}.`, 'department');
	}
	if (clearance.status === 'cleared') return reject('wrong-status', `${name} already cleared ${licenseNo}.`, 'department');
	if (decision === 'denied' && !note) return reject('invalid-input', `Enter ${name}'s reason for denying, so the applicant knows what to fix.`, 'note');
	const business = own(state.licenses.businesses, license.businessId);
	if (decision === 'cleared' && department === 'planning' && business?.homeBased && !permitNo) {
		return reject('policy', 'A home-based business needs a home occupation permit from Planning: enter its number.', 'homeOccupationPermitNo');
	}
	return accept({ type: 'license.clearance-decided', licenseNo, department, decision, note, homeOccupationPermitNo: permitNo });
};

const approveLicense: CommandHandler = (state, command) => {
	const input = new CommandInput(command);
	const licenseNo = input.text('licenseNo', 'License number', { max: 20 });
	if (input.problem) return input.problem;
	const license = own(state.licenses.licenses, licenseNo);
	const business = license && own(state.licenses.businesses, license.businessId);
	if (!license || !business) return reject('not-found', `There is no license application ${licenseNo}; check the number.`, 'licenseNo');
	if (license.kind !== 'new' || !UNDER_REVIEW.has(license.status)) return reject('wrong-status', `${licenseNo} is already ${license.status}.`, 'licenseNo');
	const open = license.clearances.filter((c) => c.status !== 'cleared');
	if (open.length > 0) {
		const why = open.map((c) => `${DEPARTMENTS[c.department]} ${c.status === 'denied' ? 'denied it' : 'has not cleared it yet'}`).join('; ');
		return reject('policy', `${licenseNo} cannot be approved: ${why}.`, 'licenseNo');
	}
	return accept({ type: 'license.approved', licenseNo, certificate: certificateFor(business, licenseNo, license.taxYear, state.businessDate) });
};

const renewLicense: CommandHandler = (state, command) => {
	const input = new CommandInput(command);
	const businessId = input.text('businessId', 'Business id', { max: 20 });
	const current = taxYearOf(state.businessDate);
	const taxYear = input.wholeNumber('taxYear', 'Tax year (the year it starts)', 2000, 2100, { fallback: current });
	const receipts = input.amount('grossReceipts', 'Gross receipts', { allowZero: true });
	if (input.problem) return input.problem;

	const business = own(state.licenses.businesses, businessId);
	if (!business) return reject('not-found', `There is no business ${businessId} on file; look it up by name.`, 'businessId');
	if (taxYear < current) return reject('policy', `Tax year ${taxYearLabel(taxYear)} is over; renew for ${taxYearLabel(current)}.`, 'taxYear');
	if (taxYear > current + 1) return reject('policy', `Renewals for ${taxYearLabel(taxYear)} are not open yet.`, 'taxYear');
	if (taxYear > current && state.businessDate < renewalNoticeDate(taxYear)) {
		return reject('policy', `Renewals for ${taxYearLabel(taxYear)} open on ${formatLongDate(renewalNoticeDate(taxYear))}, when the notices go out.`, 'taxYear');
	}
	const held = licensesOfBusiness(state.licenses.licenses, businessId);
	const existing = held.find((l) => l.taxYear === taxYear);
	if (existing) return reject('wrong-status', `${business.name} already has license ${existing.number} for ${taxYearLabel(taxYear)}.`, 'taxYear');
	if (!held.some((l) => l.taxYear < taxYear && !UNDER_REVIEW.has(l.status))) {
		return reject('policy', `${business.name} has no earlier license to renew; file a new-business application instead.`, 'businessId');
	}

	// A renewal filed after July 31 carries the penalty accrued so far; onNewDay adds each further month while unpaid.
	const lines = licenseTax({ classification: business.classification, grossReceipts: receipts });
	const months = Math.min(monthsDelinquent(taxYearStart(taxYear), state.businessDate), MAX_PENALTY_MONTHS);
	const penalty = latePenalty(lines.tax, taxYearStart(taxYear), state.businessDate);
	const licenseNo = nextId(state, `BL-${taxYear}`, 4);
	const charges = chargeLines(business.classification, lines, STATE_FEE, 100, 'reported');
	return accept({
		type: 'license.renewed',
		businessId,
		licenseNo,
		taxYear,
		grossReceipts: receipts.toString(),
		charges,
		penalty: penalty.toString(),
		penaltyMonths: months,
		certificate: certificateFor(business, licenseNo, taxYear, state.businessDate),
		journal: chargeJournal(`License renewal ${licenseNo} — ${business.name}`, businessId, charges, penalty)
	});
};

/** Dataset only: a business already licensed before the sandbox starts (paid history, no money posted). */
const recordBusiness: CommandHandler = (state, command) => {
	const input = new CommandInput(command);
	const profile = readProfile(input);
	const startDate = input.date('startDate', 'Start date', { fallback: state.businessDate });
	const current = taxYearOf(state.businessDate);
	const lastTaxYear = input.wholeNumber('lastTaxYear', 'Last tax year licensed', 2000, current, { fallback: 0 });
	const receipts = input.amount('lastGrossReceipts', 'Last reported gross receipts', { allowZero: true, optional: true });
	if (input.problem) return input.problem;
	if (startDate > state.businessDate) return reject('invalid-input', 'A business on file must already have started.', 'startDate');
	const duplicate = duplicateOf(state, profile);
	if (duplicate) return reject('policy', `${duplicate.name} at ${duplicate.address} is already on file as ${duplicate.id}.`, 'name');
	const businessId = nextId(state, 'BIZ');
	const business: Business = { id: businessId, ...profile, startDate };
	const event = { type: 'license.business-recorded', business };
	if (lastTaxYear === 0) return accept(event);
	const licenseNo = nextId(state, `BL-${lastTaxYear}`, 4);
	const lines = licenseTax({ classification: profile.classification, grossReceipts: receipts });
	return accept({
		...event,
		license: {
			licenseNo,
			taxYear: lastTaxYear,
			grossReceipts: receipts.toString(),
			charges: chargeLines(profile.classification, lines, STATE_FEE, 100, 'reported'),
			certificate: certificateFor(business, licenseNo, lastTaxYear, taxYearStart(lastTaxYear))
		}
	});
};

export const licenseCommands: Record<string, CommandHandler> = {
	'license.apply': applyForLicense,
	'license.decide-clearance': decideClearance,
	'license.approve': approveLicense,
	'license.renew': renewLicense,
	'license.record-business': recordBusiness
};
