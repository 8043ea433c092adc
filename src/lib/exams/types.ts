/**
 * The shapes of the written-exam domain: items (with their keys), blueprints, what an attempt
 * delivers, what a candidate sees and answers, and scores.
 *
 * Items and blueprints carry markdown (stems, passages, feedback); rendering is the server's job.
 * Every amount, score and decimal travels as a string; JS numbers only count things (points,
 * positions, minutes, milliseconds).
 */
import type { TopicId } from './topics';

export const ITEM_KINDS = [
	'single-choice',
	'multiple-choice',
	'true-false',
	'numeric',
	'short-answer',
	'ordering',
	'matching',
	'fill-in',
	'name-number-check',
	'parameterized',
	'cash-count',
	'essay',
	'typing',
	'ten-key'
] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

/** Timed skills tests: scored in WPM or KPH, not in points, and drawn only by a rule naming their kind. */
export const SKILLS_KINDS = ['typing', 'ten-key'] as const;
export type SkillsKind = (typeof SKILLS_KINDS)[number];
export const isSkillsKind = (kind: string): kind is SkillsKind => kind === 'typing' || kind === 'ten-key';

/** 1 easy, 2 medium, 3 hard. */
export type Difficulty = 1 | 2 | 3;
export const DIFFICULTY_NAMES = { 1: 'easy', 2: 'medium', 3: 'hard' } as const satisfies Record<Difficulty, string>;

/** Bills and coins a cash-count item may use, as canonical money strings, largest first. */
export const CASH_DENOMINATIONS = [
	{ denomination: '100.00', label: '$100 bills' },
	{ denomination: '50.00', label: '$50 bills' },
	{ denomination: '20.00', label: '$20 bills' },
	{ denomination: '10.00', label: '$10 bills' },
	{ denomination: '5.00', label: '$5 bills' },
	{ denomination: '2.00', label: '$2 bills' },
	{ denomination: '1.00', label: '$1 bills' },
	{ denomination: '0.50', label: 'half dollars' },
	{ denomination: '0.25', label: 'quarters' },
	{ denomination: '0.10', label: 'dimes' },
	{ denomination: '0.05', label: 'nickels' },
	{ denomination: '0.01', label: 'pennies' }
] as const;
export type Denomination = (typeof CASH_DENOMINATIONS)[number]['denomination'];

interface ItemBase<K extends ItemKind> {
	id: string;
	kind: K;
	topic: TopicId;
	tags: string[];
	difficulty: Difficulty;
	/** Whole points the item is worth (an essay's equals its rubric total; a skills test's is 0). */
	points: number;
	/** The question, markdown. Fill-in blanks are `[[1]]`, `[[2]]`…; parameterized values `{{name}}`. */
	stem: string;
	/** Optional reading passage or table shown above the stem, markdown. */
	passage?: string;
	/** General feedback shown after submitting when the blueprint allows it, markdown. */
	feedback?: string;
}

export interface ChoiceOption {
	text: string;
	correct: boolean;
	/** Shown after submitting to a candidate who chose this option. */
	feedback?: string;
}

export interface SingleChoiceItem extends ItemBase<'single-choice'> {
	options: ChoiceOption[];
	/** False pins the written order (e.g. "None of the above" last). */
	shuffleOptions: boolean;
}

export interface MultipleChoiceItem extends ItemBase<'multiple-choice'> {
	options: ChoiceOption[];
	shuffleOptions: boolean;
}

export interface TrueFalseItem extends ItemBase<'true-false'> {
	answer: boolean;
	/** Feedback for a candidate who answered true / false. */
	feedbackTrue?: string;
	feedbackFalse?: string;
}

export interface NumericItem extends ItemBase<'numeric'> {
	/** Plain decimal string; with `money`, a canonical amount like "87.50". */
	answer: string;
	/** Money: the typed answer is read like a clerk's amount ("$1,234.50") and must equal to the cent. */
	money: boolean;
	/** Largest accepted distance from the answer, a plain decimal string ("0" = exact). Never with money. */
	tolerance: string;
	/** Short text shown after the answer box ("HCF", "%"); typing it after the number is accepted. */
	unit?: string;
}

