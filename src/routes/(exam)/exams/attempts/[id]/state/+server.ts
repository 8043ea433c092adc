import { json } from '@sveltejs/kit';
import { ownAttempt } from '$lib/server/exams/route';
import { attemptState } from '$lib/server/exams/service';
import type { RequestHandler } from './$types';

/** The whole attempt as the candidate sees it (items, their answers, time left), as JSON. */
export const GET: RequestHandler = async (event) => {
	const { service, attempt } = await ownAttempt(event);
	if (attempt.status !== 'in-progress') return json({ ok: false, code: 'closed', error: 'This attempt is closed.' }, { status: 409 });
	return json({ ok: true, ...(await attemptState(service, attempt)) });
};
