import { error, fail } from '@sveltejs/kit';
import { field } from '$lib/forms';
import { examAttempts, historyOf, userOwner } from '$lib/server/exams/service';
import { SignOffError, signOff } from '$lib/server/supervisor/signoffs';
import { cohortTrainee, STATUS_FILTERS, traineeData } from '$lib/server/supervisor/trainee';
import { DUTIES } from '$lib/duties';
import { MASTERY_RULE } from '$lib/training/progress';
import type { Actions, PageServerLoad } from './$types';

async function exams(userId: string) {
	try {
		return (await historyOf(examAttempts(), userOwner({ id: userId }))).map((e) => ({ id: e.id, title: e.title, status: e.status, startedAt: e.startedAt, score: e.score ? { percent: e.score.percent, passed: e.score.passed } : null }));
	} catch {
		// Practice exam results are a bonus on this page: a problem reading them must not hide the rest.
		return null;
	}
}

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const trainee = await cohortTrainee(locals.user!.id, params.id);
	if (!trainee) error(404, 'There is no such trainee in your cohort.');
	const [data, examResults] = await Promise.all([traineeData(trainee.id, url.searchParams), exams(trainee.id)]);
	return { trainee, ...data, exams: examResults, statusFilters: STATUS_FILTERS, dutyOptions: DUTIES.map((d) => ({ id: d.id, label: d.label })), masteryRule: MASTERY_RULE };
};

export const actions: Actions = {
	signoff: async ({ params, locals, request }) => {
		const trainee = await cohortTrainee(locals.user!.id, params.id);
		if (!trainee) error(404, 'There is no such trainee in your cohort.');
		const duty = field(await request.formData(), 'duty');
		try {
			const signed = await signOff(locals.user!, trainee.id, duty, new Date());
			return { done: `${DUTIES.find((d) => d.id === signed.duty)?.label} signed off for ${trainee.displayName}.` };
		} catch (err) {
			if (err instanceof SignOffError) return fail(400, { error: err.message });
			throw err;
		}
	}
};
