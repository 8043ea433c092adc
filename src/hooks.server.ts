import { error, type Handle, type RequestEvent, type ServerInit } from '@sveltejs/kit';
import { decideAccess, forbiddenMessage } from '$lib/access';
import { SESSION_COOKIE, validateSessionToken } from '$lib/server/auth/sessions';
import { setSessionCookie } from '$lib/server/auth/cookies';
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

	// The one access guard: it runs before every page, form action and endpoint.
	const { pathname, search } = event.url;
	const access = decideAccess(pathname, event.locals.user?.roles ?? null);
	if (!access.allowed) {
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
	if (event.locals.user) response.headers.set('Cache-Control', 'private, no-store');
	return response;
};
