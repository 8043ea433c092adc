// The day at the counter again, keyboard only: no clicks anywhere (see tests/keys.ts).
import type { Browser, Page } from '@playwright/test';
import { screenInvoice } from '../src/lib/domain/payables';
import { Money } from '../src/lib/money';
import type { Line, TenderInput } from './counter';
import { expect, hydrated, open, test } from './fixtures';
import { Keys } from './keys';
import { accountsOwing, countOf, demoWorld, FLOAT_COUNTS } from './world';

const CHECK_DATE = '2026-11-12';

test.describe.configure({ timeout: 900_000 });

async function signInByKeyboard(page: Page, keys: Keys, username: string): Promise<void> {
	await open(page, '/login');
	await keys.fill(page.getByLabel('Username'), username);
	await keys.fill(page.getByLabel('Password'), 'tracy-demo');
	await page.keyboard.press('Enter');
	await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
	await hydrated(page);
}

function nav(page: Page, name: string) {
	return page.getByRole('navigation', { name: 'Clerk system' }).getByRole('link', { name, exact: true });
}

async function goTo(page: Page, keys: Keys, name: string): Promise<void> {
	await keys.press(nav(page, name));
	await expect(nav(page, name)).toHaveAttribute('aria-current', 'page');
	await hydrated(page);
}

async function pay(page: Page, keys: Keys, lines: Line[], tenders: TenderInput[]): Promise<string> {
	for (const [i, line] of lines.entries()) {
		if (i > 0) await keys.press(page.getByRole('button', { name: 'Add another account' }));
		await keys.fill(page.locator(`#line-${i}-ref`), line.ref);
		await keys.fill(page.locator(`#line-${i}-amount`), line.amount);
	}
	await payWith(page, keys, tenders);
	return submit(page, keys);
}

async function payWith(page: Page, keys: Keys, tenders: TenderInput[]): Promise<void> {
	for (const [i, t] of tenders.entries()) {
		if (i > 0) await keys.press(page.getByRole('button', { name: 'Add another tender' }));
		await keys.choose(page.locator(`#tender-${i}-type`), t.type);
		await keys.fill(page.locator(`#tender-${i}-amount`), t.amount);
		if (t.type === 'check') {
			await keys.fill(page.locator(`#tender-${i}-checkNumber`), t.checkNumber);
			await keys.fill(page.locator(`#tender-${i}-bank`), t.bank);
			await keys.fill(page.locator(`#tender-${i}-payee`), t.payee);
			await keys.fill(page.locator(`#tender-${i}-writtenAmount`), t.writtenAmount ?? t.amount);
			await keys.fill(page.locator(`#tender-${i}-checkDate`), t.checkDate);
			await keys.press(page.locator(`[name="tenders[${i}].signed"]`), 'Space');
		} else if (t.type === 'card') {
			await keys.choose(page.locator(`#tender-${i}-brand`), t.brand);
			await keys.fill(page.locator(`#tender-${i}-last4`), t.last4);
		}
	}
}

async function submit(page: Page, keys: Keys): Promise<string> {
	await keys.press(page.getByRole('button', { name: 'Take payment and print receipt' }));
	await expect(page).toHaveURL(/\/receipts\/R-\d+/);
	await hydrated(page);
	// The receipt puts the focus on "Next payment".
	await expect(page.getByRole('link', { name: 'Next payment (p)' })).toBeFocused();
	return page.url().match(/receipts\/(R-\d+)/)![1]!;
}

async function approveByKeyboard(browser: Browser, url: string, receiptNo: string): Promise<void> {
	const context = await browser.newContext({ baseURL: url });
	const page = await context.newPage();
	const keys = new Keys(page);
	await signInByKeyboard(page, keys, 'supervisor');
	await open(page, '/supervisor/approvals');
	const card = page.getByTestId('queued-approval').filter({ hasText: receiptNo });
	await keys.press(card.getByRole('button', { name: 'Approve' }));
	await expect(page.getByRole('status')).toContainText('approved');
	await context.close();
}

