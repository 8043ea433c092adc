import type { Page } from '@playwright/test';
import { generateCity } from '../src/lib/domain/city/generate';
import type { SandboxState } from '../src/lib/domain/model';
import { accountBalance, activePlan } from '../src/lib/domain/utility';
import { delinquencyList, planPreview } from '../src/lib/domain/views/utility';
import { Money } from '../src/lib/money';
import { expect, expectAccessible, hydrated, open, signIn, test } from './fixtures';

/**
 * The utility billing screens: account list and search, the account page (ledger with running
 * balance, bills, deposits, plan, flags, actions), a printable bill, start and transfer of service,
 * adjustments with the approval request, payment plans with a preview, and the delinquency list.
 * Accounts are picked from the same demo city the server builds every practice sandbox from.
 */

// Each test starts its own server and builds a practice sandbox on the full demo city: allow for a busy machine.
test.describe.configure({ timeout: 240_000 });

let city: SandboxState | undefined;
const world = () => (city ??= generateCity().state);

function pick(test: (n: string, s: SandboxState) => boolean, label: string): string {
	const s = world();
	const found = Object.keys(s.utility.accounts).find((n) => test(n, s));
	if (!found) throw new Error(`No account in the demo city for: ${label}`);
	return found;
}

const active = (n: string, s: SandboxState) => s.utility.accounts[n]!.status === 'active';
const balance = (n: string, s: SandboxState) => accountBalance(s, s.utility.accounts[n]!, s.businessDate);

/** "$1,234.50" or "$12.00 CR" as Money. */
function money(text: string): Money {
	const credit = /CR/.test(text);
	const m = Money.of(text.replace(/[^0-9.-]/g, ''));
	return credit ? m.negated() : m;
}

async function practiceSandbox(page: Page): Promise<string> {
	await signIn(page, 'trainee');
	await page.goto('/sandbox');
	await expect(page).toHaveURL(/\/sandbox\/[^/]+$/);
	return new URL(page.url()).pathname;
}

/** Owed now less the credit balance, as the account page shows them. */
async function net(page: Page): Promise<Money> {
	return money((await page.getByTestId('owed-now').textContent())!).minus(money((await page.getByTestId('credit').textContent())!));
}

