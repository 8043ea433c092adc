import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	test: {
		include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
		environment: 'node',
		// Each store test opens its own temp dir; keep files in one process for speed.
		pool: 'threads',
		// Property tests run hundreds of command sequences; on a busy 2-core machine 5 s is too tight.
		testTimeout: 60_000
	}
});
