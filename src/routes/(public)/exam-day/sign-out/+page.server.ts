import { redirect } from '@sveltejs/kit';
import { clearApplicantCookie, endApplicantSession } from '$lib/server/hr/applicants';
import { getStore } from '$lib/server/store';
import type { Actions, PageServerLoad } from './$types';

// Signing out is a POST (a link could be prefetched); a GET goes back to the exam-day page.
export const load: PageServerLoad = () => redirect(303, '/exam-day');

export const actions: Actions = {
	default: async (event) => {
		if (event.locals.applicant) await endApplicantSession(getStore(), event.locals.applicant, Date.now());
		clearApplicantCookie(event);
		redirect(303, '/exam-day?signed-out=1');
	}
};
