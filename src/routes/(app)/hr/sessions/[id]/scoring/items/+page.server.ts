import { error } from '@sveltejs/kit';
import { hrScoring, hrSessions } from '$lib/server/hr';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const s = await hrSessions().get(params.id);
	if (!s) error(404, 'There is no such exam session.');
	const items = await hrScoring().items(s);
	return {
		released: s.status === 'released',
		items: items.map((i) => ({
			itemId: i.itemId,
			kind: i.kind,
			sectionTitle: i.sectionTitle,
			title: i.title,
			points: i.points,
			delivered: i.delivered,
			key: i.key,
			correctable: i.correctable,
			voided: i.voided,
			correction: i.correction
		}))
	};
};
