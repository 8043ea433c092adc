import { Money } from '../src/lib/money';
import { expect, expectAccessible, hydrated, open, signIn, test } from './fixtures';
import { fillCounts, fillPayment, openDrawer, practiceSandbox, takePayment } from './counter';
import { accountsOwing, countOf, FLOAT_COUNTS } from './world';

const CHECK_DATE = '2026-11-12'; // the demo city's business date is 2026-11-16

test('open the drawer, take payments in every tender, void one with a supervisor, close out balanced', async ({ page, browser, app }) => {
	test.setTimeout(240_000);
	const [a, b, c, d, e] = accountsOwing(5);
	await signIn(page, 'trainee');
	const sb = await practiceSandbox(page);
	await expectAccessible(page, 'desk');

	// A float one penny short is refused and the drawer stays closed.
	await open(page, `${sb}/drawer`);
	await expectAccessible(page, 'drawer (closed)');
	await fillCounts(page, { ...FLOAT_COUNTS, 'coin-0.01': 299 });
	await page.getByRole('button', { name: 'Open drawer' }).click();
	await expect(page.getByRole('alert')).toContainText('The float counts to $199.99');
	await open(page, `${sb}/drawer`);
	await expect(page.getByRole('button', { name: 'Open drawer' })).toBeVisible();
	await openDrawer(page, sb, FLOAT_COUNTS);

	// 1. Cash with change: the change is shown live, then on the receipt.
	const cashTendered = Money.of(a!.due).plus(Money.of('20.00'));
	await fillPayment(page, sb, [{ ref: a!.number, amount: a!.due }], [{ type: 'cash', amount: cashTendered.toString() }]);
	await expect(page.getByText(`Utility account ${a!.number}`)).toContainText(`$${a!.due}`.replace(/\B(?=(\d{3})+(?!\d))/g, ','));
	await expect(page.getByTestId('change-due')).toHaveText('$20.00');
	await expectAccessible(page, 'take payment');
	await page.getByRole('button', { name: 'Take payment and print receipt' }).click();
	await expect(page.getByTestId('receipt-change')).toHaveText('$20.00');
	await expectAccessible(page, 'receipt');

	// 2. A check to the wrong payee is refused and nothing is taken; then the right check.
	const checkTender = { type: 'check' as const, amount: b!.due, checkNumber: '1042', bank: 'Bank of Stockton', checkDate: CHECK_DATE };
	await fillPayment(page, sb, [{ ref: b!.number, amount: b!.due }], [{ ...checkTender, payee: 'Tracy Water Company' }]);
	await page.getByRole('button', { name: 'Take payment and print receipt' }).click();
	await expect(page.getByRole('alert')).toContainText('Checks must be payable to “City of Tracy”');
	await expect(page.locator('#tender-0-payee')).toHaveAttribute('aria-invalid', 'true');
	const receiptCheck = await takePayment(page, sb, [{ ref: b!.number, amount: b!.due }], [{ ...checkTender, payee: 'City of Tracy' }]);

	// 3. Card.
	const receiptCard = await takePayment(page, sb, [{ ref: c!.number, amount: c!.due }], [{ type: 'card', amount: c!.due, brand: 'Visa', last4: '4242' }]);
	// 4. Two accounts on one receipt, paid with cash and a money order.
	const twoTotal = Money.of(d!.due).plus(Money.of('10.00'));
	const moAmount = Money.of(d!.due);
	await takePayment(page, sb, [{ ref: d!.number, amount: d!.due }, { ref: e!.number, amount: '10.00' }], [{ type: 'money-order', amount: moAmount.toString(), number: '55501', issuer: 'USPS' }, { type: 'cash', amount: '10.00' }]);
	await expect(page.getByTestId('receipt')).toContainText(d!.name);
	await expect(page.getByTestId('receipt')).toContainText(e!.name);
	await expect(page.getByTestId('receipt')).toContainText(twoTotal.toString());

	// 5. A partial cash payment; then voided with a supervisor's approval.
	const partial = await takePayment(page, sb, [{ ref: a!.number === e!.number ? d!.number : e!.number, amount: '5.00' }], [{ type: 'cash', amount: '5.00' }]);
	await page.getByText('Void this receipt').click();
	await page.getByLabel('Reason for the void').fill('Keyed to the wrong account');
	await page.getByLabel('The customer returned their copy of the receipt').check();
	await page.getByRole('button', { name: 'Void receipt' }).click();
	await expect(page.getByRole('alert')).toContainText('needs a supervisor');
	await page.getByLabel('Note for the supervisor (why this is needed)').fill('Customer gave the wrong account number');
	await page.getByRole('button', { name: 'Request supervisor approval' }).click();
	await expect(page.getByRole('status')).toContainText('Sent to a supervisor');
	await expect(page.getByTestId('approval-row')).toContainText('Waiting for a supervisor');
	await expectAccessible(page, 'approvals');

	const supervisorContext = await browser.newContext({ baseURL: app.url });
	const supervisor = await supervisorContext.newPage();
	await signIn(supervisor, 'supervisor');
	await open(supervisor, '/supervisor/approvals');
	const card = supervisor.getByTestId('queued-approval').filter({ hasText: partial });
	await expect(card).toContainText('Customer gave the wrong account number');
	await expectAccessible(supervisor, 'approval queue');
	await card.getByRole('button', { name: 'Approve' }).click();
	await expect(supervisor.getByRole('status')).toContainText('approved');
	await supervisorContext.close();

	await open(page, `${sb}/receipts/${partial}`);
	await expect(page.getByTestId('receipt')).toContainText('VOID');
	await open(page, `${sb}/approvals`);
	await expect(page.getByTestId('approval-row')).toContainText('Approved');

	// Close out: cash = float + payment 1 + the $10.00 cash of payment 4 (payment 5 was voided).
	const expectedCash = Money.of('200.00').plus(Money.of(a!.due)).plus(Money.of('10.00'));
	await open(page, `${sb}/drawer`);
	await expectAccessible(page, 'drawer (open)');
	await fillCounts(page, countOf(expectedCash));
	await page.getByLabel('How many').first().fill('1');
	await page.getByLabel('Total').first().fill(b!.due);
	await page.getByLabel('How many').nth(1).fill('1');
	await page.getByLabel('Total').nth(1).fill(moAmount.toString());
	await page.getByLabel('Card batch total').fill(c!.due);
	await page.getByRole('button', { name: 'Close out drawer' }).click();
	await expect(page.getByTestId('over-short')).toHaveText('Balanced');
	const depositCash = expectedCash.minus(Money.of('200.00'));
	const checks = Money.of(b!.due).plus(moAmount);
	await expect(page.getByTestId('deposit-cash')).toHaveText(usd(depositCash));
	await expect(page.getByTestId('deposit-checks')).toHaveText(usd(checks));
	await expect(page.getByTestId('deposit-total')).toHaveText(usd(depositCash.plus(checks)));
	await expect(page.getByTestId('deposit-slip')).toContainText(`Check #1042`);
	await expect(page.getByTestId('deposit-slip')).toContainText(receiptCheck);
	await expectAccessible(page, 'close-out and deposit slip');
	expect(receiptCard).toMatch(/^R-/);
});

