import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => ({ isHr: locals.user!.roles.includes('hr') });
