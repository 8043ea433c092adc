/**
 * Schema building blocks shared by every content kind. Every rule carries its own plain-words
 * message ("must be …", or "is required" when the key is missing) because the loader shows them
 * to content authors as `file:line: key: message`.
 * Imports are relative (no $lib) so scripts run under tsx can use this module.
 */
import { z } from 'zod';

/** zod error option: "is required" for a missing key, else "must be <rule>". */
export function rule(text: string) {
	return {
		error: (issue: { input?: unknown }) => (issue.input === undefined ? 'is required' : `must be ${text}`)
	};
}

const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export const idField = () => {
	const r = rule('lowercase letters and digits in words joined by single hyphens, like "cash-drawer-basics"');
	return z.string(r).regex(ID_PATTERN, r);
};

export const textField = (max: number) => {
	const r = rule(`text of 1 to ${max} characters`);
	return z.string(r).trim().min(1, r).max(max, r);
};

export const wholeNumber = (min: number, max?: number) => {
	const r = rule(max === undefined ? `a whole number of ${min} or more` : `a whole number from ${min} to ${max}`);
	const n = z.number(r).int(r).min(min, r);
	return max === undefined ? n : n.max(max, r);
};

export const booleanField = () => z.boolean(rule('true or false'));
