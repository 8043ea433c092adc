/**
 * Supervisor dashboard benchmark: `npm run bench:supervisor`.
 *
 * Builds a cohort of 50 trainees with 200 attempts each — their attempt summaries written straight
 * into the index files of a temporary data dir, the way the attempt code keeps them — and times the
 * dashboard's server-side data function (dashboardData: the cohort, every trainee's index and
 * sign-offs read and figured into the mastery grid, averages, recent attempts and hardest scenarios).
 * "Cold" runs use a new store each time, so every file is read and parsed again; "warm" runs reuse one.
 * Target: under 300 ms. When a build is there (BUILD_DIR, default build), the built server is then
 * started on the same data dir and the whole page, GET /supervisor rendered on the server, is timed
 * too (`page_ms`). Prints a readable summary, then LAST a single JSON line.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { hashPassword } from '$lib/server/auth/password';
import { getContent } from '$lib/server/content';
import { FileStore } from '$lib/server/store';
import { dashboardData } from '$lib/server/supervisor/dashboard';
import type { AttemptSummary } from '$lib/server/training/attempts';

const TRAINEES = Number(process.env.BENCH_TRAINEES ?? 50);
const ATTEMPTS = Number(process.env.BENCH_ATTEMPTS ?? 200);
const RUNS = 15;

function sequence(seed: number): () => number {
	let s = seed >>> 0;
	return () => {
		s = (s * 1664525 + 1013904223) >>> 0;
		return s / 2 ** 32;
	};
}

const ROOT = resolve(import.meta.dirname, '..');
const BUILD = join(ROOT, process.env.BUILD_DIR || 'build', 'index.js');

function freePort(): Promise<number> {
	return new Promise((done) => {
		const srv = createServer().listen(0, '127.0.0.1', () => {
			const address = srv.address();
			srv.close(() => done(typeof address === 'object' && address ? address.port : 0));
		});
	});
}

/** The dashboard page through the built server: sign in as the supervisor, then GET /supervisor again and again. */
async function timePage(dataDir: string): Promise<number[]> {
	const port = await freePort();
	const base = `http://127.0.0.1:${port}`;
	const child = spawn(process.execPath, [BUILD], {
		cwd: ROOT,
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ORIGIN: base, DATA_DIR: dataDir, NODE_ENV: 'production' },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	try {
		for (let i = 0; ; i++) {
			try {
				if ((await fetch(`${base}/healthz`)).ok) break;
			} catch {
				// not listening yet
			}
			if (i > 1200) throw new Error('server did not start');
			await new Promise((r) => setTimeout(r, 50));
		}
		const signIn = await fetch(`${base}/login`, {
			method: 'POST',
			headers: { origin: base, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ username: 'supervisor', password: PASSWORD }),
			redirect: 'manual'
		});
		const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0]!;
		const times: number[] = [];
		for (let i = 0; i < RUNS + 3; i++) {
			const t0 = performance.now();
			const res = await fetch(`${base}/supervisor`, { headers: { cookie } });
			const html = await res.text();
			if (!res.ok || !html.includes('Trainee 50')) throw new Error(`dashboard page: ${res.status}`);
			if (i >= 3) times.push(performance.now() - t0);
		}
		return times;
	} finally {
		child.kill('SIGTERM');
		await new Promise((r) => child.once('exit', r));
	}
}

const PASSWORD = 'bench-supervisor-1';

const percentile = (xs: number[], p: number) => {
	const sorted = [...xs].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};

