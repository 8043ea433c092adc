// Child process for the crash test: writes forever, printing each write's number once acknowledged.
import { FileStore } from './store';

const store = new FileStore(process.argv[2]!);
for (let i = 1; ; i++) {
	await store.update('counter', () => ({ n: 0 }), (d: { n: number }) => {
		d.n = i;
	});
	process.stdout.write(`${i}\n`);
}
