import { redirect } from '@sveltejs/kit';
import { clearSessionCookie, invalidateSession } from '$lib/server/auth';
import { getStore } from '$lib/server/store';
import type { Actions, PageServerLoad } from './$types';

// Signing out is a POST (a link could be prefetched); a GET just goes home.
export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: async (event) => {
		if (event.locals.sessionId) await invalidateSession(getStore(), event.locals.sessionId);
		clearSessionCookie(event);
		redirect(303, '/login');
	}
};
