/**
 * The written-exam domain: pure and deterministic (no I/O, no clock, no unseeded randomness; time and
 * seeds are inputs). Items and blueprints come from content/ (validated by the content loader)
 * or from a GIFT import; the server delivers, stores and scores attempts with these functions.
 *
 * Keys and scoring run on the server only: a page may import presentItem's output types, never
 * an ExamItem.
 */
export * from './types';
export { EXAM_TOPICS, TOPIC_IDS, topicLabel, type TopicId } from './topics';
export { attemptRandom, shuffled, shuffledIndexes, SeededRandom } from './random';
export { parseFormula, evaluateFormula, FormulaError, type Formula, type FormulaParse } from './formula';
export { drawVariables, fillPlaceholders, parameterizedAnswer, displayValue, valueCount, PLACEHOLDER } from './parameters';
export { validateItem, validateBlueprint, ITEM_LIMITS, type ItemProblem, type BlueprintProblem } from './validate';
export { drawExam, deliverItem, findDrawShortfalls, itemMatchesRule, describeRule, DrawError, type DrawShortfall } from './draw';
export { presentItem, readResponse, MAX_ANSWER_CHARACTERS, MAX_ESSAY_CHARACTERS, type ReadResponse } from './present';
export { scoreResponse, scoreEssay, scoreAttempt, skillsItemScore, cashTotal, numericKey, type AttemptToScore, type EssayMarks } from './score';
export { readKeyCorrection, applyKeyCorrection, adjustedItems, describeKeyCorrection, isKeyCorrectable, NO_ADJUSTMENTS, type KeyCorrection, type KeyCorrectionForm, type ScoreAdjustments } from './adjustments';
export { reviewItem, type AnswerKey, type ReviewedItem } from './review';
export {
	boundElapsed,
	countTypingErrors,
	countCharacters,
	typingFigures,
	tenKeyFigures,
	scoreTypingTest,
	scoreTenKeyTest,
	tenKeyBatch,
	scoreSkills,
	hasSkillsPassMark,
	typingSettingsOf,
	MAX_TYPED_CHARACTERS,
	MAX_TEN_KEY_ENTRIES,
	type SkillsTiming,
	type SkillsOutcome,
	generateTenKeyEntries,
	fastestTypingMs,
	fastestTenKeyMs,
	FASTEST_TYPING_CHARACTERS_PER_SECOND,
	FASTEST_TEN_KEY_KEYSTROKES_PER_SECOND,
	type BoundedElapsed,
	type ElapsedAdjustment,
	type TypingResult,
	type TenKeyResult,
	type SkillsScore
} from './skills';
export { attemptDeadline, remainingMs, saveAllowed, SAVE_GRACE_MS, MAX_ACCOMMODATION } from './timing';
export { parseGift, type GiftImport, type GiftImported, type GiftRejected, type GiftImportOptions } from './gift';
export { itemToMarkdown } from './markdown';
export { normalizeAnswer } from './text';
