// Issue 7's acceptance, end to end in one exam day: HR imports a roster with a bad row and fixes
// it, opens the session; three applicants sign in with their codes and write in parallel browser
// contexts; the proctor pauses one (her page stops its clock) and adds time to another (the console
// shows it); everyone submits and the session closes; HR scores the essays, sets the passing
// point, exports the list, and the CSV matches the screen.
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { readCsv } from '../src/lib/hr/csv';
import { answerQuestion, attemptIdOf, currentKind } from './exam-pages';
import { expect, hydrated, open, signIn, test } from './fixtures';

test.describe.configure({ timeout: 480_000 });

const BAD_ROSTER = ['applicant_id,name,email,accommodation', 'B-2001,Maria Alvarez,maria@example.com,', 'B-2002,"Chen, David",dchen@example,1.5', 'B-2003,Pat O’Brien,pat@example.net,'].join('\n');
const GOOD_ROSTER = BAD_ROSTER.replace('dchen@example,', 'dchen@example.org,');
const NAMES = ['Maria Alvarez', 'Chen, David', 'Pat O’Brien'] as const;

type Applicant = { name: (typeof NAMES)[number]; context: BrowserContext; page: Page };

const saved = (page: Page) => page.locator('.save-status[data-state="saved"]');

async function applicantSignsIn(browser: Browser, baseURL: string, name: Applicant['name'], code: string): Promise<Applicant> {
	const context = await browser.newContext({ baseURL });
	const page = await context.newPage();
	await open(page, '/exam-day');
	await page.getByLabel('Access code').fill(code);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('heading', { level: 1, name: `Welcome, ${name}` })).toBeVisible();
	return { name, context, page };
}

/** Answer question 1 and the essay (the last question), each saved. */
async function write(a: Applicant, letter: string): Promise<void> {
	const { page } = a;
	await expect(page).toHaveURL(/\/exams\/attempts\/a_[0-9a-f]{16}$/, { timeout: 30_000 });
	await hydrated(page);
	await answerQuestion(page, true);
	await expect(saved(page)).toBeVisible();
	await expect(page).toHaveTitle(/^Question 1 of \d+ /);
	const pages = Number(/ of (\d+) /.exec(await page.title())![1]);
	await open(page, `/exams/attempts/${attemptIdOf(page)}?p=${pages}`);
	await hydrated(page);
	expect((await currentKind(page)).kind).toBe('essay');
	await page.locator('article.question textarea').fill(letter);
	await expect(saved(page)).toBeVisible();
}

