import { resolve } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, expectAccessible, hydrated, open, signIn, signOut, test } from './fixtures';

const SAMPLE = resolve(import.meta.dirname, 'fixtures/hr-import.gift');
const SAMPLE_IDS = ['dog-license-renewal', 'receipt-copies', 'drawer-float-count', 'spell-remittance'];

/** Preview the sample file under a topic (the form is left as HR filled it). */
async function previewSample(page: Page): Promise<void> {
	await open(page, '/hr/items/import');
	await page.getByLabel('GIFT file').setInputFiles(SAMPLE);
	await page.getByLabel(/^Topic/).selectOption({ label: 'Cash handling' });
	await page.getByLabel('Tags').fill('counter, Imported-2026');
	await page.getByRole('button', { name: 'Preview the items' }).click();
	await expect(page.getByRole('heading', { name: 'Preview of hr-import.gift' })).toBeVisible();
}

/** Press Tab until `target` has the focus (keyboard only), failing after `max` presses. */
async function tabTo(page: Page, target: Locator, max = 40): Promise<void> {
	for (let i = 0; i < max; i++) {
		if (await target.evaluate((el) => el === document.activeElement)) return;
		await page.keyboard.press('Tab');
	}
	await expect(target).toBeFocused();
}

test('HR browses the bank: counts, filters, search, and an item with its key', async ({ page }) => {
	await signIn(page, 'hr');
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'HR exams' }).click();
	await expect(page.getByRole('heading', { name: 'HR exams', level: 1 })).toBeVisible();
	await expect(page.getByText(/come with the HR administration work/)).toBeVisible();
	await expectAccessible(page, '/hr');

	await page.getByRole('link', { name: 'Item bank' }).click();
	await expect(page.getByRole('heading', { name: 'Item bank', level: 1 })).toBeVisible();
	await hydrated(page);
	await expectAccessible(page, '/hr/items');

	// The counts table: one row per topic, the whole bank in the footer.
	const counts = page.getByRole('table', { name: /Items by topic \(rows\) and kind \(columns\)/ });
	const cashRow = counts.getByRole('row', { name: /^Cash handling/ });
	await expect(cashRow).toBeVisible();
	const bankTotal = Number(await counts.locator('tfoot td.total').innerText());
	expect(bankTotal).toBeGreaterThanOrEqual(85);
	await expect(page.getByText(`Showing 1–50 of ${bankTotal} matching items.`)).toBeVisible();

	// Filter by topic and kind with the form.
	await page.getByLabel('Topic', { exact: true }).selectOption({ label: 'Cash handling' });
	await page.getByLabel('Kind', { exact: true }).selectOption({ label: 'Multiple choice' });
	await page.getByRole('button', { name: 'Show items' }).click();
	await expect(page).toHaveURL(/topic=cashiering/);
	await expect(page).toHaveURL(/kind=multiple-choice/);
	const rows = page.getByTestId('item-row');
	await expect(rows.first()).toBeVisible();
	for (const row of await rows.all()) {
		await expect(row).toContainText('Cash handling');
		await expect(row).toContainText('Multiple choice');
	}
	await expect(rows.filter({ hasText: 'check-acceptance' })).toHaveCount(1);
	// The counts follow the filters.
	expect(Number(await counts.locator('tfoot td.total').innerText())).toBe(await rows.count());

	// Tag and difficulty filters, then a search in the questions.
	await open(page, '/hr/items');
	await page.getByLabel('Tag', { exact: true }).selectOption('checks');
	await page.getByLabel('Difficulty', { exact: true }).selectOption({ label: 'Medium' });
	await page.getByRole('button', { name: 'Show items' }).click();
	await expect(page).toHaveURL(/tag=checks/);
	await expect(rows.filter({ hasText: 'check-acceptance' })).toHaveCount(1);
	for (const row of await rows.all()) await expect(row).toContainText('Medium');

	await open(page, '/hr/items');
	await page.getByLabel('Search the questions').fill('envelope postmarked');
	await page.getByRole('button', { name: 'Show items' }).click();
	await expect(rows.filter({ hasText: 'postmark-rule' })).toHaveCount(1);
	await page.getByLabel('Search the questions').fill('zebra-crossing-nowhere');
	await page.getByRole('button', { name: 'Show items' }).click();
	await expect(page.getByText('No item matches these filters.')).toBeVisible();
	await expectAccessible(page, '/hr/items with no match');

	// A count in the table opens the list filtered to that cell.
	await open(page, '/hr/items');
	await counts.getByRole('link', { name: 'Multiple choice items in Cash handling' }).click();
	await expect(page).toHaveURL(/topic=cashiering&kind=multiple-choice/);

	// The item as a candidate sees it, and its key with the feedback.
	await rows.getByRole('link', { name: 'check-acceptance' }).click();
	await expect(page.getByRole('heading', { name: 'Item check-acceptance', level: 1 })).toBeVisible();
	await expect(page.getByTestId('item-source')).toHaveText(/Content file .*items\/check-acceptance\.md/);
	const candidate = page.getByRole('region', { name: 'As the candidate sees it' });
	await expect(candidate).toContainText('Which checks must you refuse?');
	await expect(candidate).toContainText('A check dated next Friday');
	await expect(candidate).not.toContainText('Correct');
	const key = page.getByRole('region', { name: 'Key and feedback' });
	await expect(key.getByRole('listitem').filter({ hasText: 'A check dated next Friday' })).toContainText('✓ Correct');
	await expect(key.getByRole('listitem').filter({ hasText: 'A check dated next Friday' })).toContainText('A post-dated check cannot be accepted.');
	await expect(key.getByRole('listitem').filter({ hasText: 'A check dated 90 days ago' })).toContainText('✗ Wrong');
	await expect(key).toContainText('Accept a check only when it is payable to');
	await expectAccessible(page, '/hr/items/check-acceptance');

	// A numeric key and a true/false key read plainly.
	await open(page, '/hr/items/postmark-rule');
	await expect(page.getByRole('region', { name: 'Key and feedback' })).toContainText('The statement is false.');
	await expectAccessible(page, '/hr/items/postmark-rule');

	// An id that is not in the bank is a 404, not an error.
	const missing = await page.goto('/hr/items/no-such-item');
	expect(missing?.status()).toBe(404);
});

