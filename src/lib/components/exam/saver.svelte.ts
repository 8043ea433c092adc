/**
 * The browser side of answer saving. Every change of an item bumps that item's sequence number
 * and marks it dirty; one request at a time sends the whole state of every dirty item, so saves
 * arrive in order and a retry is harmless (the server ignores a sequence number it already has).
 * A failed request is retried with backoff (1, 2, 4, 8, then every 10 s), and at once when the
 * browser comes back online. Each acknowledgement carries the time left by the server's clock.
 * A heartbeat asks the server for the clock every few seconds, so a proctor's pause, resume or
 * added time shows without a save; while paused, changes wait here and go when it resumes.
 *
 * One saver per attempt for the life of the page, so changes still in flight survive moving
 * between questions.
 */
import type { ItemResponse } from '$lib/exams/types';

export type SaveState = 'idle' | 'saving' | 'saved' | 'retrying' | 'closed' | 'refused' | 'paused';
export type ItemEntry = { response: ItemResponse | null; flagged: boolean; seq: number };
type ServerItem = ItemEntry & { index: number };

const BACKOFF_MS = [1_000, 2_000, 4_000, 8_000, 10_000];
/** How often the page asks for the clock: often while paused (to resume promptly), else now and then. */
const HEARTBEAT_MS = { running: 10_000, paused: 3_000 };

const savers = new Map<string, ExamSaver>();

export function saverFor(attemptId: string): ExamSaver {
	let saver = savers.get(attemptId);
	if (!saver) {
		saver = new ExamSaver(attemptId);
		savers.set(attemptId, saver);
	}
	return saver;
}

export class ExamSaver {
	state = $state<SaveState>('idle');
	message = $state('');
	/** performance.now() at which the time runs out, from the server's last word. */
	endsAt = $state<number | null>(null);
	entries = $state<Record<number, ItemEntry>>({});
	pending = $state(0);
	/** While a proctor has paused the attempt: the time left, standing still. */
	frozenMs = $state<number | null>(null);

	readonly #dirty = new Set<number>();
	#inFlight = false;
	#retryTimer: ReturnType<typeof setTimeout> | null = null;
	#failures = 0;
	#idle: (() => void)[] = [];
	#heartbeat: ReturnType<typeof setTimeout> | null = null;
	readonly #typing = new Map<number, ReturnType<typeof setTimeout>>();
	readonly #held = new Map<number, { response?: ItemResponse | null; flagged?: boolean }>();

