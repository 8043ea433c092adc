/**
 * Whether a stored answer counts as "answered" for the navigator and the review page. Shared by
 * the server (page data) and the browser (the navigator updates as the candidate answers), so it
 * lives outside $lib/server. It looks only at the candidate's own answer, never at a key.
 */
import type { ItemResponse } from '$lib/exams/types';

export function isAnswered(response: ItemResponse | null | undefined): boolean {
	if (!response) return false;
	switch (response.kind) {
		case 'single-choice':
			return response.choice !== null;
		case 'multiple-choice':
			return response.choices.length > 0;
		case 'true-false':
			return response.answer !== null;
		case 'numeric':
		case 'parameterized':
		case 'cash-count':
			return response.value.trim() !== '';
		case 'short-answer':
		case 'essay':
			return response.text.trim() !== '';
		case 'ordering':
			return response.order.length > 0;
		case 'matching':
			return response.matches.some((m) => m !== null);
		case 'fill-in':
			return response.blanks.some((b) => b.trim() !== '');
		case 'name-number-check':
			return response.marks.some((m) => m !== null);
		case 'typing':
			return response.text.trim() !== '';
		case 'ten-key':
			return response.entries.some((e) => e.trim() !== '');
	}
}

/** A skills test's clock as the page needs it: not started, or running (ms left) or over. */
export type SkillState = { started: false; limitMs: number } | { started: true; limitMs: number; remainingMs: number; over: boolean; endsAt: string };
