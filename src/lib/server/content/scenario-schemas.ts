/**
 * Front matter of training scenarios (content/scenarios/), and the checks that need no engine:
 * sections of the body, unique ids, questions that are graded, probes with their arguments,
 * patterns, placeholders that name earlier steps, policy sections that exist.
 *
 * Whether the setup and the reference solution really run on the world — and whether the reference
 * scores 100% and doing nothing fails — needs the demo city, so it is checked by the engine pass
 * (src/lib/grading/content-scenarios.test.ts, scripts/scenario-check.ts), not here: content:check
 * stays fast. content/scenarios/README.md describes every field for authors; keep them in step.
 * Imports are relative (no $lib) so scripts run under tsx can use this module.
 */
import { z } from 'zod';
import { DUTY_IDS } from '../../duties';
import { DEFAULT_WORLD, PROBES, PROBE_NAMES, SCENARIO_LIMITS, WORLD_PRESET_NAMES, type ProbeName } from '../../grading/format';
import { patternProblems } from '../../grading/matcher';
import { PLACEHOLDER, RESERVED_NAMES, STEP_NAME, parseExpression, placeholdersIn } from '../../grading/placeholders';
import { APPROVAL_KINDS, QUESTION_KINDS, type Scenario, type ScenarioCheck, type ScenarioQuestion, type ScenarioStep } from '../../grading/types';
import type { ContentProblem } from './exam-schemas';
import { booleanField, idField, rule, textField, wholeNumber } from './fields';
import { renderContent } from './render';

