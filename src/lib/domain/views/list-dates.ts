import type { BusinessDate } from '../dates';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Nov 16, 2026": a business date short enough for a column of a dense list. */
export function formatShortDate(date: BusinessDate): string {
	const [y, m, d] = date.split('-').map(Number) as [number, number, number];
	return `${MONTHS[m - 1]} ${d}, ${y}`;
}
