import type { RequestEvent } from '@sveltejs/kit';
import { SESSION_COOKIE } from './sessions';

/** httpOnly, SameSite=Lax; Secure whenever the site is served over HTTPS (or COOKIE_SECURE=true). */
export function setSessionCookie(event: RequestEvent, token: string, expiresAt: number): void {
	event.cookies.set(SESSION_COOKIE, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: event.url.protocol === 'https:' || process.env.COOKIE_SECURE === 'true',
		expires: new Date(expiresAt)
	});
}

export function clearSessionCookie(event: RequestEvent): void {
	event.cookies.delete(SESSION_COOKIE, { path: '/' });
}
