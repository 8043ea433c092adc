import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../auth/users';
import { getContent } from '../content';
import { ExamAttempts } from '../exams/attempts';
import { itemBank } from '../exams/bank';
import { examClock } from '../exams/clock';
import { FileStore } from '../store';
import { cohortOf } from '../supervisor/cohorts';
import { attemptsOf } from '../training/attempts';
import { pendingApprovals } from '../workstation/service';
import { createDemoHistory } from './history';
import { DEMO_USERS } from './users';

let dir: string;
let store: FileStore;

beforeAll(async () => {
	dir = await mkdtemp(join(tmpdir(), 'demo-history-'));
	store = new FileStore(dir);
	for (const u of DEMO_USERS) await createUser(store, { ...u, password: 'demo-password-1' }, new Date('2026-10-01T00:00:00Z'));
});
afterAll(async () => {
	await rm(dir, { recursive: true, force: true });
});

describe('the living demo', () => {
	it('gives the supervisor a cohort with weeks of real, graded history', async () => {
		const now = new Date('2026-11-26T20:00:00.000Z');
		const made = await createDemoHistory(store, now);
		console.log(`demo history: ${made.attempts} attempts in ${made.ms} ms`);
		const cohort = await cohortOf('u4', store);
		expect(cohort.map((m) => m.username).sort()).toEqual(['trainee', 'trainee2', 'trainee3']);
		const maria = await attemptsOf('u1', store);
		const james = await attemptsOf('u2', store);
		const lin = await attemptsOf('u3', store);
		expect(maria.length + james.length + lin.length).toBe(made.attempts);
		const all = [...maria, ...james, ...lin];
		// Every attempt was submitted and graded, in the past.
		expect(all.every((a) => a.submittedAt !== null && a.submittedAt < now.toISOString())).toBe(true);
		expect(all.some((a) => a.status === 'failed')).toBe(true);
		expect(all.filter((a) => a.status === 'passed').length).toBeGreaterThan(all.length / 2);
		// Lin's letter waits for grading; Maria's was scored.
		expect(lin.filter((a) => a.status === 'awaiting-review').map((a) => a.scenarioId)).toEqual(['letter-to-customer']);
		expect(maria.find((a) => a.scenarioId === 'letter-to-customer')!.status).toBe('passed');
		// James keyed $108.82 for $180.82: the payment check failed.
		expect(james.find((a) => a.scenarioId === 'cash-payment-with-change')!.status).toBe('failed');
		// Practice exams taken through the exam code, scored.
		const exams = new ExamAttempts({ store, now: () => now.getTime(), clock: examClock(), blueprints: async () => (await getContent()).exams, bank: () => itemBank(store) });
		const taken = await exams.attemptsOf({ kind: 'user', id: 'u3' });
		expect(await exams.attemptsOf({ kind: 'user', id: 'u1' })).toEqual([]);
		expect(taken.map((a) => a.status)).toEqual(['submitted', 'submitted']);
		expect(taken.every((a) => a.score !== null && a.submittedAt! < now.getTime())).toBe(true);
		const queue = await pendingApprovals(store);
		expect(queue).toEqual([expect.objectContaining({ kind: 'adjustment', ownerId: 'u2', requestedByName: 'James Okafor' })]);
	}, 120_000);
});
