/** The lesson kind's quiz field: its shape in front matter and its check against the item bank. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getContent, loadContent } from './index';
import { checkLessonQuiz } from './schemas';

let tmp: string;
let root: string;
beforeEach(async () => {
	tmp = await mkdtemp(join(tmpdir(), 'lesson-quiz-'));
	root = join(tmp, 'content');
});
afterEach(async () => {
	await rm(tmp, { recursive: true, force: true });
});

async function put(rel: string, text: string): Promise<void> {
	const path = join(root, rel);
	await mkdir(join(path, '..'), { recursive: true });
	await writeFile(path, text);
}

/** Line map: 1 ---, 2 id, 3 title, 4 duty, 5 order, 6 minutes, 7 summary, 8 quiz:, 9… one id per line. */
const lesson = (quiz: string[] | null) =>
	['---', 'id: deposits', 'title: Deposits', 'duty: utility-billing', 'order: 1', 'minutes: 10', 'summary: Deposits.', ...(quiz ? ['quiz:', ...quiz.map((q) => `  - ${q}`)] : []), '---', '', '## Deposits', '', 'Text.', ''].join('\n');

const choice = (id: string) => ['---', `id: ${id}`, 'kind: single-choice', 'topic: utility-billing', 'difficulty: easy', 'options:', '  - text: "Yes"', '    correct: true', '  - text: "No"', '---', '', 'Is it?', ''].join('\n');
const essay = (id: string) => ['---', `id: ${id}`, 'kind: essay', 'topic: correspondence', 'difficulty: hard', 'rubric:', '  - criterion: Clear', '    points: 5', '---', '', 'Write a letter.', ''].join('\n');

const file = 'content/lessons/deposits.md';

describe('lesson quiz in front matter', () => {
	it('accepts 3 to 6 ids of items the app scores, and a lesson without a quiz', async () => {
		await put('items/q-one.md', choice('q-one'));
		await put('items/q-two.md', choice('q-two'));
		await put('items/q-three.md', choice('q-three'));
		await put('lessons/deposits.md', lesson(['q-one', 'q-two', 'q-three']));
		const loaded = await loadContent(root);
		expect(loaded.errors).toEqual([]);
		expect(loaded.bundle.lessons[0]?.quiz).toEqual(['q-one', 'q-two', 'q-three']);

		await put('lessons/deposits.md', lesson(null));
		const plain = await loadContent(root);
		expect(plain.errors).toEqual([]);
		expect(plain.bundle.lessons[0]?.quiz).toBeUndefined();
	});

	it('names the line of an id that is not in the bank, an essay, or a repeat, and keeps the lesson out', async () => {
		await put('items/q-one.md', choice('q-one'));
		await put('items/letter.md', essay('letter'));
		await put('lessons/deposits.md', lesson(['q-one', 'no-such-item', 'letter', 'q-one']));
		const { errors, bundle } = await loadContent(root);
		expect(errors).toEqual([
			{ file, line: 10, message: 'quiz[1]: there is no valid item "no-such-item" in content/items (check its id, or fix that item\'s own errors)' },
			{ file, line: 11, message: 'quiz[2]: "letter" is an essay item; a lesson quiz takes only items the app scores on the spot (not essays or skills tests)' },
			{ file, line: 12, message: 'quiz[3]: "q-one" is listed twice' }
		]);
		expect(bundle.lessons).toEqual([]);
	});

	it('refuses fewer than 3 or more than 6 ids, and ids that are not ids, at their lines', async () => {
		await put('lessons/deposits.md', lesson(['a-1', 'a-2']));
		expect((await loadContent(root)).errors).toEqual([{ file, line: 8, message: 'quiz: must list 3 to 6 item ids' }]);
		await put('lessons/deposits.md', lesson(['a-1', 'a-2', 'a-3', 'a-4', 'a-5', 'a-6', 'a-7']));
		expect((await loadContent(root)).errors).toEqual([{ file, line: 8, message: 'quiz: must list 3 to 6 item ids' }]);
		await put('lessons/deposits.md', lesson(['a-1', 'Bad_Id', 'a-3']));
		expect((await loadContent(root)).errors).toEqual([{ file, line: 10, message: expect.stringMatching(/^quiz\[1\]: must be lowercase letters/) }]);
		await put('lessons/deposits.md', lesson(null).replace('summary: Deposits.', 'summary: Deposits.\nquiz: tenant-deposit-amount'));
		expect((await loadContent(root)).errors).toEqual([{ file, line: 8, message: expect.stringMatching(/^quiz: must be a list of 3 to 6 item ids/) }]);
	});

	it('checkLessonQuiz on its own: no quiz, no problems', () => {
		expect(checkLessonQuiz({}, [])).toEqual([]);
		expect(checkLessonQuiz({ quiz: ['x'] }, [{ id: 'x', kind: 'numeric' }])).toEqual([]);
		// A kind the quiz cannot score on the spot (a skills test, say) is refused by name.
		const skills = { id: 'typing-test', kind: 'typing' } as unknown as { id: string; kind: 'essay' };
		expect(checkLessonQuiz({ quiz: ['typing-test'] }, [skills])).toEqual([{ path: ['quiz', 0], message: expect.stringMatching(/^"typing-test" is a typing item; a lesson quiz takes only/) }]);
	});
});

describe('the lessons in content/', () => {
	it('every lesson after orientation has a quiz, every duty has a lesson, and they all load', async () => {
		const bundle = await getContent();
		const { DUTIES } = await import('../../duties');
		for (const duty of DUTIES) expect(bundle.lessons.some((l) => l.duty === duty.id), duty.id).toBe(true);
		for (const l of bundle.lessons) expect(l.quiz?.length ?? 0, l.id).toBeGreaterThanOrEqual(3);
	});
});
