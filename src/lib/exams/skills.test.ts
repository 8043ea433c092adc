import { describe, expect, it } from 'vitest';
import { boundElapsed, countTypingErrors, scoreTenKeyTest, scoreTypingTest, tenKeyBatch, tenKeyFigures, typingFigures } from './skills';
import type { TenKeySettings, TypingSettings } from './types';
import { scoreSkills } from './skills';
import { scoreAttempt } from './score';
import { inOrder, single, tenKey, typing } from './test-bank';
import type { ExamItem, ItemResponse } from './types';

const MINUTE = 60_000;

describe('typing WPM formulas', () => {
	it('250 chars in 1 min = 50 WPM gross', () => {
		expect(typingFigures(250, 0, MINUTE, 'per-word')).toEqual({ grossWpm: '50.0', netWpm: '50.0' });
	});

	it('253 chars in 1 min = 50.6 WPM gross (one decimal, half-up)', () => {
		expect(typingFigures(253, 0, MINUTE, 'per-word').grossWpm).toBe('50.6');
		expect(typingFigures(1, 0, 7 * MINUTE, 'per-word').grossWpm).toBe('0.0');
	});

	it('1,500 chars in 5 min = 60 WPM gross; 10 errors: per-word (300 − 10) ÷ 5 = 58, 1-wpm 50, 2-wpm 40', () => {
		expect(typingFigures(1500, 10, 5 * MINUTE, 'per-word')).toEqual({ grossWpm: '60.0', netWpm: '58.0' });
		expect(typingFigures(1500, 10, 5 * MINUTE, '1-wpm')).toEqual({ grossWpm: '60.0', netWpm: '50.0' });
		expect(typingFigures(1500, 10, 5 * MINUTE, '2-wpm')).toEqual({ grossWpm: '60.0', netWpm: '40.0' });
	});

	it('100 chars in 1 min with 30 errors: net is floored at 0 under every penalty', () => {
		for (const penalty of ['per-word', '1-wpm', '2-wpm'] as const) expect(typingFigures(100, 30, MINUTE, penalty).netWpm).toBe('0.0');
	});

	it('no time, no WPM (never a division by zero)', () => {
		expect(typingFigures(0, 0, 0, '1-wpm')).toEqual({ grossWpm: '0.0', netWpm: '0.0' });
	});
});

describe('typing errors, word by word', () => {
	const passage = 'The quick brown fox jumps over the lazy dog near the river bank';

	it('a last word cut off by the clock is not an error; a finished wrong last word is', () => {
		expect(countTypingErrors(passage, 'The quick brown fo').errors).toBe(0);
		expect(countTypingErrors(passage, 'The quick brown fo ').errors).toBe(1);
		expect(countTypingErrors(passage, 'The quick brown fx').errors).toBe(1);
	});

	it('stopping early is not an error', () => {
		expect(countTypingErrors(passage, 'The quick brown fox jumps')).toEqual({ errors: 0, typedWords: 5 });
		expect(countTypingErrors(passage, '')).toEqual({ errors: 0, typedWords: 0 });
	});

	it('a misspelled word is 1 error; case and punctuation count', () => {
		expect(countTypingErrors(passage, 'The quikc brown fox').errors).toBe(1);
		expect(countTypingErrors(passage, 'the quick brown fox,').errors).toBe(2);
	});

	it('a skipped word is 1 error, not one for every word after it', () => {
		expect(countTypingErrors(passage, 'The brown fox jumps over the lazy dog').errors).toBe(1);
	});

	it('an extra word and a doubled word are 1 error each', () => {
		expect(countTypingErrors(passage, 'The quick quick brown fox').errors).toBe(1);
		expect(countTypingErrors(passage, 'The very quick brown fox jumps').errors).toBe(1);
	});

	it('extra spaces and line breaks between words are not errors', () => {
		expect(countTypingErrors(passage, 'The  quick\nbrown   fox').errors).toBe(0);
	});

	it('typing past the end of the passage counts each extra word', () => {
		expect(countTypingErrors('one two three', 'one two three four five').errors).toBe(2);
	});
});

