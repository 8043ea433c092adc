import { delinquencyList } from '$lib/domain/views/utility';
import { field } from '$lib/forms';
import { openWorkstation, perform } from '$lib/server/workstation/route';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { state } = await openWorkstation(event);
	const all = event.url.searchParams.get('show') === 'all';
	const rows = delinquencyList(state);
	return {
		all,
		counts: { all: rows.length, processable: rows.filter((r) => r.mayBeProcessedForDisconnection).length },
		rows: all ? rows : rows.filter((r) => r.mayBeProcessedForDisconnection || r.notice)
	};
};

export const actions: Actions = {
	/** Send the written disconnection notice for one account of the list. */
	notice: async (event) => {
		const form = await event.request.formData();
		const account = field(form, 'account');
		const r = await perform(event, 'notice', form, { type: 'utility.send-notice', account }, `Notice sent for ${account.slice(0, 20)}.`);
		if (!r.ok) return r.failure;
		const sent = r.events.find((e) => e.type === 'utility.notice-sent');
		return { ...r.result, done: `Notice ${String(sent?.noticeId)} sent for ${account}: service may be shut off on or after ${String(sent?.disconnectOnOrAfter)}.` };
	}
};
