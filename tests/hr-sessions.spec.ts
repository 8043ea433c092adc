import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { request as playwrightRequest, type Page } from '@playwright/test';
import { readCsv } from '../src/lib/hr/csv';
import { apiSignIn, expect, expectAccessible, hydrated, open, signIn, test } from './fixtures';

const CODE = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

const BAD_ROSTER = [
	'applicant_id,name,email,accommodation,sex',
	'A-1001,Maria Alvarez,maria@example.com,,Female',
	'A-1002,"Chen, David",dchen@example,1.5,Male',
	'A-1003,Pat O’Brien,pat@example.net,,'
].join('\n');
const GOOD_ROSTER = BAD_ROSTER.replace('dchen@example,', 'dchen@example.org,');

async function createSession(page: Page): Promise<string> {
	await open(page, '/hr/sessions/new');
	await page.getByLabel('Exam', { exact: true }).selectOption('account-clerk-written');
	await page.getByLabel('Date').fill('2027-03-14');
	await page.getByLabel('Start time').fill('09:00');
	await page.getByLabel('Location').fill('Community Center, Room B');
	await page.getByLabel('Proctors').fill('Lee Park\nSam Ortiz');
	await page.getByRole('button', { name: 'Create the session' }).click();
	await expect(page.getByText('The session was created.')).toBeVisible();
	return /\/hr\/sessions\/(s_[0-9a-f]{12})/.exec(page.url())![1]!;
}

