import { error, fail, redirect } from '@sveltejs/kit';
import { SCORING_FORMULA } from '$lib/grading';
import { AttemptError, findScenario, getAttempt, readSubmission, startAttempt, submitAttempt } from '$lib/server/training/attempts';
import { attemptResult } from '$lib/server/training/player';
import type { Actions, PageServerLoad } from './$types';

async function ownAttempt(id: string, userId: string) {
	const attempt = await getAttempt(id);
	// Someone else's attempt looks exactly like a missing one.
	if (!attempt || attempt.userId !== userId) error(404, 'There is no such attempt, or it is not yours.');
	return attempt;
}

export const load: PageServerLoad = async ({ params, locals }) => {
	const attempt = await ownAttempt(params.id, locals.user!.id);
	if (!attempt.submittedAt) redirect(303, `/sandbox/${attempt.sandboxId}`);
	const result = await attemptResult(attempt);
	if (!result) error(410, 'This scenario has been withdrawn, so its result cannot be shown.');
	return { ...result, scoringFormula: SCORING_FORMULA };
};

export const actions: Actions = {
	/** From the task card: stop the clock, grade, show the result. */
	submit: async ({ params, locals, request }) => {
		const attempt = await ownAttempt(params.id, locals.user!.id);
		const scenario = await findScenario(attempt.scenarioId);
		if (!scenario) error(410, 'This scenario has been withdrawn.');
		const form = await request.formData();
		try {
			await submitAttempt(locals.user!, attempt.id, readSubmission(scenario, form), new Date());
		} catch (err) {
			if (err instanceof AttemptError) return fail(err.status, { error: err.message });
			throw err;
		}
		redirect(303, `/train/attempts/${attempt.id}`);
	},
	/** Try again: the same scenario in a fresh sandbox. */
	again: async ({ params, locals }) => {
		const attempt = await ownAttempt(params.id, locals.user!.id);
		let sandboxId: string;
		try {
			sandboxId = (await startAttempt(locals.user!, attempt.scenarioId)).sandboxId;
		} catch (err) {
			if (err instanceof AttemptError) return fail(err.status, { error: err.message });
			throw err;
		}
		redirect(303, `/sandbox/${sandboxId}`);
	}
};
