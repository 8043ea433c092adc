// The clerical skills test (typing and 10-key, taken in order): with JavaScript, keyboard only,
// and as plain form posts; the server refuses any way back in a sequential exam.
import type { Page } from '@playwright/test';
import { DEMO_PASSWORD, expect, expectAccessible, hydrated, open, signIn, test } from './fixtures';
import { attemptIdOf, storedAttempt, tabTo } from './exam-pages';

test.describe.configure({ timeout: 240_000 });

const saved = (page: Page) => page.locator('.save-status[data-state="saved"]');
const heading = (page: Page, n: number) => page.getByRole('heading', { level: 1, name: new RegExp(`^Question ${n} `) });

test('a trainee takes the clerical skills test from the keyboard: typing, then 10-key, scored in WPM and KPH; no way back', async ({ page, app }) => {
	await signIn(page, 'trainee');
	await open(page, '/exams');
	await tabTo(page, page.getByRole('link', { name: 'Take the clerical skills test' }));
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { level: 1, name: 'Clerical skills test' })).toBeVisible();
	await hydrated(page);
	await tabTo(page, page.getByRole('button', { name: /^Start/ }));
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/exams\/attempts\/a_[0-9a-f]{16}/);
	await hydrated(page);
	const id = attemptIdOf(page);

	// Typing: instructions first; the text to copy appears with Start.
	await expect(heading(page, 1)).toBeVisible();
	await expect(page.getByText('Time allowed: 5 minutes, from when you press Start.')).toBeVisible();
	await expect(page.locator('.copy')).toHaveCount(0);
	await expectAccessible(page, 'typing test before Start');
	await tabTo(page, page.getByRole('button', { name: 'Start the typing test' }));
	await page.keyboard.press('Enter');
	const box = page.getByLabel('Your typing');
	await expect(box).toBeFocused();
	const text = (await page.locator('.copy').textContent())!.trim();
	expect(text.split(/\s+/).length).toBeGreaterThanOrEqual(50);
	await expect(page.getByRole('timer')).toHaveCount(2);
	const words = text.split(' ').slice(0, 12).join(' ');
	await page.keyboard.type(`${words} `, { delay: 40 });
	await expect(saved(page)).toBeVisible();
	await expectAccessible(page, 'typing test running');
	let stored = await storedAttempt(app.dataDir, id);
	expect(stored.answers[0]).toMatchObject({ kind: 'typing', text: `${words} ` });
	expect((stored.answers[0] as { elapsedMs: number }).elapsedMs).toBeGreaterThan(0);

	// Sequential: no Previous, the navigator is locked.
	await expect(page.getByRole('button', { name: 'Previous' })).toHaveCount(0);
	await tabTo(page, page.getByRole('button', { name: 'Next', exact: true }));
	await page.keyboard.press('Enter');
	await expect(heading(page, 2)).toBeVisible();

	// The server refuses a way back, whatever the browser sends.
	const back = await page.request.post(`/exams/attempts/${id}/move`, { data: { to: 0 } });
	expect(back.status()).toBe(403);
	expect((await back.json()).error).toBe('This exam is taken in order: question 1 is behind you and cannot be opened again.');
	const late = await page.request.post(`/exams/attempts/${id}/save`, { data: { saves: [{ index: 0, seq: 99, response: { kind: 'typing', text: 'x', elapsedMs: 5 }, flagged: false }] } });
	expect(late.status()).toBe(403);
	expect((await late.json()).error).toBe('This exam is taken in order: question 1 is behind you and can no longer be changed.');
	await page.goto(`/exams/attempts/${id}?p=1`);
	await expect(heading(page, 2)).toBeVisible();
	await hydrated(page);

	// 10-key: key five numbers, Enter after each.
	await tabTo(page, page.getByRole('button', { name: 'Start the 10-key test' }));
	await page.keyboard.press('Enter');
	await expect(page.getByLabel('Entry 1', { exact: true })).toBeFocused();
	const numbers = await page.locator('table.ten-key tbody td.mono').allTextContents();
	expect(numbers.length).toBeGreaterThanOrEqual(10);
	for (const n of numbers.slice(0, 5)) {
		await page.keyboard.type(n.trim(), { delay: 30 });
		await page.keyboard.press('Enter');
	}
	await expect(page.getByLabel('Entry 6', { exact: true })).toBeFocused();
	await expect(saved(page)).toBeVisible();
	await expectAccessible(page, '10-key test running');
	stored = await storedAttempt(app.dataDir, id);
	expect((stored.answers[1] as { entries: string[] }).entries.slice(0, 5)).toEqual(numbers.slice(0, 5).map((n) => n.trim()));

	await tabTo(page, page.getByRole('button', { name: 'Review and submit' }).first());
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { level: 1, name: 'Review your answers' })).toBeVisible();
	// Taken in order: the review links only to the question the candidate is on.
	await expect(page.getByRole('link', { name: 'Question 1', exact: true })).toHaveCount(0);
	await expect(page.getByRole('link', { name: 'Question 2', exact: true })).toBeVisible();
	await expectAccessible(page, 'review of a sequential exam');
	await tabTo(page, page.getByLabel(/I am ready to submit/));
	await page.keyboard.press('Space');
	await tabTo(page, page.getByRole('button', { name: 'Submit the exam' }));
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/result$/);

	const skills = page.locator('table.skills-result');
	await expect(skills.locator('tr[data-kind="typing"]')).toContainText(/net WPM, [\d.]+ gross WPM/);
	await expect(skills.locator('tr[data-kind="ten-key"]')).toContainText(/net KPH, [\d,]+ gross KPH, 100\.00% accuracy/);
	await expect(skills.locator('tr[data-kind="ten-key"]')).toContainText('5 entries right of 5 entries keyed');
	await expect(page.getByText('Pass mark: 35 net WPM')).toBeVisible();
	await expectAccessible(page, 'skills result');
	stored = await storedAttempt(app.dataDir, id);
	expect(stored.status).toBe('submitted');

	await open(page, '/exams');
	await expect(page.getByTestId('attempt-row')).toContainText(/net WPM · [\d,]+ net KPH/);
});

