import fc from 'fast-check';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ALL_KINDS_BANK, essay, fillIn, matching, multiple, ordering, parameterized, single, trueFalse } from '$lib/exams/test-bank';
import type { ExamItem } from '$lib/exams';
import { FileStore } from '../store';
import { importedItems } from './bank';
import {
	addImport,
	bankEntries,
	decodeText,
	GIFT_MAX_BYTES,
	itemRow,
	itemView,
	kindsIn,
	matchesQuery,
	plainExcerpt,
	previewImport,
	readImportForm,
	readItemQuery,
	summarize,
	tagsIn,
	type BankEntry,
	type ImportRequest
} from './hr-items';

const SAMPLE = resolve(import.meta.dirname, '../../../../tests/fixtures/hr-import.gift');
const content = (item: ExamItem, file = `items/${item.id}.md`): BankEntry => ({ item, source: { kind: 'content', file } });
const imported = (item: ExamItem): BankEntry => ({ item, source: { kind: 'imported', by: 'u5', byName: 'Robert Hayes', at: '2026-11-26T10:00:00.000Z', from: 'a.gift' } });

describe('the list: filters, rows and counts', () => {
	const entries = [content({ ...single, tags: ['deposits'] }), content(multiple), imported({ ...trueFalse, difficulty: 1 }), content({ ...essay, topic: 'utility-billing' })];

	it('reads filters from the address, treating unknown values as "any"', () => {
		expect(readItemQuery(new URLSearchParams('q=  deposit  &topic=cashiering&kind=essay&difficulty=3&tag=x&origin=imported&page=2'))).toEqual({
			q: 'deposit',
			topic: 'cashiering',
			kind: 'essay',
			difficulty: 3,
			tag: 'x',
			origin: 'imported',
			page: 2
		});
		expect(readItemQuery(new URLSearchParams('topic=nope&kind=poem&difficulty=7&origin=elsewhere&page=-4'))).toEqual({ q: '', topic: '', kind: '', difficulty: '', tag: '', origin: '', page: 1 });
		expect(readItemQuery(new URLSearchParams(`q=${'a'.repeat(500)}`)).q).toHaveLength(200);
	});

	it('filters by topic, kind, difficulty, tag, origin and every search word', () => {
		const ids = (query: string) => entries.filter((e) => matchesQuery(e, readItemQuery(new URLSearchParams(query)))).map((e) => e.item.id);
		expect(ids('')).toEqual(['single', 'multiple', 'true-false', 'essay']);
		expect(ids('topic=cashiering')).toEqual(['multiple']);
		expect(ids('kind=essay')).toEqual(['essay']);
		expect(ids('difficulty=1')).toEqual(['true-false']);
		expect(ids('tag=deposits')).toEqual(['single']);
		expect(ids('origin=imported')).toEqual(['true-false']);
		expect(ids('origin=content&topic=utility-billing')).toEqual(['single', 'essay']);
		expect(ids('q=TENANT deposit')).toEqual(['single']);
		expect(ids('q=tenant refused')).toEqual([]);
		expect(ids('q=multiple')).toEqual(['multiple']); // the id counts too
	});

	it('counts items by topic and kind, with every topic as a row', () => {
		const items = entries.map((e) => e.item);
		const summary = summarize(items, kindsIn(items));
		expect(summary.kinds).toEqual(['single-choice', 'multiple-choice', 'true-false', 'essay']);
		expect(summary.rows).toHaveLength(18);
		const utility = summary.rows.find((r) => r.topic === 'utility-billing')!;
		expect(utility).toMatchObject({ label: 'Utility billing', counts: [1, 0, 1, 1], total: 3 });
		expect(summary.rows.find((r) => r.topic === 'spelling')).toMatchObject({ counts: [0, 0, 0, 0], total: 0 });
		expect(summary.totals).toEqual({ counts: [1, 1, 1, 1], total: 4 });
		expect(summary.difficulty).toEqual({ 1: 1, 2: 3, 3: 0 });
		expect(tagsIn(items)).toEqual(['deposits']);
	});

	it('shows a row with the stem as one line of plain text', () => {
		expect(itemRow(content({ ...single, stem: 'A **bold** question with `code` & more\n\n- and a list' }))).toMatchObject({
			id: 'single',
			topicLabel: 'Utility billing',
			excerpt: 'A bold question with code & more and a list',
			origin: 'content'
		});
		const long = plainExcerpt('word '.repeat(100), 40);
		expect(long.length).toBeLessThanOrEqual(41);
		expect(long.endsWith('word…')).toBe(true);
	});
});

