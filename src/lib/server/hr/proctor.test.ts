import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ALL_KINDS_BANK, blueprint } from '$lib/exams/test-bank';
import { ExamAttempts, type Attempt } from '../exams/attempts';
import { examClock } from '../exams/clock';
import { FileStore, type Store } from '../store';
import { applicantOwner } from './applicants';
import { ExamDay } from './exam-day';
import { Proctor, spokenDuration, stateOf } from './proctor';
import { HrSessions, type ExamSession } from './sessions';

const MINUTE = 60_000;
const T0 = Date.UTC(2027, 2, 14, 16, 0, 0);
const hr = { id: 'u_hr', displayName: 'Hana Ruiz' };
const exam = blueprint({ id: 'clerk-exam', title: 'Account Clerk written exam', timeLimitMinutes: 60 });
const FIELDS = { blueprintId: 'clerk-exam', date: '2027-03-14', startTime: '09:00', location: 'Community Center, Room B', proctors: 'Lee Park' };
const ROSTER = 'applicant_id,name,email,accommodation\nA-1,Ann Lee,ann@example.com,\nA-2,"Diaz, Bo",bo@example.com,1.5\nA-3,Cy Moss,cy@example.com,\n';

let dir: string;
let now: number;

beforeEach(async () => {
	dir = await mkdtemp(join(tmpdir(), 'hr-proctor-'));
	now = T0;
});
afterEach(async () => {
	await rm(dir, { recursive: true, force: true });
});

type World = { store: Store; sessions: HrSessions; attempts: ExamAttempts; day: ExamDay; proctor: Proctor };

function world(): World {
	const store = new FileStore(dir);
	let ids = 0;
	let bytes = 0;
	let attemptIds = 0;
	const sessions = new HrSessions({
		store,
		now: () => now,
		blueprints: async () => [exam],
		newId: () => (++ids).toString(16).padStart(12, '0'),
		randomBytes: (n) => Uint8Array.from({ length: n }, (_, i) => (i === 0 ? ++bytes : 7 * i))
	});
	const attempts = new ExamAttempts({
		store,
		now: () => now,
		clock: examClock(MINUTE),
		blueprints: async () => [exam],
		bank: async () => ALL_KINDS_BANK,
		newId: () => `a_${(++attemptIds).toString(16).padStart(16, '0')}`
	});
	const day = new ExamDay({ sessions, attempts, store, now: () => now, randomBytes: (n) => new Uint8Array(n).fill(1) });
	const proctor = new Proctor({ sessions, attempts, store, now: () => now, start: (id, actor) => day.startSession(id, actor) });
	return { store, sessions, attempts, day, proctor };
}

/** A session with three applicants; the first `signIn` of them sign in with their codes. */
async function openSession(w: World, signIn = 3): Promise<{ id: string; candidates: ExamSession['candidates'] }> {
	const created = await w.sessions.create(FIELDS, hr);
	if (!created.ok) throw new Error('not created');
	const id = created.id;
	await w.sessions.importRoster(id, ROSTER, hr);
	const codes = await w.sessions.issueCodes(id, 'all', hr);
	if (!codes.ok) throw new Error(codes.error);
	expect((await w.sessions.advance(id, 'open', hr)).ok).toBe(true);
	for (const { code } of codes.value.slice(0, signIn)) {
		const r = await w.day.signIn({ code, ip: '10.0.0.1' });
		if (!r.ok) throw new Error(r.message);
	}
	return { id, candidates: [...(await w.sessions.get(id))!.candidates] };
}

async function running(w: World, signIn = 3) {
	const s = await openSession(w, signIn);
	const started = await w.proctor.start(s.id, hr);
	expect(started.ok).toBe(true);
	const candidates = [...(await w.sessions.get(s.id))!.candidates];
	const attempt = async (i: number) => (await w.attempts.get(candidates[i]!.attemptId!))!;
	return { id: s.id, candidates, attempt, started };
}

const answerTrueFalse = (w: World, sessionId: string, a: Readonly<Attempt>, candidateId: string) =>
	w.attempts.save(a.id, applicantOwner(sessionId, candidateId), { saves: [{ index: a.delivered.findIndex((d) => d.itemId === 'true-false'), seq: 'next', response: { kind: 'true-false', answer: false }, flagged: false }] });

