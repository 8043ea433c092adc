import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../auth/types';
import { FileStore } from '../store';
import { runCommand } from '../workstation/service';
import { attemptsOf, findScenario, getAttempt, startAttempt, submitAttempt } from './attempts';
import { readReview, reviewAttempt, ReviewError, rubricOf } from './review';

const trainee = { id: 'u_rev_trainee', username: 'trainee', displayName: 'Maria Delgado', roles: ['trainee'] } as unknown as SessionUser;
const supervisor = { id: 'u_rev_sup', username: 'supervisor', displayName: 'Patricia Nguyen', roles: ['supervisor'] } as unknown as SessionUser;
let dir: string;
let store: FileStore;

beforeAll(async () => {
	dir = await mkdtemp(join(tmpdir(), 'training-review-'));
	store = new FileStore(dir);
});
afterAll(async () => {
	await rm(dir, { recursive: true, force: true });
});

const WAIVER = 'No. The account had another late payment in the last 12 months (the bill dated August 5, with a $99.65 penalty), so the waiver rule is not met.';

async function submittedLetter(at: number) {
	const attempt = await startAttempt(trainee, 'letter-to-customer', () => new Date(at), store);
	const noted = await runCommand(attempt.sandboxId, trainee, { type: 'utility.add-note', account: '100-0608', note: 'Waiver denied: late in August too. Letter sent.' }, new Date(at + 60_000), store);
	expect(noted.ok).toBe(true);
	return submitAttempt(trainee, attempt.id, { answers: { waiver: WAIVER, 'other-penalty': '2026-08-27' }, written: { letter: 'Dear Mr. Ruiz, …' } }, new Date(at + 600_000), store);
}

describe('supervisor review of written work', () => {
	it('scores the letter, folds it into the grade and updates the index line', async () => {
		const submitted = await submittedLetter(Date.parse('2026-11-20T17:00:00.000Z'));
		expect(submitted.grade).toMatchObject({ status: 'awaiting-review', awaitingReview: ['letter'], accuracy: 100 });

		const reviewed = await reviewAttempt(supervisor, submitted.id, 'letter', { points: [2, 3, 2, 1, 1], comment: 'Add the counter phone number.' }, new Date('2026-11-21T09:00:00.000Z'), store);
		// 9 of 10 points on the weight-5 check: 13.5 of 14 weight = 96%.
		expect(reviewed.grade).toMatchObject({ status: 'passed', accuracy: 96, awaitingReview: [] });
		expect(reviewed.grade!.checks.find((c) => c.id === 'letter')).toMatchObject({ passed: true, pending: false, earned: '4.50' });
		expect(reviewed.reviews.letter).toMatchObject({ points: [2, 3, 2, 1, 1], comment: 'Add the counter phone number.', by: supervisor.id, byName: 'Patricia Nguyen', at: '2026-11-21T09:00:00.000Z' });
		// Same elapsed time as at submit: speed is unchanged by when the supervisor got to it.
		expect(reviewed.grade!.elapsedSeconds).toBe(submitted.grade!.elapsedSeconds);
		expect((await getAttempt(submitted.id, store))!.grade).toEqual(reviewed.grade);
		const line = (await attemptsOf(trainee.id, store)).find((a) => a.id === submitted.id)!;
		expect(line).toMatchObject({ status: 'passed', accuracy: 96 });

		// A second review replaces the first.
		const again = await reviewAttempt(supervisor, submitted.id, 'letter', { points: [0, 0, 1, 0, 1] }, new Date('2026-11-21T10:00:00.000Z'), store);
		expect(again.grade).toMatchObject({ status: 'failed', accuracy: 71 }); // 2 of 10 points: 10 of 14 weight
		expect(again.reviews.letter?.comment).toBeUndefined();
	});

	it('refuses points out of range, unknown checks and unsubmitted attempts, changing nothing', async () => {
		const submitted = await submittedLetter(Date.parse('2026-11-22T17:00:00.000Z'));
		await expect(reviewAttempt(supervisor, submitted.id, 'letter', { points: [3, 3, 2, 1, 2] }, new Date(), store)).rejects.toThrow(/criterion 1 must be a whole number from 0 to 2/);
		await expect(reviewAttempt(supervisor, submitted.id, 'letter', { points: [1, 1] }, new Date(), store)).rejects.toThrow(/5 criteria/);
		await expect(reviewAttempt(supervisor, submitted.id, 'waiver-answer', { points: [1] }, new Date(), store)).rejects.toThrow(ReviewError);
		await expect(reviewAttempt(supervisor, 'att_nope', 'letter', { points: [1] }, new Date(), store)).rejects.toThrow('There is no such attempt.');
		expect((await getAttempt(submitted.id, store))!.grade!.status).toBe('awaiting-review');

		const open = await startAttempt(trainee, 'letter-to-customer', () => new Date('2026-11-23T17:00:00.000Z'), store);
		await expect(reviewAttempt(supervisor, open.id, 'letter', { points: [2, 3, 2, 1, 2] }, new Date(), store)).rejects.toThrow(/not been submitted/);
	});

	it('reads the grading form with messages a supervisor can act on', async () => {
		const scenario = (await findScenario('letter-to-customer'))!;
		const check = rubricOf(scenario, 'letter')!;
		const form = (entries: Record<string, string>) => {
			const f = new FormData();
			for (const [k, v] of Object.entries(entries)) f.set(k, v);
			return f;
		};
		expect(readReview(check, form({ 'points-0': '2', 'points-1': '3', 'points-2': '1', 'points-3': '0', 'points-4': '2', comment: '  Good.  ' }))).toEqual({ points: [2, 3, 1, 0, 2], comment: 'Good.' });
		expect(() => readReview(check, form({ 'points-0': '2' }))).toThrow('Give points for criterion 2 (0 to 3).');
		expect(() => readReview(check, form({ 'points-0': '1.5', 'points-1': '3', 'points-2': '1', 'points-3': '0', 'points-4': '2' }))).toThrow(/from 0 to 2; "1.5" is not/);
		expect(() => readReview(check, form({ 'points-0': '2', 'points-1': '3', 'points-2': '1', 'points-3': '0', 'points-4': '2', comment: 'x'.repeat(2001) }))).toThrow(/under 2,000/);
	});
});
