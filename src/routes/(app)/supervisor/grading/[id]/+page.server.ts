import { error, fail, redirect } from '@sveltejs/kit';
import { getUser } from '$lib/server/auth/users';
import { scenarioBrief } from '$lib/server/content';
import { getStore } from '$lib/server/store';
import { cohortAttempt } from '$lib/server/supervisor/grading';
import { findScenario } from '$lib/server/training/attempts';
import { MAX_COMMENT_CHARS, readReview, ReviewError, reviewAttempt, rubricOf } from '$lib/server/training/review';
import type { Actions, PageServerLoad } from './$types';

async function load_(supervisorId: string, id: string) {
	const attempt = await cohortAttempt(supervisorId, id);
	if (!attempt || !attempt.submittedAt) error(404, 'There is no such submitted attempt by a trainee in your cohort.');
	const scenario = await findScenario(attempt.scenarioId);
	if (!scenario) error(410, 'This scenario has been withdrawn, so its written work cannot be graded.');
	return { attempt, scenario };
}

export const load: PageServerLoad = async ({ params, locals }) => {
	const { attempt, scenario } = await load_(locals.user!.id, params.id);
	const trainee = await getUser(getStore(), attempt.userId);
	const rubrics = scenario.checks.flatMap((c) =>
		c.kind === 'rubric'
			? [{ id: c.id, label: c.description, criteria: c.criteria, passPoints: c.passPoints, text: attempt.written[c.id] ?? '', review: attempt.reviews[c.id] ?? null }]
			: []
	);
	if (rubrics.length === 0) error(404, 'This attempt has no written work to grade.');
	return {
		attemptId: attempt.id,
		traineeName: trainee?.displayName ?? attempt.trainee.name,
		traineeId: attempt.userId,
		title: scenario.title,
		taskHtml: scenarioBrief(scenario, attempt.placeholders).taskHtml,
		submittedAt: attempt.submittedAt!,
		rubrics,
		maxComment: MAX_COMMENT_CHARS
	};
};

export const actions: Actions = {
	default: async ({ params, locals, request }) => {
		const { attempt, scenario } = await load_(locals.user!.id, params.id);
		const form = await request.formData();
		const checkId = typeof form.get('check') === 'string' ? (form.get('check') as string) : '';
		const check = rubricOf(scenario, checkId);
		const values = Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === 'string')) as Record<string, string>;
		if (!check) return fail(400, { check: checkId, error: 'This attempt has no written work by that name.', values });
		try {
			await reviewAttempt(locals.user!, attempt.id, check.id, readReview(check, form), new Date());
		} catch (err) {
			if (err instanceof ReviewError) return fail(err.status, { check: checkId, error: err.message, values });
			throw err;
		}
		redirect(303, '/supervisor/grading?graded=1');
	}
};
