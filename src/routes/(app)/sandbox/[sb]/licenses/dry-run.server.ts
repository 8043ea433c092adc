import { fail, type RequestEvent } from '@sveltejs/kit';
import type { Command, SandboxState } from '$lib/domain/model';
import type { SessionUser } from '$lib/server/auth/types';
import { openWorkstation, type ActionFailure } from '$lib/server/workstation/route';
import { actorFor, sandboxes } from '$lib/server/workstation/service';

/**
 * Ask the clerk system whether a command would be accepted, without running it: fee previews are
 * checked by the very command they preview, and buttons are offered only when the action would pass.
 */
export function wouldRun(state: Readonly<SandboxState>, user: SessionUser, command: Command) {
	return sandboxes().engine.decide(state, command, { actor: actorFor(user), at: new Date().toISOString() });
}

/** A preview action: the command's refusal as a form failure (nothing changes), or the events it would post. */
export async function dryRun(event: RequestEvent, formName: string, form: FormData, command: Command) {
	const { user, state } = await openWorkstation(event);
	const decision = wouldRun(state, user, command);
	const values: Record<string, string> = {};
	for (const [k, v] of form.entries()) if (typeof v === 'string') values[k] = v;
	if (!decision.ok) {
		const failure: ActionFailure = { form: formName, error: decision.rejection.message, values };
		if (decision.rejection.field) failure.field = decision.rejection.field;
		return { ok: false as const, failure: fail(400, failure) };
	}
	return { ok: true as const, events: decision.events, state, values };
}
