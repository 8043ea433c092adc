import { json } from '@sveltejs/kit';
import { field, readJson, SAVE_STATUS } from '$lib/server/exams/json';
import { examAttempts, ownerOf } from '$lib/server/exams/service';
import type { RequestHandler } from './$types';

/** Move to another question: { to } (a question index). A sequential exam goes forward only, one question at a time. */
export const POST: RequestHandler = async ({ request, params, locals }) => {
	const read = await readJson(request);
	if (!read.ok) return read.response;
	const r = await examAttempts().move(params.id, ownerOf(locals), field(read.body, 'to'));
	return json(r, { status: r.ok ? 200 : SAVE_STATUS[r.code] });
};
