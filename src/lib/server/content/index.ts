/**
 * Content for the app: lessons, pages, exam items, blueprints and training scenarios loaded from
 * markdown files with YAML front matter.
 * Everything here is import-safe from plain Node/tsx (no $lib / $env aliases).
 */
import { resolve } from 'node:path';
import { formatContentErrors, loadContent, type ContentError } from './load';
import type { BankItem, Blueprint, ContentBundle, Lesson, Page, ScenarioContent } from './schemas';

export { parseFrontMatter, type FrontMatter, type FrontMatterResult, type LineError } from './front-matter';
export { renderMarkdown, renderContent, headingsOf, slugify, type Heading } from './render';
export {
	KINDS,
	lessonSchema,
	pageSchema,
	type BankItem,
	type Blueprint,
	type ContentBundle,
	type ContentKind,
	type ContentProblem,
	type Lesson,
	type Page,
	type Rendered,
	type ScenarioContent
} from './schemas';
export { itemSchema, blueprintSchema } from './exam-schemas';
export { scenarioSchema, bodySections } from './scenario-schemas';
export { scenarioBrief, scenarioDebrief, type ScenarioBrief, type QuestionBrief } from './scenario-view';
export { loadContent, formatContentErrors, countsLine, type ContentError, type LoadedContent } from './load';

/** The content root: CONTENT_DIR, or ./content, resolved from the working directory. */
export function contentDir(): string {
	return resolve(process.cwd(), process.env.CONTENT_DIR || 'content');
}

/** Thrown by getContent when any file is invalid; the message is the `file:line: message` list. */
export class ContentLoadError extends Error {
	constructor(readonly errors: ContentError[]) {
		super(formatContentErrors(errors));
		this.name = 'ContentLoadError';
	}
}

// Cached on globalThis so Vite's dev reloads of this module reuse the one load per process.
const holder = globalThis as typeof globalThis & { __clerkContent?: Map<string, Promise<ContentBundle>> };

/** Load (once per process and dir) the validated content; rejects with ContentLoadError on bad content. */
export function getContent(dir = contentDir()): Promise<ContentBundle> {
	holder.__clerkContent ??= new Map();
	let pending = holder.__clerkContent.get(dir);
	if (!pending) {
		pending = loadContent(dir).then(({ bundle, errors }) => {
			if (errors.length > 0) throw new ContentLoadError(errors);
			return bundle;
		});
		// Forget a failed load so the next request retries after the author fixes the file.
		pending.catch(() => holder.__clerkContent?.delete(dir));
		holder.__clerkContent.set(dir, pending);
	}
	return pending;
}

export function findLesson(bundle: ContentBundle, id: string): Lesson | undefined {
	return bundle.lessons.find((l) => l.id === id);
}

export function findPage(bundle: ContentBundle, id: string): Page | undefined {
	return bundle.pages.find((p) => p.id === id);
}

export function findItem(bundle: ContentBundle, id: string): BankItem | undefined {
	return bundle.items.find((i) => i.id === id);
}

export function findBlueprint(bundle: ContentBundle, id: string): Blueprint | undefined {
	return bundle.exams.find((b) => b.id === id);
}

export function findScenario(bundle: ContentBundle, id: string): ScenarioContent | undefined {
	return bundle.scenarios.find((s) => s.id === id);
}
