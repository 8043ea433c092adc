import { fail } from '@sveltejs/kit';
import { field } from '$lib/forms';
import { openWorkstation, perform } from '$lib/server/workstation/route';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { state, user } = await openWorkstation(event);
	const requests = Object.values(state.approvals)
		.filter((a) => a.requestedBy === user.id)
		.sort((a, b) => b.requestedAt.localeCompare(a.requestedAt))
		.map(({ id, kind, summary, status, requestedAt, note, decidedAt, reason }) => ({ id, kind, summary, status, requestedAt, note, decidedAt, reason }));
	return { requests };
};

export const actions: Actions = {
	/** Send an over-authority action (as the form that was refused built it) to the supervisors' queue. */
	request: async (event) => {
		const form = await event.request.formData();
		let command: unknown;
		try {
			command = JSON.parse(field(form, 'command'));
		} catch {
			command = undefined;
		}
		if (!command || typeof command !== 'object' || Array.isArray(command))
			return fail(400, { form: 'request', error: 'The action to approve is missing; go back and try the action again.', values: {} });
		const r = await perform(event, 'request', form, { type: 'approval.request', command, note: field(form, 'note') }, 'Sent to a supervisor. You will see the decision here.');
		return r.ok ? r.result : r.failure;
	}
};
