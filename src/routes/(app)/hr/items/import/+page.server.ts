import { fail } from '@sveltejs/kit';
import { formatBytes } from '$lib/components/hr/labels';
import { EXAM_TOPICS } from '$lib/exams';
import {
	addImport,
	bankIds,
	GIFT_MAX_BYTES,
	PASTED_SOURCE,
	previewImport,
	readImportForm,
	type ImportRequest,
	type ImportValues
} from '$lib/server/exams/hr-items';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({
	topics: EXAM_TOPICS.map((t) => ({ id: t.id, label: t.label })),
	maxSize: formatBytes(GIFT_MAX_BYTES),
	maxBytes: GIFT_MAX_BYTES
});

const EMPTY: ImportValues = { text: '', topic: '', difficulty: '2', tags: '', idPrefix: '', renameTaken: false };

/**
 * The posted form, or null: a body over the server's own size limit fails while it is read, and
 * that must come back as a message on the page, not as an error page.
 */
async function formOf(request: Request): Promise<FormData | null> {
	try {
		return await request.formData();
	} catch {
		return null;
	}
}

const unreadable = (form: 'preview' | 'add') =>
	fail(413, { form, field: 'file', error: `The upload could not be read. A GIFT file may be at most ${formatBytes(GIFT_MAX_BYTES)}; choose a smaller file.`, values: EMPTY });

/** What the add form carries back: the text and the options as the server read them. */
function carry(request: ImportRequest) {
	const { topic, difficulty, tags, idPrefix, renameTaken } = request.options;
	return { text: request.text, source: request.source, topic, difficulty: String(difficulty), tags: tags.join(', '), idPrefix, renameTaken };
}

/** The import form filled in again; pasted text is kept, a file's text is not (it is in the file). */
function refill(request: ImportRequest, values: ImportValues): ImportValues {
	return { ...values, text: request.source === PASTED_SOURCE ? values.text : '' };
}

export const actions: Actions = {
	/** Parse the file or text and show every item with its key, and every rejected question. */
	preview: async ({ request }) => {
		const form = await formOf(request);
		if (!form) return unreadable('preview');
		const read = await readImportForm(form);
		if (!read.ok) return fail(400, { form: 'preview' as const, field: read.field, error: read.error, values: read.values });
		const outcome = previewImport(read.request, await bankIds());
		const values = refill(read.request, read.values);
		if (!outcome.ok) return fail(400, { form: 'preview' as const, field: 'file', error: outcome.error, values });
		return { form: 'preview' as const, preview: outcome.preview, carry: carry(read.request), values };
	},
	/** Parse the previewed text again (never trusting the browser's copy of the preview) and add its items, all or none. */
	add: async ({ request, locals }) => {
		const form = await formOf(request);
		if (!form) return unreadable('add');
		const read = await readImportForm(form);
		if (!read.ok) return fail(400, { form: 'add' as const, field: read.field, error: read.error, values: { ...read.values, text: '' } });
		const expected = Number.parseInt(String(form.get('expected') ?? ''), 10);
		const outcome = await addImport(read.request, Number.isSafeInteger(expected) ? expected : null, locals.user!, new Date());
		const values = refill(read.request, read.values);
		if (!outcome.ok) {
			// Show the preview again (as the bank now stands) beside the reason nothing was added.
			const again = previewImport(read.request, await bankIds());
			return fail(409, { form: 'add' as const, field: '', error: outcome.error, values, ...(again.ok ? { preview: again.preview, carry: carry(read.request) } : {}) });
		}
		return { form: 'add' as const, added: outcome.added, source: outcome.source, values: EMPTY };
	}
};
