import { DESTINATIONS } from '$lib/domain/mail';
import { mailTray } from '$lib/domain/views/mail';
import { field } from '$lib/forms';
import { openWorkstation, perform } from '$lib/server/workstation/route';
import { sandboxes } from '$lib/server/workstation/service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { state, user } = await openWorkstation(event);
	const tray = mailTray(state, sandboxes().engine.env.paymentTargets, state.businessDate);
	// The trainee's own entries carry their user id; name them as the top bar does.
	const log = tray.log.map((l) => ({ ...l, openedBy: l.openedBy === user.id ? user.displayName : l.openedBy }));
	return { open: tray.open, doneToday: tray.doneToday, log, logTotal: tray.logTotal, destinations: DESTINATIONS };
};

/** Successes are announced at the top of the tray (the item moves on); refusals stay with the item. */
function announced(r: Awaited<ReturnType<typeof perform>>) {
	return r.ok ? { ...r.result, form: 'tray' } : r.failure;
}

export const actions: Actions = {
	stamp: async (event) => {
		const form = await event.request.formData();
		const itemId = field(form, 'itemId');
		return announced(await perform(event, `item-${itemId}`, form, { type: 'mail.stamp', itemId }, `${itemId} is stamped received.`));
	},
	log: async (event) => {
		const form = await event.request.formData();
		const itemId = field(form, 'itemId');
		const command = {
			type: 'mail.log-remittance',
			itemId,
			account: field(form, 'account'),
			witness: field(form, 'witness'),
			postmark: field(form, 'postmark'),
			payer: field(form, 'payer'),
			checkNumber: field(form, 'checkNumber'),
			amount: field(form, 'amount')
		};
		return announced(await perform(event, `item-${itemId}`, form, command, `${itemId}: the payment is on the remittance log. Route the item next.`));
	},
	route: async (event) => {
		const form = await event.request.formData();
		const itemId = field(form, 'itemId');
		const destination = field(form, 'destination');
		return announced(await perform(event, `item-${itemId}`, form, { type: 'mail.route', itemId, destination }, `${itemId} is routed to ${destination}.`));
	}
};
