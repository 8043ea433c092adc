import { describe, expect, it } from 'vitest';
import { attemptDeadline, remainingMs, saveAllowed, SAVE_GRACE_MS } from './timing';

const NINE_AM = Date.UTC(2025, 9, 23, 16, 0, 0); // 9:00 in Tracy (PDT), the exam day

describe('the exam clock', () => {
	it('150 minutes from 9:00 ends at 11:30', () => {
		expect(attemptDeadline(NINE_AM, 150)).toBe(NINE_AM + 150 * 60_000);
	});

	it('time and a half: 150 × 1.5 = 225 minutes; double time: 300', () => {
		expect(attemptDeadline(NINE_AM, 150, '1.5') - NINE_AM).toBe(225 * 60_000);
		expect(attemptDeadline(NINE_AM, 150, '2') - NINE_AM).toBe(300 * 60_000);
		expect(attemptDeadline(NINE_AM, 20, '1.333') - NINE_AM).toBe(1_599_600);
	});

	it('refuses multipliers below 1 or above 4, and limits that are not whole minutes', () => {
		expect(() => attemptDeadline(NINE_AM, 150, '0.5')).toThrow('accommodation must be from 1 to 4');
		expect(() => attemptDeadline(NINE_AM, 150, '5')).toThrow('accommodation must be from 1 to 4');
		expect(() => attemptDeadline(NINE_AM, 150, 'lots')).toThrow();
		expect(() => attemptDeadline(NINE_AM, 0)).toThrow('time limit must be a whole number of minutes');
		expect(() => attemptDeadline(1.5, 10)).toThrow('start time must be whole milliseconds');
	});

	it('counts down to 0 and accepts saves until the deadline plus the grace', () => {
		const deadline = attemptDeadline(NINE_AM, 20);
		expect(remainingMs(NINE_AM + 60_000, deadline)).toBe(19 * 60_000);
		expect(remainingMs(deadline + 5, deadline)).toBe(0);
		expect(saveAllowed(deadline, deadline)).toBe(true);
		expect(saveAllowed(deadline + SAVE_GRACE_MS, deadline)).toBe(true);
		expect(saveAllowed(deadline + SAVE_GRACE_MS + 1, deadline)).toBe(false);
		expect(saveAllowed(deadline + 1, deadline, 0)).toBe(false);
	});
});
