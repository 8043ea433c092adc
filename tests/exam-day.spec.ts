// Exam day: HR prepares and opens a session, applicants sign in with the codes on their tickets,
// wait, take the exam in the runner once HR starts it for everyone, and submit. Applicants reach
// nothing but their own exam; a trainee cannot open an applicant's attempt.
import { request as playwrightRequest, type Browser, type BrowserContext, type Page, type TestInfo } from '@playwright/test';
import { answerQuestion, attemptIdOf, expectAnswerShown, storedAttempt } from './exam-pages';
import { apiSignIn, expect, expectAccessible, hydrated, open, signIn, test } from './fixtures';

test.describe.configure({ timeout: 420_000 });

const ROSTER = ['applicant_id,name,email,accommodation', 'A-1001,Maria Alvarez,maria@example.com,', 'A-1002,"Chen, David",dchen@example.org,1.5', 'A-1003,Pat O’Brien,pat@example.net,'].join('\n');
const saved = (page: Page) => page.locator('.save-status[data-state="saved"]');

/** HR: a session for the written exam with the roster imported and the tickets made; returns the id and each name's code. */
async function prepareSession(page: Page): Promise<{ id: string; codes: Record<string, string> }> {
	await open(page, '/hr/sessions/new');
	await page.getByLabel('Exam', { exact: true }).selectOption('account-clerk-written');
	await page.getByLabel('Date').fill('2027-03-14');
	await page.getByLabel('Start time').fill('09:00');
	await page.getByLabel('Location').fill('Community Center, Room B');
	await page.getByLabel('Proctors').fill('Lee Park');
	await page.getByRole('button', { name: 'Create the session' }).click();
	await expect(page.getByText('The session was created.')).toBeVisible();
	const id = /\/hr\/sessions\/(s_[0-9a-f]{12})/.exec(page.url())![1]!;

	await open(page, `/hr/sessions/${id}/roster`);
	await page.getByLabel('Or paste the roster').fill(ROSTER);
	await page.getByRole('button', { name: 'Preview the roster' }).click();
	await page.getByRole('button', { name: 'Import 3 applicants' }).click();
	await expect(page.getByText('3 applicants were added to the roster.')).toBeVisible();

	await open(page, `/hr/sessions/${id}/tickets`);
	await page.getByRole('button', { name: 'Make the tickets' }).click();
	await expect(page.getByTestId('ticket')).toHaveCount(3);
	const codes: Record<string, string> = {};
	for (const name of ['Maria Alvarez', 'Chen, David', 'Pat O’Brien']) {
		codes[name] = (await page.getByTestId('ticket').filter({ hasText: name }).getByTestId('ticket-code').innerText()).trim();
	}
	return { id, codes };
}

async function openSession(page: Page, id: string): Promise<void> {
	await open(page, `/hr/sessions/${id}`);
	await page.getByRole('button', { name: 'Mark the session “Open”' }).click();
	await expect(page.getByText('The session is now open.')).toBeVisible();
}

async function signInWithCode(page: Page, code: string): Promise<void> {
	await open(page, '/exam-day');
	await page.getByLabel('Access code').fill(code);
	await page.getByRole('button', { name: 'Sign in' }).click();
}

async function applicant(browser: Browser, baseURL: string): Promise<{ context: BrowserContext; page: Page }> {
	const context = await browser.newContext({ baseURL });
	return { context, page: await context.newPage() };
}

async function shot(page: Page, info: TestInfo, name: string): Promise<void> {
	await page.screenshot({ path: info.outputPath(`${name}.png`), fullPage: true });
}

/** Answer the first `n` questions with JavaScript, each saved before moving on. */
async function answerFirst(page: Page, n: number): Promise<void> {
	for (let q = 1; q <= n; q++) {
		await expect(page.getByRole('heading', { level: 1, name: new RegExp(`^Question ${q} `) })).toBeVisible();
		await answerQuestion(page, true);
		await expect(saved(page)).toBeVisible();
		if (q < n) await page.getByRole('button', { name: 'Next', exact: true }).click();
	}
}

async function submit(page: Page): Promise<void> {
	await page.getByRole('button', { name: 'Review and submit' }).first().click();
	await expect(page.getByRole('heading', { level: 1, name: 'Review your answers' })).toBeVisible();
	await page.getByLabel(/I am ready to submit/).check();
	await page.getByRole('button', { name: 'Submit the exam' }).click();
	await expect(page).toHaveURL(/\/result$/);
	await expect(page.getByRole('heading', { level: 1, name: 'Your exam has been submitted' })).toBeVisible();
}