test('HR plans a session, imports a roster with a bad row, fixes it, edits an applicant and prints the tickets', async ({ page }) => {
	test.setTimeout(300_000); // a whole session's pages with axe on each; slow on a loaded machine
	await signIn(page, 'hr');
	await open(page, '/hr');
	await expectAccessible(page, '/hr');
	await page.getByRole('link', { name: 'Exam sessions' }).click();
	await expect(page.getByRole('heading', { name: 'Exam sessions', level: 1 })).toBeVisible();
	await expect(page.getByText('No exam sessions yet.')).toBeVisible();
	await expectAccessible(page, '/hr/sessions (empty)');

	// An empty form: every field says what it needs, and nothing is created.
	await open(page, '/hr/sessions/new');
	await page.getByLabel('Location').fill('');
	await page.getByRole('button', { name: 'Create the session' }).click();
	await expect(page.getByRole('alert')).toContainText('The session was not created');
	await expect(page.getByText('Enter the date of the exam.')).toBeVisible();
	await expect(page.getByText('Name at least one proctor.')).toBeVisible();
	await expectAccessible(page, '/hr/sessions/new with errors');

	const id = await createSession(page);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Account Clerk written exam, Sunday, March 14, 2027');
	await expect(page.getByText('9:00 AM at Community Center, Room B')).toBeVisible();
	await expectAccessible(page, '/hr/sessions/[id]');

	// Opening needs a roster.
	await page.getByRole('button', { name: 'Mark the session “Open”' }).click();
	await expect(page.getByRole('alert')).toHaveText('Import the roster before opening the session.');

	// A roster with a bad email: the preview names the row and column, and nothing can be imported.
	await page.getByRole('navigation', { name: 'Session pages' }).getByRole('link', { name: 'Import roster' }).click();
	await expect(page.getByRole('heading', { name: 'Import the roster', level: 1 })).toBeVisible();
	await hydrated(page);
	await expectAccessible(page, '/hr/sessions/[id]/roster');
	await page.getByLabel('Or paste the roster').fill(BAD_ROSTER);
	await page.getByRole('button', { name: 'Preview the roster' }).click();
	const problems = page.locator('#roster-problems');
	await expect(problems).toContainText('Nothing can be imported yet: 1 problem in 1 row.');
	await expect(page.getByTestId('roster-error')).toHaveText(['Row 3, column email: “dchen@example” is not an email address like name@example.com.']);
	await expect(page.getByTestId('preview-row')).toHaveCount(3);
	await expect(page.getByRole('button', { name: /^Import/ })).toHaveCount(0);
	await expectAccessible(page, 'roster preview with an error');

	// Fixed in the box, previewed again, imported.
	await expect(page.getByLabel('Or paste the roster')).toHaveValue(BAD_ROSTER);
	await page.getByLabel('Or paste the roster').fill(GOOD_ROSTER);
	await page.getByRole('button', { name: 'Preview the roster' }).click();
	await expect(page.getByText('3 applicants are ready to import.')).toBeVisible();
	await expectAccessible(page, 'roster preview, all good');
	await page.getByRole('button', { name: 'Import 3 applicants' }).click();
	await expect(page.getByText('3 applicants were added to the roster.')).toBeVisible();

	// The same file again is all duplicates.
	await page.getByLabel('Or paste the roster').fill(GOOD_ROSTER);
	await page.getByRole('button', { name: 'Preview the roster' }).click();
	await expect(page.getByTestId('roster-error').first()).toHaveText('Row 2, column applicant_id: Duplicate applicant id A-1001: already on this session’s roster.');

	// The roster, and one applicant corrected.
	await open(page, `/hr/sessions/${id}`);
	const rows = page.getByTestId('roster-row');
	await expect(rows).toHaveCount(3);
	await expect(rows.filter({ hasText: 'Chen, David' })).toContainText('× 1.5');
	await rows.filter({ hasText: 'Pat O’Brien' }).getByRole('link', { name: /Edit/ }).click();
	await expect(page.getByRole('heading', { name: 'Pat O’Brien', level: 1 })).toBeVisible();
	await hydrated(page);
	await expectAccessible(page, '/hr/sessions/[id]/roster/[candidate]');
	await page.getByLabel('Email').fill('maria@example.com');
	await page.getByRole('button', { name: 'Save the applicant' }).click();
	await expect(page.getByText('Another applicant on this roster already has the email maria@example.com.')).toBeVisible();
	await expectAccessible(page, 'applicant with an error');
	await page.getByLabel('Email').fill('pobrien@example.net');
	await page.getByLabel('Time multiplier').fill('2');
	await page.getByRole('button', { name: 'Save the applicant' }).click();
	await expect(page.getByText('Pat O’Brien was saved.')).toBeVisible();
	await open(page, `/hr/sessions/${id}`);
	await expect(rows.filter({ hasText: 'Pat O’Brien' })).toContainText('pobrien@example.net');
	await expect(rows.filter({ hasText: 'Pat O’Brien' })).toContainText('× 2');

	// Tickets: one per applicant, each with its own code, shown once.
	await page.getByRole('navigation', { name: 'Session pages' }).getByRole('link', { name: 'Admission tickets' }).click();
	await hydrated(page);
	await expectAccessible(page, '/hr/sessions/[id]/tickets');
	await page.getByRole('button', { name: 'Make the tickets' }).click();
	await expect(page.getByText('3 tickets are ready below.')).toBeVisible();
	const tickets = page.getByTestId('ticket');
	await expect(tickets).toHaveCount(3);
	const codes = await page.getByTestId('ticket-code').allInnerTexts();
	for (const code of codes) expect(code).toMatch(CODE);
	expect(new Set(codes).size).toBe(3);
	const maria = tickets.filter({ hasText: 'Maria Alvarez' });
	await expect(maria).toContainText('Account Clerk written exam');
	await expect(maria).toContainText('Sunday, March 14, 2027, 9:00 AM');
	await expect(maria).toContainText('Community Center, Room B');
	await expect(tickets.filter({ hasText: 'Chen, David' })).toContainText('× 1.5 the standard limit');
	await expectAccessible(page, 'printed tickets');
	// The print layout drops the app's chrome.
	await page.emulateMedia({ media: 'print' });
	await expect(page.getByRole('navigation', { name: 'Session pages' })).toBeHidden();
	await expect(maria).toBeVisible();
	await page.emulateMedia({ media: 'screen' });

	// Now the session can open.
	await open(page, `/hr/sessions/${id}`);
	await expect(page.getByText('every one has an admission ticket')).toBeVisible();
	await page.getByRole('button', { name: 'Mark the session “Open”' }).click();
	await expect(page.getByText('The session is now open.')).toBeVisible();
	await open(page, '/hr/sessions');
	await expect(page.getByTestId('session-row')).toContainText(['Open']);
	await expectAccessible(page, '/hr/sessions');

	// Results pages before anyone sat the exam.
	await open(page, `/hr/sessions/${id}/results`);
	await expect(page.getByText('Nobody is on the list yet: no candidate has been scored.')).toBeVisible();
	await expectAccessible(page, 'results before scoring');
	await open(page, `/hr/sessions/${id}/analysis`);
	await expect(page.getByText('No candidate has been scored yet.')).toBeVisible();
	await expectAccessible(page, 'analysis before scoring');
	await open(page, `/hr/sessions/${id}/impact`);
	await expect(page.getByText('No candidate has been scored yet.')).toBeVisible();
	await expectAccessible(page, 'impact before scoring');
});

