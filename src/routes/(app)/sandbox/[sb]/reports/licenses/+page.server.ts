import { licenseStatusReport } from '$lib/domain/reports';
import { dateParam } from '$lib/domain/views/report-params';
import { openWorkstation } from '$lib/server/workstation/route';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { state } = await openWorkstation(event);
	const date = dateParam(event.url.searchParams.get('date'), state.businessDate, 'As of');
	return { typed: date.typed, error: date.ok ? null : date.error, report: date.ok ? { asOf: date.value, ...licenseStatusReport(state, date.value) } : null };
};
