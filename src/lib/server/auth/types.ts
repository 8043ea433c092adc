import type { Role } from '$lib/access';

/** A user as stored. The password hash never leaves the server. */
export type UserRecord = {
	id: string;
	username: string;
	displayName: string;
	roles: Role[];
	passwordHash: string;
	active: boolean;
	createdAt: string;
	updatedAt: string;
};

/** What the rest of the app knows about the signed-in user. */
export type SessionUser = Pick<UserRecord, 'id' | 'username' | 'displayName' | 'roles'>;

export type FieldErrors = Partial<Record<string, string>>;
export type Outcome<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };
