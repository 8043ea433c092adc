import { json } from '@sveltejs/kit';
import { field, readJson, SAVE_STATUS } from '$lib/server/exams/json';
import { examAttempts, ownerOf } from '$lib/server/exams/service';
import type { RequestHandler } from './$types';

/**
 * Start a skills test: { index }. The server notes the time; from then the test's text is shown
 * and its clock runs. Answers with the time left on the test.
 */
export const POST: RequestHandler = async ({ request, params, locals }) => {
	const read = await readJson(request);
	if (!read.ok) return read.response;
	const r = await examAttempts().startSkill(params.id, ownerOf(locals), field(read.body, 'index'));
	return json(r, { status: r.ok ? 200 : SAVE_STATUS[r.code] });
};
