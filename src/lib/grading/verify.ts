/**
 * The engine check of a scenario, on its world: the setup runs, the reference solution runs
 * without a refusal, the reference scores 100% accuracy (every check not waiting for a supervisor
 * passes), and doing nothing fails with an overall score of at most 20%. Problems carry the key
 * path in the scenario file, so a caller can name the file line.
 */
import type { Engine } from '$lib/domain/engine';
import type { Actor, SandboxState } from '$lib/domain/model';
import { createClerkSystem } from '$lib/domain/system';
import { gradeAttempt } from './grade';
import { resolvePlaceholders } from './placeholders';
import { ScenarioRunError, prepareAttempt, runReference, storedLookup, type AttemptStart, type ReferenceRun } from './run';
import { FAILED_CAP } from './scoring';
import type { Scenario, ScenarioGrade } from './types';

export type ScenarioProblem = { path: (string | number)[]; message: string };

/** The trainee the check runs as (the witness in a mail scenario must not be this name). */
export const VERIFY_TRAINEE: Actor = { id: 'scenario-check', name: 'Terry Trainee', supervisor: false };

export type Verification = {
	problems: ScenarioProblem[];
	/** When the setup and reference ran: for tests that go on to grade mistaken attempts. */
	start?: AttemptStart;
	reference?: ReferenceRun;
	right?: ScenarioGrade;
	nothing?: ScenarioGrade;
};

/** The reference's own answers to the questions, placeholders filled in. */
export function referenceAnswers(scenario: Scenario, start: AttemptStart): Record<string, string> {
	const lookup = storedLookup(start.placeholders);
	return Object.fromEntries(scenario.questions.map((q) => [q.id, String(resolvePlaceholders(q.answer, lookup))]));
}

export function verifyScenario(scenario: Scenario, world: Readonly<SandboxState>, engine: Engine = createClerkSystem()): Verification {
	let start: AttemptStart;
	let reference: ReferenceRun;
	try {
		start = prepareAttempt(world, scenario, VERIFY_TRAINEE, engine);
		reference = runReference(scenario, start.state, VERIFY_TRAINEE, start.placeholders, engine);
	} catch (err) {
		if (err instanceof ScenarioRunError) return { problems: [{ path: err.path, message: err.message }] };
		throw err;
	}
	const problems: ScenarioProblem[] = [];
	const base = { scenario, start: start.state, trainee: VERIFY_TRAINEE, placeholders: start.placeholders, reference, engine, elapsedMs: scenario.targetSeconds * 1000 };

	const right = gradeAttempt({ ...base, events: reference.events, final: reference.state, answers: referenceAnswers(scenario, start) });
	right.checks.forEach((c, i) => {
		if (!c.pending && !c.passed) problems.push({ path: ['checks', i], message: `the reference solution fails this check — expected: ${c.expected}; it did: ${c.done}` });
	});

	const nothing = gradeAttempt({ ...base, events: [], final: start.state, answers: {} });
	if (nothing.status !== 'failed' || nothing.overall > FAILED_CAP) {
		problems.push({
			path: ['checks'],
			message: `doing nothing scores ${nothing.overall}% overall (${nothing.status}); it must fail with at most ${FAILED_CAP}%: make a check that needs the work critical`
		});
	}
	return { problems, start, reference, right, nothing };
}
