/** The scenarios kind of the content registry (content/scenarios/): schema, body sections and the checks that need no engine. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WORLD_PRESETS } from '../workstation/world';
import { WORLD_PRESET_NAMES } from '../../grading/format';
import { countsLine, findScenario, loadContent, scenarioBrief, scenarioDebrief } from './index';

let tmp: string;
let root: string;

beforeEach(async () => {
	tmp = await mkdtemp(join(tmpdir(), 'scenario-content-test-'));
	root = join(tmp, 'content');
	await put('pages/policy.md', ['---', 'id: policy', 'title: Policies', 'summary: The rules.', '---', '', '## Check rules', '', 'Payable to the city.', '', '### Postmark rule', '', 'On time.'].join('\n'));
});
afterEach(async () => {
	await rm(tmp, { recursive: true, force: true });
});

async function put(rel: string, text: string): Promise<void> {
	const path = join(root, rel);
	await mkdir(join(path, '..'), { recursive: true });
	await writeFile(path, text);
}

const VALID = `---
id: pay-fee
title: Pay a fee
duty: cashiering
difficulty: easy
targetSeconds: 120
summary: Take a fee payment.
policy: [check-rules]
setup:
  steps:
    - name: drawer
      as: trainee
      command: { type: cash.open-drawer, counts: "{{standardFloat}}" }
questions:
  - id: change
    kind: money
    prompt: How much change?
    answer: "5.00"
reference:
  - name: pay
    command:
      type: cash.take-payment
      lines: [{ kind: utility, ref: "100-0001", amount: "25.00" }]
      tenders: [{ type: cash, amount: "30.00" }]
checks:
  - id: paid
    kind: event
    description: Fee paid
    event: cash.payment-taken
    match: { lines: [{ ref: "100-0001" }] }
    critical: true
    weight: 3
  - id: change-answer
    kind: answer
    description: Change
    question: change
---

## Task

Take the fee at drawer {{drawer.drawerId}}.

## Debrief

See [Check rules](/policy#check-rules).
`;

const FILE = 'content/scenarios/pay-fee.md';
/** 1-based line of the first line containing `marker` in `text`. */
const lineOf = (text: string, marker: string) => text.split('\n').findIndex((l) => l.includes(marker)) + 1;

async function problems(text: string): Promise<string[]> {
	await put('scenarios/pay-fee.md', text);
	const { errors } = await loadContent(root);
	return errors.map((e) => `${e.file === FILE ? '' : e.file}${e.line}: ${e.message}`);
}

describe('scenarios: valid files', () => {
	it('load with defaults filled, the task and debrief rendered', async () => {
		await put('scenarios/pay-fee.md', VALID);
		const { bundle, errors } = await loadContent(root);
		expect(errors).toEqual([]);
		const s = findScenario(bundle, 'pay-fee')!;
		expect(s).toMatchObject({
			id: 'pay-fee',
			difficulty: 1,
			order: 0,
			setup: { world: { seed: 'tracy', preset: 'city' }, steps: [{ name: 'drawer', as: 'trainee', command: { type: 'cash.open-drawer', counts: '{{standardFloat}}' } }] },
			reference: [{ name: 'pay', as: 'trainee' }],
			checks: [
				{ id: 'paid', kind: 'event', weight: 3, critical: true },
				{ id: 'change-answer', kind: 'answer', weight: 1, critical: false }
			],
			task: 'Take the fee at drawer {{drawer.drawerId}}.',
			file: FILE
		});
		expect(s.taskHtml).toBe('<p>Take the fee at drawer {{drawer.drawerId}}.</p>\n');
		expect(s.debriefHtml).toContain('<a href="/policy#check-rules">Check rules</a>');
		expect(countsLine(bundle)).toBe('lessons: 0, pages: 1, items: 0, exams: 0, scenarios: 1');
	});

	it('turn a single no-event type into a list and give rubrics a pass mark of 70% rounded up', async () => {
		const text = VALID.replace(
			'  - id: change-answer',
			[
				'  - id: no-void',
				'    kind: no-event',
				'    description: No void',
				'    event: cash.receipt-voided',
				'  - id: letter',
				'    kind: rubric',
				'    description: The letter',
				'    criteria: [{ criterion: Clear, points: 3 }, { criterion: Right, points: 4 }]',
				'  - id: change-answer'
			].join('\n')
		);
		await put('scenarios/pay-fee.md', text);
		const { bundle, errors } = await loadContent(root);
		expect(errors).toEqual([]);
		expect(bundle.scenarios[0]!.checks[1]).toMatchObject({ kind: 'no-event', events: ['cash.receipt-voided'] });
		expect(bundle.scenarios[0]!.checks[2]).toMatchObject({ kind: 'rubric', passPoints: 5 });
	});

	it('offer the same world presets as the server', () => {
		expect([...WORLD_PRESET_NAMES].sort()).toEqual(Object.keys(WORLD_PRESETS).sort());
	});
});

