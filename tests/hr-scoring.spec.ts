import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { request as playwrightRequest } from '@playwright/test';
import { readCsv } from '../src/lib/hr/csv';
import { apiSignIn, expect, expectAccessible, hydrated, open, signIn, test } from './fixtures';

// A closed session seeded into the data dir as the runner stores it: three submitted attempts with
// an essay waiting for a person, and one attempt a proctor voided.
const SESSION_ID = 's_0000000e55a1';
const AT = Date.parse('2027-03-14T16:00:00.000Z');
const ITEMS = [
	{ id: 'seed-deposit', kind: 'single-choice', topic: 'utility-billing', tags: [], difficulty: 2, points: 1, stem: 'What deposit does a tenant pay when water service starts?', options: [{ text: '$0.00', correct: false }, { text: '$175.00', correct: true }, { text: '$350.00', correct: false }], shuffleOptions: true },
	{ id: 'seed-postmark', kind: 'true-false', topic: 'utility-billing', tags: [], difficulty: 2, points: 1, stem: 'A payment postmarked on the delinquent date is late.', answer: false },
	{ id: 'seed-penalty', kind: 'numeric', topic: 'business-arithmetic', tags: [], difficulty: 2, points: 1, stem: 'What is the penalty on a $42.30 bill?', answer: '6.00', money: true, tolerance: '0' },
	{
		id: 'seed-letter',
		kind: 'essay',
		topic: 'correspondence',
		tags: [],
		difficulty: 2,
		points: 6,
		stem: 'Mr. Ortiz asks for a second penalty waiver this year. **Write him a short letter** giving the decision and the reason.',
		rubric: [
			{ criterion: 'Decision and reason', points: 4, description: 'Says no: one waiver in twelve months, and his was given in January.' },
			{ criterion: 'Tone', points: 2, description: 'Courteous and plain.' }
		]
	}
];
type Seed = { applicantId: string; name: string; right: [boolean, boolean, boolean]; letter: string; voided?: string };
const SEEDS: Seed[] = [
	{ applicantId: 'A-3001', name: 'Ann Lee', right: [true, true, true], letter: 'Dear Mr. Ortiz,\n\nI am sorry, but we cannot waive this penalty: a waiver is allowed once in twelve months, and yours was given in January.\n\nSincerely,\nAccount Clerk' },
	{ applicantId: 'A-3002', name: 'Bo Diaz', right: [true, false, true], letter: 'Dear Sir, no waiver this time because you had one already.' },
	{ applicantId: 'A-3003', name: 'Cy Fox', right: [false, true, false], letter: 'ok' },
	{ applicantId: 'A-3004', name: 'Di Gray', right: [true, true, true], letter: 'Dear Mr. Ortiz,', voided: 'Used a phone during the exam.' }
];
const fixed2 = (n: number) => n.toFixed(2); // test data only: small whole numbers

