/**
 * Running a scenario's steps on a state: the attempt's setup (world → start) and the reference
 * solution (start → what the right way leaves behind). Pure: the time stamped on each step is
 * derived from the business date, never read from a clock.
 */
import { STANDARD_FLOAT } from '$lib/domain/cashiering';
import { cloneState } from '$lib/domain/clone';
import { addDays, daysBetween } from '$lib/domain/dates';
import type { Engine } from '$lib/domain/engine';
import type { Actor, DomainEvent, SandboxState } from '$lib/domain/model';
import { createClerkSystem } from '$lib/domain/system';
import { MAX_SETUP_DAYS } from './format';
import { PlaceholderError, parseExpression, placeholdersIn, readPath, resolvePlaceholders, type Lookup } from './placeholders';
import type { Placeholders, Scenario, ScenarioStep, StepActor } from './types';

/** Who runs setup steps marked `as: system` or `as: supervisor` (never the trainee: their drawer and work stay their own). */
export const SETUP_ACTORS: Record<Exclude<StepActor, 'trainee'>, Actor> = {
	system: { id: 'scenario-setup', name: 'Scenario setup', supervisor: false },
	supervisor: { id: 'scenario-supervisor', name: 'Scenario supervisor', supervisor: true }
};

/** A step that could not run: a content problem, with the key path of the step in the scenario file. */
export class ScenarioRunError extends Error {
	constructor(
		message: string,
		readonly path: (string | number)[]
	) {
		super(message);
		this.name = 'ScenarioRunError';
	}
}

/** Steps' own moment: early morning of the business date (UTC), so the same scenario gives the same events. */
export function stepTime(businessDate: string): string {
	return `${businessDate}T16:00:00.000Z`;
}

type StepEvents = Map<string, DomainEvent[]>;

/** Resolves placeholders: known values first, then built-ins and named steps' events. */
function lookupFor(state: () => Readonly<SandboxState>, trainee: Actor, steps: StepEvents, known: Placeholders = {}): Lookup {
	return (expr) => {
		if (Object.prototype.hasOwnProperty.call(known, expr)) return { ok: true, value: known[expr] };
		const parsed = parseExpression(expr);
		if (!parsed.ok) return parsed;
		const e = parsed.value;
		switch (e.kind) {
			case 'today':
				return { ok: true, value: addDays(state().businessDate, e.offset) };
			case 'trainee':
				return { ok: true, value: trainee[e.field] };
			case 'standard-float':
				return { ok: true, value: { ...STANDARD_FLOAT } };
			case 'step': {
				const events = steps.get(e.name);
				if (!events) return { ok: false, message: `{{${expr}}}: no step called "${e.name}" has run yet` };
				for (const event of events) {
					const value = readPath(event, e.path);
					if (value !== undefined) return { ok: true, value };
				}
				const types = events.map((x) => x.type).join(', ') || 'no events';
				return { ok: false, message: `{{${expr}}}: step "${e.name}" produced ${types}, none with the field ${e.path.join('.')}` };
			}
		}
	};
}

/** Run steps in order on `state` (changed in place); each step's events are kept under its name. */
function runSteps(engine: Engine, state: SandboxState, steps: readonly ScenarioStep[], actorOf: (step: ScenarioStep) => Actor, lookup: Lookup, named: StepEvents, at: (string | number)[]): DomainEvent[] {
	const out: DomainEvent[] = [];
	steps.forEach((step, i) => {
		const path = [...at, i, 'command'];
		let command: ScenarioStep['command'];
		try {
			command = resolvePlaceholders(step.command, lookup);
		} catch (err) {
			if (err instanceof PlaceholderError) throw new ScenarioRunError(err.message, path);
			throw err;
		}
		const result = engine.execute(state, command, { actor: actorOf(step), at: stepTime(state.businessDate) });
		if (!result.ok) throw new ScenarioRunError(`${command.type} was refused: ${result.rejection.message}${result.rejection.field ? ` (field ${result.rejection.field})` : ''}`, path);
		if (step.name) named.set(step.name, result.events);
		out.push(...result.events);
	});
	return out;
}

export type AttemptStart = {
	/** The world with the setup applied: what the trainee starts from. */
	state: SandboxState;
	/** The events the setup produced, in order: the attempt sandbox's first events (remember how many). */
	events: DomainEvent[];
	/** Every placeholder the scenario uses outside its reference solution, resolved; store it with the attempt. */
	placeholders: Placeholders;
};

/**
 * Build an attempt's start from a world: move the business date (each day's work runs), run the
 * setup steps, resolve the placeholders. `world` is not changed. Throws ScenarioRunError when the
 * scenario does not fit the world (the engine check of the content catches that first).
 */