describe('scenarios: what a trainee sees', () => {
	it('the brief has the task and questions with placeholders filled, and no answers, reference or checks', async () => {
		const text = VALID.replace('    kind: money\n', '    kind: choice\n    options: ["Five dollars", "Ten dollars"]\n').replace('answer: "5.00"', 'answer: Five dollars');
		await put('scenarios/pay-fee.md', text);
		const { bundle, errors } = await loadContent(root);
		expect(errors).toEqual([]);
		const s = bundle.scenarios[0]!;
		const brief = scenarioBrief(s, { 'drawer.drawerId': 'DRW-<1>' });
		expect(brief).toEqual({
			id: 'pay-fee',
			title: 'Pay a fee',
			duty: 'cashiering',
			difficulty: 1,
			targetSeconds: 120,
			summary: 'Take a fee payment.',
			taskHtml: '<p>Take the fee at drawer DRW-&lt;1&gt;.</p>\n',
			questions: [{ id: 'change', kind: 'choice', promptHtml: '<p>How much change?</p>\n', options: ['Five dollars', 'Ten dollars'] }]
		});
		expect(JSON.stringify(brief)).not.toMatch(/reference|checks|100-0001|answer/);
		expect(scenarioDebrief(s, {})).toEqual({ debriefHtml: '<p>See <a href="/policy#check-rules">Check rules</a>.</p>\n', policy: ['check-rules'] });
	});
});

