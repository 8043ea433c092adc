import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileStore } from '../store';
import { approvalsFor } from './approvals';

let dir: string;
let store: FileStore;
beforeEach(async () => {
	dir = await mkdtemp(join(tmpdir(), 'approvals-for-'));
	store = new FileStore(dir);
});
afterEach(async () => {
	await rm(dir, { recursive: true, force: true });
});

const request = (id: string, ownerId: string) => ({ id, kind: 'adjustment', summary: id, requestedBy: ownerId, requestedAt: `2026-11-26T17:0${id.slice(-1)}:00.000Z`, note: '', sandboxId: `sb_${ownerId}`, ownerId, requestedByName: ownerId });

describe('approvalsFor', () => {
	it('shows a supervisor their cohort and unassigned trainees, never another supervisor\'s trainees', async () => {
		await store.put('approval-queue', { pending: [request('APR-1', 'mine'), request('APR-2', 'theirs'), request('APR-3', 'nobodys')] });
		const at = '2026-11-01T00:00:00.000Z';
		await store.put('supervisor/cohorts', {
			assignments: [
				{ traineeId: 'mine', supervisorId: 'sup-a', assignedAt: at, assignedBy: 'admin' },
				{ traineeId: 'theirs', supervisorId: 'sup-b', assignedAt: at, assignedBy: 'admin' }
			]
		});
		expect((await approvalsFor('sup-a', store)).map((q) => q.id)).toEqual(['APR-1', 'APR-3']);
		expect((await approvalsFor('sup-b', store)).map((q) => q.id)).toEqual(['APR-2', 'APR-3']);
	});
});