export function prepareAttempt(world: Readonly<SandboxState>, scenario: Scenario, trainee: Actor, engine: Engine = createClerkSystem()): AttemptStart {
	const state = cloneState(world);
	const events: DomainEvent[] = [];
	const { date, steps } = scenario.setup;
	if (date) {
		const days = daysBetween(state.businessDate, date);
		if (days < 0) throw new ScenarioRunError(`setup.date ${date} is before the world's business date ${state.businessDate}`, ['setup', 'date']);
		if (days > MAX_SETUP_DAYS) throw new ScenarioRunError(`setup.date ${date} is ${days} days after ${state.businessDate}; move at most ${MAX_SETUP_DAYS} days`, ['setup', 'date']);
		for (let d = 0; d < days; d++) {
			const r = engine.execute(state, { type: 'clock.next-day' }, { actor: SETUP_ACTORS.system, at: stepTime(state.businessDate) });
			if (!r.ok) throw new ScenarioRunError(`moving to ${date} was refused: ${r.rejection.message}`, ['setup', 'date']);
			events.push(...r.events);
		}
	}
	const named: StepEvents = new Map();
	const lookup = lookupFor(() => state, trainee, named);
	const actorOf = (step: ScenarioStep) => (step.as === 'trainee' ? trainee : SETUP_ACTORS[step.as]);
	events.push(...runSteps(engine, state, steps, actorOf, lookup, named, ['setup', 'steps']));
	return { state, events, placeholders: resolveUsed(scenario, lookup) };
}

/** Where placeholders may be used outside the steps, with their key paths (for error messages). */
function textsOf(scenario: Scenario): { value: unknown; path: (string | number)[] }[] {
	return [
		...scenario.reference.map((s, i) => ({ value: s.command, path: ['reference', i, 'command'] })),
		...scenario.questions.flatMap((q, i) => [
			{ value: q.prompt, path: ['questions', i, 'prompt'] },
			{ value: q.answer, path: ['questions', i, 'answer'] }
		]),
		...scenario.checks.map((c, i) => ({ value: c, path: ['checks', i] })),
		{ value: scenario.task, path: [] },
		{ value: scenario.debrief, path: [] }
	];
}

// Resolve every placeholder used outside the setup steps, except those naming reference steps (they exist only when the reference runs).
function resolveUsed(scenario: Scenario, lookup: Lookup): Placeholders {
	const referenceNames = new Set(scenario.reference.flatMap((s) => (s.name ? [s.name] : [])));
	const out: Placeholders = {};
	for (const { value, path } of textsOf(scenario)) {
		for (const expr of placeholdersIn(value)) {
			if (Object.prototype.hasOwnProperty.call(out, expr)) continue;
			const parsed = parseExpression(expr);
			if (parsed.ok && parsed.value.kind === 'step' && referenceNames.has(parsed.value.name)) continue;
			const r = lookup(expr);
			if (!r.ok) throw new ScenarioRunError(r.message, path);
			out[expr] = r.value;
		}
	}
	return out;
}

/** Rebuild an attempt's start state from the world and its stored setup events (the server's view). */
export function startState(world: Readonly<SandboxState>, setupEvents: readonly DomainEvent[], engine: Engine = createClerkSystem()): SandboxState {
	return engine.replay(cloneState(world), setupEvents);
}

export type ReferenceRun = { state: SandboxState; events: DomainEvent[] };

/**
 * The reference solution run as the trainee on a fresh copy of the start state (or, with `inPlace`,
 * on `start` itself, when the caller has no further use for it: a copy of a city costs time).
 * Throws ScenarioRunError if a step is refused.
 */
export function runReference(
	scenario: Scenario,
	start: Readonly<SandboxState>,
	trainee: Actor,
	placeholders: Placeholders,
	engine: Engine = createClerkSystem(),
	inPlace = false
): ReferenceRun {
	const state = inPlace ? (start as SandboxState) : cloneState(start);
	const named: StepEvents = new Map();
	const events = runSteps(engine, state, scenario.reference, () => trainee, lookupFor(() => start, trainee, named, placeholders), named, ['reference']);
	return { state, events };
}

/** A lookup over stored placeholders only (for checks and questions at grading time). */
export function storedLookup(placeholders: Placeholders): Lookup {
	return (expr) =>
		Object.prototype.hasOwnProperty.call(placeholders, expr)
			? { ok: true, value: placeholders[expr] }
			: { ok: false, message: `{{${expr}}} was not resolved when the attempt started` };
}