test('the account page shows the ledger with a running balance and prints a bill', async ({ page }) => {
	const number = pick((n, s) => active(n, s) && balance(n, s).owed.isPositive() && s.utility.items[n]!.some((i) => i.kind === 'penalty') && s.utility.payments[n]!.length > 3, 'an account owing, with penalties and payments');
	const sb = await practiceSandbox(page);

	await open(page, `${sb}/accounts`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Utility accounts');
	await expect(page.getByLabel('Account, name, address or phone')).toBeFocused();
	await expectAccessible(page, 'accounts list');
	const name = world().utility.customers[world().utility.accounts[number]!.customerId]!.name;
	await page.getByLabel('Account, name, address or phone').fill(name);
	await page.getByRole('button', { name: 'Find' }).click();
	await expect(page.getByTestId('account-row').first()).toBeVisible();
	await page.getByRole('link', { name: number, exact: true }).click();

	await expect(page.getByRole('heading', { level: 1 })).toContainText(number);
	await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
	const rows = page.getByTestId('ledger-row');
	expect(await rows.count()).toBeGreaterThan(5);
	await expect(rows.filter({ hasText: 'Payment, receipt R-' }).first()).toBeVisible();
	await expect(rows.filter({ hasText: 'Late penalty' }).first()).toBeVisible();
	// The running balance: each line's balance is the one before plus its charge less its credit; the last is what is owed less credit.
	const lines = await rows.evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => td.textContent?.trim() ?? '')));
	let running = Money.ZERO;
	for (const cells of lines) {
		running = running.plus(cells[4] ? money(cells[4]) : Money.ZERO).minus(cells[5] ? money(cells[5]) : Money.ZERO);
		expect(money(cells[6]!).eq(running), cells.join(' | ')).toBe(true);
	}
	expect(running.eq(await net(page))).toBe(true);
	const expected = balance(number, world());
	expect(money((await page.getByTestId('owed-now').textContent())!).eq(expected.owed)).toBe(true);
	await expect(page.getByTestId('take-payment')).toHaveAttribute('href', `${sb}/pay?kind=utility&ref=${number}${expected.owed.isPositive() ? `&amount=${expected.owed.toString()}` : ''}`);
	await expectAccessible(page, 'account page');
	await page.screenshot({ path: test.info().outputPath('account.png'), fullPage: true });

	// A bill from the bills list, printable: lines, reads, use, total, delinquent date, remittance slip.
	const billLink = page.getByTestId('bill-row').first().getByRole('link');
	const billId = (await billLink.textContent())!.trim();
	await billLink.click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText(billId);
	const bill = world().utility.bills[billId]!;
	await expect(page.getByTestId('bill-line')).toHaveCount(bill.lines.length);
	await expect(page.getByTestId('bill-total')).toHaveText(`$${bill.total.toString()}`.replace(/\B(?=(\d{3})+(?!\d))/g, ','));
	await expect(page.getByTestId('bill-use')).toHaveText(String(bill.use));
	await expect(page.getByRole('heading', { name: /Remittance slip/ })).toBeVisible();
	await expect(page.getByRole('article')).toContainText('Delinquent after');
	await expectAccessible(page, 'bill');
	await page.emulateMedia({ media: 'print' });
	await expect(page.getByRole('navigation', { name: 'Clerk system' })).toBeHidden();
	await expect(page.getByRole('button', { name: 'Print bill' })).toBeHidden();
	await expect(page.getByRole('heading', { name: /Remittance slip/ })).toBeVisible();
	await page.screenshot({ path: test.info().outputPath('bill-print.png'), fullPage: true });
	await page.emulateMedia({ media: 'screen' });

	// Unknown accounts and bills in the address are a clear 404, not a crash.
	const missing = await page.goto(`${sb}/accounts/100-9999`);
	expect(missing?.status()).toBe(404);
	await expect(page.getByRole('main')).toContainText('No account 100-9999 in this sandbox.');
	expect((await page.goto(`${sb}/accounts/${number}/bills/UB-999999`))?.status()).toBe(404);
	expect((await page.goto(`${sb}/accounts/not-an-account/plan`))?.status()).toBe(404);
});

test('starting service for a tenant shows the $175.00 deposit due and links to take it', async ({ page }) => {
	const sb = await practiceSandbox(page);
	await open(page, `${sb}/accounts`);
	await page.getByRole('link', { name: 'Start service' }).click();
	await hydrated(page);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Start service');
	await expect(page.getByLabel('Customer name')).toBeFocused();
	await expectAccessible(page, 'start service');

	await page.getByLabel('Customer name').fill('Rosa Practice');
	await page.getByLabel('Phone').fill('209-555-0177');
	await page.getByLabel('Mailing address').fill('4401 Practice Ln, Tracy, CA 95376');
	await page.getByLabel('Service address').fill('4401 Practice Ln');
	await page.getByRole('radio', { name: /^tenant/ }).check();
	await expect(page.getByTestId('deposit-notice')).toContainText('$175.00 deposit is due');
	await expect(page.getByLabel('Proof of occupancy')).toHaveValue('lease');
	await page.getByLabel('Meter reading at start (HCF)').fill('120');

	// Forgetting the photo ID is refused, nothing is opened, and what was typed stays.
	await page.getByRole('button', { name: 'Start service' }).click();
	await expect(page.getByRole('alert')).toContainText('photo ID');
	await expect(page.getByLabel('Customer name')).toHaveValue('Rosa Practice');
	await expectAccessible(page, 'start service refused');

	await page.getByLabel('I checked the customer’s photo ID').check();
	await page.getByRole('button', { name: 'Start service' }).click();
	await expect(page).toHaveURL(/\/accounts\/100-\d{4}\?done=started$/);
	const number = /accounts\/(100-\d{4})/.exec(page.url())![1]!;
	await expect(page.getByRole('status').filter({ hasText: 'Service started' })).toContainText('$175.00');
	await expect(page.getByTestId('deposit-due')).toHaveText('$175.00');
	await expect(page.getByText('Pending', { exact: true }).first()).toBeVisible();
	await expect(page.getByRole('link', { name: 'Take the deposit payment' })).toHaveAttribute('href', `${sb}/pay?kind=utility&ref=${number}&amount=175.00`);
	await expect(page.getByTestId('ledger-row')).toHaveCount(1);
	await expect(page.getByTestId('ledger-row')).toContainText('Service deposit due');
	await expectAccessible(page, 'new account');
	await page.screenshot({ path: test.info().outputPath('new-account.png'), fullPage: true });
});

