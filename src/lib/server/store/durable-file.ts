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

/** Create `dir` (and parents) and make the new entries durable in their parent folders. */
export async function ensureDir(dir: string): Promise<void> {
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
	const handle = await open(temp, 'w');
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
