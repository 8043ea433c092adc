import { EXPORT_COLUMNS, exportRows } from '$lib/server/supervisor/export';
import { readFilters } from '$lib/server/supervisor/trainee';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const { filters, problems } = readFilters(new URLSearchParams({ from: url.searchParams.get('from') ?? '', to: url.searchParams.get('to') ?? '' }));
	const rows = await exportRows(locals.user!.id, filters.from, filters.to);
	const query = new URLSearchParams({ ...(filters.from ? { from: filters.from } : {}), ...(filters.to ? { to: filters.to } : {}) }).toString();
	return { columns: [...EXPORT_COLUMNS], rows, from: filters.from, to: filters.to, problems, csvHref: `/supervisor/export/attempts.csv${query ? `?${query}` : ''}` };
};
