import type { Locator, Page } from '@playwright/test';
import { openDrawer } from './counter';
import { expect, expectAccessible, open, signIn, test } from './fixtures';
import { FLOAT_COUNTS } from './world';

/**
 * The business license, permit and receivable screens of the clerk workstation, on the demo city
 * (business date November 16, 2026: renewals for 2026-27 filed now are 4 months late).
 */

const SCREENSHOTS = process.env.WS_SCREENSHOTS;

// Each test builds its own demo city and walks several screens with an axe scan on each.
test.describe.configure({ timeout: 300_000 });

/** Sign in as a trainee and open their practice sandbox; returns its base path. */
async function sandbox(page: Page): Promise<string> {
	await signIn(page, 'trainee');
	await open(page, '/sandbox');
	await expect(page).toHaveURL(/\/sandbox\/sb_[\w-]+$/);
	return new URL(page.url()).pathname;
}

async function shot(page: Page, name: string): Promise<void> {
	if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
}

/** Keyboard only: Tab until `target` has the focus. */
async function tabTo(page: Page, target: Locator, max = 80): Promise<void> {
	for (let i = 0; i < max; i++) {
		if (await target.evaluate((el) => el === document.activeElement)) return;
		await page.keyboard.press('Tab');
	}
	throw new Error(`Tab never reached ${target}`);
}

test('renewing a business license: the fee preview explains each line, the total is charged and the balance owed changes', async ({ page }) => {
	const base = await sandbox(page);
	await open(page, `${base}/licenses`);
	await expect(page.getByRole('heading', { level: 1, name: 'Business licenses' })).toBeVisible();
	await expect(page.getByTestId('business-list').locator('tbody tr')).toHaveCount(50);
	await expectAccessible(page, 'licenses list');
	await shot(page, 'licenses-list');

	await page.getByLabel('Find a business').fill('williams & liu law');
	await page.getByRole('search', { name: 'Businesses' }).getByRole('button', { name: 'Search' }).click();
	await expect(page.getByTestId('business-list').locator('tbody tr')).toHaveCount(1);
	await page.getByRole('link', { name: 'Not renewed' }).click();
	await expect(page).toHaveURL(/status=not-renewed/);
	await page.getByRole('link', { name: 'Williams & Liu Law Office' }).click();

	await expect(page.getByRole('heading', { level: 1 })).toContainText('Williams & Liu Law Office');
	await expect(page.getByTestId('business-owed')).toHaveText('$0.00');
	await expect(page.getByRole('heading', { name: 'Renew for tax year 2026-27' })).toBeVisible();
	await expectAccessible(page, 'business page');

	await page.getByLabel('Reported gross receipts').fill('750,000.00');
	await page.getByRole('button', { name: 'Preview fees' }).click();
	const preview = page.getByTestId('fee-preview');
	await expect(preview.locator('tr[data-code="base"]')).toContainText('$50.00');
	await expect(preview.locator('tr[data-code="rate"]')).toContainText('0.30% × ($750,000.00 − $500,000.00 = $250,000.00) = $750.00');
	await expect(preview.locator('tr[data-code="penalty"]')).toContainText('Late penalty, 40% of the tax');
	await expect(preview.locator('tr[data-code="penalty"]')).toContainText('4 × 10% of the tax $800.00 = $320.00');
	await expect(preview.locator('tr[data-code="state-fee"]')).toContainText('$4.00');
	await expect(page.getByTestId('fee-total')).toHaveText('$1,124.00');
	// A preview files nothing.
	await expect(page.getByTestId('business-owed')).toHaveText('$0.00');
	await expectAccessible(page, 'renewal preview');
	await shot(page, 'license-renewal-preview');

	await page.getByRole('button', { name: /File the renewal/ }).click();
	await expect(page.getByRole('status')).toContainText('for 2026-27 is filed: $1,124.00 charged');
	await expect(page.getByTestId('business-owed')).toHaveText('$1,124.00');
	const latest = page.getByTestId('business-licenses').locator('tbody tr').first();
	await expect(latest).toContainText('2026-27');
	await expect(latest).toContainText('Delinquent');
	await expect(latest).toContainText('$1,124.00');
	await expect(page.locator('#take-payment')).toHaveAttribute('href', `${base}/pay?kind=license&ref=BIZ-000009&amount=1124.00`);
	await expect(page.getByTestId('no-renewal')).toHaveText('Renewals for 2027-28 open on May 16, 2027, when the notices go out.');
	await shot(page, 'license-business');

	// The new license's own page lists the same charges and the same total.
	await latest.getByRole('link').first().click();
	await expect(page.getByTestId('license-total')).toHaveText('$1,124.00');
	await expect(page.getByText('Late penalty, 4 months after July 31')).toBeVisible();
	await expectAccessible(page, 'license page (renewal)');
});

