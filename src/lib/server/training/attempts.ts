import { randomBytes } from 'node:crypto';
import { gradeAttempt, prepareAttempt, runReference, startState, type Placeholders, type RubricReview, type ScenarioGrade } from '$lib/grading';
import type { Actor } from '$lib/domain/model';
import type { SessionUser } from '../auth/types';
import { getContent, type ScenarioContent } from '../content';
import { getStore, type Store } from '../store';
import { KeyedMutex } from '../store/keyed-mutex';
import { actorFor, sandboxes } from '../workstation/service';

/**
 * Scenario attempts: each runs in a sandbox of its own (kind 'attempt') made from the scenario's
 * world with its setup already applied. The server keeps the clock (started → submitted), grades
 * on submit with the pure grader, then closes the sandbox. The sandbox's event log is the record
 * of what the trainee did; the attempt record holds the rest (answers, written work, grade).
 */

export type AttemptRecord = {
	id: string;
	userId: string;
	/** Who did it, as the engine knows them: the reference solution runs as this actor. */
	trainee: Actor;
	scenarioId: string;
	duty: string;
	sandboxId: string;
	/** The sandbox's first events are the scenario's setup; the trainee's own start after these. */
	setupEventCount: number;
	placeholders: Placeholders;
	startedAt: string;
	submittedAt: string | null;
	/** Answers to the scenario's questions by question id, as typed. */
	answers: Record<string, string>;
	/** Written work (a letter) by rubric check id, for a supervisor to score. */
	written: Record<string, string>;
	reviews: Record<string, RubricReview>;
	grade: ScenarioGrade | null;
};

/** What progress, mastery and dashboards read: one line per attempt, kept in the user's index. */
export type AttemptSummary = {
	id: string;
	scenarioId: string;
	duty: string;
	startedAt: string;
	submittedAt: string | null;
	status: ScenarioGrade['status'] | 'in-progress';
	accuracy: number | null;
	speed: number | null;
	overall: number | null;
	elapsedSeconds: number | null;
	targetSeconds: number;
};

type UserIndex = { attempts: AttemptSummary[] };

/** Longest answer kept for one question, and for one piece of written work. */
export const MAX_ANSWER_CHARS = 500;
export const MAX_WRITTEN_CHARS = 20_000;

export const attemptKey = (id: string) => `training/attempts/${id}`;
const indexKey = (userId: string) => `training/users/${userId}`;
const submitMutex = new KeyedMutex();

/** A problem the trainee can fix (or a missing attempt): shown as the message, nothing changed. */
export class AttemptError extends Error {
	constructor(
		message: string,
		readonly status: 400 | 404 | 409
	) {
		super(message);
		this.name = 'AttemptError';
	}
}

export async function findScenario(id: string): Promise<ScenarioContent | undefined> {
	return (await getContent()).scenarios.find((s) => s.id === id);
}

function summaryOf(a: AttemptRecord, targetSeconds: number): AttemptSummary {
	return {
		id: a.id,
		scenarioId: a.scenarioId,
		duty: a.duty,
		startedAt: a.startedAt,
		submittedAt: a.submittedAt,
		status: a.grade ? a.grade.status : 'in-progress',
		accuracy: a.grade?.accuracy ?? null,
		speed: a.grade?.speed ?? null,
		overall: a.grade?.overall ?? null,
		elapsedSeconds: a.grade?.elapsedSeconds ?? null,
		targetSeconds
	};
}

/** Write the attempt's line in its user's index (exported for re-grading after a supervisor's review). */
export async function saveSummary(store: Store, a: AttemptRecord, targetSeconds: number): Promise<void> {
	const line = summaryOf(a, targetSeconds);
	await store.update<UserIndex>(indexKey(a.userId), () => ({ attempts: [] }), (index) => {
		const at = index.attempts.findIndex((x) => x.id === a.id);
		if (at >= 0) index.attempts[at] = line;
		else index.attempts.push(line);
	});
}

/** Start a fresh attempt: a new sandbox with the scenario's setup applied, and the server's clock running. */
export async function startAttempt(user: SessionUser, scenarioId: string, clock: () => Date = () => new Date(), store: Store = getStore()): Promise<AttemptRecord> {
	const scenario = await findScenario(scenarioId);
	if (!scenario) throw new AttemptError('There is no such scenario.', 404);
	const service = sandboxes(store);
	const trainee = actorFor(user);
	const prepared = prepareAttempt(service.world(scenario.setup.world), scenario, trainee, service.engine);
	const id = `att_${randomBytes(9).toString('base64url')}`;
	const meta = await service.create({ ownerId: user.id, kind: 'attempt', world: scenario.setup.world, label: scenario.title, ref: id }, clock(), prepared.events, prepared.state);
	const record: AttemptRecord = {
		id,
		userId: user.id,
		trainee,
		scenarioId: scenario.id,
		duty: scenario.duty,
		sandboxId: meta.id,
		setupEventCount: prepared.events.length,
		placeholders: prepared.placeholders,
		// The clock starts once the sandbox is ready, not while the world was being set up.
		startedAt: clock().toISOString(),
		submittedAt: null,
		answers: {},
		written: {},
		reviews: {},
		grade: null
	};
	await store.put(attemptKey(record.id), record);
	await saveSummary(store, record, scenario.targetSeconds);
	return record;
}