describe('an item for HR: the candidate view and the key', () => {
	it('builds a view of every kind without throwing', () => {
		for (const item of ALL_KINDS_BANK) {
			const view = itemView(item);
			expect(view.id).toBe(item.id);
			expect(view.candidate.stemHtml).not.toBe('');
		}
	});

	it('marks the correct options with their feedback, in the written order', () => {
		const view = itemView(single);
		expect(view.key).toEqual({
			kind: 'choice',
			multiple: false,
			options: [
				{ html: '$0.00', correct: false, feedbackHtml: '<p>Only owners pay none.</p>\n' },
				{ html: '$175.00', correct: true },
				{ html: '$350.00', correct: false }
			]
		});
		expect(view.shufflesOptions).toBe(true);
		expect(view.feedbackHtml).toEqual(['<p>Renters pay $175.00.</p>\n']);
		expect(itemView(multiple).key).toMatchObject({ kind: 'choice', multiple: true });
	});

	it('gives the key of the other kinds in display terms', () => {
		expect(itemView(trueFalse).key).toMatchObject({ kind: 'true-false', answer: trueFalse.answer });

		const order = itemView(ordering);
		if (order.key.kind !== 'ordering' || order.candidate.presented.kind !== 'ordering') throw new Error('ordering view');
		expect(order.key.entries.map((e) => e.text)).toEqual(ordering.entries);
		const shown = order.candidate.presented.entries;
		for (const e of order.key.entries) expect(shown[e.shownAt]).toBe(e.text);

		const match = itemView(matching);
		if (match.key.kind !== 'matching' || match.candidate.presented.kind !== 'matching') throw new Error('matching view');
		expect(match.key.pairs.map((p) => p.match)).toEqual(matching.pairs.map((p) => p.match));
		expect(match.key.distractors).toEqual(matching.distractors);

		const param = itemView(parameterized);
		expect(param.key).toMatchObject({ kind: 'number', formula: parameterized.answer });
		if (param.key.kind !== 'number') throw new Error('number key');
		expect(param.key.values?.map((v) => v.name)).toEqual(Object.keys(parameterized.variables));
		// The same item shows the same draw on every visit.
		expect(itemView(parameterized).candidate.stemHtml).toBe(param.candidate.stemHtml);

		expect(itemView(fillIn).candidate.stemHtml).toContain('<strong>[blank 1]</strong>');
		expect(itemView(essay).key).toMatchObject({ kind: 'essay', rubric: essay.rubric });
	});

	it('renders markdown safely', () => {
		const view = itemView({ ...single, stem: 'Pick one <script>alert(1)</script><img src=x onerror=alert(1)>' });
		expect(view.candidate.stemHtml).not.toMatch(/script|onerror|<img/);
	});
});

function formWith(fields: Record<string, string>, file?: { name: string; bytes: Uint8Array<ArrayBuffer> | string }): FormData {
	const form = new FormData();
	for (const [k, v] of Object.entries(fields)) form.set(k, v);
	form.set('file', file ? new File([file.bytes], file.name) : new File([], ''));
	return form;
}

