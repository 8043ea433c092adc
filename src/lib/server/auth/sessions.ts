import { createHash, randomBytes } from 'node:crypto';
import type { Store } from '../store';
import type { SessionUser } from './types';
import { getUser, toSessionUser } from './users';

/** A signed-in session. The id is the SHA-256 of the cookie's token, so a leaked data file opens nothing. */
export type SessionRecord = { id: string; userId: string; createdAt: number; expiresAt: number };

const KEY = 'sessions';
type SessionsFile = { sessions: SessionRecord[] };
const empty = (): SessionsFile => ({ sessions: [] });

/** A working day plus margin; renewed on use once half has gone, so an active clerk stays signed in. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
export const SESSION_COOKIE = 'session';

export function sessionIdOf(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

export async function createSession(store: Store, userId: string, now: number): Promise<{ token: string; expiresAt: number }> {
	const token = randomBytes(32).toString('base64url');
	const record: SessionRecord = { id: sessionIdOf(token), userId, createdAt: now, expiresAt: now + SESSION_TTL_MS };
	await store.update<SessionsFile>(KEY, empty, (file) => {
		// Drop expired sessions as new ones come in, so the shard stays the size of who is signed in.
		file.sessions = file.sessions.filter((s) => s.expiresAt > now);
		file.sessions.push(record);
	});
	return { token, expiresAt: record.expiresAt };
}

export type ValidSession = { session: SessionRecord; user: SessionUser; renewed: boolean };

/** The session and user for a cookie token, renewing it when past half-life; null when expired, unknown or the user is inactive. */
export async function validateSessionToken(store: Store, token: string, now: number): Promise<ValidSession | null> {
	const id = sessionIdOf(token);
	const session = (await store.get<SessionsFile>(KEY))?.sessions.find((s) => s.id === id);
	if (!session) return null;
	if (session.expiresAt <= now) {
		await invalidateSession(store, id);
		return null;
	}
	const user = await getUser(store, session.userId);
	if (!user || !user.active) {
		await invalidateSession(store, id);
		return null;
	}
	if (session.expiresAt - now < SESSION_TTL_MS / 2) {
		const expiresAt = now + SESSION_TTL_MS;
		await store.update<SessionsFile>(KEY, empty, (file) => {
			const s = file.sessions.find((x) => x.id === id);
			if (s) s.expiresAt = expiresAt;
		});
		return { session: { ...session, expiresAt }, user: toSessionUser(user), renewed: true };
	}
	return { session: { ...session }, user: toSessionUser(user), renewed: false };
}

export async function invalidateSession(store: Store, id: string): Promise<void> {
	await store.update<SessionsFile>(KEY, empty, (file) => {
		file.sessions = file.sessions.filter((s) => s.id !== id);
	});
}

/** Sign a user out everywhere (after deactivation or a password reset). */
export async function invalidateUserSessions(store: Store, userId: string): Promise<void> {
	await store.update<SessionsFile>(KEY, empty, (file) => {
		file.sessions = file.sessions.filter((s) => s.userId !== userId);
	});
}
