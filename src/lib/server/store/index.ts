import { resolve } from 'node:path';
import { FileStore, verifyDataDir, type Store } from './store';

export type { Store } from './store';
export { FileStore, verifyDataDir, DataDirError } from './store';
export { CorruptFileError } from './durable-file';

/** Where the data lives: DATA_DIR, or ./data beside the project. */
export function dataDir(): string {
	return resolve(process.env.DATA_DIR || 'data');
}

// Module-level singleton kept on globalThis so Vite's dev reloads reuse the one writer per file.
const holder = globalThis as typeof globalThis & { __clerkStores?: Map<string, Store> };

/** The process-wide store for a data dir (one writer per file). */
export function getStore(dir = dataDir()): Store {
	holder.__clerkStores ??= new Map();
	let store = holder.__clerkStores.get(dir);
	if (!store) {
		store = new FileStore(dir);
		holder.__clerkStores.set(dir, store);
	}
	return store;
}

/** Check the data dir at start-up; throws DataDirError naming every unusable file. */
export function openDataDir(dir = dataDir()): Promise<{ files: number }> {
	return verifyDataDir(dir);
}
