import { EXAM_TOPICS } from '$lib/exams';
import { bankEntries, itemRow, ITEMS_PER_PAGE, kindsIn, matchesQuery, readItemQuery, summarize, tagsIn } from '$lib/server/exams/hr-items';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const entries = await bankEntries();
	const query = readItemQuery(url.searchParams);
	const all = entries.map((e) => e.item);
	const matching = entries.filter((e) => matchesQuery(e, query));
	const pages = Math.max(1, Math.ceil(matching.length / ITEMS_PER_PAGE));
	const page = Math.min(query.page, pages);
	return {
		query: { ...query, page },
		total: entries.length,
		imported: entries.filter((e) => e.source.kind === 'imported').length,
		matching: matching.length,
		rows: matching.slice((page - 1) * ITEMS_PER_PAGE, page * ITEMS_PER_PAGE).map(itemRow),
		firstRow: matching.length === 0 ? 0 : (page - 1) * ITEMS_PER_PAGE + 1,
		pages,
		// Columns and choices come from the whole bank, so they stay put while filters change.
		summary: summarize(matching.map((e) => e.item), kindsIn(all)),
		topics: EXAM_TOPICS.map((t) => ({ id: t.id, label: t.label })),
		kinds: kindsIn(all),
		tags: tagsIn(all),
		filtered: Boolean(query.q || query.topic || query.kind || query.difficulty || query.tag || query.origin)
	};
};
