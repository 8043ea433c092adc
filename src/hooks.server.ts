import { error, type Handle, type RequestEvent, type ServerInit } from '@sveltejs/kit';
import { APPLICANT_HOME, APPLICANT_REFUSAL, decideAccess, forbiddenMessage } from '$lib/access';
import { SESSION_COOKIE, validateSessionToken } from '$lib/server/auth/sessions';
import { setSessionCookie } from '$lib/server/auth/cookies';
import { APPLICANT_COOKIE, clearApplicantCookie, validateApplicantCookie } from '$lib/server/hr/applicants';
import { hrSessions } from '$lib/server/hr';
import { startApp } from '$lib/server/startup';
import { getStore } from '$lib/server/store';

export const init: ServerInit = startApp;

function wantsPage(event: RequestEvent): boolean {
	return (event.request.method === 'GET' || event.request.method === 'HEAD') && !event.isDataRequest && (event.request.headers.get('accept') ?? '').includes('text/html');
}

export const handle: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	event.locals.sessionId = null;
	const token = event.cookies.get(SESSION_COOKIE);
	if (token) {
		const valid = await validateSessionToken(getStore(), token, Date.now());
		if (valid) {
			event.locals.user = valid.user;
			event.locals.sessionId = valid.session.id;
			if (valid.renewed) setSessionCookie(event, token, valid.session.expiresAt);
		} else {
			event.cookies.delete(SESSION_COOKIE, { path: '/' });
		}
	}
	// An exam-day applicant (access code, no account); a signed-in user comes first.
	event.locals.applicant = null;
	const applicantCookie = event.cookies.get(APPLICANT_COOKIE);
	if (applicantCookie && !event.locals.user) {
		event.locals.applicant = await validateApplicantCookie(getStore(), hrSessions(), applicantCookie, Date.now());
		if (!event.locals.applicant) clearApplicantCookie(event);
	}

	// The one access guard: it runs before every page, form action and endpoint.
	const { pathname, search } = event.url;
	const access = decideAccess(pathname, event.locals.user?.roles ?? (event.locals.applicant ? 'applicant' : null));
	if (!access.allowed) {
		if (access.reason === 'applicant') {
			// An applicant's page visit goes back to their exam; anything else is refused.
			if (wantsPage(event)) return new Response(null, { status: 303, headers: { location: APPLICANT_HOME } });
			error(403, { message: APPLICANT_REFUSAL });
		}
		if (access.reason === 'signed-out') {
			const next = pathname === '/' ? '' : `?next=${encodeURIComponent(pathname + search)}`;
			return new Response(null, { status: 303, headers: { location: `/login${next}` } });
		}
		// A page visit gets the full 403 page inside the app shell; anything else (form posts,
		// endpoints, data requests) is refused here, before any action or load runs.
		if (wantsPage(event)) {
			const page = await event.fetch(`/forbidden?area=${encodeURIComponent(access.area.path)}`);
			return new Response(page.body, { status: 403, headers: page.headers });
		}
		error(403, { message: forbiddenMessage(access.area), requiredRoles: [...access.area.roles] });
	}

	const response = await resolve(event);
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'same-origin');
	response.headers.set('X-Frame-Options', 'DENY');
	if (event.locals.user || event.locals.applicant) response.headers.set('Cache-Control', 'private, no-store');
	return response;
};
