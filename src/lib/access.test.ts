import { describe, expect, it } from 'vitest';
import { areasFor, decideAccess } from './access';

describe('decideAccess', () => {
	it('lets anyone reach the public paths', () => {
		expect(decideAccess('/login', null)).toEqual({ allowed: true });
		expect(decideAccess('/healthz', null)).toEqual({ allowed: true });
	});
	it('sends signed-out visitors to sign in for everything else', () => {
		for (const p of ['/', '/train', '/admin/users', '/policy']) expect(decideAccess(p, null)).toEqual({ allowed: false, reason: 'signed-out' });
	});
	it('opens an area only to its roles, including nested paths', () => {
		expect(decideAccess('/admin/users/u1', ['admin']).allowed).toBe(true);
		expect(decideAccess('/admin/users/u1', ['trainee', 'supervisor']).allowed).toBe(false);
		expect(decideAccess('/hr', ['hr']).allowed).toBe(true);
		expect(decideAccess('/train', ['hr']).allowed).toBe(false);
		expect(decideAccess('/exams', ['hr']).allowed).toBe(true);
	});
	it('does not confuse a prefix with an area ("/training" is not "/train")', () => {
		expect(decideAccess('/training', ['hr'])).toEqual({ allowed: true });
	});
	it('lets an exam-day applicant reach only the exam-day pages and the attempt pages', () => {
		for (const p of ['/exam-day', '/exam-day/wait', '/exams/attempts/a_0123456789abcdef', '/exams/attempts/a_0123456789abcdef/save', '/login', '/healthz']) {
			expect(decideAccess(p, 'applicant'), p).toEqual({ allowed: true });
		}
		for (const p of ['/', '/exams', '/exams/account-clerk-written', '/exams/attemptsx', '/hr', '/hr/sessions/s_000000000001', '/train', '/sandbox', '/admin', '/supervisor', '/policy', '/account', '/forbidden']) {
			expect(decideAccess(p, 'applicant'), p).toEqual({ allowed: false, reason: 'applicant' });
		}
	});
	it('opens the exam-day sign-in to anyone, and the attempt pages to users only as the exams area does', () => {
		expect(decideAccess('/exam-day', null)).toEqual({ allowed: true });
		expect(decideAccess('/exams/attempts/a_0123456789abcdef', null)).toEqual({ allowed: false, reason: 'signed-out' });
		expect(decideAccess('/exams/attempts/a_0123456789abcdef', ['trainee']).allowed).toBe(true);
		expect(decideAccess('/exams/attempts/a_0123456789abcdef', ['supervisor']).allowed).toBe(false);
	});
	it('gives a user with several roles the union of their areas', () => {
		expect(areasFor(['trainee', 'hr']).map((a) => a.path)).toEqual(['/train', '/sandbox', '/exams', '/hr']);
	});
});
