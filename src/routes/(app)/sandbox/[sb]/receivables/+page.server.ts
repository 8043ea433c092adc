import { invoiceRows, isInvoiceFilter } from '$lib/domain/views/receivables';
import { openWorkstation } from '$lib/server/workstation/route';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 50;

export const load: PageServerLoad = async (event) => {
	const { state } = await openWorkstation(event);
	const params = event.url.searchParams;
	const q = (params.get('q') ?? '').trim().slice(0, 100);
	const status = params.get('status') ?? 'all';
	const filter = isInvoiceFilter(status) ? status : 'all';
	const { rows, counts } = invoiceRows(state, { q, filter });
	const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
	const page = Math.min(pages, Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1));
	return { q, filter, counts, found: rows.length, page, pages, rows: rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE) };
};
