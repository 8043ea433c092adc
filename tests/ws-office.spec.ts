// The back-office screens of the clerk workstation: mail tray, vendor invoices, reports, audit trail.
import type { Page } from '@playwright/test';
import { generateCity } from '../src/lib/domain/city/generate';
import { STANDARD_FLOAT } from '../src/lib/domain/cashiering/denominations';
import { addDays, monthOf } from '../src/lib/domain/dates';
import type { SandboxState } from '../src/lib/domain/model';
import { screenInvoice } from '../src/lib/domain/payables';
import { agingReport, cardsByBrand, delinquentAccounts, licenseStatusReport, monthlyStatistics } from '../src/lib/domain/reports';
import { pastDue, utilityPaymentTarget } from '../src/lib/domain/utility';
import { formatUSD, sum } from '../src/lib/money';
import { expect, expectAccessible, hydrated, open, signIn, test } from './fixtures';

const TRAINEE = 'Maria Delgado';

// The demo city every practice sandbox starts from (same seed, same city), to know ids and figures.
let world: SandboxState | undefined;
function city(): SandboxState {
	world ??= generateCity().state;
	return world;
}

async function sandbox(page: Page): Promise<string> {
	await signIn(page, 'trainee');
	await open(page, '/sandbox');
	await expect(page).toHaveURL(/\/sandbox\/sb_/);
	return new URL(page.url()).pathname;
}

/** Where each piece of mail goes, by whom it is addressed to. */
function destinationFor(addressedTo: string): string {
	const map: Array<[string, string]> = [
		['Utility Billing', 'Utility Billing'],
		['Business License', 'Business License'],
		['Finance Department', 'Accounts Receivable'],
		['Accounts Payable', 'Accounts Payable'],
		['Development Services', 'Development Services'],
		['Police', 'Police'],
		['Parks', 'Parks & Recreation'],
		['City Clerk', 'City Clerk'],
		['Human Resources', 'Human Resources']
	];
	return map.find(([k]) => addressedTo.includes(k))?.[1] ?? 'Return to Sender';
}

function trayItems() {
	return Object.values(city().mail.items)
		.filter((i) => !i.stampedOn)
		.sort((a, b) => (a.id < b.id ? -1 : 1));
}

