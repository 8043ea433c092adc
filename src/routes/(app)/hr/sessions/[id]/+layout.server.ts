import { error } from '@sveltejs/kit';
import { hrSessions, STATUS_LABELS } from '$lib/server/hr';
import type { LayoutServerLoad } from './$types';

/** Every page of a session: the session's heading facts (404 for an unknown id). */
export const load: LayoutServerLoad = async ({ params }) => {
	const s = await hrSessions().get(params.id);
	if (!s) error(404, 'There is no such exam session.');
	return {
		session: { id: s.id, title: s.title, date: s.date, startTime: s.startTime, location: s.location, status: s.status, statusLabel: STATUS_LABELS[s.status], candidates: s.candidates.length }
	};
};
