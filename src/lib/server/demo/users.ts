import type { Role } from '$lib/access';

/** The password every demo user signs in with (printed by `npm start`, shown in the README). */
export const DEMO_PASSWORD = 'tracy-demo';

export const DEMO_USERS: ReadonlyArray<{ username: string; displayName: string; roles: Role[] }> = [
	{ username: 'trainee', displayName: 'Maria Delgado', roles: ['trainee'] },
	{ username: 'trainee2', displayName: 'James Okafor', roles: ['trainee'] },
	{ username: 'trainee3', displayName: 'Lin Chen', roles: ['trainee'] },
	{ username: 'supervisor', displayName: 'Patricia Nguyen', roles: ['supervisor'] },
	{ username: 'hr', displayName: 'Robert Hayes', roles: ['hr'] },
	{ username: 'admin', displayName: 'Sam Whitfield', roles: ['admin'] }
];
