import { error, fail } from '@sveltejs/kit';
import { field, fields } from '$lib/forms';
import { actorOf, hrScoring, hrSessions, type AdjustAction } from '$lib/server/hr';
import { renderMarkdown } from '$lib/server/content';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const s = await hrSessions().get(params.id);
	if (!s) error(404, 'There is no such exam session.');
	const item = (await hrScoring().items(s)).find((i) => i.itemId === params.itemId);
	if (!item) error(404, 'No candidate in this session was given that question.');
	const { stem, ...rest } = item;
	return { item: { ...rest, stemHtml: renderMarkdown(stem) }, released: s.status === 'released' };
};

async function act(params: { id: string; itemId: string }, locals: App.Locals, form: 'void' | 'correct' | 'undo', action: AdjustAction, values: Record<string, string | string[]>) {
	const r = await hrScoring().adjust(params.id, params.itemId, action, actorOf(locals.user!));
	if (!r.ok) return fail(400, { form, field: r.field, error: r.error, values });
	return { form, done: r.message };
}

export const actions: Actions = {
	void: async ({ request, params, locals }) => {
		const f = await request.formData();
		const reason = field(f, 'reason');
		return act(params, locals, 'void', { kind: 'void', reason }, { reason });
	},
	correct: async ({ request, params, locals }) => {
		const f = await request.formData();
		const values = { reason: field(f, 'reason'), correct: fields(f, 'correct'), answer: field(f, 'answer'), answers: field(f, 'answers') };
		return act(params, locals, 'correct', { kind: 'correct', reason: values.reason, form: { correct: values.correct, answer: values.answer, answers: values.answers } }, values);
	},
	undo: async ({ request, params, locals }) => {
		const f = await request.formData();
		const reason = field(f, 'reason');
		return act(params, locals, 'undo', { kind: 'undo', reason }, { reason });
	}
};
