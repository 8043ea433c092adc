/**
 * Exam-day load bench (`npm run bench:exam`): 250 simulated candidates against the built server
 * on localhost. Each starts the practice exam within a 10-second window (Start, the attempt page,
 * its JSON state), makes at least 20 saves at random 0.5–3 s intervals, and then all of them
 * submit within 2 seconds at the deadline (EXAM_MINUTE_MS shortens the 20-minute exam to match).
 * Afterwards the server is stopped and every stored attempt is read from disk: each acknowledged
 * save must be there (lost = 0) and every data file must parse.
 *
 * Targets: zero errors, zero lost answers, save p99 < 50 ms, submit p99 < 500 ms.
 *
 * `--crash` (or BENCH_CRASH=1): the server is killed with SIGKILL in the middle of the saves and
 * started again on the same data dir; candidates retry refused or failed saves (as the page
 * does) until acknowledged. Then the same check: nothing acknowledged is lost, nothing corrupt.
 *
 * Settings: BENCH_CANDIDATES (250), BENCH_SAVES (20), BENCH_START_WINDOW_MS (10000),
 * BENCH_TIME_SCALE (1: multiplies the save intervals and the start window), BUILD_DIR.
 * The users and their sessions are created in a fresh data dir before the server starts.
 * The last line printed is one JSON object.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { isDeepStrictEqual } from 'node:util';
import { createSession } from '$lib/server/auth/sessions';
import { createUser } from '$lib/server/auth/users';
import { FileStore } from '$lib/server/store';
import type { ItemResponse, PresentedItem } from '$lib/exams';

const ROOT = resolve(import.meta.dirname, '..');
const int = (name: string, fallback: number) => {
	const v = Number(process.env[name]);
	return Number.isFinite(v) && v > 0 ? v : fallback;
};
const CANDIDATES = int('BENCH_CANDIDATES', 250);
const SAVES = int('BENCH_SAVES', 20);
const SCALE = int('BENCH_TIME_SCALE', 1);
const START_WINDOW_MS = int('BENCH_START_WINDOW_MS', 10_000) * SCALE;
const CRASH = process.argv.includes('--crash') || process.env.BENCH_CRASH === '1';
const SUBMIT_WINDOW_MS = 2_000;
const PRACTICE_LIMIT_MINUTES = 20;
const PASSWORD = 'bench-candidate-pw';

// The exam lasts as long as the start window plus the slowest candidate's saves, and a margin.
// (With --crash, plus room for the restart, which reads every file before it serves.)
const EXAM_MS = START_WINDOW_MS + SAVES * 3_000 * SCALE + 8_000 + (CRASH ? 20_000 : 0);
const MINUTE_MS = Math.ceil(EXAM_MS / PRACTICE_LIMIT_MINUTES);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const rand = (n: number) => Math.floor(Math.random() * n);

function freePort(): Promise<number> {
	return new Promise((done) => {
		const srv = createServer().listen(0, '127.0.0.1', () => {
			const address = srv.address();
			srv.close(() => done(typeof address === 'object' && address ? address.port : 0));
		});
	});
}

type Server = { child: ChildProcess; exited: Promise<number | null> };

async function startServer(dataDir: string, port: number): Promise<Server> {
	// BENCH_SERVER_NODE_ARGS: flags for the server's node, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
	const flags = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
	const child = spawn(process.execPath, [...flags, join(ROOT, process.env.BUILD_DIR || 'build', 'index.js')], {
		cwd: ROOT,
		// Each durable write is two fsyncs on libuv's thread pool; its default 4 threads queue them.
		env: { UV_THREADPOOL_SIZE: '32', ...process.env, PORT: String(port), HOST: '127.0.0.1', ORIGIN: `http://127.0.0.1:${port}`, DATA_DIR: dataDir, NODE_ENV: 'production', EXAM_MINUTE_MS: String(MINUTE_MS) },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
	// Up to 2 minutes: a new demo data dir is generated first, slow on a busy machine.
	for (let i = 0; i < 2_400; i++) {
		if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode} while starting`);
		try {
			if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return { child, exited };
		} catch {
			// not listening yet
		}
		await sleep(50);
	}
	// Stop it before the data dir is removed under it.
	await stopServer({ child, exited }, 'SIGKILL');
	throw new Error('server did not start within 2 minutes');
}

async function stopServer(server: Server, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
	if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill(signal);
	await server.exited;
}

/** User + system CPU seconds of a process so far, from /proc (null where there is none). */
async function cpuSeconds(pid: number | undefined): Promise<number | null> {
	if (pid === undefined) return null;
	try {
		// Fields 14 and 15 of /proc/<pid>/stat, after the command name in parentheses, in clock ticks (100 a second).
		const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]!.split(' ');
		return Math.round((Number(fields[11]) + Number(fields[12])) / 10) / 10;
	} catch {
		return null;
	}
}