describe('scoreTypingTest: the server checks the text and bounds the time', () => {
	const passage =
		'The Finance Department bills utility accounts each month. A bill unpaid twenty-one days after its date is delinquent. '.repeat(5);
	const settings: TypingSettings = { minutes: 5, passage, errorPenalty: '1-wpm', minimumNetWpm: 40 };
	// 250 characters, 39 words, one misspelled, ending mid-word ("The Finance De").
	const typed = passage.slice(0, 250).replace('bills', 'billz');
	const score = (claimedMs: unknown, serverElapsedMs = 6 * MINUTE) => scoreTypingTest({ settings, typed, claimedMs, serverElapsedMs });

	it('250 chars in 1 min with 1 error = 50 WPM gross, 49 net at 1 WPM per error; 38 of 39 words right = 97.44%', () => {
		expect(typed.endsWith('The Finance De')).toBe(true);
		expect(score(MINUTE)).toEqual({
			ok: true,
			result: {
				characters: 250,
				typedWords: 39,
				errors: 1,
				elapsedMs: MINUTE,
				adjustment: 'none',
				grossWpm: '50.0',
				netWpm: '49.0',
				accuracy: '97.44',
				passed: true
			}
		});
	});

	it('a claim faster than 300 WPM is raised to the fastest possible time: 250 chars in 2 s → 10 s → 300 WPM', () => {
		expect(score(2_000)).toMatchObject({ ok: true, result: { elapsedMs: 10_000, adjustment: 'raised-to-fastest-possible', grossWpm: '300.0' } });
	});

	it('a claim longer than the limit is lowered to it; longer than the server measured, to the server time', () => {
		expect(score(7 * MINUTE, 8 * MINUTE)).toMatchObject({ ok: true, result: { elapsedMs: 5 * MINUTE, adjustment: 'lowered-to-limit', grossWpm: '10.0' } });
		expect(score(2 * MINUTE, 90_000)).toMatchObject({ ok: true, result: { elapsedMs: 90_000, adjustment: 'lowered-to-server-time' } });
	});

	it('refuses a claim that is not a whole number of milliseconds', () => {
		for (const claim of [-1, 1.5, '60000', undefined, Number.NaN, Number.POSITIVE_INFINITY]) {
			expect(score(claim)).toEqual({ ok: false, error: 'The elapsed time must be a whole number of milliseconds.' });
		}
	});

	it('no claim (a page without JavaScript) takes the server time, capped at the limit', () => {
		expect(score(null, 2 * MINUTE)).toMatchObject({ ok: true, result: { elapsedMs: 2 * MINUTE, adjustment: 'none', grossWpm: '25.0' } });
		expect(score(null, 7 * MINUTE)).toMatchObject({ ok: true, result: { elapsedMs: 5 * MINUTE, grossWpm: '10.0' } });
	});

	it('passes and fails against minimumNetWpm', () => {
		expect(score(2 * MINUTE)).toMatchObject({ result: { grossWpm: '25.0', netWpm: '24.0', passed: false } });
		expect(scoreTypingTest({ settings: { ...settings, minimumNetWpm: undefined }, typed, claimedMs: MINUTE, serverElapsedMs: MINUTE }))
			.toMatchObject({ result: { passed: null } });
	});

	it('refuses an absurdly long text', () => {
		expect(scoreTypingTest({ settings, typed: 'a'.repeat(30_001), claimedMs: MINUTE, serverElapsedMs: MINUTE })).toMatchObject({ ok: false });
	});
});