describe('scenarios: errors name the file line', () => {
	it('a missing or unknown body section', async () => {
		const noDebrief = VALID.replace(/## Debrief[\s\S]*$/, '');
		expect(await problems(noDebrief)).toEqual([`${noDebrief.split('\n').length}: missing the "## Debrief" section`]);
		const extra = VALID.replace('## Debrief', '## Notes\n\nx\n\n## Debrief');
		expect(await problems(extra)).toEqual([`${lineOf(extra, '## Notes')}: unknown section "## Notes": a scenario body has "## Task" and "## Debrief" only (use ### inside them)`]);
	});

	it('unknown kinds and keys', async () => {
		const text = VALID.replace('    kind: event', '    kind: events');
		expect(await problems(text)).toEqual([`${lineOf(text, 'kind: events')}: checks[0].kind: must be one of event, no-event, ledger, same-as-reference, state, approval-requested, answer, rubric`]);
		const key = VALID.replace('    critical: true', '    critical: true\n    colour: red');
		expect((await problems(key))[0]).toMatch(new RegExp(`^${lineOf(key, 'colour')}: checks\\[0\\]: unknown key "colour" \\(allowed keys: id, description, expected, weight, critical, kind, event, match, times\\)$`));
	});

	it('placeholders must name a step that ran before', async () => {
		const later = VALID.replace('ref: "100-0001", amount', 'ref: "{{pay.receiptNo}}", amount');
		expect(await problems(later)).toEqual([`${lineOf(later, '  - name: pay') + 1}: reference[0].command: {{pay.receiptNo}} names no setup or earlier reference step called "pay"`]);
		const inCheck = VALID.replace('match: { lines: [{ ref: "100-0001" }] }', 'match: { receiptNo: "{{pay.receiptNo}}" }');
		expect(await problems(inCheck)).toEqual([`${lineOf(inCheck, 'match:')}: checks[0].match: {{pay.receiptNo}} names no setup step called "pay"`]);
		const bad = VALID.replace('Take the fee at drawer {{drawer.drawerId}}.', 'Take the fee {{drawer}}.');
		expect((await problems(bad))[0]).toMatch(new RegExp(`^${lineOf(bad, 'Take the fee')}: \\{\\{drawer\\}\\} is not a placeholder`));
	});

	it('questions must be graded, answers must fit their kind', async () => {
		const ungraded = VALID.replace(/ {2}- id: change-answer[\s\S]*?question: change\n/, '');
		expect(await problems(ungraded)).toEqual([`${lineOf(ungraded, '  - id: change')}: questions[0].id: question "change" is never graded: add a check with kind: answer and question: change`]);
		const unquoted = VALID.replace('answer: "5.00"', 'answer: 5.5');
		expect(await problems(unquoted)).toEqual([`${lineOf(unquoted, 'answer: 5.5')}: questions[0].answer: must be an amount in quotes, like "19.18"`]);
		const choice = VALID.replace('    kind: money\n', '    kind: choice\n    options: [Five dollars, Ten dollars]\n').replace('answer: "5.00"', 'answer: Six dollars');
		expect(await problems(choice)).toEqual([`${lineOf(choice, 'answer: Six')}: questions[0].answer: must be the text of one of the options`]);
		const unknown = VALID.replace('    question: change', '    question: changes');
		expect(await problems(unknown)).toContain(`${lineOf(unknown, 'question: changes')}: checks[1].question: there is no question "changes"`);
	});

	it('at least one critical check; patterns and probes as documented', async () => {
		const noCritical = VALID.replace('    critical: true\n', '');
		expect(await problems(noCritical)).toEqual([`${lineOf(noCritical, 'checks:')}: checks: mark at least one check critical: true (the one an attempt must not get wrong)`]);
		const op = VALID.replace('match: { lines: [{ ref: "100-0001" }] }', 'match: { change: { $gt: "1.00" } }');
		expect(await problems(op)).toEqual([`${lineOf(op, '$gt')}: checks[0].match.change.$gt: unknown operator $gt (use $not, $in, $contains, $absent, $set)`]);
		const probe = VALID.replace('  - id: change-answer', '  - id: owes\n    kind: same-as-reference\n    description: Owes\n    probe: utility-balance\n    args: { acct: "100-0001" }\n  - id: change-answer');
		expect(await problems(probe)).toEqual([
			`${lineOf(probe, 'args: { acct')}: checks[1].args: probe utility-balance needs account (missing account)`,
			`${lineOf(probe, 'args: { acct')}: checks[1].args.acct: probe utility-balance takes account, not acct`
		]);
	});

	it('step names are unique and not built-in', async () => {
		const twice = VALID.replace('  - name: pay', '  - name: drawer');
		expect(await problems(twice)).toEqual([`${twice.split('\n').indexOf('  - name: drawer') + 1}: reference[0].name: "drawer" already names setup.steps[0]`]);
		const builtin = VALID.replace('  - name: pay', '  - name: today');
		expect(await problems(builtin)).toEqual([`${lineOf(builtin, '  - name: today')}: reference[0].name: "today" is a built-in placeholder; choose another name`]);
	});

	it('the cited policy sections must exist on the policy page', async () => {
		const text = VALID.replace('policy: [check-rules]', 'policy: [check-rules, postmark-rule, grace-period]');
		expect(await problems(text)).toEqual([
			`${lineOf(text, 'policy:')}: policy[2]: the policy page has no section "grace-period" (section ids are its headings in lowercase with hyphens, like postmark-rule)`
		]);
	});

	it('worlds the server cannot build, and dates that are not dates', async () => {
		const text = VALID.replace('setup:\n', 'setup:\n  world: { seed: tracy, preset: town }\n  date: 2026-02-30\n');
		expect(await problems(text)).toEqual([
			`${lineOf(text, 'preset: town')}: setup.world.preset: must be one of city, small`,
			`${lineOf(text, 'date: 2026-02-30')}: setup.date: must be a date written YYYY-MM-DD, like 2026-11-30`
		]);
	});
});