export interface ShortAnswerItem extends ItemBase<'short-answer'> {
	/** Every accepted answer. */
	answers: string[];
	caseSensitive: boolean;
}

export interface OrderingItem extends ItemBase<'ordering'> {
	/** The entries in their correct order; candidates always see them shuffled. */
	entries: string[];
}

export interface MatchingPair {
	prompt: string;
	match: string;
}

export interface MatchingItem extends ItemBase<'matching'> {
	pairs: MatchingPair[];
	/** Extra right-hand choices that match no prompt. */
	distractors: string[];
	/** False keeps the prompts in written order (the choices are always shuffled). */
	shuffleOptions: boolean;
}

export interface FillInBlank {
	/** Accepted answers for this blank. */
	answers: string[];
	/** When present, the candidate picks from these (each answer must be one of them). */
	choices?: string[];
}

export interface FillInItem extends ItemBase<'fill-in'> {
	/** Blank n is `[[n]]` in the stem, numbered from 1. */
	blanks: FillInBlank[];
	caseSensitive: boolean;
}

export interface CheckPair {
	left: string;
	right: string;
}

export interface NameNumberCheckItem extends ItemBase<'name-number-check'> {
	/** A pair is "alike" exactly when both sides are the same string, character for character. */
	pairs: CheckPair[];
	/** Column headings, e.g. ["Remittance log", "Receipt"]. */
	columns?: [string, string];
}

export type VariableSpec =
	| { min: string; max: string; step: string; money: boolean }
	| { values: string[]; money: boolean };

export interface ParameterizedItem extends ItemBase<'parameterized'> {
	/** Name → how its value is drawn; names appear in the stem as `{{name}}`. */
	variables: Record<string, VariableSpec>;
	/** Formula for the answer over the variables: + - * / ( ), round(x, places), min(…), max(…). */
	answer: string;
	money: boolean;
	tolerance: string;
	unit?: string;
}

export interface CashLine {
	denomination: Denomination;
	count: number;
}

export interface CashCountItem extends ItemBase<'cash-count'> {
	/** What lies in front of the candidate; the answer is the total. */
	cash: CashLine[];
}

export interface RubricCriterion {
	criterion: string;
	points: number;
	/** Guidance for the grader; never shown to candidates before release. */
	description?: string;
}

export interface EssayItem extends ItemBase<'essay'> {
	rubric: RubricCriterion[];
	minWords?: number;
	maxWords?: number;
}

/** Net WPM penalty: minus one word per error, or 1 or 2 WPM per error. */
export type TypingPenalty = 'per-word' | '1-wpm' | '2-wpm';

/**
 * A typing test: the candidate copies `text` for up to `minutes`. The stem holds the instructions;
 * the text is plain (not markdown), so what is shown is exactly what is compared.
 */
export interface TypingItem extends ItemBase<'typing'> {
	text: string;
	minutes: number;
	errorPenalty: TypingPenalty;
	/** Pass mark on net WPM, if any. */
	minimumNetWpm?: number;
}

export interface TenKeyGenerate {
	count: number;
	minDigits: number;
	maxDigits: number;
	/** Digits after the decimal point (0 = whole numbers). */
	decimals: number;
}

/** A 10-key test: the candidate keys a batch of numbers for up to `minutes`. */
export interface TenKeyItem extends ItemBase<'ten-key'> {
	minutes: number;
	/** A fixed batch, or `generate` for one per candidate (exactly one of the two). */
	entries?: string[];
	generate?: TenKeyGenerate;
	minimumNetKph?: number;
	/** Pass mark on accuracy, a percent as a decimal string ("95"). */
	minimumAccuracy?: string;
}

