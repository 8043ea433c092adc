import { error } from '@sveltejs/kit';
import { DENOMINATIONS } from '$lib/domain/cashiering/denominations';
import { drawerReport } from '$lib/domain/cashiering/reports';
import { openWorkstation } from '$lib/server/workstation/route';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { state } = await openWorkstation(event);
	const drawer = Object.hasOwn(state.cashiering.drawers, event.params.id) ? state.cashiering.drawers[event.params.id] : undefined;
	if (!drawer) error(404, `There is no drawer ${event.params.id} in this sandbox.`);
	const close = drawer.closeOut;
	return {
		drawer: { id: drawer.id, clerkName: drawer.clerkName, date: drawer.date, status: drawer.status },
		report: drawerReport(state, drawer),
		close: close
			? {
					closedAt: close.closedAt,
					expected: close.expected,
					counted: close.counted,
					difference: close.difference,
					withinLimit: close.withinLimit,
					note: close.note,
					explanation: close.explanation ?? null,
					approvedBy: close.approvedBy ?? null,
					deposit: {
						...close.deposit,
						byDenomination: close.deposit.cashByDenomination
							? DENOMINATIONS.filter((d) => close.deposit.cashByDenomination![d.key] > 0).map((d) => ({ label: d.label, pieces: close.deposit.cashByDenomination![d.key] }))
							: null
					}
				}
			: null
	};
};
