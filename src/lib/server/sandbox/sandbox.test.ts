import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STANDARD_FLOAT } from '$lib/domain/cashiering/denominations';
import type { CommandContext, SandboxState } from '$lib/domain/model';
import { createClerkSystem } from '$lib/domain/system';
import { FileStore } from '../store';
import { CHUNK_SIZE } from './event-log';
import { SandboxService, type WorldSpec } from './service';

const engine = createClerkSystem();
const clerk: CommandContext = { actor: { id: 'u1', name: 'Maria Delgado', supervisor: false }, at: '2026-07-01T09:00:00Z' };

/** A tiny world: books opened with a $200.00 change fund on the seed's date. */
function tinyWorld(spec: WorldSpec): SandboxState {
	const state = engine.emptyState(spec.seed);
	const r = engine.execute(state, { type: 'books.open-change-fund', amount: '200.00' }, clerk);
	if (!r.ok) throw new Error(r.rejection.message);
	return state;
}

let dir: string;
beforeEach(async () => {
	dir = await mkdtemp(join(tmpdir(), 'sandbox-test-'));
});
afterEach(async () => {
	await rm(dir, { recursive: true, force: true });
});

async function newSandbox(service: SandboxService) {
	return service.create({ ownerId: 'u1', kind: 'practice', world: { seed: '2026-07-01', preset: 'tiny' }, label: 'Practice' }, new Date('2026-07-01T08:00:00Z'));
}

describe('SandboxService', () => {
	it('saves each accepted command durably and rebuilds the same state after a restart', async () => {
		const service = new SandboxService(new FileStore(dir), engine, tinyWorld);
		const meta = await newSandbox(service);
		expect((await service.execute(meta.id, { type: 'cash.open-drawer', counts: STANDARD_FLOAT }, clerk)).ok).toBe(true);
		expect((await service.execute(meta.id, { type: 'clock.next-day' }, clerk)).ok).toBe(true);
		const live = JSON.stringify((await service.open(meta.id))!.state);

		const restarted = new SandboxService(new FileStore(dir), engine, tinyWorld);
		const reopened = (await restarted.open(meta.id))!;
		expect(JSON.stringify(reopened.state)).toBe(live);
		expect(reopened.events.map((e) => e.type)).toEqual(['cash.drawer-opened', 'clock.day-started']);
	});

	it('saves nothing for a rejected command', async () => {
		const service = new SandboxService(new FileStore(dir), engine, tinyWorld);
		const meta = await newSandbox(service);
		const r = await service.execute(meta.id, { type: 'cash.open-drawer', counts: {} }, clerk);
		expect(r.ok).toBe(false);
		expect(await readdir(join(dir, 'sandboxes', meta.id))).toEqual(['meta.json']);
	});

	it('runs commands on one sandbox one at a time, in the order they arrive', async () => {
		const service = new SandboxService(new FileStore(dir), engine, tinyWorld);
		const meta = await newSandbox(service);
		const results = await Promise.all(Array.from({ length: 20 }, () => service.execute(meta.id, { type: 'clock.next-day' }, clerk)));
		expect(results.every((r) => r.ok)).toBe(true);
		const reopened = (await new SandboxService(new FileStore(dir), engine, tinyWorld).open(meta.id))!;
		expect(reopened.state.businessDate).toBe('2026-07-21');
		expect(reopened.events.map((e) => e.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 2));
	});

	it('spreads a long history over small files so a save rewrites only the last one', async () => {
		const service = new SandboxService(new FileStore(dir), engine, tinyWorld);
		const meta = await newSandbox(service);
		for (let i = 0; i < CHUNK_SIZE + 5; i++) await service.execute(meta.id, { type: 'clock.next-day' }, clerk);
		const files = (await readdir(join(dir, 'sandboxes', meta.id))).sort();
		expect(files).toEqual(['log-00000.json', 'log-00001.json', 'meta.json']);
		const reopened = (await new SandboxService(new FileStore(dir), engine, tinyWorld, 1).open(meta.id))!;
		expect(reopened.events).toHaveLength(CHUNK_SIZE + 5);
	});

	it('knows nothing of ids that are not sandbox ids', async () => {
		const service = new SandboxService(new FileStore(dir), engine, tinyWorld);
		expect(await service.open('../../users')).toBeUndefined();
		expect(await service.execute('sb_nope', { type: 'clock.next-day' }, clerk)).toMatchObject({ ok: false, rejection: { code: 'not-found' } });
	});

	it('an attempt sandbox starts with the given events, refuses the clock, and refuses everything once closed', async () => {
		const service = new SandboxService(new FileStore(dir), engine, tinyWorld);
		const spec = { seed: '2026-07-01', preset: 'tiny' };
		const start = tinyWorld(spec);
		const setup = engine.execute(start, { type: 'cash.open-drawer', counts: STANDARD_FLOAT }, clerk);
		if (!setup.ok) throw new Error(setup.rejection.message);
		const meta = await service.create({ ownerId: 'u1', kind: 'attempt', world: spec, label: 'Attempt', ref: 'att_1' }, new Date('2026-07-01T08:00:00Z'), setup.events, start);
		expect((await service.open(meta.id))!.events.map((e) => e.type)).toEqual(['cash.drawer-opened']);

		const clock = await service.execute(meta.id, { type: 'clock.next-day' }, clerk);
		expect(clock.ok || clock.rejection.message).toMatch(/business date is set by the scenario/);

		await service.close(meta.id, new Date('2026-07-01T09:05:00Z'));
		const after = await service.execute(meta.id, { type: 'cash.close-drawer', counts: STANDARD_FLOAT }, clerk);
		expect(after.ok || after.rejection.message).toMatch(/has been submitted/);

		// A restart sees the same: the setup events on disk, the sandbox closed.
		const restarted = new SandboxService(new FileStore(dir), engine, tinyWorld);
		expect((await restarted.meta(meta.id))!.closedAt).toBe('2026-07-01T09:05:00.000Z');
		expect((await restarted.open(meta.id))!.events).toHaveLength(1);
		expect(JSON.stringify((await restarted.open(meta.id))!.state)).toBe(JSON.stringify(start));
	});
});
