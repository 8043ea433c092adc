import { request as playwrightRequest } from '@playwright/test';
import { apiSignIn, expect, signIn, test } from './fixtures';

/**
 * The access matrix, written out by hand as the product defines it (not derived from the app's
 * own table): 200 = opens, 403 = forbidden, 303 = sent to sign in.
 */
const PATHS = ['/', '/policy', '/account', '/train', '/train/lessons/welcome', '/sandbox', '/exams', '/supervisor', '/hr', '/admin', '/admin/users/u1'] as const;
type Path = (typeof PATHS)[number];
const OPEN_TO_ALL_SIGNED_IN: Path[] = ['/', '/policy', '/account'];
const AREA_ROLES: Record<Exclude<Path, '/' | '/policy' | '/account'>, string[]> = {
	'/train': ['trainee', 'supervisor'],
	'/train/lessons/welcome': ['trainee', 'supervisor'],
	'/sandbox': ['trainee', 'supervisor'],
	'/exams': ['trainee', 'hr'],
	'/supervisor': ['supervisor'],
	'/hr': ['hr'],
	'/admin': ['admin'],
	'/admin/users/u1': ['admin']
};
const USERS: Record<string, string> = { trainee: 'trainee', supervisor: 'supervisor', hr: 'hr', admin: 'admin' };

/** Paths that, when allowed, send the user on to their own copy (the clerk system opens their practice sandbox). */
const OPENS_OWN_COPY: Partial<Record<Path, RegExp>> = { '/sandbox': /^\/sandbox\/sb_[A-Za-z0-9_-]+$/ };

function expected(role: string | null, path: Path): number {
	if (role === null) return 303;
	if (OPEN_TO_ALL_SIGNED_IN.includes(path)) return 200;
	if (!AREA_ROLES[path as keyof typeof AREA_ROLES].includes(role)) return 403;
	return OPENS_OWN_COPY[path] ? 303 : 200;
}

test('every area answers exactly 200, 403 or a redirect to sign in, for every role', async ({ app }) => {
	const failures: string[] = [];
	for (const role of [null, ...Object.keys(USERS)]) {
		const ctx = await playwrightRequest.newContext({ baseURL: app.url });
		if (role) await apiSignIn(ctx, app.url, USERS[role]!);
		for (const path of PATHS) {
			const res = await ctx.get(path, { maxRedirects: 0, headers: { accept: 'text/html' } });
			const want = expected(role, path);
			if (res.status() !== want) failures.push(`${role ?? 'signed out'} ${path}: got ${res.status()}, want ${want}`);
			const location = res.headers()['location'] ?? '';
			const wantLocation = role === null ? /^\/login/ : OPENS_OWN_COPY[path];
			if (want === 303 && !wantLocation?.test(location)) failures.push(`${role ?? 'signed out'} ${path}: redirect goes to ${location}`);
		}
		await ctx.dispose();
	}
	expect(failures).toEqual([]);
});

test('a forbidden form post changes nothing', async ({ app }) => {
	const ctx = await playwrightRequest.newContext({ baseURL: app.url });
	await apiSignIn(ctx, app.url, 'trainee');
	const res = await ctx.post('/admin?/create', {
		form: { username: 'intruder', displayName: 'Intruder', roles: 'admin', password: 'long-enough-1' },
		headers: { origin: app.url, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(res.status()).toBe(403);
	await ctx.dispose();
	const admin = await playwrightRequest.newContext({ baseURL: app.url });
	await apiSignIn(admin, app.url, 'admin');
	expect(await (await admin.get('/admin')).text()).not.toContain('intruder');
	await admin.dispose();
});

test('the 403 page explains which roles open the area, inside the app shell', async ({ page }) => {
	await signIn(page, 'trainee');
	const res = await page.goto('/admin');
	expect(res?.status()).toBe(403);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('You do not have access to this page');
	await expect(page.getByRole('main')).toContainText('Admin is open only to admin accounts.');
	await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
});

test('client-side navigation into a forbidden area shows the 403 page too', async ({ page }) => {
	await signIn(page, 'hr');
	// A link the nav would never show, followed in the browser without a full page load.
	await page.evaluate(() => {
		const a = document.createElement('a');
		a.href = '/admin';
		a.textContent = 'sneaky';
		document.querySelector('main')!.append(a);
	});
	await page.getByRole('link', { name: 'sneaky' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('You do not have access to this page');
});
