import { mkdtemp, readFile, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CorruptFileError, fsCalls } from './durable-file';
import { DataDirError, FileStore, verifyDataDir } from './store';

let dir: string;
beforeEach(async () => {
	dir = await mkdtemp(join(tmpdir(), 'store-test-'));
});
afterEach(async () => {
	await rm(dir, { recursive: true, force: true });
});

type Counter = { n: number; seen: number[] };

describe('FileStore', () => {
	it('lands every one of many concurrent read-modify-writes to one file', async () => {
		const store = new FileStore(dir);
		await Promise.all(
			Array.from({ length: 200 }, (_, i) =>
				store.update<Counter>('counters/a', () => ({ n: 0, seen: [] }), async (d) => {
					const before = d.n;
					await new Promise((r) => setTimeout(r, i % 3)); // an await inside the critical section
					d.n = before + 1;
					d.seen.push(i);
				})
			)
		);
		const onDisk = JSON.parse(await readFile(join(dir, 'counters/a.json'), 'utf8')) as Counter;
		expect(onDisk.n).toBe(200);
		expect(new Set(onDisk.seen).size).toBe(200);
	});

	it('has the value on disk when update resolves, and a new process-level store reads it back', async () => {
		const store = new FileStore(dir);
		await store.update('users', () => ({ names: [] as string[] }), (d) => void d.names.push('ana'));
		expect(JSON.parse(await readFile(join(dir, 'users.json'), 'utf8'))).toEqual({ names: ['ana'] });
		const reopened = new FileStore(dir);
		expect(await reopened.get('users')).toEqual({ names: ['ana'] });
	});

	it('changes nothing when the change function throws', async () => {
		const store = new FileStore(dir);
		await store.put('doc', { v: 1 });
		await expect(
			store.update<{ v: number }>('doc', () => ({ v: 0 }), (d) => {
				d.v = 99;
				throw new Error('rejected');
			})
		).rejects.toThrow('rejected');
		expect(await store.get('doc')).toEqual({ v: 1 });
		expect(JSON.parse(await readFile(join(dir, 'doc.json'), 'utf8'))).toEqual({ v: 1 });
	});

	it('put replaces existing values and leaves no temp files behind', async () => {
		const store = new FileStore(dir);
		await store.put('doc', { v: 1 });
		await store.put('doc', { v: 2 });
		expect(await store.get('doc')).toEqual({ v: 2 });
		expect(await readdir(dir)).toEqual(['doc.json']);
	});

	it('lists the keys in a folder and returns undefined for a missing file', async () => {
		const store = new FileStore(dir);
		await store.put('sandboxes/u2', {});
		await store.put('sandboxes/u1', {});
		expect(await store.list('sandboxes')).toEqual(['sandboxes/u1', 'sandboxes/u2']);
		expect(await store.list('nothing')).toEqual([]);
		expect(await store.get('missing')).toBeUndefined();
	});

	it('rejects keys that could escape the data dir', async () => {
		const store = new FileStore(dir);
		await expect(store.get('../etc/passwd')).rejects.toThrow(/Invalid store key/);
		await expect(store.put('a/../../b', {})).rejects.toThrow(/Invalid store key/);
	});

	it('reports a corrupt file by name instead of resetting it', async () => {
		await writeFile(join(dir, 'users.json'), '{"names": [');
		const store = new FileStore(dir);
		const err = await store.get('users').catch((e: unknown) => e);
		expect(err).toBeInstanceOf(CorruptFileError);
		expect((err as Error).message).toContain(join(dir, 'users.json'));
		expect(await readFile(join(dir, 'users.json'), 'utf8')).toBe('{"names": [');
	});
});

describe('verifyDataDir', () => {
	it('creates a missing data dir', async () => {
		const fresh = join(dir, 'a', 'b');
		expect(await verifyDataDir(fresh)).toEqual({ files: 0 });
		expect(await readdir(fresh)).toEqual([]);
	});

	it('stops on empty and corrupt files, naming each one', async () => {
		await mkdir(join(dir, 'sandboxes'));
		await writeFile(join(dir, 'sandboxes', 'u1.json'), '');
		await writeFile(join(dir, 'users.json'), 'not json');
		await writeFile(join(dir, 'ok.json'), '{}');
		const err = await verifyDataDir(dir).catch((e: unknown) => e);
		expect(err).toBeInstanceOf(DataDirError);
		const message = (err as Error).message;
		expect(message).toContain(join(dir, 'sandboxes', 'u1.json'));
		expect(message).toContain('the file is empty');
		expect(message).toContain(join(dir, 'users.json'));
		expect(message).toContain('not valid JSON');
		expect(message).not.toContain('ok.json');
	});

	it('removes temp files a crash left mid-write and keeps the real file', async () => {
		await writeFile(join(dir, 'doc.json'), '{"v":1}');
		await writeFile(join(dir, '.doc.json.123.1.tmp'), '{"v":');
		expect(await verifyDataDir(dir)).toEqual({ files: 1 });
		expect(await readdir(dir)).toEqual(['doc.json']);
	});
});

describe('durability across a crash', () => {
	it('keeps every write that was acknowledged before the process was killed', async () => {
		const script = join(import.meta.dirname, 'crash-writer.fixture.ts');
		const child = spawn(process.execPath, ['--import', 'tsx', script, dir], { stdio: ['ignore', 'pipe', 'inherit'] });
		let acked = 0;
		await new Promise<void>((resolve) => {
			child.stdout.setEncoding('utf8');
			child.stdout.on('data', (chunk: string) => {
				const lines = chunk.split('\n').filter(Boolean);
				for (const line of lines) acked = Math.max(acked, Number.parseInt(line, 10));
				if (acked >= 25) {
					child.kill('SIGKILL');
					resolve();
				}
			});
		});
		await new Promise((r) => child.once('exit', r));
		await verifyDataDir(dir);
		const value = (await new FileStore(dir).get<{ n: number }>('counter'))!;
		expect(value.n).toBeGreaterThanOrEqual(acked);
	}, 30_000);
});

describe('durable writes: fewer file system calls, same guarantee', () => {
	it('many concurrent writes in one folder land whole, with one mkdir for the folder', async () => {
		const store = new FileStore(dir);
		const before = { ...fsCalls };
		await Promise.all(Array.from({ length: 60 }, (_, i) => store.put(`exams/attempts/a${i}`, { i, text: 'x'.repeat(500) })));
		await Promise.all(Array.from({ length: 60 }, (_, i) => store.put(`exams/attempts/a${i}`, { i, text: 'y'.repeat(500) })));
		for (let i = 0; i < 60; i++) expect(JSON.parse(await readFile(join(dir, `exams/attempts/a${i}.json`), 'utf8'))).toEqual({ i, text: 'y'.repeat(500) });
		expect(fsCalls.mkdir - before.mkdir).toBeLessThanOrEqual(2);
		expect((await readdir(join(dir, 'exams/attempts'))).filter((n) => n.endsWith('.tmp'))).toEqual([]);
	});

	it('a known folder removed behind the store is created again on the next write', async () => {
		const store = new FileStore(dir);
		await store.put('exams/owners/u1', { n: 1 });
		await rm(join(dir, 'exams/owners'), { recursive: true });
		await store.put('exams/owners/u1', { n: 2 });
		expect(JSON.parse(await readFile(join(dir, 'exams/owners/u1.json'), 'utf8'))).toEqual({ n: 2 });
	});
});
