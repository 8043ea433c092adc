import { error } from '@sveltejs/kit';
import { scoreHistogram } from '$lib/hr/item-analysis';
import { hrSessions, sessionList } from '$lib/server/hr';
import { getStore } from '$lib/server/store';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const s = await hrSessions().get(params.id);
	if (!s) error(404, 'There is no such exam session.');
	const { analysis: computed, results, semPercent } = await sessionList(getStore(), s, 'all', { analysis: true });
	const analysis = computed!;
	const stems = new Map(results.items.map((i) => [i.itemId, i.stem]));
	const percents = results.candidates.flatMap((c) => (c.percent !== null && c.pending === 0 ? [c.percent] : []));
	return {
		test: analysis.test,
		released: s.status === 'released',
		voided: s.adjustments?.voided.length ?? 0,
		semPercent,
		histogram: scoreHistogram(percents),
		items: analysis.items
			.filter((i) => i.n > 0)
			.map((i) => ({ ...i, stem: stems.get(i.itemId) ?? '' }))
			.sort((a, b) => a.itemId.localeCompare(b.itemId))
	};
};
