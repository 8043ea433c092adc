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
import { KINDS, type ContentBundle, type ContentProblem, type LoadedItems } from './schemas';

export interface ContentError {
	/** Path relative to the project, e.g. "content/lessons/welcome.md". */
	file: string;
	/** 1-based line in that file. */
	line: number;
	message: string;
}

export interface LoadedContent {
	bundle: ContentBundle;
	/** Problems that keep a file out of the bundle (content:check fails on any). */
	errors: ContentError[];
	/** Problems worth fixing that do not (a draft blueprint the bank cannot fill yet). */
	warnings: ContentError[];
}

export async function loadContent(root: string): Promise<LoadedContent> {
	const errors: ContentError[] = [];
	const warnings: ContentError[] = [];
	// Kinds are heterogeneous; the registry guarantees each name gets its own item type.
	const bundle: Record<string, { id: string }[]> = {};
	// Valid files of kinds with checks against other kinds, for the pass after loading.
	const crossChecked: { kind: Kind; item: { id: string }; file: string; fm: FrontMatter }[] = [];

	for (const kind of KINDS) {
		const dir = join(root, kind.folder);
		const items: { id: string }[] = [];
		const firstFileOfId = new Map<string, string>();

		for (const name of await markdownFiles(dir)) {
			const abs = join(dir, name);
			const file = displayPath(root, abs);
			const fileErrors: Located[] = [];
			const fileWarnings: Located[] = [];
			const checked = checkFile(kind, await readFile(abs, 'utf8'), name, file, firstFileOfId, fileErrors, fileWarnings);
			fileErrors.sort((a, b) => a.line - b.line);
			fileWarnings.sort((a, b) => a.line - b.line);
			errors.push(...fileErrors.map((e) => ({ file, ...e })));
			warnings.push(...fileWarnings.map((e) => ({ file, ...e })));
			if (!checked || fileErrors.length > 0) continue;
			items.push(checked.item);
			if (kind.checkWithBundle) crossChecked.push({ kind, item: checked.item, file, fm: checked.fm });
		}

		const compare = kind.compare as ((a: { id: string }, b: { id: string }) => number) | undefined;
		bundle[kind.name] = items.sort(compare ?? ((a, b) => a.id.localeCompare(b.id)));
	}

	for (const { kind, item, file, fm } of crossChecked) {
		const check = kind.checkWithBundle as (item: unknown, loaded: LoadedItems) => ContentProblem[];
		const located = locateProblems(check(item, bundle), fm);
		errors.push(...located.errors.map((e) => ({ file, ...e })));
		warnings.push(...located.warnings.map((e) => ({ file, ...e })));
		if (located.errors.length > 0) bundle[kind.name] = bundle[kind.name]!.filter((i) => i !== item);
	}

	return { bundle: bundle as unknown as ContentBundle, errors, warnings };
}

type Located = Omit<ContentError, 'file'>;

/** Give a kind's extra problems their file lines, split into errors and warnings. */
function locateProblems(problems: readonly ContentProblem[], fm: FrontMatter): { errors: Located[]; warnings: Located[] } {
	const out = { errors: [] as Located[], warnings: [] as Located[] };
	for (const p of problems) {
		const path = p.path ?? [];
		const line = p.bodyLine !== undefined ? Math.min(fm.bodyLine + p.bodyLine - 1, fm.lineCount) : fm.lineOf(path);
		(p.warning ? out.warnings : out.errors).push({ line, message: path.length > 0 ? `${formatPath(path)}: ${p.message}` : p.message });
	}
	return out;
}

type Kind = (typeof KINDS)[number];

/** Validate one file; push its problems into `errors` / `warnings`; return the built item if it parsed. */
function checkFile(
	kind: Kind,
	text: string,
	name: string,
	file: string,
	firstFileOfId: Map<string, string>,
	errors: Located[],
	warnings: Located[]
): { item: { id: string }; fm: FrontMatter } | undefined {
	const parsed = parseFrontMatter(text);
	if (!parsed.ok) {
		errors.push(...parsed.errors);
		return undefined;
	}
	const fm = parsed.value;

	if (fm.body.trim() === '') {
		errors.push({ line: Math.min(fm.bodyLine, fm.lineCount), message: 'body is empty: write the content below the closing --- line' });
	}

	const result = (kind.schema as z.ZodType).safeParse(fm.data);
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
	const item = build(data, fm.body, file);
	// Checks across fields only make sense once the file is otherwise sound.
	if (kind.check && errors.length === 0) {
		const check = kind.check as (item: unknown) => ContentProblem[];
		const located = locateProblems(check(item), fm);
		errors.push(...located.errors);
		warnings.push(...located.warnings);
	}
	return { item, fm };
}

