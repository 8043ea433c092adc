import { bankEntries } from '$lib/server/exams/hr-items';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const entries = await bankEntries();
	return { items: entries.length, imported: entries.filter((e) => e.source.kind === 'imported').length };
};