describe('boundElapsed', () => {
	it('raises to the fastest possible even when the server time is shorter still (flagged for review)', () => {
		expect(boundElapsed({ claimedMs: 1_000, serverElapsedMs: 3_000, limitMs: MINUTE, fastestMs: 5_000 })).toEqual({ ok: true, ms: 5_000, adjustment: 'raised-to-fastest-possible' });
	});
	it('keeps a plausible claim as it is', () => {
		expect(boundElapsed({ claimedMs: 42_000, serverElapsedMs: 45_000, limitMs: MINUTE, fastestMs: 5_000 })).toEqual({ ok: true, ms: 42_000, adjustment: 'none' });
	});
});

describe('10-key data entry', () => {
	const settings: TenKeySettings = { minutes: 5, entries: ['4821.07', '15.50', '903'], minimumNetKph: 7000, minimumAccuracy: '60' };

	it('18 keystrokes in 6 s = 10,800 KPH gross; 12 in correct entries = 7,200 net; 2 of 3 entries right = 66.67%', () => {
		const r = scoreTenKeyTest({ settings, batch: settings.entries!, typed: ['4821.07', '15.05', ' 903 '], claimedMs: 6_000, serverElapsedMs: 10_000 });
		expect(r).toEqual({
			ok: true,
			result: {
				entries: 3,
				correctEntries: 2,
				keystrokes: 18,
				correctKeystrokes: 12,
				elapsedMs: 6_000,
				adjustment: 'none',
				grossKph: '10800',
				netKph: '7200',
				accuracy: '66.67',
				passed: true
			}
		});
	});

	it('12,000 keystrokes in 1 hour = 12,000 KPH; fails the accuracy minimum at 50%', () => {
		expect(tenKeyFigures(12_000, 6_000, 3_600_000)).toEqual({ grossKph: '12000', netKph: '6000' });
		const r = scoreTenKeyTest({ settings, batch: settings.entries!, typed: ['4821.07', '15.05'], claimedMs: 6_000, serverElapsedMs: 10_000 });
		expect(r).toMatchObject({ ok: true, result: { accuracy: '50.00', passed: false } });
	});

	it('entries past the end of the batch are wrong; no entries = 0.00% and 0 KPH', () => {
		const r = scoreTenKeyTest({ settings, batch: ['1'], typed: ['1', '2'], claimedMs: 6_000, serverElapsedMs: 10_000 });
		expect(r).toMatchObject({ ok: true, result: { correctEntries: 1, keystrokes: 4, correctKeystrokes: 2, accuracy: '50.00' } });
		expect(scoreTenKeyTest({ settings, batch: ['1'], typed: [], claimedMs: 0, serverElapsedMs: 10_000 })).toMatchObject({
			ok: true,
			result: { grossKph: '0', netKph: '0', accuracy: '0.00' }
		});
	});

	it('a claim faster than 36,000 KPH is raised: 18 keystrokes in 0.5 s → 1.8 s', () => {
		const r = scoreTenKeyTest({ settings, batch: settings.entries!, typed: ['4821.07', '15.50', '903'], claimedMs: 500, serverElapsedMs: 10_000 });
		expect(r).toMatchObject({ ok: true, result: { elapsedMs: 1_800, adjustment: 'raised-to-fastest-possible', grossKph: '36000' } });
	});

	it('a generated batch is the same for the same seed and different for another', () => {
		const gen: TenKeySettings = { minutes: 5, generate: { count: 50, minDigits: 4, maxDigits: 7, decimals: 2 } };
		const a = tenKeyBatch(gen, 'attempt-1');
		expect(tenKeyBatch(gen, 'attempt-1')).toEqual(a);
		expect(tenKeyBatch(gen, 'attempt-2')).not.toEqual(a);
		expect(a).toHaveLength(50);
		for (const entry of a) expect(entry).toMatch(/^[1-9]\d{1,4}\.\d\d$/);
		expect(tenKeyBatch({ minutes: 5, generate: { count: 5, minDigits: 3, maxDigits: 3, decimals: 0 } }, 's').every((e) => /^[1-9]\d\d$/.test(e))).toBe(true);
		expect(tenKeyBatch(settings, 'any')).toEqual(['4821.07', '15.50', '903']);
	});
});

