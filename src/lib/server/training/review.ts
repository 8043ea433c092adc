import type { RubricCheck, RubricReview, ScenarioGrade } from '$lib/grading';
import type { SessionUser } from '../auth/types';
import type { ScenarioContent } from '../content';
import { getStore, type Store } from '../store';
import { KeyedMutex } from '../store/keyed-mutex';
import { attemptKey, findScenario, getAttempt, gradeInSandbox, saveSummary, type AttemptRecord } from './attempts';

/**
 * A supervisor's review of written work (a rubric check): points per criterion and a comment the
 * trainee reads on their result page. The attempt is graded again with the review folded in, by
 * the same pure grader and the same replay of the start state as at submit, so the score is the
 * one formula's and the record and the trainee's index line agree.
 */

/** A review as stored: the grader reads points and comment; who and when are for the record. */
export type StoredReview = RubricReview & { by: string; byName: string; at: string };

export const MAX_COMMENT_CHARS = 2_000;

export class ReviewError extends Error {
	constructor(
		message: string,
		readonly status: 400 | 404 | 409
	) {
		super(message);
		this.name = 'ReviewError';
	}
}

const reviewMutex = new KeyedMutex();

export function rubricOf(scenario: ScenarioContent, checkId: string): RubricCheck | undefined {
	const c = scenario.checks.find((x) => x.id === checkId);
	return c && c.kind === 'rubric' ? c : undefined;
}

/** Points and comment from the grading form (`points-0`, `points-1`…, `comment`), checked against the rubric. */
export function readReview(check: RubricCheck, form: FormData): RubricReview {
	const points = check.criteria.map((criterion, i) => {
		const raw = form.get(`points-${i}`);
		const text = typeof raw === 'string' ? raw.trim() : '';
		if (text === '') throw new ReviewError(`Give points for criterion ${i + 1} (0 to ${criterion.points}).`, 400);
		if (!/^\d{1,3}$/.test(text) || Number(text) > criterion.points)
			throw new ReviewError(`Points for criterion ${i + 1} must be a whole number from 0 to ${criterion.points}; "${text.slice(0, 20)}" is not.`, 400);
		return Number(text);
	});
	const rawComment = form.get('comment');
	const comment = typeof rawComment === 'string' ? rawComment.trim() : '';
	if (comment.length > MAX_COMMENT_CHARS) throw new ReviewError(`Keep the comment under ${MAX_COMMENT_CHARS.toLocaleString('en-US')} characters.`, 400);
	return comment ? { points, comment } : { points };
}

function checkReview(check: RubricCheck, review: RubricReview): void {
	if (!Array.isArray(review.points) || review.points.length !== check.criteria.length)
		throw new ReviewError(`The rubric has ${check.criteria.length} criteria: give points for each.`, 400);
	review.points.forEach((p, i) => {
		const max = check.criteria[i]!.points;
		if (!Number.isSafeInteger(p) || p < 0 || p > max) throw new ReviewError(`Points for criterion ${i + 1} must be a whole number from 0 to ${max}.`, 400);
	});
	if (review.comment !== undefined && (typeof review.comment !== 'string' || review.comment.length > MAX_COMMENT_CHARS))
		throw new ReviewError(`Keep the comment under ${MAX_COMMENT_CHARS.toLocaleString('en-US')} characters.`, 400);
}

/** Grade a submitted attempt again with the given reviews: its start state rebuilt from the world and its setup events. */
export async function regrade(attempt: AttemptRecord, scenario: ScenarioContent, reviews: Record<string, RubricReview>, store: Store = getStore()): Promise<ScenarioGrade> {
	if (!attempt.submittedAt) throw new ReviewError('This attempt has not been submitted yet.', 409);
	const grade = await gradeInSandbox({ ...attempt, submittedAt: attempt.submittedAt }, scenario, reviews, store);
	if (!grade) throw new ReviewError('The sandbox of this attempt is gone, so it cannot be graded again.', 409);
	return grade;
}

/**
 * Record a supervisor's review of one rubric check of a submitted attempt and re-grade it.
 * Reviewing again replaces the earlier review. Who may review (the trainee's supervisor) is the
 * caller's to decide; this checks the attempt, the check and the points.
 */
export async function reviewAttempt(
	reviewer: SessionUser,
	attemptId: string,
	checkId: string,
	review: RubricReview,
	now: Date,
	store: Store = getStore()
): Promise<AttemptRecord> {
	return reviewMutex.run(attemptId, async () => {
		const attempt = await getAttempt(attemptId, store);
		if (!attempt) throw new ReviewError('There is no such attempt.', 404);
		if (!attempt.submittedAt || !attempt.grade) throw new ReviewError('This attempt has not been submitted yet, so there is nothing to grade.', 409);
		const scenario = await findScenario(attempt.scenarioId);
		if (!scenario) throw new ReviewError('This scenario has been withdrawn, so the attempt cannot be graded again.', 409);
		const check = rubricOf(scenario, checkId);
		if (!check) throw new ReviewError('This attempt has no written work by that name.', 404);
		checkReview(check, review);
		const stored: StoredReview = { points: [...review.points], ...(review.comment?.trim() ? { comment: review.comment.trim() } : {}), by: reviewer.id, byName: reviewer.displayName, at: now.toISOString() };
		const reviews = { ...attempt.reviews, [checkId]: stored };
		const grade = await regrade(attempt, scenario, reviews, store);
		const updated: AttemptRecord = { ...attempt, reviews, grade };
		await store.put(attemptKey(updated.id), updated);
		await saveSummary(store, updated, scenario.targetSeconds);
		return updated;
	});
}

/** Rubric checks of an attempt still waiting for a review (ids). */
export function awaitingReview(attempt: Pick<AttemptRecord, 'grade'>): string[] {
	return attempt.grade?.awaitingReview ?? [];
}
