/**
 * One-time access codes for applicants: 12 symbols of Crockford's base 32 (digits and capital
 * letters without I, L, O and U, so nothing reads as another symbol), 60 random bits, printed
 * as ABCD-EFGH-JKMN. Typed codes are read forgivingly: case, spaces and dashes do not matter and
 * O, I and L are read as 0, 1 and 1. The random bytes come from the caller (the server's CSPRNG).
 */
export const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_SYMBOLS = 12;
/** Random bytes a code needs: 12 symbols × 5 bits = 60 bits, from 8 bytes. */
export const CODE_BYTES = 8;

/** A code from 8 random bytes (the first 60 bits are used). */
export function accessCodeFrom(bytes: Uint8Array): string {
	if (bytes.length < CODE_BYTES) throw new Error(`an access code needs ${CODE_BYTES} random bytes`);
	let bits = 0n;
	for (let i = 0; i < CODE_BYTES; i++) bits = (bits << 8n) | BigInt(bytes[i]!);
	let symbols = '';
	for (let i = 0; i < CODE_SYMBOLS; i++) symbols += CODE_ALPHABET[Number((bits >> BigInt(59 - i * 5)) & 31n)];
	return formatAccessCode(symbols);
}

export function formatAccessCode(symbols: string): string {
	return `${symbols.slice(0, 4)}-${symbols.slice(4, 8)}-${symbols.slice(8, 12)}`;
}

/** A typed code as its 12 symbols, or null when it cannot be a code. */
export function normalizeAccessCode(input: string): string | null {
	const s = input.toUpperCase().replace(/[\s-]+/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
	if (s.length !== CODE_SYMBOLS) return null;
	for (const ch of s) if (!CODE_ALPHABET.includes(ch)) return null;
	return s;
}
