import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	countsLine,
	findLesson,
	findPage,
	formatContentErrors,
	getContent,
	headingsOf,
	loadContent,
	parseFrontMatter,
	renderMarkdown,
	slugify,
	type ContentError
} from './index';

let tmp: string;
let root: string;

beforeEach(async () => {
	tmp = await mkdtemp(join(tmpdir(), 'content-test-'));
	root = join(tmp, 'content');
});
afterEach(async () => {
	await rm(tmp, { recursive: true, force: true });
});

async function put(rel: string, text: string): Promise<void> {
	const path = join(root, rel);
	await mkdir(join(path, '..'), { recursive: true });
	await writeFile(path, text);
}

/**
 * A valid lesson; `fields` replace/remove (undefined) keys, `extra` lines are appended.
 * Line map: 1 ---, 2 id, 3 title, 4 duty, 5 order, 6 minutes, 7 summary, 8 (extra or ---).
 */
function lesson(fields: Record<string, string | undefined> = {}, extra: string[] = [], body = '\n## Counting the drawer\n\nCount it.\n'): string {
	const base: Record<string, string | undefined> = {
		id: 'cash-basics',
		title: 'Cash basics',
		duty: 'cashiering',
		order: '1',
		minutes: '10',
		summary: 'How to count a drawer.',
		...fields
	};
	const lines = Object.entries(base)
		.filter(([, v]) => v !== undefined)
		.map(([k, v]) => `${k}: ${v}`);
	return ['---', ...lines, ...extra, '---', body].join('\n');
}

const page = (id = 'policy', body = '\n## Rules\n\nBe exact.\n') =>
	['---', `id: ${id}`, 'title: Policies', 'summary: The rules.', '---', body].join('\n');

async function errorsOf(): Promise<ContentError[]> {
	return (await loadContent(root)).errors;
}

describe('loadContent: valid content', () => {
	it('loads, validates and renders a lesson and a page', async () => {
		await put('lessons/cash-basics.md', lesson());
		await put('pages/policy.md', page());
		const { bundle, errors } = await loadContent(root);
		expect(errors).toEqual([]);
		expect(bundle.lessons).toHaveLength(1);
		const l = bundle.lessons[0]!;
		expect(l).toMatchObject({
			id: 'cash-basics',
			title: 'Cash basics',
			duty: 'cashiering',
			order: 1,
			minutes: 10,
			summary: 'How to count a drawer.',
			file: 'content/lessons/cash-basics.md',
			headings: [{ level: 2, text: 'Counting the drawer', id: 'counting-the-drawer' }]
		});
		expect(l.html).toContain('<h2 id="counting-the-drawer">Counting the drawer</h2>');
		expect(l.html).toContain('<p>Count it.</p>');
		const p = findPage(bundle, 'policy');
		expect(p?.file).toBe('content/pages/policy.md');
		expect(p?.html).toContain('<h2 id="rules">Rules</h2>');
		expect(findLesson(bundle, 'cash-basics')).toBe(l);
		expect(findLesson(bundle, 'nope')).toBeUndefined();
		expect(countsLine(bundle)).toBe('lessons: 1, pages: 1, items: 0, exams: 0, scenarios: 0');
	});

	it('treats missing folders as zero items and ignores non-markdown files', async () => {
		await put('lessons/notes.txt', 'not content');
		const { bundle, errors } = await loadContent(root);
		expect(errors).toEqual([]);
		expect(countsLine(bundle)).toBe('lessons: 0, pages: 0, items: 0, exams: 0, scenarios: 0');
	});

	it('sorts lessons by duty order, then order, then id', async () => {
		await put('lessons/b.md', lesson({ id: 'b', duty: 'cashiering', order: '2' }));
		await put('lessons/a.md', lesson({ id: 'a', duty: 'cashiering', order: '2' }));
		await put('lessons/c.md', lesson({ id: 'c', duty: 'cashiering', order: '0' }));
		await put('lessons/z.md', lesson({ id: 'z', duty: 'orientation', order: '9' }));
		const { bundle, errors } = await loadContent(root);
		expect(errors).toEqual([]);
		expect(bundle.lessons.map((l) => l.id)).toEqual(['z', 'c', 'a', 'b']);
	});

	it('accepts Windows line endings with correct line numbers', async () => {
		await put('lessons/cash-basics.md', lesson({ minutes: '500' }).replace(/\n/g, '\r\n'));
		expect(await errorsOf()).toEqual([
			{ file: 'content/lessons/cash-basics.md', line: 6, message: 'minutes: must be a whole number from 1 to 120' }
		]);
	});
});

