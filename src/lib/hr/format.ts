/** How HR pages write a session's date and time ("Sunday, March 14, 2027", "9:00 AM"). */
const LONG_DATE = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' });

/** A YYYY-MM-DD calendar date written out; the text itself when it is not one. */
export function longDate(ymd: string): string {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
	if (!m) return ymd;
	return LONG_DATE.format(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

/** "13:30" → "1:30 PM". */
export function clockTime(hhmm: string): string {
	const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
	if (!m) return hhmm;
	const h = Number(m[1]);
	return `${h % 12 === 0 ? 12 : h % 12}:${m[2]} ${h < 12 ? 'AM' : 'PM'}`;
}

export const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