describe('reading the import form', () => {
	it('reads a file with its options, line endings made \\n and tags lowercased', async () => {
		const read = await readImportForm(formWith({ topic: 'cashiering', difficulty: '3', tags: 'Counter, float  checks', idPrefix: 'Quiz-1', text: '' }, { name: 'C:\\Users\\hr\\quiz.gift', bytes: 'a\r\nb\rc' }));
		expect(read).toMatchObject({
			ok: true,
			request: { text: 'a\nb\nc', source: 'quiz.gift', options: { topic: 'cashiering', difficulty: 3, tags: ['counter', 'float', 'checks'], idPrefix: 'quiz-1', renameTaken: false } }
		});
	});

	it('reads pasted text, and the file name carried back by the add form', async () => {
		expect(await readImportForm(formWith({ topic: 'mail', text: '::Q::x{T}' }))).toMatchObject({ ok: true, request: { source: 'pasted text', options: { difficulty: 2, tags: [], idPrefix: '' } } });
		expect(await readImportForm(formWith({ topic: 'mail', text: '::Q::x{T}', source: 'quiz.gift', renameTaken: 'on' }))).toMatchObject({
			ok: true,
			request: { source: 'quiz.gift', options: { renameTaken: true } }
		});
	});

	it.each([
		['no file and no text', {}, undefined, 'file', 'Choose a GIFT file'],
		['only blank text', { text: '  \n ' }, undefined, 'file', 'Choose a GIFT file'],
		['an empty file', {}, { name: 'empty.gift', bytes: '' }, 'file', '“empty.gift” is empty'],
		['a binary file', {}, { name: 'scan.pdf', bytes: new Uint8Array([0x25, 0x50, 0xff, 0xfe, 0x00, 0x01]) }, 'file', '“scan.pdf” is not a text file'],
		['a file over the limit', {}, { name: 'big.gift', bytes: 'x'.repeat(GIFT_MAX_BYTES + 1) }, 'file', 'may be at most 500 KB'],
		['text over the limit', { text: 'é'.repeat(GIFT_MAX_BYTES / 2 + 1) }, undefined, 'text', 'The pasted text is 501 KB'],
		['a file and pasted text', { text: 'x{T}' }, { name: 'q.gift', bytes: 'x{T}' }, 'file', 'You chose a file and also pasted text'],
		['no topic', { topic: '' }, { name: 'q.gift', bytes: 'x{T}' }, 'topic', 'Choose the topic'],
		['an unknown topic', { topic: 'astrology' }, { name: 'q.gift', bytes: 'x{T}' }, 'topic', 'Choose the topic'],
		['a bad difficulty', { difficulty: '9' }, { name: 'q.gift', bytes: 'x{T}' }, 'difficulty', 'easy, medium or hard'],
		['a bad tag', { tags: 'fees, late_fees!' }, { name: 'q.gift', bytes: 'x{T}' }, 'tags', '“late_fees!” is not a tag'],
		['a bad id prefix', { idPrefix: 'my quiz' }, { name: 'q.gift', bytes: 'x{T}' }, 'idPrefix', 'id prefix must be']
	] as const)('refuses %s with a message on the field', async (_, fields, file, field, message) => {
		const read = await readImportForm(formWith({ topic: 'cashiering', ...fields }, file));
		expect(read.ok).toBe(false);
		if (read.ok) return;
		expect(read.field).toBe(field);
		expect(read.error).toContain(message);
	});

	it('tells text from binary', () => {
		expect(decodeText(new TextEncoder().encode('Café {=ok}'))).toBe('Café {=ok}');
		expect(decodeText(new Uint8Array([0x61, 0x00, 0x62]))).toBeNull();
		expect(decodeText(new Uint8Array([0x63, 0x61, 0x66, 0xe9]))).toBeNull(); // Latin-1 é
	});
});

