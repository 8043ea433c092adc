import { error } from '@sveltejs/kit';
import { own } from '$lib/domain/input';
import { openWorkstation } from '$lib/server/workstation/route';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { state } = await openWorkstation(event);
	const typed = event.params.number;
	const license = own(state.licenses.licenses, typed.trim().toUpperCase());
	if (!license) error(404, `No license ${typed.slice(0, 30)} in this sandbox. Check the number (like BL-2026-0007) or find the business by name.`);
	// The certificate is handed over only once the license is paid (and, for a new business, approved).
	const printable = license.paid && license.certificate && license.status !== 'applied' && license.status !== 'in-review';
	return {
		number: license.number,
		businessId: license.businessId,
		status: license.status,
		certificate: printable ? license.certificate! : null
	};
};