test('the same day at the counter, keyboard only', async ({ page, browser, app }) => {
	const [a, b, c, d, e, f] = accountsOwing(6, 6);
	const world = demoWorld();
	const permit = Object.values(world.permits.permits).filter((p) => p.status === 'issued')[1]!;
	const defective = Object.values(world.payables.invoices).find((i) => i.status === 'pending' && screenInvoice(world.payables, i).length === 1)!;
	const defect = screenInvoice(world.payables, defective)[0]!;
	const keys = new Keys(page);

	await signInByKeyboard(page, keys, 'trainee');
	await keys.press(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clerk system' }));
	// The first visit builds the sandbox's city: allow it time on a busy machine.
	await expect(page).toHaveURL(/\/sandbox\/sb_[\w-]+$/, { timeout: 90_000 });
	await hydrated(page);

	// Open the drawer: the d shortcut lands on the first count box.
	await keys.shortcut('d');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cash drawer');
	await hydrated(page);
	for (const [key, pieces] of Object.entries(FLOAT_COUNTS)) await keys.fill(page.locator(`[name="count-${key}"]`), String(pieces));
	await page.keyboard.press('Enter');
	await expect(page.getByRole('status')).toContainText('Drawer open.');

	// Five payments, the p shortcut between them (the receipt leaves the focus on a link, not a field).
	await goTo(page, keys, 'Take payment');
	await expect(page.locator('#line-0-ref')).toBeFocused();
	await pay(page, keys, [{ ref: a!.number, amount: a!.due }], [{ type: 'cash', amount: Money.of(a!.due).plus(Money.of('20.00')).toString() }]);
	await expect(page.getByTestId('receipt-change')).toHaveText('$20.00');
	for (const [lines, tenders] of [
		[[{ ref: b!.number, amount: b!.due }], [{ type: 'check', amount: b!.due, checkNumber: '3001', bank: 'Chase', payee: 'City of Tracy', checkDate: CHECK_DATE }]],
		[[{ ref: c!.number, amount: c!.due }], [{ type: 'card', amount: c!.due, brand: 'Discover', last4: '6011' }]],
		[[{ ref: d!.number, amount: d!.due }, { ref: e!.number, amount: '10.00' }], [{ type: 'cash', amount: Money.of(d!.due).plus(Money.of('10.00')).toString() }]]
	] as Array<[Line[], TenderInput[]]>) {
		await keys.shortcut('p');
		await expect(page.locator('#line-0-ref')).toBeFocused();
		await hydrated(page);
		await pay(page, keys, lines, tenders);
	}
	await keys.shortcut('p');
	await hydrated(page);
	const partial = await pay(page, keys, [{ ref: f!.number, amount: '20.00' }], [{ type: 'cash', amount: '20.00' }]);

	// Void it with a supervisor's approval.
	await keys.press(page.getByText('Void this receipt'));
	await keys.fill(page.getByLabel('Reason for the void'), 'Wrong amount keyed');
	await keys.press(page.getByLabel('The customer returned their copy of the receipt'), 'Space');
	await keys.press(page.getByRole('button', { name: 'Void receipt' }));
	await keys.press(page.getByRole('button', { name: 'Request supervisor approval' }));
	await expect(page.getByRole('status')).toContainText('Sent to a supervisor');
	await approveByKeyboard(browser, app.url, partial);

	// Start service for a tenant; take the deposit.
	await goTo(page, keys, 'Utility');
	await keys.press(page.getByRole('link', { name: 'Start service' }));
	await hydrated(page);
	await expect(page.getByLabel('Customer name')).toBeFocused();
	await page.keyboard.type('Lee Keyboard');
	await keys.fill(page.getByLabel('Phone'), '209-555-0191');
	await keys.fill(page.getByLabel('Mailing address'), '12 Tab Ct, Tracy, CA 95376');
	await keys.fill(page.getByLabel('Service address'), '12 Tab Ct');
	await keys.focus(page.getByRole('radio', { name: /^owner/ }));
	await page.keyboard.press('ArrowDown');
	await expect(page.getByRole('radio', { name: /^tenant/ })).toBeChecked();
	await keys.fill(page.getByLabel('Meter reading at start (HCF)'), '55');
	await keys.press(page.getByLabel('I checked the customer’s photo ID'), 'Space');
	await keys.press(page.getByRole('button', { name: 'Start service' }));
	await expect(page.getByTestId('deposit-due')).toHaveText('$175.00');
	await keys.press(page.getByRole('link', { name: 'Take the deposit payment' }).first());
	await hydrated(page);
	await payWith(page, keys, [{ type: 'cash', amount: '175.00' }]);
	await submit(page, keys);

	// Renew a license: search, preview, file (focus lands on Take payment), pay by check.
	await keys.shortcut('l');
	await hydrated(page);
	await keys.fill(page.getByLabel('Find a business'), 'herrera & gonzalez');
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/q=herrera/);
	await hydrated(page);
	await keys.press(page.getByRole('link', { name: 'Herrera & Gonzalez Furniture' }));
	await hydrated(page);
	await keys.fill(page.getByLabel('Reported gross receipts'), '300,000.00');
	await keys.press(page.getByRole('button', { name: 'Preview fees' }));
	const file = page.getByRole('button', { name: /File the renewal/ });
	await expect(file).toBeFocused();
	const total = /\$([\d,]+\.\d\d)/.exec((await file.textContent())!)![1]!.replace(/,/g, '');
	await page.keyboard.press('Enter');
	await expect(page.locator('#take-payment')).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/pay\?kind=license/);
	await hydrated(page);
	await payWith(page, keys, [{ type: 'check', amount: total, checkNumber: '3002', bank: 'US Bank', payee: 'City of Tracy', checkDate: CHECK_DATE }]);
	await submit(page, keys);

	// Collect a permit fee.
	await keys.shortcut('e');
	await hydrated(page);
	await keys.fill(page.getByLabel('Find a permit'), permit.number);
	await page.keyboard.press('Enter');
	await hydrated(page);
	await keys.press(page.getByRole('link', { name: permit.number }).first());
	await hydrated(page);
	await keys.press(page.getByTestId('collect-fee'));
	await hydrated(page);
	await payWith(page, keys, [{ type: 'cash', amount: permit.total.toString() }]);
	await submit(page, keys);

	// The mail: m lands on the first Stamp button; Enter stamps and moves to the next.
	const items = Object.values(world.mail.items).filter((i) => !i.stampedOn);
	await keys.shortcut('m');
	await hydrated(page);
	await expect(page.getByRole('button', { name: 'Stamp received' }).first()).toBeFocused();
	for (let left = items.length; left > 0; left--) {
		await page.keyboard.press('Enter');
		await expect(page.getByText(`${left - 1} to stamp`)).toBeVisible();
	}
	const plain = items.find((i) => !i.enclosure)!;
	const card = page.locator(`#item-${plain.id}`);
	await keys.choose(card.getByLabel('Route to'), 'City Clerk');
	await keys.press(card.getByRole('button', { name: 'Route' }));
	await expect(page.getByRole('status')).toContainText(`${plain.id} is routed to City Clerk`);

	// Return the defective vendor invoice.
	await goTo(page, keys, 'Vendor invoices');
	await keys.press(page.getByRole('link', { name: defective.id }));
	await hydrated(page);
	await keys.press(page.locator(`input[name="reasons"][value="${defect}"]`), 'Space');
	await keys.fill(page.getByLabel('Note to the department'), 'Returned for correction.');
	await keys.press(page.getByRole('button', { name: `Return ${defective.id}` }));
	await expect(page.getByRole('status')).toContainText(`${defective.id} is returned to the department`);

	// Close out balanced.
	const cashKept = [a!.due, d!.due, '10.00', '175.00', permit.total.toString()].reduce((acc, x) => acc.plus(Money.of(x)), Money.ZERO);
	const checks = Money.of(b!.due).plus(Money.of(total));
	await goTo(page, keys, 'Drawer');
	for (const [key, pieces] of Object.entries(countOf(Money.of('200.00').plus(cashKept)))) await keys.fill(page.locator(`[name="count-${key}"]`), String(pieces));
	await keys.fill(page.locator('[name="checks.count"]'), '2');
	await keys.fill(page.locator('[name="checks.total"]'), checks.toString());
	await keys.fill(page.getByLabel('Card batch total'), c!.due);
	await keys.press(page.getByRole('button', { name: 'Close out drawer' }));
	await expect(page.getByTestId('over-short')).toHaveText('Balanced');
	await expect(page.getByTestId('deposit-total')).toContainText(cashKept.plus(checks).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ','));
});
