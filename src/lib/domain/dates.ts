/**
 * Business dates as "YYYY-MM-DD" strings: pure calendar arithmetic in UTC, no clock.
 * The sandbox's own business date is always passed in.
 */
export type BusinessDate = string;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isBusinessDateString(s: unknown): s is BusinessDate {
	if (typeof s !== 'string') return false;
	const m = DATE.exec(s);
	if (!m) return false;
	const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
	return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

function parts(date: BusinessDate): [number, number, number] {
	const m = DATE.exec(date);
	if (!m) throw new Error(`Not a business date: ${date}`);
	return [Number(m[1]), Number(m[2]), Number(m[3])];
}

function toDayNumber(date: BusinessDate): number {
	const [y, m, d] = parts(date);
	return Date.UTC(y, m - 1, d) / 86_400_000;
}

function fromDayNumber(n: number): BusinessDate {
	const dt = new Date(n * 86_400_000);
	return `${dt.getUTCFullYear()}-${String(dt.getUTCMonth() + 1).padStart(2, '0')}-${String(dt.getUTCDate()).padStart(2, '0')}`;
}

export function daysInMonth(year: number, month: number): number {
	return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function daysInMonthOf(date: BusinessDate): number {
	const [y, m] = parts(date);
	return daysInMonth(y, m);
}

export function addDays(date: BusinessDate, days: number): BusinessDate {
	return fromDayNumber(toDayNumber(date) + days);
}

/** Whole days from a to b (b − a). */
export function daysBetween(a: BusinessDate, b: BusinessDate): number {
	return toDayNumber(b) - toDayNumber(a);
}

export function compareDates(a: BusinessDate, b: BusinessDate): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/** Same day of month `months` later, clamped to the month's last day (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(date: BusinessDate, months: number): BusinessDate {
	const [y, m, d] = parts(date);
	const index = y * 12 + (m - 1) + months;
	const year = Math.floor(index / 12);
	const month = (index % 12) + 1;
	return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, daysInMonth(year, month))).padStart(2, '0')}`;
}

export function dayOfWeek(date: BusinessDate): number {
	return new Date(toDayNumber(date) * 86_400_000).getUTCDay();
}

export function isWeekend(date: BusinessDate): boolean {
	const d = dayOfWeek(date);
	return d === 0 || d === 6;
}

/** `n` business days (Mon–Fri) after `date`. City holidays are not modelled (illustrative). */
export function addBusinessDays(date: BusinessDate, n: number): BusinessDate {
	let current = date;
	let left = n;
	while (left > 0) {
		current = addDays(current, 1);
		if (!isWeekend(current)) left--;
	}
	return current;
}

/** Business days after `from` up to and including `to`. */
export function businessDaysBetween(from: BusinessDate, to: BusinessDate): number {
	let count = 0;
	for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (!isWeekend(d)) count++;
	return count;
}

export function monthOf(date: BusinessDate): string {
	return date.slice(0, 7);
}

export function firstOfMonth(date: BusinessDate): BusinessDate {
	return `${date.slice(0, 7)}-01`;
}

export function lastOfMonth(date: BusinessDate): BusinessDate {
	const [y, m] = parts(date);
	return `${date.slice(0, 7)}-${String(daysInMonth(y, m)).padStart(2, '0')}`;
}

/** "November 26, 2026" for letters and notices. */
export function formatLongDate(date: BusinessDate): string {
	const [y, m, d] = parts(date);
	const names = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
	return `${names[m - 1]} ${d}, ${y}`;
}
