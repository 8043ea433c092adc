/**
 * A small seeded pseudo-random generator (mulberry32) so the demo city is the same for the same
 * seed on every machine. Never used for anything secret.
 */
export class SeededRandom {
	#state: number;

	constructor(seed: string | number) {
		this.#state = typeof seed === 'number' ? seed >>> 0 : hashString(seed);
	}

	/** A float in [0, 1). */
	next(): number {
		this.#state = (this.#state + 0x6d2b79f5) >>> 0;
		let t = this.#state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}

	/** A whole number from min to max inclusive. */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	/** True with probability p. */
	chance(p: number): boolean {
		return this.next() < p;
	}

	pick<T>(items: readonly T[]): T {
		if (items.length === 0) throw new Error('pick from an empty list');
		return items[Math.floor(this.next() * items.length)]!;
	}

	/** Pick by weight: [[item, weight], …]. */
	weighted<T>(choices: ReadonlyArray<readonly [T, number]>): T {
		const total = choices.reduce((s, [, w]) => s + w, 0);
		let r = this.next() * total;
		for (const [item, w] of choices) {
			r -= w;
			if (r < 0) return item;
		}
		return choices[choices.length - 1]![0];
	}

	/** An independent generator for a sub-part, so adding data to one part does not reshuffle the others. */
	fork(label: string): SeededRandom {
		return new SeededRandom(hashString(`${this.#state}:${label}`));
	}
}

/** FNV-1a, 32-bit. */
export function hashString(s: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < s.length; i++) {
		h ^= s.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return h >>> 0;
}
