import type { Classification, RegulatedType } from './tax';

/**
 * Where a new application goes for clearance (POLICY.md §3): Planning (zoning) always; Building when
 * there are tenant improvements; Fire for commercial premises; Police for regulated classes.
 */
export const DEPARTMENTS = { planning: 'Planning', building: 'Building', fire: 'Fire', police: 'Police' } as const;
export type Department = keyof typeof DEPARTMENTS;

export type BusinessProfile = {
	classification: Classification;
	regulated: RegulatedType | null;
	homeBased: boolean;
	commercialPremises: boolean;
	tenantImprovements: boolean;
};

export type Routing = { department: Department; reason: string };

export function routingFor(business: BusinessProfile): Routing[] {
	const routes: Routing[] = [
		{
			department: 'planning',
			// A home-based business is cleared only with a home occupation permit from Planning.
			reason: business.homeBased ? 'zoning, and a home occupation permit for a home-based business' : 'zoning'
		}
	];
	if (business.tenantImprovements) routes.push({ department: 'building', reason: 'tenant improvements' });
	if (business.commercialPremises) routes.push({ department: 'fire', reason: 'commercial premises' });
	if (business.regulated) routes.push({ department: 'police', reason: 'regulated business' });
	return routes;
}
