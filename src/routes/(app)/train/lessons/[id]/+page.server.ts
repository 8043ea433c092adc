import { error } from '@sveltejs/kit';
import { dutyLabel } from '$lib/duties';
import { findLesson, getContent } from '$lib/server/content';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const lesson = findLesson(await getContent(), params.id);
	if (!lesson) error(404, `There is no lesson “${params.id}”.`);
	return {
		lesson: { id: lesson.id, title: lesson.title, summary: lesson.summary, minutes: lesson.minutes, html: lesson.html, headings: lesson.headings, duty: dutyLabel(lesson.duty) }
	};
};
