/**
 * What a trainee may see of a scenario. A ScenarioContent holds the answers, the reference solution
 * and the checks, so it never leaves the server; the player sends these views instead, with the
 * attempt's placeholders filled in (values HTML-escaped).
 */
import { fillText } from '../../grading/placeholders';
import type { Placeholders, QuestionKind } from '../../grading/types';
import type { ScenarioContent } from './scenario-schemas';

export type QuestionBrief = { id: string; kind: QuestionKind; promptHtml: string; options?: string[]; unit?: string };

/** The task card: no answers, no reference, no checks. */
export type ScenarioBrief = {
	id: string;
	title: string;
	duty: string;
	difficulty: 1 | 2 | 3;
	targetSeconds: number;
	summary: string;
	taskHtml: string;
	questions: QuestionBrief[];
};

export function scenarioBrief(s: ScenarioContent, placeholders: Placeholders): ScenarioBrief {
	const html = (text: string) => fillText(text, placeholders, { html: true });
	return {
		id: s.id,
		title: s.title,
		duty: s.duty,
		difficulty: s.difficulty,
		targetSeconds: s.targetSeconds,
		summary: s.summary,
		taskHtml: html(s.taskHtml),
		questions: s.questions.map((q) => ({
			id: q.id,
			kind: q.kind,
			promptHtml: html(s.promptHtml[q.id] ?? ''),
			...(q.kind === 'choice' ? { options: [...q.options] } : {}),
			...(q.kind === 'number' && q.unit ? { unit: q.unit } : {})
		}))
	};
}

/** The debrief, shown once the attempt is submitted, and the policy sections it cites (links to /policy#id). */
export function scenarioDebrief(s: ScenarioContent, placeholders: Placeholders): { debriefHtml: string; policy: string[] } {
	return { debriefHtml: fillText(s.debriefHtml, placeholders, { html: true }), policy: [...s.policy] };
}
