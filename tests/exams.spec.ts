import type { Browser, Page } from '@playwright/test';
import { DEMO_PASSWORD, expect, expectAccessible, hydrated, open, signIn, test } from './fixtures';
import { freshDataDir, removeDir, startServer } from './server';
import {
	answerByKeyboard,
	answerQuestion,
	attemptIdOf,
	currentKind,
	expectAnswerShown,
	question,
	SECRET_FIELDS,
	secretsOf,
	storedAttempt,
	storedItems,
	tabTo
} from './exam-pages';

// A whole exam is many pages: give these tests room on a busy machine.
test.describe.configure({ timeout: 480_000 });

const PRACTICE_ITEMS = 15;
const saved = (page: Page) => page.locator('.save-status[data-state="saved"]');

async function startPractice(page: Page): Promise<string> {
	await open(page, '/exams');
	await page.getByRole('link', { name: 'Take the practice exam' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Practice exam' })).toBeVisible();
	await hydrated(page);
	await page.getByRole('button', { name: /^Start/ }).click();
	await expect(page).toHaveURL(/\/exams\/attempts\/a_[0-9a-f]{16}$/);
	await hydrated(page);
	await expect(page.getByRole('heading', { level: 1, name: /Question 1/ })).toBeVisible();
	return attemptIdOf(page);
}

async function next(page: Page, n: number): Promise<void> {
	await page.getByRole('button', { name: 'Next', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name: new RegExp(`^Question ${n} `) })).toBeVisible();
}

async function submitFromReview(page: Page): Promise<void> {
	await expect(page.getByRole('heading', { level: 1, name: 'Review your answers' })).toBeVisible();
	await page.getByLabel(/I am ready to submit/).check();
	await page.getByRole('button', { name: 'Submit the exam' }).click();
	await expect(page).toHaveURL(/\/result$/);
}

test('a trainee takes the practice exam, reloads mid-way and finds every answer, submits and sees score and feedback (axe on every page)', async ({ page, app }) => {
	await signIn(page, 'trainee');
	await open(page, '/exams');
	await expectAccessible(page, 'exams home');
	await page.getByRole('link', { name: 'Take the practice exam' }).click();
	await expect(page.getByText('20 minutes, kept by the server')).toBeVisible();
	await expectAccessible(page, 'instructions');
	await hydrated(page);
	await page.getByRole('button', { name: /^Start/ }).click();
	await expect(page).toHaveURL(/\/exams\/attempts\/a_/);
	await hydrated(page);
	const id = attemptIdOf(page);

	const kinds = new Set<string>();
	for (let n = 1; n <= PRACTICE_ITEMS; n++) {
		const { kind } = await currentKind(page);
		await answerQuestion(page, true);
		// Each kind of question page is checked once, answered.
		if (!kinds.has(kind)) await expectAccessible(page, `question ${n} (${kind}) answered`);
		kinds.add(kind);
		if (n === 3) {
			await page.getByLabel('Flag for review').check();
			await expect(page.getByRole('button', { name: 'Question 3: answered, flagged' })).toBeVisible();
		}
		await expect(saved(page)).toBeVisible();
		if (n === 8) {
			// Reload mid-way: every answer so far comes back from the server.
			await page.reload();
			await hydrated(page);
			await expect(page.getByRole('heading', { level: 1, name: /^Question 8 / })).toBeVisible();
			await expect(page.getByText('8 of 15 answered · 1 flagged')).toBeVisible();
			await expectAnswerShown(page, true);
			for (const p of [1, 3, 5]) {
				await page.getByRole('button', { name: new RegExp(`^Question ${p}: answered`) }).click();
				await expect(page.getByRole('heading', { level: 1, name: new RegExp(`^Question ${p} `) })).toBeVisible();
				await expectAnswerShown(page, true);
			}
			await expect(page.getByLabel('Flag for review')).not.toBeChecked();
			await page.getByRole('button', { name: /^Question 8:/ }).click();
			await expect(page.getByRole('heading', { level: 1, name: /^Question 8 / })).toBeVisible();
		}
		if (n < PRACTICE_ITEMS) await next(page, n + 1);
	}
	await expect.poll(async () => (await storedAttempt(app.dataDir, id)).answers.filter((a) => a !== null).length).toBe(PRACTICE_ITEMS);
	expect((await storedAttempt(app.dataDir, id)).flags.filter(Boolean)).toHaveLength(1);

	await page.getByRole('button', { name: 'Review and submit' }).first().click();
	await expect(page.getByRole('heading', { level: 1, name: 'Review your answers' })).toBeVisible();
	await expect(page.getByText('15 of 15 questions answered, 1 flagged for review')).toBeVisible();
	await expectAccessible(page, 'review');
	// Submitting needs the confirmation.
	await page.getByRole('button', { name: 'Submit the exam' }).click();
	await expect(page.getByRole('alert')).toContainText('Tick “I am ready to submit” to confirm');
	expect((await storedAttempt(app.dataDir, id)).status).toBe('in-progress');
	await submitFromReview(page);
	await expect(page.getByRole('heading', { level: 1, name: 'Practice exam: submitted' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Your score' })).toBeVisible();
	await expect(page.locator('.review > li')).toHaveCount(PRACTICE_ITEMS);
	await expect(page.getByText('Right answer').first()).toBeVisible();
	await expectAccessible(page, 'result');

	await open(page, '/exams');
	const row = page.getByTestId('attempt-row');
	await expect(row).toHaveCount(1);
	await expect(row).toContainText('Submitted');
	await expect(row).toContainText(/\d+\.\d\d% \(/);
	await expectAccessible(page, 'exams home with history');
});

test('answers given while offline show "Not saved — retrying" and land when the connection is back', async ({ page, app }) => {
	await signIn(page, 'trainee');
	const id = await startPractice(page);
	await answerQuestion(page, true);
	await expect(saved(page)).toBeVisible();
	await next(page, 2);
	const { index } = await currentKind(page);

	await page.context().setOffline(true);
	await answerQuestion(page, true);
	await page.getByLabel('Flag for review').check();
	await expect(page.locator('.save-status[data-state="retrying"]')).toContainText('Not saved — retrying');
	await page.getByLabel('Flag for review').uncheck();
	await page.getByLabel('Flag for review').check();
	await expect(page.locator('.save-status[data-state="retrying"]')).toBeVisible();
	expect((await storedAttempt(app.dataDir, id)).seqs[index]).toBe(0);

	await page.context().setOffline(false);
	await expect(saved(page)).toBeVisible({ timeout: 20_000 });
	const stored = await storedAttempt(app.dataDir, id);
	expect(stored.answers[index]).not.toBeNull();
	expect(stored.flags[index]).toBe(true);
	await page.reload();
	await hydrated(page);
	await expectAnswerShown(page, true);
	await expect(page.getByLabel('Flag for review')).toBeChecked();
});

test('the whole exam from the keyboard alone', async ({ page, app }) => {
	await signIn(page, 'trainee');
	await open(page, '/exams');
	await tabTo(page, page.getByRole('link', { name: 'Take the practice exam' }));
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { level: 1, name: 'Practice exam' })).toBeVisible();
	await hydrated(page);
	await tabTo(page, page.getByRole('button', { name: /^Start/ }));
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/exams\/attempts\/a_/);
	await hydrated(page);
	const id = attemptIdOf(page);

	for (let n = 1; n <= PRACTICE_ITEMS; n++) {
		await answerByKeyboard(page);
		if (n === 2) {
			await tabTo(page, page.getByLabel('Flag for review'));
			await page.keyboard.press('Space');
		}
		await expect(saved(page)).toBeVisible();
		if (n < PRACTICE_ITEMS) {
			await tabTo(page, page.getByRole('button', { name: 'Next', exact: true }));
			await page.keyboard.press('Enter');
			await expect(page.getByRole('heading', { level: 1, name: new RegExp(`^Question ${n + 1} `) })).toBeVisible();
			// The keyboard lands on the new question, not back at the top of the page.
			await expect(page.locator('#question-title')).toBeFocused();
		}
	}
	await expect.poll(async () => (await storedAttempt(app.dataDir, id)).answers.filter((a) => a !== null).length).toBe(PRACTICE_ITEMS);
	expect((await storedAttempt(app.dataDir, id)).flags[1]).toBe(true);

	await tabTo(page, page.getByRole('button', { name: 'Review and submit' }).first());
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { level: 1, name: 'Review your answers' })).toBeVisible();
	await tabTo(page, page.getByLabel(/I am ready to submit/));
	await page.keyboard.press('Space');
	await tabTo(page, page.getByRole('button', { name: 'Submit the exam' }));
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/result$/);
	expect((await storedAttempt(app.dataDir, id)).status).toBe('submitted');
});

