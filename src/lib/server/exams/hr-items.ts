/**
 * The HR item-bank screens' server side: the bank with where each item came from, the list's
 * filters and counts, an item shown as a candidate sees it next to its key, and the GIFT import
 * (read the upload, preview, add).
 *
 * HR may see keys, so unlike an exam page these views carry them; they are still built here, on
 * the server, from an allow-list of fields, and every piece of markdown is rendered and sanitized
 * before it reaches a page.
 */
import {
	attemptRandom,
	deliverItem,
	displayValue,
	ITEM_KINDS,
	parseGift,
	presentItem,
	reviewItem,
	topicLabel,
	TOPIC_IDS,
	type CheckMark,
	type DeliveredItem,
	type Difficulty,
	type ExamItem,
	type GiftRejected,
	type ItemKind,
	type PresentedItem,
	type TopicId
} from '$lib/exams';
import { formatBytes, tooBigMessage } from '$lib/components/hr/labels';
import { listUsers } from '../auth/users';
import { getContent, renderMarkdown } from '../content';
import { getStore, type Store } from '../store';
import { addImportedItems, importedItems } from './bank';

// ---------------------------------------------------------------------------------------------
// The bank with sources

export type ItemSource =
	| { kind: 'content'; file: string }
	/** `from` is the file name HR uploaded, or "pasted text". */
	| { kind: 'imported'; by: string; byName: string; at: string; from: string };

export interface BankEntry {
	item: ExamItem;
	source: ItemSource;
}

/** Every item in the bank with its source: content files first, then imports in the order added. */
export async function bankEntries(store: Store = getStore()): Promise<BankEntry[]> {
	const [content, imported, users] = await Promise.all([getContent(), importedItems(store), listUsers(store)]);
	const names = new Map(users.map((u) => [u.id, u.displayName]));
	return [
		...content.items.map((item): BankEntry => ({ item, source: { kind: 'content', file: item.file } })),
		...imported.map(
			(i): BankEntry => ({ item: i.item, source: { kind: 'imported', by: i.importedBy, byName: names.get(i.importedBy) ?? i.importedBy, at: i.importedAt, from: i.source } })
		)
	];
}

// ---------------------------------------------------------------------------------------------
// The list: filters, rows and counts

export const ITEMS_PER_PAGE = 50;
const MAX_SEARCH_CHARACTERS = 200;

export type Origin = 'content' | 'imported';

export interface ItemQuery {
	/** Words that must all appear in the stem, passage or id (any case). */
	q: string;
	topic: TopicId | '';
	kind: ItemKind | '';
	difficulty: Difficulty | '';
	tag: string;
	origin: Origin | '';
	page: number;
}

const oneOf = <T extends string>(value: string | null, allowed: readonly T[]): T | '' => ((allowed as readonly string[]).includes(value ?? '') ? (value as T) : '');

/**
 * The list's filters from the address. Values that are not a known topic, kind, difficulty or
 * origin mean "any" (the form then shows "All"), so a hand-edited address never fails.
 */
export function readItemQuery(params: URLSearchParams): ItemQuery {
	const difficulty = params.get('difficulty');
	const page = Number.parseInt(params.get('page') ?? '', 10);
	return {
		q: (params.get('q') ?? '').trim().slice(0, MAX_SEARCH_CHARACTERS),
		topic: oneOf(params.get('topic'), TOPIC_IDS),
		kind: oneOf(params.get('kind'), ITEM_KINDS),
		difficulty: difficulty === '1' || difficulty === '2' || difficulty === '3' ? (Number(difficulty) as Difficulty) : '',
		tag: (params.get('tag') ?? '').trim().slice(0, 60),
		origin: oneOf(params.get('origin'), ['content', 'imported'] as const),
		page: Number.isSafeInteger(page) && page > 0 ? page : 1
	};
}

export function matchesQuery(entry: BankEntry, query: ItemQuery): boolean {
	const { item } = entry;
	if (query.topic && item.topic !== query.topic) return false;
	if (query.kind && item.kind !== query.kind) return false;
	if (query.difficulty && item.difficulty !== query.difficulty) return false;
	if (query.tag && !item.tags.includes(query.tag)) return false;
	if (query.origin && entry.source.kind !== query.origin) return false;
	if (query.q) {
		const haystack = `${item.id}\n${item.stem}\n${item.passage ?? ''}`.toLowerCase();
		if (!query.q.toLowerCase().split(/\s+/).every((word) => haystack.includes(word))) return false;
	}
	return true;
}

