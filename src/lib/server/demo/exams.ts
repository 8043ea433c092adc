import type { ExamItem, ItemResponse } from '$lib/exams';
import { getContent } from '../content';
import { ExamAttempts } from '../exams/attempts';
import { itemBank } from '../exams/bank';
import { examClock } from '../exams/clock';
import type { Store } from '../store';

/**
 * Practice exams for the living demo, taken through the real exam code with the clock set to past
 * dates: start, one save of the answers, submit, scored by the exam's own scorer. A trainee knows
 * the answer to a share of the questions (`knows`, in percent); the rest they get wrong or leave.
 */

export type DemoExam = { daysAgo: number; knows: number };

function sequence(seed: number): () => number {
	let s = seed >>> 0;
	return () => {
		s = (s * 1103515245 + 12345) >>> 0;
		return s / 2 ** 32;
	};
}

/** The right answer to an item shown in `order`, or a wrong one; null for kinds the demo leaves unanswered. */
function responseFor(item: ExamItem, order: number[] | undefined, right: boolean): ItemResponse | null {
	switch (item.kind) {
		case 'single-choice': {
			const shown = order ?? item.options.map((_, i) => i);
			const correct = shown.findIndex((i) => item.options[i]!.correct);
			const choice = right ? correct : (correct + 1) % shown.length;
			return { kind: 'single-choice', choice };
		}
		case 'true-false':
			return { kind: 'true-false', answer: right ? item.answer : !item.answer };
		case 'numeric':
			return { kind: 'numeric', value: right ? item.answer : item.answer === '0' ? '1' : '0' };
		default:
			return null;
	}
}

export async function takeDemoExams(store: Store, userId: string, exams: readonly DemoExam[], now: Date, seed: number): Promise<number> {
	const rand = sequence(seed);
	let t = 0;
	const service = new ExamAttempts({ store, now: () => t, clock: examClock(), blueprints: async () => (await getContent()).exams, bank: () => itemBank(store) });
	const owner = { kind: 'user' as const, id: userId };
	let taken = 0;
	for (const exam of exams) {
		t = now.getTime() - exam.daysAgo * 86_400_000 - 5 * 3_600_000;
		const started = await service.start(owner, 'practice');
		if (!started.ok) return taken;
		const attempt = (await service.get(started.attemptId))!;
		const items = new Map((await service.items(attempt.id)).map((i) => [i.id, i]));
		const saves = attempt.delivered.flatMap((d, index) => {
			const item = items.get(d.itemId);
			const response = item ? responseFor(item, d.order, rand() * 100 < exam.knows) : null;
			return response ? [{ index, seq: 1, response, flagged: false }] : [];
		});
		t += 12 * 60_000;
		const saved = await service.save(attempt.id, owner, { saves });
		if (!saved.ok) return taken;
		t += 2 * 60_000;
		const submitted = await service.submit(attempt.id, owner);
		if (!submitted.ok) return taken;
		taken++;
	}
	return taken;
}
