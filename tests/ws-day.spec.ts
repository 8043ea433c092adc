// "A day at the counter" (issue 4's acceptance): one trainee's whole day in a fresh practice sandbox,
// through the screens, then the ledger, the daily cash report and the deposit slip checked to the cent.
import type { Browser, Page } from '@playwright/test';
import { screenInvoice } from '../src/lib/domain/payables';
import { Money } from '../src/lib/money';
import { fillCounts, fillTenders, openDrawer, practiceSandbox, submitPayment, takePayment } from './counter';
import { expect, hydrated, open, signIn, test } from './fixtures';
import { accountsOwing, countOf, demoWorld, FLOAT_COUNTS } from './world';

const CHECK_DATE = '2026-11-12';
const LICENSE_BUSINESS = 'Williams & Liu Law Office'; // renews on $750,000.00: $1,124.00 with 4 months' penalty
const LICENSE_TOTAL = '1124.00';

test.describe.configure({ timeout: 600_000 });

function usd(m: Money): string {
	const [whole, cents] = m.abs().toString().split('.');
	return `${m.isNegative() ? '-' : ''}$${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`;
}

async function approveAsSupervisor(browser: Browser, url: string, receiptNo: string): Promise<void> {
	const context = await browser.newContext({ baseURL: url });
	const supervisor = await context.newPage();
	await signIn(supervisor, 'supervisor');
	await open(supervisor, '/supervisor/approvals');
	await supervisor.getByTestId('queued-approval').filter({ hasText: receiptNo }).getByRole('button', { name: 'Approve' }).click();
	await expect(supervisor.getByRole('status')).toContainText('approved');
	await context.close();
}

async function stampAndRouteMail(page: Page, sb: string): Promise<number> {
	const items = Object.values(demoWorld().mail.items).filter((i) => !i.stampedOn);
	await open(page, `${sb}/mail`);
	for (let left = items.length; left > 0; left--) {
		await page.getByRole('button', { name: 'Stamp received' }).first().click();
		await expect(page.getByText(`${left - 1} to stamp`)).toBeVisible();
	}
	// Route what holds no payment (payments go on the remittance log first, under dual control).
	const plain = items.filter((i) => !i.enclosure);
	for (const item of plain) {
		const card = page.locator(`#item-${item.id}`);
		await card.getByLabel('Route to').selectOption(item.addressedTo.includes('Police') ? 'Police' : 'City Clerk');
		await card.getByRole('button', { name: 'Route' }).click();
		await expect(page.getByRole('status')).toContainText(`${item.id} is routed to`);
	}
	return plain.length;
}

