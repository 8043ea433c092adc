import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ItemResponse } from '$lib/exams';
import { blueprint, numeric, single, trueFalse, essay, typing, tenKey } from '$lib/exams/test-bank';
import { analyzeItems } from '$lib/hr/item-analysis';
import { eligibilityList } from '$lib/hr/eligibility';
import { FileStore } from '../store';
import { ExamAttempts } from '../exams/attempts';
import { examClock } from '../exams/clock';
import { analysisInput, chosenOptions, resultRows, sessionResults } from './results';
import { HrSessions } from './sessions';

const T0 = Date.UTC(2027, 2, 14, 17, 0, 0);
const hr = { id: 'u_hr', displayName: 'Hana Ruiz' };
// Three fixed items, options shuffled per candidate: the reader must map display positions back.
const exam = blueprint({
	id: 'clerk-exam',
	shuffleItems: false,
	shuffleOptions: true,
	passingPoint: { percent: '60' },
	sections: [{ id: 'all', title: 'Knowledge', items: ['single', 'true-false', 'numeric'], draw: [] }]
});
const withEssay = blueprint({ id: 'essay-exam', shuffleItems: false, sections: [{ id: 'all', title: 'Writing', items: ['single', 'essay'], draw: [] }] });

let dir: string;
let now: number;
let n: number;
beforeEach(async () => {
	dir = await mkdtemp(join(tmpdir(), 'hr-results-'));
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
		blueprints: async () => [exam, withEssay],
		bank: async () => [single, trueFalse, numeric, essay],
		newId: () => `a_${(++n).toString(16).padStart(16, '0')}`
	});
	const sessions = new HrSessions({ store, now: () => now, blueprints: async () => [exam, withEssay], newId: () => (++n).toString(16).padStart(12, '0') });
	return { store, attempts, sessions };
}

type Answers = { single: 'right' | 'wrong' | null; tf: boolean | null; numeric: string };

/** Start, answer and submit an attempt as the runner would; returns its id. */
async function sit(attempts: ExamAttempts, who: string, answers: Answers, blueprintId = 'clerk-exam'): Promise<string> {
	const owner = { kind: 'user' as const, id: who };
	const started = await attempts.start(owner, blueprintId);
	if (!started.ok) throw new Error(started.error);
	const a = (await attempts.getFor(started.attemptId, owner))!;
	const order = a.delivered[0]!.order!;
	// single: option 1 ($175.00) is right; option 2 wrong. The candidate clicks display positions.
	const choice = answers.single === null ? null : order.indexOf(answers.single === 'right' ? 1 : 2);
	const responses: ItemResponse[] = [{ kind: 'single-choice', choice }];
	if (blueprintId === 'clerk-exam') responses.push({ kind: 'true-false', answer: answers.tf }, { kind: 'numeric', value: answers.numeric });
	else responses.push({ kind: 'essay', text: 'Dear Ms. Alvarez, thank you for your letter.' });
	const saved = await attempts.save(a.id, owner, { saves: responses.map((response, index) => ({ index, seq: 1, response, flagged: false })) });
	if (!saved.ok) throw new Error(saved.error);
	const done = await attempts.submit(a.id, owner);
	if (!done.ok) throw new Error(done.error);
	return a.id;
}

