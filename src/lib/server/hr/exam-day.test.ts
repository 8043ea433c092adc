import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ALL_KINDS_BANK, blueprint } from '$lib/exams/test-bank';
import { ExamAttempts, type Attempt } from '../exams/attempts';
import { examClock } from '../exams/clock';
import { FileStore } from '../store';
import { APPLICANT_TTL_MS, endApplicantSession, validateApplicantCookie } from './applicants';
import { applicantOwner, CODE_MAX_FAILURES, ExamDay, SIGN_IN_MESSAGES, startReportText } from './exam-day';
import { HrSessions, START_THROUGH_EXAM_DAY, type SessionFields } from './sessions';

const MINUTE = 60_000;
const T0 = Date.UTC(2027, 2, 14, 16, 0, 0);
const hr = { id: 'u_hr', displayName: 'Hana Ruiz' };
const exam = blueprint({ id: 'clerk-exam', title: 'Account Clerk written exam', timeLimitMinutes: 60, attemptsAllowed: 1 });
const FIELDS: SessionFields = { blueprintId: 'clerk-exam', date: '2027-03-14', startTime: '09:00', location: 'Community Center, Room B', proctors: 'Lee Park' };
const ROSTER = 'applicant_id,name,email,accommodation\nA-1,Ann Lee,ann@example.com,\nA-2,"Diaz, Bo",bo@example.com,1.5\nA-3,Cy Fox,cy@example.com,\n';
const IP = '10.0.0.7';

let dir: string;
let now: number;
let ids: number;
let bytes: number;
let attemptIds: number;

beforeEach(async () => {
	dir = await mkdtemp(join(tmpdir(), 'exam-day-'));
	now = T0;
	ids = 0;
	bytes = 0;
	attemptIds = 0;
});
afterEach(async () => {
	await rm(dir, { recursive: true, force: true });
});

function world() {
	const store = new FileStore(dir);
	const sessions = new HrSessions({
		store,
		now: () => now,
		blueprints: async () => [exam],
		newId: () => (++ids).toString(16).padStart(12, '0'),
		randomBytes: (n) => Uint8Array.from({ length: n }, (_, i) => (i === n - 1 ? ++bytes : 7 * i + bytes))
	});
	const attempts = new ExamAttempts({
		store,
		now: () => now,
		clock: examClock(MINUTE),
		blueprints: async () => [exam],
		bank: async () => ALL_KINDS_BANK,
		newId: () => `a_${(++attemptIds).toString(16).padStart(16, '0')}`
	});
	const day = new ExamDay({ sessions, attempts, store, now: () => now, concurrency: 2 });
	return { store, sessions, attempts, day };
}

/** A session with three applicants, tickets printed (codes by candidate name), in the given status. */
async function session(w: ReturnType<typeof world>, status: 'scheduled' | 'open' = 'open') {
	const made = await w.sessions.create(FIELDS, hr);
	if (!made.ok) throw new Error('not created');
	await w.sessions.importRoster(made.id, ROSTER, hr);
	const issued = await w.sessions.issueCodes(made.id, 'missing', hr);
	if (!issued.ok) throw new Error(issued.error);
	const s = (await w.sessions.get(made.id))!;
	const codes = Object.fromEntries(issued.value.map((i) => [s.candidates.find((c) => c.candidateId === i.candidateId)!.name, i.code]));
	const cid = Object.fromEntries(s.candidates.map((c) => [c.name, c.candidateId]));
	if (status === 'open') expect((await w.sessions.advance(made.id, 'open', hr)).ok).toBe(true);
	return { id: made.id, codes, cid };
}

const sessionFile = (id: string) => readFile(join(dir, 'hr/sessions', `${id}.json`), 'utf8');

