import type { DomainEvent } from '$lib/domain/model';
import { answerIsRight, fillText, type ScenarioQuestion } from '$lib/grading';
import { parseExpression, PlaceholderError, readPath, resolvePlaceholders, type Lookup } from '$lib/grading/placeholders';
import type { SessionUser } from '../auth/types';
import { listUsers, toSessionUser } from '../auth/users';
import type { ScenarioContent } from '../content';
import type { Store } from '../store';
import { assignTrainee } from '../supervisor/cohorts';
import { findScenario, startAttempt, submitAttempt } from '../training/attempts';
import { reviewAttempt } from '../training/review';
import { takeDemoExams, type DemoExam } from './exams';
import { practiceSandbox, runCommand, sandboxes } from '../workstation/service';

/**
 * The living demo: weeks of training history for the demo supervisor's cohort, made by running
 * real scenarios through the real attempt code (start, the trainee's commands, submit and grade)
 * with the clock set to past dates. The trainees' commands are the scenario's reference solution,
 * sometimes with a realistic slip (a keyed amount off, a step forgotten, a question answered
 * wrong) and with varied timings, so every figure the supervisor sees is a real grade.
 */

type Slip = 'none' | 'amount' | 'skip-last' | 'answer' | 'nothing';
/** One attempt of the script: which scenario, how many days before today, the slip and the time taken as a share of the target (100 = on target). */
type Planned = { scenario: string; daysAgo: number; slip: Slip; pace: number; letter?: 'good' | 'weak' };

const MARIA: Planned[] = [
	{ scenario: 'check-payment-counter', daysAgo: 25, slip: 'answer', pace: 120 },
	{ scenario: 'card-payment-counter', daysAgo: 21, slip: 'none', pace: 80 },
	{ scenario: 'cash-payment-with-change', daysAgo: 18, slip: 'none', pace: 70 },
	{ scenario: 'adjustment-within-authority', daysAgo: 13, slip: 'none', pace: 95 },
	{ scenario: 'penalty-waiver-allowed', daysAgo: 11, slip: 'none', pace: 85 },
	{ scenario: 'letter-to-customer', daysAgo: 3, slip: 'none', pace: 80, letter: 'good' }
];

const JAMES: Planned[] = [
	{ scenario: 'cash-payment-with-change', daysAgo: 27, slip: 'amount', pace: 60 },
	{ scenario: 'adjustment-within-authority', daysAgo: 15, slip: 'nothing', pace: 40 },
	{ scenario: 'penalty-waiver-allowed', daysAgo: 12, slip: 'skip-last', pace: 70 },
	{ scenario: 'check-payment-counter', daysAgo: 8, slip: 'none', pace: 65 },
	{ scenario: 'cash-payment-with-change', daysAgo: 1, slip: 'amount', pace: 50 }
];

const LIN: Planned[] = [
	{ scenario: 'cash-payment-with-change', daysAgo: 20, slip: 'none', pace: 210 },
	{ scenario: 'check-payment-counter', daysAgo: 19, slip: 'none', pace: 180 },
	{ scenario: 'ar-invoice-payment', daysAgo: 10, slip: 'none', pace: 140 },
	{ scenario: 'account-inquiry', daysAgo: 6, slip: 'answer', pace: 150 },
	{ scenario: 'letter-to-customer', daysAgo: 1, slip: 'none', pace: 120, letter: 'weak' }
];

const PLANS: Record<string, Planned[]> = { trainee: MARIA, trainee2: JAMES, trainee3: LIN };

/**
 * Practice exams each trainee took, and the share of questions they knew. Not Maria's: the exam
 * pages' own end-to-end tests sign in as her and expect a clean exam history.
 */
const EXAMS: Record<string, DemoExam[]> = {
	trainee2: [{ daysAgo: 18, knows: 55 }],
	trainee3: [
		{ daysAgo: 16, knows: 65 },
		{ daysAgo: 4, knows: 85 }
	]
};

const GOOD_LETTER = `November 26, 2026

Mr. Jason Ruiz
1078 MacArthur Dr
Tracy, CA 95376

Dear Mr. Ruiz,

Thank you for your letter and for your payment. I am sorry, but we cannot waive the $97.43 late penalty on account 100-0608.

The city can waive a late penalty only when the account has had no other late payment in the 12 months before. Your bill dated August 5, 2026 was also paid after its delinquent date, and a $99.65 penalty was charged on August 27. The penalty on the bill dated October 5 therefore stays. Your account is now paid in full.

To avoid a penalty, please pay each bill by the delinquent date printed on it, 21 days after the bill date. A payment you mail counts by its postmark.

If you have any questions, please call me at 209-831-6800.

Sincerely,

Maria Delgado
Account Clerk, City of Tracy Finance Department`;

const WEAK_LETTER = `Dear customer,

Your request for a waiver is denied per policy (reason code WV-12). The penalty stays on the account.

Finance`;