test('an adjustment of $40 posts; $72 is over the clerk’s limit and goes to a supervisor', async ({ page }) => {
	const number = pick((n, s) => active(n, s) && balance(n, s).owed.gt(Money.of('150.00')), 'an account owing more than $150');
	const sb = await practiceSandbox(page);
	await open(page, `${sb}/accounts/${number}`);
	const before = await net(page);
	const rowsBefore = await page.getByTestId('ledger-row').count();

	await page.getByText('Adjustment (billing error').click();
	await page.getByLabel('Reason code').selectOption('billing-error');
	await page.getByLabel('Amount', { exact: true }).fill('40.00');
	await page.getByLabel('Service corrected').selectOption('water');
	await page.getByLabel('Note', { exact: true }).fill('Meter read keyed twice');
	await page.getByRole('button', { name: 'Post adjustment' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'posted' })).toContainText('of $40.00 posted');
	await expect(page.getByTestId('ledger-row')).toHaveCount(rowsBefore + 1);
	await expect(page.getByTestId('ledger-row').last()).toContainText('billing error');
	expect((await net(page)).eq(before.minus(Money.of('40.00')))).toBe(true);

	await page.getByLabel('Amount', { exact: true }).fill('72.00');
	await page.getByLabel('Service corrected').selectOption('water');
	await page.getByLabel('Note', { exact: true }).fill('Leak on the city side of the meter');
	await page.getByRole('button', { name: 'Post adjustment' }).click();
	await expect(page.getByRole('alert')).toContainText('Adjustment of $72.00 is over your $50.00 limit: request supervisor approval.');
	await expect(page.getByTestId('ledger-row')).toHaveCount(rowsBefore + 1);
	expect((await net(page)).eq(before.minus(Money.of('40.00')))).toBe(true);
	await expectAccessible(page, 'adjustment over authority');
	await page.getByLabel('Note for the supervisor (why this is needed)').fill('Customer has the water department’s letter');
	await page.getByRole('button', { name: 'Request supervisor approval' }).click();
	await expect(page).toHaveURL(new RegExp(`${sb}/approvals`));
	await expect(page.getByRole('status')).toContainText('Sent to a supervisor');
	const row = page.getByTestId('approval-row').filter({ hasText: number });
	await expect(row).toContainText('Billing error of $72.00');
	await expect(row).toContainText('Waiting for a supervisor');
});

test('bad input is refused with a clear message and changes nothing', async ({ page }) => {
	const number = pick((n, s) => active(n, s) && balance(n, s).owed.isPositive(), 'an active account');
	const sb = await practiceSandbox(page);
	await open(page, `${sb}/accounts/${number}`);
	const before = await net(page);
	const rows = await page.getByTestId('ledger-row').count();
	await page.getByText('Adjustment (billing error').click();

	const cases: Array<[string, RegExp]> = [
		['forty', /dollars and cents|amount/i],
		['12.345', /cents|decimal|two/i],
		['-5.00', /negative|more than|greater|zero/i]
	];
	for (const [typed, message] of cases) {
		await page.getByLabel('Amount', { exact: true }).fill(typed);
		await page.getByLabel('Service corrected').selectOption('water');
		await page.getByLabel('Note', { exact: true }).fill('Typing check');
		await page.getByRole('button', { name: 'Post adjustment' }).click();
		await expect(page.getByRole('alert'), typed).toContainText(message);
		await expect(page.getByLabel('Amount', { exact: true })).toHaveAttribute('aria-invalid', 'true');
		await expect(page.getByLabel('Amount', { exact: true })).toBeFocused();
		await expect(page.getByLabel('Amount', { exact: true })).toHaveValue(typed);
		await expect(page.getByTestId('ledger-row')).toHaveCount(rows);
		expect((await net(page)).eq(before), typed).toBe(true);
	}
	await expectAccessible(page, 'adjustment with a bad amount');

	// A meter read with letters, and a read lower than the last one.
	await page.getByText('Record a meter read').click();
	await page.getByLabel('Reading (HCF)', { exact: true }).fill('12a');
	await page.getByRole('button', { name: 'Record read' }).click();
	await expect(page.getByRole('alert')).toContainText('whole number');
	await page.getByLabel('Reading (HCF)', { exact: true }).fill('0');
	await page.getByRole('button', { name: 'Record read' }).click();
	await expect(page.getByRole('alert')).toContainText('lower than the last read');
	await expect(page.getByTestId('ledger-row')).toHaveCount(rows);

	// An unknown account in the address.
	const res = await page.goto(`${sb}/accounts/999-0000`);
	expect(res?.status()).toBe(404);
	await expect(page.getByRole('main')).toContainText('No account 999-0000 in this sandbox.');
	await expectAccessible(page, 'unknown account');
});

