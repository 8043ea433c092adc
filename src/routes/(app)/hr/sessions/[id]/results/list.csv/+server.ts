import { error } from '@sveltejs/kit';
import { writeCsv } from '$lib/hr/csv';
import { hrSessions, readView, sessionList } from '$lib/server/hr';
import { getStore } from '$lib/server/store';
import type { RequestHandler } from './$types';

/** The eligibility list exactly as the results page shows it (same rows, same columns), as CSV. */
export const GET: RequestHandler = async ({ params, url }) => {
	const s = await hrSessions().get(params.id);
	if (!s) error(404, 'There is no such exam session.');
	const view = readView(url.searchParams.get('view'));
	const { table, waiting } = await sessionList(getStore(), s, view);
	if (waiting.essays) error(409, `The list is not ranked while ${waiting.essays} ${waiting.essays === 1 ? 'essay is' : 'essays are'} waiting to be scored.`);
	if (!table) error(409, 'Set the passing point on the results page before exporting the list.');
	const name = `eligibility-list-${s.date}${view === 'certified' ? '-certified' : ''}.csv`;
	return new Response(writeCsv([table.headers, ...table.rows], { bom: true }), {
		headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}"` }
	});
};