describe('signing in with an access code', () => {
	it('takes the code typed loosely, marks it used and the candidate checked in, and signs in as that candidate', async () => {
		const w = world();
		const { id, codes, cid } = await session(w);
		const typed = ` ${codes['Ann Lee']!.toLowerCase().replace(/-/g, ' ')} `;
		const r = await w.day.signIn({ code: typed, ip: IP });
		expect(r).toMatchObject({ ok: true, sessionId: id, candidateId: cid['Ann Lee'], status: 'open', attemptId: null });
		if (!r.ok) return;
		const ann = (await w.sessions.candidate(id, cid['Ann Lee']!))!.candidate;
		expect(ann.codeUsedAt).toBe(new Date(T0).toISOString());
		expect(ann.checkedInAt).toBe(new Date(T0).toISOString());
		expect(r.expiresAt).toBe(T0 + APPLICANT_TTL_MS);
		const who = await validateApplicantCookie(w.store, w.sessions, r.cookie, now);
		expect(who).toMatchObject({ sessionId: id, candidateId: cid['Ann Lee'], name: 'Ann Lee', applicantId: 'A-1', examTitle: 'Account Clerk written exam', owner: { kind: 'applicant', id: `${id}-${cid['Ann Lee']}` } });
	});

	it('refuses an empty, unknown or malformed code, a used one, and changes nothing', async () => {
		const w = world();
		const { id, codes } = await session(w);
		const before = await sessionFile(id);
		expect(await w.day.signIn({ code: '   ', ip: IP })).toEqual({ ok: false, reason: 'empty', message: SIGN_IN_MESSAGES.empty });
		expect(await w.day.signIn({ code: 'ZZZZ-ZZZZ-ZZZZ', ip: IP })).toEqual({ ok: false, reason: 'unknown', message: SIGN_IN_MESSAGES.unknown });
		expect(await w.day.signIn({ code: 'not a code', ip: IP })).toMatchObject({ ok: false, reason: 'unknown' });
		expect(await sessionFile(id)).toBe(before);
		expect((await w.day.signIn({ code: codes['Cy Fox']!, ip: IP })).ok).toBe(true);
		const after = await sessionFile(id);
		expect(await w.day.signIn({ code: codes['Cy Fox']!, ip: '10.0.0.8' })).toEqual({ ok: false, reason: 'used', message: SIGN_IN_MESSAGES.used });
		expect(SIGN_IN_MESSAGES.used).toContain('Ask the proctor for a new code');
		expect(await sessionFile(id)).toBe(after);
	});

	it('says when the session is not open yet, and when it is over', async () => {
		const w = world();
		const { id, codes } = await session(w, 'scheduled');
		const early = await w.day.signIn({ code: codes['Ann Lee']!, ip: IP });
		expect(early).toMatchObject({ ok: false, reason: 'not-open' });
		if (!early.ok) expect(early.message).toBe('This code is for the Account Clerk written exam on Sunday, March 14, 2027 at 9:00 AM. The session is not open yet: try again when the proctor says so.');
		expect((await w.sessions.candidate(id, (await w.sessions.get(id))!.candidates[0]!.candidateId))!.candidate.codeUsedAt).toBeNull();
		await w.sessions.advance(id, 'open', hr);
		expect((await w.day.startSession(id, hr)).ok).toBe(true);
		expect((await w.sessions.advance(id, 'closed', hr)).ok).toBe(true);
		expect(await w.day.signIn({ code: codes['Ann Lee']!, ip: IP })).toEqual({ ok: false, reason: 'over', message: SIGN_IN_MESSAGES.over });
	});

	it('blocks an address after too many unknown codes (known codes do not count), then lets it try again', async () => {
		const w = world();
		const { codes } = await session(w);
		for (let i = 0; i < CODE_MAX_FAILURES; i++) expect((await w.day.signIn({ code: `AAAA-AAAA-${String(i).padStart(4, '0')}`, ip: IP })).ok).toBe(false);
		const blocked = await w.day.signIn({ code: codes['Ann Lee']!, ip: IP });
		expect(blocked).toMatchObject({ ok: false, reason: 'blocked', message: 'Too many wrong access codes from this computer. Wait 15 minutes and try again, or ask the proctor.' });
		// Another computer is not blocked.
		expect((await w.day.signIn({ code: codes['Ann Lee']!, ip: '10.0.0.9' })).ok).toBe(true);
		now += 15 * MINUTE + 1;
		expect((await w.day.signIn({ code: codes['Cy Fox']!, ip: IP })).ok).toBe(true);
	});
});

