/**
 * The shapes of a training scenario (as content/scenarios/*.md builds it) and of its grade.
 *
 * Pure data, no runtime imports: the content loader (run by plain tsx in `content:check`) and the
 * grader share these types. content/scenarios/README.md describes every field for authors; keep the
 * two in step.
 */

/** Who runs a step: setup steps may run as the system, the trainee or a supervisor; reference steps always run as the trainee. */
export type StepActor = 'system' | 'trainee' | 'supervisor';

/** An engine command as an author writes it: `{ type, ...fields }`, values may hold {{placeholders}}. */
export type CommandSpec = { type: string } & Record<string, unknown>;

export interface ScenarioStep {
	/** Lets later steps, checks and text refer to what this step created: `{{name.field}}`. */
	name?: string;
	as: StepActor;
	command: CommandSpec;
}

/** The starting world: a demo city by seed and preset (the server's practice world by default). */
export interface WorldRef {
	seed: string;
	preset: string;
}

export interface ScenarioSetup {
	world: WorldRef;
	/** Business date to move to before the steps run, one day at a time (bills, penalties, defaults run). */
	date?: string;
	steps: ScenarioStep[];
}

export const QUESTION_KINDS = ['choice', 'money', 'date', 'number', 'text'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

interface QuestionBase<K extends QuestionKind> {
	id: string;
	kind: K;
	/** Markdown; may use setup placeholders. */
	prompt: string;
	/** The right answer as text: an option's text, "19.18", "2026-11-26", "12.5", or words. */
	answer: string;
}

export type ChoiceQuestion = QuestionBase<'choice'> & { options: string[] };
export type MoneyQuestion = QuestionBase<'money'>;
export type DateQuestion = QuestionBase<'date'>;
export type NumberQuestion = QuestionBase<'number'> & { tolerance: string; unit?: string };
export type TextQuestion = QuestionBase<'text'> & { accept: string[] };
export type ScenarioQuestion = ChoiceQuestion | MoneyQuestion | DateQuestion | NumberQuestion | TextQuestion;

export const CHECK_KINDS = ['event', 'no-event', 'ledger', 'same-as-reference', 'state', 'approval-requested', 'answer', 'rubric'] as const;
export type CheckKind = (typeof CHECK_KINDS)[number];

export const APPROVAL_KINDS = ['adjustment', 'payment-plan', 'void', 'over-short'] as const;
export type ApprovalKindName = (typeof APPROVAL_KINDS)[number];

interface CheckBase<K extends CheckKind> {
	id: string;
	kind: K;
	/** What the check is about, in a trainee's words ("Payment of $180.82 posted to 100-0006"). */
	description: string;
	/** What was expected, in words; a description is generated from the check when absent. */
	expected?: string;
	/** 1–10: how much the check counts toward accuracy. */
	weight: number;
	/** A failed critical check fails the attempt. */
	critical: boolean;
}

/** A partial pattern an event (or a stored command, or a probe's value) must fit; see matcher.ts. */
export type Pattern = unknown;

export type EventCheck = CheckBase<'event'> & { event: string; match?: Pattern; times?: number };
export type NoEventCheck = CheckBase<'no-event'> & { events: string[]; match?: Pattern };
export type LedgerCheck = CheckBase<'ledger'> & { accounts?: string[] };
export type ReferenceCheck = CheckBase<'same-as-reference'> & { probe: string; args: Record<string, string> };
export type StateCheck = CheckBase<'state'> & { probe: string; args: Record<string, string>; equals: Pattern };
export type ApprovalCheck = CheckBase<'approval-requested'> & { approval: ApprovalKindName; match?: Pattern };
export type AnswerCheck = CheckBase<'answer'> & { question: string };
export type RubricCriterion = { criterion: string; points: number };
export type RubricCheck = CheckBase<'rubric'> & { criteria: RubricCriterion[]; passPoints: number };
export type ScenarioCheck = EventCheck | NoEventCheck | LedgerCheck | ReferenceCheck | StateCheck | ApprovalCheck | AnswerCheck | RubricCheck;

export type Difficulty = 1 | 2 | 3;

export interface Scenario {
	id: string;
	title: string;
	/** A duty id from src/lib/duties.ts. */
	duty: string;
	difficulty: Difficulty;
	/** Time a competent clerk needs; speed is 100% within it. */
	targetSeconds: number;
	summary: string;
	/** Position within the duty's list of scenarios. */
	order: number;
	/** Sections of the policy page (heading ids) the debrief cites. */
	policy: string[];
	setup: ScenarioSetup;
	questions: ScenarioQuestion[];
	/** The right way, as engine commands run by the trainee on the start state. */
	reference: ScenarioStep[];
	checks: ScenarioCheck[];
	/** Markdown of the body's "## Task" section (what the customer or supervisor says). */
	task: string;
	/** Markdown of the body's "## Debrief" section (the right way, citing the policy). */
	debrief: string;
}

/** Resolved placeholder values by expression ("drawer.drawerId" → "DRW-000532"); plain JSON, stored with the attempt. */
export type Placeholders = Record<string, unknown>;

/** A supervisor's scoring of a rubric check: points per criterion, in the rubric's order. */
export type RubricReview = { points: number[]; comment?: string };

export interface CheckResult {
	id: string;
	kind: CheckKind;
	description: string;
	/** What was expected, in words. */
	expected: string;
	/** What the trainee did, in words. */
	done: string;
	passed: boolean;
	/** A rubric check still waiting for a supervisor: it counts for nothing yet. */
	pending: boolean;
	weight: number;
	critical: boolean;
	/** Share of the weight earned, as a decimal string ("3", "0", "1.50" for a partly met rubric). */
	earned: string;
}

export type GradeStatus = 'passed' | 'failed' | 'awaiting-review';

export interface ScenarioGrade {
	scenarioId: string;
	status: GradeStatus;
	/** Whole percents, 0–100 (see scoring.ts for the formula). */
	accuracy: number;
	speed: number;
	overall: number;
	/** Weights earned and possible over the checks scored so far (pending rubric checks left out). */
	earned: string;
	possible: number;
	/** Ids of failed critical checks. */
	criticalFailed: string[];
	/** Ids of rubric checks waiting for a supervisor. */
	awaitingReview: string[];
	elapsedSeconds: number;
	targetSeconds: number;
	checks: CheckResult[];
}
