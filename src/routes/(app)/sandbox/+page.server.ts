import { redirect } from '@sveltejs/kit';
import { practiceSandbox } from '$lib/server/workstation/service';
import type { PageServerLoad } from './$types';

/** The clerk system opens on the user's own practice sandbox (made on first visit). */
export const load: PageServerLoad = async ({ locals }) => {
	const meta = await practiceSandbox(locals.user!, new Date());
	redirect(303, `/sandbox/${meta.id}`);
};
