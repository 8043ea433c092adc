import { error } from '@sveltejs/kit';
import { bankEntries, itemView } from '$lib/server/exams/hr-items';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const entry = (await bankEntries()).find((e) => e.item.id === params.id);
	if (!entry) error(404, `No item with the id “${params.id}” is in the bank.`);
	return { view: itemView(entry.item), source: entry.source };
};
