import { DEFAULT_SEED, generateCity, SMALL_CITY } from '$lib/domain/city/generate';
import type { SandboxState } from '$lib/domain/model';
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

/** Generate a world (seconds for the full city: the service builds each spec once and clones it). */
export function buildWorld(spec: WorldSpec): SandboxState {
	if (!isWorldPreset(spec.preset)) throw new Error(`Unknown world preset ${spec.preset}`);
	return generateCity({ seed: spec.seed, ...WORLD_PRESETS[spec.preset] }).state;
}
