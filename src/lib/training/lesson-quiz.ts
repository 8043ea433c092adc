/**
 * The practice quiz at the end of a lesson. Server only (it renders markdown and reads form posts).
 *
 * The quiz is delivered the same way on every request (options shuffled and values drawn from a
 * seed made of the lesson and item ids), so the page a trainee answered and the answers posted
 * back always line up without storing anything. Answers use the exam runner's field names and are
 * read and scored by the exam code (answerFromForm, reviewItem, scoreAttempt): one scorer for
 * exams and quizzes.
 */
import { isAnswered } from '$lib/components/exam/answered';
import { attemptRandom, deliverItem, presentItem, reviewItem, scoreAttempt, type DeliveredItem, type ExamItem, type ItemOutcome, type ItemResponse, type PresentedItem } from '$lib/exams';
import { renderMarkdown } from '$lib/server/content';
import { answerFromForm, postedValues } from '$lib/server/exams/form';
import { describeKey, describeResponse, renderPresented } from '$lib/server/exams/service';

const SECTION = 'quiz';

export interface LessonQuiz {
	lessonId: string;
	items: ExamItem[];
	delivered: DeliveredItem[];
}

/** The quiz of a lesson from its item ids; throws when an id is not in the bank (content:check rules that out). */
export function lessonQuiz(lessonId: string, itemIds: readonly string[], bank: readonly ExamItem[]): LessonQuiz {
	const items = itemIds.map((id) => {
		const item = bank.find((i) => i.id === id);
		if (!item) throw new Error(`lesson ${lessonId}: quiz item ${id} is not in the item bank`);
		return item;
	});
	const delivered = items.map((item) => deliverItem(item, SECTION, true, attemptRandom(`lesson-quiz:${lessonId}`, item.id)));
	return { lessonId, items, delivered };
}

/** What the trainee sees of each question (no keys), stem and passage rendered to HTML. */
export function quizQuestions(quiz: LessonQuiz): { index: number; item: PresentedItem }[] {
	return quiz.items.map((item, index) => ({ index, item: renderPresented(presentItem(item, quiz.delivered[index]!)) }));
}

export interface QuizReviewLine {
	index: number;
	outcome: ItemOutcome;
	points: string;
	max: string;
	/** The trainee's answer and the right one, as lines of text in the words shown. */
	yours: string[];
	correct: string[];
	/** Feedback for the chosen option, then the item's own, as HTML. */
	feedback: string[];
}

export interface QuizResult {
	raw: string;
	max: string;
	percent: string;
	right: number;
	total: number;
	questions: QuizReviewLine[];
}

export type QuizCheck =
	| { ok: true; result: QuizResult; posted: Record<string, string[]> }
	| { ok: false; error: string; posted: Record<string, string[]> };

const listOf = (numbers: number[]): string =>
	numbers.length === 1 ? `${numbers[0]}` : `${numbers.slice(0, -1).join(', ')} and ${numbers[numbers.length - 1]}`;

/**
 * Read and score one post of the quiz form. Every question must be answered; a malformed or
 * missing answer is refused with a sentence naming the question, and the answers given are kept.
 */
export function checkQuiz(quiz: LessonQuiz, form: FormData): QuizCheck {
	const posted = postedValues(form);
	const responses: (ItemResponse | null)[] = [];
	for (const [index, item] of quiz.items.entries()) {
		const presented = presentItem(item, quiz.delivered[index]!);
		const read = answerFromForm(presented, index, form);
		if (!read.ok) return { ok: false, error: `Question ${index + 1}: ${read.error}`, posted };
		responses.push(read.response);
	}
	const blank = responses.flatMap((r, i) => (isAnswered(r) ? [] : [i + 1]));
	if (blank.length === quiz.items.length) return { ok: false, error: 'Answer the questions first, then check your answers.', posted };
	if (blank.length > 0) {
		return {
			ok: false,
			error: `Question${blank.length === 1 ? '' : 's'} ${listOf(blank)} ${blank.length === 1 ? 'has' : 'have'} no answer yet. Answer every question, then check your answers.`,
			posted
		};
	}

	const byId = new Map(quiz.items.map((i) => [i.id, i]));
	const answers = Object.fromEntries(quiz.items.map((item, i) => [item.id, responses[i] ?? undefined]));
	const score = scoreAttempt({
		blueprint: { sections: [{ id: SECTION, title: 'Practice quiz', items: quiz.items.map((i) => i.id), draw: [] }] },
		delivered: quiz.delivered,
		items: byId,
		responses: answers
	});
	const questions = quiz.items.map((item, index): QuizReviewLine => {
		const reviewed = reviewItem(item, quiz.delivered[index]!, responses[index] ?? undefined);
		return {
			index,
			outcome: reviewed.score.outcome,
			points: reviewed.score.points ?? '0',
			max: reviewed.score.max,
			yours: describeResponse(reviewed.presented, responses[index]),
			correct: describeKey(reviewed.presented, reviewed.key),
			feedback: reviewed.feedback.map((f) => renderMarkdown(f))
		};
	});
	return {
		ok: true,
		posted,
		result: {
			raw: score.raw,
			max: score.max,
			percent: score.percent,
			right: questions.filter((q) => q.outcome === 'correct').length,
			total: questions.length,
			questions
		}
	};
}
