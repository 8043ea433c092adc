import { json } from '@sveltejs/kit';
import { readJson, SAVE_STATUS } from '$lib/server/exams/json';
import { examAttempts, ownerOf } from '$lib/server/exams/service';
import type { RequestHandler } from './$types';

/**
 * Save item states as JSON: { saves: [{ index, seq, response, flagged }] }. Answers only after
 * the answers are on disk, with the time left by the server's clock. JSON only, which a page on
 * another site cannot send without the browser asking first.
 */
export const POST: RequestHandler = async ({ request, params, locals }) => {
	const read = await readJson(request);
	if (!read.ok) return read.response;
	const started = performance.now();
	const r = await examAttempts().save(params.id, ownerOf(locals), read.body);
	// How long the save itself took (checks, the durable write), apart from time queued before it: for the load bench.
	const headers = { 'server-timing': `save;dur=${Math.round((performance.now() - started) * 10) / 10}` };
	return json(r, { status: r.ok ? 200 : SAVE_STATUS[r.code], headers });
};
