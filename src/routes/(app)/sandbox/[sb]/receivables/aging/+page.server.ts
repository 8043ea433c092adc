import { AGING_BUCKETS, agingReport, type AgingBucket } from '$lib/domain/receivables';
import { openWorkstation } from '$lib/server/workstation/route';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { state } = await openWorkstation(event);
	const report = agingReport(state, state.businessDate);
	const buckets = (Object.keys(AGING_BUCKETS) as AgingBucket[]).map((key) => ({
		key,
		label: AGING_BUCKETS[key],
		count: report.buckets[key].count,
		total: report.buckets[key].total,
		rows: report.rows.filter((r) => r.bucket === key)
	}));
	return { asOf: report.asOf, total: report.total, buckets };
};
