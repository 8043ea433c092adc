import { error, fail } from '@sveltejs/kit';
import { dutyLabel } from '$lib/duties';
import { findLesson, getContent, type ContentBundle } from '$lib/server/content';
import { checkQuiz, lessonQuiz, quizQuestions } from '$lib/training/lesson-quiz';
import { neighbours, scenariosForDuty } from '$lib/training/lesson-page';
import type { Actions, PageServerLoad } from './$types';

function lessonOf(bundle: ContentBundle, id: string) {
	const lesson = findLesson(bundle, id);
	if (!lesson) error(404, `There is no lesson “${id}”.`);
	return lesson;
}

export const load: PageServerLoad = async ({ params }) => {
	const bundle = await getContent();
	const lesson = lessonOf(bundle, params.id);
	const quiz = lesson.quiz ? lessonQuiz(lesson.id, lesson.quiz, bundle.items) : null;
	return {
		lesson: { id: lesson.id, title: lesson.title, summary: lesson.summary, minutes: lesson.minutes, html: lesson.html, headings: lesson.headings, duty: dutyLabel(lesson.duty) },
		scenarios: scenariosForDuty(bundle.scenarios, lesson.duty),
		questions: quiz ? quizQuestions(quiz) : [],
		...neighbours(bundle.lessons, lesson.id)
	};
};

export const actions: Actions = {
	quiz: async ({ params, request }) => {
		const bundle = await getContent();
		const lesson = lessonOf(bundle, params.id);
		if (!lesson.quiz) return fail(404, { error: 'This lesson has no practice quiz.', posted: {} });
		let form: FormData;
		try {
			form = await request.formData();
		} catch {
			return fail(400, { error: 'The answers could not be read. Fill in the quiz on this page and check your answers again.', posted: {} });
		}
		const checked = checkQuiz(lessonQuiz(lesson.id, lesson.quiz, bundle.items), form);
		if (!checked.ok) return fail(400, { error: checked.error, posted: checked.posted });
		return { result: checked.result, posted: checked.posted };
	}
};