test('a new business application: proration in the preview, routed clearances, clearing them approves it', async ({ page }) => {
	const base = await sandbox(page);
	await open(page, `${base}/licenses/new`);
	await expect(page.getByLabel('Business name')).toBeFocused();
	await expectAccessible(page, 'new application');

	await page.getByLabel('Business name').fill('Tracy Test Kitchen');
	await page.getByLabel('Owner name').fill('Maria Lopez');
	await page.getByLabel('Business address').fill('88 W 10th St');
	await page.getByLabel('Classification').selectOption('retail-wholesale');
	await page.getByRole('group', { name: 'Run from a home?' }).getByLabel('No').check();
	await page.getByRole('group', { name: 'In commercial premises?' }).getByLabel('Yes').check();
	// Forgetting a question is refused with the question named, and what was typed stays.
	await page.getByLabel('Projected gross receipts').fill('620,000.00');
	await page.getByRole('button', { name: 'Preview fees' }).click();
	await expect(page.getByRole('alert')).toContainText('Answer yes or no: are there tenant improvements?');
	await expect(page.getByLabel('Business name')).toHaveValue('Tracy Test Kitchen');
	await page.getByRole('group', { name: 'Tenant improvements?' }).getByLabel('Yes').check();
	await page.getByRole('button', { name: 'Preview fees' }).click();

	const preview = page.getByTestId('application-preview');
	await expect(preview.getByRole('heading', { name: 'Fees for tax year 2026-27' })).toBeVisible();
	await expect(preview.locator('tr[data-code="base"]')).toContainText('75% for the start quarter');
	await expect(preview.locator('tr[data-code="base"]')).toContainText('October–December quarter of tax year 2026-27: 75% of $50.00 = $37.50');
	await expect(preview.locator('tr[data-code="rate"]')).toContainText('$120.00');
	await expect(preview.locator('tr[data-code="state-fee"]')).toContainText('$4.00');
	await expect(page.getByTestId('fee-total')).toHaveText('$161.50');
	await expect(preview.locator('.routing li')).toHaveText(['Planning — zoning', 'Building — tenant improvements', 'Fire — commercial premises']);
	await expect(page.getByRole('button', { name: 'File the application' })).toBeFocused();
	await expectAccessible(page, 'application preview');
	await shot(page, 'license-application-preview');

	await page.getByRole('button', { name: 'File the application' }).click();
	await expect(page).toHaveURL(/\/licenses\/BL-2026-\d{4}\?filed=1$/);
	const licenseNo = /BL-2026-\d{4}/.exec(page.url())![0];
	await expect(page.getByRole('heading', { level: 1 })).toContainText(licenseNo);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Applied');
	await expect(page.getByTestId('license-total')).toHaveText('$161.50');
	for (const dept of ['planning', 'building', 'fire']) await expect(page.getByTestId(`clearance-${dept}`)).toContainText('Pending');
	await expect(page.getByTestId('not-approvable')).toContainText('cannot be approved: Planning has not cleared it yet; Building has not cleared it yet; Fire has not cleared it yet');
	await expectAccessible(page, 'application under review');

	// A denial needs the department's reason; then Fire denies, and later clears it.
	await page.getByRole('button', { name: 'Record Fire denied' }).click();
	await expect(page.getByRole('alert')).toContainText("Enter Fire's reason for denying");
	await page.getByRole('form', { name: 'Fire’s answer' }).getByLabel('Note').fill('Exit signs missing');
	await page.getByRole('button', { name: 'Record Fire denied' }).click();
	await expect(page.getByTestId('clearance-fire')).toContainText('Denied');
	await expect(page.getByTestId('clearance-fire')).toContainText('Exit signs missing');
	await page.getByRole('button', { name: 'Record Planning cleared' }).click();
	await expect(page.getByTestId('clearance-planning')).toContainText('Cleared');
	await page.getByRole('button', { name: 'Record Building cleared' }).click();
	await expect(page.getByTestId('clearance-building')).toContainText('Cleared');
	await expect(page.getByTestId('not-approvable')).toContainText('Fire denied it');
	await page.getByRole('button', { name: 'Record Fire cleared' }).click();
	await expect(page.getByTestId('clearance-fire')).toContainText('Cleared');
	await shot(page, 'license-routing');

	await page.getByRole('button', { name: `Approve ${licenseNo}` }).click();
	await expect(page.getByTestId('license-done')).toContainText(`${licenseNo} is approved`);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Approved, unpaid');
	await expect(page.getByRole('link', { name: 'Take payment $161.50' })).toHaveAttribute('href', /\/pay\?kind=license&ref=BIZ-\d{6}&amount=161\.50$/);
	await expectAccessible(page, 'approved application');

	// Unpaid: the certificate page says why there is nothing to print.
	await open(page, `${base}/licenses/${licenseNo}/certificate`);
	await expect(page.getByRole('status')).toContainText('printed once the license is paid');
	await expect(page.getByTestId('certificate')).toHaveCount(0);
	await expectAccessible(page, 'certificate not yet printable');

	// The list finds it under "Approved, unpaid".
	await open(page, `${base}/licenses?status=approved-unpaid`);
	await expect(page.getByTestId('business-list')).toContainText('Tracy Test Kitchen');

	// Paid in full on the take-payment screen (the link fills in the line), it is active and its certificate prints.
	await openDrawer(page, base, FLOAT_COUNTS);
	await open(page, `${base}/licenses/${licenseNo}`);
	await page.getByRole('link', { name: 'Take payment $161.50' }).click();
	await expect(page.locator('#line-0-kind')).toHaveValue('license');
	await expect(page.locator('#line-0-amount')).toHaveValue('161.50');
	await page.locator('#tender-0-type').selectOption('cash');
	await page.locator('#tender-0-amount').fill('161.50');
	await page.getByRole('button', { name: 'Take payment and print receipt' }).click();
	await expect(page).toHaveURL(/\/receipts\/R-\d+/);
	await open(page, `${base}/licenses/${licenseNo}`);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Active');
	await expect(page.getByTestId('business-owed')).toHaveCount(0);
	await page.getByRole('link', { name: 'Print the certificate' }).click();
	const cert = page.getByTestId('certificate');
	await expect(cert).toContainText(licenseNo);
	await expect(cert).toContainText('Tracy Test Kitchen');
	await expect(cert).toContainText('Retail and wholesale');
	await expect(cert).toContainText('It expires June 30, 2027.');
});

