import { error } from '@sveltejs/kit';
import { adverseImpact } from '$lib/hr/adverse-impact';
import { describePassingPoint, reachesPassingPoint } from '$lib/hr/eligibility';
import { DEMOGRAPHIC_FIELDS } from '$lib/hr/roster';
import { hrSessions, sessionResults } from '$lib/server/hr';
import { getStore } from '$lib/server/store';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const s = await hrSessions().get(params.id);
	if (!s) error(404, 'There is no such exam session.');
	const results = await sessionResults(getStore(), s);
	const scored = results.candidates.filter((c): c is typeof c & { raw: string; percent: string } => c.raw !== null && c.percent !== null && c.pending === 0);
	const anyData = s.candidates.some((c) => Object.keys(c.demographics).length > 0);
	const pp = s.passingPoint;
	return {
		passingPoint: pp ? describePassingPoint(pp) : null,
		anyData,
		scored: scored.length,
		fields:
			pp && anyData
				? DEMOGRAPHIC_FIELDS.map((f) => ({
						key: f.key,
						label: f.label,
						report: adverseImpact(
							scored.map((c) => ({ group: c.demographics[f.key] ?? null, passed: reachesPassingPoint(c, pp) })),
							f.label
						)
					}))
				: []
	};
};