test('without JavaScript: Start is a form post, the server times the test, and going back is refused with a message', async ({ browser, app }) => {
	const context = await browser.newContext({ javaScriptEnabled: false, baseURL: app.url });
	const page = await context.newPage();
	await page.goto('/login');
	await page.getByLabel('Username').fill('trainee');
	await page.getByLabel('Password').fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await page.goto('/exams');
	await page.getByRole('link', { name: 'Take the clerical skills test' }).click();
	await page.getByRole('button', { name: /^Start/ }).click();
	const id = attemptIdOf(page);

	await page.getByRole('button', { name: 'Start the typing test' }).click();
	await expect(page.getByText(/This test ends at .* by the server's clock/)).toBeVisible();
	const text = (await page.locator('.copy').textContent())!.trim();
	const typed = text.split(' ').slice(0, 20).join(' ');
	await page.getByLabel('Your typing').fill(typed);
	await page.getByRole('button', { name: 'Save what I have entered' }).click();
	await expect(heading(page, 1)).toBeVisible();
	await expect(page.getByLabel('Your typing')).toHaveValue(typed);
	let stored = await storedAttempt(app.dataDir, id);
	expect(stored.answers[0]).toEqual({ kind: 'typing', text: typed, elapsedMs: null });

	await page.getByRole('button', { name: 'Next', exact: true }).click();
	await expect(heading(page, 2)).toBeVisible();
	// A crafted post back to question 1 is refused, and says why.
	await page.evaluate(() => {
		const back = document.createElement('button');
		back.type = 'submit';
		back.name = 'go';
		back.value = 'prev';
		back.textContent = 'Back door';
		document.getElementById('exam-form')!.append(back);
	});
	await page.getByRole('button', { name: 'Back door' }).click();
	await expect(page.getByRole('alert')).toContainText('question 1 is behind you and cannot be opened again');
	await expect(heading(page, 2)).toBeVisible();

	await page.getByRole('button', { name: 'Start the 10-key test' }).click();
	const numbers = (await page.locator('table.ten-key tbody td.mono').allTextContents()).map((n) => n.trim());
	for (let k = 0; k < 3; k++) await page.getByLabel(`Entry ${k + 1}`, { exact: true }).fill(numbers[k]!);
	await page.getByLabel('Entry 4', { exact: true }).fill('1');
	await page.getByRole('button', { name: 'Review and submit' }).first().click();
	await page.getByLabel(/I am ready to submit/).check();
	await page.getByRole('button', { name: 'Submit the exam' }).click();
	await expect(page).toHaveURL(/\/result$/);
	await expect(page.locator('tr[data-kind="ten-key"]')).toContainText('3 entries right of 4 entries keyed');
	await expect(page.locator('tr[data-kind="ten-key"]')).toContainText('75.00% accuracy');
	await expect(page.locator('tr[data-kind="typing"]')).toContainText('net WPM');
	stored = await storedAttempt(app.dataDir, id);
	expect(stored.status).toBe('submitted');
	await context.close();
});
