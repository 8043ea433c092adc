import { expect, expectAccessible, hydrated, open, signIn, signOut, test } from './fixtures';

/**
 * The supervisor's pages on the living demo: the cohort's history made at data-dir creation,
 * an attempt replayed to its wrong posting, a letter graded, a practice approval decided,
 * a duty signed off, the CSV export, and who may see what.
 */

/** RFC 4180 records (quoted fields, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i]!;
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') {
				field += '"';
				i++;
			} else if (c === '"') quoted = false;
			else field += c;
		} else if (c === '"') quoted = true;
		else if (c === ',') {
			row.push(field);
			field = '';
		} else if (c === '\r' && text[i + 1] === '\n') {
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
			i++;
		} else field += c;
	}
	return rows;
}

test('the dashboard shows the demo cohort; a mistake is replayed step by step to the wrong posting', async ({ page }) => {
	await signIn(page, 'supervisor');
	await open(page, '/supervisor');
	const grid = page.getByTestId('mastery-grid');
	for (const name of ['Maria Delgado', 'James Okafor', 'Lin Chen']) await expect(grid).toContainText(name);
	// Maria mastered cashiering in the demo history: said in words, not only colour.
	await expect(page.getByTestId('trainee-row-trainee').locator('[data-status="mastered"]').first()).toContainText('Mastered');
	await expect(page.getByTestId('recent-attempts').getByRole('row')).toHaveCount(11);
	await expect(page.getByTestId('hardest').getByRole('row').nth(1)).toContainText('%');
	await expect(page.getByTestId('awaiting-review')).toHaveText('1');
	await expect(page.getByTestId('pending-approvals')).toHaveText('1');
	await expect(page.getByTestId('behind')).toContainText('James Okafor');
	await expectAccessible(page, 'supervisor dashboard');

	await grid.getByRole('link', { name: 'James Okafor' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('James Okafor');
	await hydrated(page);
	await expectAccessible(page, 'trainee page');
	// His practice exam, taken in the demo history through the exam code.
	await expect(page.getByTestId('exam-results').getByRole('row')).toHaveCount(2);
	await expect(page.getByTestId('exam-results')).toContainText('Practice exam');
	await page.getByLabel('Duty', { exact: true }).selectOption('cashiering');
	await page.getByLabel('Result', { exact: true }).selectOption('failed');
	await page.getByRole('button', { name: 'Filter' }).click();
	await expect(page).toHaveURL(/duty=cashiering/);
	const attempts = page.getByTestId('attempts');
	await expect(attempts.getByRole('row').nth(1)).toContainText('Not passed');
	await attempts.getByRole('link', { name: 'Cash payment at the counter, with change' }).first().click();

	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Replay: Cash payment at the counter, with change');
	await hydrated(page);
	const now = page.getByTestId('replay-step');
	await expect(now.getByRole('heading', { level: 2 })).toContainText('Start');
	await expect(page.getByTestId('check-payment-posted')).toContainText('✗ Missed');
	await expectAccessible(page, 'attempt replay');
	// Step forward with the keyboard to the payment James keyed: $108.82 for the $180.82 owed.
	await page.locator('body').press('ArrowRight');
	await expect(page).toHaveURL(/step=1$/);
	await expect(now.getByRole('heading', { level: 2 })).toContainText('Step 1 of 1: Payment taken');
	await expect(now).toContainText('$108.82');
	await expect(page.getByTestId('replay-postings')).toContainText('$108.82');
	await expect(page.getByTestId('replay-drawer')).toContainText('$91.18'); // the change he gave back
	await page.locator('body').press('ArrowLeft');
	await expect(page).toHaveURL(/step=0$/);
	await expect(now.getByRole('heading', { level: 2 })).toContainText('Start');
	// The step links work as plain links too.
	await now.getByRole('link', { name: 'Next step →' }).click();
	await expect(now.getByRole('heading', { level: 2 })).toContainText('Payment taken');
});

test('a letter is graded with the rubric; the trainee sees the score and the comment', async ({ page }) => {
	await signIn(page, 'supervisor');
	await open(page, '/supervisor/grading');
	await expectAccessible(page, 'grading queue');
	const queue = page.getByTestId('grading-queue');
	await expect(queue).toContainText('Lin Chen');
	await queue.getByRole('link', { name: /Grade/ }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Grade: A letter explaining a denied penalty waiver');
	await hydrated(page);
	const attemptId = new URL(page.url()).pathname.split('/').pop()!;
	await expect(page.getByTestId('written-letter')).toContainText('reason code WV-12');
	await expectAccessible(page, 'grading form');

	// Out of range first: a clear message, nothing saved.
	await page.getByLabel(/^1\. Says plainly/).fill('1');
	await page.getByLabel(/^2\. Explains the reason/).fill('0');
	await page.getByLabel(/^3\. Gets the facts right/).fill('1');
	await page.getByLabel(/^4\. Helps him avoid/).fill('0');
	await page.getByLabel(/^5\. Reads as a courteous/).fill('0');
	await page.getByLabel('Comment for the trainee').fill('Say why: name the August late payment, and leave out the reason code.');
	await page.getByRole('button', { name: 'Save the score' }).click();
	await expect(page).toHaveURL(/\/supervisor\/grading\?graded=1$/);
	await expect(page.getByRole('status')).toContainText('Graded');
	await expect(page.getByTestId('grading-queue')).toContainText('Nothing is waiting for grading.');
	await signOut(page);

	await signIn(page, 'trainee3');
	await open(page, `/train/attempts/${attemptId}`);
	await expect(page.getByText("Supervisor's comment: Say why: name the August late payment, and leave out the reason code.")).toBeVisible();
	// 2 of 10 points on the letter: the attempt is scored and no longer waiting.
	await expect(page.getByTestId('attempt-status')).toHaveText('Not passed');
});

test('an adjustment a trainee asked for in practice is approved, and posts in their sandbox', async ({ page }) => {
	await signIn(page, 'supervisor');
	await open(page, '/supervisor');
	await page.getByRole('link', { name: 'Approval requests from your cohort' }).click();
	await hydrated(page);
	const card = page.getByTestId('queued-approval').filter({ hasText: 'James Okafor' });
	await expect(card).toContainText('100-0022');
	await expect(card).toContainText('57.58');
	await expectAccessible(page, 'approval queue');
	await card.getByRole('button', { name: 'Approve' }).click();
	await expect(page.getByRole('status')).toContainText('approved');
	await signOut(page);

	await signIn(page, 'trainee2');
	await open(page, '/sandbox');
	const sb = new URL(page.url()).pathname;
	await open(page, `${sb}/approvals`);
	await expect(page.getByTestId('approval-row').first()).toContainText('Approved');
	await open(page, `${sb}/accounts/100-0022`);
	await expect(page.getByRole('main')).toContainText('57.58');
});

test('a mastered duty is signed off and shows on the printable training record', async ({ page }) => {
	await signIn(page, 'supervisor');
	await open(page, '/supervisor/trainees/u1');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Maria Delgado');
	const cashiering = page.getByTestId('duty-cashiering');
	await expect(cashiering).toContainText('Mastered');
	await cashiering.getByRole('button', { name: 'Sign off Cashiering' }).click();
	await expect(page.getByRole('status')).toContainText('Cashiering signed off for Maria Delgado.');
	await expect(cashiering).toContainText('Signed off');
	await expect(cashiering).toContainText('by Patricia Nguyen');
	// A duty not mastered cannot be signed off: there is no button, and a forged post is refused.
	await expect(page.getByTestId('duty-permits').getByRole('button')).toHaveCount(0);

	await page.getByRole('link', { name: 'Training record' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Training record: Maria Delgado');
	const record = page.getByTestId('record-duties');
	await expect(record.getByRole('row', { name: /Cashiering/ })).toContainText('Patricia Nguyen');
	await expectAccessible(page, 'training record');
	await page.emulateMedia({ media: 'print' });
	await expect(page.getByRole('navigation', { name: 'Supervisor' })).toBeHidden();
});

test('the CSV export holds exactly the rows on the screen', async ({ page }) => {
	await signIn(page, 'supervisor');
	await open(page, '/supervisor/export');
	await expectAccessible(page, 'export');
	const table = page.getByTestId('export-table');
	const all = await table.locator('tbody tr').count();
	expect(all).toBe(16); // every attempt of the demo history
	// Narrow to the last ten days.
	const from = new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10);
	await page.getByLabel('From').fill(from);
	await page.getByRole('button', { name: 'Show' }).click();
	await expect(page).toHaveURL(new RegExp(`from=${from}`));
	const screen = await table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent ?? '')));
	expect(screen.length).toBeGreaterThan(0);
	expect(screen.length).toBeLessThan(all);
	const header = await table.locator('thead th').allTextContents();

	const href = await page.getByTestId('csv-link').getAttribute('href');
	const res = await page.request.get(href!);
	expect(res.status()).toBe(200);
	expect(res.headers()['content-type']).toContain('text/csv');
	const csv = parseCsv(await res.text());
	expect(csv[0]).toEqual(header);
	expect(csv.slice(1)).toEqual(screen);
});

test('access: trainees cannot reach supervisor pages; a supervisor sees only their cohort', async ({ page, browser, app }) => {
	await signIn(page, 'trainee');
	for (const path of ['/supervisor', '/supervisor/trainees/u2', '/supervisor/grading', '/supervisor/export/attempts.csv', '/supervisor/cohort']) {
		const res = await page.goto(path);
		expect(res!.status(), path).toBe(403);
	}
	await open(page, '/');
	await signOut(page);

	// The administrator makes the HR analyst a supervisor too, and moves Lin Chen to their cohort.
	await signIn(page, 'admin');
	await open(page, '/admin/users/u5');
	await page.getByLabel('Supervisor').check();
	await page.getByRole('button', { name: 'Save roles' }).click();
	await expect(page.getByRole('status')).toHaveText('Roles saved.');
	await page.goto('/admin');
	await page.getByRole('link', { name: "Supervisors' cohorts" }).click();
	await hydrated(page);
	await expectAccessible(page, 'admin cohorts');
	await page.getByLabel('Supervisor of Lin Chen').selectOption({ label: 'Robert Hayes' });
	await page.getByRole('button', { name: "Save Lin Chen's supervisor" }).click();
	await expect(page.getByRole('status')).toHaveText('Saved.');
	await signOut(page);

	const other = await browser.newContext({ baseURL: app.url });
	const hr = await other.newPage();
	await signIn(hr, 'hr');
	await open(hr, '/supervisor');
	const grid = hr.getByTestId('mastery-grid');
	await expect(grid).toContainText('Lin Chen');
	await expect(grid).not.toContainText('Maria Delgado');
	await expect(grid).not.toContainText('James Okafor');
	for (const path of ['/supervisor/trainees/u1', '/supervisor/trainees/u1/record', '/supervisor/trainees/u2']) expect((await hr.goto(path))!.status(), path).toBe(404);
	expect((await hr.goto('/supervisor/trainees/u3'))!.status()).toBe(200);
	const csv = (await (await hr.request.get('/supervisor/export/attempts.csv')).text()).trim().split('\r\n');
	expect(csv.length).toBeGreaterThan(1);
	expect(csv.slice(1).every((line) => line.startsWith('Lin Chen,'))).toBe(true);
	await open(hr, '/supervisor/cohort');
	await expect(hr.getByText('Every active trainee has a supervisor.')).toBeVisible();
	await expect(hr.getByText(/Maria Delgado \(Patricia Nguyen\)/)).toBeVisible();
	await expectAccessible(hr, 'cohort page');

	// The demo supervisor no longer sees Lin; Maria's attempts are hers and not the other supervisor's.
	await signIn(page, 'supervisor');
	await open(page, '/supervisor');
	await expect(page.getByTestId('mastery-grid')).not.toContainText('Lin Chen');
	expect((await page.goto('/supervisor/trainees/u3'))!.status()).toBe(404);
	await open(page, '/supervisor/trainees/u1');
	const replay = await page.getByTestId('attempts').getByRole('link').first().getAttribute('href');
	expect((await page.goto(replay!))!.status()).toBe(200);
	expect((await hr.goto(replay!))!.status()).toBe(404);
	await other.close();
});
