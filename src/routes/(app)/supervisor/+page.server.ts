import { dashboardData } from '$lib/server/supervisor/dashboard';
import { MASTERY_RULE } from '$lib/training/progress';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	return { dashboard: await dashboardData(locals.user!.id, new Date()), masteryRule: MASTERY_RULE };
};