async function submit(page: Page): Promise<void> {
	await page.getByRole('button', { name: 'Review and submit' }).first().click();
	await page.getByLabel(/I am ready to submit/).check();
	await page.getByRole('button', { name: 'Submit the exam' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Your exam has been submitted' })).toBeVisible();
}

const row = (page: Page, name: string) => page.getByTestId('proctor-row').filter({ hasText: name });

/** "1:02:03" or "45:10" → seconds. */
const seconds = (clock: string) => clock.trim().split(':').map(Number).reduce((t, n) => t * 60 + n, 0);

test('an exam day from roster to eligibility list', async ({ page, browser, app }) => {
	await signIn(page, 'hr');
	await open(page, '/hr/sessions/new');
	await page.getByLabel('Exam', { exact: true }).selectOption('account-clerk-written');
	await page.getByLabel('Date').fill('2027-04-18');
	await page.getByLabel('Start time').fill('09:00');
	await page.getByLabel('Location').fill('City Hall, Council Chambers');
	await page.getByLabel('Proctors').fill('Lee Park');
	await page.getByRole('button', { name: 'Create the session' }).click();
	await expect(page.getByText('The session was created.')).toBeVisible();
	const id = /\/hr\/sessions\/(s_[0-9a-f]{12})/.exec(page.url())![1]!;

	// The roster: a bad row is shown with its error and nothing is imported; fixed, all three are.
	await open(page, `/hr/sessions/${id}/roster`);
	await page.getByLabel('Or paste the roster').fill(BAD_ROSTER);
	await page.getByRole('button', { name: 'Preview the roster' }).click();
	await expect(page.getByTestId('roster-error')).toHaveText(['Row 3, column email: “dchen@example” is not an email address like name@example.com.']);
	await expect(page.getByRole('button', { name: /^Import/ })).toHaveCount(0);
	await page.getByLabel('Or paste the roster').fill(GOOD_ROSTER);
	await page.getByRole('button', { name: 'Preview the roster' }).click();
	await page.getByRole('button', { name: 'Import 3 applicants' }).click();
	await expect(page.getByText('3 applicants were added to the roster.')).toBeVisible();

	await open(page, `/hr/sessions/${id}/tickets`);
	await page.getByRole('button', { name: 'Make the tickets' }).click();
	const codes = new Map<string, string>();
	for (const name of NAMES) codes.set(name, (await page.getByTestId('ticket').filter({ hasText: name }).getByTestId('ticket-code').innerText()).trim());
	await open(page, `/hr/sessions/${id}`);
	await page.getByRole('button', { name: 'Mark the session “Open”' }).click();
	await expect(page.getByText('The session is now open.')).toBeVisible();

	// Three applicants sign in at once, each in a browser of their own.
	const [maria, david, pat] = await Promise.all(NAMES.map((name) => applicantSignsIn(browser, app.url, name, codes.get(name)!)));

	// The proctor starts the exam for everyone from the console; the waiting rooms open it.
	await open(page, `/hr/sessions/${id}/proctor`);
	await page.getByRole('button', { name: 'Start the exam for everyone' }).click();
	await expect(page.getByTestId('count-writing').locator('.n')).toHaveText('3');
	await Promise.all([
		write(maria!, 'Dear Mr. Ortiz,\nA penalty waiver is given once in twelve months; yours was given in January.\nSincerely,\nMaria'),
		write(david!, 'Dear Mr. Ortiz, I am sorry, but I cannot waive the penalty again this year.'),
		write(pat!, 'Hello, no.')
	]);
	await hydrated(page);

	// Pause Maria: the console says so, and her page stops its clock and holds her next answer.
	await row(page, 'Maria Alvarez').getByRole('button', { name: 'Pause Maria Alvarez' }).click();
	await expect(row(page, 'Maria Alvarez').getByTestId('state')).toHaveText('Paused');
	await expect(maria!.page.locator('.save-status[data-state="paused"]')).toContainText('Paused by the proctor.', { timeout: 20_000 });
	await expect(maria!.page.getByText('Paused', { exact: true })).toBeVisible();
	const frozen = await maria!.page.getByRole('timer').innerText();
	await maria!.page.waitForTimeout(2_000);
	expect(await maria!.page.getByRole('timer').innerText()).toBe(frozen);
	await maria!.page.getByLabel("Flag for review").check();
	await expect(maria!.page.locator('.save-status[data-state="paused"]')).toBeVisible();

	// Ten more minutes for David: the console's time left for him grows by ten minutes.
	const before = seconds(await row(page, 'Chen, David').getByTestId('time-left').innerText());
	await row(page, 'Chen, David').getByRole('link', { name: 'More actions for Chen, David' }).click();
	await page.getByLabel('Minutes to add').fill('10');
	await page.getByRole('button', { name: 'Add time' }).click();
	await expect(page.getByTestId('row-message')).toHaveText('10 minutes were added for Chen, David (B-2002).');
	await expect(row(page, 'Chen, David')).toContainText('+10 min added');
	const after = seconds(await row(page, 'Chen, David').getByTestId('time-left').innerText());
	// Ten minutes more, less the seconds the clock ran between the two readings.
	expect(after - before).toBeGreaterThan(540);
	expect(after - before).toBeLessThanOrEqual(600);

	// Resume Maria: her held answer is saved.
	await row(page, 'Maria Alvarez').getByRole('button', { name: 'Resume Maria Alvarez' }).click();
	await expect(row(page, 'Maria Alvarez').getByTestId('state')).toHaveText('Writing');
	await expect(saved(maria!.page)).toBeVisible({ timeout: 20_000 });

	const log = page.getByRole('region', { name: 'Audit log' });
	await expect(log).toContainText('Paused Maria Alvarez (B-2001).');
	await expect(log).toContainText('Added 10 minutes for Chen, David (B-2002).');
	await expect(log).toContainText(/Resumed Maria Alvarez \(B-2001\) after a pause of \d+ s \(the time was given back\)\./);

	// Everyone submits; the console shows it without a reload, and the session closes.
	await Promise.all([submit(maria!.page), submit(david!.page), submit(pat!.page)]);
	await expect(page.getByTestId('count-submitted').locator('.n')).toHaveText('3', { timeout: 15_000 });
	await page.getByRole('button', { name: 'Close the session' }).click();
	await expect(page.getByText('The session is closed.')).toBeVisible();
	for (const a of [maria, david, pat]) await a!.context.close();

	// HR scores the three letters (blind, by applicant id).
	await open(page, `/hr/sessions/${id}/scoring`);
	await expect(page.getByTestId('count-waiting')).toHaveText('3');
	// Different letters score differently: each criterion gets this share of its points (rounded down).
	const share: Record<string, number> = { 'B-2001': 1, 'B-2002': 0.5, 'B-2003': 0 };
	await page.getByRole('link', { name: 'Score the next essay' }).click();
	let previous = '';
	for (let i = 0; i < 3; i++) {
		const heading = page.getByRole('heading', { level: 1 });
		await expect(heading).toHaveText(/^Applicant B-\d{4}, question \d+$/);
		await expect(heading).not.toHaveText(previous);
		previous = await heading.innerText();
		const applicantId = /Applicant (B-\d{4})/.exec(previous)![1]!;
		await expect(page.getByText(NAMES[0])).toHaveCount(0);
		const labels = page.locator('label[for^="mark-"]');
		const count = await labels.count();
		expect(count, 'one mark box per rubric criterion').toBeGreaterThanOrEqual(1);
		for (let b = 0; b < count; b++) {
			const max = Number(/\(0 to (\d+)\)/.exec(await labels.nth(b).innerText())![1]);
			await page.locator(`#mark-${b}`).fill(String(Math.floor(max * share[applicantId]!)));
		}
		await page.getByRole('button', { name: 'Save' }).click();
		// The next waiting essay opens with a note of the one saved; after the last, the queue.
		if (i < 2) await expect(page.getByText(new RegExp(`Saved: ${applicantId}`))).toBeVisible();
	}
	await expect(page.getByText('Every essay is scored.')).toBeVisible();

	// The passing point: the results page says how many pass; the list's CSV matches the screen.
	await open(page, `/hr/sessions/${id}/results`);
	await page.getByRole('radio', { name: /points/ }).check();
	await page.getByLabel('Passing point', { exact: true }).fill('1');
	await page.getByRole('button', { name: 'Save and show the list' }).click();
	await expect(page.getByText('The passing point and list settings were saved.')).toBeVisible();
	const list = page.getByTestId('eligibility-list');
	await expect(list.getByRole('row')).not.toHaveCount(0);
	const screen = async () =>
		list.locator('tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim())));
	const csvHref = await page.getByRole('link', { name: 'Download this list as CSV' }).getAttribute('href');
	const csv = await page.request.get(csvHref!);
	expect(csv.headers()['content-type']).toContain('text/csv');
	const parsed = readCsv(await csv.text());
	expect(parsed.ok).toBe(true);
	if (parsed.ok) expect(parsed.records.map((r) => r.fields.map((f) => f.replace(/^'(?=[=+\-@])/, '')))).toEqual(await screen());
	await expect(list).toContainText('Maria Alvarez');
});