test('bad input on the payment and drawer forms shows a clear message and changes nothing', async ({ page }) => {
	test.setTimeout(180_000);
	const [a] = accountsOwing(1);
	await signIn(page, 'trainee');
	const sb = await practiceSandbox(page);
	await openDrawer(page, sb, FLOAT_COUNTS);
	const cases: Array<{ amount: string; ref?: string; message: string }> = [
		{ amount: 'ten dollars', message: 'must be a number in dollars and cents' },
		{ amount: '12.345', message: 'at most two decimal places' },
		{ amount: '-5.00', message: 'negative' },
		{ amount: '5.00', ref: '999-9999', message: '999-9999' }
	];
	for (const c of cases) {
		await fillPayment(page, sb, [{ ref: c.ref ?? a!.number, amount: c.amount }], [{ type: 'cash', amount: '20.00' }]);
		await page.getByRole('button', { name: 'Take payment and print receipt' }).click();
		await expect(page.getByRole('alert'), c.amount).toContainText(c.message);
		await expect(page).toHaveURL(/\/pay$/);
	}
	// A post-dated check and a two-party check are refused too.
	await fillPayment(page, sb, [{ ref: a!.number, amount: '20.00' }], [{ type: 'check', amount: '20.00', checkNumber: '77', bank: 'Chase', payee: 'City of Tracy', checkDate: '2026-12-01' }]);
	await page.getByRole('button', { name: 'Take payment and print receipt' }).click();
	await expect(page.getByRole('alert')).toContainText('post-dated');
	await fillPayment(page, sb, [{ ref: a!.number, amount: '20.00' }], [{ type: 'check', amount: '20.00', checkNumber: '78', bank: 'Chase', payee: 'City of Tracy', checkDate: CHECK_DATE, twoParty: true }]);
	await page.getByRole('button', { name: 'Take payment and print receipt' }).click();
	await expect(page.getByRole('alert')).toContainText('Two-party checks');
	// Nothing was taken: the drawer has no receipts.
	await open(page, `${sb}/drawer`);
	await expect(page.getByText('No receipts yet.')).toBeVisible();
	// Letters in a count.
	await page.locator('[name="count-bill-20"]').fill('two');
	await page.getByRole('button', { name: 'Close out drawer' }).click();
	await expect(page.getByRole('alert')).toContainText('$20 bills must be a whole number');
});

