import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SEED, generateCity, SMALL_CITY } from '$lib/domain/city/generate';
import type { DomainEvent, SandboxState } from '$lib/domain/model';
import { createClerkSystem } from '$lib/domain/system';
import type { WorldSpec } from '../sandbox/service';

/**
 * The starting worlds a sandbox can be built on. Every practice sandbox starts from the full demo
 * city; `small` is the same city with fewer accounts, for quick experiments and tests of other code.
 */
export const WORLD_PRESETS = {
	city: {},
	small: SMALL_CITY
} as const;

export type WorldPreset = keyof typeof WORLD_PRESETS;

export const PRACTICE_WORLD: WorldSpec = { seed: DEFAULT_SEED, preset: 'city' };

export function isWorldPreset(value: string): value is WorldPreset {
	return Object.hasOwn(WORLD_PRESETS, value);
}

/**
 * Generate a world (seconds for the full city: the service builds each spec once and clones it).
 * With WORLD_CACHE_DIR set (the end-to-end tests share one per run, so every test server does not
 * regenerate the city), the generated events are kept there and replayed, which is several times faster.
 * The cache is keyed by spec only, so it is meant for one build of the app, never a long-lived dir.
 */
export function buildWorld(spec: WorldSpec): SandboxState {
	if (!isWorldPreset(spec.preset)) throw new Error(`Unknown world preset ${spec.preset}`);
	const cacheDir = process.env.WORLD_CACHE_DIR;
	const file = cacheDir ? join(cacheDir, `${spec.preset}-${encodeURIComponent(spec.seed)}.json`) : null;
	if (file) {
		const cached = readCachedWorld(file);
		if (cached) return cached;
	}
	const city = generateCity({ seed: spec.seed, ...WORLD_PRESETS[spec.preset] });
	if (file) writeCachedWorld(file, { firstDate: city.firstDate, events: city.events });
	return city.state;
}

type CachedWorld = { firstDate: string; events: DomainEvent[] };

function readCachedWorld(file: string): SandboxState | null {
	let cached: CachedWorld;
	try {
		cached = JSON.parse(readFileSync(file, 'utf8')) as CachedWorld;
	} catch {
		return null; // not written yet (or half a write from a crash): generate instead
	}
	const engine = createClerkSystem();
	return engine.replay(engine.emptyState(cached.firstDate), cached.events);
}

function writeCachedWorld(file: string, world: CachedWorld): void {
	mkdirSync(join(file, '..'), { recursive: true });
	// Written aside and renamed, so a reader never sees half a file even with several servers starting at once.
	const temp = `${file}.${process.pid}.tmp`;
	writeFileSync(temp, JSON.stringify(world));
	renameSync(temp, file);
}
