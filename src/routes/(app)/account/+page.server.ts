import { fail } from '@sveltejs/kit';
import { field } from '$lib/forms';
import { changeOwnPassword } from '$lib/server/account';
import { setSessionCookie } from '$lib/server/auth';
import type { Actions } from './$types';

export const actions: Actions = {
	password: async (event) => {
		const form = await event.request.formData();
		const result = await changeOwnPassword(event.locals.user!, {
			current: field(form, 'current'),
			next: field(form, 'next'),
			confirm: field(form, 'confirm')
		});
		if (!result.ok) return fail(400, { errors: result.errors });
		setSessionCookie(event, result.session.token, result.session.expiresAt);
		return { done: true };
	}
};
