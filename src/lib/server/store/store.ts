import { readdir, unlink } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { Low } from 'lowdb';
import { CorruptFileError, DurableJSONFile, ensureDir, readJsonFile } from './durable-file';
import { KeyedMutex } from './keyed-mutex';

/**
 * The narrow storage interface the rest of the app uses. A key names one small JSON file
 * ("users", "sandboxes/u_12", "exams/attempts/a_9"); each file is a shard that is rewritten whole,
 * so callers keep shards small (one per sandbox, per attempt, per session…).
 */
export interface Store {
	readonly dir: string;
	/** The current value, or undefined when the file does not exist. Treat it as read-only. */
	get<T>(key: string): Promise<Readonly<T> | undefined>;
	/**
	 * Read-modify-write, serialized per key. `change` gets a private copy (the initial value when the
	 * file is new) and may mutate it; the copy is written durably and only then becomes the current value
	 * and the promise resolves. If `change` throws, nothing is written and the error propagates.
	 */
	update<T, R = void>(key: string, initial: () => T, change: (draft: T) => R | Promise<R>): Promise<R>;
	/** Replace the whole value durably. */
	put<T>(key: string, value: T): Promise<void>;
	/** Keys directly under a folder key ("sandboxes" → ["sandboxes/u_1", …]), sorted. */
	list(folder: string): Promise<string[]>;
}

const KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]*(\/[A-Za-z0-9][A-Za-z0-9_-]*)*$/;

export function assertValidKey(key: string): void {
	if (!KEY_PATTERN.test(key)) throw new Error(`Invalid store key "${key}"`);
}

type Produced<R> = { next: unknown; result: R };

export class FileStore implements Store {
	readonly #files = new Map<string, Low<unknown>>();
	readonly #loading = new Map<string, Promise<Low<unknown>>>();
	readonly #mutex = new KeyedMutex();

	constructor(readonly dir: string) {}

	#path(key: string): string {
		assertValidKey(key);
		return join(this.dir, `${key}.json`);
	}

	/** One Low instance per file, loaded once: this process is the only writer. */
	#open(key: string): Promise<Low<unknown>> {
		const open = this.#files.get(key);
		if (open) return Promise.resolve(open);
		let loading = this.#loading.get(key);
		if (!loading) {
			const db = new Low<unknown>(new DurableJSONFile<unknown>(this.#path(key)), null); // null = no file yet
			loading = db.read().then(
				() => {
					this.#files.set(key, db);
					this.#loading.delete(key);
					return db;
				},
				(err: unknown) => {
					this.#loading.delete(key);
					throw err;
				}
			);
			this.#loading.set(key, loading);
		}
		return loading;
	}

	async get<T>(key: string): Promise<Readonly<T> | undefined> {
		const db = await this.#open(key);
		return (db.data ?? undefined) as Readonly<T> | undefined;
	}

	update<T, R = void>(key: string, initial: () => T, change: (draft: T) => R | Promise<R>): Promise<R> {
		return this.#commit(key, async (current) => {
			const draft: T = current === null ? initial() : structuredClone(current as T);
			return { next: draft, result: await change(draft) };
		});
	}

	put<T>(key: string, value: T): Promise<void> {
		return this.#commit(key, () => ({ next: structuredClone(value), result: undefined }));
	}

	/** The one write path: under the file's lock, compute the next value, write it durably, then publish it. */
	#commit<R>(key: string, produce: (current: unknown) => Produced<R> | Promise<Produced<R>>): Promise<R> {
		return this.#mutex.run(key, async () => {
			const db = await this.#open(key);
			const { next, result } = await produce(db.data);
			const previous = db.data;
			db.data = next;
			try {
				await db.write();
			} catch (err) {
				db.data = previous;
				throw err;
			}
			return result;
		});
	}

	async list(folder: string): Promise<string[]> {
		assertValidKey(folder);
		let names: string[];
		try {
			names = await readdir(join(this.dir, folder));
		} catch (err) {
			if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
			throw err;
		}
		return names
			.filter((n) => n.endsWith('.json') && !n.startsWith('.'))
			.map((n) => `${folder}/${n.slice(0, -'.json'.length)}`)
			.sort();
	}
}

/** Thrown at start-up when the data dir holds files that cannot be read. */
export class DataDirError extends Error {
	constructor(readonly problems: CorruptFileError[]) {
		super(
			`The data directory has ${problems.length} unusable file(s); the server will not start until they are fixed:\n` +
				problems.map((p) => `  - ${p.message}`).join('\n')
		);
		this.name = 'DataDirError';
	}
}

/**
 * Create the data dir when missing, remove temp files left by a crash mid-write (their rename never
 * happened, so the real file is intact), and parse every data file so that an empty or corrupt one
 * stops start-up with its name instead of being silently replaced later.
 */
export async function verifyDataDir(dir: string): Promise<{ files: number }> {
	await ensureDir(dir);
	const problems: CorruptFileError[] = [];
	let files = 0;
	async function walk(folder: string): Promise<void> {
		for (const entry of await readdir(folder, { withFileTypes: true })) {
			const full = join(folder, entry.name);
			if (entry.isDirectory()) {
				await walk(full);
			} else if (entry.name.startsWith('.') && entry.name.endsWith('.tmp')) {
				await unlink(full);
			} else if (entry.name.endsWith('.json')) {
				files++;
				try {
					await readJsonFile(full);
				} catch (err) {
					if (err instanceof CorruptFileError) problems.push(err);
					else throw err;
				}
			}
		}
	}
	await walk(dir);
	if (problems.length) throw new DataDirError(problems);
	return { files };
}

/** The key of a data file path inside `dir` (for messages and tools). */
export function keyOfPath(dir: string, file: string): string {
	return relative(dir, file).split(sep).join('/').replace(/\.json$/, '');
}
