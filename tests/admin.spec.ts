import { expect, hydrated, open, signIn, signOut, test } from './fixtures';

test('an admin creates a user, assigns roles, resets the password and deactivates them', async ({ page }) => {
	await signIn(page, 'admin');
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();

	// Bad input: every problem is explained and nothing is created.
	await page.getByLabel('Username').fill('Bad Name');
	await page.getByLabel('Temporary password').fill('short');
	await page.getByRole('button', { name: 'Create user' }).click();
	await expect(page.getByText('The account was not created.')).toBeVisible();
	await expect(page.getByText(/Username must be 2–32 characters/)).toBeVisible();
	await expect(page.getByText('Enter the person’s name', { exact: false })).toBeVisible();
	await expect(page.getByText('Password must be at least 8 characters.')).toBeVisible();
	await expect(page.getByRole('cell', { name: 'Bad Name' })).toHaveCount(0);

	await page.getByLabel('Username').fill('dlopez');
	await page.getByLabel('Full name').fill('Dana Lopez');
	await page.getByLabel('Trainee').uncheck();
	await page.getByLabel('HR analyst').check();
	await page.getByLabel('Temporary password').fill('first-pass-1');
	await page.getByRole('button', { name: 'Create user' }).click();
	await expect(page.getByRole('status')).toContainText('Created the account dlopez');
	const row = page.getByRole('table', { name: 'All user accounts' }).getByRole('row', { name: /dlopez/ });
	await expect(row).toContainText('HR analyst');
	await expect(page.getByRole('table', { name: 'Recent administration activity, newest first' })).toContainText('created user');

	await row.getByRole('link', { name: /Manage/ }).click();
	await expect(page.getByRole('heading', { name: 'Roles', exact: true })).toBeVisible();
	await hydrated(page);
	await page.getByLabel('Supervisor').check();
	await page.getByRole('button', { name: 'Save roles' }).click();
	await expect(page.getByRole('status')).toHaveText('Roles saved.');
	await page.getByLabel('New temporary password').fill('second-pass-2');
	await page.getByRole('button', { name: 'Reset password' }).click();
	await expect(page.getByRole('status')).toContainText('Password reset');
	const manageUrl = page.url();
	await signOut(page);

	// The new user signs in with the reset password and has both roles' areas.
	await signIn(page, 'dlopez', 'second-pass-2');
	const nav = page.getByRole('navigation', { name: 'Main' });
	await expect(nav.getByRole('link', { name: 'HR exams' })).toBeVisible();
	await expect(nav.getByRole('link', { name: 'Supervisor' })).toBeVisible();
	await expect(nav.getByRole('link', { name: 'Admin' })).toHaveCount(0);
	await signOut(page);

	await signIn(page, 'admin');
	await open(page, manageUrl);
	await page.getByRole('button', { name: 'Deactivate dlopez' }).click();
	await expect(page.getByRole('status')).toContainText('Account deactivated');
	await signOut(page);

	await page.getByLabel('Username').fill('dlopez');
	await page.getByLabel('Password').fill('second-pass-2');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('alert')).toContainText('This account has been deactivated');
});

test('an admin cannot remove their own admin role or deactivate themselves', async ({ page }) => {
	await signIn(page, 'admin');
	await open(page, '/admin');
	await page.getByRole('row', { name: /Sam Whitfield/ }).getByRole('link', { name: /Manage/ }).click();
	await expect(page.getByRole('heading', { name: 'Roles', exact: true })).toBeVisible();
	await hydrated(page);
	await page.getByLabel('Administrator').uncheck();
	await page.getByLabel('Trainee').check();
	await page.getByRole('button', { name: 'Save roles' }).click();
	await expect(page.getByText('You cannot remove your own admin role; ask another administrator.')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Deactivate admin' })).toBeDisabled();
	await open(page, '/admin');
	await expect(page.getByRole('row', { name: /Sam Whitfield/ })).toContainText('Administrator');
});

test('deactivating a user ends their open session at once', async ({ browser, page, app }) => {
	const traineeContext = await browser.newContext({ baseURL: app.url });
	const traineePage = await traineeContext.newPage();
	await signIn(traineePage, 'trainee3');

	await signIn(page, 'admin');
	await open(page, '/admin');
	await page.getByRole('row', { name: /trainee3/ }).getByRole('link', { name: /Manage/ }).click();
	await expect(page.getByRole('heading', { name: 'Roles', exact: true })).toBeVisible();
	await hydrated(page);
	await page.getByRole('button', { name: 'Deactivate trainee3' }).click();
	await expect(page.getByRole('status')).toContainText('Account deactivated');

	await traineePage.goto('/train');
	await expect(traineePage).toHaveURL(/\/login\?next=%2Ftrain$/);
	await traineeContext.close();
});
