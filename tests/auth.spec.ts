import { expect, signIn, signOut, test } from './fixtures';

const DEMO = [
	{ username: 'trainee', name: 'Maria Delgado', heading: 'Your training' },
	{ username: 'trainee2', name: 'James Okafor', heading: 'Your training' },
	{ username: 'trainee3', name: 'Lin Chen', heading: 'Your training' },
	{ username: 'supervisor', name: 'Patricia Nguyen', heading: 'Your team' },
	{ username: 'hr', name: 'Robert Hayes', heading: 'Written exams' },
	{ username: 'admin', name: 'Sam Whitfield', heading: 'Administration' }
];

test('each demo user signs in, sees their home page, and signs out', async ({ page }) => {
	for (const u of DEMO) {
		await signIn(page, u.username);
		await expect(page).toHaveURL(/\/$/);
		await expect(page.getByRole('heading', { level: 1 })).toContainText(u.name.split(' ')[0]!);
		await expect(page.getByRole('heading', { name: u.heading })).toBeVisible();
		await expect(page.getByRole('banner')).toContainText(u.name);
		await signOut(page);
		// Signed out for real: the home page sends us back to sign in.
		await page.goto('/');
		await expect(page).toHaveURL(/\/login$/);
	}
});

test('a wrong password gets a clear message and keeps the username', async ({ page }) => {
	await page.goto('/login');
	await page.getByLabel('Username').fill('trainee');
	await page.getByLabel('Password').fill('not-the-password');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('alert')).toHaveText('The username or password is not right. Check them and try again.');
	await expect(page.getByLabel('Username')).toHaveValue('trainee');
	await expect(page.getByRole('button', { name: 'Sign out' })).toHaveCount(0);
});

test('five wrong passwords lock the username, even for the right password', async ({ page }) => {
	await page.goto('/login');
	for (let i = 0; i < 5; i++) {
		await page.getByLabel('Username').fill('hr');
		await page.getByLabel('Password').fill(`wrong-${i}`);
		await page.getByRole('button', { name: 'Sign in' }).click();
		await expect(page.getByRole('alert')).toContainText('not right');
	}
	await page.getByLabel('Password').fill('tracy-demo');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('alert')).toContainText('This account is locked for 15 minutes after 5 wrong passwords');
	// Another user at the same computer can still sign in.
	await signIn(page, 'admin');
});

test('sign-in returns the visitor to the page they asked for, and only on this site', async ({ page }) => {
	await page.goto('/policy');
	await expect(page).toHaveURL(/\/login\?next=%2Fpolicy$/);
	await page.getByLabel('Username').fill('trainee');
	await page.getByLabel('Password').fill('tracy-demo');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).toHaveURL(/\/policy$/);
	await signOut(page);
	await page.goto('/login?next=//evil.example/');
	await page.getByLabel('Username').fill('trainee');
	await page.getByLabel('Password').fill('tracy-demo');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/$/);
});

test('the session cookie is httpOnly and SameSite=Lax', async ({ page, context }) => {
	await signIn(page, 'trainee');
	const cookie = (await context.cookies()).find((c) => c.name === 'session');
	expect(cookie).toBeDefined();
	expect(cookie!.httpOnly).toBe(true);
	expect(cookie!.sameSite).toBe('Lax');
	expect(cookie!.value.length).toBeGreaterThanOrEqual(40);
});

test('a user changes their own password and signs in with the new one', async ({ page }) => {
	await signIn(page, 'trainee2');
	await page.getByRole('link', { name: /James Okafor/ }).click();
	await page.getByLabel('Current password').fill('wrong');
	await page.getByLabel('New password', { exact: true }).fill('new-password-1');
	await page.getByLabel('New password again').fill('new-password-1');
	await page.getByRole('button', { name: 'Change password' }).click();
	await expect(page.getByText('Your current password is not right.')).toBeVisible();
	await page.getByLabel('Current password').fill('tracy-demo');
	await page.getByLabel('New password', { exact: true }).fill('new-password-1');
	await page.getByLabel('New password again').fill('new-password-1');
	await page.getByRole('button', { name: 'Change password' }).click();
	await expect(page.getByRole('status')).toContainText('Your password was changed');
	await signOut(page);
	await signIn(page, 'trainee2', 'new-password-1');
});

test('/healthz answers 200 JSON without signing in', async ({ request }) => {
	const res = await request.get('/healthz');
	expect(res.status()).toBe(200);
	expect(res.headers()['content-type']).toContain('application/json');
	expect(await res.json()).toMatchObject({ status: 'ok' });
});
