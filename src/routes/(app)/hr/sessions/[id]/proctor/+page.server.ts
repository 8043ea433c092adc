import { error, fail } from '@sveltejs/kit';
import { field } from '$lib/forms';
import { MAX_ADDED_MINUTES } from '$lib/server/exams/attempts';
import { actorOf } from '$lib/server/hr';
import { proctor, type ProctorResult } from '$lib/server/hr/proctor';
import type { Actions, PageServerLoad } from './$types';

/** The console: the same live table the page polls, and the candidate whose actions are open (`?c=`). */
export const load: PageServerLoad = async ({ params, url }) => {
	const live = await proctor().live(params.id);
	if (!live) error(404, 'There is no such exam session.');
	const c = url.searchParams.get('c');
	return { live, selected: c && live.rows.some((r) => r.candidateId === c) ? c : null, maxMinutes: MAX_ADDED_MINUTES };
};

type Scope = { action: string; candidateId?: string };

/** A result as the page shows it: a message, or an error (400 when a field is at fault, 409 otherwise) that changed nothing. */
function reply<T>(r: ProctorResult<T>, scope: Scope, values: Record<string, string> = {}) {
	if (!r.ok) return fail(r.field ? 400 : 409, { ...scope, ok: false as const, error: r.error, field: r.field ?? null, writing: r.writing ?? null, values });
	return { ...scope, ok: true as const, message: r.message };
}

const candidateOf = (form: FormData) => field(form, 'candidate');
const ticked = (form: FormData) => field(form, 'confirm') === 'yes';

export const actions: Actions = {
	start: async ({ params, locals }) => reply(await proctor().start(params.id, actorOf(locals.user!)), { action: 'start' }),
	pause: async ({ request, params, locals }) => {
		const candidateId = candidateOf(await request.formData());
		return reply(await proctor().pause(params.id, candidateId, actorOf(locals.user!)), { action: 'pause', candidateId });
	},
	resume: async ({ request, params, locals }) => {
		const candidateId = candidateOf(await request.formData());
		return reply(await proctor().resume(params.id, candidateId, actorOf(locals.user!)), { action: 'resume', candidateId });
	},
	addTime: async ({ request, params, locals }) => {
		const form = await request.formData();
		const candidateId = candidateOf(form);
		const minutes = field(form, 'minutes');
		return reply(await proctor().addTime(params.id, candidateId, minutes, actorOf(locals.user!)), { action: 'addTime', candidateId }, { minutes });
	},
	void: async ({ request, params, locals }) => {
		const form = await request.formData();
		const candidateId = candidateOf(form);
		const reason = field(form, 'reason');
		return reply(await proctor().voidAttempt(params.id, candidateId, reason, ticked(form), actorOf(locals.user!)), { action: 'void', candidateId }, { reason });
	},
	code: async ({ request, params, locals }) => {
		const candidateId = candidateOf(await request.formData());
		const r = await proctor().newCode(params.id, candidateId, actorOf(locals.user!));
		if (!r.ok) return reply(r, { action: 'code', candidateId });
		// The only place the new code appears.
		return { action: 'code', candidateId, ok: true as const, message: r.message, code: r.value.code };
	},
	pauseAll: async ({ request, params, locals }) => reply(await proctor().pauseAll(params.id, ticked(await request.formData()), actorOf(locals.user!)), { action: 'pauseAll' }),
	resumeAll: async ({ request, params, locals }) => reply(await proctor().resumeAll(params.id, ticked(await request.formData()), actorOf(locals.user!)), { action: 'resumeAll' }),
	close: async ({ params, locals }) => reply(await proctor().close(params.id, actorOf(locals.user!)), { action: 'close' }),
	endAndClose: async ({ request, params, locals }) => {
		const confirmed = ticked(await request.formData());
		return reply(await proctor().close(params.id, actorOf(locals.user!), { endWriters: true, confirmed }), { action: 'endAndClose' });
	}
};
