import { expect, expectAccessible, hydrated, open, signIn, test } from './fixtures';
import { takePayment } from './counter';

test.describe('scenario player', () => {
	test('a trainee works a scenario beside the clerk system, gets graded, reads the debrief and tries again', async ({ page }) => {
		await signIn(page, 'trainee');
		await open(page, '/train');
		await expectAccessible(page, 'training path');
		await page.getByRole('link', { name: 'Cash payment at the counter, with change', exact: true }).click();
		await hydrated(page);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cash payment at the counter, with change');
		await expectAccessible(page, 'scenario page');

		await page.getByRole('button', { name: 'Start the scenario' }).click();
		// The first attempt of a server builds the demo city (seconds on a busy machine).
		await expect(page).toHaveURL(/\/sandbox\/sb_/, { timeout: 60_000 });
		await hydrated(page);
		const sb = new URL(page.url()).pathname;
		const card = page.getByRole('complementary', { name: 'Cash payment at the counter, with change' });
		await expect(card).toContainText('account 100-0006');
		await expect(card.getByTestId('task-timer')).toHaveText(/^0:\d\d$/);
		await expect(page.getByText('Scenario attempt')).toBeVisible();
		await expectAccessible(page, 'attempt desk with task card');

		// The scenario set the date: the clock cannot be moved during an attempt.
		await expect(page.getByRole('button', { name: /next business day/i })).toHaveCount(0);

		// The mistake: $108.82 instead of $180.82 (the drawer was opened by the scenario's setup).
		await takePayment(page, sb, [{ ref: '100-0006', amount: '108.82' }], [{ type: 'cash', amount: '200.00' }]);
		// The task card stays beside every screen, with the typed answer kept across them.
		await card.getByLabel('How much change do you count back to Ms. Morales?').fill('91.18');
		await page.getByRole('link', { name: 'Drawer' }).first().click();
		await expect(card.getByLabel('How much change do you count back to Ms. Morales?')).toHaveValue('91.18');

		await card.getByRole('button', { name: 'Submit attempt' }).click();
		await expect(card.getByRole('alert')).toContainText('Submit now?');
		await card.getByRole('button', { name: 'Yes, submit' }).click();
		await expect(page).toHaveURL(/\/train\/attempts\/att_/);
		await hydrated(page);
		const resultUrl = page.url();
		await expect(page.getByTestId('attempt-status')).toHaveText('Not passed');
		await expect(page.getByTestId('check-payment-posted')).toContainText('✗ Missed');
		await expect(page.getByTestId('check-payment-posted')).toContainText('One receipt paying $180.82 on account 100-0006');
		await expect(page.getByTestId('check-change-answer')).toContainText('✗ Missed');
		await expect(page.getByRole('heading', { name: 'Debrief: the right way' })).toBeVisible();
		await expect(page.getByText('$200.00 − $180.82 = $19.18')).toBeVisible();
		await expectAccessible(page, 'attempt result');

		// The submitted sandbox is closed: its screens lead back to the result.
		await open(page, sb);
		await expect(page).toHaveURL(resultUrl);

		// Try again: a fresh sandbox, done right this time.
		await page.getByRole('button', { name: 'Try again' }).click();
		await expect(page).toHaveURL(/\/sandbox\/sb_/);
		await hydrated(page);
		const sb2 = new URL(page.url()).pathname;
		expect(sb2).not.toBe(sb);
		await takePayment(page, sb2, [{ ref: '100-0006', amount: '180.82' }], [{ type: 'cash', amount: '200.00' }]);
		const card2 = page.getByRole('complementary', { name: 'Cash payment at the counter, with change' });
		await card2.getByLabel('How much change do you count back to Ms. Morales?').fill('19.18');
		await card2.getByRole('button', { name: 'Submit attempt' }).click();
		await card2.getByRole('button', { name: 'Yes, submit' }).click();
		await expect(page).toHaveURL(/\/train\/attempts\/att_/);
		await expect(page.getByTestId('attempt-status')).toHaveText('Passed');
		await expect(page.getByTestId('accuracy')).toHaveText('100%');

		// The training path remembers: the scenario's last result and the review queue.
		await open(page, '/train');
		const row = page.getByRole('row', { name: /Cash payment at the counter, with change/ });
		await expect(row).toContainText('Passed');
		await expect(row).toContainText('%');
	});

	test('works without JavaScript: start, act and submit as plain form posts', async ({ browser, app }) => {
		const context = await browser.newContext({ javaScriptEnabled: false, baseURL: app.url });
		const page = await context.newPage();
		await page.goto('/login');
		await page.getByLabel('Username').fill('trainee');
		await page.getByLabel('Password').fill('tracy-demo');
		await page.getByRole('button', { name: 'Sign in' }).click();
		await page.goto('/train/scenarios/cash-payment-with-change');
		await page.getByRole('button', { name: 'Start the scenario' }).click();
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
		await page.getByRole('button', { name: 'Start the scenario' }).click();
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
