import { randomBytes } from 'node:crypto';
import { cloneState } from '$lib/domain/clone';
import type { Engine } from '$lib/domain/engine';
import type { Command, CommandContext, DomainEvent, Rejection, SandboxState } from '$lib/domain/model';
import { KeyedMutex } from '../store/keyed-mutex';
import type { Store } from '../store';
import { appendEvents, readEvents } from './event-log';

/**
 * Sandboxes on disk and in memory. A sandbox is a starting world (rebuilt from its spec, never
 * stored) plus the events its user caused (stored, append-only). The materialized state of recently
 * used sandboxes stays in memory and new events are applied to it incrementally; a command is
 * acknowledged only after its events are on disk.
 */
export type WorldSpec = { seed: string; preset: string };
export type SandboxKind = 'practice' | 'attempt';
export type SandboxMeta = {
	id: string;
	ownerId: string;
	kind: SandboxKind;
	world: WorldSpec;
	label: string;
	createdAt: string;
	/** What the sandbox belongs to, e.g. the scenario attempt it was made for. */
	ref?: string;
	/** Set when the work in it is over (a submitted scenario attempt): it refuses every command after. */
	closedAt?: string;
};

/** Builds the starting world for a spec (deterministic: same spec, same state). */
export type WorldBuilder = (spec: WorldSpec) => SandboxState;

type Loaded = { meta: SandboxMeta; state: SandboxState; events: DomainEvent[] };

/** What a sandbox refuses whatever the engine would say: anything once closed; the clock during an attempt (its scenario set the date). */
function refusalFor(meta: SandboxMeta, command: Command): Rejection | null {
	if (meta.closedAt) return { code: 'not-allowed', message: 'This scenario attempt has been submitted, so nothing more can be done in it. Start a new attempt to try again.' };
	if (meta.kind === 'attempt' && command.type.startsWith('clock.'))
		return { code: 'not-allowed', message: 'The business date is set by the scenario and cannot be changed during an attempt.' };
	return null;
}

export type CommandOutcome = { ok: true; events: DomainEvent[]; state: Readonly<SandboxState> } | { ok: false; rejection: Rejection };

export class SandboxService {
	readonly #loaded = new Map<string, Loaded>();
	readonly #worlds = new Map<string, SandboxState>();
	readonly #mutex = new KeyedMutex();

	constructor(
		readonly store: Store,
		readonly engine: Engine,
		readonly buildWorld: WorldBuilder,
		/** How many sandboxes stay materialized in memory (least recently used leave first). */
		readonly capacity = 30
	) {}

	/**
	 * A new sandbox on its world; `events` (already decided on a copy of that world, e.g. a scenario's
	 * setup) become its first events. They are saved before the meta, so a sandbox that exists is whole.
	 * `state`, when given, is the world with those events applied (the caller's own copy): it is kept
	 * as the sandbox's live state instead of being rebuilt on first use.
	 */
	async create(
		input: { ownerId: string; kind: SandboxKind; world: WorldSpec; label: string; ref?: string },
		now: Date,
		events: readonly DomainEvent[] = [],
		state?: SandboxState
	): Promise<SandboxMeta> {
		const meta: SandboxMeta = { id: `sb_${randomBytes(9).toString('base64url')}`, createdAt: now.toISOString(), ...input };
		if (events.length > 0) await appendEvents(this.store, meta.id, 0, events);
		await this.store.put(`sandboxes/${meta.id}/meta`, meta);
		if (state) this.#keep({ meta, state, events: [...events] });
		return meta;
	}

	/** The starting world of a spec, built once per process. Read-only: clone it to change it. */
	world(spec: WorldSpec): Readonly<SandboxState> {
		return this.#world(spec);
	}

	/** Close a sandbox for good: later commands are refused. */
	async close(id: string, now: Date): Promise<void> {
		await this.#mutex.run(id, async () => {
			const meta = await this.meta(id);
			if (!meta || meta.closedAt) return;
			const closed: SandboxMeta = { ...meta, closedAt: now.toISOString() };
			await this.store.put(`sandboxes/${id}/meta`, closed);
			const loaded = this.#loaded.get(id);
			if (loaded) loaded.meta = closed;
		});
	}

	/** Drop a sandbox's materialized state from memory (a closed attempt nobody is looking at); it is rebuilt from disk on next use. */
	forget(id: string): void {
		this.#loaded.delete(id);
	}

	async meta(id: string): Promise<SandboxMeta | undefined> {
		if (!/^sb_[A-Za-z0-9_-]+$/.test(id)) return undefined;
		return (await this.store.get<SandboxMeta>(`sandboxes/${id}/meta`)) ?? undefined;
	}

	/** The sandbox's current state and its own events (not the world's history). Read-only. */
	async open(id: string): Promise<{ meta: SandboxMeta; state: Readonly<SandboxState>; events: readonly DomainEvent[] } | undefined> {
		return this.#mutex.run(id, () => this.#load(id));
	}

	/** Decide and apply a command; its events are durable before this resolves. */
	async execute(id: string, command: Command, ctx: CommandContext): Promise<CommandOutcome> {
		return this.#mutex.run(id, async () => {
			const loaded = await this.#load(id);
			if (!loaded) return { ok: false, rejection: { code: 'not-found', message: 'This sandbox no longer exists.' } };
			const refusal = refusalFor(loaded.meta, command);
			if (refusal) return { ok: false, rejection: refusal };
			const result = this.engine.execute(loaded.state, command, ctx);
			if (!result.ok) return result;
			try {
				await appendEvents(this.store, id, loaded.events.length, result.events);
			} catch (err) {
				// Memory is ahead of disk now: forget it, so the next request rebuilds from what was saved.
				this.#loaded.delete(id);
				throw err;
			}
			loaded.events.push(...result.events);
			return { ok: true, events: result.events, state: loaded.state };
		});
	}

	async #load(id: string): Promise<Loaded | undefined> {
		const cached = this.#loaded.get(id);
		if (cached) {
			// Most recently used goes to the back of the eviction order.
			this.#loaded.delete(id);
			this.#loaded.set(id, cached);
			return cached;
		}
		const meta = await this.meta(id);
		if (!meta) return undefined;
		const state = cloneState(this.#world(meta.world));
		const events = await readEvents(this.store, id);
		this.engine.replay(state, events);
		return this.#keep({ meta, state, events });
	}

	#keep(loaded: Loaded): Loaded {
		this.#loaded.set(loaded.meta.id, loaded);
		while (this.#loaded.size > this.capacity) this.#loaded.delete(this.#loaded.keys().next().value!);
		return loaded;
	}

	#world(spec: WorldSpec): SandboxState {
		const key = `${spec.preset}:${spec.seed}`;
		let world = this.#worlds.get(key);
		if (!world) {
			world = this.buildWorld(spec);
			this.#worlds.set(key, world);
		}
		return world;
	}
}
