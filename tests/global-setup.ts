import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUILD, startServer } from './server';

/** Make the demo data dir once (users are hashed with scrypt: slow to redo per test); tests copy it. */
export default async function globalSetup(): Promise<void> {
	if (!existsSync(join(BUILD, 'index.js'))) throw new Error('No build found: run `npm run build` before the end-to-end tests.');
	// Test servers share one cache of the generated demo city (replaying it is faster than generating it).
	process.env.WORLD_CACHE_DIR = await mkdtemp(join(tmpdir(), 'clerk-e2e-worlds-'));
	const template = await mkdtemp(join(tmpdir(), 'clerk-e2e-template-'));
	// The template server also builds the demo city once, into the cache every test server reads.
	const server = await startServer(template, { WARM_WORLD: '1' }, 240_000);
	await server.stop();
	process.env.E2E_TEMPLATE_DATA_DIR = template;
}
