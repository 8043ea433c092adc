import { error } from '@sveltejs/kit';
import { findPage, getContent } from '$lib/server/content';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const page = findPage(await getContent(), 'policy');
	if (!page) error(404, 'The policy page is missing from content/pages.');
	return { page: { title: page.title, summary: page.summary, html: page.html, headings: page.headings } };
};
