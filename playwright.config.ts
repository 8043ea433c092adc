import { defineConfig, devices } from '@playwright/test';

// Debian's Chromium (Playwright's own browser download is not available here).
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export default defineConfig({
	testDir: 'tests',
	globalSetup: './tests/global-setup.ts',
	fullyParallel: true,
	workers: process.env.PW_WORKERS ? Number.parseInt(process.env.PW_WORKERS, 10) : 2,
	retries: 0,
	timeout: 90_000,
	expect: { timeout: 15_000 },
	reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
	use: {
		...devices['Desktop Chrome'],
		trace: 'retain-on-failure',
		screenshot: 'only-on-failure',
		launchOptions: {
			executablePath,
			args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic']
		}
	}
});
