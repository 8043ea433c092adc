import { error, fail } from '@sveltejs/kit';
import { field, fields } from '$lib/forms';
import { adminRename, adminResetPassword, adminSetActive, adminSetRoles, userForAdmin } from '$lib/server/admin';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const user = await userForAdmin(params.id);
	if (!user) error(404, 'There is no such user.');
	return { managed: user, isSelf: user.id === locals.user!.id };
};

/** Each action answers with which form it was and its errors, so the page shows the message beside that form. */
export const actions: Actions = {
	roles: async ({ request, params, locals }) => {
		const outcome = await adminSetRoles(locals.user!, params.id, fields(await request.formData(), 'roles'));
		return outcome.ok ? { done: 'Roles saved.' } : fail(400, { form: 'roles', errors: outcome.errors });
	},
	rename: async ({ request, params, locals }) => {
		const outcome = await adminRename(locals.user!, params.id, field(await request.formData(), 'displayName'));
		return outcome.ok ? { done: 'Name saved.' } : fail(400, { form: 'rename', errors: outcome.errors });
	},
	password: async ({ request, params, locals }) => {
		const outcome = await adminResetPassword(locals.user!, params.id, field(await request.formData(), 'password'));
		return outcome.ok ? { done: 'Password reset. The person has been signed out everywhere.' } : fail(400, { form: 'password', errors: outcome.errors });
	},
	deactivate: async ({ params, locals }) => {
		const outcome = await adminSetActive(locals.user!, params.id, false);
		return outcome.ok ? { done: 'Account deactivated. The person can no longer sign in.' } : fail(400, { form: 'active', errors: outcome.errors });
	},
	activate: async ({ params, locals }) => {
		const outcome = await adminSetActive(locals.user!, params.id, true);
		return outcome.ok ? { done: 'Account reactivated.' } : fail(400, { form: 'active', errors: outcome.errors });
	}
};
