import { error, fail, redirect } from '@sveltejs/kit';
import { renderMarkdown } from '$lib/server/content';
import { itemCount } from '$lib/server/exams/attempts';
import { examAttempts, userOwner } from '$lib/server/exams/service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const service = examAttempts();
	const blueprint = await service.blueprint(params.exam);
	if (!blueprint) error(404, 'There is no such exam.');
	const mine = (await service.attemptsOf(userOwner(locals.user!))).filter((a) => a.blueprintId === blueprint.id);
	return {
		exam: {
			id: blueprint.id,
			title: blueprint.title,
			purpose: blueprint.purpose,
			draft: blueprint.draft,
			instructions: renderMarkdown(blueprint.instructions),
			timeLimitMinutes: blueprint.timeLimitMinutes,
			items: itemCount(blueprint),
			navigation: blueprint.navigation,
			attemptsAllowed: blueprint.attemptsAllowed,
			showAfterSubmit: blueprint.showAfterSubmit,
			sections: blueprint.sections.map((s) => s.title)
		},
		used: mine.length,
		inProgress: mine.find((a) => a.status === 'in-progress')?.id ?? null
	};
};

export const actions: Actions = {
	start: async ({ params, locals }) => {
		const r = await examAttempts().start(userOwner(locals.user!), params.exam);
		if (!r.ok) return fail(r.code === 'not-found' ? 404 : 409, { error: r.error });
		redirect(303, `/exams/attempts/${r.attemptId}`);
	}
};
