import { getContent } from '$lib/server/content';
import { itemCount } from '$lib/server/exams/attempts';
import { examAttempts, historyOf, userOwner } from '$lib/server/exams/service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const user = locals.user!;
	const history = await historyOf(examAttempts(), userOwner(user));
	// Drafts are not listed: the bank cannot fill them yet.
	const exams = (await getContent()).exams
		.filter((b) => !b.draft)
		.map((b) => ({
			id: b.id,
			title: b.title,
			purpose: b.purpose,
			timeLimitMinutes: b.timeLimitMinutes,
			items: itemCount(b),
			attemptsAllowed: b.attemptsAllowed,
			used: history.filter((h) => h.blueprintId === b.id).length,
			inProgress: history.find((h) => h.blueprintId === b.id && h.status === 'in-progress')?.id ?? null
		}))
		.sort((a, b) => (a.purpose === b.purpose ? a.title.localeCompare(b.title) : a.purpose === 'practice' ? -1 : 1));
	return { exams, history, isHr: user.roles.includes('hr') };
};
