import { getContent } from './content';
import { ensureWorld } from './demo/world';
import { startExamSweeper } from './exams/service';
import { dataDir, getStore, openDataDir } from './store';

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
	} catch (err) {
		console.error(`\nThe server cannot start.\n${(err as Error).message}\n`);
		throw err;
	}
}
