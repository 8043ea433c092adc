import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { request as playwrightRequest, type Browser, type Locator, type Page } from '@playwright/test';
import { answerQuestion } from './exam-pages';
import { apiSignIn, expect, expectAccessible, hydrated, open, signIn, test } from './fixtures';

const ROSTER = ['applicant_id,name,email,accommodation', 'A-1001,Maria Alvarez,maria@example.com,', 'A-1002,David Chen,dchen@example.org,1.5'].join('\n');
const SHOTS = join(import.meta.dirname, '..', 'test-results-proctor', 'screens');

/** "2:29:58" or "47:05" as seconds. */
function seconds(text: string): number {
	const parts = /\d+(?::\d+)+/.exec(text)![0].split(':').map(Number);
	return parts.reduce((s, p) => s * 60 + p, 0);
}

/** HR makes a session with two applicants, prints the tickets and opens it; returns its id and the codes by name. */
async function openedSession(page: Page): Promise<{ id: string; codes: Record<string, string> }> {
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
	await page.getByRole('button', { name: 'Import 2 applicants' }).click();
	await expect(page.getByText('2 applicants were added to the roster.')).toBeVisible();

	await open(page, `/hr/sessions/${id}/tickets`);
	await page.getByRole('button', { name: 'Make the tickets' }).click();
	const tickets = page.getByTestId('ticket');
	await expect(tickets).toHaveCount(2);
	const codes: Record<string, string> = {};
	for (const name of ['Maria Alvarez', 'David Chen']) codes[name] = await tickets.filter({ hasText: name }).getByTestId('ticket-code').innerText();

	await open(page, `/hr/sessions/${id}`);
	await page.getByRole('button', { name: 'Mark the session “Open”' }).click();
	await expect(page.getByText('The session is now open.')).toBeVisible();
	return { id, codes };
}

/** An applicant's own browser: sign in with the code at /exam-day. */
async function applicant(browser: Browser, baseURL: string, code: string): Promise<Page> {
	const context = await browser.newContext({ baseURL });
	const page = await context.newPage();
	await open(page, '/exam-day');
	await page.getByLabel('Access code').fill(code);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).toHaveURL(/\/exam-day\/wait/);
	return page;
}

const row = (page: Page, name: string): Locator => page.getByTestId('proctor-row').filter({ hasText: name });