const logOf = async (w: World, id: string) => (await w.sessions.get(id))!.log.map((l) => `${l.by}: ${l.action}`);

describe('the live view', () => {
	it('shows every candidate on the roster in words before the exam: not checked in, checked in and waiting', async () => {
		const w = world();
		const { id } = await openSession(w, 2);
		const view = (await w.proctor.live(id))!;
		expect(view.status).toBe('open');
		expect(view.rows.map((r) => [r.applicantId, r.name, r.stateLabel, r.answered, r.items, r.remainingMs, r.accommodation])).toEqual([
			['A-1', 'Ann Lee', 'Checked in, waiting', null, null, null, '1'],
			['A-2', 'Diaz, Bo', 'Checked in, waiting', null, null, null, '1.5'],
			['A-3', 'Cy Moss', 'Not checked in', null, null, null, '1']
		]);
		expect(view.counts).toMatchObject({ roster: 3, checkedIn: 2, waiting: 2, 'not-checked-in': 1, writing: 0 });
		expect(await w.proctor.live('s_ffffffffffff')).toBeUndefined();
	});

	it('counts answers, runs the clock with the accommodation, and stands the clock still while paused', async () => {
		const w = world();
		const { id, candidates, attempt, started } = await running(w);
		expect(started.ok && started.message).toBe('The exam has started: 3 attempts started.');
		const ann = await attempt(0);
		now += 5 * MINUTE;
		expect((await answerTrueFalse(w, id, ann, candidates[0]!.candidateId)).ok).toBe(true);
		const saved = now;
		now += 5 * MINUTE;
		let view = (await w.proctor.live(id))!;
		const [a, b, c] = view.rows;
		expect(a).toMatchObject({ state: 'writing', stateLabel: 'Writing', answered: 1, items: ALL_KINDS_BANK.length, remainingMs: 50 * MINUTE, lastSavedAt: saved });
		expect(b).toMatchObject({ state: 'writing', answered: 0, remainingMs: 80 * MINUTE, lastSavedAt: null, accommodation: '1.5' });
		expect(c!.remainingMs).toBe(50 * MINUTE);
		expect(view.counts).toMatchObject({ checkedIn: 3, writing: 3, waiting: 0 });

		expect(await w.proctor.pause(id, candidates[0]!.candidateId, hr)).toEqual({ ok: true, message: 'Ann Lee (A-1) is paused: the clock is stopped until you resume.', value: null });
		now += 7 * MINUTE;
		view = (await w.proctor.live(id))!;
		expect(view.rows[0]).toMatchObject({ state: 'paused', stateLabel: 'Paused', remainingMs: 50 * MINUTE });
		expect(view.rows[2]!.remainingMs).toBe(43 * MINUTE);
		now += 3 * MINUTE;
		expect((await w.proctor.live(id))!.rows[0]!.remainingMs).toBe(50 * MINUTE);
		expect(view.counts).toMatchObject({ writing: 2, paused: 1 });
	});

	it('names submitted, closed at the time limit and voided attempts', async () => {
		const w = world();
		const { id, candidates, attempt } = await running(w);
		await w.attempts.submit((await attempt(0)).id, applicantOwner(id, candidates[0]!.candidateId));
		expect((await w.proctor.voidAttempt(id, candidates[1]!.candidateId, 'Used a phone during the exam', true, hr)).ok).toBe(true);
		now += 61 * MINUTE;
		const view = (await w.proctor.live(id))!;
		expect(view.rows.map((r) => [r.stateLabel, r.remainingMs, r.voidReason])).toEqual([
			['Submitted', null, null],
			['Voided', null, 'Used a phone during the exam'],
			['Closed at the time limit', null, null]
		]);
		expect(view.counts).toMatchObject({ submitted: 1, voided: 1, 'closed-at-deadline': 1, writing: 0, checkedIn: 3 });
	});

	it('words states and durations', () => {
		expect(stateOf({ checkedInAt: null }, undefined)).toBe('not-checked-in');
		expect(stateOf({ checkedInAt: 'x' }, { status: 'in-progress', pausedAt: 5 })).toBe('paused');
		expect(spokenDuration(190_000)).toBe('3 min 10 s');
		expect(spokenDuration(45_000)).toBe('45 s');
		expect(spokenDuration(120_000)).toBe('2 min');
	});
});