// ---------------------------------------------------------------------------------------------
// Results from stored attempts: a closed session seeded into the data dir as the runner stores it.

const SESSION_ID = 's_00000000c0de';
/** Right (1) or wrong (0) on items q1…q6, and sex, per candidate. Passing at 60% = 4 or more. */
const MATRIX: [string, string, string][] = [
	['Ann Lee', '111111', 'Female'],
	['Bo Diaz', '111110', 'Male'],
	['Cy Fox', '111101', 'Female'],
	['Di Gray', '111100', 'Male'],
	['Ed Hu', '110110', 'Male'],
	['=Flo Ito', '101110', 'Male'],
	['Gus Jain', '110100', 'Female'],
	['Hal Kim', '011100', 'Female'],
	['Ida Lund', '100100', 'Female'],
	['Jo Moss', '010001', 'Female'],
	['Kai Nash', '000001', 'Male'],
	['Lu Ortiz', '000000', 'Female']
];
const PERCENT: Record<number, string> = { 0: '0.00', 1: '16.67', 2: '33.33', 3: '50.00', 4: '66.67', 5: '83.33', 6: '100.00' };
const ITEMS = [
	{ id: 'seed-deposit', kind: 'single-choice', topic: 'utility-billing', tags: [], difficulty: 2, points: 1, stem: 'What deposit does a tenant pay when water service starts?', options: [{ text: '$0.00', correct: false }, { text: '$175.00', correct: true }, { text: '$350.00', correct: false }], shuffleOptions: true },
	{ id: 'seed-postmark', kind: 'true-false', topic: 'utility-billing', tags: [], difficulty: 2, points: 1, stem: 'A payment postmarked on the delinquent date is late.', answer: false },
	...[3, 4, 5, 6].map((n) => ({ id: `seed-math-${n}`, kind: 'numeric', topic: 'business-arithmetic', tags: [], difficulty: 2, points: 1, stem: `Arithmetic question ${n}: what is the penalty?`, answer: '6.00', money: true, tolerance: '0' }))
];

