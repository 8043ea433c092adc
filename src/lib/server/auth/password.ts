import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';

function scrypt(password: string, salt: Buffer, keylen: number, options: ScryptOptions): Promise<Buffer> {
	return new Promise((resolve, reject) =>
		scryptCallback(password.normalize('NFKC'), salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key)))
	);
}

// OWASP's scrypt minimum (N=2^17 is stronger but ~130 ms per sign-in on this hardware).
const PARAMS = { N: 16384, r: 8, p: 1, keylen: 64 };

/** "scrypt$N$r$p$salt$hash" (base64): parameters travel with the hash so they can be raised later. */
export async function hashPassword(password: string): Promise<string> {
	const salt = randomBytes(16);
	const key = await scrypt(password, salt, PARAMS.keylen, { N: PARAMS.N, r: PARAMS.r, p: PARAMS.p });
	return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
	const parts = stored.split('$');
	if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
	const [, n, r, p, saltB64, hashB64] = parts as [string, string, string, string, string, string];
	const expected = Buffer.from(hashB64, 'base64');
	const actual = await scrypt(password, Buffer.from(saltB64, 'base64'), expected.length, {
		N: Number.parseInt(n, 10),
		r: Number.parseInt(r, 10),
		p: Number.parseInt(p, 10)
	});
	return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A hash of a random password, verified against when a username does not exist, so timing does not tell. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
	dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
	return dummyHash;
}

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 200;

/** Why a new password is not acceptable, or null when it is. */
export function passwordProblem(password: string): string | null {
	if (password.length < PASSWORD_MIN) return `Password must be at least ${PASSWORD_MIN} characters.`;
	if (password.length > PASSWORD_MAX) return `Password must be at most ${PASSWORD_MAX} characters.`;
	if (password.trim() !== password) return 'Password cannot start or end with a space.';
	return null;
}
