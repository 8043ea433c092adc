/**
 * Skills tests: typing (WPM) and 10-key data entry (KPH).
 *
 * The page measures keystroke time; the server checks the text and bounds the time
 * (boundElapsed). Results are decimal strings: WPM to one decimal, KPH whole, accuracy percent to
 * two decimals, all rounded half-up; pass marks compare those rounded figures.
 *
 * Typing
 * - characters: everything typed, spaces included (a line break counts as one).
 * - gross WPM = characters ÷ 5 ÷ minutes.
 * - errors: the typed words are aligned with the passage word by word (fewest edits), so a
 *   skipped word is one error, not an error for every word after it. A wrong, extra or skipped
 *   word is one error each; the untyped rest of the passage is not an error, nor is a last word
 *   cut off by the clock (text ending mid-word) that the passage word starts with. Words are
 *   compared exactly (case and punctuation count).
 * - net WPM, by the blueprint's penalty, floored at 0:
 *     per-word  (characters ÷ 5 − errors) ÷ minutes   (each error takes back one word)
 *     1-wpm     gross WPM − 1 × errors
 *     2-wpm     gross WPM − 2 × errors
 * - accuracy = (words typed − errors) ÷ words typed, floored at 0.
 *
 * 10-key
 * - the page shows the batch one entry at a time; typed entry n is compared with batch entry n
 *   exactly, after trimming spaces.
 * - keystrokes of an entry = its characters + 1 for the Enter key that ends it.
 * - gross KPH = all keystrokes ÷ hours; net KPH = keystrokes of correct entries ÷ hours.
 * - accuracy = correct entries ÷ entries typed.
 *
 * Time. The claimed elapsed time must be a whole number of milliseconds ≥ 0, or the result is
 * refused. A valid claim is clamped, and the clamp is reported for the proctor:
 * - above the test's limit → the limit; above the time the server itself measured between
 *   handing out the test and receiving it → the server's time (the page cannot have typed longer);
 * - below the fastest humanly possible time for what was typed (25 characters a second = 300
 *   WPM; 10 keystrokes a second = 36,000 KPH) → raised to that, so a forged short time can
 *   never score above those rates.
 */
import { dec, fixed, ZERO, type Dec } from './decimal';
import { attemptRandom, type SeededRandom } from './random';
import { wordsOf } from './text';
import type { DeliveredItem, ItemResponse, TenKeyGenerate, TenKeyItem, TenKeySettings, TypingItem, TypingPenalty, TypingSettings } from './types';

export const FASTEST_TYPING_CHARACTERS_PER_SECOND = 25;
export const FASTEST_TEN_KEY_KEYSTROKES_PER_SECOND = 10;
/** Longest typed text (or 10-key batch) accepted, to bound the word alignment's work. */
export const MAX_TYPED_CHARACTERS = 30_000;
export const MAX_TEN_KEY_ENTRIES = 5_000;

export type ElapsedAdjustment = 'none' | 'lowered-to-limit' | 'lowered-to-server-time' | 'raised-to-fastest-possible';
export type BoundedElapsed = { ok: true; ms: number; adjustment: ElapsedAdjustment } | { ok: false; error: string };

export function boundElapsed(input: { claimedMs: unknown; serverElapsedMs: number; limitMs: number; fastestMs: number }): BoundedElapsed {
	const { claimedMs, serverElapsedMs, limitMs, fastestMs } = input;
	if (typeof claimedMs !== 'number' || !Number.isSafeInteger(claimedMs) || claimedMs < 0) {
		return { ok: false, error: 'The elapsed time must be a whole number of milliseconds.' };
	}
	let ms = claimedMs;
	let adjustment: ElapsedAdjustment = 'none';
	const ceiling = Math.min(limitMs, serverElapsedMs);
	if (ms > ceiling) {
		ms = ceiling;
		adjustment = ceiling === limitMs ? 'lowered-to-limit' : 'lowered-to-server-time';
	}
	if (ms < fastestMs) {
		ms = fastestMs;
		adjustment = 'raised-to-fastest-possible';
	}
	return { ok: true, ms, adjustment };
}

