import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildWorld } from './world';

describe('buildWorld with WORLD_CACHE_DIR', () => {
	const saved = process.env.WORLD_CACHE_DIR;
	afterEach(() => {
		if (saved === undefined) delete process.env.WORLD_CACHE_DIR;
		else process.env.WORLD_CACHE_DIR = saved;
	});

	it('replays the cached events into exactly the state the generator builds', () => {
		const dir = mkdtempSync(join(tmpdir(), 'world-cache-'));
		try {
			delete process.env.WORLD_CACHE_DIR;
			const generated = JSON.stringify(buildWorld({ seed: 'cache-test', preset: 'small' }));
			process.env.WORLD_CACHE_DIR = dir;
			const first = JSON.stringify(buildWorld({ seed: 'cache-test', preset: 'small' }));
			expect(existsSync(join(dir, 'small-cache-test.json'))).toBe(true);
			const replayed = JSON.stringify(buildWorld({ seed: 'cache-test', preset: 'small' }));
			expect(first).toBe(generated);
			expect(replayed).toBe(generated);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it('refuses an unknown preset', () => {
		expect(() => buildWorld({ seed: 'x', preset: 'huge' })).toThrow(/Unknown world preset/);
	});
});
