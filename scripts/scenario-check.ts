/**
 * The engine check of training scenarios, for authors:
 *
 *   npx svelte-kit sync && npx tsx scripts/scenario-check.ts [scenario-id …]
 *
 * Loads content/ (the same checks as content:check), builds each scenario's world the way the
 * server does, then for every scenario (or the ones named): runs the setup and the reference
 * solution, grades the reference (it must score 100%) and an attempt that does nothing (it must fail
 * with at most 20%). Problems are printed as file:line: message; the exit code is 1 if there are any.
 * The same check runs in the unit tests (src/lib/grading/content-scenarios.test.ts).
 * Needs `svelte-kit sync` first so tsx can resolve the $lib imports of the engine.
 */
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFrontMatter } from '../src/lib/server/content/front-matter';
import { formatContentErrors, loadContent } from '../src/lib/server/content/load';
import { buildWorld } from '../src/lib/server/workstation/world';
import { verifyScenario } from '../src/lib/grading/verify';
import { createClerkSystem } from '../src/lib/domain/system';
import type { SandboxState } from '../src/lib/domain/model';

async function main(only: string[]): Promise<number> {
	const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
	const { bundle, errors } = await loadContent(resolve(projectRoot, 'content'));
	if (errors.length > 0) {
		console.error(formatContentErrors(errors));
		return 1;
	}
	const unknown = only.filter((id) => !bundle.scenarios.some((s) => s.id === id));
	if (unknown.length > 0) {
		console.error(`No scenario ${unknown.join(', ')} in content/scenarios`);
		return 1;
	}
	const chosen = bundle.scenarios.filter((s) => only.length === 0 || only.includes(s.id));
	const engine = createClerkSystem();
	const worlds = new Map<string, SandboxState>();
	let failed = 0;
	for (const s of chosen) {
		const key = `${s.setup.world.preset}:${s.setup.world.seed}`;
		if (!worlds.has(key)) {
			console.log(`Building world ${key}…`);
			worlds.set(key, buildWorld(s.setup.world));
		}
		const v = verifyScenario(s, worlds.get(key)!, engine);
		if (v.problems.length > 0) {
			failed++;
			const parsed = parseFrontMatter(await readFile(resolve(projectRoot, s.file), 'utf8'));
			for (const p of v.problems) console.error(`${s.file}:${parsed.ok ? parsed.value.lineOf(p.path) : 1}: ${p.message}`);
		} else {
			console.log(`${s.id}: reference ${v.right!.accuracy}% accuracy; doing nothing ${v.nothing!.overall}% overall (${v.nothing!.status})`);
		}
	}
	if (failed > 0) return 1;
	console.log(`Scenarios OK — ${chosen.length} checked on the engine`);
	return 0;
}

main(process.argv.slice(2)).then(
	(code) => process.exit(code),
	(err: unknown) => {
		console.error(err);
		process.exit(1);
	}
);
