import { areasFor } from '$lib/access';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => ({
	user: locals.user,
	areas: locals.user ? areasFor(locals.user.roles) : [],
	// An exam-day applicant sees a plain header: the city, their exam and their name.
	applicant: locals.applicant ? { name: locals.applicant.name, applicantId: locals.applicant.applicantId, examTitle: locals.applicant.examTitle } : null
});