export type ExamItem =
	| TypingItem
	| TenKeyItem
	| SingleChoiceItem
	| MultipleChoiceItem
	| TrueFalseItem
	| NumericItem
	| ShortAnswerItem
	| OrderingItem
	| MatchingItem
	| FillInItem
	| NameNumberCheckItem
	| ParameterizedItem
	| CashCountItem
	| EssayItem;

export type ItemOfKind<K extends ItemKind> = Extract<ExamItem, { kind: K }>;

// ---------------------------------------------------------------------------------------------
// Blueprints

export type ExamPurpose = 'exam' | 'practice';
export type Navigation = 'free' | 'sequential';
/** What a candidate sees once the attempt is submitted. */
export type AfterSubmit = 'nothing-until-release' | 'score' | 'score-and-feedback';
export type PassingPoint = { percent: string } | { points: string };

export interface DrawRule {
	/** How many items this rule draws. */
	count: number;
	/** An item matches when its topic is any of these (absent = any topic). */
	topics?: TopicId[];
	/** …and it has every one of these tags. */
	tags?: string[];
	/** …and its difficulty is any of these. */
	difficulty?: Difficulty[];
	/** …and its kind is any of these. */
	kinds?: ItemKind[];
}

export interface BlueprintSection {
	id: string;
	title: string;
	/** Markdown shown at the start of the section. */
	instructions?: string;
	/** Optional time limit of this section (sections with limits are taken in order). */
	timeLimitMinutes?: number;
	/** Item ids always included, before the drawn ones. */
	items: string[];
	draw: DrawRule[];
}

/** What the skills scoring functions need of a test (an item's fields; the passage is its text). */
export interface TypingSettings {
	minutes: number;
	passage: string;
	errorPenalty: TypingPenalty;
	minimumNetWpm?: number;
}

export type TenKeySettings = Pick<TenKeyItem, 'minutes' | 'entries' | 'generate' | 'minimumNetKph' | 'minimumAccuracy'>;

export interface ExamBlueprint {
	id: string;
	title: string;
	purpose: ExamPurpose;
	/** A draft may not be fillable from the bank yet; content:check only warns about its draws. */
	draft: boolean;
	/** Markdown shown before the exam starts. */
	instructions: string;
	/** Limit for the whole attempt (a skills test inside it also has its own, shorter limit). */
	timeLimitMinutes: number;
	navigation: Navigation;
	shuffleItems: boolean;
	shuffleOptions: boolean;
	passingPoint?: PassingPoint;
	attemptsAllowed: number | 'unlimited';
	showAfterSubmit: AfterSubmit;
	sections: BlueprintSection[];
}

// ---------------------------------------------------------------------------------------------
// An attempt: what was delivered, what the candidate sees and answers

/** One item as delivered in one attempt: small, JSON-safe, stored with the attempt. */
export interface DeliveredItem {
	itemId: string;
	sectionId: string;
	points: number;
	/**
	 * Display order as indexes into the item's own list: options (choice kinds), entries
	 * (ordering) or prompts (matching). Absent for kinds with nothing to order.
	 */
	order?: number[];
	/** Matching: the right-hand column in display order; index < pairs.length is that pair's match, beyond it the distractors. */
	choiceOrder?: number[];
	/** Parameterized: this candidate's values, plain decimal strings. */
	variables?: Record<string, string>;
	/** 10-key: the batch this candidate keys (fixed, or generated from the seed). */
	entries?: string[];
}

interface PresentedBase<K extends ItemKind> {
	kind: K;
	points: number;
	/** Markdown, with this candidate's values filled in. */
	stem: string;
	passage?: string;
}

