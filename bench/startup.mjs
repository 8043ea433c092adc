// Start-up benchmark: time from launching the built server to its first /healthz answer.
// Measures a brand-new data dir (demo world created) and an existing one; prints one JSON line last.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number.parseInt(process.env.BENCH_RUNS || '5', 10);

function freePort() {
	return new Promise((resolve) => {
		const srv = createServer().listen(0, '127.0.0.1', () => {
			const { port } = srv.address();
			srv.close(() => resolve(port));
		});
	});
}

async function timeStartup(dataDir) {
	const port = await freePort();
	const started = performance.now();
	const child = spawn(process.execPath, [join(root, 'build', 'index.js')], {
		cwd: root,
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ORIGIN: `http://127.0.0.1:${port}`, DATA_DIR: dataDir },
		stdio: 'ignore'
	});
	try {
		for (;;) {
			try {
				const res = await fetch(`http://127.0.0.1:${port}/healthz`);
				if (res.ok) return performance.now() - started;
			} catch {
				// not listening yet
			}
			if (performance.now() - started > 20_000) throw new Error('server did not start within 20 s');
			await new Promise((r) => setTimeout(r, 5));
		}
	} finally {
		const gone = new Promise((r) => child.once('exit', r));
		child.kill('SIGTERM');
		await gone;
	}
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x) => Math.round(x * 10) / 10;

const fresh = [];
const existing = [];
for (let i = 0; i < RUNS; i++) {
	const dir = mkdtempSync(join(tmpdir(), 'bench-startup-'));
	fresh.push(await timeStartup(dir));
	existing.push(await timeStartup(dir));
	rmSync(dir, { recursive: true, force: true });
}
console.log(`start-up to first response, ${RUNS} runs each`);
console.log(`  new data dir (demo world created): median ${round(median(fresh))} ms, max ${round(Math.max(...fresh))} ms`);
console.log(`  existing data dir:                 median ${round(median(existing))} ms, max ${round(Math.max(...existing))} ms`);
console.log(
	JSON.stringify({
		bench: 'startup',
		runs: RUNS,
		startup_ms: round(median(existing)),
		startup_ms_max: round(Math.max(...existing)),
		startup_new_data_dir_ms: round(median(fresh)),
		target_ms: 2000
	})
);
