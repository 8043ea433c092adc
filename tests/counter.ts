// Page helpers for the counter screens (drawer, take payment), shared by the workstation tests.
import type { Page } from '@playwright/test';
import { expect, hydrated, open } from './fixtures';

/** Sign-in must have happened: opens the user's practice sandbox and returns its base path. */
export async function practiceSandbox(page: Page): Promise<string> {
	await open(page, '/sandbox');
	await expect(page).toHaveURL(/\/sandbox\/sb_/);
	return new URL(page.url()).pathname;
}

export async function fillCounts(page: Page, counts: Record<string, number>): Promise<void> {
	for (const [key, pieces] of Object.entries(counts)) await page.locator(`[name="count-${key}"]`).fill(String(pieces));
}

export async function openDrawer(page: Page, sb: string, counts: Record<string, number>): Promise<void> {
	await open(page, `${sb}/drawer`);
	await fillCounts(page, counts);
	await page.getByRole('button', { name: 'Open drawer' }).click();
	await expect(page.getByRole('status')).toContainText('Drawer open.');
}

export type Line = { kind?: string; ref: string; amount: string };
export type TenderInput =
	| { type: 'cash'; amount: string }
	| { type: 'check'; amount: string; checkNumber: string; bank: string; payee: string; writtenAmount?: string; checkDate: string; signed?: boolean; twoParty?: boolean }
	| { type: 'money-order'; amount: string; number: string; issuer: string }
	| { type: 'card'; amount: string; brand: string; last4: string; channel?: 'counter' | 'phone' };

/** Fill the payment form (adding rows as needed) without submitting it. */
export async function fillPayment(page: Page, sb: string, lines: Line[], tenders: TenderInput[], postmark?: string): Promise<void> {
	await open(page, `${sb}/pay`);
	for (const [i, line] of lines.entries()) {
		if (i > 0) await page.getByRole('button', { name: 'Add another account' }).click();
		await page.locator(`#line-${i}-kind`).selectOption(line.kind ?? 'utility');
		await page.locator(`#line-${i}-ref`).fill(line.ref);
		await page.locator(`#line-${i}-amount`).fill(line.amount);
	}
	await fillTenders(page, tenders);
	if (postmark) await page.locator('#pay-postmark').fill(postmark);
}

/** Fill the tender rows of the payment form already on screen (adding rows as needed). */
export async function fillTenders(page: Page, tenders: TenderInput[]): Promise<void> {
	for (const [i, t] of tenders.entries()) {
		if (i > 0) await page.getByRole('button', { name: 'Add another tender' }).click();
		await page.locator(`#tender-${i}-type`).selectOption(t.type);
		await page.locator(`#tender-${i}-amount`).fill(t.amount);
		if (t.type === 'check') {
			await page.locator(`#tender-${i}-checkNumber`).fill(t.checkNumber);
			await page.locator(`#tender-${i}-bank`).fill(t.bank);
			await page.locator(`#tender-${i}-payee`).fill(t.payee);
			await page.locator(`#tender-${i}-writtenAmount`).fill(t.writtenAmount ?? t.amount);
			await page.locator(`#tender-${i}-checkDate`).fill(t.checkDate);
			if (t.signed !== false) await page.locator(`[name="tenders[${i}].signed"]`).check();
			if (t.twoParty) await page.locator(`[name="tenders[${i}].twoParty"]`).check();
		} else if (t.type === 'money-order') {
			await page.locator(`#tender-${i}-number`).fill(t.number);
			await page.locator(`#tender-${i}-issuer`).fill(t.issuer);
		} else if (t.type === 'card') {
			await page.locator(`#tender-${i}-brand`).selectOption(t.brand);
			await page.locator(`#tender-${i}-last4`).fill(t.last4);
			await page.locator(`#tender-${i}-channel`).selectOption(t.channel ?? 'counter');
		}
	}
}

/** Submit the payment form on screen; returns the receipt number. */
export async function submitPayment(page: Page): Promise<string> {
	await page.getByRole('button', { name: 'Take payment and print receipt' }).click();
	await expect(page).toHaveURL(/\/receipts\/R-\d+/);
	await hydrated(page);
	return page.url().match(/receipts\/(R-\d+)/)![1]!;
}

/** Take a payment through the form; returns the receipt number. */
export async function takePayment(page: Page, sb: string, lines: Line[], tenders: TenderInput[], postmark?: string): Promise<string> {
	await fillPayment(page, sb, lines, tenders, postmark);
	return submitPayment(page);
}
