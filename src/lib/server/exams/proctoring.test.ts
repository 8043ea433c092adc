import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readKeyCorrection, type ExamItem } from '$lib/exams';
import { ALL_KINDS_BANK, blueprint, essay, numeric, single, SKILLS_BANK } from '$lib/exams/test-bank';
import { FileStore } from '../store';
import { ExamAttempts, MAX_ADDED_MINUTES, remainingMs, type Attempt, type AttemptOwner } from './attempts';
import { examClock } from './clock';

const MINUTE = 60_000;
const T0 = Date.UTC(2026, 10, 26, 9, 0, 0);
const applicant: AttemptOwner = { kind: 'applicant', id: 's_000000000001-c_000000000001' };

let dir: string;
let now: number;
let ids: number;

beforeEach(async () => {
	dir = await mkdtemp(join(tmpdir(), 'exam-proctoring-'));
	now = T0;
	ids = 0;
});
afterEach(async () => {
	await rm(dir, { recursive: true, force: true });
});

const exam = blueprint({ id: 'exam', timeLimitMinutes: 60, attemptsAllowed: 1, showAfterSubmit: 'nothing-until-release', passingPoint: { percent: '50' } });
const skills = blueprint({ id: 'skills', timeLimitMinutes: 30, attemptsAllowed: 1 });

function service(bank: ExamItem[] = ALL_KINDS_BANK) {
	return new ExamAttempts({
		store: new FileStore(dir),
		now: () => now,
		clock: examClock(MINUTE),
		blueprints: async () => [exam, { ...skills, sections: [{ id: 's', title: 'Skills', items: SKILLS_BANK.map((i) => i.id), draw: [] }] }],
		bank: async () => bank,
		newId: () => `a_${(++ids).toString(16).padStart(16, '0')}`
	});
}

async function started(s: ExamAttempts, id = 'exam'): Promise<Readonly<Attempt>> {
	const r = await s.start(applicant, id);
	if (!r.ok) throw new Error(r.error);
	return (await s.get(r.attemptId))!;
}

const indexOf = (a: Readonly<Attempt>, itemId: string) => a.delivered.findIndex((d) => d.itemId === itemId);
const save = (s: ExamAttempts, a: Readonly<Attempt>, index: number, response: unknown) => s.save(a.id, applicant, { saves: [{ index, seq: 'next', response, flagged: false }] });
const singleRight = (a: Readonly<Attempt>) => {
	// The delivered order shuffles options: find where the written option 1 ($175.00) is shown.
	const d = a.delivered[indexOf(a, 'single')]!;
	return { kind: 'single-choice', choice: (d.order ?? [0, 1, 2]).indexOf(1) };
};

describe('pausing and resuming', () => {
	it('stops the clock: saves are refused as paused and kept by the browser; the deadline moves on by the pause', async () => {
		const s = service();
		const a = await started(s);
		now += 10 * MINUTE;
		const paused = await s.pause(a.id);
		expect(paused.ok && paused.attempt.pausedAt).toBe(T0 + 10 * MINUTE);
		now += 15 * MINUTE;
		expect(remainingMs((await s.get(a.id))!, now)).toBe(50 * MINUTE);
		const refused = await save(s, a, indexOf(a, 'single'), singleRight(a));
		expect(refused).toMatchObject({ ok: false, code: 'paused', remainingMs: 50 * MINUTE });
		// Past the original deadline while paused: not closed, by a page view or by the sweeper.
		now = T0 + 70 * MINUTE;
		expect((await s.get(a.id))!.status).toBe('in-progress');
		expect((await s.sweep()).closed).toEqual([]);
		const resumed = await s.resume(a.id);
		expect(resumed.ok && resumed.attempt.deadline).toBe(T0 + 60 * MINUTE + 60 * MINUTE);
		expect(resumed.ok && resumed.attempt.pausedAt).toBeNull();
		expect(await save(s, a, indexOf(a, 'single'), singleRight(a))).toMatchObject({ ok: true, remainingMs: 50 * MINUTE });
		// The open index has the new deadline: the sweeper closes it then, not before.
		const open = JSON.parse(await readFile(join(dir, 'exams/open-attempts.json'), 'utf8'));
		expect(open.open[a.id]).toBe(T0 + 120 * MINUTE);
		now = T0 + 119 * MINUTE;
		expect((await s.sweep()).closed).toEqual([]);
		now = T0 + 125 * MINUTE;
		expect((await s.sweep()).closed).toEqual([a.id]);
	});

	it('pausing twice changes nothing, and resuming an attempt that is not paused changes nothing', async () => {
		const s = service();
		const a = await started(s);
		await s.pause(a.id);
		now += MINUTE;
		await s.pause(a.id);
		expect((await s.get(a.id))!.pausedAt).toBe(T0);
		await s.resume(a.id);
		now += MINUTE;
		const again = await s.resume(a.id);
		expect(again.ok && again.attempt.deadline).toBe(T0 + 61 * MINUTE);
	});

	it('a skills test running at the pause gets its time back', async () => {
		const s = service(SKILLS_BANK);
		const a = await started(s, 'skills');
		const typing = indexOf(a, 'typing');
		const started1 = await s.startSkill(a.id, applicant, typing);
		expect(started1.ok).toBe(true);
		now += MINUTE;
		await s.pause(a.id);
		now += 10 * MINUTE;
		await s.resume(a.id);
		const after = (await s.get(a.id))!;
		expect(after.skills?.[String(typing)]?.startedAt).toBe(T0 + 10 * MINUTE);
	});

	it('refuses proctor changes to a closed attempt, and to one that does not exist', async () => {
		const s = service();
		const a = await started(s);
		await s.submit(a.id, applicant);
		expect(await s.pause(a.id)).toMatchObject({ ok: false, code: 'closed' });
		expect(await s.addTime(a.id, 5)).toMatchObject({ ok: false, code: 'closed' });
		expect(await s.pause('a_ffffffffffffffff')).toMatchObject({ ok: false, code: 'not-found' });
	});
});

