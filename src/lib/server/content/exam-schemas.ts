/**
 * Front matter of exam items (content/items/) and blueprints (content/exams/), and the checks
 * that turn src/lib/exams' problems into located content errors. content/items/README.md
 * describes every field for item writers; keep the two in step.
 */
import { z } from 'zod';
import { dec, isPlainDecimal } from '../../exams/decimal';
import { findDrawShortfalls } from '../../exams/draw';
import { TOPIC_IDS } from '../../exams/topics';
import {
	CASH_DENOMINATIONS,
	DIFFICULTY_NAMES,
	ITEM_KINDS,
	type Denomination,
	type Difficulty,
	type ExamBlueprint,
	type ExamItem,
	type VariableSpec
} from '../../exams/types';
import { validateBlueprint, validateItem } from '../../exams/validate';
import { booleanField, idField, rule, textField, wholeNumber } from './fields';

/** What a kind's extra checks report; the loader turns `path` or `bodyLine` into a file line. */
export interface ContentProblem {
	/** Front matter key path; [] or absent = the file as a whole. */
	path?: readonly PropertyKey[];
	/** 1-based line within the markdown body. */
	bodyLine?: number;
	message: string;
	/** Reported, but the file still loads and content:check still passes. */
	warning?: boolean;
}

const markdownField = (max: number) => textField(max);

/** A decimal written in quotes ("87.50"), or a whole number; always a plain decimal string after. */
const decimalField = () => {
	const r = rule('a decimal number in quotes, like "87.50"');
	return z.union([z.string(), z.number()], r).transform((v, ctx) => {
		const text = typeof v === 'number' ? (Number.isSafeInteger(v) ? String(v) : '') : v.trim();
		if (!isPlainDecimal(text)) {
			ctx.addIssue({ code: 'custom', input: v, message: 'must be a decimal number in quotes, like "87.50"' });
			return z.NEVER;
		}
		return text;
	});
};

const DIFFICULTY_BY_NAME = { [DIFFICULTY_NAMES[1]]: 1, [DIFFICULTY_NAMES[2]]: 2, [DIFFICULTY_NAMES[3]]: 3 } as const;
const difficultyField = () =>
	z
		.union([z.literal(1), z.literal(2), z.literal(3), z.enum(['easy', 'medium', 'hard'])], rule('1, 2 or 3, or easy, medium or hard'))
		.transform((v): Difficulty => (typeof v === 'number' ? v : DIFFICULTY_BY_NAME[v]));

const tagField = () => idField();
const topicField = () => z.enum(TOPIC_IDS, rule(`one of ${TOPIC_IDS.join(', ')}`));
const kindField = () => z.enum(ITEM_KINDS, rule(`one of ${ITEM_KINDS.join(', ')}`));
const list = <T extends z.ZodType>(element: T, what: string, max = 100) => {
	const r = rule(`a list of ${what}`);
	return z.array(element, r).max(max, { error: `must have at most ${max} ${what}` });
};

const itemCommon = {
	id: idField(),
	topic: topicField(),
	tags: list(tagField(), 'tags like [percent, proration]', 20).default([]),
	difficulty: difficultyField(),
	points: wholeNumber(1, 100).default(1),
	passage: markdownField(20_000).optional(),
	feedback: markdownField(4_000).optional()
};

const choiceOption = z.strictObject(
	{ text: markdownField(500), correct: booleanField().default(false), feedback: markdownField(2_000).optional() },
	rule('an option with text (and correct: true when it is right)')
);

const checkText = () => {
	const r = rule('text of 1 to 200 characters (put numbers in quotes, like "100-2345")');
	return z.string(r).trim().min(1, r).max(200, r);
};

/** A variable: min, max (and step, default 1), or a list of values; money for dollar amounts. */
const variableSpec = z
	.strictObject(
		{
			min: decimalField().optional(),
			max: decimalField().optional(),
			step: decimalField().optional(),
			values: list(decimalField(), 'values', 1_000).optional(),
			money: booleanField().default(false)
		},
		rule('min and max (and step), or values')
	)
	.transform((v, ctx): VariableSpec => {
		if (v.values !== undefined && v.min === undefined && v.max === undefined && v.step === undefined) return { values: v.values, money: v.money };
		if (v.values === undefined && v.min !== undefined && v.max !== undefined) return { min: v.min, max: v.max, step: v.step ?? '1', money: v.money };
		ctx.addIssue({ code: 'custom', input: v, message: 'must give min and max (and optionally step), or values, not both' });
		return z.NEVER;
	});

