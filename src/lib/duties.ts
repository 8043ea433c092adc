/**
 * The duties of the Account Clerk job, used to organize lessons, scenarios, mastery and sign-off.
 * Shared by server and pages; ids are stable (they appear in content front matter).
 */
export const DUTIES = [
	{ id: 'orientation', label: 'Orientation', description: 'The job, the counter and how training works' },
	{ id: 'customer-service', label: 'Customer service', description: 'Answering account, bill and license questions in person, by phone and in writing' },
	{ id: 'cashiering', label: 'Cashiering', description: 'The cash drawer, tenders, receipts, voids and close-out' },
	{ id: 'utility-billing', label: 'Utility billing', description: 'Service starts, stops and transfers, deposits, charges, adjustments, penalties and plans' },
	{ id: 'business-licenses', label: 'Business licenses', description: 'New applications, renewals, tax computation and clearances' },
	{ id: 'permits', label: 'Permits', description: 'Collecting permit fees by permit number' },
	{ id: 'receivables', label: 'Accounts receivable', description: 'Miscellaneous invoices, payments and aging' },
	{ id: 'mail', label: 'Mail', description: 'Date-stamping, remittance logs, sorting and routing' },
	{ id: 'accounts-payable', label: 'Vendor invoices', description: 'Screening vendor invoices for payment' },
	{ id: 'correspondence', label: 'Correspondence', description: 'Letters and notices to customers' },
	{ id: 'reports', label: 'Reports', description: 'Daily cash reports and periodic summaries' }
] as const;

export type DutyId = (typeof DUTIES)[number]['id'];
export const DUTY_IDS = DUTIES.map((d) => d.id) as unknown as readonly [DutyId, ...DutyId[]];

export function dutyLabel(id: string): string {
	return DUTIES.find((d) => d.id === id)?.label ?? id;
}