export async function getAttempt(id: string, store: Store = getStore()): Promise<AttemptRecord | undefined> {
	if (!/^att_[A-Za-z0-9_-]+$/.test(id)) return undefined;
	return (await store.get<AttemptRecord>(attemptKey(id))) as AttemptRecord | undefined;
}

export async function attemptsOf(userId: string, store: Store = getStore()): Promise<AttemptSummary[]> {
	return [...((await store.get<UserIndex>(indexKey(userId)))?.attempts ?? [])];
}

/** Answers and written work from the submit form: only the scenario's own, trimmed, within size. */
export function readSubmission(scenario: ScenarioContent, form: FormData): { answers: Record<string, string>; written: Record<string, string> } {
	const answers: Record<string, string> = {};
	for (const q of scenario.questions) {
		const value = form.get(`answer-${q.id}`);
		const text = typeof value === 'string' ? value.trim() : '';
		if (text.length > MAX_ANSWER_CHARS) throw new AttemptError(`Your answer to "${plain(q.prompt)}" is too long: keep it under ${MAX_ANSWER_CHARS} characters.`, 400);
		if (text) answers[q.id] = text;
	}
	const written: Record<string, string> = {};
	for (const c of scenario.checks) {
		if (c.kind !== 'rubric') continue;
		const value = form.get(`written-${c.id}`);
		const text = typeof value === 'string' ? value.trim() : '';
		if (text.length > MAX_WRITTEN_CHARS) throw new AttemptError(`Your ${c.description.toLowerCase()} is too long: keep it under ${MAX_WRITTEN_CHARS.toLocaleString('en-US')} characters.`, 400);
		if (text) written[c.id] = text;
	}
	return { answers, written };
}

function plain(markdown: string): string {
	const text = markdown.replace(/[*_`#>]/g, '').replace(/\s+/g, ' ').trim();
	return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/**
 * Submit: stop the clock, grade, close the sandbox. Submitting twice returns the first grade
 * (a double click or a resent form changes nothing).
 */
export async function submitAttempt(
	user: SessionUser,
	attemptId: string,
	submission: { answers: Record<string, string>; written: Record<string, string> },
	now: Date,
	store: Store = getStore()
): Promise<AttemptRecord> {
	return submitMutex.run(attemptId, async () => {
		const attempt = await getAttempt(attemptId, store);
		if (!attempt || attempt.userId !== user.id) throw new AttemptError('There is no such attempt, or it is not yours.', 404);
		if (attempt.submittedAt) return attempt;
		const scenario = await findScenario(attempt.scenarioId);
		if (!scenario) throw new AttemptError('This scenario has been withdrawn, so the attempt cannot be graded.', 409);
		const graded = await gradeFrom(attempt, scenario, submission, now, store);
		await store.put(attemptKey(graded.id), graded);
		await sandboxes(store).close(attempt.sandboxId, now);
		await saveSummary(store, graded, scenario.targetSeconds);
		return graded;
	});
}

async function gradeFrom(
	attempt: AttemptRecord,
	scenario: ScenarioContent,
	submission: { answers: Record<string, string>; written: Record<string, string> },
	now: Date,
	store: Store
): Promise<AttemptRecord> {
	const submittedAt = now.toISOString();
	const grade = await gradeInSandbox({ ...attempt, submittedAt, answers: submission.answers }, scenario, attempt.reviews, store);
	if (!grade) throw new AttemptError('The sandbox of this attempt is gone, so it cannot be graded.', 409);
	return { ...attempt, submittedAt, answers: submission.answers, written: submission.written, grade };
}

/**
 * Grade a submitted attempt from its sandbox (on submit, and again when a supervisor scores its
 * written work): the start state rebuilt from the world and the setup events, the reference run on
 * it, the trainee's events and live state compared. Undefined when the sandbox is gone.
 */
export async function gradeInSandbox(
	attempt: AttemptRecord & { submittedAt: string },
	scenario: ScenarioContent,
	reviews: Record<string, RubricReview>,
	store: Store = getStore()
): Promise<ScenarioGrade | undefined> {
	const service = sandboxes(store);
	const opened = await service.open(attempt.sandboxId);
	if (!opened) return undefined;
	// The start state is only needed to run the reference on, so it runs there, without another copy.
	const start = startState(service.world(opened.meta.world), opened.events.slice(0, attempt.setupEventCount), service.engine);
	const reference = runReference(scenario, start, attempt.trainee, attempt.placeholders, service.engine, true);
	return gradeAttempt({
		scenario,
		start,
		reference,
		trainee: attempt.trainee,
		events: opened.events.slice(attempt.setupEventCount),
		final: opened.state,
		answers: attempt.answers,
		elapsedMs: Math.max(0, Date.parse(attempt.submittedAt) - Date.parse(attempt.startedAt)),
		placeholders: attempt.placeholders,
		reviews,
		engine: service.engine
	});
}