test('a payment plan is previewed, then signed; over six months needs a supervisor', async ({ page }) => {
	const number = pick((n, s) => active(n, s) && !activePlan(s, n, s.businessDate) && planPreview(s, n, '4').ok, 'an account that may sign a plan');
	const sb = await practiceSandbox(page);
	await open(page, `${sb}/accounts/${number}`);
	await page.getByRole('link', { name: 'Set up a payment plan' }).click();
	await hydrated(page);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Payment plan');
	await expect(page.getByLabel('Number of months')).toBeFocused();
	await expectAccessible(page, 'plan page');

	await page.getByLabel('Number of months').fill('six');
	await page.getByRole('button', { name: 'Preview' }).click();
	await expect(page.getByText('must be a whole number')).toBeVisible();
	await expect(page.getByLabel('Number of months')).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByRole('button', { name: /^Sign the/ })).toHaveCount(0);

	await page.getByLabel('Number of months').fill('9');
	await page.getByRole('button', { name: 'Preview' }).click();
	await expect(page.getByTestId('preview-row')).toHaveCount(9);
	await expect(page.getByText('over your 6-month limit')).toBeVisible();
	await page.getByRole('button', { name: 'Sign the 9-month plan' }).click();
	await expect(page.getByRole('alert')).toContainText('A 9-month plan is over your 6-month limit');
	await expect(page.getByRole('button', { name: 'Request supervisor approval' })).toBeVisible();

	await page.getByLabel('Number of months').fill('4');
	await page.getByRole('button', { name: 'Preview' }).click();
	await expect(page.getByTestId('preview-row')).toHaveCount(4);
	const preview = planPreview(world(), number, '4');
	if (!preview.ok) throw new Error('preview');
	await expect(page.getByTestId('preview-row').first()).toContainText(`$${preview.installments[0]!.amount.toString()}`.replace(/\B(?=(\d{3})+(?!\d))/g, ','));
	await expectAccessible(page, 'plan preview');
	await page.screenshot({ path: test.info().outputPath('plan-preview.png'), fullPage: true });
	await page.getByRole('button', { name: 'Sign the 4-month plan' }).click();

	await expect(page).toHaveURL(new RegExp(`/accounts/${number}\\?done=plan`));
	await expect(page.getByRole('status').filter({ hasText: 'Payment plan' })).toContainText('4 monthly installments');
	// The first installment is due at signing: the page says so and links to take it.
	await expect(page.getByTestId('plan-standing')).toHaveText('Installment due (10-day grace)');
	await expect(page.getByRole('link', { name: 'Take the installment payment' })).toHaveAttribute('href', `${sb}/pay?kind=utility&ref=${number}&amount=${preview.installments[0]!.amount.toString()}`);
	await expect(page.getByRole('link', { name: 'Set up a payment plan' })).toHaveCount(0);
});

