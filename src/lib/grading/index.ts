/**
 * Scenario grading, pure: the scenario format's types, setting up an attempt, grading it, and the
 * one scoring formula. The server stores what these return; nothing here does I/O or reads a clock.
 */
export { gradeAttempt, type GradeInput } from './grade';
export { prepareAttempt, runReference, startState, stepTime, ScenarioRunError, SETUP_ACTORS, type AttemptStart, type ReferenceRun } from './run';
export { verifyScenario, VERIFY_TRAINEE, type ScenarioProblem } from './verify';
export { SCORING_FORMULA, PASS_ACCURACY, SPEED_COUNTS_FROM, SPEED_SHARE, SPEED_ZERO_AT, FAILED_CAP, speedPercent, overallPercent, scoreAttempt } from './scoring';
export { fillText, placeholdersIn } from './placeholders';
export { PROBES, PROBE_NAMES, DEFAULT_WORLD, WORLD_PRESET_NAMES, type ProbeName } from './format';
export { answerIsRight } from './answers';
export type * from './types';
