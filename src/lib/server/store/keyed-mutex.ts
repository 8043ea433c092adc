/**
 * Serializes async work per key: a read-modify-write on one file never interleaves with another
 * on the same file, while different files proceed in parallel.
 */
export class KeyedMutex {
	#tails = new Map<string, Promise<unknown>>();

	run<R>(key: string, work: () => Promise<R>): Promise<R> {
		const previous = this.#tails.get(key) ?? Promise.resolve();
		const result = previous.then(work, work);
		const tail = result.catch(() => {});
		this.#tails.set(key, tail);
		// Forget the key once the queue drains so the map does not grow with every file ever touched.
		void tail.then(() => {
			if (this.#tails.get(key) === tail) this.#tails.delete(key);
		});
		return result;
	}
}