describe('actions on one candidate', () => {
	it('pause and resume: the time paused is given back; each is in the audit log', async () => {
		const w = world();
		const { id, candidates, attempt } = await running(w);
		const ann = candidates[0]!.candidateId;
		now += 10 * MINUTE;
		await w.proctor.pause(id, ann, hr);
		expect(await w.proctor.pause(id, ann, hr)).toEqual({ ok: false, error: 'Ann Lee (A-1) is already paused.' });
		now += 3 * MINUTE + 10_000;
		expect(await w.proctor.resume(id, ann, hr)).toMatchObject({ ok: true, message: 'Ann Lee (A-1) is writing again; the 3 min 10 s paused were given back.' });
		expect(await w.proctor.resume(id, ann, hr)).toEqual({ ok: false, error: 'Ann Lee (A-1) is not paused.' });
		expect((await attempt(0)).deadline).toBe(T0 + 60 * MINUTE + 3 * MINUTE + 10_000);
		const log = await logOf(w, id);
		expect(log.slice(-2)).toEqual(['Hana Ruiz: Paused Ann Lee (A-1).', 'Hana Ruiz: Resumed Ann Lee (A-1) after a pause of 3 min 10 s (the time was given back).']);
	});

	it('adds whole minutes from 1 to 240, refusing anything else with nothing changed', async () => {
		const w = world();
		const { id, candidates, attempt } = await running(w);
		const bo = candidates[1]!.candidateId;
		const before = await attempt(1);
		const logBefore = await logOf(w, id);
		for (const bad of ['', '0', '241', '2.5', '-3', 'ten', '1e2']) {
			expect(await w.proctor.addTime(id, bo, bad, hr)).toEqual({ ok: false, field: 'minutes', error: 'Enter the minutes to add as a whole number from 1 to 240.' });
		}
		expect((await attempt(1)).deadline).toBe(before.deadline);
		expect(await logOf(w, id)).toEqual(logBefore);
		expect(await w.proctor.addTime(id, bo, ' 10 ', hr)).toEqual({ ok: true, message: '10 minutes were added for Diaz, Bo (A-2).', value: null });
		expect(await w.proctor.addTime(id, bo, '1', hr)).toMatchObject({ ok: true });
		expect((await attempt(1)).deadline).toBe(before.deadline + 11 * MINUTE);
		const row = (await w.proctor.live(id))!.rows[1]!;
		expect(row).toMatchObject({ addedMinutes: 11, remainingMs: 90 * MINUTE + 11 * MINUTE });
		expect((await logOf(w, id)).slice(-2)).toEqual(['Hana Ruiz: Added 10 minutes for Diaz, Bo (A-2).', 'Hana Ruiz: Added 1 minute for Diaz, Bo (A-2).']);
		const file = JSON.parse(await readFile(join(dir, 'hr/proctor', `${id}.json`), 'utf8'));
		expect(file.added).toEqual({ [bo]: 11 });
	});

	it('voids only with a reason and a tick; the reason is in the log', async () => {
		const w = world();
		const { id, candidates, attempt } = await running(w);
		const cy = candidates[2]!.candidateId;
		expect(await w.proctor.voidAttempt(id, cy, '  ', true, hr)).toMatchObject({ ok: false, field: 'reason' });
		expect(await w.proctor.voidAttempt(id, cy, 'bad', true, hr)).toMatchObject({ ok: false, field: 'reason' });
		expect(await w.proctor.voidAttempt(id, cy, 'Notes found on the desk', false, hr)).toMatchObject({ ok: false, field: 'confirm' });
		expect((await attempt(2)).status).toBe('in-progress');
		expect(await w.proctor.voidAttempt(id, cy, ' Notes found   on the desk ', true, hr)).toEqual({ ok: true, message: 'The attempt of Cy Moss (A-3) is voided.', value: null });
		expect((await attempt(2)).voided).toMatchObject({ reason: 'Notes found on the desk', by: 'Hana Ruiz' });
		expect((await logOf(w, id)).at(-1)).toBe('Hana Ruiz: Voided the attempt of Cy Moss (A-3): “Notes found on the desk”.');
		expect(await w.proctor.voidAttempt(id, cy, 'Notes found on the desk', true, hr)).toEqual({ ok: false, error: 'Not voided: This attempt is already voided.' });
		expect(await w.proctor.pause(id, cy, hr)).toEqual({ ok: false, error: 'Cy Moss (A-3) is not writing: the attempt is voided.' });
	});

	it('refuses attempts that are not on this roster, and candidates without an attempt', async () => {
		const w = world();
		const one = await running(w);
		const two = await openSession(w, 1);
		const twoStart = await w.proctor.start(two.id, hr);
		expect(twoStart.ok && twoStart.message).toBe('The exam has started: 1 attempt started. 2 applicants have not checked in; each starts on signing in.');
		const other = two.candidates[0]!.candidateId;
		const logBefore = await logOf(w, one.id);
		// A candidate of another session, ids that are not candidates, and "all" (never every code).
		for (const candidateId of [other, 'c_000000000000', 'all', 'missing', '../x']) {
			expect(await w.proctor.pause(one.id, candidateId, hr)).toEqual({ ok: false, error: 'There is no such applicant on this session’s roster.' });
			expect(await w.proctor.addTime(one.id, candidateId, '5', hr)).toMatchObject({ ok: false });
			expect(await w.proctor.voidAttempt(one.id, candidateId, 'Some reason', true, hr)).toMatchObject({ ok: false });
			expect(await w.proctor.newCode(one.id, candidateId, hr)).toEqual({ ok: false, error: 'There is no such applicant on this session’s roster.' });
		}
		expect(await logOf(w, one.id)).toEqual(logBefore);
		// A roster row whose attempt id points at another candidate's attempt (a tampered file).
		const foreign = (await w.sessions.get(two.id))!.candidates[0]!.attemptId!;
		await w.store.update<ExamSession>(`hr/sessions/${one.id}`, () => { throw new Error('missing'); }, (s) => {
			s.candidates[0]!.attemptId = foreign;
		});
		expect(await w.proctor.pause(one.id, one.candidates[0]!.candidateId, hr)).toEqual({ ok: false, error: 'That attempt is not on this session’s roster.' });
		expect((await w.attempts.get(foreign))!.pausedAt ?? null).toBeNull();
		expect((await w.proctor.live(one.id))!.rows[0]).toMatchObject({ state: 'waiting', answered: null });
		// Not checked in: no attempt to act on.
		expect(await w.proctor.pause(two.id, two.candidates[1]!.candidateId, hr)).toEqual({ ok: false, error: 'Diaz, Bo (A-2) has not checked in yet.' });
	});

	it('gives one candidate a new access code during the exam; the old one stops working', async () => {
		const w = world();
		const { id, candidates } = await running(w);
		const ann = candidates[0]!;
		const r = await w.proctor.newCode(id, ann.candidateId, hr);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.value.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
		expect(r.message).toContain(r.value.code);
		const after = (await w.sessions.get(id))!.candidates[0]!;
		expect(after.codeHash).not.toBe(ann.codeHash);
		expect(after.codeUsedAt).toBeNull();
		expect((await logOf(w, id)).at(-1)).toMatch(/^Hana Ruiz: New access code given to applicant A-1 \(Ann Lee\)/);
		// Signing in with it resumes the same attempt.
		const again = await w.day.signIn({ code: r.value.code, ip: '10.0.0.2' });
		expect(again.ok && again.attemptId).toBe(ann.attemptId);
	});
});

