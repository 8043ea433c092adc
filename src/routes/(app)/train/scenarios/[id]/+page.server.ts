import { error, fail, redirect } from '@sveltejs/kit';
import { dutyLabel } from '$lib/duties';
import { SCORING_FORMULA } from '$lib/grading';
import { AttemptError, attemptsOf, findScenario, startAttempt } from '$lib/server/training/attempts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const scenario = await findScenario(params.id);
	if (!scenario) error(404, 'There is no such scenario.');
	const attempts = (await attemptsOf(locals.user!.id)).filter((a) => a.scenarioId === scenario.id).reverse();
	return {
		scenario: {
			id: scenario.id,
			title: scenario.title,
			duty: scenario.duty,
			dutyLabel: dutyLabel(scenario.duty),
			difficulty: scenario.difficulty,
			targetSeconds: scenario.targetSeconds,
			summary: scenario.summary,
			questions: scenario.questions.length,
			written: scenario.checks.some((c) => c.kind === 'rubric')
		},
		attempts,
		scoringFormula: SCORING_FORMULA
	};
};

export const actions: Actions = {
	/** A fresh attempt in a new sandbox; the clock starts when its screens are ready. */
	start: async ({ params, locals }) => {
		let sandboxId: string;
		try {
			sandboxId = (await startAttempt(locals.user!, params.id)).sandboxId;
		} catch (err) {
			if (err instanceof AttemptError) return fail(err.status, { error: err.message });
			throw err;
		}
		redirect(303, `/sandbox/${sandboxId}`);
	}
};