export interface ItemRow {
	id: string;
	kind: ItemKind;
	topic: TopicId;
	topicLabel: string;
	difficulty: Difficulty;
	points: number;
	tags: string[];
	/** The start of the stem as plain text. */
	excerpt: string;
	origin: Origin;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };

/** Markdown as one line of plain text, cut at a word near `max` characters. */
export function plainExcerpt(markdown: string, max = 160): string {
	const text = renderMarkdown(markdown)
		.replace(/<[^>]*>/g, ' ')
		.replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, name: string) => ENTITIES[name] ?? '')
		.replace(/\s+/g, ' ')
		.trim();
	if (text.length <= max) return text;
	const cut = text.slice(0, max);
	const space = cut.lastIndexOf(' ');
	return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

export function itemRow(entry: BankEntry): ItemRow {
	const { item } = entry;
	return {
		id: item.id,
		kind: item.kind,
		topic: item.topic,
		topicLabel: topicLabel(item.topic),
		difficulty: item.difficulty,
		points: item.points,
		tags: [...item.tags],
		excerpt: plainExcerpt(item.stem, 130),
		origin: entry.source.kind
	};
}

export interface BankSummary {
	/** The columns: kinds that occur anywhere in the bank, in ITEM_KINDS order. */
	kinds: ItemKind[];
	/** One row per exam topic (zeros included: an empty topic is what a blueprint check must see). */
	rows: { topic: TopicId; label: string; counts: number[]; total: number }[];
	totals: { counts: number[]; total: number };
	difficulty: Record<Difficulty, number>;
}

/** Counts of `items` by topic and kind (columns `kinds`), and by difficulty. */
export function summarize(items: readonly ExamItem[], kinds: readonly ItemKind[]): BankSummary {
	const rows = TOPIC_IDS.map((topic) => ({ topic, label: topicLabel(topic), counts: kinds.map(() => 0), total: 0 }));
	const totals = { counts: kinds.map(() => 0), total: 0 };
	const difficulty: Record<Difficulty, number> = { 1: 0, 2: 0, 3: 0 };
	for (const item of items) {
		const row = rows.find((r) => r.topic === item.topic);
		const column = kinds.indexOf(item.kind);
		if (row) {
			row.total++;
			if (column >= 0) row.counts[column]!++;
		}
		totals.total++;
		if (column >= 0) totals.counts[column]!++;
		difficulty[item.difficulty]++;
	}
	return { kinds: [...kinds], rows, totals, difficulty };
}

export function kindsIn(items: readonly ExamItem[]): ItemKind[] {
	const present = new Set(items.map((i) => i.kind));
	return ITEM_KINDS.filter((k) => present.has(k));
}

export function tagsIn(items: readonly ExamItem[]): string[] {
	return [...new Set(items.flatMap((i) => i.tags))].sort((a, b) => a.localeCompare(b));
}

// ---------------------------------------------------------------------------------------------
// One item: the candidate's view and the key

/** The candidate's view with its markdown rendered (html fields are sanitized HTML). */
export interface CandidateView {
	presented: PresentedItem;
	stemHtml: string;
	passageHtml?: string;
	/** Choice kinds: each option in display order. */
	optionsHtml?: string[];
	/** Matching: each prompt in display order. */
	promptsHtml?: string[];
}

export type KeyView =
	| { kind: 'choice'; multiple: boolean; options: { html: string; correct: boolean; feedbackHtml?: string }[] }
	| { kind: 'true-false'; answer: boolean; feedbackTrueHtml?: string; feedbackFalseHtml?: string }
	/** Numeric, parameterized and cash count: `values` are this preview's drawn values. */
	| { kind: 'number'; display: string; tolerance: string; formula?: string; values?: { name: string; value: string }[] }
	| { kind: 'short-answer'; answers: string[]; caseSensitive: boolean }
	/** The entries in the right order, each with its display position. */
	| { kind: 'ordering'; entries: { text: string; shownAt: number }[] }
	| { kind: 'matching'; pairs: { promptHtml: string; match: string; shownAt: number }[]; distractors: string[] }
	| { kind: 'fill-in'; blanks: string[][]; caseSensitive: boolean }
	| { kind: 'name-number-check'; pairs: { left: string; right: string; mark: CheckMark }[] }
	| { kind: 'essay'; rubric: { criterion: string; points: number; description?: string }[] }
	/** Typing and 10-key tests: the text is what the candidate copies; the key is the pass marks. */
	| { kind: 'skills'; marks: string[] };

