import { expect, test } from 'vitest';
import { formatShortDate } from './list-dates';

test('short dates for list columns', () => {
	expect(formatShortDate('2026-11-16')).toBe('Nov 16, 2026');
	expect(formatShortDate('2027-01-05')).toBe('Jan 5, 2027');
	expect(formatShortDate('2025-12-31')).toBe('Dec 31, 2025');
});