describe('adding time', () => {
	it('moves the deadline by whole exam minutes and keeps the total', async () => {
		const s = service();
		const a = await started(s);
		const r = await s.addTime(a.id, 15);
		expect(r.ok && r.attempt.deadline).toBe(T0 + 75 * MINUTE);
		expect(r.ok && r.attempt.extendedMs).toBe(15 * MINUTE);
		now = T0 + 70 * MINUTE;
		expect((await s.get(a.id))!.status).toBe('in-progress');
	});

	it.each([0, -5, 2.5, MAX_ADDED_MINUTES + 1, '10', null])('refuses %s minutes with a message and changes nothing', async (minutes) => {
		const s = service();
		const a = await started(s);
		const r = await s.addTime(a.id, minutes);
		expect(r).toMatchObject({ ok: false, code: 'invalid' });
		expect(r.ok ? '' : r.error).toMatch(/whole number from 1 to 240/);
		expect((await s.get(a.id))!.deadline).toBe(a.deadline);
	});
});

describe('voiding an attempt', () => {
	it('closes it with the reason; it keeps its answers, takes no more saves, and shows no score', async () => {
		const s = service();
		const a = await started(s);
		await save(s, a, indexOf(a, 'single'), singleRight(a));
		const r = await s.voidAttempt(a.id, '  Used a phone   during the exam. ', 'Pat Proctor');
		expect(r.ok && r.attempt.status).toBe('voided');
		expect(r.ok && r.attempt.voided).toEqual({ reason: 'Used a phone during the exam.', by: 'Pat Proctor', at: T0 });
		expect(await save(s, a, indexOf(a, 'single'), null)).toMatchObject({ ok: false, code: 'closed' });
		expect(await s.voidAttempt(a.id, 'Again for some reason', 'Pat')).toMatchObject({ ok: false, code: 'closed' });
	});

	it('needs a reason', async () => {
		const s = service();
		const a = await started(s);
		expect(await s.voidAttempt(a.id, ' no ', 'Pat')).toMatchObject({ ok: false, code: 'invalid' });
		expect((await s.get(a.id))!.status).toBe('in-progress');
	});
});

