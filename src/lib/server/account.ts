import { appendAudit } from './audit';
import { verifyPassword } from './auth/password';
import { createSession, invalidateUserSessions } from './auth/sessions';
import type { FieldErrors, SessionUser } from './auth/types';
import { getUser, resetPassword } from './auth/users';
import { getStore } from './store';

/**
 * A user changes their own password: the current one must be right, the new one typed twice.
 * Other sessions end; the caller gets a fresh session for this browser.
 */
export async function changeOwnPassword(
	user: SessionUser,
	input: { current: string; next: string; confirm: string }
): Promise<{ ok: true; session: { token: string; expiresAt: number } } | { ok: false; errors: FieldErrors }> {
	const store = getStore();
	const record = await getUser(store, user.id);
	if (!record || !(await verifyPassword(input.current, record.passwordHash)))
		return { ok: false, errors: { current: 'Your current password is not right.' } };
	if (input.next !== input.confirm) return { ok: false, errors: { confirm: 'The two new passwords do not match.' } };
	if (input.next === input.current) return { ok: false, errors: { next: 'Choose a password different from your current one.' } };
	const outcome = await resetPassword(store, user.id, input.next, new Date());
	if (!outcome.ok) return { ok: false, errors: { next: outcome.errors.password } };
	await invalidateUserSessions(store, user.id);
	await appendAudit(store, { at: new Date().toISOString(), actorId: user.id, actor: user.username, action: 'changed own password', target: user.username });
	return { ok: true, session: await createSession(store, user.id, Date.now()) };
}
