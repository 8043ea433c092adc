/**
 * The grader on a tiny hand-built world: each kind of check, each kind of mistake (wrong account,
 * wrong amount, wrong tender, extra posting, missing approval, wrong answer) caught and said in
 * words, rubric reviews, and the attempt setup. The real scenarios on the demo city are tested in
 * content-scenarios.test.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { cloneState } from '$lib/domain/clone';
import type { Actor, Command, DomainEvent, SandboxState } from '$lib/domain/model';
import { createClerkSystem } from '$lib/domain/system';
import { gradeAttempt } from './grade';
import { ScenarioRunError, prepareAttempt, runReference, startState, type AttemptStart } from './run';
import type { Scenario, ScenarioCheck, ScenarioGrade } from './types';

const engine = createClerkSystem();
const trainee: Actor = { id: 'u-trainee', name: 'Tina Trainee', supervisor: false };

function tinyWorld(): SandboxState {
	const state = engine.emptyState('2026-11-16');
	const r = engine.execute(state, { type: 'books.open-change-fund', amount: '1000.00' }, { actor: { id: 'sys', name: 'System', supervisor: false }, at: '2026-11-16T08:00:00.000Z' });
	if (!r.ok) throw new Error(r.rejection.message);
	return state;
}

const owner = (name: string, address: string) => ({
	type: 'utility.start-service',
	name,
	phone: '209-555-0101',
	mailingAddress: address,
	photoIdChecked: true,
	serviceAddress: address,
	class: 'residential',
	dwelling: 'single',
	meterSize: '3/4',
	cartSize: '35',
	occupancy: 'owner',
	proof: 'deed',
	startRead: 100
});

const base = (checks: ScenarioCheck[], extra: Partial<Scenario> = {}): Scenario => ({
	id: 'tiny',
	title: 'Tiny',
	duty: 'cashiering',
	difficulty: 1,
	targetSeconds: 120,
	summary: 'A tiny scenario.',
	order: 0,
	policy: ['check-rules'],
	setup: {
		world: { seed: 'tiny', preset: 'small' },
		steps: [
			{ name: 'drawer', as: 'trainee', command: { type: 'cash.open-drawer', counts: '{{standardFloat}}' } },
			{ name: 'ana', as: 'system', command: owner('Ana Ruiz', '10 Elm St') },
			{ name: 'bo', as: 'system', command: owner('Bo Chen', '12 Elm St') },
			{ name: 'fee', as: 'system', command: { type: 'utility.charge-fee', account: '{{ana.account.number}}', fee: 'nsf' } }
		]
	},
	questions: [],
	reference: [
		{ as: 'trainee', command: { type: 'cash.take-payment', lines: [{ kind: 'utility', ref: '{{ana.account.number}}', amount: '25.00' }], tenders: [{ type: 'cash', amount: '30.00' }] } }
	],
	checks,
	task: 'Ana Ruiz pays her fee ({{ana.account.number}}).',
	debrief: 'Right.',
	...extra
});

const common = { expected: undefined, weight: 1, critical: false } as const;
const paymentScenario = base(
	[
		{ ...common, id: 'paid', kind: 'event', description: 'Fee paid on {{ana.account.number}}', event: 'cash.payment-taken', match: { lines: [{ kind: 'utility', ref: '{{ana.account.number}}', amount: '25.00' }] }, times: 1, weight: 3, critical: true },
		{ ...common, id: 'cash', kind: 'event', description: 'Paid in cash', event: 'cash.payment-taken', match: { tenders: [{ type: 'cash' }] } },
		{ ...common, id: 'nothing-else', kind: 'no-event', description: 'Nothing done to utility accounts', events: ['utility.*'] },
		{ ...common, id: 'books', kind: 'ledger', description: 'Books', weight: 2 },
		{ ...common, id: 'owes', kind: 'same-as-reference', description: 'Owes nothing', probe: 'utility-balance', args: { account: '{{ana.account.number}}' }, weight: 2 },
		{ ...common, id: 'drawer-open', kind: 'state', description: 'Drawer still open', probe: 'drawer', args: { drawer: '{{drawer.drawerId}}' }, equals: { status: 'open' } },
		{ ...common, id: 'change', kind: 'answer', description: 'Change', question: 'change' },
		{ ...common, id: 'due', kind: 'answer', description: 'Due date', question: 'due' },
		{ ...common, id: 'tender', kind: 'answer', description: 'Tender', question: 'tender' },
		{ ...common, id: 'hcf', kind: 'answer', description: 'Use', question: 'hcf' },
		{ ...common, id: 'word', kind: 'answer', description: 'Word', question: 'word' }
	],
	{
		questions: [
			{ id: 'change', kind: 'money', prompt: 'Change?', answer: '5.00' },
			{ id: 'due', kind: 'date', prompt: 'Past due after?', answer: '{{today+21}}' },
			{ id: 'tender', kind: 'choice', prompt: 'Tender?', options: ['Cash', 'Check', 'Card'], answer: 'Cash' },
			{ id: 'hcf', kind: 'number', prompt: 'Use?', answer: '12.5', tolerance: '0.1', unit: 'HCF' },
			{ id: 'word', kind: 'text', prompt: 'Word?', answer: 'deposit', accept: ['a deposit'] }
		]
	}
);
const RIGHT_ANSWERS = { change: '5.00', due: '2026-12-07', tender: 'Cash', hcf: '12.5', word: 'deposit' };

let world: SandboxState;
let attempt: AttemptStart;
let acct: { ana: string; bo: string };

beforeAll(() => {
	world = tinyWorld();
	attempt = prepareAttempt(world, paymentScenario, trainee, engine);
	acct = { ana: attempt.placeholders['ana.account.number'] as string, bo: '' };
	acct.bo = Object.values(attempt.state.utility.accounts).find((a) => a.serviceAddress === '12 Elm St')!.number;
});

/** What a trainee did: commands run as them on a copy of the start, in order. */
function act(commands: Command[], start: Readonly<SandboxState> = attempt.state, who: Actor = trainee): DomainEvent[] {
	const state = cloneState(start);
	return commands.flatMap((c) => {
		const r = engine.execute(state, c, { actor: who, at: '2026-11-16T17:00:00.000Z' });
		if (!r.ok) throw new Error(r.rejection.message);
		return r.events;
	});
}

