import { delinquentAccounts } from '$lib/domain/reports';
import { sum } from '$lib/money';
import { dateParam } from '$lib/domain/views/report-params';
import { openWorkstation } from '$lib/server/workstation/route';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { state } = await openWorkstation(event);
	const date = dateParam(event.url.searchParams.get('date'), state.businessDate, 'As of');
	if (!date.ok) return { typed: date.typed, error: date.error, report: null };
	const rows = delinquentAccounts(state, date.value);
	return { typed: date.typed, error: null, report: { asOf: date.value, rows, total: sum(rows.map((r) => r.pastDue)), disconnectable: rows.filter((r) => r.mayBeProcessedForDisconnection).length } };
};
