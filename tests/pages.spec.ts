import { expect, expectAccessible, signIn, test } from './fixtures';

test('the sign-in page, 404 page and 403 page are accessible', async ({ page }) => {
	await page.goto('/login');
	await expectAccessible(page, 'login');
	await page.getByRole('button', { name: 'Sign in' }).click(); // empty form: browser validation keeps us here
	await page.getByLabel('Username').fill('trainee');
	await page.getByLabel('Password').fill('wrong-password');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('alert')).toBeVisible();
	await expectAccessible(page, 'login with error');

	await signIn(page, 'trainee');
	const missing = await page.goto('/no-such-page');
	expect(missing?.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
	await expectAccessible(page, '404');
	const forbidden = await page.goto('/hr');
	expect(forbidden?.status()).toBe(403);
	await expectAccessible(page, '403');
});

/** Every page each role can reach, checked with axe. */
const PAGES: Record<string, string[]> = {
	trainee: ['/', '/policy', '/account', '/train', '/train/lessons/welcome', '/sandbox', '/exams'],
	supervisor: ['/', '/supervisor', '/train', '/sandbox'],
	hr: ['/', '/hr', '/exams'],
	admin: ['/', '/admin', '/admin/users/u1']
};

for (const [role, paths] of Object.entries(PAGES)) {
	test(`every ${role} page passes axe (WCAG 2.1 A/AA)`, async ({ page }) => {
		await signIn(page, role);
		for (const path of paths) {
			const res = await page.goto(path);
			expect(res?.status(), path).toBe(200);
			await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
			await expectAccessible(page, `${role} ${path}`);
		}
	});
}

test('a trainee opens the welcome lesson from the home page and reads the policies', async ({ page }) => {
	await signIn(page, 'trainee');
	await page.getByRole('link', { name: 'Open the lesson' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText("Welcome: the Account Clerk's day");
	await expect(page.getByRole('navigation', { name: 'In this lesson' })).toBeVisible();
	await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
	await page.getByRole('link', { name: 'Policies' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Finance Department policies (training edition)');
	await expect(page.getByRole('main')).toContainText('$175.00');
});

test('the skip link moves focus to the main content', async ({ page }) => {
	await signIn(page, 'trainee');
	await page.keyboard.press('Tab');
	const skip = page.getByRole('link', { name: 'Skip to main content' });
	await expect(skip).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/#main$/);
});