/** A steady sequence for the script's small variations (same demo every time). */
function sequence(seed: number): () => number {
	let s = seed >>> 0;
	return () => {
		s = (s * 1664525 + 1013904223) >>> 0;
		return s / 2 ** 32;
	};
}

/** Placeholders for the trainee's commands: the attempt's stored values, then what earlier commands produced. */
function lookupFor(known: Record<string, unknown>, named: Map<string, DomainEvent[]>): Lookup {
	return (expr) => {
		if (Object.prototype.hasOwnProperty.call(known, expr)) return { ok: true, value: known[expr] };
		const parsed = parseExpression(expr);
		if (parsed.ok && parsed.value.kind === 'step') {
			const events = named.get(parsed.value.name) ?? [];
			for (const e of events) {
				const value = readPath(e, parsed.value.path);
				if (value !== undefined) return { ok: true, value };
			}
		}
		return { ok: false, message: `{{${expr}}} is not known` };
	};
}

/** A keyed amount off by a slip of the fingers: two digits swapped, or ten dollars out. */
function slippedAmount(amount: string): string {
	const [dollars, cents] = amount.split('.');
	if (dollars && dollars.length >= 3 && dollars[1] !== dollars[2]) return `${dollars[0]}${dollars[2]}${dollars[1]}${dollars.slice(3)}.${cents}`;
	const n = BigInt(dollars ?? '0');
	return `${n >= 20n ? n - 10n : n + 10n}.${cents ?? '00'}`;
}

/** The first money field of a command (a payment line, or an adjustment's amount) keyed wrong; null when it has none. */
function withSlippedAmount(command: Record<string, unknown>): Record<string, unknown> | null {
	const copy = structuredClone(command);
	const lines = copy.lines as Array<Record<string, unknown>> | undefined;
	if (Array.isArray(lines) && typeof lines[0]?.amount === 'string') {
		lines[0].amount = slippedAmount(lines[0].amount);
		return copy;
	}
	if (typeof copy.amount === 'string') {
		copy.amount = slippedAmount(copy.amount);
		return copy;
	}
	const inner = copy.command as Record<string, unknown> | undefined;
	if (inner && typeof inner.amount === 'string') {
		inner.amount = slippedAmount(inner.amount);
		return copy;
	}
	return null;
}

function rightAnswer(q: ScenarioQuestion, placeholders: Record<string, unknown>): string {
	return fillText(q.answer, placeholders);
}

/** A plausible wrong answer: another option, or a figure a little off. */
function wrongAnswer(q: ScenarioQuestion, placeholders: Record<string, unknown>): string {
	const right = rightAnswer(q, placeholders);
	switch (q.kind) {
		case 'choice':
			return q.options.map((o) => fillText(o, placeholders)).find((o) => o !== right) ?? right;
		case 'money': {
			const wrong = slippedAmount(right.replace(/[$,]/g, ''));
			return answerIsRight(q, right, wrong) ? '0.00' : wrong;
		}
		case 'date':
			return right.replace(/-(\d\d)$/, (_, d: string) => `-${String(((Number(d) + 2) % 28) + 1).padStart(2, '0')}`);
		case 'number':
			return String(Number(right) + 5);
		case 'text':
			return 'Not sure';
	}
}

/** Run one planned attempt through the real attempt code. */
async function runPlanned(user: SessionUser, plan: Planned, scenario: ScenarioContent, startMs: number, store: Store): Promise<{ id: string; sandboxId: string }> {
	const attempt = await startAttempt(user, scenario.id, () => new Date(startMs), store);
	const elapsedMs = Math.round((scenario.targetSeconds * plan.pace) / 100) * 1000;
	const steps = plan.slip === 'nothing' ? [] : plan.slip === 'skip-last' && scenario.reference.length > 1 ? scenario.reference.slice(0, -1) : scenario.reference;
	const named = new Map<string, DomainEvent[]>();
	const lookup = lookupFor(attempt.placeholders, named);
	let slipped = plan.slip !== 'amount';
	for (let i = 0; i < steps.length; i++) {
		const step = steps[i]!;
		let command: Record<string, unknown>;
		try {
			command = resolvePlaceholders(step.command, lookup) as Record<string, unknown>;
		} catch (err) {
			if (err instanceof PlaceholderError) break; // an earlier step did not run: the trainee stops here
			throw err;
		}
		if (!slipped) {
			const wrong = withSlippedAmount(command);
			if (wrong) {
				command = wrong;
				slipped = true;
			}
		}
		// Commands spread over the attempt's time, as a trainee's clicks would be.
		const at = new Date(startMs + Math.round((elapsedMs * (i + 1)) / (steps.length + 1)));
		const outcome = await runCommand(attempt.sandboxId, user, command as { type: string }, at, store);
		if (outcome.ok && step.name) named.set(step.name, outcome.events as DomainEvent[]);
	}
	const answers: Record<string, string> = {};
	scenario.questions.forEach((q, i) => {
		answers[q.id] = plan.slip === 'answer' && i === 0 ? wrongAnswer(q, attempt.placeholders) : rightAnswer(q, attempt.placeholders);
	});
	const written: Record<string, string> = {};
	for (const c of scenario.checks) if (c.kind === 'rubric') written[c.id] = plan.letter === 'weak' ? WEAK_LETTER : GOOD_LETTER.replace('Maria Delgado', user.displayName);
	await submitAttempt(user, attempt.id, { answers, written }, new Date(startMs + elapsedMs), store);
	return { id: attempt.id, sandboxId: attempt.sandboxId };
}

