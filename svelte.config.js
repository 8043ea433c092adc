import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		// BUILD_DIR / KIT_OUT_DIR let parallel checkouts of work build side by side; defaults otherwise.
		adapter: adapter({ out: process.env.BUILD_DIR || 'build' }),
		outDir: process.env.KIT_OUT_DIR || '.svelte-kit',
		// Forms are posted by clerks at the counter; keep Kit's same-origin check on.
		csrf: { trustedOrigins: [] }
	}
};

export default config;
