import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, verifyPassword } from './password';

describe('password hashing', () => {
	it('verifies the right password and rejects a wrong one', async () => {
		const hash = await hashPassword('tracy-demo');
		expect(await verifyPassword('tracy-demo', hash)).toBe(true);
		expect(await verifyPassword('tracy-demo ', hash)).toBe(false);
		expect(await verifyPassword('Tracy-demo', hash)).toBe(false);
	});
	it('salts every hash and never stores the password', async () => {
		const a = await hashPassword('tracy-demo');
		const b = await hashPassword('tracy-demo');
		expect(a).not.toBe(b);
		expect(a).not.toContain('tracy-demo');
		expect(a).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
	});
	it('rejects malformed stored hashes without throwing', async () => {
		expect(await verifyPassword('x', 'plain')).toBe(false);
		expect(await verifyPassword('x', 'bcrypt$1$2$3$4$5')).toBe(false);
	});
	it('explains weak new passwords', () => {
		expect(passwordProblem('short')).toBe('Password must be at least 8 characters.');
		expect(passwordProblem(' padded-pass')).toBe('Password cannot start or end with a space.');
		expect(passwordProblem('tracy-demo')).toBeNull();
	});
});
