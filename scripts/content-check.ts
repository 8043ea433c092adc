/**
 * `npm run content:check`: validate every content file and report `file:line: message`.
 * Imports by relative path because tsx does not know SvelteKit's $lib alias.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { countsLine, formatContentErrors, loadContent } from '../src/lib/server/content/load';

async function main(): Promise<number> {
	const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
	const { bundle, errors } = await loadContent(resolve(projectRoot, 'content'));
	if (errors.length > 0) {
		console.error(formatContentErrors(errors));
		return 1;
	}
	console.log(`Content OK — ${countsLine(bundle)}`);
	return 0;
}

// No top-level await: keeps the script runnable whatever module format tsx picks.
main().then(
	(code) => process.exit(code),
	(err: unknown) => {
		console.error(err);
		process.exit(1);
	}
);
