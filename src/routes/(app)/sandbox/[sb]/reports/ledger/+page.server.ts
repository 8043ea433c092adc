import { dayJournal, trialBalance } from '$lib/domain/views/ledger';
import { dateParam } from '$lib/domain/views/report-params';
import { openWorkstation } from '$lib/server/workstation/route';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { state, events, user } = await openWorkstation(event);
	const date = dateParam(event.url.searchParams.get('date'), state.businessDate, 'Business date');
	const journal = date.ok ? dayJournal(events, date.value) : null;
	return {
		typed: date.typed,
		error: date.ok ? null : date.error,
		trial: trialBalance(state.ledger),
		journal: journal && { ...journal, entries: journal.entries.map((e) => ({ ...e, actor: e.actor === user.id ? user.displayName : e.actor })) }
	};
};
