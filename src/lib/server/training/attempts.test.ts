import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../auth/types';
import { FileStore } from '../store';
import { runCommand, sandboxes } from '../workstation/service';
import { AttemptError, MAX_ANSWER_CHARS, attemptsOf, findScenario, getAttempt, readSubmission, startAttempt, submitAttempt } from './attempts';

const trainee = { id: 'u_trainee', username: 'trainee', displayName: 'Maria Delgado', roles: ['trainee'] } as unknown as SessionUser;
let dir: string;
let store: FileStore;

beforeAll(async () => {
	dir = await mkdtemp(join(tmpdir(), 'training-attempts-'));
	store = new FileStore(dir);
});
afterAll(async () => {
	await rm(dir, { recursive: true, force: true });
});

function form(entries: Record<string, string>): FormData {
	const f = new FormData();
	for (const [k, v] of Object.entries(entries)) f.set(k, v);
	return f;
}

describe('scenario attempts', () => {
	it('runs in its own sandbox with the setup applied, keeps time on the server and grades on submit', async () => {
		let t = Date.parse('2026-11-26T17:00:00.000Z');
		const attempt = await startAttempt(trainee, 'cash-payment-with-change', () => new Date(t), store);
		expect(attempt.setupEventCount).toBeGreaterThan(0);
		const opened = await sandboxes(store).open(attempt.sandboxId);
		expect(opened!.meta).toMatchObject({ kind: 'attempt', ownerId: trainee.id, ref: attempt.id });

		// The date is the scenario's.
		const clock = await runCommand(attempt.sandboxId, trainee, { type: 'clock.next-day' }, new Date(t), store);
		expect(clock.ok).toBe(false);

		const paid = await runCommand(
			attempt.sandboxId,
			trainee,
			{ type: 'cash.take-payment', lines: [{ kind: 'utility', ref: '100-0006', amount: '180.82' }], tenders: [{ type: 'cash', amount: '200.00' }] },
			new Date(t),
			store
		);
		expect(paid.ok).toBe(true);

		t += 120_000;
		const scenario = (await findScenario('cash-payment-with-change'))!;
		const graded = await submitAttempt(trainee, attempt.id, readSubmission(scenario, form({ 'answer-change': ' 19.18 ' })), new Date(t), store);
		expect(graded.grade).toMatchObject({ status: 'passed', accuracy: 100, speed: 100, overall: 100, elapsedSeconds: 120 });
		expect(graded.answers).toEqual({ change: '19.18' });

		// Submitted means closed: nothing more can be posted, and a second submit changes nothing.
		const late = await runCommand(attempt.sandboxId, trainee, { type: 'cash.take-payment', lines: [], tenders: [] }, new Date(t), store);
		expect(late.ok).toBe(false);
		const again = await submitAttempt(trainee, attempt.id, { answers: {}, written: {} }, new Date(t + 60_000), store);
		expect(again.grade).toEqual(graded.grade);
		expect((await getAttempt(attempt.id, store))!.submittedAt).toBe('2026-11-26T17:02:00.000Z');

		const summaries = await attemptsOf(trainee.id, store);
		expect(summaries).toEqual([expect.objectContaining({ id: attempt.id, status: 'passed', accuracy: 100, elapsedSeconds: 120, targetSeconds: scenario.targetSeconds })]);
	});

	it('grades a mistake as such, and only the owner may submit', async () => {
		const attempt = await startAttempt(trainee, 'cash-payment-with-change', () => new Date('2026-11-26T18:00:00.000Z'), store);
		const other = { ...trainee, id: 'u_other' } as SessionUser;
		await expect(submitAttempt(other, attempt.id, { answers: {}, written: {} }, new Date('2026-11-26T18:01:00.000Z'), store)).rejects.toThrow(AttemptError);
		const graded = await submitAttempt(trainee, attempt.id, { answers: { change: '91.18' }, written: {} }, new Date('2026-11-26T18:20:00.000Z'), store);
		expect(graded.grade!.status).toBe('failed');
		expect(graded.grade!.criticalFailed).toContain('payment-posted');
		expect(graded.grade!.speed).toBe(0); // 20 minutes against a 2 min 30 s target
	});

	it('refuses an unknown scenario and an over-long answer with a message', async () => {
		await expect(startAttempt(trainee, 'no-such-scenario', () => new Date(), store)).rejects.toThrow('There is no such scenario.');
		const scenario = (await findScenario('cash-payment-with-change'))!;
		expect(() => readSubmission(scenario, form({ 'answer-change': '1'.repeat(MAX_ANSWER_CHARS + 1) }))).toThrow(/too long/);
		// Fields that are not the scenario's are ignored.
		expect(readSubmission(scenario, form({ 'answer-change': '19.18', 'answer-__proto__': 'x', other: 'y' }))).toEqual({ answers: { change: '19.18' }, written: {} });
	});
});
