/**
 * `npm run content:check`: validate every content file and report `file:line: message`;
 * warnings are reported too but only errors fail the check.
 * Imports by relative path because tsx does not know SvelteKit's $lib alias.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { countsLine, formatContentErrors, loadContent } from '../src/lib/server/content/load';

async function main(): Promise<number> {
	const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
	const { bundle, errors, warnings } = await loadContent(resolve(projectRoot, 'content'));
	// Warnings (a draft exam the bank cannot fill yet) are shown but do not fail the check.
	if (warnings.length > 0) console.warn(formatContentErrors(warnings.map((w) => ({ ...w, message: `warning: ${w.message}` }))));
	if (errors.length > 0) {
		console.error(formatContentErrors(errors));
		return 1;
	}
	const warned = warnings.length > 0 ? ` (${warnings.length} warning${warnings.length === 1 ? '' : 's'} above)` : '';
	console.log(`Content OK — ${countsLine(bundle)}${warned}`);
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
