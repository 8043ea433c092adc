import { Money, sum } from '$lib/money';
import { bump } from '../kernel/ids';
import type { DomainEvent, EventApplier, SandboxState } from '../model';
import { licenseAdded } from './by-business';
import type { ChargeLineData } from './charges';
import type { Routing } from './routing';
import { certificateExpiry, taxYearOf } from './tax';
import type { Business, Certificate, ChargeLine, License } from './types';

/** Appliers for `license.*` events: the only code that changes the licenses slice (besides payments). */

function toCharges(data: unknown): ChargeLine[] {
	return (data as ChargeLineData[]).map((c) => ({ code: c.code, description: c.description, amount: Money.of(c.amount) }));
}

// Tax is every charge except the state fee (which takes no penalty).
function taxOf(charges: readonly ChargeLine[]): Money {
	return sum(charges.filter((c) => c.code !== 'state-fee').map((c) => c.amount));
}

// Events are shared with the caller: copy plain data so later slice changes never alter an event.
function copy<T>(value: unknown): T {
	return structuredClone(value) as T;
}

function addLicense(state: SandboxState, event: DomainEvent, fields: Pick<License, 'number' | 'businessId' | 'taxYear' | 'kind' | 'status'> & Partial<License>, charges: unknown): void {
	const list = toCharges(charges);
	const license: License = {
		filedOn: event.date,
		grossReceipts: Money.of(event.grossReceipts as string),
		prorationPercent: 100,
		charges: list,
		tax: taxOf(list),
		penalty: Money.ZERO,
		penaltyMonths: 0,
		paid: false,
		clearances: [],
		expires: certificateExpiry(fields.taxYear),
		...fields
	};
	state.licenses.licenses[fields.number] = license;
	licenseAdded(state.licenses.licenses, license);
	bump(state, `BL-${fields.taxYear}`);
}

function addBusiness(state: SandboxState, data: unknown): Business {
	const business = copy<Business>(data);
	state.licenses.businesses[business.id] = business;
	bump(state, 'BIZ');
	return business;
}

export const licenseEvents: Record<string, EventApplier> = {
	'license.applied': (state, event) => {
		const business = addBusiness(state, event.business);
		const routing = event.routing as Routing[];
		addLicense(
			state,
			event,
			{
				number: event.licenseNo as string,
				businessId: business.id,
				taxYear: event.taxYear as number,
				kind: 'new',
				status: 'applied',
				prorationPercent: event.prorationPercent as number,
				clearances: routing.map((r) => ({ department: r.department, reason: r.reason, status: 'pending' }))
			},
			event.charges
		);
	},
	'license.clearance-decided': (state, event) => {
		const license = state.licenses.licenses[event.licenseNo as string]!;
		const clearance = license.clearances.find((c) => c.department === event.department)!;
		clearance.status = event.decision as 'cleared' | 'denied';
		clearance.decidedBy = event.actor;
		clearance.decidedOn = event.date;
		if (event.note) clearance.note = event.note as string;
		else delete clearance.note;
		if (event.homeOccupationPermitNo) clearance.homeOccupationPermitNo = event.homeOccupationPermitNo as string;
		license.status = 'in-review';
	},
	'license.approved': (state, event) => {
		const license = state.licenses.licenses[event.licenseNo as string]!;
		license.certificate = copy<Certificate>(event.certificate);
		// Paid while under review: approval makes it active at once.
		license.status = license.paid ? 'active' : 'approved';
	},
	'license.renewed': (state, event) => {
		const months = event.penaltyMonths as number;
		addLicense(
			state,
			event,
			{
				number: event.licenseNo as string,
				businessId: event.businessId as string,
				taxYear: event.taxYear as number,
				kind: 'renewal',
				status: months > 0 ? 'delinquent' : 'approved',
				penalty: Money.of(event.penalty as string),
				penaltyMonths: months,
				certificate: copy<Certificate>(event.certificate)
			},
			event.charges
		);
	},
	'license.business-recorded': (state, event) => {
		const business = addBusiness(state, event.business);
		const data = event.license as { licenseNo: string; taxYear: number; grossReceipts: string; charges: unknown; certificate: unknown } | undefined;
		if (!data) return;
		// History from before the sandbox: paid outside its books, so no journal entry.
		addLicense(
			state,
			{ ...event, grossReceipts: data.grossReceipts },
			{
				number: data.licenseNo,
				businessId: business.id,
				taxYear: data.taxYear,
				kind: 'on-file',
				status: data.taxYear === taxYearOf(event.date) ? 'active' : 'expired',
				paid: true,
				certificate: copy<Certificate>(data.certificate)
			},
			data.charges
		);
	},
	'license.penalty-assessed': (state, event) => {
		const license = state.licenses.licenses[event.licenseNo as string]!;
		license.penalty = license.penalty.plus(Money.of(event.amount as string));
		license.penaltyMonths = event.months as number;
		if (!license.paid) license.status = 'delinquent';
	},
	'license.expired': (state, event) => {
		for (const no of event.licenseNos as string[]) state.licenses.licenses[no]!.status = 'expired';
	},
	'license.renewal-notices-sent': (state, event) => {
		state.licenses.noticesSent[String(event.taxYear)] = [...(event.businessIds as string[])];
	}
};
