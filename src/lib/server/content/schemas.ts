/**
 * Front matter schemas and the registry of content kinds.
 *
 * Each kind is one entry in KINDS (bundle key, folder, strict schema, item builder, sort order,
 * extra checks); the loader, the bundle type and the counts line all follow the registry, so
 * adding a kind means adding one entry here.
 *
 * Field helpers with plain-words messages live in fields.ts; the exam kinds' schemas in
 * exam-schemas.ts; scenarios' in scenario-schemas.ts. Imports are relative (no $lib) so scripts run under tsx can use this module.
 */
import { z } from 'zod';
import { DUTIES, DUTY_IDS } from '../../duties';
import {
	blueprintSchema,
	buildBlueprint,
	buildItem,
	checkBlueprint,
	checkBlueprintDraws,
	checkItem,
	itemSchema,
	type BankItem,
	type ContentProblem
} from './exam-schemas';
import { idField, rule, textField, wholeNumber } from './fields';
import { renderContent, type Heading } from './render';
import { buildScenario, checkScenario, checkScenarioPolicy, scenarioSchema, type ScenarioContent } from './scenario-schemas';

export const lessonSchema = z.strictObject({
	id: idField(),
	title: textField(120),
	duty: z.enum(DUTY_IDS, rule(`one of ${DUTY_IDS.join(', ')}`)),
	order: wholeNumber(0),
	minutes: wholeNumber(1, 120),
	summary: textField(160),
	/** Practice quiz at the end of the lesson: ids of items in content/items the app scores itself. */
	quiz: z
		.array(idField(), rule('a list of 3 to 6 item ids, like [tenant-deposit-amount, postmark-rule]'))
		// A refine, not min/max: zod's length checks also fire on a string given instead of a list.
		.refine((ids) => ids.length >= 3 && ids.length <= 6, { error: 'must list 3 to 6 item ids' })
		.optional()
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

/** Item kinds a lesson quiz may use: those answered in a plain form and scored by the app. */
export const QUIZ_ITEM_KINDS: readonly string[] = [
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
	'cash-count'
];

/** A lesson's quiz against the loaded bank: every id is a valid item, once, of a kind the app scores. */
export function checkLessonQuiz(lesson: Pick<Lesson, 'quiz'>, items: readonly Pick<BankItem, 'id' | 'kind'>[]): ContentProblem[] {
	const byId = new Map(items.map((i) => [i.id, i]));
	const seen = new Set<string>();
	return (lesson.quiz ?? []).flatMap((id, i): ContentProblem[] => {
		const path = ['quiz', i];
		if (seen.has(id)) return [{ path, message: `"${id}" is listed twice` }];
		seen.add(id);
		const item = byId.get(id);
		if (!item) return [{ path, message: `there is no valid item "${id}" in content/items (check its id, or fix that item's own errors)` }];
		// A practice quiz is scored on the spot: essays (a person scores them) and skills tests are out.
		if (!QUIZ_ITEM_KINDS.includes(item.kind)) {
			return [{ path, message: `"${id}" is ${/^[aeiou]/.test(item.kind) ? 'an' : 'a'} ${item.kind} item; a lesson quiz takes only items the app scores on the spot (not essays or skills tests)` }];
		}
		return [];
	});
}

export interface ContentKind<Name extends string, Schema extends z.ZodType, Item extends { id: string }> {
	/** Key in ContentBundle and label in the counts line. */
	name: Name;
	/** Folder under the content root holding this kind's `*.md` files (README.md is skipped). */
	folder: string;
	/** Strict schema of the front matter: an object, or a union of objects on a discriminator key. */
	schema: Schema;
	build(data: z.output<Schema>, body: string, file: string): Item;
	/** Bundle order; items are sorted by id when absent. */
	compare?(a: Item, b: Item): number;
	/** Checks of one built item beyond its schema (across fields, against its body). */
	check?(item: Item): ContentProblem[];
	/** Checks once every kind is loaded, given each kind's valid items by name. */
	checkWithBundle?(item: Item, loaded: LoadedItems): ContentProblem[];
}

/** Each kind's valid items by kind name, as the loader has them before the bundle is typed. */
export type LoadedItems = Readonly<Record<string, readonly { id: string }[]>>;

/** Identity helper that keeps the literal name and item type of each kind. */
function defineKind<const Name extends string, Schema extends z.ZodType, Item extends { id: string }>(
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
		compare: (a, b) => dutyRank(a.duty) - dutyRank(b.duty) || a.order - b.order || a.id.localeCompare(b.id),
		// Runs after every kind is loaded, so the item bank is there even though items come later in KINDS.
		checkWithBundle: (lesson, loaded) => checkLessonQuiz(lesson, (loaded.items ?? []) as readonly BankItem[])
	}),
	defineKind({
		name: 'pages',
		folder: 'pages',
		schema: pageSchema,
		build: (data, body, file): Page => ({ ...data, ...renderContent(body), file })
	}),
	defineKind({
		name: 'items',
		folder: 'items',
		schema: itemSchema,
		build: buildItem,
		check: checkItem
	}),
	defineKind({
		name: 'exams',
		folder: 'exams',
		schema: blueprintSchema,
		build: buildBlueprint,
		check: checkBlueprint,
		// The items kind comes first in KINDS, so its valid items are loaded by now.
		checkWithBundle: (blueprint, loaded) => checkBlueprintDraws(blueprint, (loaded.items ?? []) as readonly BankItem[])
	}),
	defineKind({
		name: 'scenarios',
		folder: 'scenarios',
		schema: scenarioSchema,
		build: buildScenario,
		compare: (a: ScenarioContent, b: ScenarioContent) => dutyRank(a.duty) - dutyRank(b.duty) || a.order - b.order || a.id.localeCompare(b.id),
		check: checkScenario,
		// Pages come first in KINDS: the policy page's headings are the sections a debrief may cite.
		checkWithBundle: (scenario, loaded) => checkScenarioPolicy(scenario, (loaded.pages ?? []) as readonly Page[])
	})
] as const;

type AnyKind = (typeof KINDS)[number];

/** Every kind's items, keyed by kind name: { lessons: Lesson[]; pages: Page[]; items: BankItem[]; exams: Blueprint[]; scenarios: ScenarioContent[] }. */
export type ContentBundle = { [K in AnyKind as K['name']]: ReturnType<K['build']>[] };

export type { BankItem, Blueprint, ContentProblem } from './exam-schemas';
export type { ScenarioContent } from './scenario-schemas';