export interface ItemView {
	id: string;
	kind: ItemKind;
	topic: TopicId;
	topicLabel: string;
	difficulty: Difficulty;
	points: number;
	tags: string[];
	/** Candidates see the options (or prompts) in a shuffled order when the exam shuffles. */
	shufflesOptions: boolean;
	candidate: CandidateView;
	key: KeyView;
	/** The item's general feedback, rendered. */
	feedbackHtml: string[];
}

/** Markdown that is one paragraph, without the paragraph (for options and prompts). */
export function renderInline(markdown: string): string {
	const html = renderMarkdown(markdown).trim();
	const m = /^<p>([\s\S]*)<\/p>$/.exec(html);
	return m && !m[1]!.includes('<p>') ? m[1]! : html;
}

// Fill-in blanks are [[n]] in the stem; the view shows where each one is.
const BLANK = /\[\[\s*(\d+)\s*\]\]/g;

/**
 * The delivery HR looks at: options in written order (shuffleOptions false) and a fixed seed per
 * item, so the page shows the same numbers and the same ordering/matching shuffle every visit.
 */
export function viewDelivery(item: ExamItem): DeliveredItem {
	return deliverItem(item, 'hr-view', false, attemptRandom('hr-item-view', item.id));
}

export function itemView(item: ExamItem): ItemView {
	const delivered = viewDelivery(item);
	const presented = presentItem(item, delivered);
	const review = reviewItem(item, delivered, undefined);
	const order = delivered.order ?? [];
	const optional = (markdown: string | undefined) => (markdown ? renderMarkdown(markdown) : undefined);

	const candidate: CandidateView = {
		presented,
		stemHtml: renderMarkdown(presented.kind === 'fill-in' ? presented.stem.replace(BLANK, (_, n: string) => `**\\[blank ${n}\\]**`) : presented.stem),
		...(presented.passage !== undefined ? { passageHtml: renderMarkdown(presented.passage) } : {}),
		...(presented.kind === 'single-choice' || presented.kind === 'multiple-choice' ? { optionsHtml: presented.options.map(renderInline) } : {}),
		...(presented.kind === 'matching' ? { promptsHtml: presented.prompts.map(renderInline) } : {})
	};

	let key: KeyView;
	const k = review.key;
	switch (k.kind) {
		case 'single-choice':
		case 'multiple-choice': {
			const options = item.kind === 'single-choice' || item.kind === 'multiple-choice' ? item.options : [];
			key = {
				kind: 'choice',
				multiple: k.kind === 'multiple-choice',
				options: (candidate.optionsHtml ?? []).map((html, pos) => {
					const feedbackHtml = optional(options[order[pos]!]?.feedback);
					return { html, correct: k.correct.includes(pos), ...(feedbackHtml ? { feedbackHtml } : {}) };
				})
			};
			break;
		}
		case 'true-false': {
			const feedbackTrueHtml = item.kind === 'true-false' ? optional(item.feedbackTrue) : undefined;
			const feedbackFalseHtml = item.kind === 'true-false' ? optional(item.feedbackFalse) : undefined;
			key = { kind: 'true-false', answer: k.answer, ...(feedbackTrueHtml ? { feedbackTrueHtml } : {}), ...(feedbackFalseHtml ? { feedbackFalseHtml } : {}) };
			break;
		}
		case 'numeric':
		case 'parameterized':
		case 'cash-count':
			key = {
				kind: 'number',
				display: k.display,
				tolerance: k.tolerance,
				...(item.kind === 'parameterized'
					? {
							formula: item.answer,
							values: Object.entries(item.variables).map(([name, spec]) => ({ name, value: displayValue(spec, delivered.variables?.[name] ?? '') }))
						}
					: {})
			};
			break;
		case 'short-answer':
			key = { kind: 'short-answer', answers: k.answers, caseSensitive: item.kind === 'short-answer' && item.caseSensitive };
			break;
		case 'ordering': {
			const shown = presented.kind === 'ordering' ? presented.entries : [];
			key = { kind: 'ordering', entries: k.order.map((pos) => ({ text: shown[pos] ?? '', shownAt: pos })) };
			break;
		}
		case 'matching': {
			const choices = presented.kind === 'matching' ? presented.choices : [];
			const matched = new Set(k.matches);
			key = {
				kind: 'matching',
				pairs: (candidate.promptsHtml ?? []).map((promptHtml, p) => ({ promptHtml, match: choices[k.matches[p]!] ?? '', shownAt: k.matches[p]! })),
				distractors: choices.filter((_, pos) => !matched.has(pos))
			};
			break;
		}
		case 'fill-in':
			key = { kind: 'fill-in', blanks: k.answers, caseSensitive: item.kind === 'fill-in' && item.caseSensitive };
			break;
		case 'name-number-check': {
			const pairs = presented.kind === 'name-number-check' ? presented.pairs : [];
			key = { kind: 'name-number-check', pairs: pairs.map((p, i) => ({ left: p.left, right: p.right, mark: k.marks[i]! })) };
			break;
		}
		case 'essay':
			key = { kind: 'essay', rubric: k.rubric.map((c) => ({ criterion: c.criterion, points: c.points, ...(c.description ? { description: c.description } : {}) })) };
			break;
		case 'typing':
			key = { kind: 'skills', marks: k.minimumNetWpm !== undefined ? [`at least ${k.minimumNetWpm} net words a minute`] : [] };
			break;
		case 'ten-key':
			key = {
				kind: 'skills',
				marks: [
					...(k.minimumNetKph !== undefined ? [`at least ${k.minimumNetKph.toLocaleString('en-US')} net keystrokes an hour`] : []),
					...(k.minimumAccuracy !== undefined ? [`at least ${k.minimumAccuracy}% of entries right`] : [])
				]
			};
			break;
	}

	return {
		id: item.id,
		kind: item.kind,
		topic: item.topic,
		topicLabel: topicLabel(item.topic),
		difficulty: item.difficulty,
		points: item.points,
		tags: [...item.tags],
		shufflesOptions: (item.kind === 'single-choice' || item.kind === 'multiple-choice' || item.kind === 'matching') && item.shuffleOptions,
		candidate,
		key,
		feedbackHtml: review.feedback.map((f) => renderMarkdown(f))
	};
}

