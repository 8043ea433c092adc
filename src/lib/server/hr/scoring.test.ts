import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExamItem, ItemResponse } from '$lib/exams';
import { blueprint, essay, numeric, single } from '$lib/exams/test-bank';
import { FileStore } from '../store';
import { ExamAttempts } from '../exams/attempts';
import { examClock } from '../exams/clock';
import { sessionList } from './lists';
import { HrScoring, readResponseKey } from './scoring';
import { FINISH_THROUGH_SCORING, HrSessions } from './sessions';

const T0 = Date.UTC(2027, 2, 14, 17, 0, 0);
const hr = { id: 'u_hr', displayName: 'Hana Ruiz' };
const letter: ExamItem = { ...essay, id: 'essay-2', stem: 'Write to Ms. Lee about her refund.' };
// single (1 point), numeric (1 point), two essays (6 points each): 14 points.
const exam = blueprint({
	id: 'clerk-exam',
	shuffleItems: false,
	shuffleOptions: false,
	passingPoint: { percent: '50' },
	sections: [
		{ id: 'knowledge', title: 'Knowledge', items: ['single', 'numeric'], draw: [] },
		{ id: 'writing', title: 'Writing', items: ['essay', 'essay-2'], draw: [] }
	]
});

let dir: string;
let now: number;
let n: number;
beforeEach(async () => {
	dir = await mkdtemp(join(tmpdir(), 'hr-scoring-'));
	now = T0;
	n = 0;
});
afterEach(async () => {
	await rm(dir, { recursive: true, force: true });
});

function setup() {
	const store = new FileStore(dir);
	const attempts = new ExamAttempts({
		store,
		now: () => now,
		clock: examClock(60_000),
		blueprints: async () => [exam],
		bank: async () => [single, numeric, essay, letter],
		newId: () => `a_${(++n).toString(16).padStart(16, '0')}`
	});
	const sessions = new HrSessions({ store, now: () => now, blueprints: async () => [exam], newId: () => (++n).toString(16).padStart(12, '0') });
	const scoring = new HrScoring({ store, sessions, attempts, now: () => now });
	return { store, attempts, sessions, scoring };
}

type Plan = { single: boolean; numeric: string; letters: [string, string]; submit?: boolean };

/** A closed session of candidates A-1…; each plan is one candidate's attempt (null = absent). */
async function sessionWith(plans: (Plan | null)[]) {
	const ctx = setup();
	const { sessions, attempts } = ctx;
	const made = await sessions.create({ blueprintId: 'clerk-exam', date: '2027-03-14', startTime: '09:00', location: 'City Hall', proctors: 'Lee Park' }, hr);
	if (!made.ok) throw new Error('not created');
	const id = made.id;
	const csv = ['id,name,email', ...plans.map((_, i) => `A-${i + 1},Person ${i + 1},p${i + 1}@example.com`)].join('\n');
	await sessions.importRoster(id, csv, hr);
	const roster = (await sessions.get(id))!.candidates;
	const ids: string[] = [];
	for (const [i, plan] of plans.entries()) {
		if (!plan) continue;
		const owner = { kind: 'applicant' as const, id: `${id}-${roster[i]!.candidateId}` };
		const started = await attempts.start(owner, 'clerk-exam');
		if (!started.ok) throw new Error(started.error);
		// Option 1 ($175.00) is right; the candidate clicks a display position.
		const order = (await attempts.get(started.attemptId))!.delivered[0]!.order!;
		const responses: ItemResponse[] = [
			{ kind: 'single-choice', choice: order.indexOf(plan.single ? 1 : 0) },
			{ kind: 'numeric', value: plan.numeric },
			{ kind: 'essay', text: plan.letters[0] },
			{ kind: 'essay', text: plan.letters[1] }
		];
		await attempts.save(started.attemptId, owner, { saves: responses.map((response, index) => ({ index, seq: 1, response, flagged: false })) });
		if (plan.submit !== false) await attempts.submit(started.attemptId, owner);
		await sessions.linkAttempt(id, roster[i]!.candidateId, started.attemptId, hr);
		ids.push(started.attemptId);
	}
	return { ...ctx, id, ids, session: async () => (await sessions.get(id))! };
}

