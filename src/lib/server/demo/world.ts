import { createUser } from '../auth/users';
import type { Store } from '../store';
import { createDemoHistory } from './history';
import { DEMO_PASSWORD, DEMO_USERS } from './users';

/** Marks a data dir as set up, so a demo world is created once and never re-created over real data. */
export type DataDirMeta = { createdAt: string; demoWorld: boolean; formatVersion: 1 };
const META_KEY = 'meta';

export type WorldOptions = { demo: boolean; adminUsername?: string; adminPassword?: string };

/**
 * Set up a brand-new data dir: the demo world (demo users; later the demo city and training history),
 * or, with DEMO_WORLD=off, only a first administrator. An existing data dir is left alone.
 */
export async function ensureWorld(store: Store, options: WorldOptions, now: Date): Promise<'created' | 'existing'> {
	if (await store.get<DataDirMeta>(META_KEY)) return 'existing';
	if ((await store.get('users')) !== undefined)
		throw new Error('The data dir has users but no meta.json; it may be from an older version or damaged. Restore a backup.');
	if (options.demo) {
		for (const u of DEMO_USERS) {
			const created = await createUser(store, { ...u, password: DEMO_PASSWORD }, now);
			if (!created.ok) throw new Error(`Demo user ${u.username}: ${JSON.stringify(created.errors)}`);
		}
		// The supervisor's cohort with weeks of graded attempts, so every supervisor page has something true to show.
		await createDemoHistory(store, now);
	} else {
		const created = await createUser(
			store,
			{ username: options.adminUsername ?? 'admin', displayName: 'Administrator', roles: ['admin'], password: options.adminPassword ?? '' },
			now
		);
		if (!created.ok)
			throw new Error(`With DEMO_WORLD=off, set ADMIN_PASSWORD (and optionally ADMIN_USERNAME) for the first administrator: ${Object.values(created.errors).join(' ')}`);
	}
	await store.put<DataDirMeta>(META_KEY, { createdAt: now.toISOString(), demoWorld: options.demo, formatVersion: 1 });
	return 'created';
}