// ---------------------------------------------------------------------------------------------
// GIFT import

export const GIFT_MAX_BYTES = 500 * 1024;
const MAX_TAGS = 20;
const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const PASTED_SOURCE = 'pasted text';

export interface ImportOptions {
	topic: TopicId;
	difficulty: Difficulty;
	tags: string[];
	/** '' = parseGift's default ("gift-1", "gift-2"… for questions without a title). */
	idPrefix: string;
	/** Give an item whose id is already in the bank the next free one ("-2") instead of refusing it. */
	renameTaken: boolean;
}

export interface ImportRequest {
	/** The GIFT text, line endings made "\n". */
	text: string;
	/** What the items were imported from: the file name, or "pasted text". */
	source: string;
	options: ImportOptions;
}

/** What the form showed, to fill it in again after a refusal. */
export interface ImportValues {
	text: string;
	topic: string;
	difficulty: string;
	tags: string;
	idPrefix: string;
	renameTaken: boolean;
}

export type ReadImport = { ok: true; request: ImportRequest; values: ImportValues } | { ok: false; field: string; error: string; values: ImportValues };

const text = (form: FormData, name: string): string => {
	const v = form.get(name);
	return typeof v === 'string' ? v : '';
};

/** A label for a file name: its last path part, no control characters, at most 120 characters. */
function cleanName(name: string): string {
	const base = name.split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f]/g, '').trim();
	return base.slice(0, 120) || 'uploaded file';
}

/**
 * Read the import form (or the "add" form, which carries the previewed text back in `text` and
 * the file name in `source`). Every refusal names the field and says what to do.
 */
