import { redirect } from '@sveltejs/kit';
import { findAccounts, isAccountNumber, isStatusFilter, STATUS_FILTERS } from '$lib/domain/views/utility';
import { openWorkstation } from '$lib/server/workstation/route';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { state } = await openWorkstation(event);
	const { url, params } = event;
	const q = (url.searchParams.get('q') ?? '').slice(0, 100);
	const statusParam = url.searchParams.get('status') ?? 'all';
	const status = isStatusFilter(statusParam) ? statusParam : 'all';
	const page = Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1;
	// An account number typed exactly opens that account, as at the counter.
	if (isAccountNumber(q.trim()) && Object.hasOwn(state.utility.accounts, q.trim())) redirect(303, `/sandbox/${params.sb}/accounts/${q.trim()}`);
	return { q, status, list: findAccounts(state, q, status, page), filters: Object.entries(STATUS_FILTERS).map(([value, label]) => ({ value, label })) };
};
