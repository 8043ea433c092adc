import { fail } from '@sveltejs/kit';
import { field, fields } from '$lib/forms';
import { adminActivity, adminCreateUser, usersForAdmin } from '$lib/server/admin';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => ({ users: await usersForAdmin(), activity: await adminActivity() });

export const actions: Actions = {
	create: async ({ request, locals }) => {
		const form = await request.formData();
		const input = { username: field(form, 'username'), displayName: field(form, 'displayName'), roles: fields(form, 'roles'), password: field(form, 'password') };
		const outcome = await adminCreateUser(locals.user!, input);
		if (!outcome.ok) return fail(400, { create: { values: { ...input, password: '' }, errors: outcome.errors } });
		return { created: outcome.value.username };
	}
};