/** Characters as the typing score counts them (CRLF counts once). */
export function countCharacters(typed: string): number {
	return [...typed.replace(/\r\n/g, '\n')].length;
}

export const fastestTypingMs = (characters: number): number => Math.ceil((characters * 1000) / FASTEST_TYPING_CHARACTERS_PER_SECOND);
export const fastestTenKeyMs = (keystrokes: number): number => Math.ceil((keystrokes * 1000) / FASTEST_TEN_KEY_KEYSTROKES_PER_SECOND);

/**
 * Word errors: the fewest substitutions, insertions and omissions that turn the typed words
 * into the start of the passage (however much of it was reached).
 */
export function countTypingErrors(passage: string, typed: string): { errors: number; typedWords: number } {
	const want = wordsOf(passage);
	const got = wordsOf(typed);
	// A last word cut off by the clock ("Depart") is right if the passage word starts with it.
	const cutOff = typed.length > 0 && !/\s$/.test(typed);
	let prev = Uint32Array.from({ length: want.length + 1 }, (_, j) => j);
	let cur = new Uint32Array(want.length + 1);
	for (let i = 1; i <= got.length; i++) {
		cur[0] = i;
		const word = got[i - 1]!;
		const last = cutOff && i === got.length;
		for (let j = 1; j <= want.length; j++) {
			const same = last ? want[j - 1]!.startsWith(word) : word === want[j - 1];
			const substitute = prev[j - 1]! + (same ? 0 : 1);
			cur[j] = Math.min(substitute, prev[j]! + 1, cur[j - 1]! + 1);
		}
		[prev, cur] = [cur, prev];
	}
	// Stopping anywhere in the passage is free: the best of the last row.
	return { errors: Math.min(...prev), typedWords: got.length };
}

export interface TypingResult {
	characters: number;
	typedWords: number;
	errors: number;
	elapsedMs: number;
	adjustment: ElapsedAdjustment;
	grossWpm: string;
	netWpm: string;
	accuracy: string;
	/** Against minimumNetWpm; null when the blueprint sets none. */
	passed: boolean | null;
}

const maxZero = (d: Dec) => (d.isNegative() ? ZERO : d);

/** The WPM figures for a count of characters and errors over a time, by penalty. */
export function typingFigures(characters: number, errors: number, elapsedMs: number, penalty: TypingPenalty): { grossWpm: string; netWpm: string } {
	if (elapsedMs <= 0) return { grossWpm: '0.0', netWpm: '0.0' };
	const minutes = dec(elapsedMs).dividedBy(60_000);
	const words = dec(characters).dividedBy(5);
	const gross = words.dividedBy(minutes);
	const net =
		penalty === 'per-word' ? words.minus(errors).dividedBy(minutes) : gross.minus(dec(errors).times(penalty === '1-wpm' ? 1 : 2));
	return { grossWpm: fixed(gross, 1), netWpm: fixed(maxZero(net), 1) };
}

export type SkillsScore<T> = { ok: true; result: T } | { ok: false; error: string };

/** Score a typing test: the server's check of the text and bound on the time. */
/**
 * `limitMs` defaults to the test's minutes; the server passes its own (an exam clock may run
 * faster in tests). A claim of null (no JavaScript in the page) takes the server's time.
 */
