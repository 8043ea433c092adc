/** The city's own clock: wall-clock times are shown in Pacific time on server and browser alike. */
const CITY_TIME = new Intl.DateTimeFormat('en-US', {
	timeZone: 'America/Los_Angeles',
	month: 'short',
	day: 'numeric',
	year: 'numeric',
	hour: 'numeric',
	minute: '2-digit'
});

/** "Nov 26, 2026, 9:41 AM" for an ISO timestamp. */
export function formatDateTime(iso: string): string {
	const d = new Date(iso);
	return Number.isNaN(d.getTime()) ? iso : CITY_TIME.format(d);
}
