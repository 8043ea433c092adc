import type { BusinessDate } from './dates';
import type { Money } from '$lib/money';
import type { GlAccount, JournalEntry, LedgerState, SubledgerKey } from './ledger';

/**
 * The sandbox's state: a fold of events over a starting dataset. Pure data (Money values are
 * immutable and serialize as strings), so the same dataset and commands give byte-identical JSON.
 * Each module owns its slice; the kernel owns the clock, counters, ledger, approvals and journal log.
 */
export type Actor = { id: string; name: string; /** 'supervisor' may approve; everyone else works as a clerk */ supervisor: boolean };

/** What a command needs from outside the sandbox: who, and the wall-clock time (ISO string). */
export type CommandContext = {
	actor: Actor;
	at: string;
	/** Set when a supervisor's approval is running the command: authority limits are lifted. */
	approvedBy?: string;
	/** With `approvedBy`: the clerk who asked, for commands that act on "my" drawer or work. */
	requestedBy?: string;
	/** Set while an approval request checks the command: everything is validated except the authority limit. */
	checkingForApproval?: boolean;
	/** Filled in by the engine: decide another command against the same state (approvals use it). */
	decideOther?: (command: Command, ctx: CommandContext) => Decision;
	/** Filled in by the engine: what every module offers to the others (payment targets). */
	env?: EngineEnv;
};

/** A kind of thing a receipt line can pay (a utility account, a license, a permit, an invoice…). */
export type PaymentTarget = {
	/** What is owed on `ref` and how it may be paid, or why it cannot be paid now. */
	quote(state: Readonly<SandboxState>, ref: string): PaymentQuote | Rejection;
	/** The credit side of the journal for paying `amount` on `ref` (the tender side is the receipt's). */
	creditLines(state: Readonly<SandboxState>, ref: string, amount: Money): JournalLineInput[];
	/** Record the payment in the module's slice (allocation to items, status changes). */
	applyPayment(state: SandboxState, ref: string, amount: Money, receipt: ReceiptRef): void;
	/** Undo a payment (void or returned check): journal lines that reverse `creditLines`, and the slice change. */
	reversalLines(state: Readonly<SandboxState>, ref: string, amount: Money, receipt: ReceiptRef): JournalLineInput[];
	reversePayment(state: SandboxState, ref: string, amount: Money, receipt: ReceiptRef): void;
};

export type PaymentQuote = {
	/** The reference as the target files it ("100-2345", "INV-000002"): two lines naming one thing share it. */
	ref: string;
	/** "Utility account 100-2345 — Maria Alvarez" */
	label: string;
	/** Amount owed now (may be zero, e.g. an account in credit). */
	due: Money;
	/** Partial payments accepted (utility, receivables) or not (permits). */
	partialAllowed: boolean;
	/** Paying more than is due leaves a credit balance (utility accounts). */
	overpaymentAllowed: boolean;
	/** After a returned payment: cash, money order or card only. */
	cashOnly: boolean;
};

export type ReceiptRef = {
	receiptNo: string;
	date: BusinessDate;
	postmark?: BusinessDate;
	/** On a reversal: a same-day void, or a check returned by the bank (the payment never counted). */
	reason?: 'void' | 'returned-check';
};

export type JournalLineInput = { account: GlAccount; debit?: Money; credit?: Money; sub?: SubledgerKey };

export type EngineEnv = { paymentTargets: Record<string, PaymentTarget> };

/** Counters handing out ids in sequence (receipt numbers, account numbers…). Advanced only by events. */
export type Counters = Record<string, number>;

export type ApprovalKind = 'adjustment' | 'payment-plan' | 'void' | 'over-short';
export type ApprovalRequest = {
	id: string;
	kind: ApprovalKind;
	/** What the approval is for, in words a supervisor reads in the queue. */
	summary: string;
	/** The command that runs when approved (already validated when requested). */
	payload: Record<string, unknown>;
	requestedBy: string;
	requestedAt: string;
	status: 'pending' | 'approved' | 'denied';
	/** The clerk's note with the request. */
	note?: string;
	decidedBy?: string;
	decidedAt?: string;
	reason?: string;
};

export type KernelState = {
	businessDate: BusinessDate;
	counters: Counters;
	ledger: LedgerState;
	approvals: Record<string, ApprovalRequest>;
	/** Number of events applied (the next event's seq is this + 1). */
	eventCount: number;
};

/**
 * The modules' slices. Each module adds its own with declaration merging:
 * `declare module '../model' { interface SandboxSlices { utility: UtilitySlice } }`.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface SandboxSlices {}

export type SandboxState = KernelState & SandboxSlices;

/** Every event: what happened, when, by whom, with its journal entry if money moved. */
export type EventEnvelope = {
	seq: number;
	type: string;
	at: string;
	date: BusinessDate;
	actor: string;
	journal?: JournalEntry;
};

export type DomainEvent = EventEnvelope & Record<string, unknown>;

/** An event as a handler proposes it, before the engine stamps the envelope. */
export type ProposedEvent = { type: string; journal?: JournalEntry } & Record<string, unknown>;

export type Rejection = {
	code: RejectionCode;
	/** A sentence a clerk understands and can act on. */
	message: string;
	/** The input field at fault, when there is one. */
	field?: string;
};

export type RejectionCode =
	| 'invalid-input'
	| 'unknown-command'
	| 'not-found'
	| 'wrong-status'
	| 'over-authority'
	| 'policy'
	| 'not-allowed';

export type Decision = { ok: true; events: ProposedEvent[] } | { ok: false; rejection: Rejection };

export function reject(code: RejectionCode, message: string, field?: string): Decision & { ok: false } {
	return field ? { ok: false, rejection: { code, message, field } } : { ok: false, rejection: { code, message } };
}

export function accept(...events: ProposedEvent[]): Decision & { ok: true } {
	return { ok: true, events };
}

export type Command = { type: string } & Record<string, unknown>;

export type CommandHandler = (state: Readonly<SandboxState>, command: Command, ctx: CommandContext) => Decision;
/** Changes the module's slice for one event. Never reads ledger balances: a replay writes them only after its last event. */
export type EventApplier = (state: SandboxState, event: DomainEvent, env: EngineEnv) => void;

/** What a module contributes: its command handlers, event appliers, and what happens when a new business day starts. */
export type DomainModule = {
	name: string;
	commands: Record<string, CommandHandler>;
	events: Record<string, EventApplier>;
	/** For commands that can need a supervisor: what the approval queue shows. */
	approvalFor?: Record<string, (state: Readonly<SandboxState>, command: Command) => { kind: ApprovalKind; summary: string }>;
	/** Kinds of receipt line this module can be paid through, by kind name ("utility", "permit"…). */
	paymentTargets?: Record<string, PaymentTarget>;
	/** The module's empty slice, put on a new state. */
	initSlice?: (state: SandboxState) => void;
	/** Events the start of `date` brings (bills run, penalties post, plans default); `state.businessDate` is still the previous day. */
	onNewDay?: (state: Readonly<SandboxState>, date: string) => ProposedEvent[];
};

/** The authority check every over-limit action uses: lifted by an approval, and while an approval request validates. */
export function needsApproval(ctx: CommandContext, message: string, field?: string): (Decision & { ok: false }) | null {
	if (ctx.approvedBy || ctx.checkingForApproval) return null;
	return reject('over-authority', message, field);
}

