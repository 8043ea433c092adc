import type { Browser, Locator, Page } from '@playwright/test';
import { DEMO_PASSWORD, expect, expectAccessible, open, signIn, test } from './fixtures';
import { tabTo } from './exam-pages';

// The cashiering lesson on tenders: its duty has scenarios, and its quiz mixes choice, numeric and
// parameterized items (content/lessons/tenders-and-change.md).
const LESSON = '/train/lessons/tenders-and-change';
const TITLE = 'Taking payments: tenders, checks and change';

// Axe over long lesson pages is slow on a busy machine.
test.describe.configure({ timeout: 300_000 });

const questionWith = (page: Page, text: string): Locator => page.locator('li.question').filter({ hasText: text });

/** Answer the tenders quiz; `wrongOverpayment` gives change against a check (the one wrong answer). */
async function answerQuiz(page: Page, wrongOverpayment: boolean): Promise<void> {
	const refuse = questionWith(page, 'Which checks');
	for (const option of ['payable to "Tracy Water Company"', 'A check dated next Friday', 'A paycheck the customer endorsed', 'numeric amount reads $87.50']) {
		await refuse.getByRole('checkbox', { name: option }).check();
	}
	await questionWith(page, 'old personal check').getByRole('radio', { name: 'Refuse it, because it is more than 180 days old' }).check();
	await questionWith(page, 'writes a personal check for $100.00')
		.getByRole('radio', { name: wrongOverpayment ? 'Give $20.00 in change from the drawer' : 'Give no change; the extra $20.00 becomes a credit balance on the account' })
		.check();
	await questionWith(page, 'marked cash-only').getByRole('radio', { name: /^Decline the check/ }).check();
	// The parameterized item draws its own bill; the change is $100.00 less it, in cents.
	const change = questionWith(page, 'with one $100 bill');
	const bill = /\$(\d+)\.(\d\d)/.exec((await change.locator('.stem').innerText()) ?? '');
	expect(bill, 'the bill amount in the change question').not.toBeNull();
	const cents = 10_000 - (Number(bill![1]) * 100 + Number(bill![2]));
	await change.getByLabel(/Your answer/).fill(`${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`);
	await questionWith(page, 'debit card').getByLabel(/Your answer/).fill('7.58');
}

