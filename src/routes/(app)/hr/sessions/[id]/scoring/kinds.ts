/** Item kinds in words, for HR's scoring pages. */
const KINDS: Record<string, string> = {
	'single-choice': 'Single choice',
	'multiple-choice': 'Multiple choice',
	'true-false': 'True/false',
	'short-answer': 'Short answer',
	'fill-in': 'Fill in the blanks',
	'name-number-check': 'Name and number check',
	'cash-count': 'Cash count',
	'ten-key': '10-key'
};

export const kindLabel = (k: string) => KINDS[k] ?? k.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());
