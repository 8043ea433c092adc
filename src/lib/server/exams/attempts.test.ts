import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ITEM_KINDS, reviewItem, type ExamBlueprint, type ExamItem } from '$lib/exams';
import { ALL_KINDS_BANK, blueprint, SKILLS_BANK, tenKey, typing } from '$lib/exams/test-bank';
import { FileStore } from '../store';
import { ExamAttempts, readSaves, type Attempt, type AttemptOwner } from './attempts';
import { examClock } from './clock';
import { answerFromForm } from './form';
import { attemptPage, attemptResult, attemptState, historyOf } from './service';
import { startSweeper } from './sweeper';

const MINUTE = 60_000;
const T0 = Date.UTC(2026, 10, 16, 17, 0, 0);
const alice: AttemptOwner = { kind: 'user', id: 'u1' };
const bob: AttemptOwner = { kind: 'user', id: 'u2' };

let dir: string;
let now: number;
let ids: number;

beforeEach(async () => {
	dir = await mkdtemp(join(tmpdir(), 'exam-attempts-'));
	now = T0;
	ids = 0;
});
afterEach(async () => {
	await rm(dir, { recursive: true, force: true });
});

const exam = blueprint({ id: 'exam', timeLimitMinutes: 60, attemptsAllowed: 1 });
const practice = blueprint({ id: 'practice', purpose: 'practice', timeLimitMinutes: 20, attemptsAllowed: 'unlimited', showAfterSubmit: 'score-and-feedback' });
const draft = blueprint({ id: 'draft', draft: true });

function service(options: { blueprints?: ExamBlueprint[]; bank?: ExamItem[]; store?: FileStore } = {}) {
	let bank = options.bank ?? ALL_KINDS_BANK;
	const s = new ExamAttempts({
		store: options.store ?? new FileStore(dir),
		now: () => now,
		clock: examClock(MINUTE),
		blueprints: async () => options.blueprints ?? [exam, practice, draft],
		bank: async () => bank,
		newId: () => `a_${(++ids).toString(16).padStart(16, '0')}`
	});
	return Object.assign(s, { setBank: (b: ExamItem[]) => (bank = b) });
}

async function started(s: ExamAttempts, owner = alice, id = 'exam'): Promise<Readonly<Attempt>> {
	const r = await s.start(owner, id);
	if (!r.ok) throw new Error(r.error);
	return (await s.getFor(r.attemptId, owner))!;
}

/** Every key string of the attempt's items, to look for in what a candidate is sent. */
async function keysOf(s: ExamAttempts, a: Readonly<Attempt>): Promise<string[]> {
	const items = await s.items(a.id);
	const keys: string[] = [];
	for (const item of items) {
		if (item.kind === 'numeric') keys.push(item.answer);
		if (item.kind === 'short-answer') keys.push(...item.answers);
		if (item.kind === 'fill-in') keys.push(...item.blanks.flatMap((b) => (b.choices ? [] : b.answers)));
		if (item.kind === 'essay') keys.push(...item.rubric.flatMap((c) => (c.description ? [c.description] : [])));
		if (item.feedback) keys.push(item.feedback);
	}
	return keys;
}