test('HR imports a GIFT file: preview with its rejection, add, find the items, and importing again is refused', async ({ page, context }) => {
	await signIn(page, 'hr');
	await open(page, '/hr/items/import');
	await expectAccessible(page, '/hr/items/import');

	// No topic: a clear message on the field, nothing previewed.
	await page.getByLabel('GIFT file').setInputFiles(SAMPLE);
	await page.getByLabel(/^Topic/).evaluate((el) => el.removeAttribute('required'));
	await page.getByRole('button', { name: 'Preview the items' }).click();
	await expect(page.getByRole('alert')).toContainText('Choose the topic the imported items belong to');
	await expect(page.getByLabel(/^Topic/)).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByLabel(/^Topic/)).toBeFocused();
	await expectAccessible(page, '/hr/items/import with an error');

	await previewSample(page);
	await expect(page.getByTestId('preview-summary')).toContainText('4 items can be added; 1 question is rejected and will not be added.');
	const rejected = page.getByRole('table', { name: 'Rejected questions' });
	await expect(rejected.getByTestId('rejected-row')).toHaveCount(1);
	await expect(rejected.getByTestId('rejected-row')).toContainText('19');
	await expect(rejected.getByTestId('rejected-row')).toContainText('Partial credit choice');
	await expect(rejected.getByTestId('rejected-row')).toContainText('partial credit (50%) in a one-answer question is not supported');
	const previewed = page.getByTestId('preview-item');
	await expect(previewed).toHaveCount(4);
	const dog = previewed.filter({ hasText: 'Line 4: Dog license renewal' });
	await expect(dog.getByRole('region', { name: 'As the candidate sees it — line 4' })).toContainText('The renewal fee alone');
	await expect(dog.getByRole('region', { name: 'Key and feedback — line 4' }).getByRole('listitem').filter({ hasText: 'The renewal fee plus the late fee' })).toContainText(
		'✓ Correct'
	);
	await expect(previewed.filter({ hasText: 'Line 12: Drawer float count' })).toContainText('Answer: 200');
	await expectAccessible(page, '/hr/items/import preview');

	// A second tab previews the same file, to try adding it after this one has.
	const other = await context.newPage();
	await previewSample(other);

	await page.getByRole('button', { name: 'Add 4 items to the bank' }).click();
	const added = page.getByRole('status');
	await expect(added).toContainText('Added 4 items to the bank from hr-import.gift');
	await expect(added).toBeFocused();
	for (const id of SAMPLE_IDS) await expect(added.getByRole('link', { name: id })).toBeVisible();
	await expect(page.getByLabel('GIFT file')).toHaveValue('');
	await expectAccessible(page, '/hr/items/import after adding');

	// The stale preview is refused on the server: the ids are taken now; nothing changes.
	await other.getByRole('button', { name: 'Add 4 items to the bank' }).click();
	await expect(other.locator('#add-error')).toContainText('Nothing was added: 4 items with the ids “dog-license-renewal”');
	await expect(other.locator('#add-error')).toContainText('already in the bank');
	await expect(other.getByRole('button', { name: /Add \d+ items? to the bank/ })).toHaveCount(0);
	await other.close();

	// The items are in the bank list, marked imported, with who imported them.
	await added.getByRole('link', { name: 'See every imported item in the bank' }).click();
	await expect(page).toHaveURL(/origin=imported/);
	const rows = page.getByTestId('item-row');
	await expect(rows).toHaveCount(4);
	for (const id of SAMPLE_IDS) await expect(rows.filter({ hasText: id })).toContainText('Imported');
	await expect(rows.first()).toContainText('Cash handling');
	await expect(rows.first()).toContainText('counter, imported-2026');
	await rows.getByRole('link', { name: 'drawer-float-count' }).click();
	await expect(page.getByTestId('item-source')).toHaveText(/Imported by Robert Hayes on .* from hr-import\.gift/);
	await expect(page.getByRole('region', { name: 'Key and feedback' })).toContainText('Answer: 200');
	await expectAccessible(page, '/hr/items/drawer-float-count');

	// Importing the same file again: the preview says the ids are taken and offers no add.
	await previewSample(page);
	await expect(page.getByTestId('preview-summary')).toContainText('4 items were read, 4 of them already in the bank; 1 question is rejected');
	await expect(page.getByText(/4 items have ids already in the bank/)).toBeVisible();
	await expect(page.getByRole('button', { name: /Add \d+ items? to the bank/ })).toHaveCount(0);
	await expect(page.getByTestId('preview-item').getByText('Already in the bank')).toHaveCount(4);
	await open(page, '/hr/items?origin=imported');
	await expect(page.getByTestId('item-row')).toHaveCount(4);
});