export function scoreTypingTest(input: { settings: TypingSettings; typed: string; claimedMs: unknown; serverElapsedMs: number; limitMs?: number }): SkillsScore<TypingResult> {
	const { settings, typed } = input;
	if (typed.length > MAX_TYPED_CHARACTERS) return { ok: false, error: `The typed text is longer than ${MAX_TYPED_CHARACTERS.toLocaleString('en-US')} characters.` };
	const characters = countCharacters(typed);
	const limitMs = input.limitMs ?? settings.minutes * 60_000;
	const claimedMs = input.claimedMs === null ? Math.min(limitMs, Math.max(0, Math.floor(input.serverElapsedMs))) : input.claimedMs;
	const time = boundElapsed({ claimedMs, serverElapsedMs: input.serverElapsedMs, limitMs, fastestMs: fastestTypingMs(characters) });
	if (!time.ok) return time;
	const { errors, typedWords } = countTypingErrors(settings.passage, typed);
	const { grossWpm, netWpm } = typingFigures(characters, errors, time.ms, settings.errorPenalty);
	const accuracy = typedWords === 0 ? '0.00' : fixed(maxZero(dec(typedWords - errors).times(100).dividedBy(typedWords)), 2);
	const passed = settings.minimumNetWpm === undefined ? null : dec(netWpm).gte(settings.minimumNetWpm);
	return { ok: true, result: { characters, typedWords, errors, elapsedMs: time.ms, adjustment: time.adjustment, grossWpm, netWpm, accuracy, passed } };
}

export interface TenKeyResult {
	entries: number;
	correctEntries: number;
	keystrokes: number;
	correctKeystrokes: number;
	elapsedMs: number;
	adjustment: ElapsedAdjustment;
	grossKph: string;
	netKph: string;
	accuracy: string;
	/** Against minimumNetKph and minimumAccuracy; null when the blueprint sets neither. */
	passed: boolean | null;
}

/** Gross and net KPH for keystroke counts over a time. */
export function tenKeyFigures(keystrokes: number, correctKeystrokes: number, elapsedMs: number): { grossKph: string; netKph: string } {
	if (elapsedMs <= 0) return { grossKph: '0', netKph: '0' };
	const hours = dec(elapsedMs).dividedBy(3_600_000);
	return { grossKph: fixed(dec(keystrokes).dividedBy(hours), 0), netKph: fixed(dec(correctKeystrokes).dividedBy(hours), 0) };
}

export function scoreTenKeyTest(input: { settings: TenKeySettings; batch: readonly string[]; typed: readonly string[]; claimedMs: unknown; serverElapsedMs: number; limitMs?: number }): SkillsScore<TenKeyResult> {
	const { settings, batch, typed } = input;
	if (typed.length > MAX_TEN_KEY_ENTRIES || typed.some((t) => typeof t !== 'string' || t.length > 40)) {
		return { ok: false, error: `At most ${MAX_TEN_KEY_ENTRIES.toLocaleString('en-US')} entries of up to 40 characters are accepted.` };
	}
	let keystrokes = 0;
	let correctKeystrokes = 0;
	let correctEntries = 0;
	typed.forEach((entry, i) => {
		const text = entry.trim();
		const strokes = [...text].length + 1;
		keystrokes += strokes;
		if (i < batch.length && text === batch[i]) {
			correctEntries++;
			correctKeystrokes += strokes;
		}
	});
	const limitMs = input.limitMs ?? settings.minutes * 60_000;
	const claimedMs = input.claimedMs === null ? Math.min(limitMs, Math.max(0, Math.floor(input.serverElapsedMs))) : input.claimedMs;
	const time = boundElapsed({ claimedMs, serverElapsedMs: input.serverElapsedMs, limitMs, fastestMs: fastestTenKeyMs(keystrokes) });
	if (!time.ok) return time;
	const { grossKph, netKph } = tenKeyFigures(keystrokes, correctKeystrokes, time.ms);
	const accuracy = typed.length === 0 ? '0.00' : fixed(dec(correctEntries).times(100).dividedBy(typed.length), 2);
	const checks = [
		settings.minimumNetKph === undefined ? null : dec(netKph).gte(settings.minimumNetKph),
		settings.minimumAccuracy === undefined ? null : dec(accuracy).gte(dec(settings.minimumAccuracy))
	].filter((c): c is boolean => c !== null);
	const passed = checks.length === 0 ? null : checks.every(Boolean);
	return {
		ok: true,
		result: { entries: typed.length, correctEntries, keystrokes, correctKeystrokes, elapsedMs: time.ms, adjustment: time.adjustment, grossKph, netKph, accuracy, passed }
	};
}