/** Force the status the way the data would have it after exam day (exam-day.ts and the proctor console move it). */
async function setStatus(ctx: { store: FileStore; id: string }, status: string) {
	await ctx.store.update<{ status: string }, void>(`hr/sessions/${ctx.id}`, () => {
		throw new Error('missing');
	}, (s) => {
		s.status = status;
	});
}

const right: Plan = { single: true, numeric: '6.00', letters: ['Dear Mr. Ortiz,\nThe waiver was already given in January.\n\nSincerely', 'Dear Ms. Lee, your refund is on its way.'] };
const wrong: Plan = { single: false, numeric: '5.00', letters: ['Dear Sir', ''] };

describe('the essay queue', () => {
	it('lists every essay of the closed attempts, waiting first by question then applicant; open and voided attempts stay out', async () => {
		const ctx = await sessionWith([wrong, right, { ...right, submit: false }, right, null]);
		const { scoring, attempts, ids } = ctx;
		await attempts.voidAttempt(ids[3]!, 'Used a phone during the exam.', 'Pat Proctor');
		const q = await scoring.queue(await ctx.session());
		expect(q.waiting.map((e) => [e.applicantId, e.itemId, e.question])).toEqual([
			['A-1', 'essay', 3],
			['A-2', 'essay', 3],
			['A-1', 'essay-2', 4],
			['A-2', 'essay-2', 4]
		]);
		expect(q.scored).toEqual([]);
		expect(q.inProgress).toBe(1);
		expect(q.waiting[0]).toMatchObject({ sectionTitle: 'Writing', title: 'Write to Mr. Ortiz.', max: '6.00', words: 2, scored: null });
		// The grader's view: the question, the text with its line breaks, the rubric.
		const r = (await scoring.response(await ctx.session(), q.waiting[1]!.key))!;
		expect(r.text).toBe(right.letters[0]);
		expect(r.rubric).toEqual([
			{ criterion: 'Decision and reason', points: 4, description: 'Says a waiver was already given in January.' },
			{ criterion: 'Tone', points: 2, description: null }
		]);
		expect(r.next).toBe(q.waiting[0]!.key);
		expect(readResponseKey(r.key)).toEqual({ attemptId: ids[1], index: 2 });
		// Keys of other sessions, other questions or nonsense are not in the queue.
		expect(await scoring.response(await ctx.session(), `${ids[1]}-0`)).toBeUndefined();
		expect(await scoring.response(await ctx.session(), `${ids[3]}-2`)).toBeUndefined();
		expect(await scoring.response(await ctx.session(), 'a_nonsense-2')).toBeUndefined();
	});

	it('scores an essay with the rubric: bad marks name their criterion and store nothing; saving moves on; scoring again is logged', async () => {
		const ctx = await sessionWith([wrong, right]);
		const { scoring, attempts, ids, id } = ctx;
		const first = (await scoring.queue(await ctx.session())).waiting[0]!;
		const bad = await scoring.scoreEssay(id, first.key, ['4.5', '2.125'], hr);
		expect(bad).toMatchObject({ ok: false, code: 'invalid' });
		expect(!bad.ok && bad.fields).toEqual([
			'“Decision and reason” must be at most 4. Give 0 to 4, with at most 2 decimals.',
			'“Tone” can have at most 2 decimal places. Give 0 to 2, with at most 2 decimals.'
		]);
		expect(await scoring.scoreEssay(id, first.key, ['', '1'], hr)).toMatchObject({ fields: ['“Decision and reason” needs a mark. Give 0 to 4, with at most 2 decimals.', null] });
		expect((await attempts.get(ids[0]!))!.personScores).toBeUndefined();

		const saved = await scoring.scoreEssay(id, first.key, ['2.5', '1'], hr);
		expect(saved).toEqual({ ok: true, points: '3.50', rescored: false, next: expect.any(String) });
		const q = await scoring.queue(await ctx.session());
		expect(q.waiting).toHaveLength(3);
		expect(saved.ok && saved.next).toBe(q.waiting[0]!.key);
		expect(q.scored).toEqual([expect.objectContaining({ key: first.key, scored: { marks: ['2.5', '1'], points: '3.50', by: 'Hana Ruiz', at: new Date(T0).toISOString() } })]);
		expect((await attempts.get(ids[0]!))!.score).toMatchObject({ raw: '3.50', pending: ['essay-2'] });

		// Scoring again replaces the marks and goes in the session's log.
		const again = await scoring.scoreEssay(id, first.key, ['4', '2'], hr);
		expect(again).toMatchObject({ ok: true, points: '6.00', rescored: true });
		expect((await ctx.session()).log.at(-1)!.action).toBe('Essay scored again: applicant A-1, question 3 (essay), 3.50 → 6.00 points.');
		expect(await scoring.scoreEssay(id, `${ids[0]}-0`, ['1'], hr)).toMatchObject({ ok: false, code: 'not-found' });
	});
});

