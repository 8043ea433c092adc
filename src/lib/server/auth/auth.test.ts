import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileStore } from '../store';
import { FailureLimiter } from './rate-limit';
import { createSession, invalidateUserSessions, SESSION_TTL_MS, validateSessionToken } from './sessions';
import { createSignInLimiters, signIn } from './sign-in';
import { createUser, resetPassword, setActive, setRoles } from './users';

let dir: string;
let store: FileStore;
const now = new Date('2026-11-26T08:00:00Z');
beforeEach(async () => {
	dir = await mkdtemp(join(tmpdir(), 'auth-test-'));
	store = new FileStore(dir);
});
afterEach(async () => {
	await rm(dir, { recursive: true, force: true });
});

async function makeUser(username = 'ana', roles = ['trainee']) {
	const r = await createUser(store, { username, displayName: 'Ana Ruiz', roles, password: 'tracy-demo' }, now);
	if (!r.ok) throw new Error(JSON.stringify(r.errors));
	return r.value;
}

describe('users', () => {
	it('validates every field with a message and creates nothing on error', async () => {
		const r = await createUser(store, { username: 'A B', displayName: ' ', roles: ['boss'], password: 'x' }, now);
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(Object.keys(r.errors).sort()).toEqual(['displayName', 'password', 'roles', 'username']);
		expect(r.errors.roles).toContain('Unknown role: boss');
		expect(await store.get('users')).toBeUndefined();
	});
	it('refuses a duplicate username regardless of case', async () => {
		await makeUser('ana');
		const r = await createUser(store, { username: 'ANA', displayName: 'Other', roles: ['hr'], password: 'tracy-demo' }, now);
		expect(r).toEqual({ ok: false, errors: { username: 'The username “ana” is already taken.' } });
	});
	it('keeps an admin from removing their own admin role or deactivating themselves', async () => {
		const admin = await makeUser('root', ['admin']);
		expect(await setRoles(store, admin.id, ['hr'], admin.id, now)).toMatchObject({ ok: false, errors: { roles: expect.stringContaining('own admin role') } });
		expect(await setActive(store, admin.id, false, admin.id, now)).toMatchObject({ ok: false });
		const other = await makeUser('bea', ['trainee']);
		expect(await setRoles(store, other.id, ['trainee', 'hr'], admin.id, now)).toMatchObject({ ok: true, value: { roles: ['trainee', 'hr'] } });
	});
});

describe('sessions', () => {
	it('validates a token, renews past half-life, and expires', async () => {
		const user = await makeUser();
		const t0 = now.getTime();
		const { token } = await createSession(store, user.id, t0);
		expect((await validateSessionToken(store, token, t0 + 1000))?.renewed).toBe(false);
		const renewed = await validateSessionToken(store, token, t0 + SESSION_TTL_MS * 0.75);
		expect(renewed?.renewed).toBe(true);
		expect(renewed?.session.expiresAt).toBe(t0 + SESSION_TTL_MS * 1.75);
		expect(await validateSessionToken(store, token, t0 + SESSION_TTL_MS * 2)).toBeNull();
		expect(await validateSessionToken(store, 'made-up', t0)).toBeNull();
	});
	it('stores only a hash of the token', async () => {
		const user = await makeUser();
		const { token } = await createSession(store, user.id, now.getTime());
		expect(JSON.stringify(await store.get('sessions'))).not.toContain(token);
	});
	it('ends sessions of a deactivated user and on sign-out everywhere', async () => {
		const admin = await makeUser('root', ['admin']);
		const user = await makeUser('bea');
		const { token } = await createSession(store, user.id, now.getTime());
		await setActive(store, user.id, false, admin.id, now);
		expect(await validateSessionToken(store, token, now.getTime())).toBeNull();
		const second = await createSession(store, admin.id, now.getTime());
		await invalidateUserSessions(store, admin.id);
		expect(await validateSessionToken(store, second.token, now.getTime())).toBeNull();
	});
});

describe('sign-in', () => {
	it('accepts the right password and gives one message for a wrong password or unknown user', async () => {
		await makeUser();
		const limiters = createSignInLimiters();
		const t = now.getTime();
		expect((await signIn(store, limiters, { username: ' ANA ', password: 'tracy-demo', ip: '1.1.1.1' }, t)).ok).toBe(true);
		const wrong = await signIn(store, limiters, { username: 'ana', password: 'nope', ip: '1.1.1.1' }, t);
		const unknown = await signIn(store, limiters, { username: 'zed', password: 'nope', ip: '1.1.1.1' }, t);
		expect(wrong).toEqual(unknown);
		expect(wrong).toMatchObject({ ok: false, message: expect.stringContaining('username or password is not right') });
	});
	it('locks a username after five failures, even for the right password, until the window passes', async () => {
		await makeUser();
		const limiters = createSignInLimiters();
		const t = now.getTime();
		for (let i = 0; i < 5; i++) await signIn(store, limiters, { username: 'ana', password: 'bad', ip: `10.0.0.${i}` }, t + i);
		const locked = await signIn(store, limiters, { username: 'ana', password: 'tracy-demo', ip: '10.0.0.9' }, t + 10);
		expect(locked).toMatchObject({ ok: false, message: expect.stringContaining('locked for 15 minutes') });
		expect((await signIn(store, limiters, { username: 'ana', password: 'tracy-demo', ip: '10.0.0.9' }, t + 15 * 60_000 + 5)).ok).toBe(true);
	});
	it('blocks an address after thirty failures across usernames', async () => {
		const limiters = createSignInLimiters();
		const t = now.getTime();
		for (let i = 0; i < 30; i++) await signIn(store, limiters, { username: `user${i}`, password: 'bad', ip: '9.9.9.9' }, t);
		const blocked = await signIn(store, limiters, { username: 'other', password: 'bad', ip: '9.9.9.9' }, t);
		expect(blocked).toMatchObject({ ok: false, message: expect.stringContaining('from this computer') });
	});
	it('refuses a deactivated user with a clear message', async () => {
		const admin = await makeUser('root', ['admin']);
		const user = await makeUser('bea');
		await setActive(store, user.id, false, admin.id, now);
		const r = await signIn(store, createSignInLimiters(), { username: 'bea', password: 'tracy-demo', ip: '1.1.1.1' }, now.getTime());
		expect(r).toMatchObject({ ok: false, message: expect.stringContaining('deactivated') });
		await resetPassword(store, user.id, 'another-pass', now);
	});
});

describe('FailureLimiter', () => {
	it('forgets failures older than the window', () => {
		const l = new FailureLimiter(2, 1000);
		l.recordFailure('k', 0);
		l.recordFailure('k', 500);
		expect(l.blockedFor('k', 600)).toBe(400);
		expect(l.blockedFor('k', 1001)).toBe(0);
	});
});
