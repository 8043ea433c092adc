import { fail, redirect } from '@sveltejs/kit';
import { answerFromForm, postedValues } from '$lib/server/exams/form';
import { ownAttempt } from '$lib/server/exams/route';
import { attemptPage, ITEMS_PER_PAGE, pageCount, pageOf, readPage } from '$lib/server/exams/service';
import type { ItemSave } from '$lib/server/exams/attempts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { service, attempt: found } = await ownAttempt(event);
	if (found.status !== 'in-progress') redirect(303, `/exams/attempts/${found.id}/result`);
	let attempt = found;
	const page = readPage(event.url.searchParams.get('p'), attempt);
	// A sequential exam shows only the question the candidate is on (earlier ones are closed).
	if (attempt.exam.navigation === 'sequential') {
		const current = pageOf(attempt.position ?? 0);
		if (page !== current) redirect(303, `/exams/attempts/${attempt.id}?p=${current}`);
	}
	// A part with its own time limit starts its clock when it is first opened.
	attempt = await service.openSection(attempt, (page - 1) * ITEMS_PER_PAGE);
	return attemptPage(service, attempt, page);
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
		const go = String(form.get('go') ?? '');
		const to = target(go, page, pageCount(attempt), attempt.id);
		const toPage = Number(/\?p=(\d+)$/.exec(to)?.[1] ?? page);
		// A sequential exam refuses a way back before anything is saved (the page stays as posted).
		if (attempt.exam.navigation === 'sequential' && go !== 'review' && toPage !== page) {
			const check = toPage < page ? await service.move(attempt.id, owner, (toPage - 1) * ITEMS_PER_PAGE) : null;
			if (check && !check.ok) return fail(403, { error: check.error, values: postedValues(form) });
		}
		const presented = await service.presented(attempt);
		const saves: ItemSave[] = [];
		for (let index = (page - 1) * ITEMS_PER_PAGE; index < Math.min(page * ITEMS_PER_PAGE, presented.length); index++) {
			// A skills test not started has no fields to save.
			if ((presented[index]!.kind === 'typing' || presented[index]!.kind === 'ten-key') && !attempt.skills?.[String(index)]) continue;
			const read = answerFromForm(presented[index]!, index, form);
			if (!read.ok) return fail(400, { error: `Question ${index + 1}: ${read.error} Nothing on this page was saved.`, values: postedValues(form) });
			saves.push({ index, seq: 'next', response: read.response, flagged: form.get(`flag${index}`) === 'on' });
		}
		if (saves.length > 0) {
			const saved = await service.save(attempt.id, owner, { saves });
			if (!saved.ok) {
				if (saved.code === 'closed') redirect(303, `/exams/attempts/${attempt.id}/result`);
				// A skills test whose time is over keeps what was saved before: moving on is still allowed.
				const skillsOver = saved.code === 'refused' && /time for this/.test(saved.error);
				if (!skillsOver || toPage === page) return fail(saved.code === 'refused' ? 403 : saved.code === 'paused' ? 423 : 400, { error: saved.error, values: postedValues(form) });
			}
		}
		// Posted in the grace after the deadline: saved, and now the attempt ends.
		if (service.now() >= attempt.deadline) redirect(303, `/exams/attempts/${attempt.id}/result`);
		if (attempt.exam.navigation === 'sequential' && go !== 'review' && toPage !== page) {
			const moved = await service.move(attempt.id, owner, (toPage - 1) * ITEMS_PER_PAGE);
			if (!moved.ok) return fail(403, { error: moved.error, values: postedValues(form) });
		}
		redirect(303, to);
	},

	/** Start a skills test (with or without JavaScript): the server's clock for it starts now. */
	startSkill: async (event) => {
		const { service, owner, attempt } = await ownAttempt(event);
		if (attempt.status !== 'in-progress') redirect(303, `/exams/attempts/${attempt.id}/result`);
		const form = await event.request.formData();
		const raw = String(form.get('skill') ?? '');
		const index = /^\d{1,4}$/.test(raw) ? Number(raw) : -1;
		const started = await service.startSkill(attempt.id, owner, index);
		if (!started.ok) {
			if (started.code === 'closed') redirect(303, `/exams/attempts/${attempt.id}/result`);
			return fail(started.code === 'refused' ? 403 : 400, { error: started.error });
		}
		redirect(303, `/exams/attempts/${attempt.id}?p=${pageOf(index)}`);
	}
};
