import { error } from '@sveltejs/kit';
import { cohortTrainee, traineeData } from '$lib/server/supervisor/trainee';
import { MASTERY_RULE } from '$lib/training/progress';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const trainee = await cohortTrainee(locals.user!.id, params.id);
	if (!trainee) error(404, 'There is no such trainee in your cohort.');
	const data = await traineeData(trainee.id, new URLSearchParams());
	const graded = data.timeline;
	return {
		trainee,
		duties: data.duties,
		total: data.total,
		graded: graded.length,
		first: graded[0]?.submittedAt ?? null,
		last: graded[graded.length - 1]?.submittedAt ?? null,
		printedAt: new Date().toISOString(),
		printedBy: locals.user!.displayName,
		masteryRule: MASTERY_RULE
	};
};