const list = <T extends z.ZodType>(element: T, what: string, max: number) => {
	const r = rule(`a list of ${what}`);
	return z.array(element, r).max(max, { error: `must have at most ${max} ${what}` });
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;
function realDate(s: string): boolean {
	if (!DATE.test(s)) return false;
	const [y, m, d] = s.split('-').map(Number) as [number, number, number];
	const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
	return m >= 1 && m <= 12 && d >= 1 && d <= days[m - 1]!;
}

const dateField = () => {
	const r = rule('a date written YYYY-MM-DD, like 2026-11-30');
	return z.string(r).refine(realDate, r);
};

const difficultyField = () =>
	z
		.union([z.literal(1), z.literal(2), z.literal(3), z.enum(['easy', 'medium', 'hard'])], rule('easy, medium or hard (or 1, 2 or 3)'))
		.transform((v) => (typeof v === 'number' ? v : ({ easy: 1, medium: 2, hard: 3 } as const)[v]));

/** Text or a number written in YAML, as text (account numbers, GL codes, amounts typed without quotes). */
const scalarText = (what: string) => {
	const r = rule(what);
	return z.union([z.string(), z.number()], r).transform((v) => String(v).trim());
};

const commandField = () => {
	const r = rule('an engine command: type (like cash.take-payment) and its fields');
	return z.looseObject({ type: z.string(r).regex(/^[a-z]+\.[a-z-]+$/, r) }, r);
};

const stepName = () => {
	const r = rule('a name starting with a lowercase letter, then letters and digits, like "drawer" or "payment1"');
	return z.string(r).regex(STEP_NAME, r);
};

const setupStep = z.strictObject(
	{ name: stepName().optional(), as: z.enum(['system', 'trainee', 'supervisor'], rule('system, trainee or supervisor')).default('system'), command: commandField() },
	rule('a step with a command (and optionally name and as)')
);

const referenceStep = z.strictObject({ name: stepName().optional(), command: commandField() }, rule('a step with a command (and optionally a name)'));

const MONEY = /^-?\d{1,12}(?:\.\d{1,2})?$/;
const DECIMAL = /^-?\d{1,15}(?:\.\d{1,12})?$/;
const hasPlaceholder = (s: string) => s.includes('{{');

const answerOf = (test: RegExp | ((s: string) => boolean), what: string) => {
	const r = rule(what);
	const ok = (s: string) => hasPlaceholder(s) || (typeof test === 'function' ? test(s) : test.test(s));
	return z.union([z.string(), z.number()], r).transform((v, ctx) => {
		const text = typeof v === 'number' ? (Number.isSafeInteger(v) ? String(v) : '') : v.trim();
		if (!ok(text)) {
			ctx.addIssue({ code: 'custom', input: v, message: `must be ${what}` });
			return z.NEVER;
		}
		return text;
	});
};

const questionCommon = { id: idField(), prompt: textField(2_000) };

const questionSchema = z.discriminatedUnion(
	'kind',
	[
		z.strictObject({ ...questionCommon, kind: z.literal('choice'), options: list(textField(300), 'options', 8).min(2, { error: 'must have at least 2 options' }), answer: textField(300) }),
		z.strictObject({ ...questionCommon, kind: z.literal('money'), answer: answerOf(MONEY, 'an amount in quotes, like "19.18"') }),
		z.strictObject({ ...questionCommon, kind: z.literal('date'), answer: answerOf(realDate, 'a date written YYYY-MM-DD, like 2026-11-26') }),
		z.strictObject({
			...questionCommon,
			kind: z.literal('number'),
			answer: answerOf(DECIMAL, 'a number, like 12 or "12.5"'),
			tolerance: answerOf(/^\d{1,9}(?:\.\d{1,12})?$/, 'a number of 0 or more, like "0.5"').default('0'),
			unit: textField(20).optional()
		}),
		z.strictObject({ ...questionCommon, kind: z.literal('text'), answer: textField(300), accept: list(textField(300), 'other accepted answers', 20).default([]) })
	],
	{ error: (issue) => ((issue.input as { kind?: unknown } | undefined)?.kind === undefined ? 'is required' : `must be one of ${QUESTION_KINDS.join(', ')}`) }
);

const checkCommon = {
	id: idField(),
	description: textField(200),
	expected: textField(400).optional(),
	weight: wholeNumber(SCENARIO_LIMITS.weight[0], SCENARIO_LIMITS.weight[1]).default(1),
	critical: booleanField().default(false)
};

const eventType = (wildcard: boolean) => {
	const r = rule(wildcard ? 'an event type like cash.payment-taken, or a module like utility.*' : 'an event type like cash.payment-taken');
	return z.string(r).regex(wildcard ? /^[a-z]+\.(?:[a-z-]+|\*)$/ : /^[a-z]+\.[a-z-]+$/, r);
};

const probeField = () => z.enum(PROBE_NAMES, rule(`one of ${PROBE_NAMES.join(', ')}`));
const argsField = () => z.record(z.string(), scalarText('text'), rule('the probe’s arguments, like { account: "100-0006" }'));
/** Any YAML value: a pattern is checked by patternProblems once parsed. */
const patternField = () => z.unknown();

const checkSchema = z.discriminatedUnion(
	'kind',
	[
		z.strictObject({ ...checkCommon, kind: z.literal('event'), event: eventType(false), match: patternField().optional(), times: wholeNumber(1, 20).optional() }),
		z.strictObject({
			...checkCommon,
			kind: z.literal('no-event'),
			event: z.union([eventType(true), list(eventType(true), 'event types', 20).min(1, { error: 'must list at least one event type' })], rule('an event type or a list of them')),
			match: patternField().optional()
		}),
		z.strictObject({ ...checkCommon, kind: z.literal('ledger'), accounts: list(scalarText('a GL account like "1010"').refine((s) => /^\d{4}$/.test(s), rule('a GL account like "1010"')), 'GL accounts', 30).optional() }),
		z.strictObject({ ...checkCommon, kind: z.literal('same-as-reference'), probe: probeField(), args: argsField() }),
		z.strictObject({ ...checkCommon, kind: z.literal('state'), probe: probeField(), args: argsField(), equals: patternField() }),
		z.strictObject({ ...checkCommon, kind: z.literal('approval-requested'), approval: z.enum(APPROVAL_KINDS, rule(`one of ${APPROVAL_KINDS.join(', ')}`)), match: patternField().optional() }),
		z.strictObject({ ...checkCommon, kind: z.literal('answer'), question: idField() }),
		z.strictObject({
			...checkCommon,
			kind: z.literal('rubric'),
			criteria: list(z.strictObject({ criterion: textField(300), points: wholeNumber(1, 100) }, rule('a criterion with points')), 'criteria', SCENARIO_LIMITS.rubricCriteria).min(1, {
				error: 'must list at least one criterion'
			}),
			passPoints: wholeNumber(0, 1000).optional()
		})
	],
	{ error: (issue) => ((issue.input as { kind?: unknown } | undefined)?.kind === undefined ? 'is required' : 'must be one of event, no-event, ledger, same-as-reference, state, approval-requested, answer, rubric') }
);

export const scenarioSchema = z.strictObject({
	id: idField(),
	title: textField(120),
	duty: z.enum(DUTY_IDS, rule(`one of ${DUTY_IDS.join(', ')}`)),
	difficulty: difficultyField(),
	targetSeconds: wholeNumber(SCENARIO_LIMITS.targetSeconds[0], SCENARIO_LIMITS.targetSeconds[1]),
	summary: textField(200),
	order: wholeNumber(0, 1000).default(0),
	policy: list(idField(), 'policy page section ids, like [postmark-rule]', 10).min(1, { error: 'must cite at least one policy section' }),
	setup: z
		.strictObject(
			{
				world: z
					.strictObject({ seed: textField(60), preset: z.enum(WORLD_PRESET_NAMES, rule(`one of ${WORLD_PRESET_NAMES.join(', ')}`)) }, rule('a world: seed and preset'))
					.default({ ...DEFAULT_WORLD }),
				date: dateField().optional(),
				steps: list(setupStep, 'steps', SCENARIO_LIMITS.steps).default([])
			},
			rule('the setup: world, date and steps (all optional)')
		)
		.default({ world: { ...DEFAULT_WORLD }, steps: [] }),
	questions: list(questionSchema, 'questions', SCENARIO_LIMITS.questions).default([]),
	reference: list(referenceStep, 'steps', SCENARIO_LIMITS.steps),
	checks: list(checkSchema, 'checks', SCENARIO_LIMITS.checks).min(1, { error: 'must have at least one check' })
});

/** A scenario as the app has it: the graded data plus its rendered task and debrief. */
export type ScenarioContent = Scenario & {
	taskHtml: string;
	debriefHtml: string;
	/** Each question's prompt rendered, by question id. */
	promptHtml: Record<string, string>;
	file: string;
	/** The markdown body as written, so problems found later can name its lines. */
	body: string;
};

type Sections = { task: string; debrief: string; taskLine: number; debriefLine: number; problems: ContentProblem[] };

/** Split the body into its "## Task" and "## Debrief" sections (1-based body lines kept for errors). */
export function bodySections(body: string): Sections {
	const lines = body.split(/\r?\n/);
	const found: { name: string; line: number }[] = [];
	let fence = false;
	lines.forEach((text, i) => {
		if (/^\s*(```|~~~)/.test(text)) fence = !fence;
		const m = fence ? null : /^##\s+(.+?)\s*#*\s*$/.exec(text);
		if (m) found.push({ name: m[1]!.trim(), line: i + 1 });
	});
	const problems: ContentProblem[] = [];
	const firstHeading = found[0]?.line ?? lines.length + 1;
	const before = lines.slice(0, firstHeading - 1).findIndex((l) => l.trim() !== '');
	if (before >= 0) problems.push({ bodyLine: before + 1, message: 'text before the first section: start the body with "## Task"' });
	const text = (k: number) => lines.slice(found[k]!.line, (found[k + 1]?.line ?? lines.length + 1) - 1).join('\n').trim();
	const sections: Record<'task' | 'debrief', { text: string; line: number } | undefined> = { task: undefined, debrief: undefined };
	found.forEach((h, k) => {
		const key = h.name.toLowerCase();
		if (key !== 'task' && key !== 'debrief') {
			problems.push({ bodyLine: h.line, message: `unknown section "## ${h.name}": a scenario body has "## Task" and "## Debrief" only (use ### inside them)` });
		} else if (sections[key]) {
			problems.push({ bodyLine: h.line, message: `"## ${h.name}" appears twice` });
		} else {
			sections[key] = { text: text(k), line: h.line };
			if (!sections[key].text) problems.push({ bodyLine: h.line, message: `the "## ${h.name}" section is empty` });
		}
	});
	for (const key of ['task', 'debrief'] as const) {
		if (!sections[key]) problems.push({ bodyLine: Math.max(1, lines.length), message: `missing the "## ${key === 'task' ? 'Task' : 'Debrief'}" section` });
	}
	return { task: sections.task?.text ?? '', debrief: sections.debrief?.text ?? '', taskLine: sections.task?.line ?? 1, debriefLine: sections.debrief?.line ?? 1, problems };
}

type ScenarioData = z.output<typeof scenarioSchema>;

export function buildScenario(data: ScenarioData, body: string, file: string): ScenarioContent {
	const { task, debrief } = bodySections(body);
	const setup = { world: data.setup.world, steps: data.setup.steps as ScenarioStep[], ...(data.setup.date ? { date: data.setup.date } : {}) };
	const reference: ScenarioStep[] = data.reference.map((s) => ({ ...s, as: 'trainee' as const }));
	const checks = data.checks.map((c): ScenarioCheck => {
		if (c.kind === 'no-event') {
			const { event, ...rest } = c;
			return { ...rest, events: typeof event === 'string' ? [event] : event };
		}
		if (c.kind === 'rubric') {
			const total = c.criteria.reduce((s, k) => s + k.points, 0);
			// By default a rubric check passes at 70% of its points, rounded up.
			return { ...c, passPoints: c.passPoints ?? Math.ceil((total * 7) / 10) };
		}
		return c as ScenarioCheck;
	});
	return {
		...data,
		difficulty: data.difficulty as 1 | 2 | 3,
		setup,
		questions: data.questions as ScenarioQuestion[],
		reference,
		checks,
		task,
		debrief,
		taskHtml: renderContent(task).html,
		debriefHtml: renderContent(debrief).html,
		promptHtml: Object.fromEntries(data.questions.map((q) => [q.id, renderContent(q.prompt).html])),
		file,
		body
	};
}

/** Checks across fields (see the module comment); every problem names its key path or body line. */
export function checkScenario(s: ScenarioContent): ContentProblem[] {
	const problems: ContentProblem[] = [...bodySections(s.body).problems];
	const add = (path: (string | number)[], message: string) => problems.push({ path, message });

	// Names of steps: one namespace for setup and reference, none reserved.
	const names = new Map<string, string>();
	const nameStep = (step: ScenarioStep, path: (string | number)[]) => {
		if (!step.name) return;
		if ((RESERVED_NAMES as readonly string[]).includes(step.name)) add([...path, 'name'], `"${step.name}" is a built-in placeholder; choose another name`);
		else if (names.has(step.name)) add([...path, 'name'], `"${step.name}" already names ${names.get(step.name)}`);
		else names.set(step.name, path.join('.').replace(/\.(\d+)/g, '[$1]'));
	};

	// Placeholders may only name steps that ran before them.
	const checkRefs = (value: unknown, path: (string | number)[], known: readonly string[], where: string) => {
		for (const expr of placeholdersIn(value)) {
			const parsed = parseExpression(expr);
			if (!parsed.ok) add(path, parsed.message);
			else if (parsed.value.kind === 'step' && !known.includes(parsed.value.name)) {
				add(path, `{{${expr}}} names no ${where} step called "${parsed.value.name}"`);
			}
		}
	};

	const setupNames: string[] = [];
	s.setup.steps.forEach((step, i) => {
		checkRefs(step.command, ['setup', 'steps', i, 'command'], setupNames, 'earlier setup');
		nameStep(step, ['setup', 'steps', i]);
		if (step.name) setupNames.push(step.name);
	});
	const referenceNames = [...setupNames];
	s.reference.forEach((step, i) => {
		checkRefs(step.command, ['reference', i, 'command'], referenceNames, 'setup or earlier reference');
		nameStep(step, ['reference', i]);
		if (step.name) referenceNames.push(step.name);
	});
	const questionIds = new Set<string>();
	s.questions.forEach((q, i) => {
		if (questionIds.has(q.id)) add(['questions', i, 'id'], `question id "${q.id}" is used twice`);
		questionIds.add(q.id);
		checkRefs(q.prompt, ['questions', i, 'prompt'], setupNames, 'setup');
		checkRefs(q.answer, ['questions', i, 'answer'], setupNames, 'setup');
		if (q.kind === 'choice') {
			const options = q.options.map((o) => o.trim().toLowerCase());
			if (new Set(options).size !== options.length) add(['questions', i, 'options'], 'two options are the same');
			if (!hasPlaceholder(q.answer) && !options.includes(q.answer.trim().toLowerCase())) add(['questions', i, 'answer'], 'must be the text of one of the options');
		}
	});

	const checkIds = new Set<string>();
	const graded = new Set<string>();
	s.checks.forEach((c, i) => {
		const at = (...p: (string | number)[]) => ['checks', i, ...p];
		if (checkIds.has(c.id)) add(at('id'), `check id "${c.id}" is used twice`);
		checkIds.add(c.id);
		checkRefs(c.description, at('description'), setupNames, 'setup');
		if (c.expected) checkRefs(c.expected, at('expected'), setupNames, 'setup');
		if ('match' in c && c.match !== undefined) {
			for (const p of patternProblems(c.match)) add(at('match', ...p.path), p.message);
			checkRefs(c.match, at('match'), setupNames, 'setup');
		}
		if (c.kind === 'state') {
			if (c.equals === undefined || c.equals === null) add(at('equals'), 'is required: the value the probe must show');
			for (const p of patternProblems(c.equals)) add(at('equals', ...p.path), p.message);
			checkRefs(c.equals, at('equals'), setupNames, 'setup');
		}
		if (c.kind === 'same-as-reference' || c.kind === 'state') {
			const wanted: readonly string[] = PROBES[c.probe as ProbeName].args;
			for (const k of wanted) if (!(k in c.args)) add(at('args'), `probe ${c.probe} needs ${wanted.join(' and ')} (missing ${k})`);
			for (const k of Object.keys(c.args)) if (!wanted.includes(k)) add(at('args', k), `probe ${c.probe} takes ${wanted.join(' and ')}, not ${k}`);
			checkRefs(c.args, at('args'), setupNames, 'setup');
		}
		if (c.kind === 'answer') {
			if (!questionIds.has(c.question)) add(at('question'), `there is no question "${c.question}"`);
			graded.add(c.question);
		}
		if (c.kind === 'rubric') {
			const total = c.criteria.reduce((sum, k) => sum + k.points, 0);
			if (c.passPoints > total) add(at('passPoints'), `must be at most the rubric's ${total} points`);
		}
	});
	s.questions.forEach((q, i) => {
		if (!graded.has(q.id)) add(['questions', i, 'id'], `question "${q.id}" is never graded: add a check with kind: answer and question: ${q.id}`);
	});
	if (!s.checks.some((c) => c.critical)) add(['checks'], 'mark at least one check critical: true (the one an attempt must not get wrong)');

	// Placeholders in the task and debrief are filled in for the trainee: setup steps only.
	s.body.split(/\r?\n/).forEach((line, i) => {
		for (const m of line.matchAll(PLACEHOLDER)) {
			const parsed = parseExpression(m[1]!);
			if (!parsed.ok) problems.push({ bodyLine: i + 1, message: parsed.message });
			else if (parsed.value.kind === 'step' && !setupNames.includes(parsed.value.name)) problems.push({ bodyLine: i + 1, message: `{{${m[1]!.trim()}}} names no setup step called "${parsed.value.name}"` });
		}
	});
	return problems;
}

/** The policy sections cited must be headings of the policy page (content/pages/policy.md). */
export function checkScenarioPolicy(s: ScenarioContent, pages: readonly { id: string; headings?: readonly { id: string }[] }[]): ContentProblem[] {
	const policy = pages.find((p) => p.id === 'policy');
	if (!policy) return [{ path: ['policy'], message: 'there is no policy page (content/pages/policy.md) to cite' }];
	const ids = new Set((policy.headings ?? []).map((h) => h.id));
	return s.policy.flatMap((id, i) => (ids.has(id) ? [] : [{ path: ['policy', i], message: `the policy page has no section "${id}" (section ids are its headings in lowercase with hyphens, like postmark-rule)` }]));
}