describe('starting an attempt', () => {
	it('draws the exam, snapshots its items, sets the deadline from the limit and accommodation, and lists it as open', async () => {
		const s = service();
		const r = await s.start(alice, 'exam', { accommodation: '1.5' });
		expect(r).toMatchObject({ ok: true, resumed: false });
		const a = (await s.get(r.ok ? r.attemptId : ''))!;
		expect(a.status).toBe('in-progress');
		expect(a.delivered).toHaveLength(ALL_KINDS_BANK.length);
		expect(a.deadline).toBe(T0 + 90 * MINUTE);
		expect(a.answers.every((x) => x === null)).toBe(true);
		expect((await s.items(a.id)).map((i) => i.id)).toEqual(a.delivered.map((d) => d.itemId));
		const open = JSON.parse(await readFile(join(dir, 'exams/open-attempts.json'), 'utf8'));
		expect(open.open[a.id]).toBe(a.deadline);
	});

	it('keeps the items of an attempt in progress when the bank changes', async () => {
		const s = service();
		const a = await started(s);
		s.setBank(ALL_KINDS_BANK.map((i) => ({ ...i, stem: 'Changed after the start.' })));
		const presented = await s.presented(a);
		expect(presented.some((p) => p.stem === 'Changed after the start.')).toBe(false);
	});

	it('resumes the attempt in progress instead of starting another, and refuses a second attempt when one is allowed', async () => {
		const s = service();
		const a = await started(s);
		expect(await s.start(alice, 'exam')).toEqual({ ok: true, attemptId: a.id, resumed: true });
		await s.submit(a.id, alice);
		const again = await s.start(alice, 'exam');
		expect(again).toMatchObject({ ok: false, code: 'used' });
		expect(again.ok ? '' : again.error).toMatch(/used your one attempt/);
	});

	it('starts one attempt when Start is pressed twice at once', async () => {
		const s = service();
		const [x, y] = await Promise.all([s.start(alice, 'exam'), s.start(alice, 'exam')]);
		expect(x.ok && y.ok && x.attemptId === y.attemptId).toBe(true);
		expect(await s.attemptsOf(alice)).toHaveLength(1);
	});

	it('allows unlimited practice attempts, one at a time', async () => {
		const s = service();
		for (let n = 0; n < 3; n++) {
			const a = await started(s, alice, 'practice');
			await s.submit(a.id, alice);
		}
		expect(await s.attemptsOf(alice)).toHaveLength(3);
	});

	it('refuses a draft blueprint, an unknown one and a bank that cannot fill it, with a message', async () => {
		const s = service();
		expect(await s.start(alice, 'draft')).toEqual({ ok: false, code: 'draft', error: '“Test exam” is still being prepared and cannot be started yet.' });
		expect(await s.start(alice, 'nope')).toMatchObject({ ok: false, code: 'not-found' });
		s.setBank(ALL_KINDS_BANK.slice(0, 3));
		const r = await s.start(alice, 'exam');
		expect(r).toMatchObject({ ok: false, code: 'bank' });
		expect(await s.attemptsOf(alice)).toHaveLength(0);
	});

	it('shows an attempt only to its owner', async () => {
		const s = service();
		const a = await started(s);
		expect(await s.getFor(a.id, bob)).toBeUndefined();
		expect(await s.save(a.id, bob, { saves: [{ index: 0, seq: 1, response: null, flagged: true }] })).toMatchObject({ ok: false, code: 'not-found' });
		expect(await s.getFor('../../users', alice)).toBeUndefined();
	});
});

