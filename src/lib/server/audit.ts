import type { Store } from './store';

/** Who did what to whom, for the administration log. One shard per month keeps each file small. */
export type AuditEntry = { at: string; actorId: string; actor: string; action: string; target?: string; detail?: string };

type AuditFile = { entries: AuditEntry[] };

function keyFor(at: string): string {
	return `audit/${at.slice(0, 7)}`;
}

export async function appendAudit(store: Store, entry: AuditEntry): Promise<void> {
	await store.update<AuditFile>(keyFor(entry.at), () => ({ entries: [] }), (file) => {
		file.entries.push(entry);
	});
}

/** The newest entries first, from the latest monthly shards. */
export async function recentAudit(store: Store, limit: number): Promise<AuditEntry[]> {
	const out: AuditEntry[] = [];
	const keys = (await store.list('audit')).reverse();
	for (const key of keys) {
		const file = await store.get<AuditFile>(key);
		out.push(...[...(file?.entries ?? [])].reverse());
		if (out.length >= limit) break;
	}
	return out.slice(0, limit);
}
