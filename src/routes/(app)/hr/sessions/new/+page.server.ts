import { fail, redirect } from '@sveltejs/kit';
import { field } from '$lib/forms';
import { actorOf, hrSessions } from '$lib/server/hr';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => ({
	blueprints: (await hrSessions().blueprints()).map((b) => ({ id: b.id, title: b.title, minutes: b.timeLimitMinutes }))
});

export const actions: Actions = {
	create: async ({ request, locals }) => {
		const form = await request.formData();
		const values = { blueprintId: field(form, 'blueprintId'), date: field(form, 'date'), startTime: field(form, 'startTime'), location: field(form, 'location'), proctors: field(form, 'proctors') };
		const made = await hrSessions().create(values, actorOf(locals.user!));
		if (!made.ok) return fail(400, { values, errors: made.errors });
		redirect(303, `/hr/sessions/${made.id}?created=1`);
	}
};
