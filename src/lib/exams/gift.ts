/**
 * Import of Moodle GIFT files into exam items.
 *
 * What maps (GIFT → kind):
 *   {=right ~wrong}                 single-choice (with "#feedback" per option)
 *   {~%50%a ~%50%b ~%-50%c}         multiple-choice: the positive options are the correct ones
 *   {T} {F} {TRUE} {FALSE}          true-false ("#wrong feedback#right feedback")
 *   {=a =b}                         short-answer (not case-sensitive, like Moodle's default)
 *   {#3.5:0.1} {#1..5} {#7}         numeric with a tolerance (a range becomes its middle ± half)
 *   {=a -> b =c -> d}               matching ("= -> x" adds a distractor)
 *   {}                              essay, with a one-criterion rubric to edit
 *   text {…} more text              missing word: the stem gets a _____ blank
 * Also: ::title:: (becomes the id), // comment lines, $CATEGORY: (its last part becomes a tag),
 * [markdown] [html] [plain] [moodle] formats, #### general feedback, escapes \~ \= \# \{ \} \: \\ \n.
 *
 * What is rejected, question by question, with its line and a reason: descriptions (no answer
 * block), several answer blocks in one question, partial-credit weights in one-answer and
 * short-answer questions, unequal weights on correct options, numeric questions with several
 * (weighted) answers, wildcard short answers, anything validateItem refuses. What maps with a
 * loss (dropped per-answer feedback, Moodle's wrong-answer weights replaced by this app's
 * right-minus-wrong rule, an essay's default rubric) is kept with a warning, never silently.
 */
import { dec, isPlainDecimal, plain } from './decimal';
import type { TopicId } from './topics';
import type { ChoiceOption, Difficulty, ExamItem } from './types';
import { validateItem } from './validate';

export interface GiftImportOptions {
	/** GIFT has no topics: every imported item gets this one. */
	topic: TopicId;
	difficulty?: Difficulty;
	tags?: string[];
	/** Points of each imported item (essays: the default rubric's single criterion). */
	points?: number;
	essayPoints?: number;
	/** Ids are the title as words ("Q1 Grant" → "q1-grant"), or "<idPrefix>-<n>" without one. */
	idPrefix?: string;
	/** Ids already in the bank; an imported id that clashes gets "-2", "-3"… and a warning. */
	existingIds?: ReadonlySet<string>;
}

export interface GiftImported {
	/** 1-based line where the question starts. */
	line: number;
	title?: string;
	item: ExamItem;
	warnings: string[];
}

export interface GiftRejected {
	line: number;
	title?: string;
	reason: string;
}

export interface GiftImport {
	items: GiftImported[];
	rejected: GiftRejected[];
}

// Escaped characters travel as private-use code points so no syntax search can see them.
const ESCAPABLE = new Set(['\\', ':', '#', '=', '{', '}', '~']);
const LITERAL_BASE = 0xe000;
const literal = (c: string) => String.fromCharCode(LITERAL_BASE + c.charCodeAt(0));
const decode = (s: string) => s.replace(/[\ue000-\ue0ff]/g, (c) => String.fromCharCode(c.charCodeAt(0) - LITERAL_BASE));

/** A question's text with escapes encoded, and the file line of every character. */
interface Encoded {
	text: string;
	lines: number[];
}

function encodeLines(lines: { text: string; line: number }[]): Encoded {
	let text = '';
	const at: number[] = [];
	lines.forEach(({ text: lineText, line }, n) => {
		for (let i = 0; i < lineText.length; i++) {
			const c = lineText[i]!;
			const next = lineText[i + 1];
			if (c === '\\' && next !== undefined && (ESCAPABLE.has(next) || next === 'n')) {
				text += next === 'n' ? literal('\n') : literal(next);
				i++;
			} else {
				text += c;
			}
			at.push(line);
		}
		if (n < lines.length - 1) {
			text += '\n';
			at.push(line);
		}
	});
	return { text, lines: at };
}

