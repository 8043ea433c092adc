/** What every attempt route does first: find the candidate's own attempt (404 for anyone else's). */
import { error, type RequestEvent } from '@sveltejs/kit';
import type { Attempt } from './attempts';
import { examAttempts, ownerOf } from './service';

export async function ownAttempt(event: Pick<RequestEvent, 'locals'> & { params: { id?: string } }, options: { closeAtDeadline?: boolean } = {}) {
	const service = examAttempts();
	const owner = ownerOf(event.locals);
	let attempt: Readonly<Attempt> | undefined = await service.getFor(event.params.id ?? '', owner);
	if (!attempt) error(404, 'There is no such attempt.');
	// A page asked for after the deadline ends the attempt with what was saved (a page of answers
	// posted in the grace after the deadline is saved first: closeAtDeadline false).
	if (options.closeAtDeadline !== false && attempt.status === 'in-progress' && service.now() >= attempt.deadline) {
		const closed = await service.closeIfTimeUp(attempt.id, owner);
		if (closed.ok) attempt = closed.attempt;
	}
	return { service, owner, attempt };
}
