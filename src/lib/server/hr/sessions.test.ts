import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { blueprint } from '$lib/exams/test-bank';
import { FileStore } from '../store';
import { FINISH_THROUGH_SCORING, hashCode, HrSessions, readSessionFields, type SessionFields } from './sessions';

const T0 = Date.UTC(2027, 2, 1, 17, 0, 0);
const hr = { id: 'u_hr', displayName: 'Hana Ruiz' };
const exam = blueprint({ id: 'clerk-exam', title: 'Account Clerk written exam', passingPoint: { percent: '70' } });
const practice = blueprint({ id: 'practice', purpose: 'practice' });
const draft = blueprint({ id: 'draft-exam', draft: true });

const FIELDS: SessionFields = { blueprintId: 'clerk-exam', date: '2027-03-14', startTime: '09:00', location: 'Community Center, Room B', proctors: 'Lee Park\nSam Ortiz, Jo Tran' };
const ROSTER = 'applicant_id,name,email,accommodation\nA-1,Ann Lee,ann@example.com,\nA-2,"Diaz, Bo",bo@example.com,1.5\n';

let dir: string;
let ids: number;
let bytes: number;

beforeEach(async () => {
	dir = await mkdtemp(join(tmpdir(), 'hr-sessions-'));
	ids = 0;
	bytes = 0;
});
afterEach(async () => {
	await rm(dir, { recursive: true, force: true });
});

function service(): HrSessions {
	return new HrSessions({
		store: new FileStore(dir),
		now: () => T0,
		blueprints: async () => [exam, practice, draft],
		newId: () => (++ids).toString(16).padStart(12, '0'),
		// Distinct predictable bytes per code (the real service uses the CSPRNG).
		randomBytes: (n) => Uint8Array.from({ length: n }, (_, i) => (i === n - 1 ? ++bytes : 7 * i))
	});
}

async function created(s: HrSessions): Promise<string> {
	const r = await s.create(FIELDS, hr);
	if (!r.ok) throw new Error(JSON.stringify(r.errors));
	return r.id;
}

