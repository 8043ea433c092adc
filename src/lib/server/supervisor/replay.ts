import { drawerTotals, type DrawerSession } from '$lib/domain/cashiering';
import { CHART, type GlAccount } from '$lib/domain/ledger';
import { formatUSD, isMoneyString, Money } from '$lib/money';
import type { DomainEvent, SandboxState } from '$lib/domain/model';
import { eventLabel, eventSummary } from '$lib/domain/views/audit';
import { startState } from '$lib/grading';
import type { CheckResult } from '$lib/grading';
import { scenarioBrief } from '../content';
import { getStore, type Store } from '../store';
import { findScenario, type AttemptRecord } from '../training/attempts';
import { sandboxes } from '../workstation/service';

/**
 * An attempt replayed for the supervisor: the task, every action the trainee took in order with
 * its time from the start, the state after the chosen step (postings so far and the drawer) and
 * the grader's expected-vs-done. One step is one command: the events it produced share their
 * moment and actor.
 */

export type ReplayLine = { account: string; name: string; sub: string; debit: string; credit: string };
export type ReplayEvent = { seq: number; label: string; summary: string; memo: string; lines: ReplayLine[] };
export type ReplayStep = { index: number; at: string; offsetSeconds: number; title: string; events: ReplayEvent[] };
export type DrawerView = {
	id: string;
	status: string;
	float: string;
	receipts: number;
	voids: number;
	cashReceived: string;
	changeGiven: string;
	expectedCash: string;
	checks: string;
	moneyOrders: string;
	cards: string;
};
export type Replay = {
	attemptId: string;
	title: string;
	taskHtml: string;
	startedAt: string;
	submittedAt: string | null;
	steps: ReplayStep[];
	/** 0 = before the first action; n = after step n. */
	current: number;
	postings: (ReplayLine & { step: number; memo: string })[];
	drawer: DrawerView | null;
	checks: CheckResult[];
	answers: Record<string, string>;
	questions: { id: string; prompt: string }[];
};

/** "$1,234.50" from a Money or its string. */
const usd = (m: Money | string | undefined): string => (m === undefined ? '' : m instanceof Money ? formatUSD(m) : isMoneyString(m) ? formatUSD(Money.of(m)) : String(m));
const text = usd;

function replayEvent(e: DomainEvent): ReplayEvent {
	return {
		seq: e.seq,
		label: eventLabel(e.type),
		summary: eventSummary(e),
		memo: e.journal?.memo ?? '',
		lines: (e.journal?.lines ?? []).map((l) => ({
			account: l.account,
			name: Object.hasOwn(CHART, l.account) ? CHART[l.account as GlAccount] : '',
			sub: l.sub ? String(l.sub) : '',
			debit: l.debit ? usd(String(l.debit)) : '',
			credit: l.credit ? usd(String(l.credit)) : ''
		}))
	};
}

/** The trainee's events grouped into steps (one command each), with their time from the start. */
export function stepsOf(events: readonly DomainEvent[], startedAt: string): ReplayStep[] {
	const steps: ReplayStep[] = [];
	let last: { at: string; actor: string } | null = null;
	for (const e of events) {
		if (!last || last.at !== e.at || last.actor !== e.actor) {
			steps.push({ index: steps.length + 1, at: e.at, offsetSeconds: Math.max(0, Math.round((Date.parse(e.at) - Date.parse(startedAt)) / 1000)), title: eventLabel(e.type), events: [] });
			last = { at: e.at, actor: e.actor };
		}
		steps[steps.length - 1]!.events.push(replayEvent(e));
	}
	return steps;
}

/** "3:05" from seconds. */
export function offsetText(seconds: number): string {
	const m = Math.floor(seconds / 60);
	const s = seconds % 60;
	return `${m}:${String(s).padStart(2, '0')}`;
}

function traineeDrawer(state: Readonly<SandboxState>, clerkId: string): DrawerSession | undefined {
	const drawers = Object.values(state.cashiering.drawers).filter((d) => d.clerkId === clerkId);
	return drawers.find((d) => d.status === 'open') ?? drawers[drawers.length - 1];
}

function drawerView(state: Readonly<SandboxState>, clerkId: string): DrawerView | null {
	const d = traineeDrawer(state, clerkId);
	if (!d) return null;
	const t = drawerTotals(state, d);
	return {
		id: d.id,
		status: d.status === 'open' ? 'Open' : 'Closed out',
		float: text(d.float),
		receipts: t.receipts,
		voids: t.voids,
		cashReceived: text(t.cashReceived),
		changeGiven: text(t.changeGiven),
		expectedCash: text(t.expectedCash),
		checks: text(t.checksTotal),
		moneyOrders: text(t.moneyOrdersTotal),
		cards: text(t.cards)
	};
}

/** Which step to show from `?step=`: a whole number in range, else the start. */
export function readStep(raw: string | null, count: number): number {
	if (!raw || !/^\d{1,4}$/.test(raw)) return 0;
	return Math.min(Number(raw), count);
}

export async function replayOf(attempt: AttemptRecord, stepParam: string | null, store: Store = getStore()): Promise<Replay | null> {
	const scenario = await findScenario(attempt.scenarioId);
	const service = sandboxes(store);
	const opened = await service.open(attempt.sandboxId);
	if (!scenario || !opened) return null;
	const own = opened.events.slice(attempt.setupEventCount);
	const steps = stepsOf(own, attempt.startedAt);
	const current = readStep(stepParam, steps.length);
	const through = current === 0 ? 0 : steps.slice(0, current).reduce((n, s) => n + s.events.length, 0);
	// The state after the chosen step: the final state as is, or the start replayed that far.
	let state: Readonly<SandboxState>;
	if (through === own.length) state = opened.state;
	else {
		const start = startState(service.world(opened.meta.world), opened.events.slice(0, attempt.setupEventCount), service.engine);
		state = service.engine.replay(start, own.slice(0, through));
	}
	const brief = scenarioBrief(scenario, attempt.placeholders);
	const postings = steps.slice(0, current).flatMap((s) => s.events.flatMap((e) => e.lines.map((l) => ({ ...l, step: s.index, memo: e.memo }))));
	return {
		attemptId: attempt.id,
		title: scenario.title,
		taskHtml: brief.taskHtml,
		startedAt: attempt.startedAt,
		submittedAt: attempt.submittedAt,
		steps,
		current,
		postings,
		drawer: drawerView(state, attempt.trainee.id),
		checks: attempt.grade?.checks ?? [],
		answers: attempt.answers,
		questions: brief.questions.map((q) => ({ id: q.id, prompt: q.promptHtml }))
	};
}
