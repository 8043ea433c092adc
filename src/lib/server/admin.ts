import { appendAudit, recentAudit } from './audit';
import { invalidateUserSessions } from './auth/sessions';
import type { Outcome, SessionUser, UserRecord } from './auth/types';
import { createUser, getUser, listUsers, resetPassword, setActive, setDisplayName, setRoles, type NewUser } from './auth/users';
import { getStore } from './store';

/** User administration as the admin pages use it: each change is validated, logged and takes effect at once. */

export type UserSummary = Omit<UserRecord, 'passwordHash'>;
const summary = ({ passwordHash: _hash, ...rest }: UserRecord): UserSummary => rest;

export async function usersForAdmin(): Promise<UserSummary[]> {
	return (await listUsers(getStore())).map(summary).sort((a, b) => a.username.localeCompare(b.username));
}

export async function userForAdmin(id: string): Promise<UserSummary | undefined> {
	const u = await getUser(getStore(), id);
	return u && summary(u);
}

export function adminActivity(limit = 15) {
	return recentAudit(getStore(), limit);
}

async function logged(actor: SessionUser, action: string, outcome: Outcome<UserRecord>, detail?: string): Promise<Outcome<UserSummary>> {
	if (!outcome.ok) return outcome;
	await appendAudit(getStore(), {
		at: new Date().toISOString(),
		actorId: actor.id,
		actor: actor.username,
		action,
		target: outcome.value.username,
		detail
	});
	return { ok: true, value: summary(outcome.value) };
}

export async function adminCreateUser(actor: SessionUser, input: NewUser) {
	return logged(actor, 'created user', await createUser(getStore(), input, new Date()), `roles: ${input.roles.join(', ')}`);
}

export async function adminSetRoles(actor: SessionUser, id: string, roles: string[]) {
	return logged(actor, 'changed roles', await setRoles(getStore(), id, roles, actor.id, new Date()), `roles: ${roles.join(', ')}`);
}

export async function adminRename(actor: SessionUser, id: string, displayName: string) {
	return logged(actor, 'changed name', await setDisplayName(getStore(), id, displayName, new Date()));
}

/** A reset signs the person out everywhere so the old password's sessions end. */
export async function adminResetPassword(actor: SessionUser, id: string, password: string) {
	const outcome = await logged(actor, 'reset password', await resetPassword(getStore(), id, password, new Date()));
	if (outcome.ok && id !== actor.id) await invalidateUserSessions(getStore(), id);
	return outcome;
}

export async function adminSetActive(actor: SessionUser, id: string, active: boolean) {
	const outcome = await logged(actor, active ? 'reactivated user' : 'deactivated user', await setActive(getStore(), id, active, actor.id, new Date()));
	if (outcome.ok && !active) await invalidateUserSessions(getStore(), id);
	return outcome;
}
