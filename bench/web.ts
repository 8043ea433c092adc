/**
 * Web benchmark (`npm run bench:web`): a take-payment round trip through the built server — form
 * post → command decided and applied → events fsynced → 303 response — on a practice sandbox that
 * already holds 10,000 events of its own (target p95 < 100 ms). Talks only to localhost; stops by itself.
 *
 * The 10,000 events are made before the server starts, by running real commands (an open drawer
 * and cash payments on the demo city's accounts) through the same engine and written with the
 * server's own store and event log, so the server replays them like any saved sandbox.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { STANDARD_FLOAT } from '$lib/domain/cashiering/denominations';
import { cloneState } from '$lib/domain/clone';
import type { CommandContext, DomainEvent } from '$lib/domain/model';
import { findUserByUsername } from '$lib/server/auth/users';
import { appendEvents } from '$lib/server/sandbox/event-log';
import { FileStore } from '$lib/server/store';
import { buildWorld, PRACTICE_WORLD } from '$lib/server/workstation/world';
import { sandboxes } from '$lib/server/workstation/service';

const ROOT = resolve(import.meta.dirname, '..');
const SANDBOX_EVENTS = 10_000;
const ROUND_TRIPS = Number.parseInt(process.env.BENCH_ROUND_TRIPS || '300', 10);
const WARM_UP = 20;

function freePort(): Promise<number> {
	return new Promise((done) => {
		const srv = createServer().listen(0, '127.0.0.1', () => {
			const address = srv.address();
			srv.close(() => done(typeof address === 'object' && address ? address.port : 0));
		});
	});
}

function startServer(dataDir: string, port: number) {
	const child = spawn(process.execPath, [join(ROOT, process.env.BUILD_DIR || 'build', 'index.js')], {
		cwd: ROOT,
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ORIGIN: `http://127.0.0.1:${port}`, DATA_DIR: dataDir, NODE_ENV: 'production' },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	const ready = (async () => {
		for (let i = 0; i < 400; i++) {
			try {
				if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return;
			} catch {
				// not listening yet
			}
			await new Promise((r) => setTimeout(r, 50));
		}
		throw new Error('server did not start');
	})();
	return { child, ready };
}

function percentile(sorted: number[], p: number): number {
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function main() {
	const dataDir = await mkdtemp(join(tmpdir(), 'bench-web-'));
	const port = await freePort();
	const base = `http://127.0.0.1:${port}`;
	try {
		// 1. A demo data dir (users), then stop the server to write the sandbox beside it.
		let server = startServer(dataDir, port);
		await server.ready;
		server.child.kill('SIGTERM');
		await new Promise((r) => server.child.once('exit', r));

		const store = new FileStore(dataDir);
		const trainee = (await findUserByUsername(store, 'trainee'))!;
		const meta = await sandboxes(store).create({ ownerId: trainee.id, kind: 'practice', world: PRACTICE_WORLD, label: 'Practice — bench' }, new Date());
		await store.put(`practice/${trainee.id}`, { sandboxId: meta.id, resetAt: null });

		const t0 = performance.now();
		const engine = sandboxes(store).engine;
		const state = cloneState(buildWorld(PRACTICE_WORLD));
		const ctx: CommandContext = { actor: { id: trainee.id, name: trainee.displayName, supervisor: false }, at: '2026-11-16T16:00:00.000Z' };
		const events: DomainEvent[] = [];
		const run = (command: Record<string, unknown> & { type: string }) => {
			const r = engine.execute(state, command, ctx);
			if (!r.ok) throw new Error(`${command.type}: ${r.rejection.message}`);
			events.push(...r.events);
		};
		run({ type: 'cash.open-drawer', counts: STANDARD_FLOAT });
		const accounts = Object.values(state.utility.accounts).filter((a) => a.status === 'active').map((a) => a.number);
		for (let i = 0; events.length < SANDBOX_EVENTS; i++) {
			run({ type: 'cash.take-payment', lines: [{ kind: 'utility', ref: accounts[i % accounts.length], amount: '1.00' }], tenders: [{ type: 'cash', amount: '1.00' }] });
		}
		await appendEvents(store, meta.id, 0, events);
		const seedMs = performance.now() - t0;

		// 2. Serve, sign in, open the sandbox once (the first open builds the city and replays the log).
		server = startServer(dataDir, port);
		await server.ready;
		const signIn = await fetch(`${base}/login`, {
			method: 'POST',
			headers: { origin: base, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ username: 'trainee', password: 'tracy-demo' }),
			redirect: 'manual'
		});
		const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0]!;
		const t1 = performance.now();
		const first = await fetch(`${base}/sandbox/${meta.id}/pay`, { headers: { cookie } });
		if (!first.ok) throw new Error(`pay page: ${first.status}`);
		const firstOpenMs = performance.now() - t1;

		// 3. Round trips: each is a real payment on a different account, acknowledged after fsync.
		const times: number[] = [];
		let errors = 0;
		for (let i = 0; i < WARM_UP + ROUND_TRIPS; i++) {
			const body = new URLSearchParams({
				'lines[0].kind': 'utility',
				'lines[0].ref': accounts[(i * 7) % accounts.length]!,
				'lines[0].amount': '2.50',
				'tenders[0].type': 'cash',
				'tenders[0].amount': '5.00'
			});
			const start = performance.now();
			const res = await fetch(`${base}/sandbox/${meta.id}/pay?/take`, {
				method: 'POST',
				headers: { cookie, origin: base, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
				body,
				redirect: 'manual'
			});
			await res.arrayBuffer();
			const ms = performance.now() - start;
			if (res.status !== 303 || !(res.headers.get('location') ?? '').includes('/receipts/R-')) errors++;
			if (i >= WARM_UP) times.push(ms);
		}
		server.child.kill('SIGTERM');
		await new Promise((r) => server.child.once('exit', r));

		times.sort((a, b) => a - b);
		const round = (n: number) => Math.round(n * 10) / 10;
		const result = {
			sandbox_events: events.length,
			round_trips: times.length,
			errors,
			payment_roundtrip_p50_ms: round(percentile(times, 50)),
			payment_roundtrip_p95_ms: round(percentile(times, 95)),
			payment_roundtrip_max_ms: round(times[times.length - 1]!),
			sandbox_first_open_ms: Math.round(firstOpenMs),
			seed_ms: Math.round(seedMs)
		};
		console.log(`Take-payment round trip on a sandbox with ${events.length} events: p50 ${result.payment_roundtrip_p50_ms} ms, p95 ${result.payment_roundtrip_p95_ms} ms, max ${result.payment_roundtrip_max_ms} ms over ${times.length} posts (${errors} errors); first open of the sandbox ${result.sandbox_first_open_ms} ms.`);
		console.log(JSON.stringify(result));
		if (errors > 0) process.exitCode = 1;
	} finally {
		await rm(dataDir, { recursive: true, force: true });
	}
}

await main();
