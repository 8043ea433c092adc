import { error } from '@sveltejs/kit';
import { writeCsv } from '$lib/hr/csv';
import { hrSessions, scoresTable, sessionResults } from '$lib/server/hr';
import { getStore } from '$lib/server/store';
import type { RequestHandler } from './$types';

/** Every candidate's scores exactly as the results page's table shows them (voided attempts, essays waiting and skills figures included), as CSV. */
export const GET: RequestHandler = async ({ params }) => {
	const s = await hrSessions().get(params.id);
	if (!s) error(404, 'There is no such exam session.');
	const { headers, rows } = scoresTable(await sessionResults(getStore(), s));
	return new Response(writeCsv([headers, ...rows], { bom: true }), {
		headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="scores-${s.date}.csv"` }
	});
};