describe('applicant sign-in sessions', () => {
	it('stores only the SHA-256 of the token, and ends after 12 hours, at sign-out, or when the session closes', async () => {
		const w = world();
		const { id, codes, cid } = await session(w);
		const r = await w.day.signIn({ code: codes['Ann Lee']!, ip: IP });
		if (!r.ok) throw new Error(r.message);
		const token = r.cookie.split('.')[1]!;
		expect(Buffer.from(token, 'base64url')).toHaveLength(32);
		const files = await readdir(join(dir, 'hr/applicant-sessions'));
		expect(files).toEqual([`${id}-${cid['Ann Lee']}.json`]);
		expect(await readFile(join(dir, 'hr/applicant-sessions', files[0]!), 'utf8')).not.toContain(token);
		// A changed token, a wrong shape: nobody.
		expect(await validateApplicantCookie(w.store, w.sessions, r.cookie.slice(0, -1) + (r.cookie.endsWith('A') ? 'B' : 'A'), now)).toBeNull();
		expect(await validateApplicantCookie(w.store, w.sessions, `${id}-${cid['Ann Lee']}`, now)).toBeNull();
		expect(await validateApplicantCookie(w.store, w.sessions, `../users.${token}`, now)).toBeNull();
		expect(await validateApplicantCookie(w.store, w.sessions, r.cookie, T0 + APPLICANT_TTL_MS - 1)).not.toBeNull();
		expect(await validateApplicantCookie(w.store, w.sessions, r.cookie, T0 + APPLICANT_TTL_MS)).toBeNull();

		const who = (await validateApplicantCookie(w.store, w.sessions, r.cookie, now))!;
		await endApplicantSession(w.store, who, now);
		expect(await validateApplicantCookie(w.store, w.sessions, r.cookie, now)).toBeNull();

		const cy = await w.day.signIn({ code: codes['Cy Fox']!, ip: IP });
		if (!cy.ok) throw new Error(cy.message);
		await w.day.startSession(id, hr);
		expect(await validateApplicantCookie(w.store, w.sessions, cy.cookie, now)).not.toBeNull();
		await w.sessions.advance(id, 'closed', hr);
		expect(await validateApplicantCookie(w.store, w.sessions, cy.cookie, now)).toBeNull();
	});

	it('a new code for a candidate (another computer) signs out the old computer; the new sign-in resumes the same attempt', async () => {
		const w = world();
		const { id, codes, cid } = await session(w);
		const first = await w.day.signIn({ code: codes['Ann Lee']!, ip: IP });
		if (!first.ok) throw new Error(first.message);
		const started = await w.day.startSession(id, hr);
		if (!started.ok) throw new Error(started.error);
		const attemptId = (await w.sessions.candidate(id, cid['Ann Lee']!))!.candidate.attemptId!;
		expect(attemptId).toMatch(/^a_/);

		// The whole roster cannot be reprinted during the exam; one applicant can get a new code.
		expect(await w.sessions.issueCodes(id, 'all', hr)).toEqual({ ok: false, error: 'Tickets can be printed only before the exam starts.' });
		const again = await w.sessions.issueCodes(id, cid['Ann Lee']!, hr);
		if (!again.ok) throw new Error(again.error);
		expect((await w.sessions.get(id))!.log.at(-1)!.action).toBe('New access code given to applicant A-1 (Ann Lee); the old one no longer works.');
		expect(await validateApplicantCookie(w.store, w.sessions, first.cookie, now)).toBeNull();
		expect(await w.day.signIn({ code: codes['Ann Lee']!, ip: IP })).toMatchObject({ ok: false, reason: 'unknown' });

		const second = await w.day.signIn({ code: again.value[0]!.code, ip: IP });
		expect(second).toMatchObject({ ok: true, status: 'in-progress', attemptId });
		expect((await w.attempts.attemptsOf(applicantOwner(id, cid['Ann Lee']!))).map((a) => a.id)).toEqual([attemptId]);
		// Checked in the first time, not moved by the second sign-in.
		expect((await w.sessions.candidate(id, cid['Ann Lee']!))!.candidate.checkedInAt).toBe(new Date(T0).toISOString());
	});
});

