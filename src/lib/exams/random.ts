/**
 * Seeded randomness for attempts: every draw, shuffle and parameter value comes from the attempt's
 * seed, so the same seed always gives the same exam. The generator is the project's mulberry32
 * (the demo city uses it too); random.test.ts pins its output for exam seeds.
 */
import { SeededRandom } from '../domain/city/random';

export { SeededRandom };

/**
 * An independent generator for one purpose of one attempt ("draw", "item/late-penalty-calc"…),
 * so what one item draws never depends on which other items are in the exam.
 */
export function attemptRandom(seed: string, purpose: string): SeededRandom {
	return new SeededRandom(`${seed}\u0000${purpose}`);
}

/** A shuffled copy (Fisher–Yates). */
export function shuffled<T>(items: readonly T[], random: SeededRandom): T[] {
	const out = [...items];
	for (let i = out.length - 1; i > 0; i--) {
		const j = random.int(0, i);
		[out[i], out[j]] = [out[j]!, out[i]!];
	}
	return out;
}

/** 0…n-1 in a shuffled order. */
export function shuffledIndexes(n: number, random: SeededRandom): number[] {
	return shuffled(
		Array.from({ length: n }, (_, i) => i),
		random
	);
}

/** 0…n-1 shuffled so that, for n ≥ 2, the result is never 0, 1, 2, … (the written order). */
export function shuffledAwayFromIdentity(n: number, random: SeededRandom): number[] {
	const order = shuffledIndexes(n, random);
	if (n >= 2 && order.every((v, i) => v === i)) {
		// Rotating by one is a fixed, still seed-determined answer to the rare identity draw.
		order.push(order.shift()!);
	}
	return order;
}
