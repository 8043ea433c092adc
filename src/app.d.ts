import type { SessionUser } from '$lib/server/auth/types';
import type { ApplicantIdentity } from '$lib/server/hr/applicants';

declare global {
	namespace App {
		interface Locals {
			user: SessionUser | null;
			sessionId: string | null;
			/** An exam-day applicant signed in with an access code (never set together with `user`). */
			applicant: ApplicantIdentity | null;
		}
		interface Error {
			message: string;
			/** Set for 403s so the error page can say which roles open the area. */
			requiredRoles?: string[];
		}
	}
}

export {};
