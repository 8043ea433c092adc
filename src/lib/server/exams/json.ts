/** The JSON endpoints' shared reading of a request body and their status codes. */
import { json } from '@sveltejs/kit';

/**
 * not-found 404; invalid 400 (malformed); closed 409 (attempt over); refused 403 (not allowed now:
 * sequential order, a skills clock); paused 423 (a proctor paused the attempt: send it again later).
 */
export const SAVE_STATUS = { 'not-found': 404, invalid: 400, closed: 409, refused: 403, paused: 423 } as const;

export async function readJson(request: Request): Promise<{ ok: true; body: unknown } | { ok: false; response: Response }> {
	if (!(request.headers.get('content-type') ?? '').startsWith('application/json')) {
		return { ok: false, response: json({ ok: false, code: 'invalid', error: 'Send the request as JSON.' }, { status: 415 }) };
	}
	try {
		return { ok: true, body: await request.json() };
	} catch {
		return { ok: false, response: json({ ok: false, code: 'invalid', error: 'The request is not valid JSON.' }, { status: 400 }) };
	}
}

export const field = (body: unknown, key: string): unknown => (body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>)[key] : undefined);