async function seedSession(dataDir: string): Promise<void> {
	for (const d of ['exams/attempts', 'exams/attempt-items', 'hr/sessions']) await mkdir(join(dataDir, d), { recursive: true });
	const at = new Date(AT).toISOString();
	const candidates = [];
	for (const [i, s] of SEEDS.entries()) {
		const attemptId = `a_${(0xe55a00 + i).toString(16).padStart(16, '0')}`;
		const candidateId = `c_${(0xe55a00 + i).toString(16).padStart(12, '0')}`;
		const raw = s.right.filter(Boolean).length;
		const answers = [
			{ kind: 'single-choice', choice: s.right[0] ? 1 : 2 },
			{ kind: 'true-false', answer: !s.right[1] },
			{ kind: 'numeric', value: s.right[2] ? '6.00' : '5.00' },
			{ kind: 'essay', text: s.letter }
		];
		const attempt = {
			id: attemptId,
			blueprintId: 'account-clerk-written',
			owner: { kind: 'applicant', id: `${SESSION_ID}-${candidateId}` },
			seed: 'seed',
			exam: { title: 'Account Clerk written exam', purpose: 'exam', timeLimitMinutes: 150, navigation: 'free', showAfterSubmit: 'nothing-until-release', passingPoint: { percent: '70' }, sections: [{ id: 'knowledge', title: 'Knowledge' }, { id: 'writing', title: 'Correspondence' }] },
			accommodation: '1',
			minuteMs: 60000,
			startedAt: AT,
			deadline: AT + 150 * 60000,
			delivered: ITEMS.map((item) => ({ itemId: item.id, sectionId: item.kind === 'essay' ? 'writing' : 'knowledge', points: item.points, ...(item.kind === 'single-choice' ? { order: [0, 1, 2] } : {}) })),
			answers,
			flags: ITEMS.map(() => false),
			seqs: ITEMS.map(() => 1),
			lastSavedAt: AT + 60000,
			status: s.voided ? 'voided' : 'submitted',
			submittedAt: s.voided ? null : AT + 3600000,
			closedAt: s.voided ? AT + 1800000 : null,
			...(s.voided ? { voided: { reason: s.voided, by: 'Lee Park', at: AT + 1800000 } } : {}),
			score: s.voided
				? null
				: {
						raw: fixed2(raw),
						max: '9.00',
						percent: ((raw * 100) / 9).toFixed(2),
						sections: [
							{ sectionId: 'knowledge', raw: fixed2(raw), max: '3.00', percent: ((raw * 100) / 3).toFixed(2) },
							{ sectionId: 'writing', raw: '0.00', max: '6.00', percent: '0.00' }
						],
						items: [
							...ITEMS.slice(0, 3).map((item, q) => ({ itemId: item.id, outcome: s.right[q] ? 'correct' : 'incorrect', points: s.right[q] ? '1.00' : '0.00', max: '1.00' })),
							{ itemId: 'seed-letter', outcome: 'needs-person', points: null, max: '6.00' }
						],
						pending: ['seed-letter'],
						passed: null,
						skills: []
					},
			releasedAt: null
		};
		await writeFile(join(dataDir, `exams/attempts/${attemptId}.json`), JSON.stringify(attempt));
		await writeFile(join(dataDir, `exams/attempt-items/${attemptId}.json`), JSON.stringify({ items: ITEMS }));
		candidates.push({ applicantId: s.applicantId, name: s.name, email: `applicant${i + 1}@example.com`, accommodation: '1', demographics: {}, candidateId, codeHash: 'e'.repeat(63) + String(i), codeIssuedAt: at, codeUsedAt: at, checkedInAt: at, attemptId, addedAt: at, updatedAt: at });
	}
	const session = {
		id: SESSION_ID,
		blueprintId: 'account-clerk-written',
		title: 'Account Clerk written exam',
		date: '2027-03-14',
		startTime: '09:00',
		location: 'Community Center, Room B',
		proctors: ['Lee Park'],
		status: 'closed',
		passingPoint: { percent: '70' },
		rule: '3',
		banding: false,
		candidates,
		createdAt: at,
		createdBy: 'Hana Ruiz',
		log: [{ at, by: 'Hana Ruiz', action: 'Session created.' }]
	};
	await writeFile(join(dataDir, `hr/sessions/${SESSION_ID}.json`), JSON.stringify(session));
}

const base = `/hr/sessions/${SESSION_ID}`;