/** Turn one zod issue into located, plain-words errors (one per unknown key). */
function describeIssue(issue: z.core.$ZodIssue, fm: FrontMatter, schema: z.ZodType): Located[] {
	if (issue.code === 'unrecognized_keys') {
		const allowed = allowedKeys(schema, fm.data, issue.path).join(', ');
		return issue.keys.map((key) => ({
			line: fm.lineOf([...issue.path, key]),
			message: `${issue.path.length > 0 ? `${formatPath(issue.path)}: ` : ''}unknown key "${key}" (allowed keys: ${allowed})`
		}));
	}
	if (issue.path.length === 0) {
		return [{ line: fm.lineOf([]), message: 'front matter must be a list of "key: value" lines' }];
	}
	return [{ line: fm.lineOf(issue.path), message: `${formatPath(issue.path)}: ${issue.message}` }];
}

/**
 * The keys the schema allows for the object at `path` in `data`: walks objects, arrays, records
 * and wrappers, and picks a discriminated union's member by the data's discriminator value.
 */
function allowedKeys(schema: z.ZodType, data: unknown, path: readonly PropertyKey[]): string[] {
	let node: unknown = data;
	let s = unwrapSchema(schema, node);
	for (const seg of path) {
		node = typeof node === 'object' && node !== null ? (node as Record<PropertyKey, unknown>)[seg] : undefined;
		const def = s?.def as { type: string; shape?: Record<string, z.ZodType>; element?: z.ZodType; valueType?: z.ZodType } | undefined;
		const next = def?.type === 'object' ? def.shape?.[String(seg)] : def?.type === 'array' ? def.element : def?.type === 'record' ? def.valueType : undefined;
		s = next ? unwrapSchema(next, node) : undefined;
	}
	const def = s?.def as { type: string; shape?: Record<string, unknown> } | undefined;
	return def?.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}

/** Unwrap optional/default/transform wrappers and choose a discriminated union's member. */
function unwrapSchema(schema: z.ZodType, data: unknown): z.ZodType | undefined {
	let s: z.ZodType | undefined = schema;
	for (let guard = 0; s && guard < 20; guard++) {
		const def = s.def as { type: string; innerType?: z.ZodType; in?: z.ZodType; discriminator?: string; options?: z.ZodType[] };
		if (def.innerType) s = def.innerType;
		else if (def.type === 'pipe' && def.in) s = def.in;
		else if (def.type === 'union' && def.discriminator && def.options) {
			const value = typeof data === 'object' && data !== null ? (data as Record<string, unknown>)[def.discriminator] : undefined;
			s = def.options.find((o) => (o.def as { shape?: Record<string, z.ZodType> }).shape?.[def.discriminator!]?.safeParse(value).success);
		} else return s;
	}
	return s;
}

/** ['options', 2, 'text'] → "options[2].text" */
function formatPath(path: readonly PropertyKey[]): string {
	return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i > 0 ? '.' : ''}${String(p)}`)).join('');
}

/** `*.md` files directly in `dir`, sorted so "first"/"second" duplicates are deterministic. */
async function markdownFiles(dir: string): Promise<string[]> {
	try {
		const entries = await readdir(dir, { withFileTypes: true });
		// A README.md beside the content explains the format to authors; it is not content.
		return entries
			.filter((e) => e.isFile() && e.name.endsWith('.md') && e.name.toLowerCase() !== 'readme.md')
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

/** "lessons: 1, pages: 1, items: 0, exams: 0" — every kind in registry order. */
export function countsLine(bundle: ContentBundle): string {
	return KINDS.map((k) => `${k.name}: ${bundle[k.name].length}`).join(', ');
}
