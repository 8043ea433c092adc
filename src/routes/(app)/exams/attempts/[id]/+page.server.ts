import { fail, redirect } from '@sveltejs/kit';
import { answerFromForm, postedValues } from '$lib/server/exams/form';
import { ownAttempt } from '$lib/server/exams/route';
import { attemptPage, ITEMS_PER_PAGE, pageCount, readPage } from '$lib/server/exams/service';
import type { ItemSave } from '$lib/server/exams/attempts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { service, attempt } = await ownAttempt(event);
	if (attempt.status !== 'in-progress') redirect(303, `/exams/attempts/${attempt.id}/result`);
	return attemptPage(service, attempt, readPage(event.url.searchParams.get('p'), attempt));
};

/** Where a page post goes next: Previous, Next, Review, a question button, or the same page. */
function target(go: string, page: number, pages: number, id: string): string {
	if (go === 'review') return `/exams/attempts/${id}/review`;
	const n = go === 'next' ? page + 1 : go === 'prev' ? page - 1 : /^p\d{1,4}$/.test(go) ? Number(go.slice(1)) : page;
	return `/exams/attempts/${id}?p=${Math.min(Math.max(1, n), pages)}`;
}

export const actions: Actions = {
	/** Without JavaScript: save this page's answers, then move on. */
	save: async (event) => {
		const { service, owner, attempt } = await ownAttempt(event, { closeAtDeadline: false });
		if (attempt.status !== 'in-progress') redirect(303, `/exams/attempts/${attempt.id}/result`);
		const form = await event.request.formData();
		const page = readPage(typeof form.get('page') === 'string' ? (form.get('page') as string) : null, attempt);
		const presented = await service.presented(attempt);
		const saves: ItemSave[] = [];
		for (let index = (page - 1) * ITEMS_PER_PAGE; index < Math.min(page * ITEMS_PER_PAGE, presented.length); index++) {
			const read = answerFromForm(presented[index]!, index, form);
			if (!read.ok) return fail(400, { error: `Question ${index + 1}: ${read.error} Nothing on this page was saved.`, values: postedValues(form) });
			saves.push({ index, seq: 'next', response: read.response, flagged: form.get(`flag${index}`) === 'on' });
		}
		const saved = await service.save(attempt.id, owner, { saves });
		if (!saved.ok) {
			if (saved.code === 'closed') redirect(303, `/exams/attempts/${attempt.id}/result`);
			return fail(400, { error: saved.error, values: postedValues(form) });
		}
		// Posted in the grace after the deadline: saved, and now the attempt ends.
		if (service.now() >= attempt.deadline) redirect(303, `/exams/attempts/${attempt.id}/result`);
		redirect(303, target(String(form.get('go') ?? ''), page, pageCount(attempt), attempt.id));
	}
};
