/**
 * What a candidate sees about one item after submitting, when the blueprint shows
 * "score-and-feedback" (practice exams): the item as they saw it, their score, the key in
 * display positions, and the feedback that applies to their answer. Never call it before then.
 */
import { formatUSD, Money } from '../money';
import { groupThousands } from './decimal';
import { presentItem } from './present';
import { numericKey, scoreResponse } from './score';
import type { SkillsTiming } from './skills';
import type { CheckMark, DeliveredItem, ExamItem, ItemResponse, ItemScore, PresentedItem, RubricCriterion } from './types';

export type AnswerKey =
	/** Display positions of the correct options. */
	| { kind: 'single-choice' | 'multiple-choice'; correct: number[] }
	| { kind: 'true-false'; answer: boolean }
	/** `answer` canonical ("61.50"), `display` as people read it ("$61.50", "12.5 HCF"). */
	| { kind: 'numeric' | 'parameterized' | 'cash-count'; answer: string; display: string; tolerance: string }
	| { kind: 'short-answer'; answers: string[] }
	/** Display positions of the entries in the correct order. */
	| { kind: 'ordering'; order: number[] }
	/** For each displayed prompt, the display position of its match. */
	| { kind: 'matching'; matches: number[] }
	| { kind: 'fill-in'; answers: string[][] }
	| { kind: 'name-number-check'; marks: CheckMark[] }
	| { kind: 'essay'; rubric: RubricCriterion[] }
	/** Skills tests: the pass marks (the text to copy was shown with the test). */
	| { kind: 'typing'; minimumNetWpm?: number }
	| { kind: 'ten-key'; minimumNetKph?: number; minimumAccuracy?: string };

export interface ReviewedItem {
	presented: PresentedItem;
	score: ItemScore;
	key: AnswerKey;
	/** Markdown: feedback for what the candidate chose, then the item's general feedback. */
	feedback: string[];
}

function keyOf(item: ExamItem, delivered: DeliveredItem): AnswerKey {
	const order = delivered.order ?? [];
	const displayOf = (contentIndex: number) => order.indexOf(contentIndex);
	switch (item.kind) {
		case 'single-choice':
		case 'multiple-choice':
			return { kind: item.kind, correct: order.flatMap((i, pos) => (item.options[i]!.correct ? [pos] : [])) };
		case 'true-false':
			return { kind: 'true-false', answer: item.answer };
		case 'numeric':
		case 'parameterized':
		case 'cash-count': {
			const key = numericKey(item, delivered);
			const unit = item.kind === 'cash-count' ? undefined : item.unit;
			const display = key.money ? formatUSD(Money.of(key.answer)) : `${groupThousands(key.answer)}${unit ? ` ${unit}` : ''}`;
			return { kind: item.kind, answer: key.answer, display, tolerance: key.tolerance };
		}
		case 'short-answer':
			return { kind: 'short-answer', answers: [...item.answers] };
		case 'ordering':
			return { kind: 'ordering', order: item.entries.map((_, i) => displayOf(i)) };
		case 'matching': {
			const choiceOrder = delivered.choiceOrder ?? [];
			return { kind: 'matching', matches: order.map((pair) => choiceOrder.indexOf(pair)) };
		}
		case 'fill-in':
			return { kind: 'fill-in', answers: item.blanks.map((b) => [...b.answers]) };
		case 'name-number-check':
			return { kind: 'name-number-check', marks: item.pairs.map((p) => (p.left === p.right ? 'alike' : 'different')) };
		case 'essay':
			return { kind: 'essay', rubric: item.rubric.map((c) => ({ ...c })) };
		case 'typing':
			return { kind: 'typing', ...(item.minimumNetWpm !== undefined ? { minimumNetWpm: item.minimumNetWpm } : {}) };
		case 'ten-key':
			return {
				kind: 'ten-key',
				...(item.minimumNetKph !== undefined ? { minimumNetKph: item.minimumNetKph } : {}),
				...(item.minimumAccuracy !== undefined ? { minimumAccuracy: item.minimumAccuracy } : {})
			};
	}
}

export function reviewItem(item: ExamItem, delivered: DeliveredItem, response: ItemResponse | undefined, timing?: SkillsTiming): ReviewedItem {
	const feedback: string[] = [];
	if ((item.kind === 'single-choice' || item.kind === 'multiple-choice') && response?.kind === item.kind) {
		const positions = response.kind === 'single-choice' ? (response.choice === null ? [] : [response.choice]) : response.kind === 'multiple-choice' ? response.choices : [];
		for (const pos of positions) {
			const option = item.options[(delivered.order ?? [])[pos]!];
			if (option?.feedback) feedback.push(option.feedback);
		}
	}
	if (item.kind === 'true-false' && response?.kind === 'true-false' && response.answer !== null) {
		const text = response.answer ? item.feedbackTrue : item.feedbackFalse;
		if (text) feedback.push(text);
	}
	if (item.feedback) feedback.push(item.feedback);
	return { presented: presentItem(item, delivered), score: scoreResponse(item, delivered, response, timing), key: keyOf(item, delivered), feedback };
}
