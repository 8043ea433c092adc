import { createSignInLimiters, type SignInLimiters } from './sign-in';

export { signIn } from './sign-in';
export { createSession, invalidateSession, invalidateUserSessions } from './sessions';
export { setSessionCookie, clearSessionCookie } from './cookies';

// One set of counters per process, kept across dev reloads.
const holder = globalThis as typeof globalThis & { __signInLimiters?: SignInLimiters };
export function signInLimiters(): SignInLimiters {
	holder.__signInLimiters ??= createSignInLimiters();
	return holder.__signInLimiters;
}

/** A post-sign-in destination only if it stays on this site. */
export function safeNext(next: string | null): string {
	return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}
