import { describe, expect, test } from 'vitest';
import { licenseAdded, licensesOfBusiness } from './by-business';
import type { License } from './types';

const lic = (number: string, businessId: string) => ({ number, businessId }) as License;

describe('licenses by business', () => {
	test('lists a business’s licenses in filing order, from the record as it stands on first use', () => {
		const licenses: Record<string, License> = {};
		for (const l of [lic('BL-2026-0001', 'BIZ-1'), lic('BL-2026-0002', 'BIZ-2'), lic('BL-2027-0001', 'BIZ-1')]) licenses[l.number] = l;
		expect(licensesOfBusiness(licenses, 'BIZ-1').map((l) => l.number)).toEqual(['BL-2026-0001', 'BL-2027-0001']);
		expect(licensesOfBusiness(licenses, 'BIZ-3')).toEqual([]);
	});

	test('stays current as licenses are added, and a copied record gets its own', () => {
		const licenses: Record<string, License> = { 'BL-2026-0001': lic('BL-2026-0001', 'BIZ-1') };
		expect(licensesOfBusiness(licenses, 'BIZ-1')).toHaveLength(1);
		const added = lic('BL-2027-0001', 'BIZ-1');
		licenses[added.number] = added;
		licenseAdded(licenses, added);
		expect(licensesOfBusiness(licenses, 'BIZ-1')).toEqual([licenses['BL-2026-0001'], added]);

		const copy = structuredClone(licenses);
		expect(licensesOfBusiness(copy, 'BIZ-1')).toEqual(Object.values(copy));
		expect(licensesOfBusiness(copy, 'BIZ-1')[0]).toBe(copy['BL-2026-0001']);
	});

	test('a number given to another business moves with it', () => {
		const licenses: Record<string, License> = { 'BL-2026-0001': lic('BL-2026-0001', 'BIZ-1') };
		expect(licensesOfBusiness(licenses, 'BIZ-1')).toHaveLength(1);
		const moved = lic('BL-2026-0001', 'BIZ-2');
		licenses[moved.number] = moved;
		licenseAdded(licenses, moved);
		expect(licensesOfBusiness(licenses, 'BIZ-1')).toEqual([]);
		expect(licensesOfBusiness(licenses, 'BIZ-2')).toEqual([moved]);
	});
});
