import { hrSessions } from '$lib/server/hr';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => ({ sessions: await hrSessions().list() });
