// `npm start`: build if needed, then serve the built app; a new data dir gets the demo world.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIfNeeded } from './build-if-needed.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
buildIfNeeded();

const port = process.env.PORT || '3000';
const origin = process.env.ORIGIN || `http://localhost:${port}`;
const dataDir = resolve(root, process.env.DATA_DIR || 'data');
// adapter-node compares form posts' Origin with ORIGIN; without it, it assumes https and refuses them.
// Every durable write waits for fsyncs on libuv's thread pool; its default 4 threads queue them under an exam day's load.
const env = { UV_THREADPOOL_SIZE: '32', ...process.env, PORT: port, ORIGIN: origin, DATA_DIR: dataDir, NODE_ENV: process.env.NODE_ENV || 'production' };

const server = spawn(process.execPath, [join(root, 'build', 'index.js')], { cwd: root, env, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

async function announceWhenReady() {
	for (let i = 0; i < 300; i++) {
		try {
			const res = await fetch(`http://127.0.0.1:${port}/healthz`);
			if (res.ok) break;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	let demo = false;
	try {
		demo = JSON.parse(readFileSync(join(dataDir, 'meta.json'), 'utf8')).demoWorld === true;
	} catch {
		// no meta yet: the server reports its own start-up problem
	}
	console.log(`\n  City Finance Clerk Trainer is running at ${origin}`);
	console.log(`  Data dir: ${dataDir}`);
	if (demo) {
		console.log('  Demo sign-ins (password for all: tracy-demo):');
		console.log('    trainee, trainee2, trainee3 — trainees');
		console.log('    supervisor — supervisor');
		console.log('    hr — HR analyst');
		console.log('    admin — administrator');
	}
	console.log('  Press Ctrl+C to stop.\n');
}
void announceWhenReady();
