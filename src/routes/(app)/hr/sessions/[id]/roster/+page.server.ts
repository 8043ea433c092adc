import { fail } from '@sveltejs/kit';
import { field } from '$lib/forms';
import { columnLabel, describeRowError, ROSTER_MAX_BYTES, type RosterPreview } from '$lib/hr/roster';
import { actorOf, hrSessions, rosterEditable } from '$lib/server/hr';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const s = await hrSessions().get(params.id);
	return { editable: s ? rosterEditable(s) : false };
};

/** The roster text from the upload (when a file was chosen) or the pasted text. */
async function rosterText(request: Request): Promise<{ ok: true; text: string; source: string } | { ok: false; error: string }> {
	let form: FormData;
	try {
		form = await request.formData();
	} catch {
		return { ok: false, error: `The upload could not be read. A roster file may be at most ${ROSTER_MAX_BYTES / 1_000_000} MB.` };
	}
	const file = form.get('file');
	if (file instanceof File && file.size > 0) {
		if (file.size > ROSTER_MAX_BYTES) return { ok: false, error: `“${file.name}” is too large: a roster file may be at most ${ROSTER_MAX_BYTES / 1_000_000} MB.` };
		return { ok: true, text: await file.text(), source: file.name };
	}
	const text = field(form, 'text');
	if (!text.trim()) return { ok: false, error: 'Choose a CSV file or paste the roster into the box.' };
	return { ok: true, text, source: 'the pasted text' };
}

/** What the page shows of a preview: each row's values and problems, and every problem as a sentence. */
function shown(p: RosterPreview) {
	return {
		ok: p.ok,
		columns: p.columns.map((c) => ({ key: c, label: columnLabel(c) })),
		ignoredColumns: p.ignoredColumns,
		messages: p.errors.map(describeRowError),
		rows: p.rows.map((r) => ({
			row: r.row,
			applicantId: r.applicant?.applicantId ?? r.raw.applicantId ?? '',
			name: r.applicant?.name ?? r.raw.name ?? '',
			email: r.applicant?.email ?? r.raw.email ?? '',
			accommodation: r.applicant ? r.applicant.accommodation : (r.raw.accommodation ?? ''),
			voluntary: r.applicant ? Object.values(r.applicant.demographics).join(', ') : '',
			problems: r.errors.map((e) => (e.column ? `${e.column}: ${e.message}` : e.message))
		}))
	};
}

export const actions: Actions = {
	preview: async ({ request, params }) => {
		const read = await rosterText(request);
		if (!read.ok) return fail(400, { form: 'preview' as const, error: read.error, text: '' });
		const p = await hrSessions().previewRoster(params.id, read.text);
		if (!p.ok) return fail(409, { form: 'preview' as const, error: p.error, text: read.text });
		return { form: 'preview' as const, source: read.source, text: read.text, preview: shown(p.value) };
	},
	import: async ({ request, params, locals }) => {
		const form = await request.formData();
		const text = field(form, 'text');
		const r = await hrSessions().importRoster(params.id, text, actorOf(locals.user!));
		if (!r.ok) {
			const again = await hrSessions().previewRoster(params.id, text);
			return fail(409, { form: 'import' as const, error: r.error, text, ...(again.ok ? { preview: shown(again.value), source: 'the file' } : {}) });
		}
		return { form: 'import' as const, added: r.value.added, text: '' };
	}
};
