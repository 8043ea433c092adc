import type { SandboxState } from '../model';

/**
 * The next id in a sequence ("AP-000012"), computed from the state's counter. The event that uses
 * the id advances the counter in its applier (`bump`), so ids are part of the deterministic fold.
 */
export function nextId(state: Readonly<SandboxState>, prefix: string, width = 6): string {
	return `${prefix}-${String((state.counters[prefix] ?? 0) + 1).padStart(width, '0')}`;
}

export function bump(state: SandboxState, prefix: string): void {
	state.counters[prefix] = (state.counters[prefix] ?? 0) + 1;
}