test('applicants sign in with their codes, wait, take the exam HR starts for everyone, and reach nothing else', async ({ page, browser, app }, info) => {
	await signIn(page, 'hr');
	const { id, codes } = await prepareSession(page);

	// Before the session opens, a good code is refused with the reason, and nothing changes.
	const maria = await applicant(browser, app.url);
	await signInWithCode(maria.page, codes['Maria Alvarez']!);
	await expect(maria.page.getByRole('alert')).toContainText('The session is not open yet');
	await openSession(page, id);

	// A bad code: a clear error, still on the sign-in page.
	await open(maria.page, '/exam-day');
	await expectAccessible(maria.page, '/exam-day');
	await shot(maria.page, info, 'sign-in');
	await signInWithCode(maria.page, 'ZZZZ-ZZZZ-ZZZZ');
	await expect(maria.page.getByRole('alert')).toContainText('That access code is not right');
	await expect(maria.page.getByLabel('Access code')).toHaveAttribute('aria-invalid', 'true');
	await expectAccessible(maria.page, '/exam-day with an error');

	// Typed loosely (small letters, spaces for dashes): Maria is in the waiting room.
	await signInWithCode(maria.page, codes['Maria Alvarez']!.toLowerCase().replaceAll('-', ' '));
	await expect(maria.page).toHaveURL(/\/exam-day\/wait$/);
	await expect(maria.page.getByRole('heading', { level: 1, name: 'Welcome, Maria Alvarez' })).toBeVisible();
	await expect(maria.page.getByText('Waiting for the proctor to start the exam.')).toBeVisible();
	await expect(maria.page.getByText('Community Center, Room B')).toBeVisible();
	await expect(maria.page.getByRole('heading', { name: 'Instructions' })).toBeVisible();
	// The plain applicant header: no app navigation.
	await expect(maria.page.getByRole('banner')).toContainText('City of Tracy');
	await expect(maria.page.getByRole('banner')).toContainText('Account Clerk written exam');
	await expect(maria.page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
	await hydrated(maria.page);
	await expectAccessible(maria.page, '/exam-day/wait');
	await shot(maria.page, info, 'waiting-room');

	const david = await applicant(browser, app.url);
	await signInWithCode(david.page, codes['Chen, David']!);
	await expect(david.page.getByRole('heading', { level: 1, name: 'Welcome, Chen, David' })).toBeVisible();
	await expect(david.page.getByText('3 hours 45 minutes (your approved extra time: × 1.5)')).toBeVisible();

	// A used code: ask the proctor for a new one.
	const other = await applicant(browser, app.url);
	await signInWithCode(other.page, codes['Maria Alvarez']!);
	await expect(other.page.getByRole('alert')).toContainText('Ask the proctor for a new code.');
	await other.context.close();

	// Waiting applicants reach nothing but the exam-day pages.
	for (const path of ['/hr', '/train', '/exams', '/']) {
		const res = await maria.context.request.get(path, { maxRedirects: 0, headers: { accept: 'text/html' } });
		expect(res.status(), path).toBe(303);
		expect(res.headers()['location'], path).toBe('/exam-day');
	}
	expect((await maria.context.request.get(`/hr/sessions/${id}`, { maxRedirects: 0, headers: { accept: 'application/json' } })).status()).toBe(403);
	expect((await maria.context.request.post(`/hr/sessions/${id}?/start`, { form: {}, headers: { origin: app.url }, maxRedirects: 0 })).status()).toBe(403);

	// HR starts the exam for everyone; both waiting rooms open the exam by themselves.
	await open(page, `/hr/sessions/${id}`);
	await expect(page.getByText('2 of 3 applicants have checked in.')).toBeVisible();
	await page.getByRole('button', { name: 'Start the exam for everyone' }).click();
	await expect(page.getByText('The exam has started: 2 attempts started. 1 applicant has not checked in')).toBeVisible();
	for (const a of [maria, david]) {
		await expect(a.page).toHaveURL(/\/exams\/attempts\/a_[0-9a-f]{16}$/, { timeout: 30_000 });
		await hydrated(a.page);
	}
	const mariaAttempt = attemptIdOf(maria.page);
	const davidAttempt = attemptIdOf(david.page);
	expect(mariaAttempt).not.toBe(davidAttempt);
	await expect(maria.page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
	await expectAccessible(maria.page, 'question 1 as an applicant');
	await shot(maria.page, info, 'runner');

	// Both answer, reload and resume where they were.
	await Promise.all([answerFirst(maria.page, 3), answerFirst(david.page, 2)]);
	await maria.page.reload();
	await hydrated(maria.page);
	await expect(maria.page.getByRole('heading', { level: 1, name: /^Question 3 / })).toBeVisible();
	await expectAnswerShown(maria.page, true);
	await open(david.page, `/exams/attempts/${davidAttempt}?p=2`);
	await expectAnswerShown(david.page, true);
	await expect.poll(async () => (await storedAttempt(app.dataDir, mariaAttempt)).answers.filter((x) => x !== null).length).toBe(3);

	// Another applicant's attempt is not there for Maria; a trainee cannot open hers.
	expect((await maria.context.request.get(`/exams/attempts/${davidAttempt}`, { headers: { accept: 'text/html' } })).status()).toBe(404);
	expect((await maria.context.request.get(`/exams/attempts/${davidAttempt}/state`)).status()).toBe(404);
	expect((await maria.context.request.post(`/exams/attempts/${davidAttempt}/save`, { data: { saves: [] }, headers: { origin: app.url } })).status()).toBe(404);
	const trainee = await playwrightRequest.newContext({ baseURL: app.url });
	await apiSignIn(trainee, app.url, 'trainee');
	expect((await trainee.get(`/exams/attempts/${mariaAttempt}`, { headers: { accept: 'text/html' } })).status()).toBe(404);
	expect((await trainee.get(`/exams/attempts/${mariaAttempt}/state`)).status()).toBe(404);
	await trainee.dispose();

	// Both submit; the applicant's result page says so and offers to sign out.
	await submit(maria.page);
	await submit(david.page);
	await expect(maria.page.getByText('sends your result to you by letter')).toBeVisible();
	await expect(maria.page.getByRole('link', { name: 'Back to exams' })).toHaveCount(0);
	await expectAccessible(maria.page, 'submitted');
	await shot(maria.page, info, 'submitted');
	expect((await storedAttempt(app.dataDir, mariaAttempt)).status).toBe('submitted');
	expect((await storedAttempt(app.dataDir, davidAttempt)).status).toBe('submitted');

	await maria.page.getByRole('button', { name: 'Sign out' }).click();
	await expect(maria.page).toHaveURL(/\/exam-day\?signed-out=1$/);
	await expect(maria.page.getByText('You are signed out.')).toBeVisible();
	expect((await maria.context.request.get(`/exams/attempts/${mariaAttempt}/result`, { maxRedirects: 0, headers: { accept: 'text/html' } })).status()).toBe(303);
	await maria.context.close();
	await david.context.close();
});

test('a late arrival signing in while the exam runs goes straight to their own exam; the waiting room works without JavaScript', async ({ page, browser, app }) => {
	await signIn(page, 'hr');
	const { id, codes } = await prepareSession(page);
	await openSession(page, id);

	const noJs = await browser.newContext({ baseURL: app.url, javaScriptEnabled: false });
	const pat = await noJs.newPage();
	await pat.goto('/exam-day');
	await pat.getByLabel('Access code').fill(codes['Pat O’Brien']!);
	await pat.getByRole('button', { name: 'Sign in' }).click();
	await expect(pat.getByText('Waiting for the proctor to start the exam.')).toBeVisible();

	await open(page, `/hr/sessions/${id}`);
	await page.getByRole('button', { name: 'Start the exam for everyone' }).click();
	await expect(page.getByText('The exam has started: 1 attempt started.')).toBeVisible();
	await pat.getByRole('link', { name: 'Check now' }).click();
	await expect(pat).toHaveURL(/\/exams\/attempts\/a_[0-9a-f]{16}$/);
	await expect(pat.getByRole('heading', { level: 1, name: /^Question 1 / })).toBeVisible();
	await noJs.close();

	const late = await applicant(browser, app.url);
	await signInWithCode(late.page, codes['Maria Alvarez']!);
	await expect(late.page).toHaveURL(/\/exams\/attempts\/a_[0-9a-f]{16}$/);
	await expect(late.page.getByRole('heading', { level: 1, name: /^Question 1 / })).toBeVisible();
	await late.context.close();
});
