import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test';
import { freshDataDir, removeDir, startServer, type RunningServer } from './server';

export const DEMO_PASSWORD = 'tracy-demo';

/** Every test runs against its own server and its own copy of the demo data dir. */
export const test = base.extend<{ app: RunningServer }>({
	app: async ({}, use) => {
		const dir = await freshDataDir();
		const server = await startServer(dir);
		await use(server);
		await server.stop();
		await removeDir(dir);
	},
	baseURL: async ({ app }, use) => {
		await use(app.url);
	}
});
export { expect };

/** Wait until the page has hydrated, so clicks and typing are not undone by hydration. */
export async function hydrated(page: Page): Promise<void> {
	await page.locator('body[data-hydrated="true"]').waitFor();
}

/** A full page load that is ready for interaction. */
export async function open(page: Page, path: string) {
	const response = await page.goto(path);
	await hydrated(page);
	return response;
}

export async function signIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
	await open(page, '/login');
	await page.getByLabel('Username').fill(username);
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

export async function signOut(page: Page): Promise<void> {
	await page.getByRole('button', { name: 'Sign out' }).click();
	await expect(page).toHaveURL(/\/login$/);
}

/** Sign in through the form with an API client (cookies kept in the context). */
export async function apiSignIn(request: APIRequestContext, baseURL: string, username: string, password = DEMO_PASSWORD): Promise<void> {
	const res = await request.post('/login', {
		form: { username, password },
		headers: { origin: baseURL, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(res.status(), `sign-in of ${username}`).toBe(303);
}

/** WCAG 2.1 A and AA checks with axe; fails listing each violation. */
export async function expectAccessible(page: Page, label = page.url()): Promise<void> {
	const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
	const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
	expect(summary, `axe violations on ${label}`).toEqual([]);
}
