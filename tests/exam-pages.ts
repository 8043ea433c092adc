// Page helpers for the exam runner tests: answer whatever question is on screen, with the mouse
// or the keyboard, with or without JavaScript, and read what the server stored.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { parameterizedAnswer, cashTotal, type DeliveredItem, type ExamItem, type ItemResponse } from '../src/lib/exams/index';
import { expect } from './fixtures';

export type StoredAttempt = {
	id: string;
	status: string;
	deadline: number;
	delivered: DeliveredItem[];
	answers: (ItemResponse | null)[];
	flags: boolean[];
	seqs: number[];
	score: unknown;
};

export async function storedAttempts(dataDir: string): Promise<StoredAttempt[]> {
	const dir = join(dataDir, 'exams', 'attempts');
	const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.json'));
	return Promise.all(names.map(async (n) => JSON.parse(await readFile(join(dir, n), 'utf8')) as StoredAttempt));
}

export async function storedAttempt(dataDir: string, id: string): Promise<StoredAttempt> {
	return JSON.parse(await readFile(join(dataDir, 'exams', 'attempts', `${id}.json`), 'utf8')) as StoredAttempt;
}

export async function storedItems(dataDir: string, id: string): Promise<ExamItem[]> {
	return (JSON.parse(await readFile(join(dataDir, 'exams', 'attempt-items', `${id}.json`), 'utf8')) as { items: ExamItem[] }).items;
}

export function attemptIdOf(page: Page): string {
	const id = /\/exams\/attempts\/(a_[0-9a-f]{16})/.exec(page.url())?.[1];
	if (!id) throw new Error(`not on an attempt page: ${page.url()}`);
	return id;
}

export const question = (page: Page) => page.locator('article.question');

export async function currentKind(page: Page): Promise<{ kind: string; index: number }> {
	const q = question(page);
	return { kind: (await q.getAttribute('data-kind'))!, index: Number(await q.getAttribute('data-index')) };
}

export const TEXT_ANSWER = '12.50';

/**
 * Answer the question on screen with the mouse (and typing). `js` picks the ordering control:
 * move buttons with JavaScript, position boxes without. Returns the kind answered.
 */
export async function answerQuestion(page: Page, js: boolean): Promise<string> {
	const q = question(page);
	const { kind, index } = await currentKind(page);
	const name = `a${index}`;
	switch (kind) {
		case 'single-choice':
		case 'true-false':
			await q.locator(`input[type=radio][name="${name}"]`).first().check();
			break;
		case 'multiple-choice':
			await q.locator(`input[type=checkbox][name="${name}"]`).first().check();
			break;
		case 'numeric':
		case 'parameterized':
		case 'cash-count':
		case 'short-answer':
			await q.locator(`input[name="${name}"]`).fill(TEXT_ANSWER);
			break;
		case 'essay':
			await q.locator(`textarea[name="${name}"]`).fill('Dear Mr. Ortiz, thank you for your letter about the late fee.');
			break;
		case 'ordering':
			if (js) await q.getByRole('button', { name: 'Keep this order as my answer' }).click();
			else {
				const boxes = q.locator(`select[name^="${name}.pos"]`);
				const count = await boxes.count();
				for (let k = 0; k < count; k++) await boxes.nth(k).selectOption(String(k + 1));
			}
			break;
		case 'matching': {
			const boxes = q.locator(`select[name^="${name}.m"]`);
			const count = await boxes.count();
			for (let k = 0; k < count; k++) await boxes.nth(k).selectOption({ index: 1 });
			break;
		}
		case 'fill-in': {
			const fields = q.locator(`[name^="${name}.b"]`);
			const count = await fields.count();
			for (let k = 0; k < count; k++) {
				const field = fields.nth(k);
				if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption({ index: 1 });
				else await field.fill('were');
			}
			break;
		}
		case 'name-number-check': {
			const alike = q.locator(`input[type=radio][value="alike"]`);
			const count = await alike.count();
			for (let k = 0; k < count; k++) await alike.nth(k).check();
			break;
		}
		default:
			throw new Error(`no way to answer a ${kind} question`);
	}
	return kind;
}

/** The question on screen shows the answer answerQuestion gave it (after a reload, on another page visit). */
export async function expectAnswerShown(page: Page, js: boolean): Promise<void> {
	const q = question(page);
	const { kind, index } = await currentKind(page);
	const name = `a${index}`;
	switch (kind) {
		case 'single-choice':
		case 'true-false':
			await expect(q.locator(`input[type=radio][name="${name}"]`).first()).toBeChecked();
			break;
		case 'multiple-choice':
			await expect(q.locator(`input[type=checkbox][name="${name}"]`).first()).toBeChecked();
			break;
		case 'numeric':
		case 'parameterized':
		case 'cash-count':
		case 'short-answer':
			await expect(q.locator(`input[name="${name}"]`)).toHaveValue(TEXT_ANSWER);
			break;
		case 'essay':
			await expect(q.locator(`textarea[name="${name}"]`)).toHaveValue(/Dear Mr. Ortiz/);
			break;
		case 'ordering':
			if (js) await expect(q.getByRole('button', { name: 'Clear my answer' })).toBeVisible();
			else await expect(q.locator(`select[name="${name}.pos0"]`)).toHaveValue('1');
			break;
		case 'matching':
			await expect(q.locator(`select[name="${name}.m0"]`)).toHaveValue('0');
			break;
		case 'fill-in':
			await expect(q.locator(`[name="${name}.b0"]`)).not.toHaveValue('');
			break;
		case 'name-number-check':
			await expect(q.locator(`input[type=radio][value="alike"]`).first()).toBeChecked();
			break;
	}
}