function percentile(values: number[], p: number): number {
	if (values.length === 0) return 0;
	const sorted = [...values].sort((a, b) => a - b);
	return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! * 10) / 10;
}

/** A valid answer of the item's kind, at random (what a candidate might give). */
function randomResponse(p: PresentedItem): ItemResponse {
	const money = () => `${rand(500)}.${String(rand(100)).padStart(2, '0')}`;
	switch (p.kind) {
		case 'single-choice':
			return { kind: p.kind, choice: rand(p.options.length) };
		case 'multiple-choice':
			return { kind: p.kind, choices: [...new Set([rand(p.options.length), rand(p.options.length)])].sort((a, b) => a - b) };
		case 'true-false':
			return { kind: p.kind, answer: Math.random() < 0.5 };
		case 'numeric':
		case 'parameterized':
		case 'cash-count':
			return { kind: p.kind, value: money() };
		case 'short-answer':
			return { kind: p.kind, text: ['receipt', 'reciept', 'delinquent', 'ledger'][rand(4)]! };
		case 'essay':
			return { kind: p.kind, text: `Dear customer, thank you for your letter of ${money()}.` };
		case 'ordering': {
			const order = p.entries.map((_, i) => i);
			for (let i = order.length - 1; i > 0; i--) {
				const j = rand(i + 1);
				[order[i], order[j]] = [order[j]!, order[i]!];
			}
			return { kind: p.kind, order };
		}
		case 'matching':
			return { kind: p.kind, matches: p.prompts.map(() => (Math.random() < 0.2 ? null : rand(p.choices.length))) };
		case 'fill-in':
			return { kind: p.kind, blanks: p.blanks.map((b) => (b.choices ? b.choices[rand(b.choices.length)]! : 'were')) };
		case 'name-number-check':
			return { kind: p.kind, marks: p.pairs.map(() => (Math.random() < 0.5 ? 'alike' : 'different')) };
		// Skills tests are not in the practice exam; answers of their shape for completeness.
		case 'typing':
			return { kind: p.kind, text: 'The Finance Department of the City of Tracy ', elapsedMs: 9_000 + rand(1_000) };
		case 'ten-key':
			return { kind: p.kind, entries: p.entries.slice(0, 3), elapsedMs: 4_000 + rand(1_000) };
	}
}

type Acked = { seq: number; response: ItemResponse | null; flagged: boolean };

interface Candidate {
	n: number;
	cookie: string;
	attemptId?: string;
	acked: Map<number, Acked>;
	submitted: boolean;
}

