/** Words HR reads for the exam domain's codes (kinds, difficulties), and links to the item list. */
import type { Difficulty, ItemKind } from '$lib/exams/types';
import type { ItemQuery } from '$lib/server/exams/hr-items';

export const KIND_LABELS: Record<ItemKind, string> = {
	'single-choice': 'Single choice',
	'multiple-choice': 'Multiple choice',
	'true-false': 'True/false',
	numeric: 'Numeric',
	'short-answer': 'Short answer',
	ordering: 'Ordering',
	matching: 'Matching',
	'fill-in': 'Fill-in',
	'name-number-check': 'Name and number check',
	parameterized: 'Parameterized',
	'cash-count': 'Cash count',
	essay: 'Essay',
	typing: 'Typing test',
	'ten-key': '10-key test'
};

export const DIFFICULTY_LABELS: Record<Difficulty, string> = { 1: 'Easy', 2: 'Medium', 3: 'Hard' };

/** "A", "B", … for a display position (0-based), as the candidate's options are lettered. */
export function letter(position: number): string {
	return position < 26 ? String.fromCharCode(65 + position) : String(position + 1);
}

/** The address of the item list with these filters (empty ones left out, page 1 unless given). */
export function itemsHref(query: Partial<ItemQuery>): string {
	const params = new URLSearchParams();
	for (const key of ['q', 'topic', 'kind', 'difficulty', 'tag', 'origin'] as const) {
		const value = query[key];
		if (value !== undefined && value !== '') params.set(key, String(value));
	}
	if (query.page && query.page > 1) params.set('page', String(query.page));
	const search = params.toString();
	return search ? `/hr/items?${search}` : '/hr/items';
}

/** "812 bytes", "505 KB": file sizes as the import's messages give them. */
export function formatBytes(bytes: number): string {
	return bytes < 1024 ? `${bytes} bytes` : `${Math.ceil(bytes / 1024).toLocaleString('en-US')} KB`;
}

/** The refusal for a GIFT file over the limit (the browser says it before sending, the server after). */
export function tooBigMessage(name: string, size: number, max: number): string {
	return `“${name}” is ${formatBytes(size)}; a GIFT file may be at most ${formatBytes(max)}. Split the questions into smaller files.`;
}