const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export const itemSchema = z.discriminatedUnion(
	'kind',
	[
		z.strictObject({
			...itemCommon,
			kind: z.literal('single-choice'),
			options: list(choiceOption, 'options'),
			shuffleOptions: booleanField().default(true)
		}),
		z.strictObject({
			...itemCommon,
			kind: z.literal('multiple-choice'),
			options: list(choiceOption, 'options'),
			shuffleOptions: booleanField().default(true)
		}),
		z.strictObject({
			...itemCommon,
			kind: z.literal('true-false'),
			answer: booleanField(),
			feedbackTrue: markdownField(2_000).optional(),
			feedbackFalse: markdownField(2_000).optional()
		}),
		z.strictObject({
			...itemCommon,
			kind: z.literal('numeric'),
			answer: decimalField(),
			money: booleanField().default(false),
			tolerance: decimalField().default('0'),
			unit: textField(20).optional()
		}),
		z.strictObject({
			...itemCommon,
			kind: z.literal('short-answer'),
			answers: list(textField(200), 'accepted answers', 50),
			caseSensitive: booleanField().default(false)
		}),
		z.strictObject({ ...itemCommon, kind: z.literal('ordering'), entries: list(textField(200), 'entries') }),
		z.strictObject({
			...itemCommon,
			kind: z.literal('matching'),
			pairs: list(z.strictObject({ prompt: markdownField(300), match: textField(300) }, rule('a pair with prompt and match')), 'pairs'),
			distractors: list(textField(300), 'distractors').default([]),
			shuffleOptions: booleanField().default(true)
		}),
		z.strictObject({
			...itemCommon,
			kind: z.literal('fill-in'),
			blanks: list(
				z.strictObject({ answers: list(textField(100), 'accepted answers', 50), choices: list(textField(100), 'choices', 20).optional() }, rule('a blank with answers (and optional choices)')),
				'blanks'
			),
			caseSensitive: booleanField().default(false)
		}),
		z.strictObject({
			...itemCommon,
			kind: z.literal('name-number-check'),
			pairs: list(z.strictObject({ left: checkText(), right: checkText() }, rule('a pair with left and right')), 'pairs'),
			columns: z.tuple([textField(60), textField(60)], rule('two column headings, like [Remittance log, Receipt]')).optional()
		}),
		z.strictObject({
			...itemCommon,
			kind: z.literal('parameterized'),
			variables: z.record(z.string().regex(VARIABLE_NAME), variableSpec, rule('a map of variable names to their values')),
			answer: textField(500),
			money: booleanField().default(false),
			tolerance: decimalField().default('0'),
			unit: textField(20).optional()
		}),
		z.strictObject({
			...itemCommon,
			kind: z.literal('cash-count'),
			cash: list(
				z.strictObject(
					{
						denomination: z.enum(
							CASH_DENOMINATIONS.map((d) => d.denomination) as unknown as readonly [Denomination, ...Denomination[]],
							rule(`one of ${CASH_DENOMINATIONS.map((d) => `"${d.denomination}"`).join(', ')} (in quotes)`)
						),
						count: wholeNumber(0, 10_000)
					},
					rule('a line with denomination and count')
				),
				'lines'
			)
		}),
		// Skills tests are scored in WPM or KPH, not points (so no points key).
		z.strictObject({
			...itemCommon,
			kind: z.literal('typing'),
			points: z.literal(0, rule('0 (a skills test is scored in WPM, not points); leave it out')).default(0),
			text: textField(20_000),
			minutes: wholeNumber(1, 30),
			errorPenalty: z.enum(['per-word', '1-wpm', '2-wpm'], rule('per-word, 1-wpm or 2-wpm')).default('per-word'),
			minimumNetWpm: wholeNumber(1, 200).optional()
		}),
		z.strictObject({
			...itemCommon,
			kind: z.literal('ten-key'),
			points: z.literal(0, rule('0 (a skills test is scored in KPH, not points); leave it out')).default(0),
			minutes: wholeNumber(1, 30),
			entries: list(z.string(rule('digits in quotes, like "4821.07"')), 'entries', 2_000).optional(),
			generate: z
				.strictObject(
					{ count: wholeNumber(1, 2_000), minDigits: wholeNumber(1, 12), maxDigits: wholeNumber(1, 12), decimals: wholeNumber(0, 4).default(0) },
					rule('count, minDigits, maxDigits (and decimals)')
				)
				.optional(),
			minimumNetKph: wholeNumber(1, 50_000).optional(),
			minimumAccuracy: decimalField().optional()
		}),
		z.strictObject({
			...itemCommon,
			kind: z.literal('essay'),
			// An essay is worth its rubric total; points may be left out.
			points: wholeNumber(1, 100).optional(),
			rubric: list(
				z.strictObject({ criterion: textField(200), points: wholeNumber(1, 100), description: markdownField(2_000).optional() }, rule('a criterion with points')),
				'criteria'
			),
			minWords: wholeNumber(1, 5_000).optional(),
			maxWords: wholeNumber(1, 5_000).optional()
		})
	],
	{ error: (issue) => ((issue.input as { kind?: unknown } | undefined)?.kind === undefined ? 'is required' : `must be one of ${ITEM_KINDS.join(', ')}`) }
);

