import { fail, redirect } from '@sveltejs/kit';
import { createSession, safeNext, setSessionCookie, signIn, signInLimiters } from '$lib/server/auth';
import { getStore } from '$lib/server/store';
import { field } from '$lib/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeNext(url.searchParams.get('next')));
	return { next: url.searchParams.get('next') };
};

export const actions: Actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const username = field(form, 'username');
		const password = field(form, 'password');
		const store = getStore();
		const now = Date.now();
		const result = await signIn(store, signInLimiters(), { username, password, ip: event.getClientAddress() }, now);
		if (!result.ok) return fail(400, { username, message: result.message, field: result.field ?? null });
		const { token, expiresAt } = await createSession(store, result.user.id, now);
		setSessionCookie(event, token, expiresAt);
		redirect(303, safeNext(event.url.searchParams.get('next')));
	}
};
