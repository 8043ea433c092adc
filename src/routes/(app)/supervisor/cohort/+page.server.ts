import { fail } from '@sveltejs/kit';
import { field } from '$lib/forms';
import { assignTrainee, cohortOf, CohortError, removeTrainee, traineesWithSupervisors } from '$lib/server/supervisor/cohorts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const me = locals.user!.id;
	const [cohort, everyone] = await Promise.all([cohortOf(me), traineesWithSupervisors()]);
	return { cohort, available: everyone.filter((t) => t.supervisorId === null), elsewhere: everyone.filter((t) => t.supervisorId !== null && t.supervisorId !== me) };
};

async function attempt(run: () => Promise<void>, done: string) {
	try {
		await run();
	} catch (err) {
		if (err instanceof CohortError) return fail(400, { error: err.message });
		throw err;
	}
	return { done };
}

export const actions: Actions = {
	add: async ({ request, locals }) => {
		const traineeId = field(await request.formData(), 'traineeId');
		return attempt(() => assignTrainee(locals.user!, traineeId, locals.user!.id, new Date()), 'Added to your cohort.');
	},
	remove: async ({ request, locals }) => {
		const traineeId = field(await request.formData(), 'traineeId');
		return attempt(() => removeTrainee(locals.user!, traineeId), 'Removed from your cohort.');
	}
};
