import { fail, redirect } from '@sveltejs/kit';
import { clearSessionCookie, invalidateSession } from '$lib/server/auth';
import { setApplicantCookie } from '$lib/server/hr/applicants';
import { examDay } from '$lib/server/hr/exam-day';
import { getStore } from '$lib/server/store';
import { field } from '$lib/forms';
import type { Actions, PageServerLoad } from './$types';

/** Applicants' sign-in with the access code on their admission ticket (no account). */
export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.applicant) redirect(303, '/exam-day/wait');
	return { signedOut: url.searchParams.get('signed-out') === '1', staff: locals.user?.displayName ?? null };
};

export const actions: Actions = {
	default: async (event) => {
		const code = field(await event.request.formData(), 'code');
		const r = await examDay().signIn({ code, ip: event.getClientAddress() });
		if (!r.ok) return fail(400, { code, message: r.message, reason: r.reason });
		// One identity per browser on exam day: a user signed in here is signed out first.
		if (event.locals.sessionId) await invalidateSession(getStore(), event.locals.sessionId);
		clearSessionCookie(event);
		setApplicantCookie(event, r.cookie, r.expiresAt);
		redirect(303, r.status === 'in-progress' && r.attemptId ? `/exams/attempts/${r.attemptId}` : '/exam-day/wait');
	}
};
