/** One small item of every kind, for the exam domain's unit tests. */
import type { DeliveredItem, ExamBlueprint, ExamItem, ItemOfKind } from './types';

const base = { topic: 'utility-billing' as const, tags: [] as string[], difficulty: 2 as const, points: 1 };

export const single: ItemOfKind<'single-choice'> = {
	...base,
	id: 'single',
	kind: 'single-choice',
	stem: 'What deposit does a tenant pay?',
	options: [
		{ text: '$0.00', correct: false, feedback: 'Only owners pay none.' },
		{ text: '$175.00', correct: true },
		{ text: '$350.00', correct: false }
	],
	shuffleOptions: true,
	feedback: 'Renters pay $175.00.'
};

export const multiple: ItemOfKind<'multiple-choice'> = {
	...base,
	id: 'multiple',
	kind: 'multiple-choice',
	topic: 'cashiering',
	stem: 'Which checks must be refused?',
	options: [
		{ text: 'Post-dated', correct: true, feedback: 'Never post-dated.' },
		{ text: 'Two-party', correct: true },
		{ text: 'Payable to City of Tracy', correct: false },
		{ text: 'Dated 90 days ago', correct: false }
	],
	shuffleOptions: true
};

export const trueFalse: ItemOfKind<'true-false'> = {
	...base,
	id: 'true-false',
	kind: 'true-false',
	stem: 'A payment postmarked on the delinquent date is late.',
	answer: false,
	feedbackTrue: 'The postmark decides.',
	feedbackFalse: 'Right.'
};

export const numeric: ItemOfKind<'numeric'> = {
	...base,
	id: 'numeric',
	kind: 'numeric',
	stem: 'Penalty on $42.30?',
	answer: '6.00',
	money: true,
	tolerance: '0'
};

export const numericTolerance: ItemOfKind<'numeric'> = {
	...base,
	id: 'numeric-tolerance',
	kind: 'numeric',
	topic: 'business-arithmetic',
	stem: 'Average daily use in HCF?',
	answer: '12.5',
	money: false,
	tolerance: '0.05',
	unit: 'HCF'
};

export const shortAnswer: ItemOfKind<'short-answer'> = {
	...base,
	id: 'short-answer',
	kind: 'short-answer',
	topic: 'spelling',
	stem: 'Spell the word correctly: delinquint',
	answers: ['delinquent'],
	caseSensitive: false
};

export const ordering: ItemOfKind<'ordering'> = {
	...base,
	id: 'ordering',
	kind: 'ordering',
	topic: 'record-keeping',
	stem: 'File these names.',
	entries: ['Nguyen, Bao', 'Nguyen, Bao T.', 'Nguyen, Binh', 'Norris, Alice']
};

export const matching: ItemOfKind<'matching'> = {
	...base,
	id: 'matching',
	kind: 'matching',
	topic: 'vocabulary',
	points: 4,
	stem: 'Match each term.',
	pairs: [
		{ prompt: 'Deposit', match: 'Security held by the city' },
		{ prompt: 'Float', match: 'Change kept in a drawer' },
		{ prompt: 'Remittance', match: 'A payment sent by mail' },
		{ prompt: 'Aging', match: 'Grouping by days past due' }
	],
	distractors: ['A returned check fee'],
	shuffleOptions: true
};

export const fillIn: ItemOfKind<'fill-in'> = {
	...base,
	id: 'fill-in',
	kind: 'fill-in',
	topic: 'grammar',
	points: 2,
	stem: 'Neither the clerk nor the supervisors [[1]] here. The report was [[2]].',
	blanks: [{ answers: ['were'], choices: ['was', 'were'] }, { answers: ['received'] }],
	caseSensitive: false
};

export const check: ItemOfKind<'name-number-check'> = {
	...base,
	id: 'check',
	kind: 'name-number-check',
	topic: 'checking',
	points: 4,
	stem: 'Mark each pair alike or different.',
	pairs: [
		{ left: 'Delgado, Rosa 100-2345', right: 'Delgado, Rosa 100-2345' },
		{ left: 'Harbor LLC 204-1187', right: 'Harbor LLC 204-1178' },
		{ left: 'Okafor $64.03', right: 'Okafor $64.03' },
		{ left: 'Singh $212.40', right: 'Singh $212.04' }
	],
	columns: ['Log', 'Check']
};

