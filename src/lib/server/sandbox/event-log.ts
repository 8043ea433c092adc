import type { DomainEvent } from '$lib/domain/model';
import type { Store } from '../store';

/**
 * A sandbox's event log in the store, split into chunks of CHUNK_SIZE events so that appending
 * rewrites only the last small file: the cost of a save stays flat however long the history gets.
 */
export const CHUNK_SIZE = 200;

type Chunk = { events: DomainEvent[] };

function chunkKey(sandboxId: string, index: number): string {
	return `sandboxes/${sandboxId}/log-${String(index).padStart(5, '0')}`;
}

/** Append events (already applied in memory) after the first `countBefore`; resolves once durable. */
export async function appendEvents(store: Store, sandboxId: string, countBefore: number, events: readonly DomainEvent[]): Promise<void> {
	let position = countBefore;
	let rest = events;
	while (rest.length > 0) {
		const index = Math.floor(position / CHUNK_SIZE);
		const room = CHUNK_SIZE - (position % CHUNK_SIZE);
		const part = rest.slice(0, room);
		const offset = position % CHUNK_SIZE;
		await store.update<Chunk>(chunkKey(sandboxId, index), () => ({ events: [] }), (chunk) => {
			// Never write past a gap or over events already saved: the log is append-only.
			if (chunk.events.length !== offset) throw new Error(`Event log of ${sandboxId} has ${chunk.events.length} events in chunk ${index}, expected ${offset}`);
			chunk.events.push(...part);
		});
		position += part.length;
		rest = rest.slice(part.length);
	}
}

/** Every saved event, in order. The chunks themselves are the record of how many there are. */
export async function readEvents(store: Store, sandboxId: string): Promise<DomainEvent[]> {
	const events: DomainEvent[] = [];
	for (let index = 0; ; index++) {
		const chunk = await store.get<Chunk>(chunkKey(sandboxId, index));
		if (!chunk) return events;
		events.push(...chunk.events);
		if (chunk.events.length < CHUNK_SIZE) return events;
	}
}