test('mail tray: stamp everything, log each payment with a witness, route it all; the log and the audit trail show it', async ({ page }) => {
	// About forty actions through the server, each checked on the page.
	test.setTimeout(480_000);
	const sb = await sandbox(page);
	const items = trayItems();
	const payments = items.filter((i) => i.enclosure);
	expect(items.length).toBeGreaterThanOrEqual(12);

	await open(page, `${sb}/mail`);
	await expectAccessible(page, 'mail tray (unstamped)');
	await expect(page.getByTestId('mail-item')).toHaveCount(items.length);
	await expect(page.getByText(`${items.length} to stamp`)).toBeVisible();

	// Routing before stamping is not offered; stamp every item, one after the other.
	for (let left = items.length; left > 0; left--) {
		await page.getByRole('button', { name: 'Stamp received' }).first().click();
		await expect(page.getByText(`${left - 1} to stamp`)).toBeVisible();
	}
	await expect(page.getByRole('status')).toContainText('is stamped received');

	// Dual control: the clerk cannot witness their own opening; nothing is logged.
	const first = payments.find((p) => p.contents.startsWith('Utility bill remittance slip'))!;
	const account = /account (\d{3}-\d{4})/.exec(first.contents)![1]!;
	const card = page.locator(`#item-${first.id}`);
	await card.getByLabel('Account or reference it pays').fill(account);
	await card.getByLabel('Witness (a second person)').fill(TRAINEE);
	await card.getByRole('button', { name: 'Log remittance' }).click();
	await expect(card.getByRole('alert')).toContainText('the witness must be a second person, not you');
	await expect(card.getByLabel('Witness (a second person)')).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByTestId('remittance-row')).toHaveCount(0);
	await page.screenshot({ path: test.info().outputPath('office-mail-open.png'), fullPage: true });
	await card.getByLabel('Witness (a second person)').fill('Kevin Wilson');
	await card.getByRole('button', { name: 'Log remittance' }).click();
	await expect(page.getByRole('status')).toContainText(`${first.id}: the payment is on the remittance log`);
	await expect(page.getByTestId('remittance-row')).toHaveCount(1);
	await expect(page.getByTestId('remittance-row')).toContainText(formatUSD(first.enclosure!.amount));
	await expect(page.getByTestId('remittance-row')).toContainText('Kevin Wilson');
	await expect(page.getByTestId('remittance-row')).toContainText(TRAINEE);

	// Taking the payment is one link away, prefilled with the account, amount, postmark and check.
	const take = card.getByRole('link', { name: /Take this payment/ });
	const href = new URL((await take.getAttribute('href'))!, 'http://x');
	expect(href.pathname).toBe(`${sb}/pay`);
	expect(Object.fromEntries(href.searchParams)).toEqual({
		kind: 'utility',
		ref: account,
		amount: first.enclosure!.amount.toString(),
		postmark: first.postmark!,
		tender: 'check',
		checkNumber: first.enclosure!.number,
		bank: first.enclosure!.bank
	});

	// Routing without a destination is refused with a clear message and the item stays in the tray.
	await card.getByRole('button', { name: 'Route' }).click();
	await expect(card.getByRole('alert')).toContainText('Choose the destination');
	await expect(card.getByText('To route', { exact: true })).toBeVisible();
	await expectAccessible(page, 'mail tray (refused routing)');

	// Log the other payments (the memo names what they pay) and route everything.
	for (const item of payments.filter((p) => p !== first)) {
		const c = page.locator(`#item-${item.id}`);
		await c.getByLabel('Account or reference it pays').fill(item.enclosure!.memo.replace(/^Acct /, ''));
		await c.getByLabel('Witness (a second person)').fill('Kevin Wilson');
		await c.getByRole('button', { name: 'Log remittance' }).click();
		await expect(page.getByRole('status')).toContainText(`${item.id}: the payment is on the remittance log`);
	}
	for (const item of items) {
		const c = page.locator(`#item-${item.id}`);
		await c.getByLabel('Route to').selectOption(destinationFor(item.addressedTo));
		await c.getByRole('button', { name: 'Route' }).click();
		await expect(page.getByRole('status')).toContainText(`${item.id} is routed to`);
	}
	await expect(page.getByText('The tray is empty')).toBeVisible();
	await expect(page.getByTestId('mail-done')).toHaveCount(items.length);
	await expect(page.getByTestId('remittance-row')).toHaveCount(payments.length);
	await expect(page.locator('.remittance-log tfoot')).toContainText(formatUSD(sum(payments.map((p) => p.enclosure!.amount))));
	await expectAccessible(page, 'mail tray (all routed)');
	await page.screenshot({ path: test.info().outputPath('office-mail.png'), fullPage: true });

	// The audit trail lists every action, newest first, with the trainee's name.
	await open(page, `${sb}/audit`);
	await expectAccessible(page, 'audit trail');
	const rows = page.getByTestId('audit-row');
	await expect(rows.first()).toContainText('Mail routed');
	await expect(rows.first()).toContainText(TRAINEE);
	await expect(page.getByText(`of ${items.length * 2 + payments.length}, newest first`)).toBeVisible();
	await page.getByLabel('Type of event').selectOption('mail.remittance-logged');
	await page.getByRole('button', { name: 'Filter' }).click();
	await expect(page).toHaveURL(/type=mail.remittance-logged/);
	await expect(rows).toHaveCount(payments.length);
	await expect(rows.last()).toContainText(`check ${first.enclosure!.number}`);
	await expect(rows.last()).toContainText('witness Kevin Wilson');
	// Bad filters and pages say so and show what there is.
	await open(page, `${sb}/audit?type=nonsense&page=abc`);
	await expect(page.getByText('There are no “nonsense” events in this sandbox')).toBeVisible();
	await expect(page.getByText('There is no page “abc”')).toBeVisible();
	await expect(rows).toHaveCount(items.length * 2 + payments.length);
	await page.screenshot({ path: test.info().outputPath('office-audit.png'), fullPage: true });
});

