import type { ExamAttempts } from './attempts';

/**
 * Closes attempts past their deadline and grace on a timer, so an exam ends on time even when
 * every browser is gone. Runs once at once (attempts that ran out while the server was down),
 * then every `everyMs`; a sweep never overlaps the previous one. The timer does not keep the
 * process alive. Returns a stop function.
 */
export function startSweeper(attempts: ExamAttempts, everyMs = attempts.clock.sweepEveryMs, log: (message: string) => void = console.error): () => void {
	let running = false;
	const tick = async () => {
		if (running) return;
		running = true;
		try {
			await attempts.sweep();
		} catch (err) {
			log(`Exam sweeper: ${(err as Error).message}`);
		} finally {
			running = false;
		}
	};
	void tick();
	const timer = setInterval(() => void tick(), everyMs);
	timer.unref();
	return () => clearInterval(timer);
}
