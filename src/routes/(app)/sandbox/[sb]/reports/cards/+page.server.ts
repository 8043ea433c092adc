import { cardsByBrand } from '$lib/domain/reports';
import { sum } from '$lib/money';
import { rangeParams } from '$lib/domain/views/report-params';
import { openWorkstation } from '$lib/server/workstation/route';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { state } = await openWorkstation(event);
	const q = event.url.searchParams;
	const range = rangeParams(q.get('from'), q.get('to'), { from: state.businessDate, to: state.businessDate });
	if (!range.ok) return { typed: range.typed, error: range.error, field: range.field, report: null };
	const rows = cardsByBrand(state, range.from, range.to);
	return { typed: range.typed, error: null, field: null, report: { from: range.from, to: range.to, rows, count: rows.reduce((n, r) => n + r.count, 0), total: sum(rows.map((r) => r.total)) } };
};
