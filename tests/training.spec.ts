import { expect, expectAccessible, hydrated, open, signIn, test } from './fixtures';
import { takePayment } from './counter';

// The demo trainees already have weeks of history, so a scenario may offer "Try again" rather than "Start".
const START = /^(Start the scenario|Try again|Start over in a fresh sandbox)$/;

test.describe('scenario player', () => {
	test('a trainee reads a lesson, does two scenarios (one with a mistake, one right), and the progress page shows both', async ({ page }) => {
		test.slow(); // two scenarios end to end, each building and grading on the full demo city
		await signIn(page, 'trainee');
		await open(page, '/train/progress');
		const before = Number(await page.getByTestId('total-attempts').textContent());
		await open(page, '/train');
		await expectAccessible(page, 'training path');
		await page.getByRole('link', { name: 'Taking payments: tenders, checks and change' }).first().click();
		await hydrated(page);
		await expect(page).toHaveURL(/\/train\/lessons\//);
		await page.getByRole('link', { name: 'Cash payment at the counter, with change', exact: true }).click();
		await hydrated(page);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cash payment at the counter, with change');
		await expectAccessible(page, 'scenario page');

		await page.getByRole('button', { name: START }).click();
		// The first attempt of a server builds the demo city (seconds on a busy machine).
		await expect(page).toHaveURL(/\/sandbox\/sb_/, { timeout: 60_000 });
		await hydrated(page);
		const sb = new URL(page.url()).pathname;
		const card = page.getByRole('complementary', { name: 'Cash payment at the counter, with change' });
		await expect(card).toContainText('account 100-0006');
		await expect(card.getByTestId('task-timer')).toHaveText(/^\d+:\d\d$/);
		await expect(page.getByText('Scenario attempt')).toBeVisible();
		await expectAccessible(page, 'attempt desk with task card');
		// The scenario set the date: the desk offers no way to move it.
		await expect(page.getByRole('button', { name: /next business day/i })).toHaveCount(0);

		// The mistake: $108.82 keyed for $180.82 (the scenario's setup opened the drawer).
		await takePayment(page, sb, [{ ref: '100-0006', amount: '108.82' }], [{ type: 'cash', amount: '200.00' }]);
		// The task card stays beside every screen, and what was typed in it stays too.
		await card.getByLabel('How much change do you count back to Ms. Morales?').fill('91.18');
		await page.getByRole('link', { name: 'Drawer' }).first().click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cash drawer');
		await expect(card.getByLabel('How much change do you count back to Ms. Morales?')).toHaveValue('91.18');

		await card.getByRole('button', { name: 'Submit attempt' }).click();
		await expect(card.getByRole('alert')).toContainText('Submit now?');
		await card.getByRole('button', { name: 'Yes, submit' }).click();
		await expect(page).toHaveURL(/\/train\/attempts\/att_/, { timeout: 30_000 });
		await hydrated(page);
		const resultUrl = page.url();
		await expect(page.getByTestId('attempt-status')).toHaveText('Not passed');
		await expect(page.getByTestId('check-payment-posted')).toContainText('✗ Missed');
		await expect(page.getByTestId('check-payment-posted')).toContainText('One receipt paying $180.82 on account 100-0006');
		await expect(page.getByTestId('check-payment-posted')).toContainText('amount: $108.82 instead of $180.82');
		await expect(page.getByTestId('check-change-answer')).toContainText('✗ Missed');
		await expect(page.getByText('$200.00 − $180.82 = $19.18')).toBeVisible();
		await expectAccessible(page, 'attempt result');

		// The submitted sandbox is closed: its screens lead back to the result.
		await open(page, sb);
		await expect(page).toHaveURL(resultUrl);

		// A second scenario, done right: a phone inquiry answered from the account screen.
		await open(page, '/train/scenarios/account-inquiry');
		await page.getByRole('button', { name: START }).click();
		await expect(page).toHaveURL(/\/sandbox\/sb_/, { timeout: 60_000 });
		await hydrated(page);
		const sb2 = new URL(page.url()).pathname;
		expect(sb2).not.toBe(sb);
		await open(page, `${sb2}/accounts/100-0046`);
		await expect(page.getByRole('main')).toContainText('$257.63');
		const card2 = page.getByRole('complementary');
		await card2.getByLabel('What is the total balance on account 100-0046 today?').fill('257.63');
		await card2.getByLabel('How much of that is already past due?').fill('62.32');
		await card2.getByLabel(/By what date must the new \$195.31 bill be paid/).fill('2026-11-26');
		await card2.getByLabel('How much was his last payment?').fill('210.00');
		await card2.getByLabel('On what date was his last payment received?').fill('2026-10-20');
		await card2.getByLabel(/Payments go first to penalties and the oldest charges/).check();
		await card2.getByRole('button', { name: 'Submit attempt' }).click();
		await card2.getByRole('button', { name: 'Yes, submit' }).click();
		await expect(page).toHaveURL(/\/train\/attempts\/att_/, { timeout: 30_000 });
		await expect(page.getByTestId('attempt-status')).toHaveText('Passed');
		await expect(page.getByTestId('accuracy')).toHaveText('100%');

		// Progress reflects both.
		await open(page, '/train/progress');
		await expect(page.getByTestId('total-attempts')).toHaveText(String(before + 2));
		// Newest first: the inquiry done right, then the payment with the mistake.
		const rows = page.getByRole('region', { name: 'Every attempt' }).getByRole('row');
		await expect(rows.nth(1)).toContainText('Passed');
		await expect(rows.nth(2)).toContainText('Cash payment at the counter, with change');
		await expect(rows.nth(2)).toContainText('Not passed');
		await expect(page.getByTestId('duty-cashiering')).toContainText('Learning');
		await expectAccessible(page, 'progress page');

		// The training path puts the missed scenario in the review queue, and "Try again" starts it fresh.
		await open(page, '/train');
		await expect(page.getByRole('region', { name: 'Review queue' })).toContainText('Cash payment at the counter, with change');
		await open(page, resultUrl);
		await page.getByRole('button', { name: 'Try again' }).click();
		await expect(page).toHaveURL(/\/sandbox\/sb_/, { timeout: 30_000 });
		expect(new URL(page.url()).pathname).not.toBe(sb);
	});

	test('works without JavaScript: start, act and submit as plain form posts', async ({ browser, app }) => {
		const context = await browser.newContext({ javaScriptEnabled: false, baseURL: app.url });
		const page = await context.newPage();
		await page.goto('/login');
		await page.getByLabel('Username').fill('trainee');
		await page.getByLabel('Password').fill('tracy-demo');
		await page.getByRole('button', { name: 'Sign in' }).click();
		await page.goto('/train/scenarios/cash-payment-with-change');
		await page.getByRole('button', { name: START }).click();
		// The first attempt of a server builds the demo city (seconds on a busy machine).
		await expect(page).toHaveURL(/\/sandbox\/sb_/, { timeout: 60_000 });
		const card = page.getByRole('complementary', { name: 'Cash payment at the counter, with change' });
		await card.getByLabel('How much change do you count back to Ms. Morales?').fill('19.18');
		await card.getByRole('button', { name: 'Submit attempt' }).click();
		await expect(page).toHaveURL(/\/train\/attempts\/att_/);
		// Nothing was paid: the critical check fails, the answer was right.
		await expect(page.getByTestId('attempt-status')).toHaveText('Not passed');
		await expect(page.getByTestId('check-change-answer')).toContainText('✓ Right');
		await context.close();
	});

	test('another user cannot open a trainee\'s attempt or its sandbox', async ({ page, browser, app }) => {
		await signIn(page, 'trainee');
		await open(page, '/train/scenarios/cash-payment-with-change');
		await page.getByRole('button', { name: START }).click();
		// The first attempt of a server builds the demo city (seconds on a busy machine).
		await expect(page).toHaveURL(/\/sandbox\/sb_/, { timeout: 60_000 });
		const sb = new URL(page.url()).pathname;
		const attemptHref = await page.getByRole('complementary').locator('form').getAttribute('action');
		const attempt = attemptHref!.replace('?/submit', '');

		const other = await browser.newContext({ baseURL: app.url });
		const page2 = await other.newPage();
		await signIn(page2, 'trainee2');
		expect((await page2.goto(sb))!.status()).toBe(404);
		expect((await page2.goto(attempt))!.status()).toBe(404);
		await other.close();
	});
});