/** Press Tab until `target` has the focus (keyboard only: no clicks, no focus() calls). */
export async function tabTo(page: Page, target: Locator, max = 80): Promise<void> {
	for (let i = 0; i < max; i++) {
		if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
		await page.keyboard.press('Tab');
	}
	throw new Error(`Tab never reached ${target}`);
}

/** Answer the question on screen from the keyboard only. */
export async function answerByKeyboard(page: Page): Promise<string> {
	const q = question(page);
	const { kind, index } = await currentKind(page);
	const name = `a${index}`;
	switch (kind) {
		case 'single-choice':
		case 'true-false':
		case 'multiple-choice':
			await tabTo(page, q.locator(`input[name="${name}"]`).first());
			await page.keyboard.press('Space');
			break;
		case 'numeric':
		case 'parameterized':
		case 'cash-count':
		case 'short-answer':
			await tabTo(page, q.locator(`input[name="${name}"]`));
			await page.keyboard.type(TEXT_ANSWER);
			break;
		case 'essay':
			await tabTo(page, q.locator(`textarea[name="${name}"]`));
			await page.keyboard.type('Dear Mr. Ortiz, thank you for writing.');
			break;
		case 'ordering':
			await tabTo(page, q.getByRole('button', { name: /down$/ }).first());
			await page.keyboard.press('Enter');
			break;
		case 'matching':
			await tabTo(page, q.locator(`select[name="${name}.m0"]`));
			await page.keyboard.press('ArrowDown');
			break;
		case 'fill-in': {
			const first = q.locator(`[name="${name}.b0"]`);
			await tabTo(page, first);
			if ((await first.evaluate((el) => el.tagName)) === 'SELECT') await page.keyboard.press('ArrowDown');
			else await page.keyboard.type('were');
			break;
		}
		case 'name-number-check':
			await tabTo(page, q.locator(`input[type=radio][name="${name}.p0"]`).first());
			await page.keyboard.press('Space');
			break;
		default:
			throw new Error(`no way to answer a ${kind} question`);
	}
	return kind;
}

/**
 * Strings that would give an answer away if a candidate's browser received them before the
 * result: keys as JSON values, feedback texts, rubric guidance. (Option texts are not keys:
 * they are shown; which one is correct is the key, and the `correct` field is checked apart.)
 */
export function secretsOf(items: readonly ExamItem[], delivered: readonly DeliveredItem[]): string[] {
	const out: string[] = [];
	const plain = (md: string) => md.replace(/[*_`#>[\]()|]/g, ' ').split(/\s+/).filter(Boolean);
	const words = (md: string) => plain(md).slice(0, 7).join(' ');
	// What the candidate is shown anyway: a feedback that starts like a passage they read is no secret.
	const shown = plain(
		items
			.flatMap((item) => [
				item.stem,
				item.passage ?? '',
				...(item.kind === 'single-choice' || item.kind === 'multiple-choice' ? item.options.map((o) => o.text) : []),
				...(item.kind === 'ordering' ? item.entries : []),
				...(item.kind === 'matching' ? [...item.pairs.flatMap((p) => [p.prompt, p.match]), ...item.distractors] : [])
			])
			.join(' ')
	).join(' ');
	items.forEach((item, i) => {
		const feedback = [item.feedback];
		switch (item.kind) {
			case 'single-choice':
			case 'multiple-choice':
				feedback.push(...item.options.map((o) => o.feedback));
				break;
			case 'true-false':
				feedback.push(item.feedbackTrue, item.feedbackFalse);
				break;
			case 'numeric':
				out.push(JSON.stringify(item.answer));
				break;
			case 'parameterized':
				out.push(JSON.stringify(parameterizedAnswer(item, delivered[i]!.variables ?? {})));
				break;
			case 'cash-count':
				out.push(JSON.stringify(cashTotal(item)));
				break;
			case 'short-answer':
				out.push(...item.answers.map((a) => JSON.stringify(a)));
				break;
			case 'fill-in':
				for (const b of item.blanks) if (!b.choices) out.push(...b.answers.map((a) => JSON.stringify(a)));
				break;
			case 'essay':
				feedback.push(...item.rubric.map((c) => c.description));
				break;
			default:
				break;
		}
		for (const f of feedback) if (f && words(f).length >= 20 && !shown.includes(words(f))) out.push(words(f));
	});
	return out;
}

/** Object keys that only answer keys and scores have (quoted in JSON, bare in the page's inline data). */
export const SECRET_FIELDS = /[{,]\s*"?(correct|answers|feedback|feedbackTrue|feedbackFalse|tolerance|itemId|choiceOrder|variables|score|percent|passed|rubricDescription|description|seed)"?\s*:/;