export const parameterized: ItemOfKind<'parameterized'> = {
	...base,
	id: 'parameterized',
	kind: 'parameterized',
	topic: 'business-arithmetic',
	stem: 'On the delinquent date {{unpaid}} is unpaid. What is the penalty?',
	variables: { unpaid: { min: '40.00', max: '180.00', step: '0.01', money: true } },
	answer: 'max(round(unpaid * 0.10, 2), 6.00)',
	money: true,
	tolerance: '0'
};

export const cash: ItemOfKind<'cash-count'> = {
	...base,
	id: 'cash',
	kind: 'cash-count',
	topic: 'cashiering',
	stem: 'Count the drawer.',
	cash: [
		{ denomination: '20.00', count: 7 },
		{ denomination: '0.25', count: 31 },
		{ denomination: '0.01', count: 47 }
	]
};

export const essay: ItemOfKind<'essay'> = {
	...base,
	id: 'essay',
	kind: 'essay',
	topic: 'correspondence',
	points: 6,
	stem: 'Write to Mr. Ortiz.',
	rubric: [
		{ criterion: 'Decision and reason', points: 4, description: 'Says a waiver was already given in January.' },
		{ criterion: 'Tone', points: 2 }
	]
};

export const typing: ItemOfKind<'typing'> = {
	...base,
	id: 'typing',
	kind: 'typing',
	topic: 'keyboarding',
	points: 0,
	stem: 'Type the passage exactly as shown.',
	text: Array.from({ length: 6 }, () => 'The clerk counts the cash in front of the customer and says the amount aloud.').join(' '),
	minutes: 5,
	errorPenalty: 'per-word',
	minimumNetWpm: 30
};

export const tenKey: ItemOfKind<'ten-key'> = {
	...base,
	id: 'ten-key',
	kind: 'ten-key',
	topic: 'keyboarding',
	points: 0,
	stem: 'Key each amount and press Enter.',
	minutes: 3,
	entries: ['4821.07', '15.50', '903.00', '12.25', '7004.10', '88.88', '1500.00', '26.40', '310.05', '9.99'],
	minimumNetKph: 6000,
	minimumAccuracy: '90'
};

/** Skills tests: drawn only by rules naming their kind, so kept out of ALL_KINDS_BANK. */
export const SKILLS_BANK: ExamItem[] = [typing, tenKey];

export const ALL_KINDS_BANK: ExamItem[] = [single, multiple, trueFalse, numeric, numericTolerance, shortAnswer, ordering, matching, fillIn, check, parameterized, cash, essay];

/** A delivered item in written order (no shuffling), for scoring tests. */
export function inOrder(item: ExamItem, extra: Partial<DeliveredItem> = {}): DeliveredItem {
	const identity = (n: number) => Array.from({ length: n }, (_, i) => i);
	const d: DeliveredItem = { itemId: item.id, sectionId: 's', points: item.points };
	if (item.kind === 'single-choice' || item.kind === 'multiple-choice') d.order = identity(item.options.length);
	if (item.kind === 'ordering') d.order = identity(item.entries.length);
	if (item.kind === 'ten-key') d.entries = [...(item.entries ?? [])];
	if (item.kind === 'matching') {
		d.order = identity(item.pairs.length);
		d.choiceOrder = identity(item.pairs.length + item.distractors.length);
	}
	return { ...d, ...extra };
}

export function blueprint(overrides: Partial<ExamBlueprint> = {}): ExamBlueprint {
	return {
		id: 'test-exam',
		title: 'Test exam',
		purpose: 'exam',
		draft: false,
		instructions: 'Answer everything.',
		timeLimitMinutes: 60,
		navigation: 'free',
		shuffleItems: true,
		shuffleOptions: true,
		attemptsAllowed: 1,
		showAfterSubmit: 'nothing-until-release',
		sections: [{ id: 'all', title: 'All', items: [], draw: [{ count: ALL_KINDS_BANK.length }] }],
		...overrides
	};
}