function grade(events: DomainEvent[], answers: Record<string, string> = RIGHT_ANSWERS, scenario = paymentScenario, start = attempt): ScenarioGrade {
	return gradeAttempt({ scenario, start: start.state, trainee, events, answers, elapsedMs: 60_000, placeholders: start.placeholders, engine });
}

const pay = (ref: string, amount: string, tender: Record<string, unknown> = { type: 'cash', amount: '30.00' }): Command => ({
	type: 'cash.take-payment',
	lines: [{ kind: 'utility', ref, amount }],
	tenders: [tender]
});
const failed = (g: ScenarioGrade) => g.checks.filter((c) => !c.passed).map((c) => c.id);
const done = (g: ScenarioGrade, id: string) => g.checks.find((c) => c.id === id)!.done;

describe('prepareAttempt', () => {
	it('runs the setup on a copy of the world and resolves every placeholder used outside it', () => {
		expect(world.eventCount).toBe(1);
		expect(attempt.events.map((e) => e.type)).toEqual(['cash.drawer-opened', 'utility.customer-added', 'utility.account-opened', 'utility.customer-added', 'utility.account-opened', 'utility.fee-charged']);
		expect(attempt.events[0]!.actor).toBe(trainee.id);
		expect(attempt.events[1]!.actor).toBe('scenario-setup');
		expect(attempt.placeholders).toEqual({ 'ana.account.number': acct.ana, 'drawer.drawerId': 'DRW-000001', 'today+21': '2026-12-07' });
	});

	it('is deterministic, and the server can rebuild the start from the stored events', () => {
		const again = prepareAttempt(world, paymentScenario, trainee, engine);
		expect(JSON.stringify(again)).toBe(JSON.stringify(attempt));
		expect(JSON.stringify(startState(world, JSON.parse(JSON.stringify(attempt.events)), engine))).toBe(JSON.stringify(attempt.state));
	});

	it('names the step a world refuses, by its path in the file', () => {
		const broken = base([], { setup: { world: { seed: 'x', preset: 'small' }, steps: [{ as: 'system', command: { type: 'utility.charge-fee', account: '999-9999', fee: 'nsf' } }] } });
		expect(() => prepareAttempt(world, broken, trainee, engine)).toThrow(ScenarioRunError);
		try {
			prepareAttempt(world, broken, trainee, engine);
		} catch (err) {
			expect((err as ScenarioRunError).path).toEqual(['setup', 'steps', 0, 'command']);
			expect((err as Error).message).toMatch(/^utility\.charge-fee was refused: /);
		}
		const unnamed = base([], { setup: { world: { seed: 'x', preset: 'small' }, steps: [{ as: 'system', command: { type: 'mail.stamp', itemId: '{{nobody.id}}' } }] } });
		expect(() => prepareAttempt(world, unnamed, trainee, engine)).toThrow(/no step called "nobody"/);
	});

	it('moves the business date day by day, and refuses to go back', () => {
		const later = prepareAttempt(world, base([], { setup: { world: { seed: 'x', preset: 'small' }, date: '2026-11-18', steps: [] }, reference: [], task: 'On {{today}}' }), trainee, engine);
		expect(later.placeholders).toEqual({ today: '2026-11-18' });
		expect(later.state.businessDate).toBe('2026-11-18');
		expect(later.events.filter((e) => e.type === 'clock.day-started')).toHaveLength(2);
		expect(() => prepareAttempt(world, base([], { setup: { world: { seed: 'x', preset: 'small' }, date: '2026-11-01', steps: [] }, reference: [], task: '' }), trainee, engine)).toThrow(/before the world's business date/);
	});
});

describe('gradeAttempt: the reference and doing nothing', () => {
	it('the reference solution scores 100% and the grade is plain JSON', () => {
		const reference = runReference(paymentScenario, attempt.state, trainee, attempt.placeholders, engine);
		const g = grade(reference.events);
		expect(g).toMatchObject({ scenarioId: 'tiny', status: 'passed', accuracy: 100, speed: 100, overall: 100, earned: '15', possible: 15, criticalFailed: [], elapsedSeconds: 60, targetSeconds: 120 });
		expect(JSON.parse(JSON.stringify(g))).toEqual(g);
		expect(g.checks[0]).toEqual({
			id: 'paid',
			kind: 'event',
			description: `Fee paid on ${acct.ana}`,
			expected: `Payment with receipt line kind utility, account or reference ${acct.ana}, amount $25.00 (exactly 1 time)`,
			done: `Receipt R-000001: Utility account ${acct.ana} — Ana Ruiz $25.00; paid by cash $30.00; change $5.00`,
			passed: true,
			pending: false,
			weight: 3,
			critical: true,
			earned: '3'
		});
	});

	it('doing nothing fails', () => {
		const g = grade([], {});
		expect(g.status).toBe('failed');
		expect(g.overall).toBeLessThanOrEqual(20);
		expect(done(g, 'paid')).toBe('No payment was recorded.');
		expect(done(g, 'change')).toBe('No answer given.');
	});

	it('grades the same from a live final state as from replayed events', () => {
		const state = cloneState(attempt.state);
		const events = engine.execute(state, pay(acct.ana, '25.00'), { actor: trainee, at: 'x' });
		if (!events.ok) throw new Error(events.rejection.message);
		const replayed = grade(events.events);
		const live = gradeAttempt({ scenario: paymentScenario, start: attempt.state, trainee, events: events.events, answers: RIGHT_ANSWERS, elapsedMs: 60_000, placeholders: attempt.placeholders, final: state, engine });
		expect(live).toEqual(replayed);
	});
});

describe('gradeAttempt: each kind of mistake is caught and said in words', () => {
	it('wrong account', () => {
		const g = grade(act([pay(acct.bo, '25.00')]));
		expect(failed(g)).toEqual(['paid', 'books', 'owes']);
		expect(g.status).toBe('failed');
		expect(done(g, 'paid')).toContain(`receipt line 1 › account or reference: ${acct.bo} instead of ${acct.ana}`);
		expect(done(g, 'owes')).toBe(`${acct.ana} owes $25.00`);
		expect(done(g, 'books')).toContain(`Customer credit balances (2120), credit balance of ${acct.bo}: credit $25.00 (should be nothing)`);
	});

	it('wrong amount', () => {
		const g = grade(act([pay(acct.ana, '20.00')]));
		expect(failed(g)).toEqual(['paid', 'books', 'owes']);
		expect(done(g, 'paid')).toContain('receipt line 1 › amount: $20.00 instead of $25.00');
		expect(done(g, 'books')).toContain('Cash — drawers (1010): debit $20.00 (should be debit $25.00)');
	});

	it('wrong tender', () => {
		const g = grade(act([pay(acct.ana, '25.00', { type: 'card', amount: '25.00', brand: 'Visa', last4: '1111', channel: 'counter' })]));
		expect(failed(g)).toEqual(['cash', 'books']);
		expect(g.status).toBe('passed'); // 12 of 15 = 80%: not critical here
		expect(done(g, 'cash')).toContain('tender 1 › type: card instead of cash');
		expect(done(g, 'books')).toContain('Card settlements receivable (1025): debit $25.00 (should be nothing)');
	});

	it('extra posting: a second payment, and a fee that should not be there', () => {
		const twice = grade(act([pay(acct.ana, '25.00'), pay(acct.ana, '25.00')]));
		// The second $25.00 is a credit balance: the account owes nothing either way, but the books differ.
		expect(failed(twice)).toEqual(['paid', 'books']);
		expect(done(twice, 'paid')).toMatch(/^Recorded 2 times: /);
		const fee = grade(act([pay(acct.ana, '25.00'), { type: 'utility.charge-fee', account: acct.ana, fee: 'meter-test' }]));
		expect(failed(fee)).toEqual(['nothing-else', 'books', 'owes']);
		expect(done(fee, 'nothing-else')).toBe('Utility fee charged: Meter test fee $95.00 on 100-0001');
		expect(done(fee, 'books')).toContain('Utility service fees (4160): credit $95.00 (should be nothing)');
	});

	it('wrong answers, and answers typed the way people type them', () => {
		const typed = grade(act([pay(acct.ana, '25.00')]), { change: '$5', due: '12/7/2026', tender: '1', hcf: '12.45 HCF', word: ' A  Deposit. ' });
		expect(failed(typed)).toEqual([]);
		const wrong = grade(act([pay(acct.ana, '25.00')]), { change: '5.01', due: '2026-12-06', tender: 'Check', hcf: '12.7', word: 'deposits' });
		expect(failed(wrong)).toEqual(['change', 'due', 'tender', 'hcf', 'word']);
		expect(wrong.checks.find((c) => c.id === 'change')).toMatchObject({ expected: 'Answer: $5.00', done: 'You answered: $5.01' });
		expect(done(wrong, 'tender')).toBe('You answered: Check');
		expect(wrong.accuracy).toBe(67); // 10 of 15
		expect(wrong.status).toBe('failed');
	});
});

describe('approvals', () => {
	const adjust = (amount: string) => ({ type: 'utility.adjust', account: '{{ana.account.number}}', reason: 'billing-error', service: 'water', amount, note: 'Misbilled' });
	const approvalScenario = base(
		[
			{ ...common, id: 'asked', kind: 'approval-requested', description: 'Approval asked', approval: 'adjustment', match: { account: '{{ana.account.number}}', amount: '72.00' }, weight: 3, critical: true },
			{ ...common, id: 'not-posted', kind: 'no-event', description: 'Nothing posted', events: ['utility.adjusted'], weight: 2, critical: true }
		],
		{ reference: [{ as: 'trainee', command: { type: 'approval.request', command: adjust('72.00') } }] }
	);
	let start: AttemptStart;
	beforeAll(() => {
		start = prepareAttempt(world, approvalScenario, trainee, engine);
	});
	const resolved = (amount: string) => ({ ...adjust(amount), account: acct.ana });

	it('asking for the approval passes; the supervisor is not part of the attempt', () => {
		const g = grade(act([{ type: 'approval.request', command: resolved('72.00') }], start.state), {}, approvalScenario, start);
		expect(g).toMatchObject({ accuracy: 100, status: 'passed' });
		expect(done(g, 'asked')).toBe(`Asked a supervisor to approve: Billing error of $72.00 on ${acct.ana} (Ana Ruiz)`);
	});

	it('missing approval: splitting the adjustment under the limit is caught twice', () => {
		const g = grade(act([resolved('36.00'), resolved('36.00')], start.state), {}, approvalScenario, start);
		expect(failed(g)).toEqual(['asked', 'not-posted']);
		expect(g).toMatchObject({ status: 'failed', accuracy: 0, overall: 0 });
		expect(done(g, 'asked')).toBe('No supervisor approval was requested.');
		expect(done(g, 'not-posted')).toContain('billing-error credit of $36.00');
	});

	it('an approval for the wrong amount says which part is wrong', () => {
		const g = grade(act([{ type: 'approval.request', command: resolved('62.00') }], start.state), {}, approvalScenario, start);
		expect(failed(g)).toEqual(['asked']);
		expect(done(g, 'asked')).toContain('amount: $62.00 instead of $72.00');
	});
});

describe('rubric checks', () => {
	const letterScenario = base([
		{ ...common, id: 'paid', kind: 'event', description: 'Paid', event: 'cash.payment-taken', weight: 2, critical: true },
		{ ...common, id: 'letter', kind: 'rubric', description: 'Letter', criteria: [{ criterion: 'Clear', points: 2 }, { criterion: 'Correct', points: 4 }], passPoints: 5, weight: 3 }
	]);
	const events = () => act([pay(acct.ana, '25.00')]);
	const gradeLetter = (reviews?: Record<string, { points: number[]; comment?: string }>) =>
		gradeAttempt({ scenario: letterScenario, start: attempt.state, trainee, events: events(), answers: {}, elapsedMs: 1000, placeholders: attempt.placeholders, reviews, engine });

	it('wait for the supervisor without counting against the trainee', () => {
		const g = gradeLetter();
		expect(g).toMatchObject({ status: 'awaiting-review', accuracy: 100, possible: 2, awaitingReview: ['letter'] });
		expect(g.checks[1]).toMatchObject({ pending: true, passed: false, earned: '0', done: 'Waiting for a supervisor to score it.' });
	});

	it('once scored, earn their share of the weight', () => {
		const g = gradeLetter({ letter: { points: [2, 2], comment: 'Cite the policy.' } });
		// 2 + 3 × 4/6 = 4 of 5 = 80%; 4 of 6 points is under the 5 needed to pass the check.
		expect(g).toMatchObject({ status: 'passed', accuracy: 80, earned: '4', possible: 5, awaitingReview: [] });
		expect(g.checks[1]).toMatchObject({ pending: false, passed: false, earned: '2', done: 'Scored 4 of 6 points: “Cite the policy.”' });
		expect(gradeLetter({ letter: { points: [2, 3] } }).checks[1]).toMatchObject({ passed: true, earned: '2.50' });
	});

	it('refuse a malformed review', () => {
		expect(() => gradeLetter({ letter: { points: [3, 1] } })).toThrow(RangeError);
		expect(() => gradeLetter({ letter: { points: [1] } })).toThrow(RangeError);
	});
});
