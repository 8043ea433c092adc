import { error } from '@sveltejs/kit';
import { getUser } from '$lib/server/auth/users';
import { cohortAttempt } from '$lib/server/supervisor/grading';
import { replayOf } from '$lib/server/supervisor/replay';
import { getStore } from '$lib/server/store';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const attempt = await cohortAttempt(locals.user!.id, params.id);
	if (!attempt) error(404, 'There is no such attempt by a trainee in your cohort.');
	const replay = await replayOf(attempt, url.searchParams.get('step'));
	if (!replay) error(410, 'This attempt can no longer be replayed: its scenario or sandbox is gone.');
	const trainee = await getUser(getStore(), attempt.userId);
	return {
		replay,
		trainee: { id: attempt.userId, displayName: trainee?.displayName ?? attempt.trainee.name },
		grade: attempt.grade ? { status: attempt.grade.status, accuracy: attempt.grade.accuracy, speed: attempt.grade.speed, overall: attempt.grade.overall, elapsedSeconds: attempt.grade.elapsedSeconds, targetSeconds: attempt.grade.targetSeconds } : null,
		awaitingReview: attempt.grade?.awaitingReview ?? []
	};
};
