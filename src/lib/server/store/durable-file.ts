import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Adapter } from 'lowdb';

/** A data file that cannot be read as JSON. Start-up stops on it rather than resetting the data. */
export class CorruptFileError extends Error {
	constructor(
		readonly file: string,
		readonly reason: string
	) {
		super(`Data file ${file} cannot be used: ${reason}. Restore it from a backup (see README, "Backup and restore") or move it aside; nothing was changed.`);
		this.name = 'CorruptFileError';
	}
}

let tempCounter = 0;

/** fsync a directory so that a rename or a new entry in it survives a power cut. */
async function syncDir(dir: string): Promise<void> {
	const handle = await open(dir, 'r');
	try {
		await handle.sync();
	} finally {
		await handle.close();
	}
}

/** Counts of the file system calls behind durable writes (for tests). */
export const fsCalls = { mkdir: 0 };

/** Folders this process has created or found, so a write does not ask the file system again. */
const knownDirs = new Set<string>();

/** Forget the known folders (a test that removes a data dir under a running store). */
export function forgetKnownDirs(): void {
	knownDirs.clear();
}

const creatingDirs = new Map<string, Promise<void>>();

/** Create `dir` (and parents) and make the new entries durable in their parent folders. */
export function ensureDir(dir: string): Promise<void> {
	if (knownDirs.has(dir)) return Promise.resolve();
	// Writers that come together for a new folder share one mkdir.
	let creating = creatingDirs.get(dir);
	if (!creating) {
		creating = createDir(dir).finally(() => creatingDirs.delete(dir));
		creatingDirs.set(dir, creating);
	}
	return creating;
}

async function createDir(dir: string): Promise<void> {
	fsCalls.mkdir++;
	const created = await mkdir(dir, { recursive: true });
	if (created) {
		// `created` is the top-most new folder: fsync every folder from its parent down.
		let current = dir;
		const toSync: string[] = [];
		while (current.length >= created.length) {
			toSync.push(dirname(current));
			current = dirname(current);
		}
		for (const d of toSync.reverse()) await syncDir(d);
	}
	knownDirs.add(dir);
}

/**
 * Write a whole file so that after this resolves the new content survives a crash or a power cut:
 * temp file in the same folder, fsync, rename over the target, fsync the folder.
 * (steno, lowdb's default writer, renames without fsync.)
 */
export async function writeFileDurably(file: string, text: string): Promise<void> {
	const dir = dirname(file);
	await ensureDir(dir);
	const temp = join(dir, `.${basename(file)}.${process.pid}.${++tempCounter}.tmp`);
	let handle;
	try {
		handle = await open(temp, 'w');
	} catch (err) {
		// The folder was known but is gone (removed behind our back): create it again, once.
		if ((err as NodeJS.ErrnoException).code !== 'ENOENT' || !knownDirs.delete(dir)) throw err;
		await ensureDir(dir);
		handle = await open(temp, 'w');
	}
	try {
		await handle.writeFile(text, 'utf8');
		await handle.sync();
	} catch (err) {
		await handle.close();
		await unlink(temp).catch(() => {});
		throw err;
	}
	await handle.close();
	await rename(temp, file);
	// Each writer fsyncs the folder itself: ext4 already commits concurrent folder fsyncs together
	// (one journal commit serves every rename before it); queueing them here measured no better.
	await syncDir(dir);
}

/** Read and parse a JSON data file; `null` when it does not exist; CorruptFileError when unusable. */
export async function readJsonFile<T>(file: string): Promise<T | null> {
	let text: string;
	try {
		text = await readFile(file, 'utf8');
	} catch (err) {
		if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
		throw err;
	}
	if (text.trim() === '') throw new CorruptFileError(file, 'the file is empty');
	try {
		return JSON.parse(text) as T;
	} catch (err) {
		throw new CorruptFileError(file, `it is not valid JSON (${(err as Error).message})`);
	}
}

/** lowdb adapter with durable writes and loud failures on empty or corrupt files. */
export class DurableJSONFile<T> implements Adapter<T> {
	constructor(readonly file: string) {}
	read(): Promise<T | null> {
		return readJsonFile<T>(this.file);
	}
	write(data: T): Promise<void> {
		return writeFileDurably(this.file, JSON.stringify(data));
	}
}