test('HR scores the essays blind, voids a question, sets the passing point, marks the session scored and releases the scores', async ({ page, app }) => {
	test.setTimeout(300_000);
	await seedSession(app.dataDir);
	await signIn(page, 'hr');

	// Results first: essays waiting, so nothing is ranked; the voided attempt is shown as voided.
	await open(page, `${base}/results`);
	await expect(page.getByTestId('essays-waiting')).toContainText('3 essays waiting');
	await expect(page.getByTestId('eligibility-list')).toHaveCount(0);
	const scores = page.getByTestId('candidate-scores');
	await expect(scores.getByRole('row', { name: /Di Gray/ })).toContainText('Voided: Used a phone during the exam.');
	await expect(scores.getByRole('row', { name: /Bo Diaz/ })).toContainText('1 essay waiting');
	expect((await page.request.get(`${base}/results/list.csv`)).status()).toBe(409);
	await expectAccessible(page, 'results with essays waiting');
	await page.getByTestId('essays-waiting').getByRole('link', { name: 'Go to the scoring queue' }).click();

	// The queue: three essays waiting, by applicant id, no names (blind scoring).
	await expect(page.getByRole('heading', { name: 'Scoring', level: 1 })).toBeVisible();
	await expect(page.getByTestId('count-waiting')).toHaveText('3');
	await expect(page.getByTestId('count-scored')).toHaveText('0');
	const waiting = page.getByTestId('queue-waiting');
	await expect(waiting.getByRole('row')).toHaveCount(4);
	await expect(waiting.locator('tbody tr td:first-child')).toHaveText(['A-3001', 'A-3002', 'A-3003']);
	await expect(page.locator('main')).not.toContainText('Ann Lee');
	await page.screenshot({ path: test.info().outputPath('scoring-queue.png'), fullPage: true });
	await expectAccessible(page, '/hr/sessions/[id]/scoring');

	// The first essay: the question, the text with its line breaks, the rubric with descriptions.
	await page.getByRole('link', { name: 'Score the next essay' }).click();
	await expect(page.getByRole('heading', { name: 'Applicant A-3001, question 4', level: 1 })).toBeVisible();
	await hydrated(page);
	await expect(page.getByText('Write him a short letter')).toBeVisible();
	const text = page.getByTestId('essay-text');
	await expect(text).toContainText('I am sorry, but we cannot waive this penalty');
	expect(await text.evaluate((el) => (el as HTMLElement).innerText)).toContain('Dear Mr. Ortiz,\n\nI am sorry');
	await expect(page.getByText('Says no: one waiver in twelve months, and his was given in January.')).toBeVisible();
	await expect(page.locator('main')).not.toContainText('Ann Lee');
	await page.screenshot({ path: test.info().outputPath('scoring-essay.png'), fullPage: true });
	await expectAccessible(page, 'grader page');

	// A mark over the criterion's points: the message names the criterion, nothing is saved.
	await page.getByLabel('1. Decision and reason').fill('5');
	await page.getByLabel('2. Tone').fill('2');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByRole('alert')).toContainText('The marks were not saved.');
	await expect(page.getByText('“Decision and reason” must be at most 4. Give 0 to 4, with at most 2 decimals.')).toBeVisible();
	await expect(page.getByLabel('1. Decision and reason')).toHaveAttribute('aria-invalid', 'true');
	await page.screenshot({ path: test.info().outputPath('scoring-essay-error.png'), fullPage: true });
	await expectAccessible(page, 'grader page with an error');
	await page.getByLabel('1. Decision and reason').fill('3.5');
	await page.getByRole('button', { name: 'Save' }).click();

	// Saved: on to the next waiting essay.
	await expect(page.getByRole('heading', { name: 'Applicant A-3002, question 4', level: 1 })).toBeVisible();
	await expect(page.getByText('Saved: A-3001, question 4, 5.50 points.')).toBeVisible();
	await hydrated(page);
	await page.getByLabel('1. Decision and reason').fill('3');
	await page.getByLabel('2. Tone').fill('1');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByRole('heading', { name: 'Applicant A-3003, question 4', level: 1 })).toBeVisible();
	await hydrated(page);
	await page.getByLabel('1. Decision and reason').fill('1');
	await page.getByLabel('2. Tone').fill('1');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByText('Every essay is scored.')).toBeVisible();
	await expect(page.getByTestId('count-waiting')).toHaveText('0');
	await expect(page.getByTestId('count-scored')).toHaveText('3');
	await expect(page.getByTestId('queue-scored').getByRole('row', { name: /A-3001/ })).toContainText('3.5 + 2');
	await expect(page.getByTestId('queue-scored').getByRole('row', { name: /A-3001/ })).toContainText('Robert Hayes');
	await page.screenshot({ path: test.info().outputPath('scoring-queue-done.png'), fullPage: true });

	// The list now ranks: 70% passes Ann only (8.50 of 9); Bo has 6.00 of 9 (66.67%).
	await open(page, `${base}/results`);
	await expect(page.getByText('1 passed at 70%')).toBeVisible();
	await expect(page.getByTestId('pass-count')).toHaveText('At 70%: 1 of 3 fully scored candidates pass.');
	await expect(scores.getByRole('row', { name: /Bo Diaz/ })).toContainText('6.00 / 9.00');

	// Void the true/false question (the postmark rule changed): everyone is re-scored.
	await open(page, `${base}/scoring/items`);
	await expect(page.getByRole('heading', { name: 'Adjust questions', level: 1 })).toBeVisible();
	await expectAccessible(page, '/hr/sessions/[id]/scoring/items');
	await page.getByRole('link', { name: 'seed-postmark' }).click();
	await expect(page.getByRole('heading', { name: 'Question seed-postmark', level: 1 })).toBeVisible();
	await hydrated(page);
	await expectAccessible(page, '/hr/sessions/[id]/scoring/items/[item]');
	await page.getByRole('button', { name: 'Void this question and re-score everyone' }).click();
	await expect(page.getByText('Give the reason (at least 5 characters); it goes in the session’s log.')).toBeVisible();
	await expectAccessible(page, 'void with an error');
	await page.getByLabel('Reason for voiding').fill('The postmark rule changed the week before the exam.');
	await page.getByRole('button', { name: 'Void this question and re-score everyone' }).click();
	await expect(page.getByTestId('adjust-done')).toHaveText('Question seed-postmark was voided. 3 attempts were re-scored. Passing at 70%: 1 before, 2 now.');
	await expect(page.getByText('Voided for everyone: The postmark rule changed the week before the exam.')).toBeVisible();

	// The results follow: out of 8 now, Bo 6.00 (75.00%) passes.
	await open(page, `${base}/results`);
	await expect(scores.getByRole('row', { name: /Bo Diaz/ })).toContainText('6.00 / 8.00');
	await expect(scores.getByRole('row', { name: /Bo Diaz/ })).toContainText('75.00');
	await expect(page.getByText('2 passed at 70%')).toBeVisible();
	// The scores CSV holds what the table shows, the voided attempt included.
	const csv = readCsv(await (await page.request.get(`${base}/results/scores.csv`)).text());
	const screen = await scores.locator('tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').replace(/ · score (it|them).*$/, '').trim())));
	expect(csv.ok && csv.records.map((r) => r.fields)).toEqual(screen);

	// The passing point: how many pass shows beside it.
	await page.getByLabel('Passing point', { exact: true }).fill('80');
	await page.getByRole('button', { name: 'Save and show the list' }).click();
	await expect(page.getByText('The passing point and list settings were saved.')).toBeVisible();
	await expect(page.getByTestId('pass-count')).toHaveText('At 80%: 1 of 3 fully scored candidates pass.');
	await expectAccessible(page, 'results after scoring');

	// Scored, then released with a confirmation.
	await open(page, `${base}/scoring`);
	await page.getByRole('button', { name: 'Mark the session scored' }).click();
	await expect(page.getByText('The session is now scored.')).toBeVisible();
	await page.getByRole('button', { name: 'Release scores' }).click();
	await expect(page.getByRole('alert')).toContainText('Tick the box to confirm');
	await page.getByLabel(/release them to the candidates/).check();
	await page.getByRole('button', { name: 'Release scores' }).click();
	await expect(page.getByText('The scores were released to 3 candidates.')).toBeVisible();
	await open(page, `${base}/scoring`);
	await expect(page.getByText('The scores are released (3 of 3 scored attempts released). Nothing can change now.')).toBeVisible();
	await expect(page.getByRole('link', { name: /Score again/ })).toHaveCount(0);
	await expectAccessible(page, 'scoring after release');
	// Nothing changes after release.
	await open(page, `${base}/scoring/items/seed-deposit`);
	await expect(page.getByText('The scores have been released; this question can no longer be voided or its key corrected.')).toBeVisible();
	await open(page, `${base}/results`);
	await page.getByLabel('Passing point', { exact: true }).fill('50');
	await page.getByRole('button', { name: 'Save and show the list' }).click();
	await expect(page.getByText('The list has been released; its passing point can no longer change.')).toBeVisible();
	await open(page, base);
	await expect(page.getByText('Scores released to 3 candidates.')).toBeVisible();
	await expect(page.getByText('Question seed-postmark voided for everyone: The postmark rule changed the week before the exam.')).toBeVisible();
});

