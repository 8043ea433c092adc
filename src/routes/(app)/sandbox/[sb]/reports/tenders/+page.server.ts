import { paymentsByTender } from '$lib/domain/reports';
import { rangeParams } from '$lib/domain/views/report-params';
import { openWorkstation } from '$lib/server/workstation/route';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { state } = await openWorkstation(event);
	const q = event.url.searchParams;
	const range = rangeParams(q.get('from'), q.get('to'), { from: state.businessDate, to: state.businessDate });
	if (!range.ok) return { typed: range.typed, error: range.error, field: range.field, report: null };
	return { typed: range.typed, error: null, field: null, report: { from: range.from, to: range.to, totals: paymentsByTender(state, range.from, range.to) } };
};
