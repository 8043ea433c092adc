import { describe, expect, it } from 'vitest';
import { SeededRandom } from './random';

describe('SeededRandom', () => {
	it('gives the same sequence for the same seed and a different one for another seed', () => {
		const a = new SeededRandom('tracy');
		const b = new SeededRandom('tracy');
		const c = new SeededRandom('lodi');
		const seqA = Array.from({ length: 5 }, () => a.int(0, 1000));
		expect(Array.from({ length: 5 }, () => b.int(0, 1000))).toEqual(seqA);
		expect(Array.from({ length: 5 }, () => c.int(0, 1000))).not.toEqual(seqA);
	});
	it('stays in range and forks independently', () => {
		const r = new SeededRandom(7);
		for (let i = 0; i < 1000; i++) {
			const n = r.int(3, 5);
			expect(n).toBeGreaterThanOrEqual(3);
			expect(n).toBeLessThanOrEqual(5);
		}
		expect(new SeededRandom(1).fork('x').next()).toBe(new SeededRandom(1).fork('x').next());
		expect(new SeededRandom(1).fork('x').next()).not.toBe(new SeededRandom(1).fork('y').next());
	});
});