async function main(): Promise<void> {
	const dir = await mkdtemp(join(tmpdir(), 'bench-supervisor-'));
	try {
		const scenarios = (await getContent()).scenarios;
		const rand = sequence(8);
		const store = new FileStore(dir);
		const now = new Date('2026-11-26T20:00:00.000Z');
		const users = [{ id: 'u1', username: 'supervisor', displayName: 'Patricia Nguyen', roles: ['supervisor'], passwordHash: await hashPassword(PASSWORD), active: true, createdAt: now.toISOString(), updatedAt: now.toISOString() }];
		const assignments = [];
		for (let t = 0; t < TRAINEES; t++) {
			const id = `u${t + 2}`;
			users.push({ id, username: `trainee${t + 1}`, displayName: `Trainee ${t + 1}`, roles: ['trainee'], passwordHash: 'x', active: true, createdAt: now.toISOString(), updatedAt: now.toISOString() });
			assignments.push({ traineeId: id, supervisorId: 'u1', assignedAt: now.toISOString(), assignedBy: 'u1' });
			const attempts: AttemptSummary[] = [];
			for (let a = 0; a < ATTEMPTS; a++) {
				const s = scenarios[Math.floor(rand() * scenarios.length)]!;
				const started = now.getTime() - (ATTEMPTS - a) * 3 * 3_600_000;
				const elapsed = Math.round(s.targetSeconds * (0.5 + rand() * 2));
				const accuracy = Math.min(100, Math.round(40 + rand() * 70));
				const speed = elapsed <= s.targetSeconds ? 100 : Math.max(0, Math.round((100 * (3 * s.targetSeconds - elapsed)) / (2 * s.targetSeconds)));
				attempts.push({
					id: `att_${t}_${a}`,
					scenarioId: s.id,
					duty: s.duty,
					startedAt: new Date(started).toISOString(),
					submittedAt: new Date(started + elapsed * 1000).toISOString(),
					status: accuracy >= 80 ? 'passed' : 'failed',
					accuracy,
					speed,
					overall: accuracy >= 90 ? Math.round(0.8 * accuracy + 0.2 * speed) : Math.round(0.8 * accuracy),
					elapsedSeconds: elapsed,
					targetSeconds: s.targetSeconds
				});
			}
			await store.put(`training/users/${id}`, { attempts });
		}
		await store.put('users', { nextId: TRAINEES + 2, users });
		await store.put('supervisor/cohorts', { assignments });
		// An existing data dir, so the server does not make a demo world in it.
		await store.put('meta', { createdAt: now.toISOString(), demoWorld: false, formatVersion: 1 });

		const cold: number[] = [];
		const warm: number[] = [];
		let cells = 0;
		for (let i = 0; i < RUNS; i++) {
			const fresh = new FileStore(dir);
			const t0 = performance.now();
			const d = await dashboardData('u1', now, fresh);
			cold.push(performance.now() - t0);
			cells = d.rows.length * d.duties.length;
		}
		for (let i = 0; i < RUNS; i++) {
			const t0 = performance.now();
			await dashboardData('u1', now, store);
			warm.push(performance.now() - t0);
		}
		const page = existsSync(BUILD) ? await timePage(dir) : null;
		const result = {
			trainees: TRAINEES,
			attempts_each: ATTEMPTS,
			grid_cells: cells,
			dashboard_ms: Math.round(percentile(cold, 50) * 10) / 10,
			dashboard_cold_max_ms: Math.round(Math.max(...cold) * 10) / 10,
			dashboard_warm_ms: Math.round(percentile(warm, 50) * 10) / 10,
			page_ms: page ? Math.round(percentile(page, 50) * 10) / 10 : null,
			page_max_ms: page ? Math.round(Math.max(...page) * 10) / 10 : null,
			target_ms: 300
		};
		console.log(`Dashboard for ${TRAINEES} trainees × ${ATTEMPTS} attempts (${cells} grid cells): cold p50 ${result.dashboard_ms} ms (max ${result.dashboard_cold_max_ms} ms), warm p50 ${result.dashboard_warm_ms} ms; whole page through the built server p50 ${result.page_ms ?? 'not measured (no build)'} ms (max ${result.page_max_ms ?? '—'} ms); target < 300 ms.`);
		console.log(JSON.stringify(result));
	} finally {
		await rm(dir, { recursive: true, force: true });
	}
}

await main();
