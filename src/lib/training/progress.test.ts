import { describe, expect, it } from 'vitest';
import { dutyMastery, nextStep, reviewQueue, type AttemptLine } from './progress';

let n = 0;
function attempt(over: Partial<AttemptLine> & { scenarioId: string }): AttemptLine {
	n++;
	return {
		id: `att_${String(n).padStart(3, '0')}`,
		duty: 'cashiering',
		submittedAt: `2026-11-${String(n).padStart(2, '0')}T17:00:00.000Z`,
		status: 'passed',
		accuracy: 100,
		elapsedSeconds: 100,
		targetSeconds: 150,
		...over
	};
}

describe('dutyMastery', () => {
	it('is not started with no graded attempt (an open one does not count)', () => {
		const m = dutyMastery('cashiering', [attempt({ scenarioId: 'a', status: 'in-progress', submittedAt: null, accuracy: null, elapsedSeconds: null })]);
		expect(m).toMatchObject({ status: 'not-started', graded: 0, averageAccuracy: null });
	});

	it('is mastered by two recent attempts at 90% or more within the target time', () => {
		const m = dutyMastery('cashiering', [attempt({ scenarioId: 'a', accuracy: 60, status: 'failed' }), attempt({ scenarioId: 'a', accuracy: 90 }), attempt({ scenarioId: 'b', accuracy: 95 })]);
		expect(m).toMatchObject({ status: 'mastered', graded: 3, streak: 2, averageAccuracy: 82 });
	});

	it('is still learning when the latest attempt was slower than the target, however accurate', () => {
		const m = dutyMastery('cashiering', [attempt({ scenarioId: 'a' }), attempt({ scenarioId: 'b', elapsedSeconds: 151 })]);
		expect(m).toMatchObject({ status: 'learning', streak: 0 });
	});

	it('is still learning at 89% accuracy, and ignores other duties and attempts waiting for a supervisor', () => {
		const m = dutyMastery('cashiering', [
			attempt({ scenarioId: 'a' }),
			attempt({ scenarioId: 'b', accuracy: 89 }),
			attempt({ scenarioId: 'x', duty: 'mail' }),
			attempt({ scenarioId: 'l', status: 'awaiting-review' })
		]);
		expect(m).toMatchObject({ status: 'learning', streak: 0, graded: 2 });
	});
});

describe('reviewQueue', () => {
	it('brings back scenarios whose latest attempt failed, oldest first, until a later attempt passes', () => {
		const list = [
			attempt({ scenarioId: 'a', status: 'failed', accuracy: 40 }),
			attempt({ scenarioId: 'b', status: 'failed', accuracy: 70 }),
			attempt({ scenarioId: 'c', status: 'failed', accuracy: 20 }),
			attempt({ scenarioId: 'a', status: 'passed', accuracy: 95 })
		];
		expect(reviewQueue(list).map((r) => [r.scenarioId, r.lastAccuracy])).toEqual([
			['b', 70],
			['c', 20]
		]);
	});
});

describe('nextStep', () => {
	const duties = ['cashiering', 'mail'];
	const lessons = [{ id: 'tenders', duty: 'cashiering' }, { id: 'mail-101', duty: 'mail' }];
	const scenarios = [
		{ id: 'cash-1', duty: 'cashiering' },
		{ id: 'cash-2', duty: 'cashiering' },
		{ id: 'mail-1', duty: 'mail' }
	];

	it('starts with the first duty\'s lesson', () => {
		expect(nextStep(duties, lessons, scenarios, [])).toMatchObject({ kind: 'lesson', lessonId: 'tenders' });
	});

	it('resumes an open attempt first', () => {
		const open = attempt({ scenarioId: 'cash-2', status: 'in-progress', submittedAt: null, accuracy: null, elapsedSeconds: null });
		expect(nextStep(duties, lessons, scenarios, [open])).toMatchObject({ kind: 'resume', attemptId: open.id });
	});

	it('then a scenario not tried, then one that went wrong, then moves to the next duty once mastered', () => {
		const first = attempt({ scenarioId: 'cash-1', status: 'failed', accuracy: 50 });
		expect(nextStep(duties, lessons, scenarios, [first])).toMatchObject({ kind: 'scenario', scenarioId: 'cash-2' });
		const second = attempt({ scenarioId: 'cash-2' });
		expect(nextStep(duties, lessons, scenarios, [first, second])).toMatchObject({ kind: 'scenario', scenarioId: 'cash-1' });
		const third = attempt({ scenarioId: 'cash-1' });
		expect(nextStep(duties, lessons, scenarios, [first, second, third])).toMatchObject({ kind: 'lesson', lessonId: 'mail-101' });
	});

	it('is done when every duty with scenarios is mastered', () => {
		const all = [attempt({ scenarioId: 'cash-1' }), attempt({ scenarioId: 'cash-2' }), attempt({ scenarioId: 'mail-1', duty: 'mail' }), attempt({ scenarioId: 'mail-1', duty: 'mail' })];
		expect(nextStep(duties, lessons, scenarios, all).kind).toBe('done');
	});
});

describe('the policy page states the rules the code applies', () => {
	it('mastery and scoring numbers match', async () => {
		const { readFile } = await import('node:fs/promises');
		const { PASS_ACCURACY, SPEED_COUNTS_FROM, SPEED_SHARE, FAILED_CAP } = await import('$lib/grading');
		const { MASTERY_ACCURACY, MASTERY_ATTEMPTS } = await import('./progress');
		const policy = await readFile('content/pages/policy.md', 'utf8');
		expect(MASTERY_ATTEMPTS).toBe(2);
		expect(policy).toContain(`your two most recent graded attempts at its scenarios each reach ${MASTERY_ACCURACY}% accuracy`);
		expect(policy).toContain(`Overall is ${100 - SPEED_SHARE}% of accuracy plus ${SPEED_SHARE}% of speed, speed counting only from ${SPEED_COUNTS_FROM}% accuracy`);
		expect(policy).toContain(`caps overall at ${FAILED_CAP}%; otherwise an attempt passes from ${PASS_ACCURACY}% accuracy`);
	});
});
