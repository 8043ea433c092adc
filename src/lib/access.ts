/**
 * Roles and the areas of the app each one opens. The one place the access rules live: the server
 * guard (hooks.server.ts) enforces them and the navigation shows them.
 */
export const ROLES = ['trainee', 'supervisor', 'hr', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
	trainee: 'Trainee',
	supervisor: 'Supervisor',
	hr: 'HR analyst',
	admin: 'Administrator'
};

export type Area = { path: string; label: string; roles: readonly Role[]; purpose: string };

export const AREAS: readonly Area[] = [
	{ path: '/train', label: 'Training', roles: ['trainee', 'supervisor'], purpose: 'Lessons, scenarios and your progress' },
	{ path: '/sandbox', label: 'Clerk system', roles: ['trainee', 'supervisor'], purpose: 'The practice copy of the Finance counter system' },
	{ path: '/exams', label: 'Exams', roles: ['trainee', 'hr'], purpose: 'Practice exams and written tests' },
	{ path: '/supervisor', label: 'Supervisor', roles: ['supervisor'], purpose: 'Trainee progress, grading, approvals and sign-off' },
	{ path: '/hr', label: 'HR exams', roles: ['hr'], purpose: 'Exam sessions, rosters, scoring and eligibility lists' },
	{ path: '/admin', label: 'Admin', roles: ['admin'], purpose: 'Users, roles and backups' }
];

/** Paths anyone may open, signed in or not (/exam-day is the applicants' sign-in with an access code). */
const PUBLIC_PATHS = ['/login', '/healthz', '/exam-day'];

/**
 * An exam-day applicant (signed in with an access code, no account) may open only the exam-day
 * pages and the exam runner's attempt pages; each attempt route still checks that the attempt
 * is theirs.
 */
const APPLICANT_PATHS = ['/exam-day', '/exams/attempts'];
/** Where an applicant is sent from anywhere else. */
export const APPLICANT_HOME = '/exam-day';

export function isRole(value: unknown): value is Role {
	return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

function under(pathname: string, prefix: string): boolean {
	return pathname === prefix || pathname.startsWith(`${prefix}/`);
}

export function isPublicPath(pathname: string): boolean {
	return PUBLIC_PATHS.some((p) => under(pathname, p)) || pathname.startsWith('/_app/');
}

/** The area a path belongs to, if it is inside one. */
export function areaOf(pathname: string): Area | undefined {
	return AREAS.find((a) => under(pathname, a.path));
}

export type AccessDecision =
	| { allowed: true }
	| { allowed: false; reason: 'signed-out' }
	| { allowed: false; reason: 'forbidden'; area: Area }
	| { allowed: false; reason: 'applicant' };

/** Who is asking: a signed-in user's roles, an exam-day applicant, or nobody (null). */
export type Visitor = readonly Role[] | 'applicant' | null;

/**
 * Who may open a path: public paths anyone; applicants only their exam-day and attempt pages;
 * everything else signed-in users; areas only their roles.
 */
export function decideAccess(pathname: string, visitor: Visitor): AccessDecision {
	if (isPublicPath(pathname)) return { allowed: true };
	if (visitor === 'applicant') return APPLICANT_PATHS.some((p) => under(pathname, p)) ? { allowed: true } : { allowed: false, reason: 'applicant' };
	if (!visitor) return { allowed: false, reason: 'signed-out' };
	const area = areaOf(pathname);
	if (area && !area.roles.some((r) => visitor.includes(r))) return { allowed: false, reason: 'forbidden', area };
	return { allowed: true };
}

/** What an applicant is told when a request goes anywhere but their exam. */
export const APPLICANT_REFUSAL = 'Applicants signed in with an access code can open only their exam.';

/** The areas a user's roles open, in navigation order. */
export function areasFor(roles: readonly Role[]): Area[] {
	return AREAS.filter((a) => a.roles.some((r) => roles.includes(r)));
}

/** What a user is told when their roles do not open an area. */
export function forbiddenMessage(area: Area): string {
	return `${area.label} is open only to ${area.roles.join(' and ')} accounts.`;
}
