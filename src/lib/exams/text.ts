/** Text rules shared by validation and scoring. */

/**
 * How typed answers are compared: Unicode NFC, curly quotes made straight, outer spaces trimmed,
 * runs of spaces made one; lowercased unless the item is case-sensitive. So "  It’s  late" and
 * "it's late" are the same answer when case does not matter.
 */
export function normalizeAnswer(text: string, caseSensitive: boolean): string {
	const t = text
		.normalize('NFC')
		.replace(/[\u2018\u2019]/g, "'")
		.replace(/[\u201C\u201D]/g, '"')
		.trim()
		.replace(/\s+/g, ' ');
	return caseSensitive ? t : t.toLowerCase();
}

/** Fill-in blank markers `[[1]]`, `[[2]]`… */
export const BLANK_MARKER = /\[\[\s*(\d+)\s*\]\]/g;

/** 1-based line of the character at `index` of `text`. */
export function lineAtIndex(text: string, index: number): number {
	return text.slice(0, index).split('\n').length;
}

/** 1-based line of the first match of `pattern` in `text`, or undefined. */
export function lineOfMatch(text: string, pattern: RegExp): number | undefined {
	const index = text.search(pattern);
	return index < 0 ? undefined : lineAtIndex(text, index);
}

/** Words as a typist or grader counts them: runs of non-space characters. */
export function wordsOf(text: string): string[] {
	return text.split(/\s+/).filter((w) => w !== '');
}