/** Random entries for a 10-key batch: digits count in range, first digit never 0. */
export function generateTenKeyEntries(generate: TenKeyGenerate, random: SeededRandom): string[] {
	return Array.from({ length: generate.count }, () => {
		const digits = random.int(generate.minDigits, generate.maxDigits);
		const text = Array.from({ length: digits }, (_, i) => String(i === 0 ? random.int(1, 9) : random.int(0, 9))).join('');
		return generate.decimals > 0 ? `${text.slice(0, digits - generate.decimals)}.${text.slice(digits - generate.decimals)}` : text;
	});
}

/** The batch a candidate keys: the blueprint's fixed entries, or one generated from the attempt seed. */
export function tenKeyBatch(settings: TenKeySettings, seed: string): string[] {
	if (settings.entries) return [...settings.entries];
	if (!settings.generate) throw new Error('10-key settings need entries or generate');
	return generateTenKeyEntries(settings.generate, attemptRandom(seed, 'ten-key'));
}

/**
 * The server's own measure of a skills test: how long the test was open when the answer being
 * scored arrived (its save time minus the moment the test was started and first shown), and the
 * test's limit in the exam clock's milliseconds.
 */
export interface SkillsTiming {
	serverElapsedMs: number;
	limitMs: number;
}

export type SkillsOutcome =
	| { kind: 'typing'; result: TypingResult }
	| { kind: 'ten-key'; result: TenKeyResult }
	/** Nothing typed, never started, or the stored answer could not be scored (`error` says why). */
	| { kind: 'typing' | 'ten-key'; result: null; error?: string };

/** Does a skills test have a pass mark (a qualifying standard)? One never taken then misses it. */
export function hasSkillsPassMark(item: { kind: string } & Partial<Pick<TypingItem, 'minimumNetWpm'> & Pick<TenKeyItem, 'minimumNetKph' | 'minimumAccuracy'>>): boolean {
	if (item.kind === 'typing') return item.minimumNetWpm !== undefined;
	if (item.kind === 'ten-key') return item.minimumNetKph !== undefined || item.minimumAccuracy !== undefined;
	return false;
}

export const typingSettingsOf = (item: TypingItem): TypingSettings => ({
	minutes: item.minutes,
	passage: item.text,
	errorPenalty: item.errorPenalty,
	...(item.minimumNetWpm !== undefined ? { minimumNetWpm: item.minimumNetWpm } : {})
});

/**
 * Score a skills answer from the submitted text alone (a score the page might send is never
 * read). Without a timing (never started) nothing counts. The batch is the delivered one.
 */
export function scoreSkills(item: TypingItem | TenKeyItem, delivered: DeliveredItem, response: ItemResponse | null | undefined, timing: SkillsTiming | undefined): SkillsOutcome {
	if (item.kind === 'typing') {
		if (!timing || response?.kind !== 'typing' || response.text.trim() === '') return { kind: 'typing', result: null };
		const r = scoreTypingTest({ settings: typingSettingsOf(item), typed: response.text, claimedMs: response.elapsedMs, ...timing });
		return r.ok ? { kind: 'typing', result: r.result } : { kind: 'typing', result: null, error: r.error };
	}
	if (!timing || response?.kind !== 'ten-key' || response.entries.every((e) => e.trim() === '')) return { kind: 'ten-key', result: null };
	// Entries are keyed in order; blanks after the last one typed are boxes never reached.
	let last = response.entries.length;
	while (last > 0 && response.entries[last - 1]!.trim() === '') last--;
	const r = scoreTenKeyTest({ settings: item, batch: delivered.entries ?? item.entries ?? [], typed: response.entries.slice(0, last), claimedMs: response.elapsedMs, ...timing });
	return r.ok ? { kind: 'ten-key', result: r.result } : { kind: 'ten-key', result: null, error: r.error };
}
