import { getContent } from './content';
import { ensureWorld } from './demo/world';
import { startExamSweeper } from './exams/service';
import { dataDir, getStore, openDataDir } from './store';
import { sandboxes } from './workstation/service';
import { PRACTICE_WORLD } from './workstation/world';

/**
 * Everything the server checks and prepares before it takes its first request. Any problem
 * (an unreadable data file, invalid content) stops start-up with a message naming the file.
 */
export async function startApp(): Promise<void> {
	const dir = dataDir();
	try {
		await openDataDir(dir);
		await getContent();
		const world = await ensureWorld(
			getStore(dir),
			{ demo: process.env.DEMO_WORLD !== 'off', adminUsername: process.env.ADMIN_USERNAME, adminPassword: process.env.ADMIN_PASSWORD },
			new Date()
		);
		if (world === 'created') console.log(`Created a new ${process.env.DEMO_WORLD === 'off' ? 'empty' : 'demo'} data dir at ${dir}`);
		// Exams close at their deadline even when no browser is left.
		startExamSweeper();
		// Opt-in: build the demo city now rather than on the first trainee's click (seconds of work;
		// the end-to-end tests use it once to fill their shared WORLD_CACHE_DIR).
		if (process.env.WARM_WORLD === '1') sandboxes().world(PRACTICE_WORLD);
	} catch (err) {
		console.error(`\nThe server cannot start.\n${(err as Error).message}\n`);
		throw err;
	}
}