test('the certificate of a paid license prints cleanly', async ({ page }) => {
	const base = await sandbox(page);
	await open(page, `${base}/licenses/BL-2026-0001`);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Active');
	await expectAccessible(page, 'license page (active)');
	await page.getByRole('link', { name: 'Print the certificate' }).click();

	const cert = page.getByTestId('certificate');
	await expect(cert).toContainText('Business License Tax Certificate');
	await expect(cert).toContainText('BL-2026-0001');
	await expect(cert).toContainText('Diablo Insurance');
	await expect(cert).toContainText('Francisco Liu');
	await expect(cert).toContainText('3378 Fabian Way');
	await expect(cert).toContainText('2026-27');
	await expect(cert).toContainText('Post this certificate at the place of business. It expires June 30, 2027.');
	await expectAccessible(page, 'certificate');
	await shot(page, 'license-certificate');

	await page.emulateMedia({ media: 'print' });
	await expect(cert).toBeVisible();
	await expect(page.getByRole('navigation', { name: 'Clerk system' })).toBeHidden();
	await expect(page.getByRole('button', { name: 'Print certificate' })).toBeHidden();
	await shot(page, 'license-certificate-print');
});

test('a permit shows its fee lines and a collect link for the full amount', async ({ page }) => {
	const base = await sandbox(page);
	await open(page, `${base}/permits`);
	const rows = page.getByTestId('permit-list').locator('tbody tr');
	await expect(rows.first()).toContainText('Fees due');
	await expectAccessible(page, 'permits list');
	await shot(page, 'permits-list');

	await page.getByLabel('Find a permit').fill('pp-2025-0051');
	await page.getByLabel('Find a permit').press('Enter');
	await expect(rows).toHaveCount(1);
	await rows.getByRole('link', { name: 'PP-2025-0051' }).click();

	await expect(page.getByRole('heading', { level: 1 })).toContainText('PP-2025-0051');
	await expect(page.getByTestId('permit-fees').locator('tbody tr')).toHaveText([/Plumbing permit fee\s*\$121\.00/, /Permit issuance fee\s*\$38\.00/, /Technology surcharge \(4%\)\s*\$4\.84/]);
	await expect(page.getByTestId('permit-total')).toHaveText('$163.84');
	await expect(page.getByTestId('collect-fee')).toHaveText('Collect fee $163.84');
	await expect(page.getByTestId('collect-fee')).toHaveAttribute('href', `${base}/pay?kind=permit&ref=PP-2025-0051&amount=163.84`);
	await expectAccessible(page, 'permit page');
	await shot(page, 'permit');

	// Paid permits are listed after the ones with fees due, without a collect link.
	await open(page, `${base}/permits?status=paid`);
	await page.getByTestId('permit-list').locator('tbody tr').first().getByRole('link').click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Fees paid');
	await expect(page.getByTestId('collect-fee')).toHaveCount(0);
});

