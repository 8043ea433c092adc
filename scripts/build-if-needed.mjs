// Builds the app when build/ is missing or older than any source it is made from.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const SOURCES = ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'package.json', 'package-lock.json'];

function newestMtime(path) {
	if (!existsSync(path)) return 0;
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let newest = 0;
	for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
	return newest;
}

export function needsBuild() {
	const built = join(root, 'build', 'index.js');
	if (!existsSync(built)) return true;
	const builtAt = statSync(built).mtimeMs;
	return SOURCES.some((s) => newestMtime(join(root, s)) > builtAt);
}

export function buildIfNeeded() {
	if (!needsBuild()) return;
	console.log('Building the app (first start or sources changed)…');
	const result = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
	if (result.status !== 0) {
		console.error('The build failed; see the messages above.');
		process.exit(result.status ?? 1);
	}
}

if (process.argv[1] === fileURLToPath(import.meta.url)) buildIfNeeded();
