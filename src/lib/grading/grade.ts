/**
 * Grading a scenario attempt: compare outcomes, not keystrokes. The reference solution runs on a
 * fresh copy of the attempt's start state; each check then compares what matters (events, postings,
 * probes of the final states, approvals asked, answers given), and scoring.ts turns the results
 * into accuracy, speed and overall. Pure and deterministic; the result is plain JSON.
 */
import { cloneState } from '$lib/domain/clone';
import type { Engine } from '$lib/domain/engine';
import type { Actor, DomainEvent, SandboxState } from '$lib/domain/model';
import { createClerkSystem } from '$lib/domain/system';
import { evaluateCheck, type CheckContext } from './checks';
import { runReference, storedLookup, type ReferenceRun } from './run';
import { scoreAttempt, type Earned } from './scoring';
import type { Placeholders, RubricReview, Scenario, ScenarioGrade } from './types';

export type GradeInput = {
	scenario: Scenario;
	/** The attempt's start: the world with the setup applied (prepareAttempt().state, or startState()). */
	start: Readonly<SandboxState>;
	/** Who did the attempt; the reference solution runs as them. */
	trainee: Actor;
	/** Every event of the attempt sandbox after the setup's events. */
	events: readonly DomainEvent[];
	/** Answers to the scenario's questions by question id, as typed. */
	answers?: Readonly<Record<string, string>>;
	/** Time from start to submit, measured by the server. */
	elapsedMs: number;
	/** From prepareAttempt, stored with the attempt. */
	placeholders: Placeholders;
	/** Supervisor scores of rubric checks by check id (absent: the check waits for review). */
	reviews?: Readonly<Record<string, RubricReview>>;
	/** The trainee's final state when the caller has it (a live sandbox); otherwise `events` are replayed on a copy of `start`. */
	final?: Readonly<SandboxState>;
	/** A reference run already made for this start (runReference); otherwise it is run here. */
	reference?: ReferenceRun;
	engine?: Engine;
};

/** Grade one attempt. Throws ScenarioRunError only when the scenario itself does not run (caught by the content's engine check). */
export function gradeAttempt(input: GradeInput): ScenarioGrade {
	const engine = input.engine ?? createClerkSystem();
	const { scenario, start, trainee, placeholders } = input;
	const reference = input.reference ?? runReference(scenario, start, trainee, placeholders, engine);
	const final = input.final ?? replayed(engine, start, input.events);
	const ctx: CheckContext = {
		scenario,
		trainee: { events: input.events, state: final },
		reference,
		answers: input.answers ?? {},
		reviews: input.reviews ?? {},
		lookup: storedLookup(placeholders)
	};
	const fractions = new Map<string, Earned>();
	const checks = scenario.checks.map((c) => {
		const { result, earned } = evaluateCheck(c, ctx);
		if (earned) fractions.set(c.id, earned);
		return result;
	});
	const score = scoreAttempt(checks, input.elapsedMs, scenario.targetSeconds, fractions);
	return {
		scenarioId: scenario.id,
		...score,
		elapsedSeconds: Math.round(input.elapsedMs / 1000),
		targetSeconds: scenario.targetSeconds,
		checks
	};
}

// No events: the start state is the final state (read-only), so no copy is needed.
function replayed(engine: Engine, start: Readonly<SandboxState>, events: readonly DomainEvent[]): Readonly<SandboxState> {
	if (events.length === 0) return start;
	return engine.replay(cloneState(start), events);
}
