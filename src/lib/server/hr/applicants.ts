/**
 * Exam-day applicants' sign-in sessions. An applicant has no account: their access code signs
 * them in once, and from then a cookie says who they are until the exam session closes (or 12 hours
 * have passed, whichever comes first).
 *
 * The cookie holds `<session id>-<candidate id>.<token>`: where to look, and a random 32-byte token
 * of which only the SHA-256 is stored, as for users' sign-in sessions. One file per candidate,
 * `hr/applicant-sessions/<session id>-<candidate id>`, holds their one live sign-in: signing in
 * again (a new code on another computer) replaces it, so the old computer is signed out. Files
 * are written only at sign-in and sign-out, never while the applicant works.
 *
 * A sign-in also stops working when HR gives the candidate a new code (the stored code hash no
 * longer matches), when the candidate leaves the roster, or when the session is closed.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { RequestEvent } from '@sveltejs/kit';
import type { AttemptOwner } from '../exams/attempts';
import type { Store } from '../store';
import type { Candidate, ExamSession, HrSessions } from './sessions';

export const APPLICANT_COOKIE = 'applicant';
/** The longest an applicant stays signed in (a long exam day); the session closing ends it sooner. */
export const APPLICANT_TTL_MS = 12 * 60 * 60 * 1000;

/** The runner's owner for an exam-day applicant: `<session id>-<candidate id>`. */
export const applicantOwner = (sessionId: string, candidateId: string): AttemptOwner => ({ kind: 'applicant', id: `${sessionId}-${candidateId}` });

export type ApplicantSessionRecord = {
	/** SHA-256 (hex) of the cookie's token. */
	tokenHash: string;
	sessionId: string;
	candidateId: string;
	/** The code hash the applicant signed in with: a new code for them ends this sign-in. */
	codeHash: string;
	createdAt: number;
	expiresAt: number;
};

/** Who the signed-in applicant is, as the hooks put it on `locals.applicant`. */
export type ApplicantIdentity = {
	sessionId: string;
	candidateId: string;
	owner: AttemptOwner;
	applicantId: string;
	name: string;
	/** The exam's title, for the page header. */
	examTitle: string;
	/** The hash of the cookie's token (to sign out). */
	tokenHash: string;
};

const LOCATOR = /^(s_[0-9a-f]{12})-(c_[0-9a-f]{12})\.([A-Za-z0-9_-]{43})$/;
const recordKey = (sessionId: string, candidateId: string) => `hr/applicant-sessions/${sessionId}-${candidateId}`;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Sessions whose applicants are signed out (the exam is over). */
const over = (s: Pick<ExamSession, 'status'>) => s.status === 'closed' || s.status === 'scored' || s.status === 'released';

/** Sign a candidate in: a new token (replacing any earlier sign-in of theirs). Returns the cookie's value. */
export async function createApplicantSession(
	store: Store,
	input: { sessionId: string; candidateId: string; codeHash: string },
	now: number,
	bytes: (n: number) => Uint8Array = randomBytes
): Promise<{ cookie: string; expiresAt: number }> {
	const token = Buffer.from(bytes(32)).toString('base64url');
	const record: ApplicantSessionRecord = { tokenHash: sha256(token), ...input, createdAt: now, expiresAt: now + APPLICANT_TTL_MS };
	await store.put(recordKey(input.sessionId, input.candidateId), record);
	return { cookie: `${input.sessionId}-${input.candidateId}.${token}`, expiresAt: record.expiresAt };
}

const sameHash = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * The applicant a cookie value signs in, or null: unknown or replaced token, expired, the code
 * replaced by HR, the candidate gone from the roster, or the session closed.
 */
export async function validateApplicantCookie(store: Store, sessions: Pick<HrSessions, 'get'>, value: string, now: number): Promise<ApplicantIdentity | null> {
	const m = LOCATOR.exec(value);
	if (!m) return null;
	const [, sessionId, candidateId, token] = m as unknown as [string, string, string, string];
	const record = await store.get<ApplicantSessionRecord>(recordKey(sessionId, candidateId));
	const tokenHash = sha256(token);
	if (!record || !sameHash(record.tokenHash, tokenHash) || record.expiresAt <= now) return null;
	const session = await sessions.get(sessionId);
	const candidate: Readonly<Candidate> | undefined = session?.candidates.find((c) => c.candidateId === candidateId);
	if (!session || !candidate || over(session) || candidate.codeHash !== record.codeHash) return null;
	return {
		sessionId,
		candidateId,
		owner: applicantOwner(sessionId, candidateId),
		applicantId: candidate.applicantId,
		name: candidate.name,
		examTitle: session.title,
		tokenHash
	};
}

/** Sign out: the stored sign-in goes (only if it is still this one). */
export async function endApplicantSession(store: Store, who: Pick<ApplicantIdentity, 'sessionId' | 'candidateId' | 'tokenHash'>, now: number): Promise<void> {
	const key = recordKey(who.sessionId, who.candidateId);
	const record = await store.get<ApplicantSessionRecord>(key);
	if (!record || record.tokenHash !== who.tokenHash) return;
	// The store keeps files; an ended sign-in is one that expired now.
	await store.put<ApplicantSessionRecord>(key, { ...record, expiresAt: Math.min(record.expiresAt, now) });
}

/** httpOnly, SameSite=Lax; Secure over HTTPS (or COOKIE_SECURE=true), as the users' cookie. */
export function setApplicantCookie(event: Pick<RequestEvent, 'cookies' | 'url'>, value: string, expiresAt: number): void {
	event.cookies.set(APPLICANT_COOKIE, value, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: event.url.protocol === 'https:' || process.env.COOKIE_SECURE === 'true',
		expires: new Date(expiresAt)
	});
}

export function clearApplicantCookie(event: Pick<RequestEvent, 'cookies'>): void {
	event.cookies.delete(APPLICANT_COOKIE, { path: '/' });
}
