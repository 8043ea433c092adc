/**
 * Front matter schemas and the registry of content kinds.
 *
 * Each kind is one entry in KINDS (bundle key, folder, strict schema, item builder, sort order);
 * the loader, the bundle type and the counts line all follow the registry, so adding scenarios,
 * exam items or blueprints later means adding one entry here.
 *
 * Every rule carries its own plain-words message ("must be …", or "is required" when the key is
 * missing) because the loader shows them to content authors as `file:line: key: message`.
 * Imports are relative (no $lib) so scripts run under tsx can use this module.
 */
import { z } from 'zod';
import { DUTIES, DUTY_IDS } from '../../duties';
import { renderContent, type Heading } from './render';

/** zod error option: "is required" for a missing key, else "must be <rule>". */
function rule(text: string) {
	return {
		error: (issue: { input?: unknown }) => (issue.input === undefined ? 'is required' : `must be ${text}`)
	};
}

const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const idField = () => {
	const r = rule('lowercase letters and digits in words joined by single hyphens, like "cash-drawer-basics"');
	return z.string(r).regex(ID_PATTERN, r);
};

const textField = (max: number) => {
	const r = rule(`text of 1 to ${max} characters`);
	return z.string(r).trim().min(1, r).max(max, r);
};

const wholeNumber = (min: number, max?: number) => {
	const r = rule(max === undefined ? `a whole number of ${min} or more` : `a whole number from ${min} to ${max}`);
	const n = z.number(r).int(r).min(min, r);
	return max === undefined ? n : n.max(max, r);
};

export const lessonSchema = z.strictObject({
	id: idField(),
	title: textField(120),
	duty: z.enum(DUTY_IDS, rule(`one of ${DUTY_IDS.join(', ')}`)),
	order: wholeNumber(0),
	minutes: wholeNumber(1, 120),
	summary: textField(160)
});

export const pageSchema = z.strictObject({
	id: idField(),
	title: textField(120),
	summary: textField(160)
});

/** What every item gets from its markdown body and file. */
export interface Rendered {
	html: string;
	headings: Heading[];
	/** Path relative to the project, e.g. "content/lessons/welcome.md". */
	file: string;
}

export type Lesson = z.output<typeof lessonSchema> & Rendered;
export type Page = z.output<typeof pageSchema> & Rendered;

export interface ContentKind<Name extends string, Schema extends z.ZodObject, Item extends { id: string }> {
	/** Key in ContentBundle and label in the counts line. */
	name: Name;
	/** Folder under the content root holding this kind's `*.md` files. */
	folder: string;
	schema: Schema;
	build(data: z.output<Schema>, body: string, file: string): Item;
	/** Bundle order; items are sorted by id when absent. */
	compare?(a: Item, b: Item): number;
}

/** Identity helper that keeps the literal name and item type of each kind. */
function defineKind<const Name extends string, Schema extends z.ZodObject, Item extends { id: string }>(
	kind: ContentKind<Name, Schema, Item>
): ContentKind<Name, Schema, Item> {
	return kind;
}

const dutyRank = (duty: string): number => DUTIES.findIndex((d) => d.id === duty);

export const KINDS = [
	defineKind({
		name: 'lessons',
		folder: 'lessons',
		schema: lessonSchema,
		build: (data, body, file): Lesson => ({ ...data, ...renderContent(body), file }),
		compare: (a, b) => dutyRank(a.duty) - dutyRank(b.duty) || a.order - b.order || a.id.localeCompare(b.id)
	}),
	defineKind({
		name: 'pages',
		folder: 'pages',
		schema: pageSchema,
		build: (data, body, file): Page => ({ ...data, ...renderContent(body), file })
	})
] as const;

type AnyKind = (typeof KINDS)[number];

/** Every kind's items, keyed by kind name: { lessons: Lesson[]; pages: Page[] }. */
export type ContentBundle = { [K in AnyKind as K['name']]: ReturnType<K['build']>[] };
