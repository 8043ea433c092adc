import { isRole, ROLES, type Role } from '$lib/access';
import type { Store } from '../store';
import { hashPassword, passwordProblem } from './password';
import type { FieldErrors, Outcome, SessionUser, UserRecord } from './types';

/** All users live in one small shard: a city has tens of staff, not thousands. */
const KEY = 'users';
type UsersFile = { nextId: number; users: UserRecord[] };
const empty = (): UsersFile => ({ nextId: 1, users: [] });

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,31}$/;

export function normalizeUsername(raw: string): string {
	return raw.trim().toLowerCase();
}

export function toSessionUser(u: UserRecord): SessionUser {
	return { id: u.id, username: u.username, displayName: u.displayName, roles: [...u.roles] };
}

export async function listUsers(store: Store): Promise<readonly UserRecord[]> {
	return (await store.get<UsersFile>(KEY))?.users ?? [];
}

export async function getUser(store: Store, id: string): Promise<UserRecord | undefined> {
	return (await listUsers(store)).find((u) => u.id === id);
}

export async function findUserByUsername(store: Store, username: string): Promise<UserRecord | undefined> {
	const wanted = normalizeUsername(username);
	return (await listUsers(store)).find((u) => u.username === wanted);
}

function rolesProblem(roles: readonly string[]): string | null {
	if (roles.length === 0) return 'Choose at least one role.';
	const unknown = roles.filter((r) => !isRole(r));
	if (unknown.length) return `Unknown role: ${unknown.join(', ')}. Roles are ${ROLES.join(', ')}.`;
	return null;
}

export type NewUser = { username: string; displayName: string; roles: string[]; password: string };

export async function createUser(store: Store, input: NewUser, now: Date): Promise<Outcome<UserRecord>> {
	const errors: FieldErrors = {};
	const username = normalizeUsername(input.username);
	const displayName = input.displayName.trim();
	if (!username) errors.username = 'Enter a username.';
	else if (!USERNAME.test(username))
		errors.username = 'Username must be 2–32 characters: lowercase letters, digits, dots, dashes or underscores, starting with a letter or digit.';
	if (!displayName) errors.displayName = 'Enter the person’s name as it should appear on screens and reports.';
	else if (displayName.length > 80) errors.displayName = 'Name must be at most 80 characters.';
	const roleError = rolesProblem(input.roles);
	if (roleError) errors.roles = roleError;
	const pwError = passwordProblem(input.password);
	if (pwError) errors.password = pwError;
	if (Object.keys(errors).length) return { ok: false, errors };

	const passwordHash = await hashPassword(input.password);
	return store.update<UsersFile, Outcome<UserRecord>>(KEY, empty, (file) => {
		if (file.users.some((u) => u.username === username)) {
			return { ok: false, errors: { username: `The username “${username}” is already taken.` } };
		}
		const stamp = now.toISOString();
		const user: UserRecord = {
			id: `u${file.nextId++}`,
			username,
			displayName,
			roles: [...new Set(input.roles as Role[])],
			passwordHash,
			active: true,
			createdAt: stamp,
			updatedAt: stamp
		};
		file.users.push(user);
		return { ok: true, value: user };
	});
}

/** Apply a change to one user inside the users shard; the change returns an error message to refuse. */
async function changeUser(store: Store, id: string, now: Date, change: (u: UserRecord) => FieldErrors | null): Promise<Outcome<UserRecord>> {
	return store.update<UsersFile, Outcome<UserRecord>>(KEY, empty, (file) => {
		const user = file.users.find((u) => u.id === id);
		if (!user) throw new UserNotFoundError(id);
		const errors = change(user);
		if (errors) throw new RefusedChange(errors);
		user.updatedAt = now.toISOString();
		return { ok: true, value: user };
	}).catch((err: unknown) => {
		if (err instanceof RefusedChange) return { ok: false, errors: err.errors };
		throw err;
	});
}

/** Thrown inside a store update so that the refused change is not written. */
class RefusedChange extends Error {
	constructor(readonly errors: FieldErrors) {
		super('refused');
	}
}

export class UserNotFoundError extends Error {
	constructor(id: string) {
		super(`No user with id ${id}`);
	}
}

export function setRoles(store: Store, id: string, roles: string[], actorId: string, now: Date): Promise<Outcome<UserRecord>> {
	return changeUser(store, id, now, (u) => {
		const problem = rolesProblem(roles);
		if (problem) return { roles: problem };
		if (u.id === actorId && u.roles.includes('admin') && !roles.includes('admin'))
			return { roles: 'You cannot remove your own admin role; ask another administrator.' };
		u.roles = [...new Set(roles as Role[])];
		return null;
	});
}

export async function resetPassword(store: Store, id: string, password: string, now: Date): Promise<Outcome<UserRecord>> {
	const problem = passwordProblem(password);
	if (problem) return { ok: false, errors: { password: problem } };
	const hash = await hashPassword(password);
	return changeUser(store, id, now, (u) => {
		u.passwordHash = hash;
		return null;
	});
}

export function setActive(store: Store, id: string, active: boolean, actorId: string, now: Date): Promise<Outcome<UserRecord>> {
	return changeUser(store, id, now, (u) => {
		if (!active && u.id === actorId) return { active: 'You cannot deactivate your own account.' };
		u.active = active;
		return null;
	});
}

export function setDisplayName(store: Store, id: string, displayName: string, now: Date): Promise<Outcome<UserRecord>> {
	return changeUser(store, id, now, (u) => {
		const name = displayName.trim();
		if (!name) return { displayName: 'Enter the person’s name.' };
		if (name.length > 80) return { displayName: 'Name must be at most 80 characters.' };
		u.displayName = name;
		return null;
	});
}
