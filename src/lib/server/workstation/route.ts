import { error, fail, type RequestEvent } from '@sveltejs/kit';
import type { Command } from '$lib/domain/model';
import type { SessionUser } from '../auth/types';
import { runCommand, sandboxes } from './service';

/**
 * What every workstation route does first: find the sandbox named in the URL and make sure it is
 * the signed-in user's own. Loads and form actions both call it (layouts do not guard actions).
 */
export async function openWorkstation(event: Pick<RequestEvent, 'params' | 'locals'>) {
	const user = event.locals.user;
	if (!user) error(401, 'Sign in first.');
	const id = (event.params as { sb?: string }).sb ?? '';
	const meta = await sandboxes().meta(id);
	// Someone else's sandbox looks exactly like a missing one.
	if (!meta || meta.ownerId !== user.id) error(404, 'There is no such sandbox, or it is not yours.');
	const opened = await sandboxes().open(id);
	if (!opened) error(404, 'There is no such sandbox.');
	return { user, ...opened };
}

/** What a workstation form gets back when the clerk system turns the action down. */
export type ActionFailure = {
	form: string;
	error: string;
	/** The input at fault (the command's field path, e.g. "tenders[0].payee"). */
	field?: string;
	/** What was typed, so the form shows it again. */
	values: Record<string, string>;
	/** Over the clerk's authority: the command, ready to send to a supervisor for approval. */
	approvable?: string;
};

function typedValues(form: FormData): Record<string, string> {
	const values: Record<string, string> = {};
	for (const [k, v] of form.entries()) if (typeof v === 'string') values[k] = v;
	return values;
}

/**
 * Run one command for a form action. On success returns `{ form, done, events }`; when the clerk
 * system refuses, a 400 failure with its message, the field and the typed values (nothing changed).
 */
export async function perform(event: RequestEvent, formName: string, form: FormData, command: Command, done: string) {
	const { user, meta } = await openWorkstation(event);
	const outcome = await runCommand(meta.id, user as SessionUser, command, new Date());
	if (!outcome.ok) {
		const failure: ActionFailure = { form: formName, error: outcome.rejection.message, values: typedValues(form) };
		if (outcome.rejection.field) failure.field = outcome.rejection.field;
		if (outcome.rejection.code === 'over-authority') failure.approvable = JSON.stringify(command);
		return { ok: false as const, failure: fail(400, failure) };
	}
	return { ok: true as const, events: outcome.events, result: { form: formName, done } };
}