describe('sessions', () => {
	it('checks the form: exam, real date, 24-hour time, location, proctors', () => {
		const bad = readSessionFields({ blueprintId: 'practice', date: '2027-02-30', startTime: '9am', location: ' ', proctors: ' , ' }, [exam, practice, draft]);
		expect(bad).toEqual({
			ok: false,
			errors: {
				blueprintId: 'Choose one of the exams in the list.',
				date: 'Enter a real date as YYYY-MM-DD, like 2027-03-14.',
				startTime: 'Enter the start time as HH:MM on the 24-hour clock, like 09:00 or 13:30.',
				location: 'Enter where the exam is held, like “Community Center, Room B”.',
				proctors: 'Name at least one proctor.'
			}
		});
		expect(readSessionFields({ ...FIELDS, blueprintId: 'draft-exam' }, [exam, draft]).ok).toBe(false);
		expect(readSessionFields({ ...FIELDS, date: '2028-02-29' }, [exam]).ok).toBe(true);
	});

	it('creates a scheduled session from a blueprint, stored durably in its own file', async () => {
		const s = service();
		const id = await created(s);
		expect(id).toBe('s_000000000001');
		const session = (await s.get(id))!;
		expect(session).toMatchObject({ title: 'Account Clerk written exam', status: 'scheduled', proctors: ['Lee Park', 'Sam Ortiz', 'Jo Tran'], passingPoint: { percent: '70' }, rule: '3', candidates: [] });
		const onDisk = JSON.parse(await readFile(join(dir, 'hr/sessions', `${id}.json`), 'utf8'));
		expect(onDisk.location).toBe('Community Center, Room B');
		expect(await s.list()).toEqual([expect.objectContaining({ id, candidates: 0, codes: 0, status: 'scheduled' })]);
		expect(await s.get('../users')).toBeUndefined();
	});

	it('imports a roster all or nothing, checking duplicates against the roster', async () => {
		const s = service();
		const id = await created(s);
		const bad = await s.importRoster(id, ROSTER + 'A-3,,x@\n', hr);
		expect(bad).toEqual({ ok: false, error: 'Nothing was imported: the file has 2 problems. Fix them and preview again.' });
		expect((await s.get(id))!.candidates).toHaveLength(0);
		const good = await s.importRoster(id, ROSTER, hr);
		expect(good.ok && good.value.added).toBe(2);
		const again = await s.previewRoster(id, 'id,name,email\nA-2,Other,other@example.com\n');
		expect(again.ok && again.value.errors[0]!.message).toBe('Duplicate applicant id A-2: already on this session’s roster.');
		const roster = (await s.get(id))!.candidates;
		expect(roster.map((c) => [c.applicantId, c.name, c.accommodation, c.codeHash])).toEqual([
			['A-1', 'Ann Lee', '1', null],
			['A-2', 'Diaz, Bo', '1.5', null]
		]);
	});

	it('edits one applicant, refusing a duplicate id or email', async () => {
		const s = service();
		const id = await created(s);
		await s.importRoster(id, ROSTER, hr);
		const [ann, bo] = (await s.get(id))!.candidates;
		expect(await s.updateApplicant(id, bo!.candidateId, { applicantId: 'A-1', name: 'Bo Diaz', email: 'bo@example.com' }, hr)).toEqual({ ok: false, errors: { applicantId: 'Another applicant on this roster already has the id A-1.' } });
		expect(await s.updateApplicant(id, bo!.candidateId, { applicantId: 'A-2', name: 'Bo Diaz', email: 'bo@example', accommodation: '2' }, hr)).toEqual({ ok: false, errors: { email: '“bo@example” is not an email address like name@example.com.' } });
		expect(await s.updateApplicant(id, bo!.candidateId, { applicantId: 'A-2', name: 'Bo Diaz', email: 'ANN@example.com' }, hr)).toMatchObject({ ok: false, errors: { email: expect.stringMatching(/already has the email/) } });
		expect(await s.updateApplicant(id, bo!.candidateId, { applicantId: 'A-2', name: 'Bo Diaz', email: 'bo@example.com', accommodation: '2', sex: 'Male' }, hr)).toEqual({ ok: true });
		const after = (await s.get(id))!.candidates.find((c) => c.candidateId === bo!.candidateId)!;
		expect(after).toMatchObject({ name: 'Bo Diaz', accommodation: '2', demographics: { sex: 'Male' } });
		expect((await s.removeApplicant(id, ann!.candidateId, hr)).ok).toBe(true);
		expect((await s.get(id))!.candidates).toHaveLength(1);
	});

	it('issues access codes once, storing only their hash; codes are unique and can be found again', async () => {
		const s = service();
		const id = await created(s);
		await s.importRoster(id, ROSTER, hr);
		const issued = await s.issueCodes(id, 'missing', hr);
		expect(issued.ok).toBe(true);
		if (!issued.ok) return;
		expect(issued.value).toHaveLength(2);
		for (const { code } of issued.value) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
		expect(new Set(issued.value.map((i) => i.code)).size).toBe(2);
		const file = await readFile(join(dir, 'hr/sessions', `${id}.json`), 'utf8');
		for (const { code } of issued.value) expect(file).not.toContain(code.replaceAll('-', ''));
		expect(file).toContain(hashCode(issued.value[0]!.code.replaceAll('-', '')));
		// Found with a sloppily typed code; nothing else matches.
		const first = issued.value[0]!;
		expect((await s.findByCode(id, first.code.toLowerCase().replaceAll('-', ' ')))?.candidateId).toBe(first.candidateId);
		expect(await s.findByCode(id, '0000-0000-0000')).toBeUndefined();
		// Nobody is missing a code now; reprinting one replaces only that code.
		expect(await s.issueCodes(id, 'missing', hr)).toMatchObject({ ok: false, error: expect.stringMatching(/already has a ticket/) });
		const again = await s.issueCodes(id, first.candidateId, hr);
		expect(again.ok && again.value[0]!.code).not.toBe(first.code);
		expect(await s.findByCode(id, first.code)).toBeUndefined();
	});

	it('status moves one step at a time; opening needs a roster with tickets; the roster locks once the exam starts', async () => {
		const s = service();
		const id = await created(s);
		expect(await s.advance(id, 'in-progress', hr)).toMatchObject({ ok: false, error: expect.stringMatching(/next step is “Open”/) });
		expect(await s.advance(id, 'open', hr)).toEqual({ ok: false, error: 'Import the roster before opening the session.' });
		await s.importRoster(id, ROSTER, hr);
		expect(await s.advance(id, 'open', hr)).toMatchObject({ ok: false, error: expect.stringMatching(/^2 applicants have no access code yet/) });
		await s.issueCodes(id, 'all', hr);
		expect(await s.advance(id, 'open', hr)).toEqual({ ok: true, value: 'open' });
		// Starting is not a bare step: startSession (exam-day.ts) moves the status and starts the attempts.
		expect(await s.advance(id, 'in-progress', hr)).toMatchObject({ ok: false, error: expect.stringMatching(/“Start the exam for everyone”/) });
		expect(await s.markInProgress(id, hr)).toEqual({ ok: true, value: { already: false } });
		expect(await s.markInProgress(id, hr)).toEqual({ ok: true, value: { already: true } });
		expect(await s.importRoster(id, ROSTER.replaceAll('A-', 'B-').replaceAll('@', '2@'), hr)).toEqual({ ok: false, error: 'The roster is locked: the exam has started.' });
		const c = (await s.get(id))!.candidates[0]!;
		expect((await s.updateApplicant(id, c.candidateId, { applicantId: 'A-1', name: 'X', email: 'x@example.com' }, hr)).ok).toBe(false);
		expect((await s.issueCodes(id, 'all', hr)).ok).toBe(false);
		expect(await s.advance(id, 'closed', hr)).toEqual({ ok: true, value: 'closed' });
		// Scored and released are not bare steps either: scoring.ts checks every attempt first (scoring.test.ts).
		expect(await s.advance(id, 'scored', hr)).toEqual({ ok: false, error: FINISH_THROUGH_SCORING });
		expect(await s.markReleased(id, hr)).toEqual({ ok: false, error: 'Mark the session scored before releasing the scores.' });
		expect(await s.markScored(id, hr)).toEqual({ ok: true, value: undefined });
		expect(await s.markReleased(id, hr)).toEqual({ ok: true, value: { already: false } });
		expect(await s.advance(id, 'released', hr)).toMatchObject({ ok: false });
		expect((await s.get(id))!.log.map((l) => l.action)).toContain('Status changed to Released.');
	});

	it('sets the passing point, rule and banding with clear errors', async () => {
		const s = service();
		const id = await created(s);
		expect(await s.setScoring(id, { mode: 'percent', value: '101', rule: '3', banding: false }, hr)).toEqual({ ok: false, field: 'value', error: 'A percent passing point must be from 0 to 100.' });
		expect(await s.setScoring(id, { mode: 'points', value: 'seventy', rule: '3', banding: false }, hr)).toMatchObject({ ok: false, field: 'value' });
		expect(await s.setScoring(id, { mode: 'points', value: '60', rule: '5', banding: false }, hr)).toMatchObject({ ok: false, field: 'rule' });
		expect(await s.setScoring(id, { mode: 'points', value: '52.5', rule: '10', banding: true }, hr)).toEqual({ ok: true });
		expect(await s.get(id)).toMatchObject({ passingPoint: { points: '52.5' }, rule: '10', banding: true });
	});
});

describe('session details', () => {
	it('change while the roster is open, with the same checks; not after the exam starts', async () => {
		const s = service();
		const id = await created(s);
		expect(await s.updateDetails(id, { date: '2027-03-15', startTime: '25:00', location: 'City Hall', proctors: 'Lee Park' }, hr)).toEqual({
			ok: false,
			errors: { startTime: 'Enter the start time as HH:MM on the 24-hour clock, like 09:00 or 13:30.' }
		});
		expect(await s.updateDetails(id, { date: '2027-03-15', startTime: '13:30', location: 'City Hall', proctors: 'Lee Park' }, hr)).toEqual({ ok: true });
		expect(await s.get(id)).toMatchObject({ date: '2027-03-15', startTime: '13:30', location: 'City Hall', blueprintId: 'clerk-exam' });
		await s.importRoster(id, ROSTER, hr);
		await s.issueCodes(id, 'all', hr);
		await s.advance(id, 'open', hr);
		await s.markInProgress(id, hr);
		expect(await s.updateDetails(id, { date: '2027-03-16', startTime: '13:30', location: 'City Hall', proctors: 'Lee Park' }, hr)).toEqual({
			ok: false,
			errors: { form: 'The details cannot change once the exam has started.' }
		});
	});
});
