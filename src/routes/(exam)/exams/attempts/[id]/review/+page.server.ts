import { fail, redirect } from '@sveltejs/kit';
import { ownAttempt } from '$lib/server/exams/route';
import { navigatorOf, summaryOf } from '$lib/server/exams/service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { service, attempt } = await ownAttempt(event);
	if (attempt.status !== 'in-progress') redirect(303, `/exams/attempts/${attempt.id}/result`);
	const titles = new Map(attempt.exam.sections.map((s) => [s.id, s.title]));
	return {
		attempt: summaryOf(attempt, service.now()),
		questions: navigatorOf(attempt).map((q) => ({ ...q, sectionTitle: titles.get(q.section) ?? q.section, current: q.index === (attempt.position ?? 0) })),
		multiSection: attempt.exam.sections.length > 1
	};
};

export const actions: Actions = {
	submit: async (event) => {
		const { service, owner, attempt } = await ownAttempt(event);
		if (attempt.status === 'in-progress') {
			const form = await event.request.formData();
			if (form.get('confirm') !== 'yes') {
				return fail(400, { error: 'Tick “I am ready to submit” to confirm. Once submitted, your answers cannot be changed.' });
			}
			const r = await service.submit(attempt.id, owner);
			if (!r.ok) return fail(404, { error: r.error });
		}
		redirect(303, `/exams/attempts/${attempt.id}/result`);
	}
};