describe('actions on everyone', () => {
	it('pause everyone and resume everyone need a tick; each is one log line', async () => {
		const w = world();
		const { id, candidates } = await running(w);
		await w.proctor.pause(id, candidates[0]!.candidateId, hr);
		expect(await w.proctor.pauseAll(id, false, hr)).toEqual({ ok: false, field: 'confirm', error: 'Tick “Yes, pause everyone” to confirm.' });
		expect((await w.proctor.live(id))!.counts.paused).toBe(1);
		expect(await w.proctor.pauseAll(id, true, hr)).toMatchObject({ ok: true, value: { changed: 2 } });
		expect(await w.proctor.pauseAll(id, true, hr)).toEqual({ ok: false, error: 'Nobody is writing: there is no one to pause.' });
		now += 2 * MINUTE;
		let view = (await w.proctor.live(id))!;
		expect(view.counts).toMatchObject({ paused: 3, writing: 0 });
		expect(view.rows.map((r) => r.remainingMs)).toEqual([60 * MINUTE, 90 * MINUTE, 60 * MINUTE]);
		expect(await w.proctor.resumeAll(id, true, hr)).toMatchObject({ ok: true, value: { changed: 3 } });
		view = (await w.proctor.live(id))!;
		expect(view.counts).toMatchObject({ paused: 0, writing: 3 });
		expect((await logOf(w, id)).slice(-2)).toEqual(['Hana Ruiz: Paused everyone: 2 attempts paused.', 'Hana Ruiz: Resumed everyone: 3 attempts resumed.']);
	});

	it('start goes through exam day once; actions on everyone need the exam running', async () => {
		const w = world();
		const { id } = await openSession(w, 1);
		expect(await w.proctor.pauseAll(id, true, hr)).toEqual({ ok: false, error: 'The exam is not running: the session is open.' });
		expect(await w.proctor.close(id, hr)).toEqual({ ok: false, error: 'The exam is not running: the session is open.' });
		expect((await w.proctor.start(id, hr)).ok).toBe(true);
		const again = await w.proctor.start(id, hr);
		expect(again.ok && again.message).toBe('The exam was already running; 0 attempts were started for checked-in applicants who had none. 2 applicants have not checked in; each starts on signing in.');
		expect((await logOf(w, id)).filter((l) => l.includes('Exam started for everyone'))).toHaveLength(1);
	});
});