test('search finds an account as you type and opens it', async ({ page }) => {
	const [a] = accountsOwing(1);
	await signIn(page, 'trainee');
	const sb = await practiceSandbox(page);
	await page.keyboard.press('/');
	await expect(page.getByRole('searchbox', { name: /Search accounts/ })).toBeFocused();
	await page.keyboard.type(a!.name);
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('search-results')).toContainText(a!.number);
	await expectAccessible(page, 'search');
	await page.getByRole('searchbox', { name: 'Search for' }).fill(a!.number);
	await expect(page.getByTestId('search-results').getByRole('row')).toHaveCount(2);
	await expect(page).toHaveURL(new RegExp(`${sb}/search\\?q=${a!.number}`));
});

function usd(m: Money): string {
	const [whole, cents] = m.toString().split('.');
	return `$${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`;
}

test('the desk moves the business date a day at a time and resets to a fresh city only when confirmed', async ({ page }) => {
	test.setTimeout(240_000);
	await signIn(page, 'trainee');
	const sb = await practiceSandbox(page);
	await expect(page.getByTestId('business-date')).toHaveText('November 16, 2026');
	await expectAccessible(page, 'desk');
	await page.getByRole('button', { name: 'Advance to the next day' }).click();
	await expect(page.getByRole('status')).toContainText('moved to the next day');
	await expect(page.getByTestId('business-date')).toHaveText('November 17, 2026');

	// Reset without ticking the confirmation changes nothing.
	await page.getByRole('button', { name: 'Reset to a fresh city' }).click();
	await expect(page.getByRole('alert')).toContainText('to confirm the reset');
	await expect(page).toHaveURL(new RegExp(`${sb}(\\?/reset)?$`));
	await expect(page.getByTestId('business-date')).toHaveText('November 17, 2026');
	await hydrated(page);
	await page.getByLabel('Yes, throw away my practice work').check();
	await page.getByRole('button', { name: 'Reset to a fresh city' }).click();
	await expect(page).toHaveURL(/\/sandbox\/sb_[\w-]+$/);
	await expect(page).not.toHaveURL(new RegExp(`${sb}$`));
	await expect(page.getByTestId('business-date')).toHaveText('November 16, 2026');
	// The clerk system now opens the new sandbox.
	await open(page, '/sandbox');
	await expect(page).not.toHaveURL(new RegExp(`${sb}$`));
});