describe('loadContent: errors name the file and line', () => {
	const file = 'content/lessons/cash-basics.md';

	it('missing front matter → line 1', async () => {
		await put('lessons/cash-basics.md', '# Cash basics\n\nText.\n');
		expect(await errorsOf()).toEqual([{ file, line: 1, message: 'File must start with front matter between --- lines' }]);
	});

	it('unclosed front matter → line 1', async () => {
		await put('lessons/cash-basics.md', '---\nid: cash-basics\n\n## Body\n');
		expect(await errorsOf()).toEqual([{ file, line: 1, message: 'File must start with front matter between --- lines' }]);
	});

	it('YAML syntax error → its line', async () => {
		// Line 4 repeats the key "title" from line 3.
		await put('lessons/cash-basics.md', lesson({}, []).replace('duty: cashiering', 'title: Again'));
		const errors = await errorsOf();
		expect(errors).toHaveLength(1);
		expect(errors[0]).toMatchObject({ file, line: 4 });
		expect(errors[0]!.message).toMatch(/^YAML syntax error: .*unique/);
	});

	it('YAML syntax error inside a value → its line', async () => {
		await put('lessons/cash-basics.md', lesson({ summary: 'a: b: c' }));
		const errors = await errorsOf();
		expect(errors).toHaveLength(1);
		expect(errors[0]).toMatchObject({ file, line: 7 });
		expect(errors[0]!.message).toMatch(/^YAML syntax error: /);
	});

	it('bad values → the line of each key, in plain words', async () => {
		await put('lessons/cash-basics.md', lesson({ id: 'Cash_Basics', duty: 'juggling', order: '-1', minutes: '7.5', title: '""' }));
		expect(await errorsOf()).toEqual([
			{ file, line: 2, message: expect.stringMatching(/^id: must be lowercase letters and digits/) },
			{ file, line: 3, message: 'title: must be text of 1 to 120 characters' },
			{ file, line: 4, message: expect.stringMatching(/^duty: must be one of orientation, customer-service, cashiering, /) },
			{ file, line: 5, message: 'order: must be a whole number of 0 or more' },
			{ file, line: 6, message: 'minutes: must be a whole number from 1 to 120' }
		]);
	});

	it('wrong types and over-long text', async () => {
		await put('lessons/cash-basics.md', lesson({ minutes: '"10"', summary: 'x'.repeat(161) }));
		expect(await errorsOf()).toEqual([
			{ file, line: 6, message: 'minutes: must be a whole number from 1 to 120' },
			{ file, line: 7, message: 'summary: must be text of 1 to 160 characters' }
		]);
	});

	it('missing key → first front matter line', async () => {
		await put('lessons/cash-basics.md', lesson({ id: undefined }));
		// Without an id the file name cannot be checked; only the missing key is reported.
		expect(await errorsOf()).toEqual([{ file, line: 2, message: 'id: is required' }]);
	});

	it('unknown keys → the line of each unknown key', async () => {
		await put('lessons/cash-basics.md', lesson({}, ['colour: red', 'level: 2']));
		expect(await errorsOf()).toEqual([
			{ file, line: 8, message: expect.stringMatching(/^unknown key "colour" \(allowed keys: id, title, duty, order, minutes, summary, quiz\)$/) },
			{ file, line: 9, message: expect.stringMatching(/^unknown key "level"/) }
		]);
	});

	it('front matter that is not key: value lines → line 2', async () => {
		await put('pages/policy.md', '---\n- a\n- b\n---\n\nBody\n');
		expect(await errorsOf()).toEqual([
			{ file: 'content/pages/policy.md', line: 2, message: 'front matter must be a list of "key: value" lines' }
		]);
	});

	it('empty front matter → every required key at line 2', async () => {
		await put('pages/policy.md', '---\n---\n\nBody\n');
		expect((await errorsOf()).map((e) => `${e.line} ${e.message}`)).toEqual([
			'2 id: is required',
			'2 title: is required',
			'2 summary: is required'
		]);
	});

	it('file name must match the id → error at the id line', async () => {
		// id on line 3 this time, to prove the error points at the id key.
		await put('pages/rules.md', ['---', 'title: Rules', 'id: policy', 'summary: S', '---', '', 'Body'].join('\n'));
		expect(await errorsOf()).toEqual([
			{ file: 'content/pages/rules.md', line: 3, message: expect.stringMatching(/^id: "policy" does not match the file name; rename the file to policy\.md/) }
		]);
	});

	it('duplicate ids → error on the second file naming the first', async () => {
		await put('lessons/a-copy.md', lesson());
		await put('lessons/cash-basics.md', lesson());
		const errors = await errorsOf();
		expect(errors).toEqual([
			{ file: 'content/lessons/a-copy.md', line: 2, message: expect.stringContaining('does not match the file name') },
			{ file, line: 2, message: 'id: "cash-basics" is already used by content/lessons/a-copy.md; ids must be unique' }
		]);
		const { bundle } = await loadContent(root);
		expect(bundle.lessons).toEqual([]); // files with errors are not served
	});

	it('the same id in different kinds is fine', async () => {
		await put('lessons/policy.md', lesson({ id: 'policy' }));
		await put('pages/policy.md', page());
		expect(await errorsOf()).toEqual([]);
	});

	it('empty body → the line where the body starts', async () => {
		await put('lessons/cash-basics.md', lesson({}, [], '  \n'));
		expect(await errorsOf()).toEqual([{ file, line: 9, message: expect.stringMatching(/^body is empty/) }]);
	});

	it('empty body with no newline after the closing --- → that line', async () => {
		await put('pages/policy.md', '---\nid: policy\ntitle: P\nsummary: S\n---');
		expect(await errorsOf()).toEqual([{ file: 'content/pages/policy.md', line: 5, message: expect.stringMatching(/^body is empty/) }]);
	});

	it('formats errors one per line', () => {
		const text = formatContentErrors([
			{ file: 'content/lessons/x.md', line: 4, message: 'duty: must be one of orientation' },
			{ file: 'content/pages/y.md', line: 1, message: 'File must start with front matter between --- lines' }
		]);
		expect(text).toBe(
			'content/lessons/x.md:4: duty: must be one of orientation\ncontent/pages/y.md:1: File must start with front matter between --- lines'
		);
	});
});