test('scoring pages and their actions are HR only; a bad address is a 404', async ({ app }) => {
	await seedSession(app.dataDir);
	const paths = [`${base}/scoring`, `${base}/scoring/a_0000000000e55a00-3`, `${base}/scoring/items`, `${base}/scoring/items/seed-postmark`, `${base}/results/scores.csv`];
	const ctx = await playwrightRequest.newContext({ baseURL: app.url });
	await apiSignIn(ctx, app.url, 'trainee');
	for (const path of paths) {
		const res = await ctx.get(path, { maxRedirects: 0, headers: { accept: 'text/html' } });
		expect(res.status(), path).toBe(403);
		expect(await res.text()).not.toContain('A-3001');
	}
	const post = await ctx.post(`${base}/scoring/items/seed-postmark?/void`, { form: { reason: 'Not allowed to do this' }, headers: { origin: app.url, accept: 'text/html' }, maxRedirects: 0 });
	expect(post.status()).toBe(403);
	await ctx.dispose();
	const hr = await playwrightRequest.newContext({ baseURL: app.url });
	await apiSignIn(hr, app.url, 'hr');
	for (const path of [`${base}/scoring/a_0000000000e55a00-0`, `${base}/scoring/nonsense`, `${base}/scoring/a_0000000000e55a03-3`, `${base}/scoring/items/no-such-item`]) {
		expect((await hr.get(path, { headers: { accept: 'text/html' } })).status(), path).toBe(404);
	}
	await hr.dispose();
});
