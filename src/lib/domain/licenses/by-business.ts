import type { License } from './types';

/**
 * License numbers by business, so paying a business's licenses does not scan every license on file.
 * Kept beside the state (keyed by its licenses record), never in it: built from the record on first
 * use, then told of each license added (`addLicense` is the only code that adds one). A list may name
 * a license whose number was later given to another business, so each lookup still checks `businessId`.
 */
const index = new WeakMap<Readonly<Record<string, License>>, Map<string, string[]>>();

function add(byBusiness: Map<string, string[]>, license: License): void {
	const numbers = byBusiness.get(license.businessId);
	if (!numbers) byBusiness.set(license.businessId, [license.number]);
	else if (!numbers.includes(license.number)) numbers.push(license.number);
}

/** The business's licenses, in the order they were filed. */
export function licensesOfBusiness(licenses: Readonly<Record<string, License>>, businessId: string): License[] {
	let byBusiness = index.get(licenses);
	if (!byBusiness) {
		byBusiness = new Map();
		for (const license of Object.values(licenses)) add(byBusiness, license);
		index.set(licenses, byBusiness);
	}
	return (byBusiness.get(businessId) ?? []).map((n) => licenses[n]!).filter((l) => l.businessId === businessId);
}

/** Call after putting `license` into `licenses`. */
export function licenseAdded(licenses: Readonly<Record<string, License>>, license: License): void {
	const byBusiness = index.get(licenses);
	if (byBusiness) add(byBusiness, license);
}