describe('voiding an item and correcting a key', () => {
	it('re-scores every closed attempt; the pass count changes; undo re-scores again; each change is logged with its reason', async () => {
		// Essays all scored 3 of 6: A-1 wrong on both keyed items, A-2 and A-3 right.
		const ctx = await sessionWith([wrong, right, { ...right, numeric: '5.00' }]);
		const { scoring, attempts, ids, id } = ctx;
		for (const e of (await scoring.queue(await ctx.session())).waiting) expect((await scoring.scoreEssay(id, e.key, ['2', '1'], hr)).ok).toBe(true);
		const percents = async () => Promise.all(ids.map(async (a) => (await attempts.get(a))!.score!.percent));
		// 6 of 14 = 42.86% fails at 50%; 8 of 14 = 57.14% passes; 7 of 14 = 50% passes.
		expect(await percents()).toEqual(['42.86', '57.14', '50.00']);

		// The numeric key was wrong: 5.00 is right. gain, A-2 loses.
		expect(await scoring.adjust(id, 'numeric', { kind: 'correct', reason: 'Rate table changed.', form: { answer: 'five' } }, hr)).toMatchObject({ ok: false, field: 'key' });
		expect(await scoring.adjust(id, 'numeric', { kind: 'correct', reason: 'no', form: { answer: '5' } }, hr)).toMatchObject({ ok: false, field: 'reason' });
		expect(await scoring.adjust(id, 'essay', { kind: 'correct', reason: 'A fine reason', form: { answer: '5' } }, hr)).toMatchObject({ ok: false, field: 'key' });
		expect(await scoring.adjust(id, 'numeric', { kind: 'correct', reason: 'The key is the same', form: { answer: '6.00' } }, hr)).toMatchObject({ ok: false, error: 'That is the key as written; nothing changes.' });
		const fixed = await scoring.adjust(id, 'numeric', { kind: 'correct', reason: 'The 2027 penalty rate makes it $5.00.', form: { answer: '$5.00' } }, hr);
		expect(fixed).toMatchObject({ ok: true, rescored: 3, failed: 0, before: { scored: 3, passing: 2 }, after: { scored: 3, passing: 3 } });
		expect(await percents()).toEqual(['50.00', '50.00', '57.14']);
		expect(fixed.ok && fixed.message).toBe('The key of question numeric was corrected. 3 attempts were re-scored. Passing at 50%: 2 before, 3 now.');

		// Voiding the single-choice item: it leaves raw and max for everyone (13 points).
		expect(await scoring.adjust(id, 'single', { kind: 'void', reason: '  ' }, hr)).toMatchObject({ ok: false, field: 'reason' });
		const voided = await scoring.adjust(id, 'single', { kind: 'void', reason: 'Two options were right after the rate change.' }, hr);
		expect(voided).toMatchObject({ ok: true, rescored: 3, before: { passing: 3 }, after: { passing: 2 } });
		// Out of 13: A-1 7 (numeric right now), A-2 6, A-3 7.
		expect(await percents()).toEqual(['53.85', '46.15', '53.85']);
		expect((await attempts.get(ids[0]!))!.score!.items[0]).toEqual({ itemId: 'single', outcome: 'voided', points: '0.00', max: '0.00' });
		expect(await scoring.adjust(id, 'single', { kind: 'void', reason: 'Voided twice by mistake' }, hr)).toMatchObject({ ok: false, error: 'This question is already voided.' });
		expect(await scoring.adjust(id, 'single', { kind: 'correct', reason: 'Key for a voided item', form: { correct: ['1'] } }, hr)).toMatchObject({ ok: false, error: expect.stringMatching(/undo the void/) });

		const items = await scoring.items(await ctx.session());
		expect(items.map((i) => [i.itemId, i.delivered, i.correctable, i.voided?.reason ?? null, i.correction?.key ?? null])).toEqual([
			['numeric', 3, true, null, '$5.00'],
			['single', 3, true, 'Two options were right after the rate change.', null],
			['essay', 3, false, null, null],
			['essay-2', 3, false, null, null]
		]);
		expect(items.find((i) => i.itemId === 'single')!.key).toBe('option B (“$175.00”)');

		// Undo both: everyone is back where they were.
		expect(await scoring.adjust(id, 'single', { kind: 'undo', reason: 'The panel kept the question.' }, hr)).toMatchObject({ ok: true, after: { passing: 3 } });
		expect(await scoring.adjust(id, 'numeric', { kind: 'undo', reason: 'The old rate applied on exam day.' }, hr)).toMatchObject({ ok: true, rescored: 3 });
		expect(await percents()).toEqual(['42.86', '57.14', '50.00']);
		expect(await scoring.adjust(id, 'numeric', { kind: 'undo', reason: 'Nothing left to undo' }, hr)).toMatchObject({ ok: false, error: expect.stringMatching(/nothing to undo/) });
		expect((await ctx.session()).adjustments).toEqual({ voided: [], corrections: {}, notes: {} });
		const log = (await ctx.session()).log.map((l) => l.action);
		expect(log).toContain('Key of question numeric corrected to $5.00: The 2027 penalty rate makes it $5.00.');
		expect(log).toContain('Question single voided for everyone: Two options were right after the rate change.');
		expect(log).toContain('Re-scored 3 attempts after the change to question single. Passing at 50%: 3 before, 2 now.');
		expect(log).toContain('Void of question single undone: The panel kept the question.');
		expect(log).toContain('Key correction of question numeric undone (the key is $6.00 again): The old rate applied on exam day.');
		// The list the results page shows follows the attempts.
		const { list } = await sessionList(ctx.store, await ctx.session());
		expect(list!.passing.map((e) => e.applicantId)).toEqual(['A-2', 'A-3']);
	});

	it('refuses while an attempt is still in progress, and for a question nobody was given', async () => {
		const ctx = await sessionWith([right, { ...wrong, submit: false }]);
		expect(await ctx.scoring.adjust(ctx.id, 'single', { kind: 'void', reason: 'Flawed question' }, hr)).toMatchObject({ ok: false, error: expect.stringMatching(/^1 attempt is still in progress/) });
		expect(await ctx.scoring.adjust(ctx.id, 'ordering', { kind: 'void', reason: 'Flawed question' }, hr)).toMatchObject({ ok: false, error: 'No candidate in this session was given that question.' });
	});
});