test('receivables: create an invoice, see it in aging as current, refer an old one to collections', async ({ page }) => {
	const base = await sandbox(page);
	await open(page, `${base}/receivables`);
	await expectAccessible(page, 'receivables list');
	await shot(page, 'receivables-list');
	await page.getByRole('link', { name: 'New invoice' }).click();
	await expect(page.getByLabel('Customer name')).toBeFocused();
	await expectAccessible(page, 'new invoice');

	await page.getByLabel('Customer name').fill('Tracy Youth Soccer');
	await page.getByLabel('Customer address').fill('400 E 10th St');
	await page.getByLabel('Description', { exact: true }).fill('Community center hall, December 5');
	await page.getByLabel('Category').selectOption('rental');
	await page.getByLabel('Line 1 description').fill('Hall rental, 4 hours');
	await page.getByLabel('Line 1 amount').fill('200.00');
	await page.getByLabel('Line 2 description').fill('Custodial fee');
	await page.getByLabel('Line 2 amount').fill('150.00');
	await shot(page, 'receivables-new');
	await page.getByRole('button', { name: 'Create invoice' }).click();

	await expect(page).toHaveURL(/\/receivables\/INV-\d{6}\?created=1$/);
	const invoiceNo = /INV-\d{6}/.exec(page.url())![0];
	await expect(page.getByRole('status')).toContainText(`Invoice ${invoiceNo} is created for $350.00, due December 16, 2026`);
	await expect(page.getByTestId('invoice-lines').locator('tbody tr')).toHaveText([/Hall rental, 4 hours\s*\$200\.00/, /Custodial fee\s*\$150\.00/]);
	await expect(page.getByTestId('invoice-balance')).toHaveText('$350.00');
	await expect(page.getByTestId('take-payment')).toHaveAttribute('href', `${base}/pay?kind=invoice&ref=${invoiceNo}&amount=350.00`);
	await expect(page.getByTestId('referral-note')).toContainText('can go to collections only when over 90 days past due');
	await expectAccessible(page, 'invoice page');
	await shot(page, 'receivables-invoice');

	await open(page, `${base}/receivables/aging`);
	await expect(page.getByTestId('aging-current')).toContainText(invoiceNo);
	await expect(page.getByTestId('aging-current')).toContainText('Tracy Youth Soccer');
	await expect(page.getByTestId('aging-1-30')).not.toContainText(invoiceNo);
	await expectAccessible(page, 'aging');
	await shot(page, 'receivables-aging');

	// INV-000005 fell due December 5, 2025: well over 90 days, so it may go to collections.
	await open(page, `${base}/receivables/INV-000005`);
	await page.getByRole('button', { name: 'Refer INV-000005 to collections' }).click();
	await expect(page.getByRole('status')).toContainText('INV-000005 is referred to collections.');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('In collections');
	await expect(page.getByRole('button', { name: /Refer/ })).toHaveCount(0);
	await open(page, `${base}/receivables?status=collections`);
	await expect(page.getByTestId('invoice-list')).toContainText('INV-000005');
});