describe('session results over the stored attempts', () => {
	it('per candidate raw, percent, sections and item responses; absent candidates have none', async () => {
		const { store, attempts, sessions } = setup();
		const made = await sessions.create({ blueprintId: 'clerk-exam', date: '2027-03-14', startTime: '09:00', location: 'City Hall', proctors: 'Lee Park' }, hr);
		if (!made.ok) throw new Error('not created');
		const id = made.id;
		await sessions.importRoster(id, 'id,name,email\nA-1,Ann Lee,ann@example.com\nA-2,Bo Diaz,bo@example.com\nA-3,Cy Fox,cy@example.com\nA-4,Di Gray,di@example.com\n', hr);
		const roster = (await sessions.get(id))!.candidates;
		const plan: Answers[] = [
			{ single: 'right', tf: false, numeric: '6.00' }, // 3 of 3
			{ single: 'right', tf: true, numeric: '$6' }, // 2 of 3
			{ single: 'wrong', tf: null, numeric: '5.99' } // 0 of 3
		];
		for (const [i, answers] of plan.entries()) await sessions.linkAttempt(id, roster[i]!.candidateId, await sit(attempts, roster[i]!.candidateId, answers), hr);
		// A linked attempt whose file is gone counts as absent rather than failing the page.
		await sessions.linkAttempt(id, roster[3]!.candidateId, 'a_ffffffffffffffff', hr);
		const results = await sessionResults(store, (await sessions.get(id))!);

		expect(results.candidates.map((c) => [c.applicantId, c.status, c.raw, c.max, c.percent, c.pending])).toEqual([
			['A-1', 'submitted', '3.00', '3.00', '100.00', 0],
			['A-2', 'submitted', '2.00', '3.00', '66.67', 0],
			['A-3', 'submitted', '0.00', '3.00', '0.00', 0],
			['A-4', 'absent', null, null, null, 0]
		]);
		expect(results.candidates[1]!.sections).toEqual([{ sectionId: 'all', title: 'Knowledge', raw: '2.00', max: '3.00', percent: '66.67' }]);
		// Choices are given in the item's written order whatever order each candidate saw.
		expect(results.candidates.map((c) => c.items[0]?.chosen)).toEqual([[1], [1], [2], undefined]);
		expect(results.candidates.map((c) => c.items[1]?.chosen)).toEqual([[1], [0], [], undefined]);
		expect(results.candidates[2]!.items[2]).toEqual({ itemId: 'numeric', sectionId: 'all', outcome: 'incorrect', points: '0.00', max: '1.00' });
		expect(results.items.map((i) => [i.itemId, i.options?.map((o) => o.text)])).toEqual([
			['single', ['$0.00', '$175.00', '$350.00']],
			['true-false', ['True', 'False']],
			['numeric', undefined]
		]);

		// The same data feeds the list and the item analysis.
		const list = eligibilityList(resultRows(results), { percent: '60' }, '3');
		expect(list.passing.map((e) => [e.applicantId, e.rank])).toEqual([
			['A-1', 1],
			['A-2', 2]
		]);
		expect(list.notScored.map((e) => e.applicantId)).toEqual(['A-4']);
		const analysis = analyzeItems(results.items, analysisInput(results));
		expect(analysis.test.candidates).toBe(3);
		const single1 = analysis.items.find((i) => i.itemId === 'single')!;
		expect(single1.facility).toBe('66.7');
		expect(single1.options!.map((o) => o.count)).toEqual([0, 2, 1]);
	});

	it('an essay waiting for a person leaves the candidate off the list and out of the item analysis', async () => {
		const { store, attempts, sessions } = setup();
		const made = await sessions.create({ blueprintId: 'clerk-exam', date: '2027-03-14', startTime: '09:00', location: 'City Hall', proctors: 'Lee Park' }, hr);
		if (!made.ok) throw new Error('not created');
		await sessions.importRoster(made.id, 'id,name,email\nA-1,Ann Lee,ann@example.com\n', hr);
		const c = (await sessions.get(made.id))!.candidates[0]!;
		await sessions.linkAttempt(made.id, c.candidateId, await sit(attempts, c.candidateId, { single: 'right', tf: null, numeric: '' }, 'essay-exam'), hr);
		const results = await sessionResults(store, (await sessions.get(made.id))!);
		expect(results.candidates[0]).toMatchObject({ raw: '1.00', pending: 1 });
		expect(results.candidates[0]!.items[1]).toMatchObject({ itemId: 'essay', outcome: 'needs-person', points: null });
		expect(eligibilityList(resultRows(results), { percent: '50' }, 'all').notScored).toHaveLength(1);
		expect(analysisInput(results)[0]!.items.map((i) => i.itemId)).toEqual(['single']);
	});

	it('an attempt still in progress has no score yet', async () => {
		const { store, attempts, sessions } = setup();
		const made = await sessions.create({ blueprintId: 'clerk-exam', date: '2027-03-14', startTime: '09:00', location: 'City Hall', proctors: 'Lee Park' }, hr);
		if (!made.ok) throw new Error('not created');
		await sessions.importRoster(made.id, 'id,name,email\nA-1,Ann Lee,ann@example.com\n', hr);
		const c = (await sessions.get(made.id))!.candidates[0]!;
		const started = await attempts.start({ kind: 'user', id: c.candidateId }, 'clerk-exam');
		if (!started.ok) throw new Error(started.error);
		await sessions.linkAttempt(made.id, c.candidateId, started.attemptId, hr);
		const results = await sessionResults(store, (await sessions.get(made.id))!);
		expect(results.candidates[0]).toMatchObject({ status: 'in-progress', raw: null, items: [] });
	});
});

