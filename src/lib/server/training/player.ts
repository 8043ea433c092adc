import { scenarioBrief, scenarioDebrief, type ScenarioBrief } from '../content';
import { getAttempt, findScenario, type AttemptRecord } from './attempts';
import type { CheckResult, ScenarioGrade } from '$lib/grading';
import { dutyLabel } from '$lib/duties';

/**
 * What the scenario player's pages get: the task card while an attempt runs (no answers, no
 * reference, no checks) and the result once it is submitted. Nothing here leaves answers behind
 * before submit.
 */

export type WrittenTask = { id: string; label: string; criteria: { criterion: string; points: number }[] };

export type TaskCard = {
	attemptId: string;
	brief: ScenarioBrief;
	dutyLabel: string;
	written: WrittenTask[];
	startedAt: string;
	/** The server's clock when the page was made, so the timer does not depend on the computer's clock. */
	serverNow: string;
};

export async function taskCard(attemptId: string, userId: string, now: Date): Promise<TaskCard | null> {
	const attempt = await getAttempt(attemptId);
	if (!attempt || attempt.userId !== userId || attempt.submittedAt) return null;
	const scenario = await findScenario(attempt.scenarioId);
	if (!scenario) return null;
	return {
		attemptId,
		brief: scenarioBrief(scenario, attempt.placeholders),
		dutyLabel: dutyLabel(scenario.duty),
		written: scenario.checks.flatMap((c) => (c.kind === 'rubric' ? [{ id: c.id, label: c.description, criteria: c.criteria }] : [])),
		startedAt: attempt.startedAt,
		serverNow: now.toISOString()
	};
}

export type AttemptResult = {
	attempt: Pick<AttemptRecord, 'id' | 'scenarioId' | 'startedAt' | 'submittedAt' | 'answers' | 'written' | 'reviews'>;
	brief: ScenarioBrief;
	dutyLabel: string;
	grade: ScenarioGrade;
	checks: CheckResult[];
	debriefHtml: string;
	policy: string[];
};

/** The graded attempt with the debrief: only for a submitted attempt. */
export async function attemptResult(attempt: AttemptRecord): Promise<AttemptResult | null> {
	if (!attempt.grade) return null;
	const scenario = await findScenario(attempt.scenarioId);
	if (!scenario) return null;
	const { debriefHtml, policy } = scenarioDebrief(scenario, attempt.placeholders);
	const { id, scenarioId, startedAt, submittedAt, answers, written, reviews } = attempt;
	return {
		attempt: { id, scenarioId, startedAt, submittedAt, answers, written, reviews },
		brief: scenarioBrief(scenario, attempt.placeholders),
		dutyLabel: dutyLabel(scenario.duty),
		grade: attempt.grade,
		checks: attempt.grade.checks,
		debriefHtml,
		policy
	};
}