export type DemoHistory = { attempts: number; ms: number };

/**
 * Give the demo supervisor the cohort trainee, trainee2, trainee3 with about four weeks of
 * attempts and a few practice exams; Maria's letter scored, Lin's waiting for grading; and an adjustment over James's
 * authority waiting in the approval queue from his practice sandbox.
 */
export async function createDemoHistory(store: Store, now: Date): Promise<DemoHistory> {
	const started = performance.now();
	const users = await listUsers(store);
	const byName = (u: string) => users.find((x) => x.username === u);
	const supervisor = byName('supervisor');
	if (!supervisor) return { attempts: 0, ms: 0 };
	const boss = toSessionUser(supervisor);
	const rand = sequence(20261126);
	const scenarios = new Map<string, ScenarioContent>();
	// Decide every attempt's moment first (the same demo every time), then run each trainee's in order.
	const chains: { user: SessionUser; jobs: { plan: Planned; scenario: ScenarioContent; startMs: number }[] }[] = [];
	for (const [username, plans] of Object.entries(PLANS)) {
		const record = byName(username);
		if (!record) continue;
		const user = toSessionUser(record);
		await assignTrainee(boss, user.id, boss.id, new Date(now.getTime() - 28 * 86_400_000), store);
		const jobs = [];
		for (const plan of plans) {
			let scenario = scenarios.get(plan.scenario);
			if (!scenario) {
				scenario = await findScenario(plan.scenario);
				if (!scenario) continue;
				scenarios.set(plan.scenario, scenario);
			}
			// Working hours, Pacific time: 9 a.m. to 3 p.m. on the day, give or take.
			const day = new Date(now.getTime() - plan.daysAgo * 86_400_000);
			const startMs = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 17 + Math.floor(rand() * 6), Math.floor(rand() * 60), Math.floor(rand() * 60));
			jobs.push({ plan, scenario, startMs: Math.min(startMs, now.getTime() - 3_600_000) });
		}
		chains.push({ user, jobs });
	}
	// The three trainees' attempts run side by side: one waits on the disk while another computes.
	const counts = await Promise.all(
		chains.map(async ({ user, jobs }) => {
			for (const { plan, scenario, startMs } of jobs) {
				const id = await runPlanned(user, plan, scenario, startMs, store);
				if (plan.letter === 'good') await reviewAttempt(boss, id.id, 'letter', { points: [2, 3, 2, 1, 1], comment: 'A clear, kind letter. Next time add the counter’s phone number under your name.' }, new Date(startMs + 86_400_000), store);
				// A submitted attempt is closed: keeping dozens of copies of the city in memory only makes garbage collection slow.
				sandboxes(store).forget(id.sandboxId);
			}
			return jobs.length;
		})
	);
	let seed = 1;
	for (const [username, exams] of Object.entries(EXAMS)) {
		const record = byName(username);
		if (!record) continue;
		try {
			await takeDemoExams(store, record.id, exams, now, seed++);
		} catch (err) {
			// Practice exams are a garnish on the demo: never let them stop a server from starting.
			console.warn(`Demo practice exams for ${username} were left out: ${(err as Error).message}`);
		}
	}
	await requestOverAuthority(byName('trainee2') && toSessionUser(byName('trainee2')!), new Date(now.getTime() - 2 * 3_600_000), store);
	return { attempts: counts.reduce((a, b) => a + b, 0), ms: Math.round(performance.now() - started) };
}

/** James asks for a $57.58 billing-error credit in practice: over the $50.00 limit, so it waits for a supervisor. */
async function requestOverAuthority(user: SessionUser | undefined, at: Date, store: Store): Promise<void> {
	if (!user) return;
	const sandbox = await practiceSandbox(user, at, store);
	const outcome = await runCommand(
		sandbox.id,
		user,
		{
			type: 'approval.request',
			note: 'Customer exchanged the 96-gal cart for a 35-gal on 9/1 (Solid Waste memo); September and October were billed at 96 gallons.',
			command: { type: 'utility.adjust', account: '100-0022', reason: 'billing-error', service: 'solid-waste', amount: '57.58', note: 'Cart exchanged 96-gal to 35-gal on 9/1; 2 months billed at 96-gal.' }
		},
		at,
		store
	);
	if (!outcome.ok) throw new Error(`Demo approval request was refused: ${outcome.rejection.message}`);
}
