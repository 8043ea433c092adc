import { DUTIES } from '$lib/duties';
import { getContent } from '$lib/server/content';
import { attemptsOf } from '$lib/server/training/attempts';
import { MASTERY_RULE, dutyMastery } from '$lib/training/progress';
import type { PageServerLoad } from './$types';

/** The trainee's own progress: every graded attempt over time, and mastery per duty. */
export const load: PageServerLoad = async ({ locals }) => {
	const { scenarios } = await getContent();
	const titles = new Map(scenarios.map((s) => [s.id, s.title]));
	const attempts = await attemptsOf(locals.user!.id);
	const graded = attempts
		.filter((a) => a.submittedAt && a.accuracy !== null)
		.sort((a, b) => (a.submittedAt! < b.submittedAt! ? -1 : 1))
		.map((a) => ({ ...a, title: titles.get(a.scenarioId) ?? a.scenarioId }));
	const mean = (xs: number[]) => (xs.length === 0 ? null : Math.round(xs.reduce((s, x) => s + x, 0) / xs.length));
	const duties = DUTIES.filter((d) => scenarios.some((s) => s.duty === d.id)).map((d) => ({ id: d.id, label: d.label, ...dutyMastery(d.id, attempts) }));
	return {
		masteryRule: MASTERY_RULE,
		graded,
		averages: { accuracy: mean(graded.map((a) => a.accuracy!)), speed: mean(graded.map((a) => a.speed ?? 0)) },
		mastered: duties.filter((d) => d.status === 'mastered').length,
		duties
	};
};
