import { openDrawerOf } from '$lib/domain/cashiering/slice';
import { openWorkstation } from '$lib/server/workstation/route';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async (event) => {
	const { user, meta, state } = await openWorkstation(event);
	const drawer = openDrawerOf(state, user.id);
	const mine = Object.values(state.approvals).filter((a) => a.requestedBy === user.id && a.status === 'pending');
	return {
		sandbox: { id: meta.id, kind: meta.kind, label: meta.label },
		businessDate: state.businessDate,
		drawer: drawer ? { id: drawer.id, date: drawer.date } : null,
		pendingApprovals: mine.length
	};
};
