import { error, json } from '@sveltejs/kit';
import { proctor } from '$lib/server/hr/proctor';
import type { RequestHandler } from './$types';

/** The console's live table as JSON: the page polls it every few seconds (HR only, like all of /hr). */
export const GET: RequestHandler = async ({ params }) => {
	const live = await proctor().live(params.id);
	if (!live) error(404, 'There is no such exam session.');
	return json(live, { headers: { 'cache-control': 'private, no-store' } });
};