	constructor(readonly attemptId: string) {
		if (typeof window !== 'undefined') {
			window.addEventListener('online', () => this.retryNow());
			window.addEventListener('beforeunload', (event) => {
				if ((this.#dirty.size > 0 || this.#held.size > 0) && this.state !== 'closed') event.preventDefault();
			});
		}
	}

	/** Items as the server has them (a page load), except those with a newer change here. */
	adopt(items: readonly ServerItem[], remainingMs: number): void {
		for (const it of items) {
			const mine = this.entries[it.index];
			if (!mine || (!this.#dirty.has(it.index) && it.seq >= mine.seq)) {
				this.entries[it.index] = { response: it.response, flagged: it.flagged, seq: it.seq };
			}
		}
		this.sync(remainingMs);
	}

	sync(remainingMs: number): void {
		this.endsAt = performance.now() + remainingMs;
	}

	/** The server says the attempt is paused (or not): hold changes and the clock, or let them go. */
	setPaused(paused: boolean, remainingMs: number): void {
		if (paused) {
			this.frozenMs = remainingMs;
			if (this.state !== 'closed') {
				this.state = 'paused';
				this.message = '';
			}
			return;
		}
		const wasPaused = this.frozenMs !== null;
		this.frozenMs = null;
		this.sync(remainingMs);
		if (wasPaused && this.state === 'paused') {
			this.state = this.#dirty.size > 0 ? 'saving' : 'saved';
			this.retryNow();
		}
	}

	/** Ask the server for the clock now and then for the life of the page (returns the stop function). */
	startHeartbeat(): () => void {
		const beat = async () => {
			this.#heartbeat = null;
			if (this.state === 'closed') return;
			try {
				const res = await fetch(`/exams/attempts/${this.attemptId}/clock`, { headers: { accept: 'application/json' } });
				const body = (await res.json()) as { ok?: boolean; status?: string; paused?: boolean; remainingMs?: number; error?: string };
				if (res.status === 409 || (body.status && body.status !== 'in-progress')) {
					this.state = 'closed';
					this.message = body.error ?? 'This attempt is closed.';
					return;
				}
				if (res.ok && typeof body.remainingMs === 'number') this.setPaused(body.paused === true, body.remainingMs);
			} catch {
				// Offline: the saver's own retries say so; the next beat tries again.
			}
			this.#heartbeat = setTimeout(beat, this.frozenMs !== null ? HEARTBEAT_MS.paused : HEARTBEAT_MS.running);
		};
		this.#heartbeat = setTimeout(beat, this.frozenMs !== null ? HEARTBEAT_MS.paused : HEARTBEAT_MS.running);
		return () => {
			if (this.#heartbeat) clearTimeout(this.#heartbeat);
			this.#heartbeat = null;
		};
	}

	entry(index: number): ItemEntry | undefined {
		return this.entries[index];
	}

	/**
	 * A change of one item. `typing` holds it back until the candidate pauses (600 ms), so a word
	 * is one save, not one per key; the status says "Saving…" meanwhile.
	 */
	change(index: number, patch: { response?: ItemResponse | null; flagged?: boolean }, typing = false): void {
		const held = this.#typing.get(index);
		if (held) clearTimeout(held);
		this.#typing.delete(index);
		if (typing) {
			if (this.state !== 'closed' && this.state !== 'retrying') this.state = 'saving';
			this.#typing.set(
				index,
				setTimeout(() => this.change(index, patch), 600)
			);
			this.#held.set(index, patch);
			return;
		}
		this.#held.delete(index);
		const current = this.entries[index];
		if (!current || this.state === 'closed') return;
		this.entries[index] = {
			response: patch.response !== undefined ? patch.response : current.response,
			flagged: patch.flagged ?? current.flagged,
			seq: current.seq + 1
		};
		this.#dirty.add(index);
		this.pending = this.#dirty.size;
		this.#pump();
	}

	/** Wait until every change is acknowledged; false if that takes longer than `timeoutMs`. */
	flush(timeoutMs = 10_000): Promise<boolean> {
		for (const [index, patch] of [...this.#held]) this.change(index, patch);
		if (this.#dirty.size === 0 && !this.#inFlight) return Promise.resolve(true);
		this.retryNow();
		return new Promise((resolve) => {
			const timer = setTimeout(() => resolve(false), timeoutMs);
			this.#idle.push(() => {
				clearTimeout(timer);
				resolve(true);
			});
		});
	}

	retryNow(): void {
		if (this.#retryTimer) {
			clearTimeout(this.#retryTimer);
			this.#retryTimer = null;
		}
		this.#pump();
	}

	#pump(): void {
		if (this.#inFlight || this.#retryTimer || this.state === 'closed' || this.frozenMs !== null) return;
		if (this.#dirty.size === 0) {
			for (const done of this.#idle.splice(0)) done();
			return;
		}
		this.#inFlight = true;
		void this.#send().finally(() => {
			this.#inFlight = false;
			this.pending = this.#dirty.size;
			this.#pump();
		});
	}

	async #send(): Promise<void> {
		const batch = [...this.#dirty].map((index) => ({ index, ...$state.snapshot(this.entries[index]!) }));
		this.state = 'saving';
		let res: Response;
		let body: { ok?: boolean; code?: string; error?: string; remainingMs?: number } | null = null;
		try {
			res = await fetch(`/exams/attempts/${this.attemptId}/save`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', accept: 'application/json' },
				body: JSON.stringify({ saves: batch.map(({ index, seq, response, flagged }) => ({ index, seq, response, flagged })) })
			});
			if ((res.headers.get('content-type') ?? '').includes('application/json')) body = await res.json();
		} catch {
			return this.#retry();
		}
		if (res.ok && body?.ok) {
			for (const b of batch) if (this.entries[b.index]?.seq === b.seq) this.#dirty.delete(b.index);
			if (typeof body.remainingMs === 'number') this.sync(body.remainingMs);
			this.#failures = 0;
			this.message = '';
			this.state = this.#dirty.size > 0 ? 'saving' : 'saved';
			return;
		}
		if (res.status === 423 && body?.code === 'paused') {
			// Kept dirty: sent again when the heartbeat hears the attempt resumed.
			this.setPaused(true, typeof body.remainingMs === 'number' ? body.remainingMs : (this.frozenMs ?? 0));
			return;
		}
		if (res.status === 409) {
			this.state = 'closed';
			this.message = body?.error ?? 'This attempt is closed.';
			return;
		}
		if ((res.status === 400 || res.status === 403) && body) {
			// The server refused an answer (malformed, or not allowed now): it will refuse it again, so drop it.
			for (const b of batch) this.#dirty.delete(b.index);
			this.state = 'refused';
			this.message = body.error ?? 'An answer was refused.';
			return;
		}
		// Signed out (the reply is the sign-in page), a server error or a restart: try again.
		this.#retry(body?.error ?? (res.redirected ? 'You seem to be signed out; sign in again in another tab.' : ''));
	}

	#retry(message = ''): void {
		this.state = 'retrying';
		this.message = message || (typeof navigator !== 'undefined' && !navigator.onLine ? 'You are offline.' : 'The server did not answer.');
		const delay = BACKOFF_MS[Math.min(this.#failures, BACKOFF_MS.length - 1)]!;
		this.#failures++;
		this.#retryTimer = setTimeout(() => {
			this.#retryTimer = null;
			this.#pump();
		}, delay);
	}
}
