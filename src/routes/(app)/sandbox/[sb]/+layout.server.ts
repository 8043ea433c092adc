import { redirect } from '@sveltejs/kit';
import { openDrawerOf } from '$lib/domain/cashiering/slice';
import { taskCard } from '$lib/server/training/player';
import { openWorkstation } from '$lib/server/workstation/route';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async (event) => {
	const { user, meta, state } = await openWorkstation(event);
	// A submitted attempt's screens are over: its result is what there is to see.
	if (meta.kind === 'attempt' && meta.closedAt && meta.ref) redirect(303, `/train/attempts/${meta.ref}`);
	const drawer = openDrawerOf(state, user.id);
	const mine = Object.values(state.approvals).filter((a) => a.requestedBy === user.id && a.status === 'pending');
	return {
		sandbox: { id: meta.id, kind: meta.kind, label: meta.label },
		businessDate: state.businessDate,
		drawer: drawer ? { id: drawer.id, date: drawer.date } : null,
		pendingApprovals: mine.length,
		task: meta.kind === 'attempt' && meta.ref ? await taskCard(meta.ref, user.id, new Date()) : null
	};
};
