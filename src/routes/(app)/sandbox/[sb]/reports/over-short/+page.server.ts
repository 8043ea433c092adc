import { addDays } from '$lib/domain/dates';
import { overShortHistory, overShortNet } from '$lib/domain/reports';
import { rangeParams } from '$lib/domain/views/report-params';
import { openWorkstation } from '$lib/server/workstation/route';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { state, user } = await openWorkstation(event);
	const q = event.url.searchParams;
	const range = rangeParams(q.get('from'), q.get('to'), { from: addDays(state.businessDate, -30), to: state.businessDate });
	if (!range.ok) return { typed: range.typed, error: range.error, field: range.field, report: null };
	const rows = overShortHistory(state)
		.filter((r) => r.date >= range.from && r.date <= range.to)
		.map((r) => (r.clerkId === user.id ? { ...r, clerkName: user.displayName } : r));
	return { typed: range.typed, error: null, field: null, report: { from: range.from, to: range.to, rows, net: overShortNet(rows), beyond: rows.filter((r) => !r.withinLimit).length } };
};