describe('saving answers', () => {
	async function firstOfKind(s: ExamAttempts, a: Readonly<Attempt>, kind: string): Promise<number> {
		return (await s.presented(a)).findIndex((p) => p.kind === kind);
	}

	it('stores each item state durably and acknowledges with the time left', async () => {
		const s = service();
		const a = await started(s);
		const i = await firstOfKind(s, a, 'short-answer');
		now += 5 * MINUTE;
		const r = await s.save(a.id, alice, { saves: [{ index: i, seq: 1, response: { kind: 'short-answer', text: 'delinquent' }, flagged: true }] });
		expect(r).toEqual({ ok: true, seqs: { [i]: 1 }, remainingMs: 55 * MINUTE, deadline: a.deadline, serverNow: now });
		// A second process reading the files (after a crash) finds the answer.
		const reopened = service({ store: new FileStore(dir) });
		const b = (await reopened.get(a.id))!;
		expect(b.answers[i]).toEqual({ kind: 'short-answer', text: 'delinquent' });
		expect(b.flags[i]).toBe(true);
	});

	it('never lets an older save overwrite a newer one, and takes a repeated save once', async () => {
		const s = service();
		const a = await started(s);
		const i = await firstOfKind(s, a, 'numeric');
		const save = (seq: number, value: string) => s.save(a.id, alice, { saves: [{ index: i, seq, response: { kind: 'numeric', value }, flagged: false }] });
		expect(await save(3, 'newest')).toMatchObject({ ok: true, seqs: { [i]: 3 } });
		expect(await save(2, 'older, arrived late')).toMatchObject({ ok: true, seqs: { [i]: 3 } });
		expect(await save(3, 'newest')).toMatchObject({ ok: true, seqs: { [i]: 3 } });
		expect((await s.get(a.id))!.answers[i]).toEqual({ kind: 'numeric', value: 'newest' });
		// Out-of-order arrival of concurrent saves ends with the highest sequence number.
		await Promise.all([save(6, 'six'), save(5, 'five'), save(4, 'four')]);
		expect((await s.get(a.id))!.answers[i]).toEqual({ kind: 'numeric', value: 'six' });
		// A form post (no JavaScript) always goes after what is stored.
		await s.save(a.id, alice, { saves: [{ index: i, seq: 'next', response: { kind: 'numeric', value: 'from a form' }, flagged: false }] });
		expect((await s.get(a.id))!.seqs[i]).toBe(7);
	});

	it('refuses a malformed request whole, storing none of it', async () => {
		const s = service();
		const a = await started(s);
		const i = await firstOfKind(s, a, 'single-choice');
		const bad = [
			null,
			{},
			{ saves: [] },
			{ saves: [{ index: 99, seq: 1, response: null, flagged: false }] },
			{ saves: [{ index: i, seq: 0, response: null, flagged: false }] },
			{ saves: [{ index: i, seq: 1, response: null }] },
			{ saves: [{ index: i, seq: 1, response: { kind: 'single-choice', choice: 1 }, flagged: false }, { index: i, seq: 2, response: { kind: 'single-choice', choice: 7 }, flagged: false }] },
			{ saves: [{ index: i, seq: 1, response: { kind: 'numeric', value: '1' }, flagged: false }] }
		];
		for (const input of bad) expect(await s.save(a.id, alice, input)).toMatchObject({ ok: false, code: 'invalid' });
		const b = (await s.get(a.id))!;
		expect(b.seqs.every((n) => n === 0)).toBe(true);
	});

	it('takes saves in flight during the grace after the deadline, then closes the attempt', async () => {
		const s = service();
		const a = await started(s);
		const i = await firstOfKind(s, a, 'true-false');
		now = a.deadline + 20_000;
		expect(await s.save(a.id, alice, { saves: [{ index: i, seq: 1, response: { kind: 'true-false', answer: false }, flagged: false }] })).toMatchObject({ ok: true, remainingMs: 0 });
		now = a.deadline + 30_001;
		expect(await s.save(a.id, alice, { saves: [{ index: i, seq: 2, response: { kind: 'true-false', answer: true }, flagged: false }] })).toMatchObject({ ok: false, code: 'closed' });
		const b = (await s.get(a.id))!;
		expect(b.status).toBe('closed-at-deadline');
		expect(b.answers[i]).toEqual({ kind: 'true-false', answer: false });
		expect(b.score).not.toBeNull();
	});
});

describe('closing', () => {
	it('scores at submit; a submitted attempt takes no more saves', async () => {
		const s = service();
		const a = await started(s, alice, 'practice');
		const presented = await s.presented(a);
		const items = await s.items(a.id);
		// Answer the true/false item right, from the key on the server side.
		const i = presented.findIndex((p) => p.kind === 'true-false');
		const tf = items[i]!;
		await s.save(a.id, alice, { saves: [{ index: i, seq: 1, response: { kind: 'true-false', answer: tf.kind === 'true-false' && tf.answer }, flagged: false }] });
		now += 3 * MINUTE;
		const r = await s.submit(a.id, alice);
		expect(r.ok && r.attempt.status).toBe('submitted');
		const b = (await s.get(a.id))!;
		expect(b.submittedAt).toBe(now);
		expect(b.score!.items[i]!.outcome).toBe('correct');
		expect(await s.save(a.id, alice, { saves: [{ index: 0, seq: 9, response: null, flagged: false }] })).toMatchObject({ ok: false, code: 'closed' });
		expect(s.timeUsedMs(b)).toBe(3 * MINUTE);
	});

	it('closes an overdue attempt on the next access, without any sweeper', async () => {
		const s = service();
		const a = await started(s);
		now = a.deadline + 31_000;
		const b = (await s.getFor(a.id, alice))!;
		expect(b.status).toBe('closed-at-deadline');
		expect(b.closedAt).toBe(now);
	});

	it('closes at the page’s time-up only once the deadline is (nearly) there', async () => {
		const s = service();
		const a = await started(s);
		now = a.deadline - 60_000;
		expect(await s.closeIfTimeUp(a.id, alice)).toMatchObject({ ok: false, code: 'in-progress', remainingMs: 60_000 });
		now = a.deadline - 1_000;
		const r = await s.closeIfTimeUp(a.id, alice);
		expect(r.ok && r.attempt.status).toBe('closed-at-deadline');
	});

	it('the sweeper closes attempts past deadline and grace with no browser, on an injected clock, and forgets them', async () => {
		const s = service();
		const a = await started(s);
		now += 10 * MINUTE;
		const b = await started(s, bob);
		expect((await s.sweep()).closed).toEqual([]);
		now = a.deadline + 30_001;
		expect((await s.sweep()).closed).toEqual([a.id]);
		// Read straight from disk: closed and scored, while bob's is still open.
		const onDisk = JSON.parse(await readFile(join(dir, `exams/attempts/${a.id}.json`), 'utf8')) as Attempt;
		expect(onDisk.status).toBe('closed-at-deadline');
		expect(onDisk.score).not.toBeNull();
		expect((await service({ store: new FileStore(dir) }).store.get<Attempt>(`exams/attempts/${b.id}`))!.status).toBe('in-progress');
		const open = JSON.parse(await readFile(join(dir, 'exams/open-attempts.json'), 'utf8'));
		expect(Object.keys(open.open)).toEqual([b.id]);
		now = b.deadline + 31_000;
		expect((await s.sweep()).closed).toEqual([b.id]);
	});

	it('the sweeper runs on a timer and at once on start (attempts that ran out while the server was down)', async () => {
		const s = service();
		const a = await started(s);
		now = a.deadline + 60 * MINUTE; // the server was down over the deadline
		const fresh = service({ store: new FileStore(dir) });
		const stop = startSweeper(fresh, 20);
		try {
			await expect.poll(async () => (await fresh.store.get<Attempt>(`exams/attempts/${a.id}`))?.status, { timeout: 2000 }).toBe('closed-at-deadline');
		} finally {
			stop();
		}
	});
});

