import { fail } from '@sveltejs/kit';
import { field } from '$lib/forms';
import { activeSupervisors, assignTrainee, CohortError, removeTrainee, traineesWithSupervisors } from '$lib/server/supervisor/cohorts';
import type { Actions, PageServerLoad } from './$types';

/** Administrators put each trainee with a supervisor (or move them); the supervisor then sees only their own. */
export const load: PageServerLoad = async () => {
	const [trainees, supervisors] = await Promise.all([traineesWithSupervisors(), activeSupervisors()]);
	return { trainees, supervisors };
};

export const actions: Actions = {
	assign: async ({ request, locals }) => {
		const form = await request.formData();
		const traineeId = field(form, 'traineeId');
		const supervisorId = field(form, 'supervisorId');
		try {
			if (supervisorId === '') await removeTrainee(locals.user!, traineeId);
			else await assignTrainee(locals.user!, traineeId, supervisorId, new Date());
		} catch (err) {
			if (err instanceof CohortError) return fail(400, { traineeId, error: err.message });
			throw err;
		}
		return { traineeId, done: 'Saved.' };
	}
};