describe('parseFrontMatter', () => {
	it('maps nested key paths and the body to file lines', () => {
		const text = ['---', 'id: q1', 'options:', '  - text: A', '    correct: false', '  - text: B', '  -', '    text: C', '---', '', 'Body'].join('\n');
		const r = parseFrontMatter(text);
		if (!r.ok) throw new Error('expected ok');
		const fm = r.value;
		expect(fm.lineOf(['id'])).toBe(2);
		expect(fm.lineOf(['options'])).toBe(3);
		expect(fm.lineOf(['options', 0, 'correct'])).toBe(5);
		expect(fm.lineOf(['options', 1, 'text'])).toBe(6);
		expect(fm.lineOf(['options', 2, 'text'])).toBe(8);
		expect(fm.lineOf(['options', 1, 'missing'])).toBe(6); // falls back to the parent
		expect(fm.lineOf(['missing'])).toBe(2);
		expect(fm.bodyLine).toBe(10);
		expect(fm.body).toBe('\nBody');
	});
});

describe('renderMarkdown', () => {
	it('renders GFM: tables with header scope, strikethrough, lists', () => {
		const html = renderMarkdown('| A | B |\n|:--|--:|\n| 1 | 2 |\n\n~~old~~ **new** *em*\n\n3. three\n4. four\n');
		expect(html).toContain('<th scope="col">A</th>');
		expect(html).toContain('<td>1</td>');
		expect(html).not.toContain('align=');
		expect(html).toContain('<del>old</del> <strong>new</strong> <em>em</em>');
		expect(html).toContain('<ol start="3">');
	});

	it('removes scripts, event handlers, javascript: links, iframes and images', () => {
		const html = renderMarkdown(
			[
				'Hello <script>alert(1)</script>',
				'',
				'<img src="x" onerror="alert(1)">',
				'',
				'<p onclick="alert(1)">click</p>',
				'',
				'[bad](javascript:alert(1)) [bad2](JaVaScRiPt:alert(2)) <a href="javascript:alert(3)">raw</a>',
				'',
				'<iframe src="https://evil.example"></iframe>'
			].join('\n')
		);
		expect(html).not.toMatch(/<script|alert\(1\)<\/script>|onerror|onclick|javascript:|<iframe|<img/i);
		expect(html).toContain('Hello');
		expect(html).toContain('<p>click</p>');
	});

	it('keeps safe links and marks absolute ones rel="noopener"', () => {
		const html = renderMarkdown(
			'[a](https://example.com) [b](http://example.com) [c](mailto:x@example.com) [d](/lessons/welcome) [e](#habits) [f](//evil.example) <a href="/x" rel="opener">g</a>'
		);
		expect(html).toContain('<a href="https://example.com" rel="noopener">a</a>');
		expect(html).toContain('<a href="http://example.com" rel="noopener">b</a>');
		expect(html).toContain('<a href="mailto:x@example.com">c</a>');
		expect(html).toContain('<a href="/lessons/welcome">d</a>');
		expect(html).toContain('<a href="#habits">e</a>');
		expect(html).toContain('<a>f</a>'); // protocol-relative dropped
		expect(html).toContain('<a href="/x">g</a>');
	});

	it('demotes h1 to h2, markdown and raw', () => {
		const html = renderMarkdown('# Title\n\nText\n\n<h1>Raw</h1>\n');
		expect(html).toContain('<h2 id="title">Title</h2>');
		expect(html).toContain('<h2>Raw</h2>');
		expect(html).not.toContain('<h1');
		expect(headingsOf('# Title\n')).toEqual([{ level: 2, text: 'Title', id: 'title' }]);
	});
});

