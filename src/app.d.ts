import type { SessionUser } from '$lib/server/auth/types';

declare global {
	namespace App {
		interface Locals {
			user: SessionUser | null;
			sessionId: string | null;
		}
		interface Error {
			message: string;
			/** Set for 403s so the error page can say which roles open the area. */
			requiredRoles?: string[];
		}
	}
}

export {};