test('bad uploads and text are refused with a clear message and change nothing', async ({ page }) => {
	await signIn(page, 'hr');
	await open(page, '/hr/items/import');
	const topic = page.getByLabel(/^Topic/);
	const file = page.getByLabel('GIFT file');
	const text = page.getByLabel('Or paste GIFT text');
	const preview = page.getByRole('button', { name: 'Preview the items' });
	const alert = page.getByRole('alert');
	await topic.selectOption({ label: 'Mail' });

	await preview.click();
	await expect(alert).toContainText('Choose a GIFT file (.gift or .txt) or paste GIFT text.');
	await expect(file).toBeFocused();

	await file.setInputFiles({ name: 'empty.gift', mimeType: 'text/plain', buffer: Buffer.alloc(0) });
	await preview.click();
	await expect(alert).toContainText('“empty.gift” is empty.');

	await file.setInputFiles({ name: 'scan.gift', mimeType: 'application/octet-stream', buffer: Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0xfe, 0x01]) });
	await preview.click();
	await expect(alert).toContainText('“scan.gift” is not a text file.');

	// Over the limit: the page says so before sending it (the no-JavaScript test sees the server say it).
	await file.setInputFiles({ name: 'huge.gift', mimeType: 'text/plain', buffer: Buffer.alloc(2 * 1024 * 1024, 'a') });
	await preview.click();
	await expect(alert).toContainText('“huge.gift” is 2,048 KB; a GIFT file may be at most 500 KB.');
	await expect(file).toBeFocused();

	await file.setInputFiles({ name: 'notes.gift', mimeType: 'text/plain', buffer: Buffer.from('// just a comment\n\n// and another\n') });
	await preview.click();
	await expect(alert).toContainText('No questions were found in “notes.gift”.');

	await file.setInputFiles([]);
	await text.fill('::One::Only one is right.{=a ~%50%b ~c}\n\n::Two::Nothing to score here.');
	await preview.click();
	await expect(page.getByTestId('preview-summary')).toContainText('0 items can be added; 2 questions are rejected');
	await expect(page.getByRole('table', { name: 'Rejected questions' }).getByTestId('rejected-row')).toHaveCount(2);
	await expect(page.getByText('Nothing can be added: every question was rejected.')).toBeVisible();
	await expect(page.getByRole('button', { name: /Add \d+ items? to the bank/ })).toHaveCount(0);

	// A bad tag is named with a suggestion.
	await page.getByLabel('Tags').fill('Late Fees!');
	await text.fill('::Q::A question.{T}');
	await preview.click();
	await expect(alert).toContainText('“fees!” is not a tag');
	await expect(page.getByLabel('Tags')).toBeFocused();

	await open(page, '/hr/items?origin=imported');
	await expect(page.getByText('No item matches these filters.')).toBeVisible();
});

