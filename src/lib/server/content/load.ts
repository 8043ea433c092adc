/**
 * Load and validate every content file of every registered kind.
 *
 * Never throws for bad content: it collects every problem as `file:line: message` so an author
 * sees them all at once (content:check, dev server start-up), and returns only the items that
 * passed every check.
 */
import { readdir, readFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import type { z } from 'zod';
import { parseFrontMatter, type FrontMatter } from './front-matter';
import { KINDS, type ContentBundle } from './schemas';

export interface ContentError {
	/** Path relative to the project, e.g. "content/lessons/welcome.md". */
	file: string;
	/** 1-based line in that file. */
	line: number;
	message: string;
}

export async function loadContent(root: string): Promise<{ bundle: ContentBundle; errors: ContentError[] }> {
	const errors: ContentError[] = [];
	// Kinds are heterogeneous; the registry guarantees each name gets its own item type.
	const bundle: Record<string, { id: string }[]> = {};

	for (const kind of KINDS) {
		const dir = join(root, kind.folder);
		const items: { id: string }[] = [];
		const firstFileOfId = new Map<string, string>();

		for (const name of await markdownFiles(dir)) {
			const abs = join(dir, name);
			const file = displayPath(root, abs);
			const fileErrors: Omit<ContentError, 'file'>[] = [];
			const item = checkFile(kind, await readFile(abs, 'utf8'), name, file, firstFileOfId, fileErrors);
			fileErrors.sort((a, b) => a.line - b.line);
			errors.push(...fileErrors.map((e) => ({ file, ...e })));
			if (item && fileErrors.length === 0) items.push(item);
		}

		const compare = kind.compare as ((a: { id: string }, b: { id: string }) => number) | undefined;
		bundle[kind.name] = items.sort(compare ?? ((a, b) => a.id.localeCompare(b.id)));
	}

	return { bundle: bundle as unknown as ContentBundle, errors };
}

type Kind = (typeof KINDS)[number];

/** Validate one file; push its problems into `errors`; return the built item if it parsed. */
function checkFile(
	kind: Kind,
	text: string,
	name: string,
	file: string,
	firstFileOfId: Map<string, string>,
	errors: Omit<ContentError, 'file'>[]
): { id: string } | undefined {
	const parsed = parseFrontMatter(text);
	if (!parsed.ok) {
		errors.push(...parsed.errors);
		return undefined;
	}
	const fm = parsed.value;

	if (fm.body.trim() === '') {
		errors.push({ line: Math.min(fm.bodyLine, fm.lineCount), message: 'body is empty: write the content below the closing --- line' });
	}

	const result = (kind.schema as z.ZodObject).safeParse(fm.data);
	if (!result.success) {
		errors.push(...result.error.issues.flatMap((issue) => describeIssue(issue, fm, kind.schema)));
		return undefined;
	}
	const data = result.data as { id: string };

	const idLine = fm.lineOf(['id']);
	const expected = `${data.id}.md`;
	if (name !== expected) {
		errors.push({ line: idLine, message: `id: "${data.id}" does not match the file name; rename the file to ${expected} or change the id` });
	}
	const first = firstFileOfId.get(data.id);
	if (first) {
		errors.push({ line: idLine, message: `id: "${data.id}" is already used by ${first}; ids must be unique` });
	} else {
		firstFileOfId.set(data.id, file);
	}

	// `build` is typed per kind; the schema above produced exactly its input.
	const build = kind.build as (data: unknown, body: string, file: string) => { id: string };
	return build(data, fm.body, file);
}

/** Turn one zod issue into located, plain-words errors (one per unknown key). */
function describeIssue(issue: z.core.$ZodIssue, fm: FrontMatter, schema: z.ZodObject): Omit<ContentError, 'file'>[] {
	if (issue.code === 'unrecognized_keys') {
		const allowed = Object.keys(schema.shape).join(', ');
		return issue.keys.map((key) => ({
			line: fm.lineOf([...issue.path, key]),
			message: `unknown key "${key}" (allowed keys: ${allowed})`
		}));
	}
	if (issue.path.length === 0) {
		return [{ line: fm.lineOf([]), message: 'front matter must be a list of "key: value" lines' }];
	}
	return [{ line: fm.lineOf(issue.path), message: `${formatPath(issue.path)}: ${issue.message}` }];
}

/** ['options', 2, 'text'] → "options[2].text" */
function formatPath(path: readonly PropertyKey[]): string {
	return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i > 0 ? '.' : ''}${String(p)}`)).join('');
}

/** `*.md` files directly in `dir`, sorted so "first"/"second" duplicates are deterministic. */
async function markdownFiles(dir: string): Promise<string[]> {
	try {
		const entries = await readdir(dir, { withFileTypes: true });
		return entries
			.filter((e) => e.isFile() && e.name.endsWith('.md'))
			.map((e) => e.name)
			.sort();
	} catch (err) {
		if ((err as NodeJS.ErrnoException).code === 'ENOENT') return []; // a kind with no folder has no items
		throw err;
	}
}

/**
 * Path shown in errors: relative to the working directory (the project) when the file is inside it,
 * otherwise relative to the content root's parent, so it still reads "content/lessons/x.md".
 */
function displayPath(root: string, abs: string): string {
	let rel = relative(process.cwd(), abs);
	if (rel.startsWith('..') || isAbsolute(rel)) rel = relative(dirname(root), abs);
	return rel.split(sep).join('/');
}

export function formatContentErrors(errors: readonly ContentError[]): string {
	return errors.map((e) => `${e.file}:${e.line}: ${e.message}`).join('\n');
}

/** "lessons: 1, pages: 1" — every kind in registry order. */
export function countsLine(bundle: ContentBundle): string {
	return KINDS.map((k) => `${k.name}: ${bundle[k.name].length}`).join(', ');
}