export async function readImportForm(form: FormData): Promise<ReadImport> {
	const pasted = text(form, 'text');
	const values: ImportValues = {
		text: pasted.length <= GIFT_MAX_BYTES ? pasted : '',
		topic: text(form, 'topic'),
		difficulty: text(form, 'difficulty'),
		tags: text(form, 'tags'),
		idPrefix: text(form, 'idPrefix'),
		renameTaken: ['on', 'true'].includes(text(form, 'renameTaken'))
	};
	const refuse = (field: string, error: string): ReadImport => ({ ok: false, field, error, values });

	// A file input left empty still sends a part: a file with no name and no bytes.
	const upload = form.get('file');
	const file = upload !== null && typeof upload !== 'string' && (upload.name !== '' || upload.size > 0) ? upload : null;
	let gift: string;
	let source: string;
	if (file) {
		const name = cleanName(file.name);
		if (pasted.trim() !== '') return refuse('file', 'You chose a file and also pasted text: clear the pasted text to import the file, or choose no file to import the text.');
		if (file.size === 0) return refuse('file', `“${name}” is empty. Choose the GIFT file with the questions.`);
		if (file.size > GIFT_MAX_BYTES) return refuse('file', tooBigMessage(name, file.size, GIFT_MAX_BYTES));
		const bytes = new Uint8Array(await file.arrayBuffer());
		const decoded = decodeText(bytes);
		if (decoded === null) return refuse('file', `“${name}” is not a text file. Export the questions from Moodle in GIFT format, or save the file as plain text (UTF-8).`);
		gift = decoded;
		source = name;
	} else {
		if (pasted.trim() === '') return refuse('file', 'Choose a GIFT file (.gift or .txt) or paste GIFT text.');
		const size = new TextEncoder().encode(pasted).length;
		if (size > GIFT_MAX_BYTES) return refuse('text', `The pasted text is ${formatBytes(size)}; at most ${formatBytes(GIFT_MAX_BYTES)} can be imported at once. Split the questions into smaller parts.`);
		gift = pasted;
		const carried = text(form, 'source');
		source = carried ? cleanName(carried) : PASTED_SOURCE;
	}

	if (!(TOPIC_IDS as readonly string[]).includes(values.topic)) return refuse('topic', 'Choose the topic the imported items belong to: GIFT files do not say.');
	const difficulty = values.difficulty === '' ? 2 : Number(values.difficulty);
	if (difficulty !== 1 && difficulty !== 2 && difficulty !== 3) return refuse('difficulty', 'Choose easy, medium or hard.');

	const tags = [...new Set(values.tags.toLowerCase().split(/[\s,]+/).filter(Boolean))];
	const badTag = tags.find((t) => !ID_PATTERN.test(t) || t.length > 60);
	if (badTag !== undefined) {
		const suggestion = badTag.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
		return refuse('tags', `“${badTag}” is not a tag: tags are lowercase letters and digits in words joined by hyphens${suggestion ? ` (like “${suggestion}”)` : ''}, separated by commas.`);
	}
	if (tags.length > MAX_TAGS) return refuse('tags', `Give at most ${MAX_TAGS} tags (there are ${tags.length}).`);

	const idPrefix = values.idPrefix.trim().toLowerCase();
	if (idPrefix !== '' && (!ID_PATTERN.test(idPrefix) || idPrefix.length > 40)) {
		return refuse('idPrefix', 'The id prefix must be lowercase letters and digits in words joined by hyphens, at most 40 characters, like “utility-quiz-2026”.');
	}

	return {
		ok: true,
		request: { text: gift.replace(/\r\n?/g, '\n'), source, options: { topic: values.topic as TopicId, difficulty, tags, idPrefix, renameTaken: values.renameTaken } },
		values
	};
}

/** UTF-8 text without NUL characters, or null for anything else (binary files, other encodings). */
export function decodeText(bytes: Uint8Array): string | null {
	try {
		const decoded = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
		return decoded.includes('\u0000') ? null : decoded;
	} catch {
		return null;
	}
}

export interface PreviewItem {
	line: number;
	title?: string;
	id: string;
	warnings: string[];
	/** The id is already in the bank (and the import was not asked to rename). */
	taken: boolean;
	view: ItemView;
}

export interface ImportPreview {
	source: string;
	items: PreviewItem[];
	rejected: GiftRejected[];
	/** Ids of previewed items that are already in the bank. */
	taken: string[];
}

type ParsedImport = { ok: true; preview: ImportPreview; items: ExamItem[] } | { ok: false; error: string };