test('the delinquency list shows who may be processed for disconnection and sends a notice', async ({ page }) => {
	const row = delinquencyList(world()).find((r) => r.mayBeProcessedForDisconnection && r.status === 'active' && !r.notice)!;
	const sb = await practiceSandbox(page);
	await open(page, `${sb}/accounts`);
	await page.getByRole('link', { name: 'Delinquency list' }).click();
	await hydrated(page);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Delinquency list');
	await expectAccessible(page, 'delinquency list');
	await page.screenshot({ path: test.info().outputPath('delinquent.png'), fullPage: true });
	const tr = page.getByTestId('delinquent-row').filter({ hasText: row.account });
	await expect(tr).toContainText('May be processed');
	await tr.getByRole('button', { name: `Send delinquency notice to ${row.account}` }).click();
	await expect(page.getByRole('status')).toContainText(`sent for ${row.account}`);
	await expect(tr).toContainText('door hanger not posted');

	await page.getByRole('link', { name: /Every account with a past-due balance/ }).click();
	await expect(page.getByText('Not now:').first()).toBeVisible();
	await expectAccessible(page, 'delinquency list, all');

	// The account page shows the notice; the door hanger posts; disconnecting now is refused (7 business days).
	await open(page, `${sb}/accounts/${row.account}`);
	await expect(page.getByRole('list', { name: 'Account flags' })).toContainText('Disconnection notice');
	await page.getByText('Delinquency: notice').click();
	await page.getByRole('button', { name: 'Post door hanger' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'door hanger' })).toBeVisible();
	await page.getByRole('button', { name: 'Disconnect for non-payment' }).click();
	await expect(page.getByRole('alert')).toContainText('too recent');
	await expect(page.getByText('Active', { exact: true }).first()).toBeVisible();
});

