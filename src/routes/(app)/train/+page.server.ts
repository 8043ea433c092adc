import { DUTIES } from '$lib/duties';
import { getContent } from '$lib/server/content';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const { lessons } = await getContent();
	return {
		duties: DUTIES.map((d) => ({
			...d,
			lessons: lessons.filter((l) => l.duty === d.id).map((l) => ({ id: l.id, title: l.title, summary: l.summary, minutes: l.minutes }))
		})).filter((d) => d.lessons.length > 0)
	};
};
