import type { Store } from '../store';
import { dummyPasswordHash, verifyPassword } from './password';
import { describeWait, FailureLimiter } from './rate-limit';
import type { UserRecord } from './types';
import { findUserByUsername, normalizeUsername } from './users';

/** Five wrong passwords for one username, or thirty from one address, in 15 minutes lock sign-in for a while. */
const WINDOW_MS = 15 * 60 * 1000;
export const USERNAME_MAX_FAILURES = 5;
export const IP_MAX_FAILURES = 30;

export type SignInLimiters = { byUsername: FailureLimiter; byIp: FailureLimiter };

export function createSignInLimiters(): SignInLimiters {
	return { byUsername: new FailureLimiter(USERNAME_MAX_FAILURES, WINDOW_MS), byIp: new FailureLimiter(IP_MAX_FAILURES, WINDOW_MS) };
}

export type SignInResult = { ok: true; user: UserRecord } | { ok: false; message: string; field?: 'username' | 'password' };

/** Check a username and password, counting failures per username and per address. */
export async function signIn(
	store: Store,
	limiters: SignInLimiters,
	input: { username: string; password: string; ip: string },
	now: number
): Promise<SignInResult> {
	const username = normalizeUsername(input.username);
	if (!username) return { ok: false, field: 'username', message: 'Enter your username.' };
	if (!input.password) return { ok: false, field: 'password', message: 'Enter your password.' };

	const ipWait = limiters.byIp.blockedFor(input.ip, now);
	if (ipWait > 0)
		return { ok: false, message: `Too many failed sign-ins from this computer. Wait ${describeWait(ipWait)} and try again, or ask an administrator.` };
	const userWait = limiters.byUsername.blockedFor(username, now);
	if (userWait > 0)
		return {
			ok: false,
			message: `This account is locked for ${describeWait(userWait)} after ${USERNAME_MAX_FAILURES} wrong passwords. Wait and try again, or ask an administrator to reset your password.`
		};

	const user = await findUserByUsername(store, username);
	// Verify against a dummy hash for unknown users so response time does not reveal which usernames exist.
	const valid = await verifyPassword(input.password, user?.passwordHash ?? (await dummyPasswordHash()));
	if (!user || !valid) {
		limiters.byIp.recordFailure(input.ip, now);
		limiters.byUsername.recordFailure(username, now);
		return { ok: false, message: 'The username or password is not right. Check them and try again.' };
	}
	if (!user.active) return { ok: false, message: 'This account has been deactivated. Ask an administrator if you need access.' };
	limiters.byUsername.reset(username);
	return { ok: true, user };
}
