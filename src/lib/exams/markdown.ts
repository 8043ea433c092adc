/**
 * An item as a content file (front matter + stem), e.g. to add GIFT-imported items to
 * content/items/. Reading the file back with the content loader gives the same item.
 */
import { stringify } from 'yaml';
import { DIFFICULTY_NAMES, type ExamItem } from './types';

export function itemToMarkdown(item: ExamItem): string {
	const { id, kind, topic, tags, difficulty, points, stem, passage, feedback } = item;
	const data: Record<string, unknown> = { id, kind, topic };
	if (tags.length > 0) data.tags = tags;
	data.difficulty = DIFFICULTY_NAMES[difficulty];
	if ((points !== 1 || kind === 'essay') && kind !== 'typing' && kind !== 'ten-key') data.points = points;

	switch (item.kind) {
		case 'single-choice':
		case 'multiple-choice':
			data.options = item.options.map((o) => ({ text: o.text, ...(o.correct ? { correct: true } : {}), ...(o.feedback ? { feedback: o.feedback } : {}) }));
			if (!item.shuffleOptions) data.shuffleOptions = false;
			break;
		case 'true-false':
			data.answer = item.answer;
			if (item.feedbackTrue) data.feedbackTrue = item.feedbackTrue;
			if (item.feedbackFalse) data.feedbackFalse = item.feedbackFalse;
			break;
		case 'numeric':
		case 'parameterized':
			if (item.kind === 'parameterized') data.variables = item.variables;
			data.answer = item.answer;
			if (item.money) data.money = true;
			if (item.tolerance !== '0') data.tolerance = item.tolerance;
			if (item.unit !== undefined) data.unit = item.unit;
			break;
		case 'short-answer':
			data.answers = item.answers;
			if (item.caseSensitive) data.caseSensitive = true;
			break;
		case 'ordering':
			data.entries = item.entries;
			break;
		case 'matching':
			data.pairs = item.pairs;
			if (item.distractors.length > 0) data.distractors = item.distractors;
			if (!item.shuffleOptions) data.shuffleOptions = false;
			break;
		case 'fill-in':
			data.blanks = item.blanks;
			if (item.caseSensitive) data.caseSensitive = true;
			break;
		case 'name-number-check':
			if (item.columns) data.columns = item.columns;
			data.pairs = item.pairs;
			break;
		case 'cash-count':
			data.cash = item.cash;
			break;
		case 'typing':
			data.minutes = item.minutes;
			data.errorPenalty = item.errorPenalty;
			if (item.minimumNetWpm !== undefined) data.minimumNetWpm = item.minimumNetWpm;
			data.text = item.text;
			break;
		case 'ten-key':
			data.minutes = item.minutes;
			if (item.minimumNetKph !== undefined) data.minimumNetKph = item.minimumNetKph;
			if (item.minimumAccuracy !== undefined) data.minimumAccuracy = item.minimumAccuracy;
			if (item.entries) data.entries = item.entries;
			if (item.generate) data.generate = item.generate;
			break;
		case 'essay':
			data.rubric = item.rubric;
			if (item.minWords !== undefined) data.minWords = item.minWords;
			if (item.maxWords !== undefined) data.maxWords = item.maxWords;
			break;
	}
	if (passage !== undefined) data.passage = passage;
	if (feedback !== undefined) data.feedback = feedback;
	return `---\n${stringify(data, { lineWidth: 0 })}---\n\n${stem.trim()}\n`;
}