describe('closing the session', () => {
	it('is refused while anyone is writing, saying how many; nothing changes', async () => {
		const w = world();
		const { id, candidates, attempt } = await running(w);
		await w.attempts.submit((await attempt(0)).id, applicantOwner(id, candidates[0]!.candidateId));
		await w.proctor.pause(id, candidates[1]!.candidateId, hr);
		expect(await w.proctor.close(id, hr)).toEqual({ ok: false, writing: 2, error: 'The session cannot close yet: 2 candidates are still writing. Wait until they submit, or end the exam now for them.' });
		expect(await w.proctor.close(id, hr, { endWriters: true })).toMatchObject({ ok: false, field: 'confirm', writing: 2 });
		expect((await w.sessions.get(id))!.status).toBe('in-progress');
		expect((await attempt(2)).status).toBe('in-progress');
	});

	it('ends the exam for those still writing, then closes; both are logged', async () => {
		const w = world();
		const { id, candidates, attempt } = await running(w);
		await w.attempts.submit((await attempt(0)).id, applicantOwner(id, candidates[0]!.candidateId));
		await w.proctor.pause(id, candidates[1]!.candidateId, hr);
		now += 20 * MINUTE;
		expect(await w.proctor.close(id, hr, { endWriters: true, confirmed: true })).toEqual({
			ok: true,
			message: 'The exam was ended for 2 candidates still writing, and the session is closed.',
			value: { ended: 2 }
		});
		expect((await w.sessions.get(id))!.status).toBe('closed');
		expect([(await attempt(1)).status, (await attempt(2)).status]).toEqual(['closed-at-deadline', 'closed-at-deadline']);
		expect((await attempt(2)).score).not.toBeNull();
		expect((await attempt(2)).endedEarly?.by).toBe('Hana Ruiz');
		expect((await w.proctor.live(id))!.rows.map((r) => r.stateLabel).slice(1)).toEqual(['Ended by the proctor', 'Ended by the proctor']);
		expect((await logOf(w, id)).slice(-2)).toEqual([
			'Hana Ruiz: Ended the exam now for 2 candidates still writing (A-2, A-3); their attempts were closed and scored.',
			'Hana Ruiz: Status changed to Closed.'
		]);
		expect(await w.proctor.close(id, hr)).toEqual({ ok: false, error: 'The session is already closed.' });
		// Voiding after the close is still possible (before scoring).
		expect((await w.proctor.voidAttempt(id, candidates[2]!.candidateId, 'Copied from a neighbour', true, hr)).ok).toBe(true);
	});

	it('closes at once when everyone has finished', async () => {
		const w = world();
		const { id, candidates, attempt } = await running(w, 1);
		await w.attempts.submit((await attempt(0)).id, applicantOwner(id, candidates[0]!.candidateId));
		expect(await w.proctor.close(id, hr)).toEqual({ ok: true, message: 'The session is closed.', value: { ended: 0 } });
	});
});