describe('scored and released', () => {
	it('scored only when closed with no attempt open and no essay waiting; released with confirmation; nothing changes after', async () => {
		const ctx = await sessionWith([wrong, right, { ...right, submit: false }]);
		const { scoring, sessions, attempts, ids, id } = ctx;
		// The session page's status button does not skip these checks.
		await setStatus(ctx, 'closed');
		expect(await sessions.advance(id, 'scored', hr)).toEqual({ ok: false, error: FINISH_THROUGH_SCORING });
		expect(await scoring.markScored(id, hr)).toEqual({ ok: false, error: '1 attempt is still in progress. Every attempt must be closed before the session is scored.' });
		await attempts.end(ids[2]!, 'Hana Ruiz');
		expect(await scoring.markScored(id, hr)).toEqual({ ok: false, error: '6 essays are waiting to be scored. Score them in the queue first.' });
		for (const e of (await scoring.queue(await ctx.session())).waiting) await scoring.scoreEssay(id, e.key, ['3', '2'], hr);
		expect(await scoring.release(id, true, hr)).toEqual({ ok: false, error: 'Mark the session scored before releasing the scores.' });
		// The passing point is the session's own rule (sessions.ts).
		await ctx.store.update<{ passingPoint: unknown }, void>(`hr/sessions/${id}`, () => ({ passingPoint: null }), (s) => {
			s.passingPoint = null;
		});
		expect(await scoring.markScored(id, hr)).toEqual({ ok: false, error: 'Set the passing point on the results page before marking the session scored.' });
		await sessions.setScoring(id, { mode: 'percent', value: '60', rule: '3', banding: false }, hr);
		expect(await scoring.markScored(id, hr)).toEqual({ ok: true, rescored: 0 });
		expect((await ctx.session()).status).toBe('scored');
		// Still adjustable once scored, until released.
		expect(await scoring.adjust(id, 'single', { kind: 'void', reason: 'Flawed question' }, hr)).toMatchObject({ ok: true, rescored: 3 });

		expect(await scoring.release(id, false, hr)).toMatchObject({ ok: false, error: expect.stringMatching(/^Tick the box/) });
		now += 60_000;
		expect(await scoring.release(id, true, hr)).toEqual({ ok: true, released: 3, already: false });
		expect((await ctx.session()).status).toBe('released');
		for (const a of ids) expect((await attempts.get(a))!.releasedAt).toBe(T0 + 60_000);
		expect((await ctx.session()).log.map((l) => l.action).slice(-2)).toEqual(['Status changed to Released.', 'Scores released to 3 candidates.']);
		// A second release changes nothing and logs nothing.
		expect(await scoring.release(id, true, hr)).toEqual({ ok: true, released: 0, already: true });

		const released = 'The scores have been released; questions can no longer be voided or their keys corrected.';
		expect(await scoring.adjust(id, 'single', { kind: 'undo', reason: 'Too late now' }, hr)).toEqual({ ok: false, field: 'form', error: released });
		expect(await sessions.changeAdjustments(id, hr, () => ({ log: 'x' }))).toEqual({ ok: false, error: released });
		const e = (await scoring.queue(await ctx.session())).scored[0]!;
		expect(await scoring.scoreEssay(id, e.key, ['1', '1'], hr)).toMatchObject({ ok: false, code: 'closed', error: 'The scores have been released; essays can no longer be scored.' });
		expect(await sessions.setScoring(id, { mode: 'percent', value: '50', rule: '3', banding: false }, hr)).toMatchObject({ ok: false, field: 'form' });
		expect(await sessions.advance(id, 'released', hr)).toMatchObject({ ok: false });
	});

	it('marking scored first re-scores attempts an interrupted change missed', async () => {
		const ctx = await sessionWith([right, wrong]);
		const { scoring, sessions, attempts, ids, id } = ctx;
		for (const e of (await scoring.queue(await ctx.session())).waiting) await scoring.scoreEssay(id, e.key, ['1', '1'], hr);
		// The session has the void, but the server stopped before re-scoring anyone.
		await sessions.changeAdjustments(id, hr, (a) => {
			a.voided.push('numeric');
			return { log: 'Question numeric voided for everyone: test.' };
		});
		expect((await attempts.get(ids[0]!))!.score!.max).toBe('14.00');
		await setStatus(ctx, 'closed');
		expect(await scoring.markScored(id, hr)).toEqual({ ok: true, rescored: 2 });
		expect((await attempts.get(ids[0]!))!.score!.max).toBe('13.00');
	});
});
