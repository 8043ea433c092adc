import type { SessionUser, UserRecord } from '../auth/types';
import { listUsers } from '../auth/users';
import { getStore, type Store } from '../store';

/**
 * Cohorts: which supervisor looks after which trainees. One small file for the whole city (tens of
 * staff). A trainee belongs to at most one supervisor at a time; a supervisor sees only their own.
 */

export type CohortAssignment = { traineeId: string; supervisorId: string; assignedAt: string; assignedBy: string };
type CohortFile = { assignments: CohortAssignment[] };

const KEY = 'supervisor/cohorts';

export type CohortMember = { id: string; username: string; displayName: string; active: boolean; assignedAt: string };

/** A refused change: the message says why, and nothing changed. */
export class CohortError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'CohortError';
	}
}

export async function assignments(store: Store = getStore()): Promise<readonly CohortAssignment[]> {
	return (await store.get<CohortFile>(KEY))?.assignments ?? [];
}

/** The supervisor's trainees (active or not), by name. */
export async function cohortOf(supervisorId: string, store: Store = getStore()): Promise<CohortMember[]> {
	const mine = (await assignments(store)).filter((a) => a.supervisorId === supervisorId);
	const users = new Map((await listUsers(store)).map((u) => [u.id, u]));
	return mine
		.flatMap((a) => {
			const u = users.get(a.traineeId);
			return u ? [{ id: u.id, username: u.username, displayName: u.displayName, active: u.active, assignedAt: a.assignedAt }] : [];
		})
		.sort((a, b) => a.displayName.localeCompare(b.displayName));
}

export async function supervisorOf(traineeId: string, store: Store = getStore()): Promise<string | undefined> {
	return (await assignments(store)).find((a) => a.traineeId === traineeId)?.supervisorId;
}

/** Is this trainee in this supervisor's cohort? Every supervisor page asks before showing anything of a trainee. */
export async function inCohort(supervisorId: string, traineeId: string, store: Store = getStore()): Promise<boolean> {
	return (await assignments(store)).some((a) => a.supervisorId === supervisorId && a.traineeId === traineeId);
}

function isSupervisor(u: UserRecord | undefined): u is UserRecord {
	return !!u && u.active && u.roles.includes('supervisor');
}

/**
 * Put a trainee in a supervisor's cohort. A supervisor may take only trainees nobody has yet (or
 * their own); an administrator may move a trainee from one supervisor to another.
 */
export async function assignTrainee(by: SessionUser, traineeId: string, supervisorId: string, now: Date, store: Store = getStore()): Promise<void> {
	const users = await listUsers(store);
	const trainee = users.find((u) => u.id === traineeId);
	if (!trainee || !trainee.roles.includes('trainee')) throw new CohortError('Choose a trainee from the list.');
	if (!trainee.active) throw new CohortError(`${trainee.displayName}'s account is deactivated; reactivate it before assigning them.`);
	const supervisor = users.find((u) => u.id === supervisorId);
	if (!isSupervisor(supervisor)) throw new CohortError('Choose an active supervisor.');
	const isAdmin = by.roles.includes('admin');
	if (!isAdmin && by.id !== supervisorId) throw new CohortError('You can add trainees only to your own cohort.');
	await store.update<CohortFile>(KEY, () => ({ assignments: [] }), (file) => {
		const current = file.assignments.find((a) => a.traineeId === traineeId);
		if (current?.supervisorId === supervisorId) return;
		if (current && !isAdmin) {
			const other = users.find((u) => u.id === current.supervisorId);
			throw new CohortError(`${trainee.displayName} is already in ${other?.displayName ?? 'another supervisor'}'s cohort; an administrator can move them.`);
		}
		file.assignments = file.assignments.filter((a) => a.traineeId !== traineeId);
		file.assignments.push({ traineeId, supervisorId, assignedAt: now.toISOString(), assignedBy: by.id });
	});
}

/** Take a trainee out of a cohort: their supervisor or an administrator may. */
export async function removeTrainee(by: SessionUser, traineeId: string, store: Store = getStore()): Promise<void> {
	await store.update<CohortFile>(KEY, () => ({ assignments: [] }), (file) => {
		const current = file.assignments.find((a) => a.traineeId === traineeId);
		if (!current) throw new CohortError('That trainee is not in a cohort.');
		if (current.supervisorId !== by.id && !by.roles.includes('admin')) throw new CohortError('That trainee is not in your cohort.');
		file.assignments = file.assignments.filter((a) => a.traineeId !== traineeId);
	});
}

/** Active trainees with their supervisor (if any), for the assignment page. */
export async function traineesWithSupervisors(store: Store = getStore()): Promise<{ id: string; username: string; displayName: string; supervisorId: string | null; supervisorName: string | null }[]> {
	const users = await listUsers(store);
	const all = await assignments(store);
	return users
		.filter((u) => u.active && u.roles.includes('trainee'))
		.map((u) => {
			const supervisorId = all.find((a) => a.traineeId === u.id)?.supervisorId ?? null;
			return { id: u.id, username: u.username, displayName: u.displayName, supervisorId, supervisorName: users.find((s) => s.id === supervisorId)?.displayName ?? null };
		})
		.sort((a, b) => a.displayName.localeCompare(b.displayName));
}

export async function activeSupervisors(store: Store = getStore()): Promise<{ id: string; displayName: string }[]> {
	return (await listUsers(store)).filter(isSupervisor).map((u) => ({ id: u.id, displayName: u.displayName }));
}