describe('voided attempts and skills tests', () => {
	it('a voided attempt shows as voided with its reason: no score, not ranked, not counted as failing', async () => {
		const { store, attempts, sessions } = setup();
		const made = await sessions.create({ blueprintId: 'clerk-exam', date: '2027-03-14', startTime: '09:00', location: 'City Hall', proctors: 'Lee Park' }, hr);
		if (!made.ok) throw new Error('not created');
		await sessions.importRoster(made.id, 'id,name,email\nA-1,Ann Lee,ann@example.com\nA-2,Bo Diaz,bo@example.com\n', hr);
		const [a, b] = (await sessions.get(made.id))!.candidates;
		await sessions.linkAttempt(made.id, a!.candidateId, await sit(attempts, a!.candidateId, { single: 'wrong', tf: true, numeric: '1' }), hr);
		const voided = await sit(attempts, b!.candidateId, { single: 'right', tf: false, numeric: '6.00' });
		await sessions.linkAttempt(made.id, b!.candidateId, voided, hr);
		await attempts.voidAttempt(voided, 'Copied from a neighbour.', 'Pat Proctor');
		const results = await sessionResults(store, (await sessions.get(made.id))!);
		expect(results.candidates[1]).toMatchObject({ applicantId: 'A-2', status: 'voided', voidReason: 'Copied from a neighbour.', raw: null, percent: null, pending: 0, items: [], skills: [] });
		const list = eligibilityList(resultRows(results), { percent: '0' }, 'all');
		expect(list.passing.map((e) => e.applicantId)).toEqual(['A-1']);
		expect(list.notPassed).toEqual([]);
		expect(list.notScored.map((e) => e.applicantId)).toEqual(['A-2']);
		expect(analysisInput(results).map((c) => c.candidateId)).toEqual([a!.candidateId]);
	});

	it('skills figures per candidate: net WPM and KPH with accuracy and the pass marks; an untaken test says so', async () => {
		const skills = blueprint({ id: 'skills-exam', shuffleItems: false, sections: [{ id: 'k', title: 'Keyboard', items: ['typing', 'ten-key'], draw: [] }] });
		const store = new FileStore(dir);
		const attempts = new ExamAttempts({ store, now: () => now, clock: examClock(60_000), blueprints: async () => [skills], bank: async () => [typing, tenKey], newId: () => `a_${(++n).toString(16).padStart(16, '0')}` });
		const sessions = new HrSessions({ store, now: () => now, blueprints: async () => [skills], newId: () => (++n).toString(16).padStart(12, '0') });
		const made = await sessions.create({ blueprintId: 'skills-exam', date: '2027-03-14', startTime: '09:00', location: 'City Hall', proctors: 'Lee Park' }, hr);
		if (!made.ok) throw new Error('not created');
		await sessions.importRoster(made.id, 'id,name,email\nA-1,Ann Lee,ann@example.com\nA-2,Bo Diaz,bo@example.com\n', hr);
		const [a, b] = (await sessions.get(made.id))!.candidates;
		for (const [c, takes] of [[a!, true], [b!, false]] as const) {
			const owner = { kind: 'user' as const, id: c.candidateId };
			const started = await attempts.start(owner, 'skills-exam');
			if (!started.ok) throw new Error(started.error);
			if (takes) {
				await attempts.startSkill(started.attemptId, owner, 0);
				now += 60_000;
				await attempts.save(started.attemptId, owner, { saves: [{ index: 0, seq: 1, response: { kind: 'typing', text: typing.text.slice(0, 250), elapsedMs: 60_000 }, flagged: false }] });
				await attempts.startSkill(started.attemptId, owner, 1);
				now += 30_000;
				await attempts.save(started.attemptId, owner, { saves: [{ index: 1, seq: 1, response: { kind: 'ten-key', entries: tenKey.entries!.slice(0, 5), elapsedMs: 30_000 }, flagged: false }] });
			}
			await attempts.submit(started.attemptId, owner);
			await sessions.linkAttempt(made.id, c.candidateId, started.attemptId, hr);
		}
		const results = await sessionResults(store, (await sessions.get(made.id))!);
		expect(results.skillsTests).toEqual([
			{ itemId: 'typing', kind: 'typing', label: 'Typing' },
			{ itemId: 'ten-key', kind: 'ten-key', label: '10-key' }
		]);
		expect(results.candidates[0]!.skills).toEqual([
			{ itemId: 'typing', kind: 'typing', unit: 'WPM', net: '50.0', gross: '50.0', accuracy: '100.00', passed: true, note: null },
			{ itemId: 'ten-key', kind: 'ten-key', unit: 'KPH', net: '4200', gross: '4200', accuracy: '100.00', passed: false, note: null }
		]);
		// Both tests have pass marks: never taken, both are missed, and the candidate is not on the list.
		expect(results.candidates[1]!.skills.map((f) => [f.net, f.note, f.passed])).toEqual([
			[null, 'Not taken', false],
			[null, 'Not taken', false]
		]);
		expect(resultRows(results)[1]!.skillsMissed).toEqual(['typing test', '10-key test']);
	});
});

describe('chosen options', () => {
	it('maps display positions to written order', () => {
		const d = { itemId: 'm', sectionId: 's', points: 1, order: [2, 0, 3, 1] };
		expect(chosenOptions(d, { kind: 'single-choice', choice: 0 })).toEqual([2]);
		expect(chosenOptions(d, { kind: 'multiple-choice', choices: [0, 3] })).toEqual([1, 2]);
		expect(chosenOptions(d, { kind: 'true-false', answer: false })).toEqual([1]);
		expect(chosenOptions(d, null)).toEqual([]);
		expect(chosenOptions(d, { kind: 'numeric', value: '1' })).toBeUndefined();
	});
});
