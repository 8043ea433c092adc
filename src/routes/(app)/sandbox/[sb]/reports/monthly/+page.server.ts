import { monthOf } from '$lib/domain/dates';
import { monthlyStatistics } from '$lib/domain/reports';
import { monthParam } from '$lib/domain/views/report-params';
import { openWorkstation } from '$lib/server/workstation/route';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { state } = await openWorkstation(event);
	const month = monthParam(event.url.searchParams.get('month'), monthOf(state.businessDate));
	return { typed: month.typed, error: month.ok ? null : month.error, report: month.ok ? monthlyStatistics(state, month.value) : null };
};
