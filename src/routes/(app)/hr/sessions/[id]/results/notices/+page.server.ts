import { error } from '@sveltejs/kit';
import { scoreNotices } from '$lib/hr/eligibility';
import { longDate } from '$lib/hr/format';
import { hrSessions, sessionList } from '$lib/server/hr';
import { getStore } from '$lib/server/store';
import type { PageServerLoad } from './$types';

const CITY_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Los_Angeles', year: 'numeric', month: '2-digit', day: '2-digit' });

export const load: PageServerLoad = async ({ params }) => {
	const s = await hrSessions().get(params.id);
	if (!s) error(404, 'There is no such exam session.');
	const { list, results, waiting } = await sessionList(getStore(), s);
	const emails = new Map(results.candidates.map((c) => [c.candidateId, c.email]));
	return {
		today: longDate(CITY_DAY.format(Date.now())),
		waiting,
		// Letters give ranks, so none are written while essays are waiting.
		notices: list && !waiting.essays ? scoreNotices(list, { title: s.title, date: longDate(s.date) }).map((n) => ({ ...n, email: emails.get(n.candidateId) ?? '' })) : null,
		notScored: list?.notScored.length ?? 0
	};
};
