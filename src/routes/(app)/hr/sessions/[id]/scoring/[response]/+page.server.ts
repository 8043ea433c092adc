import { error, fail, redirect } from '@sveltejs/kit';
import { field } from '$lib/forms';
import { actorOf, hrScoring, hrSessions } from '$lib/server/hr';
import { renderMarkdown } from '$lib/server/content';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url }) => {
	const s = await hrSessions().get(params.id);
	if (!s) error(404, 'There is no such exam session.');
	const r = await hrScoring().response(s, params.response);
	if (!r) error(404, 'There is no such essay in this session’s queue.');
	const queue = await hrScoring().queue(s);
	return {
		saved: url.searchParams.get('saved'),
		savedPoints: url.searchParams.get('points'),
		position: queue.waiting.findIndex((e) => e.key === r.key) + 1,
		waitingCount: queue.waiting.length,
		response: {
			key: r.key,
			applicantId: r.applicantId,
			question: r.question,
			itemId: r.itemId,
			sectionTitle: r.sectionTitle,
			max: r.max,
			words: r.words,
			minWords: r.minWords,
			maxWords: r.maxWords,
			text: r.text,
			stemHtml: renderMarkdown(r.stem),
			passageHtml: r.passage ? renderMarkdown(r.passage) : null,
			rubric: r.rubric,
			scored: r.scored,
			next: r.next,
			released: r.released
		}
	};
};

export const actions: Actions = {
	default: async ({ request, params, locals }) => {
		const form = await request.formData();
		const s = await hrSessions().get(params.id);
		if (!s) error(404, 'There is no such exam session.');
		const r = await hrScoring().response(s, params.response);
		if (!r) error(404, 'There is no such essay in this session’s queue.');
		const marks = r.rubric.map((_, i) => field(form, `mark-${i}`));
		const done = await hrScoring().scoreEssay(params.id, params.response, marks, actorOf(locals.user!));
		if (!done.ok) return fail(done.code === 'not-found' ? 404 : 400, { error: done.error, fields: done.fields ?? null, values: marks });
		const saved = `saved=${encodeURIComponent(`${r.applicantId}, question ${r.question}`)}&points=${encodeURIComponent(done.points)}`;
		redirect(303, done.next ? `/hr/sessions/${params.id}/scoring/${done.next}?${saved}` : `/hr/sessions/${params.id}/scoring?done=1`);
	}
};
