import { Money } from '$lib/money';
import type { SandboxState } from './model';

/**
 * A deep copy of a sandbox state. Money values are immutable, so they are shared rather than
 * copied (structuredClone would also lose their class). Lets one generated city be the starting
 * point of many sandboxes without generating it again.
 */
export function cloneState(state: Readonly<SandboxState>): SandboxState {
	return cloneValue(state) as SandboxState;
}

function cloneValue(value: unknown): unknown {
	if (value === null || typeof value !== 'object' || value instanceof Money) return value;
	if (Array.isArray(value)) return value.map(cloneValue);
	const out: Record<string, unknown> = {};
	for (const key of Object.keys(value)) out[key] = cloneValue((value as Record<string, unknown>)[key]);
	return out;
}