/** A bank item: the domain item plus the file it came from. */
export type BankItem = ExamItem & { file: string };

export function buildItem(data: z.output<typeof itemSchema>, body: string, file: string): BankItem {
	// The body is kept as written (not trimmed) so stem problems map to file lines.
	if (data.kind === 'essay') return { ...data, points: data.points ?? data.rubric.reduce((s, c) => s + c.points, 0), stem: body, file };
	return { ...data, stem: body, file };
}

export function checkItem(item: BankItem): ContentProblem[] {
	return validateItem(item).map((p) => (p.stemLine !== undefined ? { bodyLine: p.stemLine, message: p.message } : { path: p.path, message: p.message }));
}

// ---------------------------------------------------------------------------------------------

const drawRule = z.strictObject(
	{
		count: wholeNumber(1, 300),
		topics: list(topicField(), 'topics').min(1, { error: 'must list at least one topic' }).optional(),
		tags: list(tagField(), 'tags').min(1, { error: 'must list at least one tag' }).optional(),
		difficulty: list(difficultyField(), 'difficulties').min(1, { error: 'must list at least one difficulty' }).optional(),
		kinds: list(kindField(), 'kinds').min(1, { error: 'must list at least one kind' }).optional()
	},
	rule('a draw rule with count (and topics, tags, difficulty, kinds)')
);

const section = z.strictObject(
	{
		id: idField(),
		title: textField(120),
		instructions: markdownField(4_000).optional(),
		timeLimitMinutes: wholeNumber(1, 600).optional(),
		items: list(idField(), 'item ids', 300).default([]),
		draw: list(drawRule, 'draw rules').default([])
	},
	rule('a section with id, title and items or draw rules')
);

/** "70%" (percent of the maximum) or a whole number of points. */
const passingPointField = () => {
	const r = rule('a percent like "70%" or a whole number of points');
	return z.union([z.string(), z.number()], r).transform((v, ctx) => {
		if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) return { points: String(v) };
		const m = typeof v === 'string' ? /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(v) : null;
		if (m && dec(m[1]!).lte(100)) return { percent: m[1]! };
		ctx.addIssue({ code: 'custom', input: v, message: 'must be a percent from 0% to 100%, like "70%", or a whole number of points' });
		return z.NEVER;
	});
};

const attemptsField = () => {
	const r = rule('a whole number of 1 or more, or unlimited');
	return z.union([z.number().int().min(1), z.literal('unlimited')], r);
};

export const blueprintSchema = z.strictObject({
	id: idField(),
	title: textField(120),
	purpose: z.enum(['exam', 'practice'], rule('exam or practice')),
	draft: booleanField().default(false),
	timeLimitMinutes: wholeNumber(1, 600),
	navigation: z.enum(['free', 'sequential'], rule('free or sequential')).default('free'),
	shuffleItems: booleanField().default(true),
	shuffleOptions: booleanField().default(true),
	passingPoint: passingPointField().optional(),
	attemptsAllowed: attemptsField().default(1),
	showAfterSubmit: z.enum(['nothing-until-release', 'score', 'score-and-feedback'], rule('nothing-until-release, score or score-and-feedback')),
	sections: list(section, 'sections', 30).min(1, { error: 'must have at least one section' })
});

export type Blueprint = ExamBlueprint & { file: string };

export function buildBlueprint(data: z.output<typeof blueprintSchema>, body: string, file: string): Blueprint {
	return { ...data, instructions: body.trim(), file };
}

export function checkBlueprint(blueprint: Blueprint): ContentProblem[] {
	return validateBlueprint(blueprint).map((p) => ({ path: p.path, message: p.message }));
}

/**
 * The blueprint against the loaded item bank: can every attempt be drawn? For a draft the
 * shortfalls are warnings (the bank is still being written); for a finished blueprint, errors.
 */
export function checkBlueprintDraws(blueprint: Blueprint, items: readonly ExamItem[]): ContentProblem[] {
	return findDrawShortfalls(blueprint, items).map((s) => ({
		path: s.ruleIndex === null ? ['sections', s.sectionIndex, 'items'] : ['sections', s.sectionIndex, 'draw', s.ruleIndex],
		message: `${s.message}${blueprint.draft ? ' (a warning while draft: true)' : '; add items or set draft: true'}`,
		warning: blueprint.draft
	}));
}