async function seedClosedSession(dataDir: string, status = 'closed'): Promise<void> {
	await mkdir(join(dataDir, 'exams/attempts'), { recursive: true });
	await mkdir(join(dataDir, 'exams/attempt-items'), { recursive: true });
	await mkdir(join(dataDir, 'hr/sessions'), { recursive: true });
	const at = '2027-03-14T16:00:00.000Z';
	const candidates = [];
	for (const [i, [name, pattern, sex]] of MATRIX.entries()) {
		const attemptId = `a_${(0xc0de00 + i).toString(16).padStart(16, '0')}`;
		const right = [...pattern].map((c) => c === '1');
		const raw = right.filter(Boolean).length;
		const answers = right.map((ok, q) =>
			q === 0 ? { kind: 'single-choice', choice: ok ? 1 : i % 2 ? 0 : 2 } : q === 1 ? { kind: 'true-false', answer: !ok } : { kind: 'numeric', value: ok ? '6.00' : '5.00' }
		);
		const attempt = {
			id: attemptId,
			blueprintId: 'account-clerk-written',
			owner: { kind: 'user', id: `seed-${i}` },
			seed: 'seed',
			exam: { title: 'Account Clerk written exam', purpose: 'exam', timeLimitMinutes: 150, navigation: 'free', showAfterSubmit: 'nothing-until-release', sections: [{ id: 'knowledge', title: 'Knowledge' }] },
			accommodation: '1',
			minuteMs: 60000,
			startedAt: Date.parse(at),
			deadline: Date.parse(at) + 150 * 60000,
			delivered: ITEMS.map((item) => ({ itemId: item.id, sectionId: 'knowledge', points: 1, ...(item.kind === 'single-choice' ? { order: [0, 1, 2] } : {}) })),
			answers,
			flags: ITEMS.map(() => false),
			seqs: ITEMS.map(() => 1),
			lastSavedAt: Date.parse(at) + 60000,
			status: 'submitted',
			submittedAt: Date.parse(at) + 3600000,
			closedAt: null,
			score: {
				raw: `${raw}.00`,
				max: '6.00',
				percent: PERCENT[raw],
				sections: [{ sectionId: 'knowledge', raw: `${raw}.00`, max: '6.00', percent: PERCENT[raw] }],
				items: ITEMS.map((item, q) => ({ itemId: item.id, outcome: right[q] ? 'correct' : 'incorrect', points: right[q] ? '1.00' : '0.00', max: '1.00' })),
				pending: [],
				passed: null
			},
			releasedAt: null
		};
		await writeFile(join(dataDir, `exams/attempts/${attemptId}.json`), JSON.stringify(attempt));
		await writeFile(join(dataDir, `exams/attempt-items/${attemptId}.json`), JSON.stringify({ items: ITEMS }));
		candidates.push({
			applicantId: `A-${2001 + i}`,
			name,
			email: `applicant${i + 1}@example.com`,
			accommodation: '1',
			demographics: { sex },
			candidateId: `c_${(0xc0de00 + i).toString(16).padStart(12, '0')}`,
			codeHash: status === 'scheduled' ? null : 'f'.repeat(64 - String(i).length) + String(i),
			codeIssuedAt: status === 'scheduled' ? null : at,
			codeUsedAt: status === 'scheduled' ? null : at,
			attemptId,
			addedAt: at,
			updatedAt: at
		});
	}
	const session = {
		id: SESSION_ID,
		blueprintId: 'account-clerk-written',
		title: 'Account Clerk written exam',
		date: '2027-03-14',
		startTime: '09:00',
		location: 'Community Center, Room B',
		proctors: ['Lee Park'],
		status,
		passingPoint: { percent: '60' },
		rule: '3',
		banding: false,
		candidates,
		createdAt: at,
		createdBy: 'Hana Ruiz',
		log: [{ at, by: 'Hana Ruiz', action: 'Session created.' }]
	};
	await writeFile(join(dataDir, `hr/sessions/${SESSION_ID}.json`), JSON.stringify(session));
}

