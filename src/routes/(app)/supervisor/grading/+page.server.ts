import { gradingQueue } from '$lib/server/supervisor/grading';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	return { queue: await gradingQueue(locals.user!.id), graded: url.searchParams.get('graded') === '1' };
};