describe('scoring by a person, adjustments and release', () => {
	it('an essay scored with the rubric counts in raw and clears pending', async () => {
		const s = service();
		const a = await started(s);
		const e = indexOf(a, 'essay');
		await save(s, a, e, { kind: 'essay', text: 'Dear Mr. Ortiz, the waiver was already used in January.' });
		await s.submit(a.id, applicant);
		const before = (await s.get(a.id))!;
		expect(before.score?.pending).toEqual(['essay']);
		expect(await s.scoreEssay(a.id, e, ['5', '1'], 'Hana HR')).toMatchObject({ ok: false, code: 'invalid', error: expect.stringMatching(/Decision and reason/) });
		expect(await s.scoreEssay(a.id, indexOf(a, 'single'), ['1'], 'Hana HR')).toMatchObject({ ok: false, code: 'invalid' });
		const r = await s.scoreEssay(a.id, e, ['3.5', '2'], 'Hana HR');
		expect(r.ok).toBe(true);
		const after = (await s.get(a.id))!;
		expect(after.score?.pending).toEqual([]);
		expect(after.score?.items[e]).toEqual({ itemId: 'essay', outcome: 'partial', points: '5.50', max: '6.00' });
		expect(after.personScores?.[String(e)]).toMatchObject({ marks: ['3.5', '2'], points: '5.50', by: 'Hana HR' });
		expect(after.score?.raw).toBe('5.50');
	});

	it('refuses essay scores while the attempt is in progress', async () => {
		const s = service();
		const a = await started(s);
		expect(await s.scoreEssay(a.id, indexOf(a, 'essay'), ['1', '1'], 'Hana')).toMatchObject({ ok: false, code: 'invalid', error: expect.stringMatching(/in progress/) });
	});

	it('a corrected key and a voided item change the score of everyone re-scored, and an essay score survives', async () => {
		const s = service();
		const a = await started(s);
		await save(s, a, indexOf(a, 'single'), singleRight(a));
		await save(s, a, indexOf(a, 'numeric'), { kind: 'numeric', value: '99.00' });
		await s.submit(a.id, applicant);
		await s.scoreEssay(a.id, indexOf(a, 'essay'), ['4', '2'], 'Hana');
		const before = (await s.get(a.id))!.score!;
		expect(before.items[indexOf(a, 'single')]!.outcome).toBe('correct');
		expect(before.items[indexOf(a, 'numeric')]!.outcome).toBe('incorrect');

		const fixNumeric = readKeyCorrection(numeric, { answer: '99' });
		expect(fixNumeric.ok).toBe(true);
		const r = await s.rescore(a.id, { voided: ['single'], corrections: fixNumeric.ok ? { numeric: fixNumeric.correction } : {} });
		expect(r.ok).toBe(true);
		const after = (await s.get(a.id))!.score!;
		expect(after.items[indexOf(a, 'single')]).toEqual({ itemId: 'single', outcome: 'voided', points: '0.00', max: '0.00' });
		expect(after.items[indexOf(a, 'numeric')]!.outcome).toBe('correct');
		expect(after.items[indexOf(a, 'essay')]!.points).toBe('6.00');
		// The voided item leaves max for everyone.
		expect(Number(after.max)).toBe(Number(before.max) - single.points);
	});

	it('release lets the candidate see a score the blueprint holds back until then', async () => {
		const s = service();
		const a = await started(s);
		await s.submit(a.id, applicant);
		const { scoreVisible } = await import('./attempts');
		expect(scoreVisible((await s.get(a.id))!)).toBe(false);
		now += MINUTE;
		await s.release(a.id);
		const released = (await s.get(a.id))!;
		expect(released.releasedAt).toBe(T0 + MINUTE);
		expect(scoreVisible(released)).toBe(true);
	});
});

describe('key corrections as HR types them', () => {
	it('reads each correctable kind and refuses what does not fit', () => {
		expect(readKeyCorrection(single, { correct: ['2'] })).toEqual({ ok: true, correction: { kind: 'choice', correct: [2] } });
		expect(readKeyCorrection(single, { correct: ['0', '2'] })).toMatchObject({ ok: false, error: 'Choose exactly one right option.' });
		expect(readKeyCorrection(single, { correct: ['7'] })).toMatchObject({ ok: false });
		expect(readKeyCorrection(numeric, { answer: 'twelve' })).toMatchObject({ ok: false });
		expect(readKeyCorrection(essay, { answer: '1' })).toMatchObject({ ok: false, error: expect.stringMatching(/void the question instead/) });
	});
});

describe('ending an attempt early', () => {
	it('closes and scores an attempt in progress; a closed one is refused', async () => {
		const s = service();
		const a = await started(s);
		await save(s, a, indexOf(a, 'single'), singleRight(a));
		now += MINUTE;
		const r = await s.end(a.id, 'Lee Park');
		expect(r.ok && r.attempt.status).toBe('closed-at-deadline');
		expect(r.ok && r.attempt.endedEarly).toEqual({ by: 'Lee Park', at: T0 + MINUTE });
		expect(r.ok && r.attempt.closedAt).toBe(T0 + MINUTE);
		expect(r.ok && r.attempt.score?.items[indexOf(a, 'single')]?.outcome).toBe('correct');
		expect(await s.end(a.id, 'Lee Park')).toMatchObject({ ok: false, code: 'closed' });
	});
});

describe('a corrected key in words', () => {
	it('money reads as dollars; choices by letter and text', async () => {
		const { describeKeyCorrection } = await import('$lib/exams');
		expect(describeKeyCorrection(numeric, { kind: 'numeric', answer: '1234.5' })).toBe('$1,234.50');
		expect(describeKeyCorrection(single, { kind: 'choice', correct: [2] })).toBe('option C (“$350.00”)');
	});
});