/** Unescaped braces on a line: +1 per "{", −1 per "}" (to keep a multi-line answer block whole). */
function braceBalance(line: string): number {
	let balance = 0;
	for (let i = 0; i < line.length; i++) {
		if (line[i] === '\\') i++;
		else if (line[i] === '{') balance++;
		else if (line[i] === '}') balance--;
	}
	return balance;
}

/** Questions: runs of non-blank lines (comment lines dropped), kept together while a { is open. */
function questionChunks(text: string): { text: string; line: number }[][] {
	const chunks: { text: string; line: number }[][] = [];
	let current: { text: string; line: number }[] = [];
	let open = 0;
	text.replace(/^\uFEFF/, '')
		.split(/\r?\n/)
		.forEach((lineText, i) => {
			const trimmed = lineText.trim();
			if (trimmed.startsWith('//')) return;
			if (trimmed === '' && open <= 0) {
				if (current.length > 0) chunks.push(current);
				current = [];
				open = 0;
				return;
			}
			current.push({ text: lineText, line: i + 1 });
			open += braceBalance(lineText);
		});
	if (current.length > 0) chunks.push(current);
	return chunks;
}

type Format = 'markdown' | 'html' | 'plain' | 'moodle';

/** Strip a leading [format] and turn the text into markdown. */
function withFormat(raw: string, inherited: Format): { text: string; format: Format } {
	let text = raw.trim();
	let format = inherited;
	const m = /^\[(markdown|html|plain|moodle)\]/.exec(text);
	if (m) {
		format = m[1] as Format;
		text = text.slice(m[0].length).trim();
	}
	const decoded = decode(text).trim();
	// Plain text must not turn into markdown formatting.
	return { text: format === 'plain' ? decoded.replace(/([\\`*_{}[\]()#+\-.!|<>])/g, '\\$1') : decoded, format };
}

interface Piece {
	marker: string;
	text: string;
	/** Offset of the piece in the question's encoded text. */
	start: number;
}

/** Split at each marker character; `lead` is the text before the first marker. */
function splitAt(text: string, offset: number, markers: RegExp): { lead: string; pieces: Piece[] } {
	const pieces: Piece[] = [];
	let lead = '';
	let last = -1;
	for (let i = 0; i <= text.length; i++) {
		if (i === text.length || markers.test(text[i]!)) {
			const chunk = text.slice(last + 1, i);
			if (last < 0) lead = chunk;
			else pieces.push({ marker: text[last]!, text: chunk, start: offset + last });
			last = i;
		}
	}
	return { lead, pieces };
}

const WEIGHT = /^%(-?\d+(?:\.\d+)?)%/;

/** "%50%text" → weight "50" and the rest. */
function weightOf(text: string): { weight: string | null; rest: string } {
	const m = WEIGHT.exec(text.trim());
	return m ? { weight: m[1]!, rest: text.trim().slice(m[0].length) } : { weight: null, rest: text };
}

/** "text#feedback" → both parts (the first unescaped # splits). */
function feedbackOf(text: string): { text: string; feedback: string } {
	const hash = text.indexOf('#');
	return hash < 0 ? { text, feedback: '' } : { text: text.slice(0, hash), feedback: text.slice(hash + 1) };
}

class Reject extends Error {
	constructor(
		message: string,
		readonly line?: number
	) {
		super(message);
	}
}

function slug(text: string): string {
	return text
		.toLowerCase()
		.normalize('NFKD')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60)
		.replace(/-+$/, '');
}

export function parseGift(source: string, options: GiftImportOptions): GiftImport {
	const result: GiftImport = { items: [], rejected: [] };
	const taken = new Set(options.existingIds ?? []);
	let category: string | undefined;
	let ordinal = 0;

	for (const chunk of questionChunks(source)) {
		let lines = chunk;
		if (lines[0]!.text.trim().startsWith('$CATEGORY:')) {
			const path = decode(lines[0]!.text.trim().slice('$CATEGORY:'.length).trim());
			category = slug(path.split('/').filter(Boolean).pop() ?? '') || undefined;
			lines = lines.slice(1);
			if (lines.length === 0) continue;
		}
		ordinal++;
		const startLine = lines[0]!.line;
		const encoded = encodeLines(lines);
		const title = readTitle(encoded.text).title;
		try {
			const parsed = parseQuestion(encoded, options);
			const base = (title && slug(title)) || `${slug(options.idPrefix ?? 'gift') || 'gift'}-${ordinal}`;
			let id = base;
			for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
			if (id !== base) parsed.warnings.push(`the id "${base}" is taken; this item is "${id}"`);
			const tags = [...new Set([...(options.tags ?? []), ...(category ? [category] : [])])];
			const item = { ...parsed.item, id, tags } as ExamItem;
			const problems = validateItem(item);
			if (problems.length > 0) {
				throw new Reject(problems.map((p) => (p.path.length > 0 ? `${p.path.join('.')}: ${p.message}` : p.message)).join('; '));
			}
			taken.add(id);
			result.items.push({ line: startLine, ...(title ? { title } : {}), item, warnings: parsed.warnings });
		} catch (err) {
			if (!(err instanceof Reject)) throw err;
			result.rejected.push({ line: err.line ?? startLine, ...(title ? { title } : {}), reason: err.message });
		}
	}
	return result;
}

/** `::title::` at the start of a question: the title and where the question text begins. */
function readTitle(text: string): { title?: string; end: number; unclosedAt?: number } {
	const lead = text.length - text.trimStart().length;
	if (!text.startsWith('::', lead)) return { end: 0 };
	const close = text.indexOf('::', lead + 2);
	if (close < 0) return { end: 0, unclosedAt: lead };
	const title = decode(text.slice(lead + 2, close)).trim();
	return { ...(title ? { title } : {}), end: close + 2 };
}

type WithoutIdAndTags<T> = T extends unknown ? Omit<T, 'id' | 'tags'> : never;
type ParsedQuestion = { item: WithoutIdAndTags<ExamItem>; warnings: string[] };

function parseQuestion(encoded: Encoded, options: GiftImportOptions): ParsedQuestion {
	const lineAt = (offset: number) => encoded.lines[Math.min(offset, encoded.lines.length - 1)]!;
	const text = encoded.text;
	const warnings: string[] = [];
	const head = readTitle(text);
	if (head.unclosedAt !== undefined) throw new Reject('the title has no closing ::', lineAt(head.unclosedAt));
	const offset = head.end;

	const opens = [...text.matchAll(/\{/g)].map((m) => m.index).filter((i) => i >= offset);
	const closes = [...text.matchAll(/\}/g)].map((m) => m.index).filter((i) => i >= offset);
	const reject = (message: string, line?: number): never => {
		throw new Reject(message, line);
	};
	if (opens.length === 0 && closes.length === 0) reject('a description without an answer block {…}: there is nothing to score');
	if (opens.length > 1) reject('several answer blocks in one question (missing words with several blanks) are not supported', lineAt(opens[1]!));
	if (opens.length !== 1 || closes.length !== 1 || closes[0]! < opens[0]!) reject('the braces { } do not pair up; escape a literal brace as \\{ or \\}', lineAt(opens[0] ?? closes[0]!));

	const open = opens[0]!;
	const close = closes[0]!;
	const before = text.slice(offset, open);
	const after = text.slice(close + 1);
	let answer = text.slice(open + 1, close);
	const answerStart = open + 1;

	// Missing word: the answer block sat inside the sentence, so the stem gets a blank there.
	const stemStart = withFormat(before, 'moodle');
	const format = stemStart.format;
	const stemText = after.trim() === '' ? stemStart.text : `${stemStart.text} \\_\\_\\_\\_\\_ ${withFormat(after, format).text}`;

	let generalFeedback = '';
	const gf = answer.lastIndexOf('####');
	if (gf >= 0) {
		generalFeedback = withFormat(answer.slice(gf + 4), format).text;
		answer = answer.slice(0, gf);
	}
	const trimmedAnswer = answer.trim();
	const base = {
		topic: options.topic,
		difficulty: options.difficulty ?? 2,
		points: options.points ?? 1,
		stem: stemText,
		...(generalFeedback ? { feedback: generalFeedback } : {})
	};
	const lineOfPiece = (p: Piece) => lineAt(p.start);
	const textOf = (raw: string) => withFormat(raw, format).text;

	if (trimmedAnswer === '') {
		const points = options.essayPoints ?? 10;
		warnings.push(`essay: a rubric with one criterion ("Overall response", ${points} points) was added; edit it before use`);
		return { warnings, item: { ...base, kind: 'essay', points, rubric: [{ criterion: 'Overall response', points }] } };
	}

	if (trimmedAnswer.startsWith('#')) {
		let body = answer.slice(answer.indexOf('#') + 1);
		const wrong = body.indexOf('~');
		if (wrong >= 0) {
			warnings.push('numeric: the feedback for wrong answers (~#…) was dropped');
			body = body.slice(0, wrong);
		}
		const { lead: numLead, pieces } = splitAt(body, answerStart + answer.indexOf('#') + 1, /=/);
		const answers = [...(numLead.trim() ? [{ marker: '=', text: numLead, start: answerStart }] : []), ...pieces];
		if (answers.length !== 1) reject('several numeric answers (weighted alternatives) are not supported; keep one answer with a tolerance', lineAt(answerStart));
		const only = answers[0]!;
		const { weight, rest } = weightOf(only.text);
		if (weight !== null && !dec(weight).eq(100)) reject(`a numeric answer weighted ${weight}% is not supported`, lineOfPiece(only));
		const { text: value, feedback } = feedbackOf(rest);
		if (feedback.trim()) warnings.push('numeric: the feedback on the answer was dropped; use the general feedback (####)');
		const v = decode(value).trim();
		let key: string;
		let tolerance: string;
		const range = /^(.+)\.\.(.+)$/.exec(v);
		const margin = /^(.+):(.+)$/.exec(v);
		const number = (s: string) => {
			const t = s.trim();
			if (!isPlainDecimal(t)) reject(`"${t}" is not a plain decimal number`, lineOfPiece(only));
			return dec(t);
		};
		if (range) {
			const min = number(range[1]!);
			const max = number(range[2]!);
			if (max.lt(min)) reject(`the range ${v} runs backwards`, lineOfPiece(only));
			key = plain(min.plus(max).dividedBy(2));
			tolerance = plain(max.minus(min).dividedBy(2));
		} else if (margin) {
			key = plain(number(margin[1]!));
			tolerance = plain(number(margin[2]!).abs());
		} else {
			key = plain(number(v));
			tolerance = '0';
		}
		return { warnings, item: { ...base, kind: 'numeric', answer: key, money: false, tolerance } };
	}

	if (trimmedAnswer.includes('~')) {
		const { lead: mcLead, pieces } = splitAt(answer, answerStart, /[~=]/);
		if (mcLead.trim()) reject(`"${decode(mcLead.trim())}" comes before the first ~ or =`, lineAt(answerStart));
		const single = pieces.some((p) => p.marker === '=');
		const weighted = pieces.map((p) => {
			const { weight, rest } = p.marker === '=' ? { weight: '100', rest: p.text } : weightOf(p.text);
			const { text: optionText, feedback } = feedbackOf(rest);
			return { piece: p, weight: dec(weight ?? '0'), option: { text: textOf(optionText), correct: false, ...(feedback.trim() ? { feedback: textOf(feedback) } : {}) } };
		});
		if (single) {
			for (const w of weighted) {
				if (w.weight.gt(0) && w.weight.lt(100)) reject(`partial credit (${plain(w.weight)}%) in a one-answer question is not supported`, lineOfPiece(w.piece));
				w.option.correct = w.weight.eq(100);
			}
			if (weighted.some((w) => w.weight.isNegative())) warnings.push('negative weights on wrong options were dropped: a wrong choice scores 0');
			return { warnings, item: { ...base, kind: 'single-choice', options: weighted.map((w) => w.option), shuffleOptions: true } };
		}
		const right = weighted.filter((w) => w.weight.gt(0));
		if (right.length > 0) {
			const share = right[0]!.weight;
			const total = right.reduce((s, w) => s.plus(w.weight), dec(0));
			if (!right.every((w) => w.weight.eq(share)) || total.minus(100).abs().gt('0.01')) {
				reject(
					`correct options weighted ${right.map((w) => `${plain(w.weight)}%`).join(', ')}: every correct option must carry the same share of 100% (this app scores right minus wrong)`,
					lineOfPiece(right[0]!.piece)
				);
			}
			const wrong = weighted.filter((w) => !w.weight.gt(0));
			if (!wrong.every((w) => w.weight.plus(share).abs().lte('0.01'))) {
				warnings.push(`wrong options were weighted ${[...new Set(wrong.map((w) => `${plain(w.weight)}%`))].join(', ')}; here each wrong choice cancels one right choice (right minus wrong, never below 0)`);
			}
		}
		for (const w of right) w.option.correct = true;
		return { warnings, item: { ...base, kind: 'multiple-choice', options: weighted.map((w): ChoiceOption => w.option), shuffleOptions: true } };
	}

	if (trimmedAnswer.includes('=') && trimmedAnswer.includes('->')) {
		const { lead: mLead, pieces } = splitAt(answer, answerStart, /=/);
		if (mLead.trim()) reject(`"${decode(mLead.trim())}" comes before the first =`, lineAt(answerStart));
		const pairs: { prompt: string; match: string }[] = [];
		const distractors: string[] = [];
		for (const p of pieces) {
			const arrow = p.text.indexOf('->');
			if (arrow < 0) reject(`"${decode(p.text.trim())}" has no -> between the prompt and its match`, lineOfPiece(p));
			const prompt = textOf(p.text.slice(0, arrow));
			const match = decode(p.text.slice(arrow + 2)).trim();
			if (match === '') reject('a match after -> is empty', lineOfPiece(p));
			if (prompt === '') distractors.push(match);
			else pairs.push({ prompt, match });
		}
		return { warnings, item: { ...base, kind: 'matching', pairs, distractors, shuffleOptions: true } };
	}

	const tf = /^(T|TRUE|F|FALSE)$/.exec(feedbackOf(trimmedAnswer).text.trim());
	if (tf) {
		const [, wrongFeedback = '', rightFeedback = ''] = trimmedAnswer.split('#');
		const isTrue = tf[1] === 'T' || tf[1] === 'TRUE';
		const forTrue = textOf(isTrue ? rightFeedback : wrongFeedback);
		const forFalse = textOf(isTrue ? wrongFeedback : rightFeedback);
		return {
			warnings,
			item: { ...base, kind: 'true-false', answer: isTrue, ...(forTrue ? { feedbackTrue: forTrue } : {}), ...(forFalse ? { feedbackFalse: forFalse } : {}) }
		};
	}

	const { lead: saLead, pieces } = splitAt(answer, answerStart, /=/);
	if (saLead.trim()) reject(`"${decode(saLead.trim())}" is not an answer GIFT understands: start accepted answers with =`, lineAt(answerStart));
	const answers: string[] = [];
	for (const p of pieces) {
		const { weight, rest } = weightOf(p.text);
		if (weight !== null && !dec(weight).eq(100)) reject(`a partial-credit answer (${weight}%) is not supported`, lineOfPiece(p));
		const { text: accepted, feedback } = feedbackOf(rest);
		if (feedback.trim()) warnings.push(`short answer: the feedback on "${decode(accepted.trim())}" was dropped; use the general feedback (####)`);
		if (accepted.includes('*')) reject(`the wildcard * in "${decode(accepted.trim())}" is not supported: list each accepted spelling`, lineOfPiece(p));
		answers.push(decode(accepted).trim());
	}
	return { warnings, item: { ...base, kind: 'short-answer', answers, caseSensitive: false } };
}
