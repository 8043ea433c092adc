import { mkdtemp, writeFile, mkdir } from 'node:fs/promises';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { BUILD, freePort, removeDir, ROOT, startServer } from './server';

test('a new data dir is created with the demo world and survives a restart', async () => {
	const dir = join(await mkdtemp(join(tmpdir(), 'clerk-start-')), 'nested', 'data');
	const first = await startServer(dir);
	expect(first.output()).toContain('Created a new demo data dir');
	await first.stop();
	const second = await startServer(dir);
	expect(second.output()).not.toContain('Created a new');
	await second.stop();
	await removeDir(dir);
});

test('a corrupt data file stops start-up with a message naming it', async () => {
	const dir = await mkdtemp(join(tmpdir(), 'clerk-corrupt-'));
	await mkdir(join(dir, 'audit'));
	await writeFile(join(dir, 'users.json'), '{"users": [');
	await writeFile(join(dir, 'audit', '2026-11.json'), '');
	const port = await freePort();
	const child = spawn(process.execPath, [join(BUILD, 'index.js')], {
		cwd: ROOT,
		env: { ...process.env, PORT: String(port), DATA_DIR: dir },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout.on('data', (d: Buffer) => (output += d.toString()));
	child.stderr.on('data', (d: Buffer) => (output += d.toString()));
	const code = await new Promise<number | null>((r) => child.once('exit', r));
	expect(code).not.toBe(0);
	expect(output).toContain('The server cannot start.');
	expect(output).toContain(join(dir, 'users.json'));
	expect(output).toContain(join(dir, 'audit', '2026-11.json'));
	expect(output).toContain('the file is empty');
	await removeDir(dir);
});
