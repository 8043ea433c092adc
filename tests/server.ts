// Starting the built app for tests: each test gets its own server on its own port and data dir.
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..');
/** The built app under test (BUILD_DIR, as svelte.config.js builds it). */
export const BUILD = resolve(ROOT, process.env.BUILD_DIR || 'build');

export function freePort(): Promise<number> {
	return new Promise((resolvePort, reject) => {
		const srv = createServer();
		srv.unref();
		srv.on('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const address = srv.address();
			srv.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
		});
	});
}

export type RunningServer = { url: string; dataDir: string; process: ChildProcess; output: () => string; stop: () => Promise<void> };

/** Start build/index.js on a free port with the given data dir; resolves once /healthz answers (by default within 60 s: a busy machine starts slowly). */
export async function startServer(dataDir: string, extraEnv: Record<string, string> = {}, readyWithinMs = 60_000): Promise<RunningServer> {
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const child = spawn(process.execPath, [join(BUILD, 'index.js')], {
		cwd: ROOT,
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ORIGIN: url, DATA_DIR: dataDir, NODE_ENV: 'production', ...extraEnv },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
	child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
	const exited = new Promise<never>((_, reject) =>
		child.once('exit', (code) => reject(new Error(`server exited with code ${code} before it was ready:\n${output}`)))
	);
	const ready = (async () => {
		for (const until = Date.now() + readyWithinMs; Date.now() < until; ) {
			try {
				if ((await fetch(`${url}/healthz`)).ok) return;
			} catch {
				// not listening yet
			}
			await new Promise((r) => setTimeout(r, 50));
		}
		throw new Error(`server did not answer /healthz within ${readyWithinMs / 1000} s:\n${output}`);
	})();
	await Promise.race([ready, exited]);
	exited.catch(() => {}); // later exits are expected (stop)
	return {
		url,
		dataDir,
		process: child,
		output: () => output,
		stop: async () => {
			if (child.exitCode !== null) return;
			const gone = new Promise((r) => child.once('exit', r));
			child.kill('SIGTERM');
			await gone;
		}
	};
}

/** A fresh copy of the demo data dir made once by global setup. */
export async function freshDataDir(): Promise<string> {
	const template = process.env.E2E_TEMPLATE_DATA_DIR;
	if (!template) throw new Error('E2E_TEMPLATE_DATA_DIR is not set; run through playwright (global setup).');
	const dir = await mkdtemp(join(tmpdir(), 'clerk-e2e-'));
	await cp(template, dir, { recursive: true });
	return dir;
}

export async function removeDir(dir: string): Promise<void> {
	await rm(dir, { recursive: true, force: true });
}
