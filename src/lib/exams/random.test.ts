import { describe, expect, it } from 'vitest';
import { attemptRandom, shuffled, shuffledAwayFromIdentity, shuffledIndexes } from './random';

describe('seeded randomness for attempts', () => {
	it('pins the generator: a stored attempt seed must redraw the same exam after any code change', () => {
		// If this fails, the generator changed and old attempts would redraw differently.
		expect(shuffledIndexes(8, attemptRandom('attempt-1', 'draw'))).toEqual([6, 5, 1, 2, 3, 7, 4, 0]);
		expect(attemptRandom('attempt-1', 'item/late-penalty-calc').int(0, 14000)).toBe(6846);
	});

	it('same seed and purpose ⇒ same sequence; another purpose or seed ⇒ another', () => {
		const a = shuffledIndexes(20, attemptRandom('s', 'x'));
		expect(shuffledIndexes(20, attemptRandom('s', 'x'))).toEqual(a);
		expect(shuffledIndexes(20, attemptRandom('s', 'y'))).not.toEqual(a);
		expect(shuffledIndexes(20, attemptRandom('t', 'x'))).not.toEqual(a);
		// The separator keeps ("ab", "c") and ("a", "bc") apart.
		expect(shuffledIndexes(20, attemptRandom('ab', 'c'))).not.toEqual(shuffledIndexes(20, attemptRandom('a', 'bc')));
	});

	it('shuffles into a permutation without changing the input', () => {
		const input = ['a', 'b', 'c', 'd', 'e'];
		const out = shuffled(input, attemptRandom('s', 'p'));
		expect([...out].sort()).toEqual(input);
		expect(input).toEqual(['a', 'b', 'c', 'd', 'e']);
	});

	it('never leaves an ordering item in its written order', () => {
		for (let i = 0; i < 300; i++) {
			const two = shuffledAwayFromIdentity(2, attemptRandom(`seed-${i}`, 'o'));
			expect(two).toEqual([1, 0]);
			const five = shuffledAwayFromIdentity(5, attemptRandom(`seed-${i}`, 'o'));
			expect(five).not.toEqual([0, 1, 2, 3, 4]);
			expect([...five].sort()).toEqual([0, 1, 2, 3, 4]);
		}
		expect(shuffledAwayFromIdentity(1, attemptRandom('s', 'o'))).toEqual([0]);
	});
});