describe('headings and slugs', () => {
	it('slugifies', () => {
		expect(slugify('1. Utility billing')).toBe('1-utility-billing');
		expect(slugify("  Check rules: what's OK? ")).toBe('check-rules-what-s-ok');
		expect(slugify('†‡')).toBe('section');
	});

	it('lists h2/h3 with deduped ids matching the rendered HTML', () => {
		const md = '## Money & *rounding*\n\n### Example\n\n#### Deep\n\n## Next `code`\n\n### Example\n\nSetext\n------\n\n### Example\n';
		const headings = headingsOf(md);
		expect(headings).toEqual([
			{ level: 2, text: 'Money & rounding', id: 'money-rounding' },
			{ level: 3, text: 'Example', id: 'example' },
			{ level: 2, text: 'Next code', id: 'next-code' },
			{ level: 3, text: 'Example', id: 'example-2' },
			{ level: 2, text: 'Setext', id: 'setext' },
			{ level: 3, text: 'Example', id: 'example-3' }
		]);
		const html = renderMarkdown(md);
		for (const h of headings) expect(html).toContain(`<h${h.level} id="${h.id}">`);
		expect(html).toContain('<h4 id="deep">Deep</h4>');
	});

	it('dedupes against an explicit suffix already in use', () => {
		expect(headingsOf('## A\n\n## A 2\n\n## A\n').map((h) => h.id)).toEqual(['a', 'a-2', 'a-3']);
	});
});

describe('getContent', () => {
	it('loads once per process and throws the formatted error list', async () => {
		await put('lessons/cash-basics.md', lesson());
		const first = getContent(root);
		expect(getContent(root)).toBe(first);
		expect((await first).lessons[0]?.id).toBe('cash-basics');

		const badRoot = join(tmp, 'bad');
		await mkdir(join(badRoot, 'pages'), { recursive: true });
		await writeFile(join(badRoot, 'pages', 'x.md'), 'no front matter');
		await expect(getContent(badRoot)).rejects.toThrow('bad/pages/x.md:1: File must start with front matter between --- lines');
	});
});

describe('the real content folder', () => {
	it('loads with zero errors', async () => {
		const { bundle, errors } = await loadContent(resolve('content'));
		expect(formatContentErrors(errors)).toBe('');
		expect(findLesson(bundle, 'welcome')?.file).toBe('content/lessons/welcome.md');
		expect(findPage(bundle, 'policy')?.headings.length).toBeGreaterThan(5);
	});
});