/** What a candidate may see of an item: no key, no correct flags, no feedback, no item id. */
export type PresentedItem =
	| (PresentedBase<'single-choice'> & { options: string[] })
	| (PresentedBase<'multiple-choice'> & { options: string[] })
	| PresentedBase<'true-false'>
	| (PresentedBase<'numeric'> & { money: boolean; unit?: string })
	| PresentedBase<'short-answer'>
	| (PresentedBase<'ordering'> & { entries: string[] })
	| (PresentedBase<'matching'> & { prompts: string[]; choices: string[] })
	| (PresentedBase<'fill-in'> & { blanks: { choices?: string[] }[] })
	| (PresentedBase<'name-number-check'> & { pairs: CheckPair[]; columns?: [string, string] })
	| (PresentedBase<'parameterized'> & { money: boolean; unit?: string })
	| (PresentedBase<'cash-count'> & { cash: { denomination: string; label: string; count: number }[] })
	| (PresentedBase<'essay'> & { rubric: { criterion: string; points: number }[]; minWords?: number; maxWords?: number })
	/** `text` and `entries` are what the candidate copies: shown only once the test is started. */
	| (PresentedBase<'typing'> & { text: string; minutes: number; errorPenalty: TypingPenalty; minimumNetWpm?: number })
	| (PresentedBase<'ten-key'> & { entries: string[]; minutes: number; minimumNetKph?: number; minimumAccuracy?: string });

export type CheckMark = 'alike' | 'different';

/**
 * A candidate's answer to one item. Positions are DISPLAY positions (0-based, in the order the
 * candidate saw), never indexes into the item, so nothing about the written order leaks.
 */
export type ItemResponse =
	| { kind: 'single-choice'; choice: number | null }
	| { kind: 'multiple-choice'; choices: number[] }
	| { kind: 'true-false'; answer: boolean | null }
	| { kind: 'numeric'; value: string }
	| { kind: 'short-answer'; text: string }
	/** Display positions of the entries, in the order the candidate put them. */
	| { kind: 'ordering'; order: number[] }
	/** Per displayed prompt, the display position of the chosen right-hand choice. */
	| { kind: 'matching'; matches: (number | null)[] }
	| { kind: 'fill-in'; blanks: string[] }
	| { kind: 'name-number-check'; marks: (CheckMark | null)[] }
	| { kind: 'parameterized'; value: string }
	| { kind: 'cash-count'; value: string }
	| { kind: 'essay'; text: string }
	/**
	 * Skills tests: what was typed, and the page's own measure of typing time (first keystroke to
	 * last, in ms), or null when the page could not measure it (no JavaScript: the server's time is used).
	 */
	| { kind: 'typing'; text: string; elapsedMs: number | null }
	| { kind: 'ten-key'; entries: string[]; elapsedMs: number | null };

// ---------------------------------------------------------------------------------------------
// Scores (every score is a decimal string with exactly two places)

export type ItemOutcome = 'correct' | 'partial' | 'incorrect' | 'unanswered' | 'needs-person' | 'voided';

export type ItemScore =
	| { outcome: 'correct' | 'partial' | 'incorrect' | 'unanswered'; points: string; max: string }
	/** Essays: a person scores them with the rubric (see scoreEssay). */
	| { outcome: 'needs-person'; points: null; max: string }
	/** HR voided the item after the exam (a flawed question): it counts for nobody, in raw and in max. */
	| { outcome: 'voided'; points: '0.00'; max: '0.00' };

export interface SectionScore {
	sectionId: string;
	raw: string;
	max: string;
	percent: string;
}

export interface AttemptScore {
	raw: string;
	max: string;
	percent: string;
	sections: SectionScore[];
	/** In delivered order. */
	items: (ItemScore & { itemId: string })[];
	/** Items still waiting for a person (counted as 0 in raw until scored). */
	pending: string[];
	/** Against the passing point and the skills pass marks; null when there are none or items are pending. */
	passed: boolean | null;
	/** Skills tests in delivered order, with their WPM or KPH figures (result null = not taken). */
	skills: SkillsLine[];
}

export type SkillsLine = { itemId: string; sectionId: string } & (
	| { kind: 'typing'; result: import('./skills').TypingResult }
	| { kind: 'ten-key'; result: import('./skills').TenKeyResult }
	| { kind: 'typing' | 'ten-key'; result: null; error?: string }
);