describe('previewing and adding an import', () => {
	let sample: string;
	let dir: string;
	let contentDir: string;
	let store: FileStore;
	const savedContentDir = process.env.CONTENT_DIR;
	const request = (text: string, options: Partial<ImportRequest['options']> = {}): ImportRequest => ({
		text,
		source: 'hr-import.gift',
		options: { topic: 'cashiering', difficulty: 2, tags: ['counter'], idPrefix: '', renameTaken: false, ...options }
	});
	const hr = { id: 'u5' };
	const now = new Date('2026-11-26T10:00:00Z');

	beforeAll(async () => {
		sample = await readFile(SAMPLE, 'utf8');
		// A content folder of one item, so imports can clash with a content id.
		contentDir = await mkdtemp(join(tmpdir(), 'hr-items-content-'));
		await mkdir(join(contentDir, 'items'));
		await writeFile(
			join(contentDir, 'items', 'receipt-copies.md'),
			'---\nid: receipt-copies\nkind: true-false\ntopic: cashiering\ndifficulty: easy\nanswer: true\n---\n\nReceipts can be copied.\n'
		);
		process.env.CONTENT_DIR = contentDir;
	});
	afterAll(async () => {
		if (savedContentDir === undefined) delete process.env.CONTENT_DIR;
		else process.env.CONTENT_DIR = savedContentDir;
		await rm(contentDir, { recursive: true, force: true });
	});
	beforeEach(async () => {
		dir = await mkdtemp(join(tmpdir(), 'hr-items-'));
		store = new FileStore(dir);
	});
	afterEach(async () => {
		await rm(dir, { recursive: true, force: true });
	});

	it('previews every item with its view and every rejected question with its line', () => {
		const outcome = previewImport(request(sample), new Set());
		if (!outcome.ok) throw new Error(outcome.error);
		const { preview } = outcome;
		expect(preview.items.map((i) => [i.line, i.id, i.view.kind])).toEqual([
			[4, 'dog-license-renewal', 'single-choice'],
			[10, 'receipt-copies', 'true-false'],
			[12, 'drawer-float-count', 'numeric'],
			[14, 'spell-remittance', 'short-answer']
		]);
		expect(preview.items.every((i) => i.view.topic === 'cashiering' && i.view.tags.includes('counter'))).toBe(true);
		expect(preview.rejected).toEqual([{ line: 19, title: 'Partial credit choice', reason: 'partial credit (50%) in a one-answer question is not supported' }]);
		expect(preview.taken).toEqual([]);
	});

	it('marks ids already in the bank, or renames them when asked', () => {
		const taken = previewImport(request(sample), new Set(['receipt-copies']));
		expect(taken.ok && taken.preview.taken).toEqual(['receipt-copies']);
		const renamed = previewImport(request(sample, { renameTaken: true }), new Set(['receipt-copies']));
		if (!renamed.ok) throw new Error(renamed.error);
		expect(renamed.preview.taken).toEqual([]);
		expect(renamed.preview.items[1]).toMatchObject({ id: 'receipt-copies-2', warnings: ['the id "receipt-copies" is taken; this item is "receipt-copies-2"'] });
	});

	it('refuses text with no questions in it', () => {
		const outcome = previewImport({ ...request('// only a comment\n\n\n'), source: 'pasted text' }, new Set());
		expect(outcome).toEqual({ ok: false, error: 'No questions were found in the pasted text. GIFT questions are separated by blank lines, and each has its answers in { }.' });
	});

	it('never throws, whatever the text', () => {
		fc.assert(
			fc.property(fc.string({ unit: fc.constantFrom('{', '}', '=', '~', '#', ':', '%', '-', '>', '\\', '\n', ' ', 'a', '1', '.', '[', ']', '$') , maxLength: 80 }), (text) => {
				const outcome = previewImport(request(text), new Set());
				if (outcome.ok) expect(outcome.preview.items.length + outcome.preview.rejected.length).toBeGreaterThan(0);
			}),
			{ numRuns: 300 }
		);
	});

	it('adds every importable item with who and when, and only once', async () => {
		const first = await addImport(request(sample), 3, hr, now, store);
		expect(first).toEqual({ ok: false, error: 'Nothing was added: an item with the id “receipt-copies” is already in the bank. If these questions were imported before, there is nothing to do; to add them as new items, tick “Give an item whose id is already in the bank a new id” and preview again.' });
		expect(await importedItems(store)).toEqual([]);

		const added = await addImport(request(sample, { renameTaken: true }), 4, hr, now, store);
		expect(added).toEqual({ ok: true, added: ['dog-license-renewal', 'receipt-copies-2', 'drawer-float-count', 'spell-remittance'], source: 'hr-import.gift' });
		const stored = await importedItems(store);
		expect(stored.map((i) => [i.item.id, i.importedBy, i.importedAt, i.source])).toEqual(
			added.ok ? added.added.map((id) => [id, 'u5', '2026-11-26T10:00:00.000Z', 'hr-import.gift']) : []
		);

		// The same file again, as is: every id is taken now; nothing changes.
		const again = await addImport(request(sample), 4, hr, now, store);
		expect(again.ok).toBe(false);
		expect(!again.ok && again.error).toMatch(/^Nothing was added: 4 items with the ids “dog-license-renewal”, “receipt-copies”, “drawer-float-count”, “spell-remittance” are already in the bank/);
		expect(await importedItems(store)).toHaveLength(4);

		// The bank lists them with their source and the importer's name.
		const entries = await bankEntries(store);
		expect(entries.map((e) => e.source.kind)).toEqual(['content', 'imported', 'imported', 'imported', 'imported']);
		expect(entries[1]!.source).toEqual({ kind: 'imported', by: 'u5', byName: 'u5', at: '2026-11-26T10:00:00.000Z', from: 'hr-import.gift' });
		expect(entries[0]!.source).toEqual({ kind: 'content', file: expect.stringMatching(/\/items\/receipt-copies\.md$/) });
	});

	it('refuses when the preview showed another count, or nothing can be imported', async () => {
		const text = sample.replace('::Receipt copies::', '::Receipt copy rule::');
		expect(await addImport(request(text), 3, hr, now, store)).toEqual({ ok: false, error: 'Nothing was added: the preview showed 3 items but the text now gives 4. Preview again before adding.' });
		expect(await addImport(request('::Only::{=a ~%50%b ~c}'), null, hr, now, store)).toMatchObject({ ok: false, error: expect.stringContaining('no question in the text could be imported') });
		expect(await importedItems(store)).toEqual([]);
	});
});
