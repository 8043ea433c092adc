import { fail } from '@sveltejs/kit';
import { field } from '$lib/forms';
import { approvalsFor } from '$lib/server/supervisor/approvals';
import { runCommand, sandboxes } from '$lib/server/workstation/service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const queue = await approvalsFor(locals.user!.id);
	const requests = await Promise.all(
		queue.map(async (q) => {
			const opened = await sandboxes().open(q.sandboxId);
			const request = opened?.state.approvals[q.id];
			return { ...q, businessDate: opened?.state.businessDate ?? '', details: request ? describePayload(request.payload) : [] };
		})
	);
	return { requests };
};

const FIELD_LABELS: Record<string, string> = {
	type: 'Action',
	account: 'Account',
	amount: 'Amount',
	reason: 'Reason code',
	note: 'Note',
	months: 'Months',
	receiptNo: 'Receipt',
	drawerId: 'Drawer',
	direction: 'Direction',
	itemId: 'Item'
};

/** The stored command as label/value rows, so the supervisor sees exactly what will post. */
function describePayload(payload: Record<string, unknown>): Array<{ label: string; value: string }> {
	return Object.entries(payload)
		.filter(([, v]) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
		.map(([k, v]) => ({ label: FIELD_LABELS[k] ?? k, value: String(v) }));
}

export const actions: Actions = {
	decide: async ({ request, locals }) => {
		const form = await request.formData();
		const sandboxId = field(form, 'sandboxId');
		const id = field(form, 'id');
		const decision = field(form, 'decision');
		const queued = (await approvalsFor(locals.user!.id)).find((q) => q.sandboxId === sandboxId && q.id === id);
		if (!queued) return fail(400, { id, error: 'That request is no longer waiting (another supervisor may have decided it).' });
		if (decision !== 'approve' && decision !== 'deny') return fail(400, { id, error: 'Choose Approve or Deny.' });
		const outcome = await runCommand(sandboxId, locals.user!, { type: 'approval.decide', id, approve: decision === 'approve', reason: field(form, 'reason') }, new Date());
		if (!outcome.ok) return fail(400, { id, error: outcome.rejection.message });
		return { id, done: `${id} ${decision === 'approve' ? 'approved: it has posted in the trainee’s sandbox' : 'denied'}.` };
	}
};