describe('what a candidate is sent', () => {
	it('never holds a key, a correct flag, feedback, an item id or a score before release', async () => {
		const s = service();
		const a = await started(s);
		const keys = await keysOf(s, a);
		expect(keys.length).toBeGreaterThan(3);
		const sent: unknown[] = [];
		for (let page = 1; page <= a.delivered.length; page++) sent.push(await attemptPage(s, a, page));
		sent.push(await attemptState(s, a));
		sent.push(await s.save(a.id, alice, { saves: [{ index: 0, seq: 1, response: null, flagged: true }] }));
		await s.submit(a.id, alice);
		const closed = (await s.get(a.id))!;
		const result = await attemptResult(s, closed);
		sent.push(result, await historyOf(s, alice));
		expect(result.score).toBeNull();
		expect(result.review).toBeNull();
		const text = JSON.stringify(sent);
		// Keys as whole values ("delinquent" is also a word of another stem).
		for (const key of keys) expect(text.includes(JSON.stringify(key)), `key “${key}” was sent`).toBe(false);
		expect(text.match(/"correct"|"answers"|"itemId"|"order"|"choiceOrder"|"variables"|"score"\s*:\s*\{/)?.[0]).toBeUndefined();
		// (The test bank names some items after their kind, which pages do send.)
		for (const d of a.delivered.filter((d) => !(ITEM_KINDS as readonly string[]).includes(d.itemId))) {
			expect(new RegExp(`"${d.itemId}"(?!:)`).test(text), `item id ${d.itemId} was sent`).toBe(false);
		}
	});

	it('shows the score and each item’s review after a practice attempt', async () => {
		const s = service();
		const a = await started(s, alice, 'practice');
		await s.submit(a.id, alice);
		const result = await attemptResult(s, (await s.get(a.id))!);
		expect(result.score).toMatchObject({ raw: '0.00' });
		expect(result.review).toHaveLength(a.delivered.length);
		const items = await s.items(a.id);
		const tf = result.review!.find((r) => r.kind === 'true-false')!;
		const item = items[tf.number - 1]!;
		expect(tf.correct).toEqual([reviewItem(item, a.delivered[tf.number - 1]!, undefined).key.kind === 'true-false' && item.kind === 'true-false' && item.answer ? 'True' : 'False']);
		const history = await historyOf(s, alice);
		expect(history[0]).toMatchObject({ title: 'Test exam', status: 'submitted', score: { raw: '0.00' } });
	});
});

describe('form posts', () => {
	it('read each kind of answer from plain form fields, and refuse a broken ordering', async () => {
		const s = service();
		const a = await started(s);
		const presented = await s.presented(a);
		const at = (kind: string) => presented.findIndex((p) => p.kind === kind);
		const form = new FormData();
		form.append(`a${at('multiple-choice')}`, '0');
		form.append(`a${at('multiple-choice')}`, '2');
		form.append(`a${at('true-false')}`, 'false');
		form.append(`a${at('ordering')}.pos0`, '2');
		form.append(`a${at('ordering')}.pos1`, '1');
		form.append(`a${at('ordering')}.pos2`, '4');
		form.append(`a${at('ordering')}.pos3`, '3');
		form.append(`a${at('name-number-check')}.p1`, 'different');
		expect(answerFromForm(presented[at('multiple-choice')]!, at('multiple-choice'), form)).toEqual({ ok: true, response: { kind: 'multiple-choice', choices: [0, 2] } });
		expect(answerFromForm(presented[at('true-false')]!, at('true-false'), form)).toEqual({ ok: true, response: { kind: 'true-false', answer: false } });
		expect(answerFromForm(presented[at('ordering')]!, at('ordering'), form)).toEqual({ ok: true, response: { kind: 'ordering', order: [1, 0, 3, 2] } });
		expect(answerFromForm(presented[at('name-number-check')]!, at('name-number-check'), form)).toEqual({ ok: true, response: { kind: 'name-number-check', marks: [null, 'different', null, null] } });
		expect(answerFromForm(presented[at('single-choice')]!, at('single-choice'), form)).toEqual({ ok: true, response: null });
		form.set(`a${at('ordering')}.pos3`, '2');
		expect(answerFromForm(presented[at('ordering')]!, at('ordering'), form)).toMatchObject({ ok: false, error: expect.stringMatching(/different position/) });
		form.set(`a${at('true-false')}`, 'maybe');
		expect(answerFromForm(presented[at('true-false')]!, at('true-false'), form).ok).toBe(false);
	});

	it('readSaves accepts an empty answer as "not answered"', async () => {
		const s = service();
		const a = await started(s);
		const presented = await s.presented(a);
		expect(readSaves({ saves: [{ index: 0, seq: 1, response: null, flagged: false }] }, presented)).toMatchObject({ ok: true });
	});
});

describe('skills tests in an attempt', () => {
	const skillsExam = blueprint({
		id: 'skills',
		purpose: 'practice',
		timeLimitMinutes: 15,
		attemptsAllowed: 'unlimited',
		showAfterSubmit: 'score-and-feedback',
		shuffleItems: false,
		sections: [{ id: 'k', title: 'Keyboard', items: [], draw: [{ count: 1, kinds: ['typing'] }, { count: 1, kinds: ['ten-key'] }] }]
	});
	const skillsService = () => service({ blueprints: [skillsExam], bank: [...ALL_KINDS_BANK, ...SKILLS_BANK] });
	const typingSave = (text: string, elapsedMs: number | null, seq: number) => ({ saves: [{ index: 0, seq, response: { kind: 'typing', text, elapsedMs }, flagged: false }] });

	it('are drawn only by a rule naming their kind; the text is hidden until Start, which the server times', async () => {
		const s = skillsService();
		const a = await started(s, alice, 'skills');
		expect(a.delivered.map((d) => d.itemId)).toEqual(['typing', 'ten-key']);
		expect(a.delivered[1]!.entries).toEqual(tenKey.entries);
		const before = await attemptState(s, a);
		expect(before.items[0]!.item).toMatchObject({ kind: 'typing', text: '' });
		expect(before.items[1]!.item).toMatchObject({ kind: 'ten-key', entries: [] });
		expect(before.items[0]!.skill).toEqual({ started: false, limitMs: 5 * MINUTE });

		// Typing before Start is refused with a reason; nothing is stored.
		expect(await s.save(a.id, alice, typingSave('The clerk', 1_000, 1))).toEqual({ ok: false, code: 'refused', error: 'Press Start to begin the typing test first.' });
		const start = await s.startSkill(a.id, alice, 0);
		expect(start).toEqual({ ok: true, startedAt: T0, limitMs: 5 * MINUTE, remainingMs: 5 * MINUTE });
		now += 10_000;
		// Start again: the same clock, not a new one.
		expect(await s.startSkill(a.id, alice, 0)).toMatchObject({ ok: true, startedAt: T0, remainingMs: 5 * MINUTE - 10_000 });
		expect(await s.startSkill(a.id, alice, 5)).toMatchObject({ ok: false, code: 'invalid' });
		const after = await attemptState(s, (await s.get(a.id))!);
		expect(after.items[0]!.item).toMatchObject({ kind: 'typing', text: typing.text });
		expect(after.items[0]!.skill).toMatchObject({ started: true, remainingMs: 5 * MINUTE - 10_000, over: false });
	});

	it('scores from the submitted text; a claimed time longer than the server measured is lowered to it; a late save is refused', async () => {
		const s = skillsService();
		const a = await started(s, alice, 'skills');
		await s.startSkill(a.id, alice, 0);
		const typed = typing.text.slice(0, 250);
		now += 60_000;
		// The page claims 3 minutes after 1 minute on the server's clock: the server's minute wins.
		expect(await s.save(a.id, alice, typingSave(typed, 180_000, 1))).toMatchObject({ ok: true });
		// After the limit and the grace: refused, and the saved text stays.
		now += 5 * MINUTE;
		expect(await s.save(a.id, alice, typingSave(`${typed} more words`, 200_000, 2))).toEqual({
			ok: false,
			code: 'refused',
			error: 'The time for this typing test is over; what was saved before the end is kept.'
		});
		// The 10-key test, without JavaScript: no page time, so the server's own time counts.
		await s.startSkill(a.id, alice, 1);
		now += 30_000;
		const form = new FormData();
		tenKey.entries!.slice(0, 5).forEach((e, k) => form.set(`a1.e${k}`, e));
		const read = answerFromForm((await s.presented(a))[1]!, 1, form);
		expect(read).toMatchObject({ ok: true, response: { kind: 'ten-key', elapsedMs: null } });
		expect(await s.save(a.id, alice, { saves: [{ index: 1, seq: 1, response: read.ok ? read.response : null, flagged: false }] })).toMatchObject({ ok: true });
		const closed = await s.submit(a.id, alice);
		if (!closed.ok) throw new Error(closed.error);
		const score = closed.attempt.score!;
		expect(score).toMatchObject({ raw: '0.00', max: '0.00' });
		expect(score.skills[0]).toMatchObject({ kind: 'typing', result: { characters: 250, elapsedMs: 60_000, adjustment: 'lowered-to-server-time', grossWpm: '50.0' } });
		// 5 entries: 7+5+6+5+7 characters plus an Enter each = 35 keystrokes in 30 s = 4,200 KPH.
		expect(score.skills[1]).toMatchObject({ kind: 'ten-key', result: { entries: 5, correctEntries: 5, keystrokes: 35, elapsedMs: 30_000, grossKph: '4200', accuracy: '100.00', passed: false } });
		expect(score.passed).toBe(false);
		const result = await attemptResult(s, closed.attempt);
		expect(result.score!.skills.map((l) => l.figures[0])).toEqual([
			'50.0 net WPM, 50.0 gross WPM, 100.00% accuracy. Pass mark met.',
			'4,200 net KPH, 4,200 gross KPH, 100.00% accuracy. Pass mark not met.'
		]);
		expect(result.review![0]!.yours[1]).toContain('capped at what the server measured');
	});

	it('a malformed time is refused, never stored', async () => {
		const s = skillsService();
		const a = await started(s, alice, 'skills');
		await s.startSkill(a.id, alice, 0);
		for (const elapsedMs of [-5, 1.5, '60000']) {
			expect(await s.save(a.id, alice, { saves: [{ index: 0, seq: 1, response: { kind: 'typing', text: 'The', elapsedMs }, flagged: false }] })).toMatchObject({ ok: false, code: 'invalid' });
		}
		expect((await s.get(a.id))!.seqs[0]).toBe(0);
	});
});

describe('sequential navigation is enforced by the server', () => {
	const inOrderExam = blueprint({ id: 'seq', navigation: 'sequential', shuffleItems: false, timeLimitMinutes: 30, sections: [{ id: 's', title: 'S', items: [], draw: [{ count: 4, kinds: ['true-false', 'numeric', 'short-answer'] }] }] });
	const tf = (index: number, seq: number) => ({ saves: [{ index, seq, response: null, flagged: true }] });

	it('saves only the current question, moves forward one at a time, and refuses any way back with a reason', async () => {
		const s = service({ blueprints: [inOrderExam] });
		const a = await started(s, alice, 'seq');
		expect(a.position).toBe(0);
		expect(await s.save(a.id, alice, tf(0, 1))).toMatchObject({ ok: true });
		expect(await s.save(a.id, alice, tf(1, 1))).toEqual({ ok: false, code: 'refused', error: 'This exam is taken in order: question 2 is not open yet.' });
		expect(await s.move(a.id, alice, 2)).toEqual({
			ok: false,
			code: 'refused',
			error: 'This exam is taken in order: answer question 1 and go on with Next; question 3 is not open yet.'
		});
		expect(await s.move(a.id, alice, 1)).toEqual({ ok: true, position: 1 });
		expect(await s.save(a.id, alice, tf(0, 2))).toEqual({ ok: false, code: 'refused', error: 'This exam is taken in order: question 1 is behind you and can no longer be changed.' });
		expect(await s.move(a.id, alice, 0)).toEqual({ ok: false, code: 'refused', error: 'This exam is taken in order: question 1 is behind you and cannot be opened again.' });
		expect(await s.save(a.id, alice, tf(1, 1))).toMatchObject({ ok: true });
		const stored = (await s.get(a.id))!;
		expect(stored.position).toBe(1);
		expect(stored.seqs).toEqual([1, 1, 0, 0]);
		// The page and the state show where the candidate is.
		expect((await attemptState(s, stored)).position).toBe(1);
		// Bob cannot move Alice's attempt.
		expect(await s.move(a.id, bob, 2)).toMatchObject({ ok: false, code: 'not-found' });
	});

	it('a free exam moves anywhere', async () => {
		const s = service();
		const a = await started(s);
		expect(await s.move(a.id, alice, 5)).toEqual({ ok: true, position: 5 });
		expect(await s.move(a.id, alice, 0)).toEqual({ ok: true, position: 0 });
		expect(await s.save(a.id, alice, tf(7, 1))).toMatchObject({ ok: true });
	});
});

describe('a section with its own time limit', () => {
	const timed = blueprint({
		id: 'timed',
		timeLimitMinutes: 60,
		shuffleItems: false,
		sections: [
			{ id: 'a', title: 'Arithmetic', timeLimitMinutes: 10, items: [], draw: [{ count: 2, kinds: ['numeric'] }] },
			{ id: 'b', title: 'Reading', items: [], draw: [{ count: 2, kinds: ['true-false', 'short-answer'] }] }
		]
	});
	const flag = (index: number, seq: number) => ({ saves: [{ index, seq, response: null, flagged: true }] });

	it('starts its clock when first opened, refuses saves after its limit and the grace, and leaves other parts open', async () => {
		const s = service({ blueprints: [timed] });
		let a = await started(s, alice, 'timed');
		expect(await s.save(a.id, alice, flag(0, 1))).toEqual({ ok: false, code: 'refused', error: 'Part 1, “Arithmetic”, has not been opened yet.' });
		now += 5 * MINUTE;
		a = await s.openSection(a, 0);
		expect(a.sectionStarts).toEqual({ a: T0 + 5 * MINUTE });
		// Opening it again does not restart the clock.
		now += MINUTE;
		expect((await s.openSection(a, 1)).sectionStarts).toEqual({ a: T0 + 5 * MINUTE });
		expect(s.sectionEnd(a, 'a')).toBe(T0 + 15 * MINUTE);
		expect((await attemptPage(s, a, 1)).section).toMatchObject({ timeLimitMinutes: 10, remainingMs: 9 * MINUTE });
		expect(await s.save(a.id, alice, flag(1, 1))).toMatchObject({ ok: true });
		now = T0 + 15 * MINUTE + 30_000;
		expect(await s.save(a.id, alice, flag(0, 1))).toMatchObject({ ok: true });
		now += 1;
		expect(await s.save(a.id, alice, flag(0, 2))).toEqual({ ok: false, code: 'refused', error: 'The time for part 1, “Arithmetic”, is over; the answers saved before then are kept.' });
		// The untimed part is open until the exam's own deadline.
		expect(await s.save(a.id, alice, flag(2, 1))).toMatchObject({ ok: true });
		expect((await s.get(a.id))!.seqs).toEqual([1, 1, 1, 0]);
	});
});
