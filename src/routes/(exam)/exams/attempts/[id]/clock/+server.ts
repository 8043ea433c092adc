import { json } from '@sveltejs/kit';
import { remainingMs } from '$lib/server/exams/attempts';
import { ownAttempt } from '$lib/server/exams/route';
import type { RequestHandler } from './$types';

/** The attempt's clock for the page's heartbeat: status, paused, time left (a proctor may have changed them). */
export const GET: RequestHandler = async (event) => {
	const { service, attempt } = await ownAttempt(event);
	if (attempt.status !== 'in-progress') return json({ ok: false, code: 'closed', status: attempt.status, error: 'This attempt is closed.' }, { status: 409 });
	return json({ ok: true, status: attempt.status, paused: attempt.pausedAt != null, remainingMs: remainingMs(attempt, service.now()) });
};
