import { exportCsv, exportRows } from '$lib/server/supervisor/export';
import { readFilters } from '$lib/server/supervisor/trainee';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, url }) => {
	const { filters } = readFilters(new URLSearchParams({ from: url.searchParams.get('from') ?? '', to: url.searchParams.get('to') ?? '' }));
	const body = exportCsv(await exportRows(locals.user!.id, filters.from, filters.to));
	const name = `attempts${filters.from ? `-from-${filters.from}` : ''}${filters.to ? `-to-${filters.to}` : ''}.csv`;
	return new Response(body, {
		headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}"`, 'cache-control': 'no-store' }
	});
};
