import { approvalsModule } from './kernel/approvals';
import { booksModule } from './kernel/books';
import { clockModule } from './kernel/clock';
import { ReplayPostings, emptyLedger, postEntry } from './ledger';
import type { Command, CommandContext, CommandHandler, DomainEvent, DomainModule, EngineEnv, EventApplier, ProposedEvent, Rejection, SandboxState } from './model';
import { reject } from './model';

/**
 * The engine: validates a command against the state and either rejects it (nothing changes) or
 * stamps and applies the events it produces. State is only ever changed by applying events, so
 * replaying the event log over the same starting state reproduces it exactly.
 */
export class Engine {
	readonly #commands = new Map<string, CommandHandler>();
	readonly #events = new Map<string, EventApplier>();
	readonly #modules: readonly DomainModule[];
	readonly env: EngineEnv;

	constructor(modules: readonly DomainModule[]) {
		this.#modules = modules;
		this.env = { paymentTargets: Object.assign({}, ...modules.map((m) => m.paymentTargets ?? {})) };
		for (const m of [clockModule(modules), approvalsModule(modules), booksModule, ...modules]) {
			for (const [type, handler] of Object.entries(m.commands)) {
				if (this.#commands.has(type)) throw new Error(`Command ${type} registered twice`);
				this.#commands.set(type, handler);
			}
			for (const [type, applier] of Object.entries(m.events)) {
				if (this.#events.has(type)) throw new Error(`Event ${type} registered twice`);
				this.#events.set(type, applier);
			}
		}
	}

	/** Decide without changing anything: the events the command would produce, or why not. */
	decide(state: Readonly<SandboxState>, command: Command, ctx: CommandContext): { ok: true; events: ProposedEvent[] } | { ok: false; rejection: Rejection } {
		if (!command || typeof command !== 'object' || typeof command.type !== 'string') return reject('invalid-input', 'The command has no type.');
		const handler = this.#commands.get(command.type);
		if (!handler) return reject('unknown-command', `There is no action called “${command.type}”.`);
		try {
			return handler(state, command, { ...ctx, env: this.env, decideOther: (other, otherCtx) => this.decide(state, other, otherCtx) });
		} catch {
			// Handlers validate every field; this is the last line of defence so a clerk never sees a crash.
			return reject('invalid-input', 'This could not be done with the values given. Check each field and try again.');
		}
	}

	/** Run a command: on success the events are applied to `state` (mutated in place) and returned. */
	execute(state: SandboxState, command: Command, ctx: CommandContext): { ok: true; events: DomainEvent[] } | { ok: false; rejection: Rejection } {
		const decision = this.decide(state, command, ctx);
		if (!decision.ok) return decision;
		// Stamp each event as it is applied, so one that starts a new day dates the ones after it.
		const events: DomainEvent[] = [];
		for (const proposed of decision.events) {
			const event: DomainEvent = { ...proposed, seq: state.eventCount + 1, at: ctx.at, date: state.businessDate, actor: ctx.actor.id };
			this.apply(state, event);
			events.push(event);
		}
		return { ok: true, events };
	}

	/** Apply one stamped event: its journal entry, then the module's change to its slice. */
	apply(state: SandboxState, event: DomainEvent): void {
		this.#apply(state, event, null);
	}

	// With `postings`, the journal entry is added to a replay's running sums instead of the ledger.
	#apply(state: SandboxState, event: DomainEvent, postings: ReplayPostings | null): void {
		const applier = this.#events.get(event.type);
		if (!applier) throw new Error(`No applier for event ${event.type}`);
		if (event.seq !== state.eventCount + 1) throw new Error(`Event ${event.seq} out of order (expected ${state.eventCount + 1})`);
		if (event.journal) {
			if (postings) postings.post(event.journal, event.date);
			else postEntry(state.ledger, event.journal, event.date);
		}
		applier(state, event, this.env);
		state.eventCount = event.seq;
	}

	/** Every command type the engine knows (for fuzzing and for listing actions). */
	commandTypes(): string[] {
		return [...this.#commands.keys()].sort();
	}

	/** A new, empty sandbox state on `businessDate`, with every module's slice. */
	emptyState(businessDate: string): SandboxState {
		const state = { businessDate, counters: {}, ledger: emptyLedger(), approvals: {}, eventCount: 0 } as unknown as SandboxState;
		for (const m of this.#modules) m.initSlice?.(state);
		return state;
	}

	/** Rebuild a state from its starting point and its event log. */
	replay(start: SandboxState, events: readonly DomainEvent[]): SandboxState {
		// Appliers never read ledger balances, so they are written once at the end (also when an event fails).
		const postings = new ReplayPostings(start.ledger);
		try {
			for (const e of events) this.#apply(start, e, postings);
		} finally {
			postings.close();
		}
		return start;
	}

}
