// `npm run backup`: a timestamped copy of the data dir in BACKUP_DIR (default ./backups).
// Each data file is replaced atomically by the server, so every copied file is whole; for a copy that is
// consistent across files, run it while the server is stopped or quiet (e.g. after close of business).
import { cpSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const dataDir = resolve(process.env.DATA_DIR || 'data');
const backupRoot = resolve(process.env.BACKUP_DIR || 'backups');
if (!existsSync(dataDir)) {
	console.error(`No data dir at ${dataDir}; nothing to back up.`);
	process.exit(1);
}
const stamp = new Date().toISOString().replace(/[:.]/g, '-').replace('T', '_').slice(0, 19);
const target = join(backupRoot, `data-${stamp}`);
mkdirSync(backupRoot, { recursive: true });
// Skip temp files of writes in progress; they are not data.
cpSync(dataDir, target, { recursive: true, filter: (src) => !/\/\.[^/]*\.tmp$/.test(src) });
const count = (dir) => readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? count(join(dir, e.name)) : 1), 0);
console.log(`Backed up ${count(target)} files from ${dataDir} to ${target}`);
