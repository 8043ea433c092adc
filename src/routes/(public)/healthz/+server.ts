import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/** Liveness for load balancers and `npm start`: reaching here means start-up checks passed. */
export const GET: RequestHandler = () => json({ status: 'ok', uptimeSeconds: Math.round(process.uptime()) });