test('a trainee cannot open or post to the HR item pages', async ({ page, app }) => {
	await signIn(page, 'trainee');
	for (const path of ['/hr/items', '/hr/items/check-acceptance', '/hr/items/import']) {
		const res = await page.goto(path);
		expect(res?.status(), path).toBe(403);
		await expect(page.getByRole('heading', { name: 'You do not have access to this page' })).toBeVisible();
	}
	await expectAccessible(page, '403 on /hr/items');
	const post = await page.request.post('/hr/items/import?/add', {
		multipart: { text: '::Sneaky::x{T}', topic: 'mail', source: 'x.gift' },
		headers: { origin: app.url }
	});
	expect(post.status()).toBe(403);
	await signOut(page);
	await signIn(page, 'hr');
	await open(page, '/hr/items?origin=imported');
	await expect(page.getByText('No item matches these filters.')).toBeVisible();
});

test('keyboard only: paste questions, preview them and add them', async ({ page }) => {
	await signIn(page, 'hr');
	await open(page, '/hr/items/import');
	await page.keyboard.press('Tab');
	await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
	await page.keyboard.press('Enter');

	const text = page.getByLabel('Or paste GIFT text');
	await tabTo(page, text);
	await page.keyboard.type('::Keyboard deposit::A tenant pays a deposit when service starts.{T}\n\n::Keyboard count::How many quarters make $2.00?{#8}');
	await page.keyboard.press('Tab');
	await expect(page.getByLabel(/^Topic/)).toBeFocused();
	// A closed select in Chromium picks the option whose label starts with the typed letters.
	await page.keyboard.type('Utility');
	await expect(page.getByLabel(/^Topic/)).toHaveValue('utility-billing');
	await tabTo(page, page.getByRole('button', { name: 'Preview the items' }));
	await page.keyboard.press('Enter');

	await expect(page.getByRole('heading', { name: 'Preview of the pasted text' })).toBeFocused();
	await expect(page.getByTestId('preview-summary')).toContainText('2 items can be added.');
	const add = page.getByRole('button', { name: 'Add 2 items to the bank' });
	await tabTo(page, add, 60);
	await page.keyboard.press('Enter');
	await expect(page.getByRole('status')).toBeFocused();
	await expect(page.getByRole('status')).toContainText('Added 2 items to the bank from pasted text');

	await tabTo(page, page.getByRole('link', { name: 'keyboard-count' }));
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { name: 'Item keyboard-count', level: 1 })).toBeVisible();
	await expect(page.getByRole('region', { name: 'Key and feedback' })).toContainText('Answer: 8');
});

test('the import works without JavaScript, and the server refuses files over the limit', async ({ browser, app }) => {
	const context = await browser.newContext({ baseURL: app.url, javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/login');
	await page.getByLabel('Username').fill('hr');
	await page.getByLabel('Password').fill('tracy-demo');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();

	const choose = async (file: Parameters<Locator['setInputFiles']>[0]) => {
		await page.goto('/hr/items/import');
		await page.getByLabel('GIFT file').setInputFiles(file);
		await page.getByLabel(/^Topic/).selectOption('customer-service');
		await page.getByRole('button', { name: 'Preview the items' }).click();
	};

	// Over 500 KB but within what the server reads: the size is named.
	await choose({ name: 'big.gift', mimeType: 'text/plain', buffer: Buffer.alloc(505 * 1024, 'a') });
	await expect(page.getByRole('alert')).toContainText('“big.gift” is 505 KB; a GIFT file may be at most 500 KB.');
	// Far over it: the server stops reading the upload and still answers with the limit.
	await choose({ name: 'huge.gift', mimeType: 'text/plain', buffer: Buffer.alloc(2 * 1024 * 1024, 'a') });
	await expect(page.getByRole('alert')).toContainText('The upload could not be read. A GIFT file may be at most 500 KB');

	await choose(SAMPLE);
	await expect(page.getByTestId('preview-summary')).toContainText('4 items can be added; 1 question is rejected');
	await page.getByRole('button', { name: 'Add 4 items to the bank' }).click();
	await expect(page.getByRole('status')).toContainText('Added 4 items to the bank from hr-import.gift');

	await page.goto('/hr/items?origin=imported&topic=customer-service');
	await expect(page.getByTestId('item-row')).toHaveCount(4);
	await context.close();
});