describe('skills tests inside an attempt: scored from the submitted text, with the server timing', () => {
	const typedText = typing.text.slice(0, 250);
	const timing = { serverElapsedMs: 3 * MINUTE, limitMs: 5 * MINUTE };

	it('scoreSkills reads a typing answer: 250 characters in 1 minute = 50 WPM; a score the page sends is never read', () => {
		const response = { kind: 'typing', text: typedText, elapsedMs: MINUTE, grossWpm: '999.0' } as ItemResponse;
		const out = scoreSkills(typing, inOrder(typing), response, timing);
		expect(out).toMatchObject({ kind: 'typing', result: { characters: 250, elapsedMs: MINUTE, grossWpm: '50.0', passed: true } });
	});

	it('nothing typed, or never started (no server timing), is not taken', () => {
		expect(scoreSkills(typing, inOrder(typing), { kind: 'typing', text: '  ', elapsedMs: 10 }, timing)).toEqual({ kind: 'typing', result: null });
		expect(scoreSkills(typing, inOrder(typing), { kind: 'typing', text: typedText, elapsedMs: MINUTE }, undefined)).toEqual({ kind: 'typing', result: null });
	});

	it('a 10-key answer: blank boxes after the last entry keyed are not counted; the delivered batch is the key', () => {
		const d = inOrder(tenKey);
		const entries = ['4821.07', '15.5', '903.00', '', ''];
		const out = scoreSkills(tenKey, d, { kind: 'ten-key', entries, elapsedMs: 6_000 }, timing);
		// 8 + 5 + 7 keystrokes with Enter; 15 in correct entries; in 6 s.
		expect(out).toMatchObject({ kind: 'ten-key', result: { entries: 3, correctEntries: 2, keystrokes: 20, correctKeystrokes: 15, grossKph: '12000', netKph: '9000', accuracy: '66.67', passed: false } });
	});

	it('scoreAttempt: skills tests add no points, report their figures, and their pass marks decide "passed"', () => {
		const items = new Map<string, ExamItem>([[single.id, single], [typing.id, typing], [tenKey.id, tenKey]]);
		const delivered = [inOrder(single), inOrder(typing), inOrder(tenKey)];
		const right = { kind: 'single-choice', choice: single.options.findIndex((o) => o.correct) } as const;
		const keyed: ItemResponse = { kind: 'ten-key', entries: [...tenKey.entries!], elapsedMs: 20_000 };
		const base = { blueprint: { sections: [{ id: 's', title: 'S', items: [], draw: [] }], passingPoint: { percent: '70' } }, delivered, items };
		const all = scoreAttempt({ ...base, responses: { single: right, typing: { kind: 'typing', text: typedText, elapsedMs: MINUTE }, 'ten-key': keyed }, skillsTimes: { typing: timing, 'ten-key': timing } });
		expect(all).toMatchObject({ raw: '1.00', max: '1.00', percent: '100.00', passed: true });
		expect(all.skills.map((s) => [s.itemId, s.result?.passed])).toEqual([['typing', true], ['ten-key', true]]);
		expect(all.items.map((i) => [i.itemId, i.outcome, i.max])).toEqual([['single', 'correct', '1.00'], ['typing', 'correct', '0.00'], ['ten-key', 'correct', '0.00']]);
		// The 10-key test not taken: it has pass marks, so the attempt fails though the written part passes.
		const missed = scoreAttempt({ ...base, responses: { single: right, typing: { kind: 'typing', text: typedText, elapsedMs: MINUTE } }, skillsTimes: { typing: timing } });
		expect(missed.passed).toBe(false);
		expect(missed.skills[1]).toEqual({ itemId: 'ten-key', sectionId: 's', kind: 'ten-key', result: null });
		expect(missed.items[2]!.outcome).toBe('unanswered');
	});
});
