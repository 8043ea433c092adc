import { cloneState } from '../clone';
import { DEFAULT_SEED, generateCity, SMALL_CITY, type GeneratedCity } from '../city/generate';
import type { Command, CommandContext, SandboxState } from '../model';

/** Test helper (imported only by *.test.ts): the small demo city, generated once, a fresh copy per test. */
let city: GeneratedCity | undefined;

export const trainee: CommandContext = { actor: { id: 'u_trainee', name: 'Tracy Trainee', supervisor: false }, at: '2026-11-16T17:00:00.000Z' };

export function smallCity() {
	city ??= generateCity({ seed: DEFAULT_SEED, ...SMALL_CITY });
	const engine = city.engine;
	const state: SandboxState = cloneState(city.state);
	const run = (command: Command, ctx: CommandContext = trainee) => {
		const r = engine.execute(state, command, ctx);
		if (!r.ok) throw new Error(`${command.type} rejected: ${r.rejection.message}`);
		return r.events;
	};
	return { engine, state, run, history: city.events };
}
