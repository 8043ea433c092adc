import { auditPage } from '$lib/domain/views/audit';
import { openWorkstation } from '$lib/server/workstation/route';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 50;

export const load: PageServerLoad = async (event) => {
	const { events, user } = await openWorkstation(event);
	const q = event.url.searchParams;
	const pageTyped = q.get('page') ?? '';
	const asked = /^\d{1,6}$/.test(pageTyped) ? Number(pageTyped) : 1;
	const trail = auditPage(events, { type: q.get('type') ?? '', page: asked, pageSize: PAGE_SIZE });
	const notices: string[] = [];
	if (trail.missingType) notices.push(`There are no “${trail.missingType}” events in this sandbox; showing every event.`);
	if (pageTyped && (!/^\d{1,6}$/.test(pageTyped) || asked !== trail.page)) notices.push(`There is no page “${pageTyped}”; showing page ${trail.page} of ${trail.pages}.`);
	// The trainee's own events show their name; others (supervisors approving) show their user id.
	const rows = trail.rows.map((r) => ({ ...r, who: r.actor === user.id ? user.displayName : r.actor }));
	return { ...trail, rows, notices, pageSize: PAGE_SIZE };
};
