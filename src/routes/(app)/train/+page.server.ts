import { DUTIES } from '$lib/duties';
import { getContent } from '$lib/server/content';
import { attemptsOf } from '$lib/server/training/attempts';
import { MASTERY_RULE, dutyMastery, nextStep, reviewQueue } from '$lib/training/progress';
import type { PageServerLoad } from './$types';

/** The training path: duties in order, each with its lessons, its scenarios and the trainee's mastery. */
export const load: PageServerLoad = async ({ locals }) => {
	const { lessons, scenarios } = await getContent();
	const attempts = await attemptsOf(locals.user!.id);
	const titles = new Map(scenarios.map((s) => [s.id, s.title]));
	const step = nextStep(
		DUTIES.map((d) => d.id),
		lessons,
		scenarios,
		attempts
	);
	return {
		masteryRule: MASTERY_RULE,
		next: { ...step, title: 'scenarioId' in step ? titles.get(step.scenarioId) : 'lessonId' in step ? lessons.find((l) => l.id === step.lessonId)?.title : undefined },
		review: reviewQueue(attempts).map((r) => ({ ...r, title: titles.get(r.scenarioId) ?? r.scenarioId })),
		attempted: attempts.filter((a) => a.submittedAt).length,
		duties: DUTIES.map((d) => {
			const mine = attempts.filter((a) => a.duty === d.id);
			return {
				...d,
				mastery: dutyMastery(d.id, attempts),
				lessons: lessons.filter((l) => l.duty === d.id).map((l) => ({ id: l.id, title: l.title, summary: l.summary, minutes: l.minutes })),
				scenarios: scenarios
					.filter((s) => s.duty === d.id)
					.map((s) => {
						const tries = mine.filter((a) => a.scenarioId === s.id && a.overall !== null);
						return {
							id: s.id,
							title: s.title,
							difficulty: s.difficulty,
							targetSeconds: s.targetSeconds,
							tries: tries.length,
							best: tries.length === 0 ? null : Math.max(...tries.map((a) => a.overall ?? 0)),
							last: tries.at(-1)?.status ?? null
						};
					})
			};
		}).filter((d) => d.lessons.length > 0 || d.scenarios.length > 0)
	};
};