async function noScriptPage(browser: Browser, baseURL: string): Promise<Page> {
	const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
	const page = await context.newPage();
	await page.goto('/login');
	await page.getByLabel('Username').fill('trainee');
	await page.getByLabel('Password').fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
	return page;
}

test('the same exam without JavaScript: one page of answers per form post', async ({ browser, app }) => {
	const page = await noScriptPage(browser, app.url);
	await page.goto('/exams');
	await page.getByRole('link', { name: 'Take the practice exam' }).click();
	await page.getByRole('button', { name: /^Start/ }).click();
	await expect(page).toHaveURL(/\/exams\/attempts\/a_/);
	const id = attemptIdOf(page);
	await expect(page.getByText('Answers are saved each time you move to another page.')).toBeVisible();

	for (let n = 1; n <= PRACTICE_ITEMS; n++) {
		const { kind } = await currentKind(page);
		if (kind === 'ordering') {
			// A broken order is refused with a message and nothing is saved.
			const boxes = question(page).locator('select[name*=".pos"]');
			await boxes.nth(0).selectOption('1');
			await boxes.nth(1).selectOption('1');
			// On the last question the pager and the side panel both have Review and submit.
			await page.getByRole('button', { name: n < PRACTICE_ITEMS ? 'Next' : 'Review and submit', exact: true }).first().click();
			await expect(page.getByRole('alert')).toContainText('different position');
			// Still on the same question, with the boxes as they were posted.
			await expect(page.getByRole('heading', { level: 1, name: new RegExp(`^Question ${n} `) })).toBeVisible();
			await expect(boxes.nth(1)).toHaveValue('1');
		}
		await answerQuestion(page, false);
		if (n === 4) await page.getByLabel('Flag for review').check();
		if (n < PRACTICE_ITEMS) await next(page, n + 1);
	}
	// Jump back with a question button (a post too) and find the answer.
	await page.getByRole('button', { name: /^Question 4: answered, flagged/ }).click();
	await expect(page.getByRole('heading', { level: 1, name: /^Question 4 / })).toBeVisible();
	await expectAnswerShown(page, false);
	await expect(page.getByLabel('Flag for review')).toBeChecked();

	await page.getByRole('button', { name: 'Review and submit' }).first().click();
	await expect(page.getByText(/14 of 15 questions answered|15 of 15 questions answered/)).toBeVisible();
	await submitFromReview(page);
	await expect(page.getByRole('heading', { name: 'Your score' })).toBeVisible();
	const stored = await storedAttempt(app.dataDir, id);
	expect(stored.status).toBe('submitted');
	expect(stored.answers.filter((a) => a !== null).length).toBeGreaterThanOrEqual(PRACTICE_ITEMS - 1);
	await page.context().close();
});