test('a day at the counter: payments, a void, a new tenant, a renewal, a permit, the mail, a vendor invoice, a balanced close-out', async ({ page, browser, app }) => {
	const [a, b, c, d, e, f] = accountsOwing(6);
	const world = demoWorld();
	const permit = Object.values(world.permits.permits).find((p) => p.status === 'issued')!;
	const defective = Object.values(world.payables.invoices).find((i) => i.status === 'pending' && screenInvoice(world.payables, i).length === 1)!;
	const defect = screenInvoice(world.payables, defective)[0]!;

	await signIn(page, 'trainee');
	const sb = await practiceSandbox(page);
	await openDrawer(page, sb, FLOAT_COUNTS);

	// Five payments.
	await takePayment(page, sb, [{ ref: a!.number, amount: a!.due }], [{ type: 'cash', amount: Money.of(a!.due).plus(Money.of('20.00')).toString() }]);
	await expect(page.getByTestId('receipt-change')).toHaveText('$20.00');
	await takePayment(page, sb, [{ ref: b!.number, amount: b!.due }], [{ type: 'check', amount: b!.due, checkNumber: '2001', bank: 'Bank of Stockton', payee: 'City of Tracy', checkDate: CHECK_DATE }]);
	await takePayment(page, sb, [{ ref: c!.number, amount: c!.due }], [{ type: 'card', amount: c!.due, brand: 'Mastercard', last4: '5100' }]);
	await takePayment(page, sb, [{ ref: d!.number, amount: d!.due }, { ref: e!.number, amount: '10.00' }], [{ type: 'cash', amount: Money.of(d!.due).plus(Money.of('10.00')).toString() }]);
	const partial = await takePayment(page, sb, [{ ref: f!.number, amount: '20.00' }], [{ type: 'cash', amount: '20.00' }]);

	// Void the partial payment: the trainee asks, a supervisor approves.
	await page.getByText('Void this receipt').click();
	await page.getByLabel('Reason for the void').fill('Customer meant to pay a different amount');
	await page.getByLabel('The customer returned their copy of the receipt').check();
	await page.getByRole('button', { name: 'Void receipt' }).click();
	await page.getByRole('button', { name: 'Request supervisor approval' }).click();
	await expect(page.getByRole('status')).toContainText('Sent to a supervisor');
	await approveAsSupervisor(browser, app.url, partial);

	// Start service for a tenant and take the $175.00 deposit (cash $200.00, $25.00 change).
	await open(page, `${sb}/accounts/new`);
	await page.getByLabel('Customer name').fill('Dana Newcomer');
	await page.getByLabel('Phone').fill('209-555-0190');
	await page.getByLabel('Mailing address').fill('77 Lantern Way, Tracy, CA 95376');
	await page.getByLabel('Service address').fill('77 Lantern Way');
	await page.getByRole('radio', { name: /^tenant/ }).check();
	await page.getByLabel('Meter reading at start (HCF)').fill('40');
	await page.getByLabel('I checked the customer’s photo ID').check();
	await page.getByRole('button', { name: 'Start service' }).click();
	await expect(page.getByTestId('deposit-due')).toHaveText('$175.00');
	await page.getByRole('link', { name: 'Take the deposit payment' }).first().click();
	await hydrated(page);
	await expect(page.locator('#line-0-amount')).toHaveValue('175.00');
	await fillTenders(page, [{ type: 'cash', amount: '200.00' }]);
	await submitPayment(page);
	await expect(page.getByTestId('receipt-change')).toHaveText('$25.00');

	// Renew a business license and take its payment by check.
	await open(page, `${sb}/licenses?q=${encodeURIComponent('williams & liu')}`);
	await page.getByRole('link', { name: LICENSE_BUSINESS }).click();
	await hydrated(page);
	await page.getByLabel('Reported gross receipts').fill('750,000.00');
	await page.getByRole('button', { name: 'Preview fees' }).click();
	await expect(page.getByTestId('fee-total')).toHaveText('$1,124.00');
	await page.getByRole('button', { name: /File the renewal/ }).click();
	await expect(page.getByTestId('business-owed')).toHaveText('$1,124.00');
	await page.locator('#take-payment').click();
	await hydrated(page);
	await fillTenders(page, [{ type: 'check', amount: LICENSE_TOTAL, checkNumber: '5521', bank: 'Wells Fargo', payee: 'City of Tracy', checkDate: CHECK_DATE }]);
	await submitPayment(page);

	// Collect a permit fee in cash, exact.
	await open(page, `${sb}/permits/${permit.number}`);
	await page.getByTestId('collect-fee').click();
	await hydrated(page);
	await fillTenders(page, [{ type: 'cash', amount: permit.total.toString() }]);
	await submitPayment(page);

	// Date-stamp and route the mail; return a defective vendor invoice.
	await stampAndRouteMail(page, sb);
	await open(page, `${sb}/invoices/${defective.id}`);
	await expect(page.locator(`[data-code="${defect}"]`)).toContainText('Fail');
	await page.locator(`input[name="reasons"][value="${defect}"]`).check();
	await page.getByLabel('Note to the department').fill('Returned: see the failing check.');
	await page.getByRole('button', { name: `Return ${defective.id}` }).click();
	await expect(page.getByRole('status')).toContainText(`${defective.id} is returned to the department`);

	// Close out, balanced.
	const cashKept = [a!.due, d!.due, '10.00', '175.00', permit.total.toString()].reduce((acc, x) => acc.plus(Money.of(x)), Money.ZERO);
	const expectedCash = Money.of('200.00').plus(cashKept);
	const checks = Money.of(b!.due).plus(Money.of(LICENSE_TOTAL));
	await open(page, `${sb}/drawer`);
	await fillCounts(page, countOf(expectedCash));
	await page.getByLabel('How many').first().fill('2');
	await page.getByLabel('Total').first().fill(checks.toString());
	await page.getByLabel('Card batch total').fill(c!.due);
	await page.getByRole('button', { name: 'Close out drawer' }).click();
	await expect(page.getByTestId('over-short')).toHaveText('Balanced');
	const depositTotal = cashKept.plus(checks);
	await expect(page.getByTestId('deposit-cash')).toHaveText(usd(cashKept));
	await expect(page.getByTestId('deposit-checks')).toHaveText(usd(checks));
	await expect(page.getByTestId('deposit-total')).toHaveText(usd(depositTotal));
	await expect(page.getByTestId('deposit-slip')).toContainText('Check #2001');
	await expect(page.getByTestId('deposit-slip')).toContainText('Check #5521');
	const drawerId = new URL(page.url()).pathname.split('/').pop()!;

	// The daily cash report: this drawer's row.
	await open(page, `${sb}/reports/daily-cash`);
	const row = page.getByTestId('drawer-row').filter({ hasText: drawerId });
	await expect(row).toContainText('7 (1)'); // seven receipts kept, one void
	await expect(row).toContainText(usd(expectedCash));
	await expect(row).toContainText(usd(checks));
	await expect(row).toContainText(usd(Money.of(c!.due)));
	await expect(row).toContainText(usd(depositTotal));

	// The ledger: today's entries balance; cash went to the bank, cards to settlement, the permit fee to 4310.
	await open(page, `${sb}/reports/ledger`);
	const day = page.getByTestId('day-by-account');
	await expect(day.locator('tfoot td').first()).toHaveText(await day.locator('tfoot td').nth(1).innerText());
	await expect(day.locator('tr[data-account="1020"] td').first()).toHaveText(usd(depositTotal));
	await expect(day.locator('tr[data-account="1025"] td').first()).toHaveText(usd(Money.of(c!.due)));
	await expect(day.locator('tr[data-account="4310"] td').nth(1)).toHaveText(usd(permit.total));
	await expect(day.locator('tr[data-account="6990"]')).toHaveCount(0);
	await expect(page.getByTestId('tb-debits')).toHaveText(await page.getByTestId('tb-credits').innerText());
});