test('results from stored attempts: ranked list with ties, CSV equal to the screen, notices, item analysis with charts, adverse impact', async ({ page, app }) => {
	test.setTimeout(180_000);
	await seedClosedSession(app.dataDir);
	await signIn(page, 'hr');
	const base = `/hr/sessions/${SESSION_ID}`;

	await open(page, `${base}/results`);
	await expect(page.getByRole('heading', { name: 'Results and eligibility list', level: 1 })).toBeVisible();
	await expect(page.getByText('6 passed at 60%')).toBeVisible();
	const list = page.getByTestId('eligibility-list');
	const screen = async () =>
		list.locator('tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim())));
	expect(await screen()).toEqual([
		['Rank', 'Applicant id', 'Name', 'Score (points)', 'Out of', 'Percent', 'Certified'],
		['1', 'A-2001', 'Ann Lee', '6.00', '6.00', '100.00', 'Yes'],
		['2 (tie)', 'A-2002', 'Bo Diaz', '5.00', '6.00', '83.33', 'Yes'],
		['2 (tie)', 'A-2003', 'Cy Fox', '5.00', '6.00', '83.33', 'Yes'],
		['4 (tie)', 'A-2006', '=Flo Ito', '4.00', '6.00', '66.67', 'No'],
		['4 (tie)', 'A-2004', 'Di Gray', '4.00', '6.00', '66.67', 'No'],
		['4 (tie)', 'A-2005', 'Ed Hu', '4.00', '6.00', '66.67', 'No']
	]);
	// Every candidate's scores, with the section column.
	const all = page.getByTestId('candidate-scores');
	await expect(all.getByRole('row')).toHaveCount(13);
	await expect(all.getByRole('row', { name: /Lu Ortiz/ })).toContainText('0.00 / 6.00');
	await expect(all.getByRole('columnheader', { name: 'Knowledge' })).toBeVisible();
	await hydrated(page);
	await expectAccessible(page, 'results with a list');

	// The CSV holds what the screen shows (formula text neutralized with a leading apostrophe).
	const csvHref = await page.getByRole('link', { name: 'Download this list as CSV' }).getAttribute('href');
	const csv = await page.request.get(csvHref!);
	expect(csv.headers()['content-type']).toContain('text/csv');
	const text = await csv.text();
	expect(text).toContain("\r\n4 (tie),A-2006,'=Flo Ito,4.00,6.00,66.67,No\r\n");
	const parsed = readCsv(text);
	expect(parsed.ok).toBe(true);
	if (parsed.ok) expect(parsed.records.map((r) => r.fields.map((f) => f.replace(/^'(?=[=+\-@])/, '')))).toEqual(await screen());

	// A points passing point with the rule of 1; the certified view and its CSV follow.
	await page.getByRole('radio', { name: /points/ }).check();
	await page.getByLabel('Passing point', { exact: true }).fill('5');
	await page.getByLabel('Certify').selectOption({ label: 'Rule of 1' });
	await page.getByRole('button', { name: 'Save and show the list' }).click();
	await expect(page.getByText('The passing point and list settings were saved.')).toBeVisible();
	await expect(page.getByText('3 passed at 5 points')).toBeVisible();
	await page.getByRole('link', { name: 'Show only the certified candidates' }).click();
	await expect(page.getByRole('heading', { name: 'Certified candidates (Rule of 1)' })).toBeVisible();
	expect((await screen()).slice(1).map((r) => r[2])).toEqual(['Ann Lee']);
	const certifiedCsv = await (await page.request.get(`${base}/results/list.csv?view=certified`)).text();
	const certifiedRows = readCsv(certifiedCsv);
	expect(certifiedRows.ok && certifiedRows.records.map((r) => r.fields)).toEqual(await screen());

	// Score bands from the SEM: the list gains a band column, and the CSV still matches.
	await page.getByLabel(/Band the scores/).check();
	await page.getByRole('button', { name: 'Save and show the list' }).click();
	await expect(page.getByText('The passing point and list settings were saved.')).toBeVisible();
	await open(page, `${base}/results?view=certified`);
	await expect(page.getByText(/scores banded, band width \d+\.\d\d percent points/)).toBeVisible();
	await expect(list.getByRole('columnheader', { name: 'Band' })).toBeVisible();
	const bandedCsv = readCsv(await (await page.request.get(`${base}/results/list.csv?view=certified`)).text());
	expect(bandedCsv.ok && bandedCsv.records.map((r) => r.fields)).toEqual(await screen());
	await expectAccessible(page, 'results with bands');
	await page.getByLabel(/Band the scores/).uncheck();
	await page.getByRole('button', { name: 'Save and show the list' }).click();
	await expect(page.getByText('The passing point and list settings were saved.')).toBeVisible();
	await expect(list.getByRole('columnheader', { name: 'Band' })).toHaveCount(0);

	// Bad passing point: a clear message, nothing changes.
	await open(page, `${base}/results`);
	await page.getByLabel('Passing point', { exact: true }).fill('seventy');
	await page.getByRole('button', { name: 'Save and show the list' }).click();
	await expect(page.getByText('Enter the passing point as a number with at most two decimals, like 70 or 52.5.')).toBeVisible();
	await expectAccessible(page, 'results with a field error');
	await open(page, `${base}/results`);
	await expect(page.getByText('3 passed at 5 points')).toBeVisible();

	// Score notices: one letter per scored candidate.
	await open(page, `${base}/results/notices`);
	const notices = page.getByTestId('notice');
	await expect(notices).toHaveCount(12);
	await expect(notices.filter({ hasText: 'Bo Diaz' })).toContainText('Your rank on the eligibility list is 2 (tied with other candidates who had the same score) of 3.');
	await expect(notices.filter({ hasText: 'Lu Ortiz' })).toContainText('so your name will not be placed on this eligibility list');
	await expectAccessible(page, 'score notices');

	// Item analysis: figures, flags, charts drawn.
	await open(page, `${base}/analysis`);
	await expect(page.getByRole('heading', { name: 'Item analysis', level: 1 })).toBeVisible();
	await expect(page.getByText('Reliability (KR-20)')).toBeVisible();
	const table = page.getByTestId('item-table');
	await expect(table.getByRole('row')).toHaveCount(7);
	await expect(table.getByRole('row', { name: /seed-deposit/ })).toContainText('Single choice');
	await expect(page.locator('.chart canvas')).toHaveCount(3);
	await expect.poll(() => page.locator('.chart canvas').first().evaluate((c) => (c as HTMLCanvasElement).width)).toBeGreaterThan(0);
	await page.locator('summary', { hasText: 'seed-deposit' }).click();
	await expect(page.getByRole('table', { name: 'Options of seed-deposit' })).toContainText('$175.00');
	await expectAccessible(page, 'item analysis');

	// Adverse impact by sex: women passed at 2 of 7, men 1 of 5 at 5 points.
	await open(page, `${base}/impact`);
	await expect(page.getByRole('heading', { name: 'Adverse impact', level: 1 })).toBeVisible();
	const impact = page.getByTestId('impact-table').first();
	await expect(impact.getByRole('row', { name: /^Female/ })).toContainText('28.6%');
	await expect(impact.getByRole('row', { name: /^Male/ })).toContainText('20.0%');
	await expect(impact.getByRole('row', { name: /^Male/ })).toContainText('below 0.80');
	await expectAccessible(page, 'adverse impact');
});

test('trainees, supervisors and signed-out visitors cannot reach HR session pages or their actions', async ({ app }) => {
	const paths = ['/hr/sessions', '/hr/sessions/new', `/hr/sessions/${SESSION_ID}`, `/hr/sessions/${SESSION_ID}/tickets`, `/hr/sessions/${SESSION_ID}/results`, `/hr/sessions/${SESSION_ID}/results/list.csv`, `/hr/sessions/${SESSION_ID}/analysis`];
	await seedClosedSession(app.dataDir);
	for (const who of ['trainee', 'supervisor']) {
		const ctx = await playwrightRequest.newContext({ baseURL: app.url });
		await apiSignIn(ctx, app.url, who);
		for (const path of paths) {
			const res = await ctx.get(path, { maxRedirects: 0, headers: { accept: 'text/html' } });
			expect(res.status(), `${who} ${path}`).toBe(403);
			expect(await res.text()).not.toContain('A-2001');
		}
		const post = await ctx.post(`/hr/sessions/${SESSION_ID}/tickets?/issue`, { form: { which: 'all' }, headers: { origin: app.url, accept: 'text/html' }, maxRedirects: 0 });
		expect(post.status(), `${who} issuing codes`).toBe(403);
		const create = await ctx.post('/hr/sessions/new?/create', { form: { blueprintId: 'account-clerk-written', date: '2027-01-01', startTime: '09:00', location: 'X', proctors: 'Y' }, headers: { origin: app.url, accept: 'text/html' }, maxRedirects: 0 });
		expect(create.status(), `${who} creating a session`).toBe(403);
		await ctx.dispose();
	}
	const anon = await playwrightRequest.newContext({ baseURL: app.url });
	for (const path of paths) {
		const res = await anon.get(path, { maxRedirects: 0, headers: { accept: 'text/html' } });
		expect(res.status(), `signed out ${path}`).toBe(303);
		expect(res.headers()['location']).toMatch(/^\/login/);
	}
	await anon.dispose();
	// HR itself: an unknown session is a 404, not an error.
	const hr = await playwrightRequest.newContext({ baseURL: app.url });
	await apiSignIn(hr, app.url, 'hr');
	expect((await hr.get('/hr/sessions/s_000000000000', { headers: { accept: 'text/html' } })).status()).toBe(404);
	expect((await hr.get('/hr/sessions/nonsense/results/list.csv')).status()).toBe(404);
	await hr.dispose();
});

test('the roster import works without JavaScript', async ({ browser, app }) => {
	const context = await browser.newContext({ baseURL: app.url, javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/login');
	await page.getByLabel('Username').fill('hr');
	await page.getByLabel('Password').fill('tracy-demo');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await page.goto('/hr/sessions/new');
	await page.getByLabel('Exam', { exact: true }).selectOption('account-clerk-written');
	await page.getByLabel('Date').fill('2027-04-01');
	await page.getByLabel('Start time').fill('13:30');
	await page.getByLabel('Location').fill('City Hall, Council Chambers');
	await page.getByLabel('Proctors').fill('Lee Park');
	await page.getByRole('button', { name: 'Create the session' }).click();
	await expect(page.getByText('The session was created.')).toBeVisible();
	await page.getByRole('link', { name: 'import the roster', exact: true }).click();
	await page.getByLabel('Or paste the roster').fill(BAD_ROSTER);
	await page.getByRole('button', { name: 'Preview the roster' }).click();
	await expect(page.getByTestId('roster-error')).toHaveText(['Row 3, column email: “dchen@example” is not an email address like name@example.com.']);
	await page.getByLabel('Or paste the roster').fill(GOOD_ROSTER);
	await page.getByRole('button', { name: 'Preview the roster' }).click();
	await page.getByRole('button', { name: 'Import 3 applicants' }).click();
	await expect(page.getByText('3 applicants were added to the roster.')).toBeVisible();
	await page.getByRole('link', { name: 'print the admission tickets' }).click();
	await page.getByRole('button', { name: 'Make the tickets' }).click();
	await expect(page.getByTestId('ticket-code')).toHaveCount(3);
	await context.close();
});

/** Press Tab until `name`'s control has the focus (keyboard only). */
async function tabTo(page: Page, target: ReturnType<Page['getByRole']>, max = 60): Promise<void> {
	for (let i = 0; i < max; i++) {
		if (await target.evaluate((el) => el === document.activeElement)) return;
		await page.keyboard.press('Tab');
	}
	await expect(target).toBeFocused();
}

test('keyboard only: tickets printed and the passing point set without a mouse', async ({ page, app }) => {
	test.setTimeout(180_000);
	await seedClosedSession(app.dataDir, 'scheduled');
	await signIn(page, 'hr');
	await open(page, `/hr/sessions/${SESSION_ID}/tickets`);
	const make = page.getByRole('button', { name: 'Make the tickets' });
	await tabTo(page, make);
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('ticket')).toHaveCount(12);

	await open(page, `/hr/sessions/${SESSION_ID}/results`);
	const value = page.getByRole('textbox', { name: 'Passing point' });
	await tabTo(page, value);
	await page.keyboard.press('ControlOrMeta+a');
	await page.keyboard.type('100');
	await page.keyboard.press('Enter');
	await expect(page.getByText('The passing point and list settings were saved.')).toBeVisible();
	await expect(page.getByText('1 passed at 100%')).toBeVisible();
});