test('account actions: note, meter read, medical certification, cash only, stop service', async ({ page }) => {
	const number = pick((n, s) => active(n, s) && s.utility.accounts[n]!.occupancy === 'owner' && s.utility.accounts[n]!.class === 'residential' && !s.utility.accounts[n]!.medicalUntil, 'a residential owner');
	const last = world().utility.reads[number]!.at(-1)!;
	const sb = await practiceSandbox(page);
	await open(page, `${sb}/accounts/${number}`);

	await page.getByLabel('Add a note').fill('Customer asked about the leak program');
	await page.getByRole('button', { name: 'Add note' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Note added' })).toBeVisible();
	await expect(page.getByRole('region', { name: 'Notes' })).toContainText('Customer asked about the leak program');
	await expect(page.getByLabel('Add a note')).toHaveValue('');

	await page.getByText('Record a meter read').click();
	await page.getByLabel('Reading (HCF)', { exact: true }).fill(String(last.reading + 7));
	await page.getByRole('button', { name: 'Record read' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Meter read recorded' })).toBeVisible();
	await expect(page.getByText(`Last read: ${last.reading + 7} HCF`)).toBeVisible();

	await page.getByText('Medical certification', { exact: true }).click();
	await page.getByLabel('Certified until').fill('2027-05-31');
	await page.getByLabel('Certifying physician').fill('Dr. Amara Singh');
	await page.getByRole('button', { name: 'Record certification' }).click();
	await expect(page.getByRole('list', { name: 'Account flags' })).toContainText('Medical certification on file until May 31, 2027');

	await page.getByText('Cash only', { exact: true }).click();
	await page.getByRole('textbox', { name: 'Reason', exact: true }).fill('Returned check #2210');
	await page.getByRole('button', { name: 'Set cash only' }).click();
	await expect(page.getByRole('list', { name: 'Account flags' })).toContainText('Cash only');

	await page.getByText('Stop service', { exact: true }).click();
	await page.getByLabel('Final reading (HCF)').fill(String(last.reading + 12));
	await page.getByRole('button', { name: 'Stop service and close the account' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Service stopped' })).toContainText('Final bill UB-');
	await expect(page.getByText('Closed', { exact: true }).first()).toBeVisible();
	await expect(page.getByTestId('ledger-row').filter({ hasText: 'Final bill' })).toHaveCount(1);
	await expectAccessible(page, 'closed account');
});

test('transfer service to a new address closes the old account and opens a new one', async ({ page }) => {
	const number = pick((n, s) => active(n, s) && s.utility.accounts[n]!.occupancy === 'tenant' && s.utility.accounts[n]!.depositHeld.isPositive(), 'a tenant holding a deposit');
	const last = world().utility.reads[number]!.at(-1)!;
	const sb = await practiceSandbox(page);
	await open(page, `${sb}/accounts/${number}`);
	await page.getByRole('link', { name: 'Transfer service to a new address' }).click();
	await hydrated(page);
	await expect(page.getByLabel('Final reading (HCF)')).toBeFocused();
	await expectAccessible(page, 'transfer');
	await page.getByLabel('Final reading (HCF)').fill(String(last.reading + 4));
	await page.getByLabel('Service address').fill('77 New Home Ct');
	await page.getByRole('radio', { name: /^tenant/ }).check();
	await page.getByLabel('Meter reading at start (HCF)').fill('5');
	await page.getByRole('button', { name: 'Transfer service' }).click();
	await expect(page).toHaveURL(new RegExp(`done=transferred&from=${number}`));
	await expect(page.getByRole('status').filter({ hasText: 'Service moved' })).toContainText(`${number} is closed`);
	await expect(page.getByRole('heading', { level: 1 })).not.toContainText(number);
	await expect(page.getByTestId('deposit-due')).toHaveText('$175.00');
	await open(page, `${sb}/accounts/${number}`);
	await expect(page.getByText('Closed', { exact: true }).first()).toBeVisible();
	await expect(page.getByTestId('ledger-row').filter({ hasText: 'Deposit applied to the final bill' })).toHaveCount(1);
});

test('keyboard only: find an account, charge a fee, see it on the ledger', async ({ page }) => {
	const number = pick((n, s) => active(n, s), 'an active account');
	const sb = await practiceSandbox(page);
	await hydrated(page);
	await page.keyboard.press('u');
	await expect(page).toHaveURL(new RegExp(`${sb}/accounts$`));
	await hydrated(page);
	await expect(page.getByLabel('Account, name, address or phone')).toBeFocused();
	await page.keyboard.type(number);
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { level: 1 })).toContainText(number);
	await hydrated(page);
	const rows = await page.getByTestId('ledger-row').count();

	// Tab to the fee action, open it, choose the meter test fee, charge it.
	const summary = page.locator('summary', { hasText: 'Charge a fee' });
	for (let i = 0; i < 80 && !(await summary.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
	await expect(summary).toBeFocused();
	await page.keyboard.press('Enter');
	await page.keyboard.press('Tab');
	await expect(page.getByLabel('Fee', { exact: true })).toBeFocused();
	await page.keyboard.press('End');
	await expect(page.getByLabel('Fee', { exact: true })).toHaveValue('meter-test');
	await page.keyboard.press('Tab');
	await expect(page.getByRole('button', { name: 'Charge fee' })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('status').filter({ hasText: 'charged' })).toContainText('Meter test fee of $95.00 charged.');
	await expect(page.getByTestId('ledger-row')).toHaveCount(rows + 1);
	await expect(page.getByTestId('ledger-row').last()).toContainText('Meter test fee');
	await expect(page.getByRole('button', { name: 'Charge fee' })).toBeFocused();
	// The test result can now be recorded.
	await expect(page.getByLabel('Meter test result (percent fast or slow)')).toBeVisible();
});

test('the forms work without JavaScript', async ({ browser, baseURL }) => {
	const number = pick((n, s) => active(n, s) && balance(n, s).owed.gt(Money.of('100.00')), 'an account owing more than $100');
	const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
	const page = await context.newPage();
	await page.goto('/login');
	await page.getByLabel('Username').fill('trainee');
	await page.getByLabel('Password').fill('tracy-demo');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await page.goto('/sandbox');
	const sb = new URL(page.url()).pathname;
	await page.goto(`${sb}/accounts/${number}`);
	const rows = await page.getByTestId('ledger-row').count();

	await page.getByText('Charge a fee').click();
	await page.getByLabel('Fee', { exact: true }).selectOption('cut-lock');
	await page.getByRole('button', { name: 'Charge fee' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'charged' })).toContainText('Cut lock fee of $50.00 charged.');
	await expect(page.getByTestId('ledger-row')).toHaveCount(rows + 1);

	await page.getByText('Adjustment (billing error').click();
	await page.getByLabel('Amount', { exact: true }).fill('72.00');
	await page.getByLabel('Service corrected').selectOption('wastewater');
	await page.getByLabel('Note', { exact: true }).fill('Sewer billed twice');
	await page.getByRole('button', { name: 'Post adjustment' }).click();
	await expect(page.getByRole('alert')).toContainText('over your $50.00 limit');
	await expect(page.getByLabel('Amount', { exact: true })).toHaveValue('72.00');
	await expect(page.getByTestId('ledger-row')).toHaveCount(rows + 1);
	await page.getByRole('button', { name: 'Request supervisor approval' }).click();
	await expect(page.getByTestId('approval-row').filter({ hasText: number })).toContainText('Waiting for a supervisor');
	await context.close();
});
