import { redirect } from '@sveltejs/kit';
import { ownAttempt } from '$lib/server/exams/route';
import { attemptResult } from '$lib/server/exams/service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { service, owner, attempt } = await ownAttempt(event);
	let closed = attempt;
	if (attempt.status === 'in-progress') {
		// The browser's clock ran out (or was a little ahead): close it now if time is up.
		const r = await service.closeIfTimeUp(attempt.id, owner);
		if (!r.ok) redirect(303, `/exams/attempts/${attempt.id}`);
		closed = r.attempt;
	}
	return attemptResult(service, closed);
};