test('bad input shows a clear message and changes nothing', async ({ page }) => {
	const base = await sandbox(page);
	await open(page, `${base}/licenses/business/BIZ-000012`);
	const receipts = page.getByLabel('Reported gross receipts');
	const licenses = page.getByTestId('business-licenses').locator('tbody tr');
	await expect(licenses).toHaveCount(1);
	for (const [typed, message] of [
		['64O,000.00', 'Gross receipts must be a number in dollars and cents, like 87.50.'],
		['640000.005', 'Gross receipts can have at most two decimal places (cents).'],
		['-640000.00', 'Gross receipts cannot be negative.'],
		['', 'Gross receipts is required.']
	] as const) {
		await receipts.fill(typed);
		await page.getByRole('button', { name: 'Preview fees' }).click();
		await expect(page.getByRole('alert')).toContainText(message);
		await expect(receipts).toHaveAttribute('aria-invalid', 'true');
		await expect(receipts).toHaveValue(typed);
		await expect(page.getByTestId('fee-preview')).toHaveCount(0);
		await expect(page.getByTestId('business-owed')).toHaveText('$0.00');
		await expect(licenses).toHaveCount(1);
	}
	await expect(receipts).toBeFocused();
	await expectAccessible(page, 'renewal refused');

	// Filing straight away with bad receipts (no preview, no JavaScript) is refused the same way.
	const filed = await page.request.post(`${page.url()}?/renew`, { form: { taxYear: '2026', grossReceipts: 'abc' }, headers: { origin: new URL(page.url()).origin, accept: 'text/html' } });
	expect(filed.status()).toBe(400);
	await open(page, `${base}/licenses/business/BIZ-000012`);
	await expect(licenses).toHaveCount(1);
	await expect(page.getByTestId('business-owed')).toHaveText('$0.00');

	// An invoice line with three decimals names the line; no invoice is created.
	await open(page, `${base}/receivables`);
	const before = await page.getByTestId('invoice-list').locator('caption').innerText();
	await open(page, `${base}/receivables/new`);
	await page.getByLabel('Customer name').fill('Ana Ruiz');
	await page.getByLabel('Description', { exact: true }).fill('False alarm, November 3');
	await page.getByLabel('Line 1 description').fill('False alarm response');
	await page.getByLabel('Line 1 amount').fill('75.125');
	await page.getByRole('button', { name: 'Create invoice' }).click();
	await expect(page.getByRole('alert')).toContainText('Line 1: Amount can have at most two decimal places (cents).');
	await expect(page.getByLabel('Line 1 amount')).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByLabel('Line 1 amount')).toBeFocused();
	await expect(page).toHaveURL(/\/receivables\/new$/);
	await expectAccessible(page, 'invoice refused');
	await open(page, `${base}/receivables`);
	await expect(page.getByTestId('invoice-list').locator('caption')).toHaveText(before);

	// Unknown numbers in the URL are a plain "not found", never a crash.
	for (const [path, message] of [
		['/licenses/BL-2026-9999', 'No license BL-2026-9999 in this sandbox.'],
		['/licenses/BL-2026-9999/certificate', 'No license BL-2026-9999 in this sandbox.'],
		['/licenses/business/BIZ-999999', 'No business BIZ-999999 in this sandbox.'],
		['/permits/BP-2026-9999', 'No permit BP-2026-9999 in this sandbox.'],
		['/receivables/INV-999999', 'No invoice INV-999999 in this sandbox.']
	] as const) {
		const response = await page.goto(`${base}${path}`);
		expect(response?.status(), path).toBe(404);
		await expect(page.getByText(message)).toBeVisible();
	}
});

test('keyboard only: find a business, preview its renewal, file it and land on taking the payment', async ({ page }) => {
	const base = await sandbox(page);
	await expect(page.getByRole('heading', { level: 1, name: 'Desk' })).toBeVisible();
	await page.keyboard.press('l');
	await expect(page).toHaveURL(`${base}/licenses`);
	await expect(page.getByRole('heading', { level: 1, name: 'Business licenses' })).toBeVisible();

	await tabTo(page, page.getByLabel('Find a business'));
	await page.keyboard.type('herrera furniture');
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('business-list').locator('tbody tr')).toHaveCount(1);
	await tabTo(page, page.getByRole('link', { name: 'Herrera & Gonzalez Furniture' }));
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Herrera & Gonzalez Furniture');

	await tabTo(page, page.getByLabel('Reported gross receipts'));
	await page.keyboard.type('640,000.00');
	await page.keyboard.press('Enter');
	// Retail 0.10% of $140,000.00 = $140.00; tax $190.00; 40% penalty $76.00; state fee $4.00.
	await expect(page.getByTestId('fee-total')).toHaveText('$270.00');
	const file = page.getByRole('button', { name: 'File the renewal — $270.00' });
	await expect(file).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('status')).toContainText('is filed: $270.00 charged');
	await expect(page.getByTestId('business-owed')).toHaveText('$270.00');
	const pay = page.locator('#take-payment');
	await expect(pay).toBeFocused();
	await expect(pay).toHaveAttribute('href', `${base}/pay?kind=license&ref=BIZ-000012&amount=270.00`);
});
