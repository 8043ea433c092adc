import { getContent } from '$lib/server/content';
import { listUsers } from '$lib/server/auth/users';
import { getStore } from '$lib/server/store';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const roles = locals.user!.roles;
	const content = await getContent();
	const users = roles.includes('supervisor') || roles.includes('admin') ? await listUsers(getStore()) : [];
	return {
		firstLesson: content.lessons[0] ? { id: content.lessons[0].id, title: content.lessons[0].title } : null,
		lessonCount: content.lessons.length,
		traineeCount: users.filter((u) => u.active && u.roles.includes('trainee')).length,
		userCount: users.filter((u) => u.active).length
	};
};
