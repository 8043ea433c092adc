// Crash test: the exam load bench in its --crash mode, smaller. The server is killed with SIGKILL
// while candidates are saving, then started again on the same data dir (start-up parses every
// file, so a torn one would stop it); candidates retry as the page does. Afterwards every
// acknowledged answer must be in the stored attempts and every data file must parse.
import { spawn } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { ROOT } from './server';

test('killing the server (SIGKILL) under exam load loses no acknowledged answer and corrupts no file', async () => {
	test.setTimeout(240_000);
	const child = spawn(process.execPath, ['--import', 'tsx', 'bench/exam.ts', '--crash'], {
		cwd: ROOT,
		env: { ...process.env, BENCH_CANDIDATES: '40', BENCH_SAVES: '12', BENCH_TIME_SCALE: '0.3' },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let out = '';
	child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
	child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
	const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
	const last = out.trim().split('\n').at(-1) ?? '';
	let result: Record<string, unknown>;
	try {
		result = JSON.parse(last) as Record<string, unknown>;
	} catch {
		throw new Error(`the bench printed no result:\n${out}`);
	}
	expect(result.crash, out).not.toBeNull();
	expect(result, out).toMatchObject({ candidates: 40, submitted: 40, errors: 0, lost: 0, corrupt_files: 0 });
	expect(result.acknowledged_items as number).toBeGreaterThan(100);
	expect(code, out).toBe(0);
});