test('the proctor starts the exam, pauses one applicant, adds time for another, and the table follows without reload', async ({ page, browser, app }) => {
	test.setTimeout(300_000); // two applicants and a whole session's set-up; slow on a loaded machine
	await signIn(page, 'hr');
	const { id, codes } = await openedSession(page);
	const maria = await applicant(browser, app.url, codes['Maria Alvarez']!);
	const david = await applicant(browser, app.url, codes['David Chen']!);

	// The console, reached from the session's tabs: both checked in and waiting.
	await open(page, `/hr/sessions/${id}`);
	await page.getByRole('navigation', { name: 'Session pages' }).getByRole('link', { name: 'Proctor' }).click();
	await expect(page.getByRole('heading', { name: 'Proctor console', level: 1 })).toBeVisible();
	await hydrated(page);
	await expect(row(page, 'Maria Alvarez').getByTestId('state')).toHaveText('Checked in, waiting');
	await expect(row(page, 'David Chen').getByTestId('state')).toHaveText('Checked in, waiting');
	await expect(page.getByTestId('count-checkedIn')).toContainText('2');
	await expectAccessible(page, 'proctor console, session open');

	await page.getByRole('button', { name: 'Start the exam for everyone' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'The exam has started: 2 attempts started.' })).toBeVisible();
	await expect(row(page, 'Maria Alvarez').getByTestId('state')).toHaveText('Writing');
	await expect(row(page, 'David Chen').getByTestId('state')).toHaveText('Writing');
	await expect(row(page, 'Maria Alvarez').getByTestId('answered')).toHaveText(/^0 of \d+$/);
	// A mark on the window: it survives only if the page is never reloaded.
	await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

	// The applicants are sent from the waiting room to their attempts.
	for (const p of [maria, david]) {
		await p.goto('/exam-day/wait');
		await expect(p).toHaveURL(/\/exams\/attempts\/a_[0-9a-f]{16}/);
		await hydrated(p);
	}

	// An answer saved in David's browser shows up in the table by itself.
	await answerQuestion(david, true);
	await expect(david.locator('.save-status[data-state="saved"]')).toBeVisible();
	await expect(row(page, 'David Chen').getByTestId('answered')).toHaveText(/^1 of \d+$/, { timeout: 20_000 });
	await expect(row(page, 'David Chen').getByTestId('last-save')).toHaveText(/^\d+ s ago$/);
	await expect(page.getByTestId('updated')).toContainText('Updated at');

	// Pause Maria: the table says Paused and her time left stands still.
	await row(page, 'Maria Alvarez').getByRole('button', { name: 'Pause Maria Alvarez' }).click();
	await expect(row(page, 'Maria Alvarez').getByTestId('state')).toHaveText('Paused');
	const left = row(page, 'Maria Alvarez').getByTestId('time-left');
	await expect(left).toContainText('clock stopped');
	const stoppedAt = await left.innerText();
	await page.waitForTimeout(4_000); // more than one poll and several ticks
	expect(await left.innerText()).toBe(stoppedAt);
	await expect(row(page, 'Maria Alvarez').getByRole('button', { name: 'Resume Maria Alvarez' })).toBeVisible();
	await expect(page.getByTestId('count-paused')).toContainText('1');

	// Add time for David: a bad value is refused and changes nothing; 10 minutes make his time grow.
	const davidLeft = row(page, 'David Chen').getByTestId('time-left');
	await row(page, 'David Chen').getByRole('link', { name: 'More actions for David Chen' }).click();
	await expect(page.getByRole('heading', { name: 'Actions for David Chen (A-1002)' })).toBeFocused();
	await page.getByLabel('Minutes to add').fill('0');
	await page.getByRole('button', { name: 'Add time' }).click();
	await expect(page.getByTestId('row-message')).toHaveText('Enter the minutes to add as a whole number from 1 to 240.');
	await expect(page.getByLabel('Minutes to add')).toHaveAttribute('aria-invalid', 'true');
	await expectAccessible(page, 'proctor console, actions open with an error');
	const before = seconds(await davidLeft.innerText());
	await page.getByLabel('Minutes to add').fill('10');
	await page.getByRole('button', { name: 'Add time' }).click();
	await expect(page.getByTestId('row-message')).toHaveText('10 minutes were added for David Chen (A-1002).');
	await expect(row(page, 'David Chen')).toContainText('+10 min added');
	const after = seconds(await davidLeft.innerText());
	expect(after - before).toBeGreaterThan(9 * 60);
	expect(after - before).toBeLessThanOrEqual(10 * 60);
	// Nothing is voided.
	await expect(page.getByTestId('count-voided')).toContainText('0');
	await expect(page.getByTestId('proctor-row').filter({ hasText: 'Voided' })).toHaveCount(0);

	// The audit log, newest first.
	const log = page.getByTestId('log-line');
	await expect(log.nth(0)).toContainText('Added 10 minutes for David Chen (A-1002).');
	await expect(log.nth(1)).toContainText('Paused Maria Alvarez (A-1001).');
	await expect(log.filter({ hasText: 'Exam started for everyone' })).toHaveCount(1);
	for (const line of [log.nth(0), log.nth(1)]) await expect(line.locator('td').nth(1)).toHaveText('Robert Hayes');

	// The summary and the close step: two still writing (one paused).
	await expect(page.getByTestId('count-writing')).toContainText('1');
	await expect(page.getByTestId('still-writing')).toHaveText('2 candidates are still writing.');
	await expect(page.getByRole('button', { name: 'End the exam now for the 2 still writing' })).toBeVisible();
	expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
	await expectAccessible(page, 'proctor console, exam running');

	// Screenshots at a clerk's screen size: the table fits without scrolling sideways.
	await mkdir(SHOTS, { recursive: true });
	await page.setViewportSize({ width: 1280, height: 800 });
	await page.getByRole('heading', { name: 'Proctor console' }).scrollIntoViewIfNeeded();
	await page.screenshot({ path: join(SHOTS, 'console-1280.png') });
	await page.screenshot({ path: join(SHOTS, 'console-1280-full.png'), fullPage: true });
	expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
	await maria.context().close();
	await david.context().close();
});