test('stamping and routing mail keyboard-only', async ({ page }) => {
	test.setTimeout(240_000);
	const sb = await sandbox(page);
	const items = trayItems();
	await open(page, sb);
	// The m shortcut opens the tray with the cursor on the first Stamp button.
	await page.keyboard.press('m');
	await expect(page).toHaveURL(/\/mail$/);
	await hydrated(page);
	await expect(page.getByRole('button', { name: 'Stamp received' }).first()).toBeFocused();
	for (let left = items.length; left > 0; left--) {
		await page.keyboard.press('Enter');
		await expect(page.getByText(`${left - 1} to stamp`)).toBeVisible();
	}
	// The cursor went on to the first item's next step.
	const firstItem = items[0]!;
	const card = page.locator(`#item-${firstItem.id}`);
	if (firstItem.enclosure) {
		await expect(card.getByLabel('Account or reference it pays')).toBeFocused();
		await page.keyboard.type(firstItem.enclosure.memo.replace(/^Acct /, ''));
		await page.keyboard.press('Tab');
		await page.keyboard.type('Kevin Wilson');
		await page.keyboard.press('Enter');
		await expect(page.getByTestId('remittance-row')).toHaveCount(1);
	}
	await expect(card.getByLabel('Route to')).toBeFocused();
	await page.keyboard.press('ArrowDown');
	await page.keyboard.press('Tab');
	await page.keyboard.press('Enter');
	await expect(page.getByRole('status')).toContainText(`${firstItem.id} is routed to Utility Billing`);
	await expect(page.getByTestId('mail-done')).toHaveCount(1);
});