describe('starting the exam for everyone', () => {
	it('refuses the bare status step and a session not yet open', async () => {
		const w = world();
		const { id } = await session(w, 'scheduled');
		expect(await w.day.startSession(id, hr)).toEqual({ ok: false, error: 'Open the session first, so applicants can check in.' });
		await w.sessions.advance(id, 'open', hr);
		expect(await w.sessions.advance(id, 'in-progress', hr)).toEqual({ ok: false, error: START_THROUGH_EXAM_DAY });
		expect((await w.sessions.get(id))!.status).toBe('open');
		expect(await w.day.startSession('s_000000000999', hr)).toEqual({ ok: false, error: 'There is no such exam session.' });
	});

	it('moves the session to in progress and starts an attempt for every checked-in applicant with their time multiplier', async () => {
		const w = world();
		const { id, codes, cid } = await session(w);
		for (const name of ['Ann Lee', 'Diaz, Bo']) expect((await w.day.signIn({ code: codes[name]!, ip: IP })).ok).toBe(true);
		// Waiting: no attempt yet.
		expect(await w.day.attemptFor(id, cid['Ann Lee']!, hr)).toEqual({ ok: false, error: 'The exam has not started yet.' });

		now += MINUTE;
		const r = await w.day.startSession(id, hr);
		expect(r).toEqual({ ok: true, value: { already: false, started: 2, kept: 0, notCheckedIn: 1, failed: [] } });
		if (!r.ok) return;
		expect(startReportText(r.value)).toBe('The exam has started: 2 attempts started. 1 applicant has not checked in; they get their exam when they sign in.');
		const s = (await w.sessions.get(id))!;
		expect(s.status).toBe('in-progress');
		expect(s.log.map((l) => l.action)).toContain('Exam started for everyone: status changed to In progress with 2 of 3 applicants checked in.');
		const byName = Object.fromEntries(s.candidates.map((c) => [c.name, c]));
		expect(byName['Cy Fox']!.attemptId).toBeNull();
		const ann = (await w.store.get<Attempt>(`exams/attempts/${byName['Ann Lee']!.attemptId}`))!;
		const bo = (await w.store.get<Attempt>(`exams/attempts/${byName['Diaz, Bo']!.attemptId}`))!;
		expect(ann.owner).toEqual({ kind: 'applicant', id: `${id}-${cid['Ann Lee']}` });
		expect(ann.deadline - ann.startedAt).toBe(60 * MINUTE);
		expect(bo.accommodation).toBe('1.5');
		expect(bo.deadline - bo.startedAt).toBe(90 * MINUTE);
		expect(await w.day.attemptFor(id, cid['Ann Lee']!, hr)).toEqual({ ok: true, value: ann.id });
		expect(await w.day.attemptFor(id, cid['Cy Fox']!, hr)).toEqual({ ok: false, error: 'Cy Fox has not checked in.' });

		// Again: nothing new, nobody gets a second attempt.
		const again = await w.day.startSession(id, hr);
		expect(again).toEqual({ ok: true, value: { already: true, started: 0, kept: 2, notCheckedIn: 1, failed: [] } });
		expect(attemptIds).toBe(2);

		// A late arrival gets their attempt when they sign in.
		const late = await w.day.signIn({ code: codes['Cy Fox']!, ip: IP });
		expect(late).toMatchObject({ ok: true, status: 'in-progress', attemptId: 'a_0000000000000003' });
		expect((await w.sessions.candidate(id, cid['Cy Fox']!))!.candidate.attemptId).toBe('a_0000000000000003');
		expect(await w.day.startSession(id, hr)).toMatchObject({ ok: true, value: { started: 0, kept: 3, notCheckedIn: 0 } });
	});

	it('starts a crowd a few at a time, each once, even with a second click and sign-ins racing it', async () => {
		const w = world();
		const made = await w.sessions.create(FIELDS, hr);
		if (!made.ok) throw new Error('not created');
		const rows = Array.from({ length: 12 }, (_, i) => `B-${i},Person ${i},p${i}@example.com,`).join('\n');
		await w.sessions.importRoster(made.id, `applicant_id,name,email,accommodation\n${rows}\n`, hr);
		const issued = await w.sessions.issueCodes(made.id, 'missing', hr);
		if (!issued.ok) throw new Error(issued.error);
		await w.sessions.advance(made.id, 'open', hr);
		for (const { code } of issued.value.slice(0, 8)) expect((await w.day.signIn({ code, ip: IP })).ok).toBe(true);
		const [a, b, ...late] = await Promise.all([
			w.day.startSession(made.id, hr),
			w.day.startSession(made.id, hr),
			...issued.value.slice(8).map(({ code }) => w.day.signIn({ code, ip: IP }))
		]);
		expect(a.ok && b.ok).toBe(true);
		expect(late.every((r) => r.ok)).toBe(true);
		const s = (await w.sessions.get(made.id))!;
		expect(s.candidates.every((c) => c.attemptId)).toBe(true);
		expect(new Set(s.candidates.map((c) => c.attemptId)).size).toBe(12);
		for (const c of s.candidates) expect(await w.attempts.attemptsOf(applicantOwner(made.id, c.candidateId))).toHaveLength(1);
	});

	it('shows the waiting room until the exam starts, then the attempt', async () => {
		const w = world();
		const { id, codes, cid } = await session(w);
		await w.day.signIn({ code: codes['Diaz, Bo']!, ip: IP });
		const room = (await w.day.waitingRoom({ sessionId: id, candidateId: cid['Diaz, Bo']! }))!;
		expect(room).toMatchObject({
			name: 'Diaz, Bo',
			applicantId: 'A-2',
			status: 'open',
			attemptId: null,
			session: { title: 'Account Clerk written exam', date: 'Sunday, March 14, 2027', startTime: '9:00 AM', location: 'Community Center, Room B' },
			exam: { timeLimitMinutes: 60, yourMinutes: 90, instructions: '<p>Answer everything.</p>\n' }
		});
		await w.sessions.markInProgress(id, hr); // as if the start-all were still on its way
		const running = (await w.day.waitingRoom({ sessionId: id, candidateId: cid['Diaz, Bo']! }))!;
		expect(running.status).toBe('in-progress');
		expect(running.attemptId).toMatch(/^a_/);
		expect(await w.day.waitingRoom({ sessionId: id, candidateId: 'c_ffffffffffff' })).toBeNull();
	});
});
