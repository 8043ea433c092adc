import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../auth/types';
import { createUser, toSessionUser } from '../auth/users';
import { FileStore } from '../store';
import { assignTrainee, cohortOf, CohortError, inCohort, removeTrainee, traineesWithSupervisors } from './cohorts';

let dir: string;
let store: FileStore;
const users = {} as Record<'ann' | 'bo' | 'cy' | 'sup1' | 'sup2' | 'root', SessionUser>;
const now = new Date('2026-11-26T17:00:00.000Z');

beforeAll(async () => {
	dir = await mkdtemp(join(tmpdir(), 'cohorts-'));
	store = new FileStore(dir);
	for (const [username, roles] of [['ann', ['trainee']], ['bo', ['trainee']], ['cy', ['trainee']], ['sup1', ['supervisor']], ['sup2', ['supervisor']], ['root', ['admin']]] as const) {
		const made = await createUser(store, { username, displayName: username.toUpperCase(), roles: [...roles], password: 'long-enough-password' }, now);
		if (!made.ok) throw new Error(JSON.stringify(made.errors));
		users[username] = toSessionUser(made.value);
	}
});
afterAll(async () => {
	await rm(dir, { recursive: true, force: true });
});

describe('cohorts', () => {
	it('a supervisor takes unassigned trainees and sees only their own cohort', async () => {
		await assignTrainee(users.sup1, users.ann.id, users.sup1.id, now, store);
		await assignTrainee(users.sup1, users.bo.id, users.sup1.id, now, store);
		await assignTrainee(users.sup2, users.cy.id, users.sup2.id, now, store);
		expect((await cohortOf(users.sup1.id, store)).map((m) => m.username)).toEqual(['ann', 'bo']);
		expect((await cohortOf(users.sup2.id, store)).map((m) => m.username)).toEqual(['cy']);
		expect(await inCohort(users.sup1.id, users.cy.id, store)).toBe(false);
		expect(await inCohort(users.sup2.id, users.cy.id, store)).toBe(true);
	});

	it('refuses taking another supervisor’s trainee, adding to someone else’s cohort, or a non-trainee', async () => {
		await expect(assignTrainee(users.sup1, users.cy.id, users.sup1.id, now, store)).rejects.toThrow(/already in SUP2's cohort/);
		await expect(assignTrainee(users.sup1, users.cy.id, users.sup2.id, now, store)).rejects.toThrow('You can add trainees only to your own cohort.');
		await expect(assignTrainee(users.sup1, users.sup2.id, users.sup1.id, now, store)).rejects.toThrow(CohortError);
		await expect(assignTrainee(users.sup1, users.ann.id, users.root.id, now, store)).rejects.toThrow('Choose an active supervisor.');
		await expect(removeTrainee(users.sup1, users.cy.id, store)).rejects.toThrow('That trainee is not in your cohort.');
		expect(await inCohort(users.sup2.id, users.cy.id, store)).toBe(true);
	});

	it('an administrator moves a trainee between supervisors and removes one', async () => {
		await assignTrainee(users.root, users.cy.id, users.sup1.id, now, store);
		expect((await cohortOf(users.sup1.id, store)).map((m) => m.username)).toEqual(['ann', 'bo', 'cy']);
		expect(await cohortOf(users.sup2.id, store)).toEqual([]);
		await removeTrainee(users.root, users.bo.id, store);
		const list = await traineesWithSupervisors(store);
		expect(list.map((t) => [t.username, t.supervisorName])).toEqual([
			['ann', 'SUP1'],
			['bo', null],
			['cy', 'SUP1']
		]);
	});
});
