import { json } from '@sveltejs/kit';
import { examAttempts, userOwner } from '$lib/server/exams/service';
import type { RequestHandler } from './$types';

const STATUS = { 'not-found': 404, invalid: 400, closed: 409 } as const;

/**
 * Save item states as JSON: { saves: [{ index, seq, response, flagged }] }. Answers only after
 * the answers are on disk, with the time left by the server's clock. JSON only, which a page on
 * another site cannot send without the browser asking first.
 */
export const POST: RequestHandler = async ({ request, params, locals }) => {
	if (!(request.headers.get('content-type') ?? '').startsWith('application/json')) {
		return json({ ok: false, code: 'invalid', error: 'Send the answers as JSON.' }, { status: 415 });
	}
	let body: unknown;
	try {
		body = await request.json();
	} catch {
		return json({ ok: false, code: 'invalid', error: 'The request is not valid JSON.' }, { status: 400 });
	}
	const r = await examAttempts().save(params.id, userOwner(locals.user!), body);
	return json(r, { status: r.ok ? 200 : STATUS[r.code] });
};
