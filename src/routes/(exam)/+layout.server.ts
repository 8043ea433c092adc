import { redirect } from '@sveltejs/kit';
import type { LayoutServerLoad } from './$types';

// The exam runner's pages serve signed-in users (in the app shell) and exam-day applicants (in a
// plain header without the app's navigation; see the root layout). hooks.server.ts already lets
// only those two through; this keeps the pages safe if a route is ever added outside its rules.
export const load: LayoutServerLoad = ({ locals, url }) => {
	if (!locals.user && !locals.applicant) redirect(303, `/login?next=${encodeURIComponent(url.pathname)}`);
	return { applicantView: locals.applicant !== null };
};