test('no response the browser receives during the exam holds an answer key, a correct flag, feedback or a score', async ({ page, app }) => {
	const bodies: { url: string; body: string }[] = [];
	let recording = true;
	const pending: Promise<void>[] = [];
	page.on('response', (response) => {
		if (!recording) return;
		pending.push(
			response
				.text()
				.then((body) => void bodies.push({ url: response.url(), body }))
				.catch(() => undefined)
		);
	});
	await signIn(page, 'trainee');
	const id = await startPractice(page);
	for (let n = 1; n <= PRACTICE_ITEMS; n++) {
		await answerQuestion(page, true);
		await expect(saved(page)).toBeVisible();
		if (n < PRACTICE_ITEMS) await next(page, n + 1);
	}
	await page.reload();
	await hydrated(page);
	expect((await page.request.get(`/exams/attempts/${id}/state`)).ok()).toBe(true);
	await page.getByRole('button', { name: 'Review and submit' }).first().click();
	await expect(page.getByRole('heading', { level: 1, name: 'Review your answers' })).toBeVisible();
	await Promise.all(pending);
	recording = false;

	const stored = await storedAttempt(app.dataDir, id);
	const secrets = secretsOf(await storedItems(app.dataDir, id), stored.delivered);
	expect(secrets.length).toBeGreaterThan(5);
	const examBodies = bodies.filter((b) => new URL(b.url).pathname.startsWith('/exams/attempts/'));
	expect(examBodies.map((b) => new URL(b.url).pathname)).toEqual(expect.arrayContaining([`/exams/attempts/${id}/save`, `/exams/attempts/${id}/__data.json`]));
	// Everything the server sent about this exam (the app's static scripts and styles hold no attempt).
	for (const { url, body } of bodies.filter((b) => !new URL(b.url).pathname.startsWith('/_app/'))) {
		expect(SECRET_FIELDS.exec(body)?.[0], `a secret field in ${url}`).toBeUndefined();
		for (const secret of secrets) expect(body.includes(secret), `“${secret}” in ${url}`).toBe(false);
		for (const d of stored.delivered) expect(body.includes(d.itemId), `item id ${d.itemId} in ${url}`).toBe(false);
	}
	// After submitting, the practice result shows them, as it should.
	await submitFromReview(page);
	await expect(page.getByText('Right answer').first()).toBeVisible();
});

