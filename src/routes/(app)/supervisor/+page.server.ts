import { listUsers } from '$lib/server/auth/users';
import { getStore } from '$lib/server/store';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const users = await listUsers(getStore());
	return {
		trainees: users
			.filter((u) => u.active && u.roles.includes('trainee'))
			.map((u) => ({ id: u.id, username: u.username, displayName: u.displayName, since: u.createdAt.slice(0, 10) }))
	};
};
