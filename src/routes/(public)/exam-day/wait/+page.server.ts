import { redirect } from '@sveltejs/kit';
import { clearApplicantCookie } from '$lib/server/hr/applicants';
import { examDay } from '$lib/server/hr/exam-day';
import type { PageServerLoad } from './$types';

/** The waiting room: until the proctor starts the exam; then the applicant's attempt. */
export const load: PageServerLoad = async (event) => {
	const who = event.locals.applicant;
	if (!who) redirect(303, '/exam-day');
	const room = await examDay().waitingRoom(who);
	if (!room) {
		clearApplicantCookie(event);
		redirect(303, '/exam-day');
	}
	if (room.status === 'in-progress' && room.attemptId) redirect(303, `/exams/attempts/${room.attemptId}`);
	return { room, checkedAt: new Date().toISOString() };
};