test('everyone actions need a tick; closing ends those still writing; only HR reaches the console and its JSON', async ({ page, browser, app }) => {
	test.setTimeout(300_000);
	await signIn(page, 'hr');
	const { id, codes } = await openedSession(page);
	const maria = await applicant(browser, app.url, codes['Maria Alvarez']!);

	// An applicant signed in with a code is sent back to their exam, and the JSON refuses them.
	const consolePath = `/hr/sessions/${id}/proctor`;
	await maria.goto(consolePath);
	await expect(maria).toHaveURL(/\/exam-day/);
	expect((await maria.request.get(`${consolePath}/live`)).status()).toBe(403);
	// A trainee gets the 403 page, and the JSON refuses them too; nobody signed in is sent to sign in.
	const trainee = await playwrightRequest.newContext({ baseURL: app.url });
	await apiSignIn(trainee, app.url, 'trainee');
	expect((await trainee.get(consolePath, { headers: { accept: 'text/html' } })).status()).toBe(403);
	const json = await trainee.get(`${consolePath}/live`);
	expect(json.status()).toBe(403);
	expect(await json.text()).not.toContain('Maria');
	await trainee.dispose();
	const nobody = await playwrightRequest.newContext({ baseURL: app.url });
	expect((await nobody.get(`${consolePath}/live`, { maxRedirects: 0 })).status()).toBe(303);
	await nobody.dispose();
	// HR gets the live view.
	const live = await page.request.get(`${consolePath}/live`);
	expect(live.status()).toBe(200);
	expect((await live.json()).rows.map((r: { name: string; stateLabel: string }) => `${r.name}: ${r.stateLabel}`)).toEqual(['Maria Alvarez: Checked in, waiting', 'David Chen: Not checked in']);

	await open(page, consolePath);
	await page.getByRole('button', { name: 'Start the exam for everyone' }).click();
	await expect(page.getByRole('status').filter({ hasText: '1 applicant has not checked in' })).toBeVisible();
	await expect(row(page, 'Maria Alvarez').getByTestId('state')).toHaveText('Writing');

	// Pause everyone without the tick: refused, nothing changes. With it: paused.
	await page.getByRole('button', { name: 'Pause everyone' }).click();
	await expect(page.getByRole('alert')).toHaveText('Tick “Yes, pause everyone” to confirm.');
	await expect(row(page, 'Maria Alvarez').getByTestId('state')).toHaveText('Writing');
	await page.getByLabel('Yes, pause everyone').check();
	await page.getByRole('button', { name: 'Pause everyone' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Everyone is paused: 1 attempt stopped' })).toBeVisible();
	await expect(row(page, 'Maria Alvarez').getByTestId('state')).toHaveText('Paused');
	await page.getByLabel('Yes, resume everyone').check();
	await page.getByRole('button', { name: 'Resume everyone' }).click();
	await expect(row(page, 'Maria Alvarez').getByTestId('state')).toHaveText('Writing');

	// A new access code for Maria (another computer), shown once.
	await row(page, 'Maria Alvarez').getByRole('link', { name: 'More actions for Maria Alvarez' }).click();
	await page.getByRole('button', { name: 'Give a new access code' }).click();
	await expect(page.getByTestId('new-code')).toHaveText(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
	await expect(page.getByTestId('log-line').first()).toContainText('New access code given to applicant A-1001');

	// Closing: she is still writing, so the page offers to end the exam for her first.
	await expect(page.getByTestId('still-writing')).toHaveText('1 candidate is still writing.');
	await page.getByRole('button', { name: 'End the exam now for the 1 still writing' }).click();
	await expect(page.getByRole('alert')).toContainText('Tick “Yes, end the exam now” to confirm');
	await page.getByLabel('Yes, end the exam now').check();
	await page.getByRole('button', { name: 'End the exam now for the 1 still writing' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'The exam was ended for 1 candidate still writing, and the session is closed.' })).toBeVisible();
	await expect(row(page, 'Maria Alvarez').getByTestId('state')).toHaveText('Ended by the proctor');
	await expect(page.getByText('The session is closed: the exam is over.')).toBeVisible();
	const log = page.getByTestId('log-line');
	await expect(log.nth(0)).toContainText('Status changed to Closed.');
	await expect(log.nth(1)).toContainText('Ended the exam now for 1 candidate still writing (A-1001)');
	await expectAccessible(page, 'proctor console, session closed');
	await maria.context().close();
});

test('the console works without JavaScript: the same table, forms that post, and a Refresh link', async ({ browser, app }) => {
	test.setTimeout(300_000);
	const hr = await browser.newContext({ baseURL: app.url });
	const setup = await hr.newPage();
	await signIn(setup, 'hr');
	const { id, codes } = await openedSession(setup);
	await applicant(browser, app.url, codes['Maria Alvarez']!);
	await setup.close();
	const cookies = await hr.cookies();
	const plain = await browser.newContext({ baseURL: app.url, javaScriptEnabled: false });
	await plain.addCookies(cookies);
	const page = await plain.newPage();
	await page.goto(`/hr/sessions/${id}/proctor`);
	await expect(row(page, 'Maria Alvarez').getByTestId('state')).toHaveText('Checked in, waiting');
	await page.getByRole('button', { name: 'Start the exam for everyone' }).click();
	await expect(page.getByText('The exam has started: 1 attempt started.')).toBeVisible();
	await expect(row(page, 'Maria Alvarez').getByTestId('state')).toHaveText('Writing');
	await row(page, 'Maria Alvarez').getByRole('link', { name: 'More actions for Maria Alvarez' }).click();
	await page.getByLabel('Reason for voiding').fill('Ph');
	await page.getByRole('button', { name: 'Void the attempt' }).click();
	await expect(page.getByTestId('row-message')).toContainText('Give the reason for voiding the attempt');
	await expect(page.getByLabel('Reason for voiding')).toHaveValue('Ph');
	await page.getByLabel('Minutes to add').fill('5');
	await page.getByRole('button', { name: 'Add time' }).click();
	await expect(page.getByTestId('row-message')).toHaveText('5 minutes were added for Maria Alvarez (A-1001).');
	await page.getByRole('link', { name: 'Refresh' }).click();
	await expect(row(page, 'Maria Alvarez')).toContainText('+5 min added');
	await plain.close();
	await hr.close();
});