test('vendor invoices: the failing check side by side, return with reasons, approve a clean one, unknown id', async ({ page }) => {
	test.setTimeout(360_000);
	const sb = await sandbox(page);
	const state = city();
	const pending = Object.values(state.payables.invoices).filter((i) => i.status === 'pending');
	const defective = pending.find((i) => screenInvoice(state.payables, i).join() === 'extension-error')!;
	const clean = pending.find((i) => screenInvoice(state.payables, i).length === 0)!;

	await open(page, `${sb}/invoices`);
	await expectAccessible(page, 'vendor invoices');
	await expect(page.getByTestId('invoice-row')).toHaveCount(pending.length);
	await page.getByRole('link', { name: defective.id }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText(defective.id);
	await hydrated(page);
	for (const h of ['Invoice', 'Purchase order', 'Receiving report']) await expect(page.getByRole('heading', { level: 2, name: h, exact: true })).toBeVisible();
	await expect(page.locator('[data-code="extension-error"]')).toContainText('Fail');
	await expect(page.locator('[data-code="subtotal-error"]')).toContainText('Pass');
	await expect(page.getByText('1 check fails')).toBeVisible();
	await expect(page.getByText(/should be \$/)).toBeVisible();
	await expectAccessible(page, 'vendor invoice (defective)');
	await page.screenshot({ path: test.info().outputPath('office-invoice.png'), fullPage: true });

	// Returning without a reason is refused; nothing changes.
	await page.getByRole('button', { name: `Return ${defective.id}` }).click();
	await expect(page.getByRole('alert')).toContainText('Give every reason the invoice is being returned');
	await expect(page.getByText('Waiting', { exact: true }).first()).toBeVisible();
	await page.getByLabel('A line’s quantity × unit price does not equal its extension').check();
	await page.getByLabel('Note to the department').fill('Line 1 extension is wrong; please send a corrected invoice.');
	await page.getByRole('button', { name: `Return ${defective.id}` }).click();
	await expect(page.getByRole('status')).toContainText(`${defective.id} is returned to the department`);
	await expect(page.getByText('Returned to the department on')).toContainText(TRAINEE);
	await expect(page.getByRole('button', { name: `Approve ${defective.id}` })).toHaveCount(0);

	await open(page, `${sb}/invoices/${clean.id}`);
	await expect(page.getByText('Every check passes', { exact: true })).toBeVisible();
	await page.getByRole('button', { name: `Approve ${clean.id}` }).click();
	await expect(page.getByRole('status')).toContainText(`${clean.id} is approved for payment`);
	await expect(page.getByText('Approved for payment on')).toBeVisible();

	await open(page, `${sb}/invoices`);
	await expect(page.getByTestId('invoice-row')).toHaveCount(pending.length - 2);

	const missing = await page.goto(`${sb}/invoices/VI-99999`);
	expect(missing?.status()).toBe(404);
	await expect(page.getByText('No vendor invoice VI-99999 in this sandbox.')).toBeVisible();

	await open(page, `${sb}/audit?type=ap.invoice-returned`);
	await expect(page.getByTestId('audit-row')).toHaveCount(1);
	await expect(page.getByTestId('audit-row')).toContainText(`${defective.id}: extension-error`);
	await expect(page.getByTestId('audit-row')).toContainText(TRAINEE);
});

test('reports: each renders, prints and agrees with the books, a payment taken today included; bad dates are refused', async ({ page }) => {
	// A payment, nine report pages and an axe scan of each: slow on a busy machine.
	test.setTimeout(480_000);
	const sb = await sandbox(page);
	const state = city();
	const today = state.businessDate;

	// A cash payment through the counter: open the drawer, take it on the payment screen.
	const account = Object.values(state.utility.accounts).find((a) => {
		const q = utilityPaymentTarget.quote(state, a.number);
		// Nothing past due, so the delinquency report is the city's own.
		return a.status === 'active' && !('code' in q) && q.due.isPositive() && !q.cashOnly && pastDue(state, a.number, today).isZero();
	})!;
	const quote = utilityPaymentTarget.quote(state, account.number);
	if ('code' in quote) throw new Error('no quote');
	const amount = quote.due;
	await open(page, `${sb}/drawer`);
	for (const [key, n] of Object.entries(STANDARD_FLOAT)) if (n > 0) await page.locator(`[name="count-${key}"]`).fill(String(n));
	await page.getByRole('button', { name: 'Open drawer' }).click();
	await expect(page.getByRole('status')).toContainText('Drawer open.');
	await open(page, `${sb}/pay?kind=utility&ref=${account.number}&amount=${amount.toString()}`);
	await page.locator('#tender-0-amount').fill(amount.toString());
	await page.getByRole('button', { name: 'Take payment and print receipt' }).click();
	await expect(page).toHaveURL(/\/receipts\/R-\d+/);

	await open(page, `${sb}/reports`);
	await expectAccessible(page, 'reports index');
	await page.screenshot({ path: test.info().outputPath('office-reports.png'), fullPage: true });

	await page.getByRole('link', { name: 'Daily cash report' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Daily cash report' })).toBeVisible();
	await expect(page.getByTestId('drawer-row')).toHaveCount(1);
	await expect(page.getByTestId('drawer-row')).toContainText(TRAINEE);
	await expect(page.getByTestId('tender-cash')).toContainText(formatUSD(amount));
	await expect(page.getByTestId('tender-total')).toContainText('Total, 1 receipt');
	await expect(page.getByTestId('tender-total')).toContainText(formatUSD(amount));
	await expectAccessible(page, 'daily cash report');
	await page.screenshot({ path: test.info().outputPath('office-daily-cash.png'), fullPage: true });
	await page.emulateMedia({ media: 'print' });
	await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
	await expect(page.getByRole('navigation', { name: 'Clerk system' })).toBeHidden();
	await page.emulateMedia({ media: 'screen' });

	// A date that does not exist is refused with a clear message; no report is shown.
	await hydrated(page);
	await page.getByLabel('Business date').fill('2026-02-30');
	await page.getByRole('button', { name: 'Show' }).click();
	await expect(page.getByRole('alert')).toContainText('“2026-02-30” is not a real date. Write it as YYYY-MM-DD');
	await expect(page.getByLabel('Business date')).toHaveValue('2026-02-30');
	await expect(page.getByLabel('Business date')).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByTestId('drawer-row')).toHaveCount(0);
	await expectAccessible(page, 'daily cash report (bad date)');
	// The day before: the city's own drawers, not ours.
	await open(page, `${sb}/reports/daily-cash?date=${addDays(today, -1)}`);
	await expect(page.getByTestId('drawer-row').filter({ hasText: TRAINEE })).toHaveCount(0);

	await open(page, `${sb}/reports/tenders`);
	await expect(page.getByTestId('tender-cash')).toContainText(formatUSD(amount));
	await expectAccessible(page, 'payments by tender');
	await open(page, `${sb}/reports/tenders?from=${today}&to=${addDays(today, -3)}`);
	await expect(page.getByRole('alert')).toContainText('is before the “from” date');

	const from = `${monthOf(today)}-01`;
	const cards = cardsByBrand(state, from, today);
	await open(page, `${sb}/reports/cards?from=${from}&to=${today}`);
	await expect(page.getByTestId('card-row')).toHaveCount(cards.length);
	await expect(page.locator('tfoot')).toContainText(formatUSD(sum(cards.map((c) => c.total))));
	await expectAccessible(page, 'cards by brand');

	await open(page, `${sb}/reports/over-short`);
	await expect(page.getByTestId('over-short-row').first()).toBeVisible();
	await expectAccessible(page, 'over/short history');
	await page.screenshot({ path: test.info().outputPath('office-over-short.png'), fullPage: true });

	await open(page, `${sb}/reports/aging`);
	await expect(page.getByTestId('aging-total')).toContainText(formatUSD(agingReport(state, today).total));
	await expectAccessible(page, 'aging');

	const delinquent = delinquentAccounts(state, today);
	await open(page, `${sb}/reports/delinquent`);
	await expect(page.getByTestId('delinquent-row')).toHaveCount(delinquent.length);
	await expectAccessible(page, 'delinquent accounts');
	await page.screenshot({ path: test.info().outputPath('office-delinquent.png') });

	const licenses = licenseStatusReport(state, today);
	await open(page, `${sb}/reports/licenses`);
	await expect(page.getByTestId('license-row')).toHaveCount(licenses.expiring.length + licenses.delinquent.length);
	await expectAccessible(page, 'license status');

	const month = monthlyStatistics(state, monthOf(today));
	await open(page, `${sb}/reports/monthly`);
	await expect(page.getByTestId('monthly-payments')).toContainText(String(month.payments.count + 1));
	await expect(page.getByTestId('monthly-payments')).toContainText(formatUSD(month.payments.total.plus(amount)));
	await expect(page.getByTestId('monthly-bills')).toContainText(formatUSD(month.bills.total));
	await expectAccessible(page, 'monthly statistics');
	await page.screenshot({ path: test.info().outputPath('office-monthly.png'), fullPage: true });
	await open(page, `${sb}/reports/monthly?month=2026-13`);
	await expect(page.getByRole('alert')).toContainText('“2026-13” is not a month');

	// The payment is on the audit trail with its journal entry.
	await open(page, `${sb}/audit?type=cash.payment-taken`);
	const row = page.getByTestId('audit-row');
	await expect(row).toHaveCount(1);
	await expect(row).toContainText(TRAINEE);
	await expect(row).toContainText('Cash — drawers');
	await expect(row).toContainText(formatUSD(amount));
});
