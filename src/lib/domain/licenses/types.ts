import type { Money } from '$lib/money';
import type { BusinessDate } from '../dates';
import type { Department } from './routing';
import type { Classification, RegulatedType } from './tax';

/** The licenses slice: businesses, their certificates per tax year, and new applications' clearances. */
export type Business = {
	/** "BIZ-000012"; also the subledger key bl:BIZ-000012 under 1220. */
	id: string;
	name: string;
	owner: string;
	address: string;
	classification: Classification;
	regulated: RegulatedType | null;
	homeBased: boolean;
	commercialPremises: boolean;
	tenantImprovements: boolean;
	startDate: BusinessDate;
};

export type ClearanceStatus = 'pending' | 'cleared' | 'denied';
export type Clearance = {
	department: Department;
	reason: string;
	status: ClearanceStatus;
	decidedBy?: string;
	decidedOn?: BusinessDate;
	note?: string;
	homeOccupationPermitNo?: string;
};

/** applied → in-review → approved → active (paid) → expired; an unpaid renewal after July 31 is delinquent. */
export type LicenseStatus = 'applied' | 'in-review' | 'approved' | 'active' | 'expired' | 'delinquent';

export type ChargeLine = { code: 'base' | 'rate' | 'state-fee'; description: string; amount: Money };

/** What is printed on the certificate (posted at the place of business). */
export type Certificate = {
	number: string;
	businessName: string;
	owner: string;
	address: string;
	classification: string;
	taxYear: string;
	issuedOn: BusinessDate;
	expires: BusinessDate;
	notice: string;
};

/** One certificate for one tax year; a new license is also the application (with its clearances). */
export type License = {
	/** "BL-2026-0007": the license and certificate number. */
	number: string;
	businessId: string;
	taxYear: number;
	kind: 'new' | 'renewal' | 'on-file';
	status: LicenseStatus;
	filedOn: BusinessDate;
	/** Projected (new business) or reported (renewal) gross receipts. */
	grossReceipts: Money;
	prorationPercent: number;
	charges: ChargeLine[];
	tax: Money;
	/** Late penalty posted so far (Cr 4220), and the months it covers. */
	penalty: Money;
	penaltyMonths: number;
	paid: boolean;
	paidReceipt?: string;
	paidOn?: BusinessDate;
	clearances: Clearance[];
	certificate?: Certificate;
	expires: BusinessDate;
};

export type LicensesSlice = {
	businesses: Record<string, Business>;
	licenses: Record<string, License>;
	/** Renewal notices sent, by tax year ("2027") → business ids. */
	noticesSent: Record<string, string[]>;
};

declare module '../model' {
	interface SandboxSlices {
		licenses: LicensesSlice;
	}
}