/**
 * Parse the request the same way for the preview and for the add, so "Add N items" adds exactly
 * what the preview showed. An item that cannot be shown is rejected like a bad question.
 */
function parseImport(request: ImportRequest, bankIds: ReadonlySet<string>): ParsedImport {
	const { options } = request;
	let parsed: ReturnType<typeof parseGift>;
	try {
		parsed = parseGift(request.text, {
			topic: options.topic,
			difficulty: options.difficulty,
			tags: options.tags,
			...(options.idPrefix ? { idPrefix: options.idPrefix } : {}),
			...(options.renameTaken ? { existingIds: bankIds } : {})
		});
	} catch (err) {
		return { ok: false, error: `The text could not be read as GIFT questions (${err instanceof Error ? err.message : String(err)}). Check the file in a text editor.` };
	}
	const items: PreviewItem[] = [];
	const accepted: ExamItem[] = [];
	const rejected = [...parsed.rejected];
	for (const p of parsed.items) {
		try {
			items.push({ line: p.line, ...(p.title ? { title: p.title } : {}), id: p.item.id, warnings: p.warnings, taken: bankIds.has(p.item.id), view: itemView(p.item) });
			accepted.push(p.item);
		} catch (err) {
			rejected.push({ line: p.line, ...(p.title ? { title: p.title } : {}), reason: `the item cannot be shown (${err instanceof Error ? err.message : String(err)})` });
		}
	}
	rejected.sort((a, b) => a.line - b.line);
	return { ok: true, items: accepted, preview: { source: request.source, items, rejected, taken: items.filter((i) => i.taken).map((i) => i.id) } };
}

export async function bankIds(store: Store = getStore()): Promise<Set<string>> {
	const [content, imported] = await Promise.all([getContent(), importedItems(store)]);
	return new Set([...content.items.map((i) => i.id), ...imported.map((i) => i.item.id)]);
}

export type PreviewOutcome = { ok: true; preview: ImportPreview } | { ok: false; error: string };

/** The preview; refused (with the reason) when nothing in the text is a question. */
export function previewImport(request: ImportRequest, ids: ReadonlySet<string>): PreviewOutcome {
	const parsed = parseImport(request, ids);
	if (!parsed.ok) return parsed;
	const { preview } = parsed;
	if (preview.items.length === 0 && preview.rejected.length === 0) {
		return { ok: false, error: `No questions were found in ${request.source === PASTED_SOURCE ? 'the pasted text' : `“${request.source}”`}. GIFT questions are separated by blank lines, and each has its answers in { }.` };
	}
	return { ok: true, preview };
}

export type AddOutcome = { ok: true; added: string[]; source: string } | { ok: false; error: string };

/**
 * Parse the text again (never trusting what a browser says was parsed) and add every importable
 * item, or nothing. `expected` is the count the preview showed; a different count means the text
 * or the bank changed in between, and HR should look again.
 */
export async function addImport(request: ImportRequest, expected: number | null, by: { id: string }, now: Date, store: Store = getStore()): Promise<AddOutcome> {
	const parsed = parseImport(request, await bankIds(store));
	if (!parsed.ok) return parsed;
	const { preview, items } = parsed;
	if (items.length === 0) return { ok: false, error: 'Nothing was added: no question in the text could be imported. The preview lists why each one was rejected.' };
	if (preview.taken.length > 0) {
		const list = preview.taken.slice(0, 5).map((id) => `“${id}”`).join(', ');
		return {
			ok: false,
			error: `Nothing was added: ${preview.taken.length === 1 ? 'an item with the id' : `${preview.taken.length} items with the ids`} ${list}${preview.taken.length > 5 ? '…' : ''} ${preview.taken.length === 1 ? 'is' : 'are'} already in the bank. If these questions were imported before, there is nothing to do; to add them as new items, tick “Give an item whose id is already in the bank a new id” and preview again.`
		};
	}
	if (expected !== null && expected !== items.length) {
		return { ok: false, error: `Nothing was added: the preview showed ${expected} items but the text now gives ${items.length}. Preview again before adding.` };
	}
	const added = await addImportedItems(items, { userId: by.id, source: request.source }, now, store);
	return added.ok ? { ok: true, added: added.added, source: request.source } : { ok: false, error: `Nothing was added: ${added.error}` };
}
