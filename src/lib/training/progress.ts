/**
 * A trainee's progress from their attempt summaries: mastery per duty, the review queue and what to
 * do next. Pure (the pages and the supervisor's dashboard both use it); no clock, no I/O.
 */

/** The attempt line progress is figured from (the server's AttemptSummary has at least these). */
export type AttemptLine = {
	id: string;
	scenarioId: string;
	duty: string;
	submittedAt: string | null;
	status: 'passed' | 'failed' | 'awaiting-review' | 'in-progress';
	accuracy: number | null;
	elapsedSeconds: number | null;
	targetSeconds: number;
};

/** Mastery of a duty: the last MASTERY_ATTEMPTS graded attempts in it all at MASTERY_ACCURACY or more, each within its target time. */
export const MASTERY_ATTEMPTS = 2;
export const MASTERY_ACCURACY = 90;
export const MASTERY_RULE = `A duty is mastered when your ${MASTERY_ATTEMPTS} most recent graded attempts at its scenarios each reach ${MASTERY_ACCURACY}% accuracy or more within the target time.`;

export type MasteryStatus = 'not-started' | 'learning' | 'mastered';
export const MASTERY_LABELS: Record<MasteryStatus, string> = { 'not-started': 'Not started', learning: 'Learning', mastered: 'Mastered' };

export type DutyMastery = {
	duty: string;
	status: MasteryStatus;
	/** Graded attempts in the duty. */
	graded: number;
	/** How many of the most recent attempts meet the bar, counting back until one does not. */
	streak: number;
	/** Mean accuracy of the graded attempts, whole percent (null before any). */
	averageAccuracy: number | null;
};

/** Graded (scored, not waiting for a supervisor) attempts, newest first. */
function gradedNewestFirst(attempts: readonly AttemptLine[]): AttemptLine[] {
	return attempts
		.filter((a) => a.submittedAt !== null && a.accuracy !== null && (a.status === 'passed' || a.status === 'failed'))
		.sort((a, b) => (b.submittedAt! < a.submittedAt! ? -1 : b.submittedAt! > a.submittedAt! ? 1 : b.id < a.id ? -1 : 1));
}

export function meetsBar(a: AttemptLine): boolean {
	return a.status === 'passed' && (a.accuracy ?? 0) >= MASTERY_ACCURACY && a.elapsedSeconds !== null && a.elapsedSeconds <= a.targetSeconds;
}

export function dutyMastery(duty: string, attempts: readonly AttemptLine[]): DutyMastery {
	const graded = gradedNewestFirst(attempts.filter((a) => a.duty === duty));
	let streak = 0;
	while (streak < graded.length && meetsBar(graded[streak]!)) streak++;
	const total = graded.reduce((sum, a) => sum + (a.accuracy ?? 0), 0);
	return {
		duty,
		status: graded.length === 0 ? 'not-started' : streak >= MASTERY_ATTEMPTS ? 'mastered' : 'learning',
		graded: graded.length,
		streak,
		averageAccuracy: graded.length === 0 ? null : Math.round(total / graded.length)
	};
}

export type ReviewItem = { scenarioId: string; duty: string; lastAttemptId: string; lastAccuracy: number; submittedAt: string };

/** Scenarios whose latest graded attempt did not pass: they come back until the trainee gets them right. */
export function reviewQueue(attempts: readonly AttemptLine[]): ReviewItem[] {
	const latest = new Map<string, AttemptLine>();
	for (const a of gradedNewestFirst(attempts)) if (!latest.has(a.scenarioId)) latest.set(a.scenarioId, a);
	return [...latest.values()]
		.filter((a) => a.status === 'failed')
		.map((a) => ({ scenarioId: a.scenarioId, duty: a.duty, lastAttemptId: a.id, lastAccuracy: a.accuracy ?? 0, submittedAt: a.submittedAt! }))
		.sort((a, b) => (a.submittedAt < b.submittedAt ? -1 : 1));
}

export type PathScenario = { id: string; duty: string };
export type PathLesson = { id: string; duty: string };

export type NextStep =
	| { kind: 'resume'; attemptId: string; scenarioId: string; why: string }
	| { kind: 'lesson'; lessonId: string; duty: string; why: string }
	| { kind: 'scenario'; scenarioId: string; duty: string; why: string }
	| { kind: 'done'; why: string };

/**
 * What to do next, in the training path's order: finish an attempt left open; else, in the first
 * duty not mastered, read its lesson if nothing was tried yet, try a scenario not tried yet, redo
 * one that went wrong, or repeat its scenarios until two in a row meet the bar.
 */
export function nextStep(duties: readonly string[], lessons: readonly PathLesson[], scenarios: readonly PathScenario[], attempts: readonly AttemptLine[]): NextStep {
	const open = [...attempts].reverse().find((a) => a.status === 'in-progress');
	if (open) return { kind: 'resume', attemptId: open.id, scenarioId: open.scenarioId, why: 'You have an attempt still open.' };
	const review = reviewQueue(attempts);
	for (const duty of duties) {
		const inDuty = scenarios.filter((s) => s.duty === duty);
		if (inDuty.length === 0) continue;
		const mastery = dutyMastery(duty, attempts);
		if (mastery.status === 'mastered') continue;
		const lesson = lessons.find((l) => l.duty === duty);
		if (mastery.status === 'not-started' && lesson && !attempts.some((a) => a.duty === duty))
			return { kind: 'lesson', lessonId: lesson.id, duty, why: 'Start this duty with its lesson, then its scenarios.' };
		const untried = inDuty.find((s) => !attempts.some((a) => a.scenarioId === s.id));
		if (untried) return { kind: 'scenario', scenarioId: untried.id, duty, why: 'A scenario of this duty you have not tried yet.' };
		const redo = review.find((r) => r.duty === duty);
		if (redo) return { kind: 'scenario', scenarioId: redo.scenarioId, duty, why: `Your last attempt scored ${redo.lastAccuracy}% accuracy: try it again.` };
		const oldest = oldestAttempted(inDuty, attempts);
		return { kind: 'scenario', scenarioId: oldest, duty, why: MASTERY_RULE };
	}
	return { kind: 'done', why: 'Every duty is mastered. Keep your hand in with the review queue and practice exams.' };
}

// The duty's scenario practised longest ago, so repetition goes round them all.
function oldestAttempted(inDuty: readonly PathScenario[], attempts: readonly AttemptLine[]): string {
	let best = inDuty[0]!.id;
	let bestAt = '\uffff';
	for (const s of inDuty) {
		const last = attempts.filter((a) => a.scenarioId === s.id && a.submittedAt).reduce((m, a) => (a.submittedAt! > m ? a.submittedAt! : m), '');
		if (last < bestAt) {
			bestAt = last;
			best = s.id;
		}
	}
	return best;
}