test('a trainee reads a lesson, sees its scenarios, gets one quiz answer wrong and reads the score and feedback (axe before and after)', async ({ page }) => {
	await signIn(page, 'trainee');
	await open(page, LESSON);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
	await expect(page.getByRole('heading', { level: 2, name: 'Practice this' })).toBeVisible();

	// The duty's scenarios, each with difficulty, target time and a link to its page.
	const scenarios = page.getByRole('table', { name: 'Scenarios' });
	const withChange = scenarios.getByRole('row').filter({ hasText: 'Cash payment at the counter, with change' });
	await expect(withChange.getByRole('link', { name: 'Cash payment at the counter, with change' })).toHaveAttribute('href', '/train/scenarios/cash-payment-with-change');
	await expect(withChange.getByRole('cell').nth(1)).toHaveText('easy');
	await expect(withChange.getByRole('cell').nth(2)).toHaveText('2½ minutes');
	await expect(page.getByRole('heading', { level: 3, name: 'Practice quiz' })).toBeVisible();
	await expect(page.locator('li.question')).toHaveCount(6);
	await expectAccessible(page, 'lesson with its quiz');

	// Checking with answers missing: a clear message, nothing scored.
	await questionWith(page, 'debit card').getByLabel(/Your answer/).fill('7.58');
	await page.getByRole('button', { name: 'Check my answers' }).click();
	await expect(page.getByRole('alert')).toHaveText('Questions 1, 2, 3, 4 and 5 have no answer yet. Answer every question, then check your answers.');
	await expect(page.getByRole('alert')).toBeFocused();
	await expect(questionWith(page, 'debit card').getByLabel(/Your answer/)).toHaveValue('7.58');
	await expect(page.getByRole('status')).toHaveCount(0);

	await answerQuiz(page, true);
	await page.getByRole('button', { name: 'Check my answers' }).click();
	const score = page.getByRole('status');
	await expect(score).toContainText('5 of 6 right');
	await expect(score).toContainText('83.33%');
	await expect(score).toBeFocused();

	const wrong = questionWith(page, 'writes a personal check for $100.00');
	await expect(wrong.getByRole('heading', { level: 4 })).toContainText('Wrong');
	const verdict = wrong.getByRole('group', { name: /Question 3/ });
	await expect(verdict).toContainText('Your answer');
	await expect(verdict).toContainText('Give $20.00 in change from the drawer');
	await expect(verdict).toContainText('Right answer');
	await expect(verdict).toContainText('Give no change; the extra $20.00 becomes a credit balance on the account');
	await expect(verdict).toContainText('Change is given only from a cash tender.');
	await expect(verdict).toContainText('Explain this before the customer writes the check');
	await expect(questionWith(page, 'old personal check').getByRole('heading', { level: 4 })).toContainText('Right');
	await expect(questionWith(page, 'with one $100 bill').getByRole('heading', { level: 4 })).toContainText('Right');
	// The answers stay on screen beside the feedback.
	await expect(wrong.getByRole('radio', { name: 'Give $20.00 in change from the drawer' })).toBeChecked();
	await expectAccessible(page, 'lesson quiz with results');

	// Fix the one wrong answer and check again.
	await wrong.getByRole('radio', { name: /^Give no change/ }).check();
	await page.getByRole('button', { name: 'Check my answers' }).click();
	await expect(page.getByRole('status')).toContainText('6 of 6 right');

	// Clearing starts the quiz afresh.
	await page.getByRole('link', { name: 'Clear my answers' }).click();
	await expect(page.getByRole('status')).toHaveCount(0);
	await expect(questionWith(page, 'debit card').getByLabel(/Your answer/)).toHaveValue('');
	await expect(wrong.getByRole('radio', { name: /^Give no change/ })).not.toBeChecked();

	// Previous and next lessons follow the duty order.
	await expect(page.getByRole('navigation', { name: 'Lessons' }).getByRole('link', { name: /Previous lesson/ })).toContainText('Answering customers at the counter and on the phone');
	await page.getByRole('navigation', { name: 'Lessons' }).getByRole('link', { name: /Next lesson/ }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('The cash drawer: opening, voids, returned checks and close-out');
});

test('the quiz from the keyboard alone', async ({ page }) => {
	await signIn(page, 'trainee');
	await open(page, LESSON);
	const questions = page.locator('li.question');
	for (let i = 0; i < (await questions.count()); i++) {
		const q = questions.nth(i);
		const choice = q.locator('input[type="radio"], input[type="checkbox"]');
		if ((await choice.count()) > 0) {
			// Tab lands on the first option of a group; Space picks it.
			await tabTo(page, choice.first());
			await page.keyboard.press('Space');
			await expect(choice.first()).toBeChecked();
		} else {
			await tabTo(page, q.getByLabel(/Your answer/));
			await page.keyboard.type('12.34');
		}
	}
	await tabTo(page, page.getByRole('button', { name: 'Check my answers' }));
	await page.keyboard.press('Enter');
	await expect(page.getByRole('status')).toContainText(/\d of 6 right/);
	await expect(page.getByRole('status')).toBeFocused();
	await expect(page.locator('li.question .verdict')).toHaveCount(6);
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

test('the quiz without JavaScript: plain form posts, refused and then scored', async ({ browser, app }) => {
	const page = await noScriptPage(browser, app.url);
	await page.goto(LESSON);
	await page.getByRole('button', { name: 'Check my answers' }).click();
	await expect(page.getByRole('alert')).toHaveText('Answer the questions first, then check your answers.');
	await expect(page).toHaveURL(/#quiz$/);

	await answerQuiz(page, false);
	await page.getByRole('button', { name: 'Check my answers' }).click();
	await expect(page.getByRole('status')).toContainText('6 of 6 right');
	await expect(page.getByRole('status')).toContainText('Every answer is right. Well done.');
	await expect(questionWith(page, 'debit card').getByLabel(/Your answer/)).toHaveValue('7.58');
	await page.getByRole('link', { name: 'Clear my answers' }).click();
	await expect(page.getByRole('status')).toHaveCount(0);
	await expect(questionWith(page, 'debit card').getByLabel(/Your answer/)).toHaveValue('');

	// A post that is not the form (a tampered field) is refused with a sentence, not a 500.
	const res = await page.request.post(`${LESSON}?/quiz`, { form: { a0: '99' }, headers: { origin: app.url, accept: 'text/html' } });
	expect(res.status()).toBe(400);
	expect(await res.text()).toMatch(/role="alert"[^>]*><p>Question 1: (&quot;|")choices(&quot;|") must list different option numbers\./);
	await page.context().close();
});

test('every lesson page has its quiz and passes axe; a duty without scenarios says so', async ({ page }) => {
	await signIn(page, 'trainee');
	for (const id of ['welcome', 'answering-customers', 'utility-start-stop-transfer', 'bills-penalties-postmark', 'adjustments-plans-disconnection', 'business-license-tax', 'collecting-permit-fees', 'receivables-and-aging', 'mail-remittances-routing', 'screening-vendor-invoices', 'writing-letters', 'daily-cash-and-reports', 'drawer-open-close-and-voids']) {
		const res = await page.goto(`/train/lessons/${id}`);
		expect(res?.status(), id).toBe(200);
		await expect(page.getByRole('heading', { level: 3, name: 'Practice quiz' }), id).toBeVisible();
		await expectAccessible(page, id);
	}
	// Scenarios for a duty are added over time: the page lists them or says there are none yet.
	await open(page, '/train/lessons/collecting-permit-fees');
	await expect(page.getByRole('table', { name: 'Scenarios' }).or(page.getByText('There are no graded scenarios for this duty yet.'))).toBeVisible();
});