async function main() {
	const dataDir = await mkdtemp(join(tmpdir(), 'bench-exam-'));
	const port = await freePort();
	const base = `http://127.0.0.1:${port}`;
	const stats = { save: [] as number[], saveServer: [] as number[], saveSteady: [] as number[], submit: [] as number[], start: [] as number[], page: [] as number[], errors: 0, retried: 0, errorSamples: [] as string[] };
	const error = (what: string) => {
		stats.errors++;
		if (stats.errorSamples.length < 5) stats.errorSamples.push(what);
	};
	let server: Server | undefined;
	let crash: { at_s: number; restart_ms: number } | null = null;
	try {
		// 1. A demo data dir, then the candidates and their sessions written beside it.
		server = await startServer(dataDir, port);
		await stopServer(server);
		const store = new FileStore(dataDir);
		const setupStart = performance.now();
		const candidates: Candidate[] = [];
		for (let i = 0; i < CANDIDATES; i += 8) {
			const batch = await Promise.all(
				Array.from({ length: Math.min(8, CANDIDATES - i) }, async (_, k) => {
					const n = i + k + 1;
					const made = await createUser(store, { username: `cand${String(n).padStart(3, '0')}`, displayName: `Candidate ${n}`, roles: ['trainee'], password: PASSWORD }, new Date());
					if (!made.ok) throw new Error(`user ${n}: ${JSON.stringify(made.errors)}`);
					return made.value;
				})
			);
			for (const user of batch) {
				const { token } = await createSession(store, user.id, Date.now());
				candidates.push({ n: candidates.length + 1, cookie: `session=${token}`, acked: new Map(), submitted: false });
			}
		}
		const setupMs = performance.now() - setupStart;

		// 2. Serve. Every candidate's deadline is its start + 20 exam minutes of MINUTE_MS.
		server = await startServer(dataDir, port);
		const t0 = performance.now();
		const firstDeadline = t0 + EXAM_MS;
		// Everyone submits in the 2 seconds before the earliest deadline (a quarter second spare for the trip).
		const submitFrom = firstDeadline - SUBMIT_WINDOW_MS - 250;
		let serverUp = true;

		const request = async (path: string, c: Candidate, init: RequestInit = {}): Promise<Response> =>
			fetch(`${base}${path}`, { ...init, redirect: 'manual', headers: { cookie: c.cookie, origin: base, ...(init.headers ?? {}) } });

		/** In crash mode a request may meet a dead server: try again (as the page does) until answered. */
		async function withRetry<T>(what: string, run: () => Promise<T | 'retry'>): Promise<T | undefined> {
			for (let tries = 0; ; tries++) {
				let result: T | 'retry';
				try {
					result = await run();
				} catch (err) {
					// fetch rejects with a TypeError when the connection fails (the server is down).
					if (!CRASH || !(err instanceof TypeError)) {
						error(`${what}: ${(err as Error).message}`);
						return undefined;
					}
					result = 'retry';
				}
				if (result !== 'retry') return result;
				if (!CRASH || tries > 200) {
					error(`${what}: gave up`);
					return undefined;
				}
				stats.retried++;
				await sleep(200);
			}
		}

		async function run(c: Candidate): Promise<void> {
			await sleep(Math.random() * START_WINDOW_MS);
			let t = performance.now();
			const location = await withRetry('start', async () => {
				const res = await request('/exams/practice?/start', c, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' }, body: '' });
				if (res.status >= 500) return 'retry';
				if (res.status !== 303) throw new Error(`start: HTTP ${res.status}`);
				return res.headers.get('location') ?? '';
			});
			stats.start.push(performance.now() - t);
			const id = /\/exams\/attempts\/(a_[0-9a-f]{16})/.exec(location ?? '')?.[1];
			if (!id) return error(`start: no attempt in "${location}"`);
			c.attemptId = id;
			t = performance.now();
			const page = await withRetry('page', async () => {
				const res = await request(`/exams/attempts/${id}`, c, { headers: { accept: 'text/html' } });
				if (res.status >= 500) return 'retry';
				await res.text();
				return res.status;
			});
			stats.page.push(performance.now() - t);
			if (page !== 200) return error(`attempt page: HTTP ${page}`);
			const state = await withRetry('state', async () => {
				const res = await request(`/exams/attempts/${id}/state`, c, { headers: { accept: 'application/json' } });
				if (res.status >= 500) return 'retry';
				return (await res.json()) as { ok: boolean; items: { item: PresentedItem }[] };
			});
			if (!state?.ok) return error('state: not ok');
			const items = state.items.map((i) => i.item);
			const seqs = items.map(() => 0);

			for (let s = 0; s < SAVES; s++) {
				await sleep((500 + Math.random() * 2_500) * SCALE);
				const index = rand(items.length);
				const save = { index, seq: ++seqs[index]!, response: Math.random() < 0.05 ? null : randomResponse(items[index]!), flagged: Math.random() < 0.15 };
				const body = JSON.stringify({ saves: [save] });
				const acked = await withRetry('save', async () => {
					const started = performance.now();
					const res = await request(`/exams/attempts/${id}/save`, c, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body });
					const reply = (await res.json().catch(() => null)) as { ok: boolean; seqs?: Record<string, number> } | null;
					if (res.status >= 500 || !reply) return 'retry';
					if (serverUp) {
						stats.save.push(performance.now() - started);
						const timing = /save;dur=([\d.]+)/.exec(res.headers.get('server-timing') ?? '');
						if (timing) stats.saveServer.push(Number(timing[1]));
						if (started - t0 > START_WINDOW_MS + 2_000) stats.saveSteady.push(performance.now() - started);
					}
					if (!reply.ok || reply.seqs?.[index] !== save.seq) throw new Error(`save: HTTP ${res.status} ${JSON.stringify(reply)}`);
					return true;
				});
				if (acked) c.acked.set(index, { seq: save.seq, response: save.response, flagged: save.flagged });
			}

			await sleep(Math.max(0, submitFrom + Math.random() * SUBMIT_WINDOW_MS - performance.now()));
			const submitted = await withRetry('submit', async () => {
				const started = performance.now();
				const res = await request(`/exams/attempts/${id}/review?/submit`, c, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' }, body: 'confirm=yes' });
				if (res.status >= 500) return 'retry';
				stats.submit.push(performance.now() - started);
				if (res.status !== 303 || !(res.headers.get('location') ?? '').endsWith('/result')) throw new Error(`submit: HTTP ${res.status}`);
				return true;
			});
			c.submitted = submitted === true;
		}

		const killer = CRASH
			? (async () => {
					// In the middle of the saves: kill -9, then start again on the same files.
					await sleep(START_WINDOW_MS + (SAVES * 1_750 * SCALE) / 2);
					serverUp = false;
					const at = performance.now();
					await stopServer(server!, 'SIGKILL');
					server = await startServer(dataDir, port);
					crash = { at_s: Math.round((at - t0) / 100) / 10, restart_ms: Math.round(performance.now() - at) };
					serverUp = true;
				})()
			: Promise.resolve();

		await Promise.all([...candidates.map((c) => run(c).catch((err: Error) => error(`candidate ${c.n}: ${err.message}`))), killer]);
		const durationS = (performance.now() - t0) / 1000;
		const serverCpuS = await cpuSeconds(server.child.pid);
		await stopServer(server);

		// 3. Read what is on disk: every data file parses, every acknowledged save is stored.
		let files = 0;
		let corrupt = 0;
		async function walk(dir: string): Promise<void> {
			for (const entry of await readdir(dir, { withFileTypes: true })) {
				const full = join(dir, entry.name);
				if (entry.isDirectory()) await walk(full);
				else if (entry.name.endsWith('.json')) {
					files++;
					try {
						JSON.parse(await readFile(full, 'utf8'));
					} catch {
						corrupt++;
					}
				}
			}
		}
		await walk(dataDir);
		let lost = 0;
		let acknowledged = 0;
		let submitted = 0;
		for (const c of candidates) {
			if (!c.attemptId) continue;
			const stored = JSON.parse(await readFile(join(dataDir, 'exams', 'attempts', `${c.attemptId}.json`), 'utf8')) as {
				status: string;
				answers: (ItemResponse | null)[];
				flags: boolean[];
				seqs: number[];
			};
			if (stored.status === 'submitted') submitted++;
			for (const [index, a] of c.acked) {
				acknowledged++;
				const kept = stored.seqs[index] === a.seq && isDeepStrictEqual(stored.answers[index], a.response) && stored.flags[index] === a.flagged;
				if (!kept) lost++;
			}
		}

		const result = {
			bench: CRASH ? 'exam-crash' : 'exam',
			candidates: CANDIDATES,
			saves_per_candidate: SAVES,
			saves: stats.save.length,
			acknowledged_items: acknowledged,
			submitted,
			errors: stats.errors,
			lost,
			corrupt_files: corrupt,
			files,
			save_p50_ms: percentile(stats.save, 50),
			save_p99_ms: percentile(stats.save, 99),
			save_max_ms: percentile(stats.save, 100),
			// Time inside the server's save handler (checks and the durable write), from its Server-Timing header;
			// the rest of save_p99_ms is waiting: for the event loop, the CPU, the connection.
			save_server_p50_ms: percentile(stats.saveServer, 50),
			save_server_p99_ms: percentile(stats.saveServer, 99),
			// Saves sent once every candidate has started (after the start-of-exam spike).
			save_p99_after_starts_ms: percentile(stats.saveSteady, 99),
			submit_p50_ms: percentile(stats.submit, 50),
			submit_p99_ms: percentile(stats.submit, 99),
			submit_max_ms: percentile(stats.submit, 100),
			start_p99_ms: percentile(stats.start, 99),
			page_p99_ms: percentile(stats.page, 99),
			exam_minute_ms: MINUTE_MS,
			// CPU time the server process used from start-up to the end of the run (Linux only; null elsewhere).
			server_cpu_s: serverCpuS,
			duration_s: Math.round(durationS * 10) / 10,
			setup_s: Math.round(setupMs / 100) / 10,
			...(CRASH ? { crash, retried: stats.retried } : {})
		};
		if (stats.errorSamples.length) console.error(`errors, first ${stats.errorSamples.length}:\n  ${stats.errorSamples.join('\n  ')}`);
		console.log(`${CANDIDATES} candidates × ${SAVES} saves${CRASH ? ', server killed and restarted mid-run' : ''}: save p99 ${result.save_p99_ms} ms, submit p99 ${result.submit_p99_ms} ms, ${result.errors} errors, ${lost} lost, ${corrupt} corrupt files`);
		console.log(JSON.stringify(result));
		const ok = result.errors === 0 && lost === 0 && corrupt === 0 && submitted === CANDIDATES;
		process.exitCode = ok ? 0 : 1;
	} finally {
		if (server) await stopServer(server).catch(() => {});
		await rm(dataDir, { recursive: true, force: true });
	}
}

await main();