test.describe('with a fast exam clock (EXAM_MINUTE_MS=600: the 20-minute practice exam lasts 12 seconds)', () => {
	const fast = test.extend({
		app: async ({}, use) => {
			const dir = await freshDataDir();
			const server = await startServer(dir, { EXAM_MINUTE_MS: '600' });
			await use(server);
			await server.stop();
			await removeDir(dir);
		}
	});

	fast('a candidate runs out of time: the page hands in the answers and shows the attempt closed', async ({ page, app }) => {
		await signIn(page, 'trainee');
		const id = await startPractice(page);
		await answerQuestion(page, true);
		await expect(saved(page)).toBeVisible();
		await expect(page.locator('.countdown')).toBeVisible();
		await expect(page).toHaveURL(/\/result$/, { timeout: 30_000 });
		await expect(page.getByRole('heading', { level: 1, name: 'Practice exam: time ran out' })).toBeVisible();
		await expect(page.getByText('The time limit was reached')).toBeVisible();
		await expectAccessible(page, 'result after the time limit');
		const stored = await storedAttempt(app.dataDir, id);
		expect(stored.status).toBe('closed-at-deadline');
		expect(stored.answers.filter((a) => a !== null)).toHaveLength(1);
		// The attempt page now leads to the result, and a late save is refused.
		await page.goto(`/exams/attempts/${id}`);
		await expect(page).toHaveURL(/\/result$/);
		const late = await page.request.post(`/exams/attempts/${id}/save`, { data: { saves: [{ index: 1, seq: 1, response: null, flagged: true }] } });
		expect(late.status()).toBe(409);
	});

	fast('the server closes an attempt at its deadline with no browser open', async ({ page, app }) => {
		await signIn(page, 'trainee');
		const id = await startPractice(page);
		await answerQuestion(page, true);
		await expect(saved(page)).toBeVisible();
		await page.close();
		const started = Date.now();
		await expect.poll(async () => (await storedAttempt(app.dataDir, id)).status, { timeout: 30_000, intervals: [500] }).toBe('closed-at-deadline');
		const stored = await storedAttempt(app.dataDir, id);
		expect(stored.score).not.toBeNull();
		expect(stored.answers.filter((a) => a !== null)).toHaveLength(1);
		expect(Date.now() - started).toBeLessThan(25_000);
	});
});
