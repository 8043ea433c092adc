import { createClerkSystem } from '$lib/domain/system';
import type { Actor, ApprovalRequest, Command, DomainEvent } from '$lib/domain/model';
import type { SessionUser } from '../auth/types';
import { KeyedMutex } from '../store/keyed-mutex';
import { getStore, type Store } from '../store';
import { SandboxService, type CommandOutcome, type SandboxMeta } from '../sandbox/service';
import { buildWorld, PRACTICE_WORLD } from './world';

/**
 * The clerk workstation's server side: one SandboxService for the process, each user's practice
 * sandbox, and the queue of approval requests waiting for a supervisor across every sandbox.
 */

type PracticeRecord = { sandboxId: string; resetAt: string | null };

/** An approval request as the supervisors' queue lists it, with the sandbox it lives in. */
export type QueuedApproval = Pick<ApprovalRequest, 'id' | 'kind' | 'summary' | 'requestedBy' | 'requestedAt' | 'note'> & {
	sandboxId: string;
	ownerId: string;
	requestedByName: string;
};
type ApprovalQueue = { pending: QueuedApproval[] };
const QUEUE_KEY = 'approval-queue';

let instance: { store: Store; service: SandboxService } | undefined;
const practiceMutex = new KeyedMutex();

export function sandboxes(store: Store = getStore()): SandboxService {
	if (!instance || instance.store !== store) instance = { store, service: new SandboxService(store, createClerkSystem(), buildWorld) };
	return instance.service;
}

export function actorFor(user: SessionUser): Actor {
	return { id: user.id, name: user.displayName, supervisor: user.roles.includes('supervisor') };
}

/** The user's practice sandbox, created on first use. */
export async function practiceSandbox(user: SessionUser, now: Date, store: Store = getStore()): Promise<SandboxMeta> {
	return practiceMutex.run(user.id, async () => {
		const record = await store.get<PracticeRecord>(`practice/${user.id}`);
		const existing = record && (await sandboxes(store).meta(record.sandboxId));
		if (existing) return existing;
		return newPractice(user, now, store, null);
	});
}

/** Start the user over on a fresh copy of the city (the old sandbox stays on disk, unlinked). */
export async function resetPractice(user: SessionUser, now: Date, store: Store = getStore()): Promise<SandboxMeta> {
	return practiceMutex.run(user.id, async () => {
		const old = await store.get<PracticeRecord>(`practice/${user.id}`);
		const meta = await newPractice(user, now, store, now.toISOString());
		// Requests from the abandoned sandbox can no longer matter to anyone.
		if (old) await store.update<ApprovalQueue>(QUEUE_KEY, () => ({ pending: [] }), (q) => void (q.pending = q.pending.filter((p) => p.sandboxId !== old.sandboxId)));
		return meta;
	});
}

async function newPractice(user: SessionUser, now: Date, store: Store, resetAt: string | null): Promise<SandboxMeta> {
	const meta = await sandboxes(store).create({ ownerId: user.id, kind: 'practice', world: PRACTICE_WORLD, label: `Practice — ${user.displayName}` }, now);
	await store.put<PracticeRecord>(`practice/${user.id}`, { sandboxId: meta.id, resetAt });
	return meta;
}

/**
 * Run a command in a sandbox as `user`. Approval requests and decisions also update the
 * supervisors' queue (after the events are saved; the sandbox stays the record of truth).
 */
export async function runCommand(sandboxId: string, user: SessionUser, command: Command, now: Date, store: Store = getStore()): Promise<CommandOutcome> {
	const service = sandboxes(store);
	const outcome = await service.execute(sandboxId, command, { actor: actorFor(user), at: now.toISOString() });
	if (outcome.ok && outcome.events.some((e) => e.type === 'approval.requested' || e.type === 'approval.decided')) {
		const meta = await service.meta(sandboxId);
		// A scenario attempt's request is graded as asked, never decided: only practice reaches the supervisors.
		if (meta?.kind === 'practice') await updateQueue(store, meta, user, outcome.events);
	}
	return outcome;
}

async function updateQueue(store: Store, meta: SandboxMeta, user: SessionUser, events: readonly DomainEvent[]): Promise<void> {
	await store.update<ApprovalQueue>(QUEUE_KEY, () => ({ pending: [] }), (queue) => {
		for (const e of events) {
			if (e.type === 'approval.requested') {
				queue.pending.push({
					id: e.id as string,
					kind: e.kind as ApprovalRequest['kind'],
					summary: e.summary as string,
					requestedBy: e.actor,
					requestedByName: user.displayName,
					requestedAt: e.at,
					...(e.note ? { note: e.note as string } : {}),
					sandboxId: meta.id,
					ownerId: meta.ownerId
				});
			} else if (e.type === 'approval.decided') {
				queue.pending = queue.pending.filter((q) => !(q.sandboxId === meta.id && q.id === e.id));
			}
		}
	});
}

/** Every request waiting for a supervisor, oldest first. */
export async function pendingApprovals(store: Store = getStore()): Promise<QueuedApproval[]> {
	const queue = await store.get<ApprovalQueue>(QUEUE_KEY);
	return [...(queue?.pending ?? [])].sort((a, b) => a.requestedAt.localeCompare(b.requestedAt));
}
