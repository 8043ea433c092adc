import { DUTIES } from '$lib/duties';
import { dutyMastery } from '$lib/training/progress';
import type { SessionUser } from '../auth/types';
import { getStore, type Store } from '../store';
import { attemptsOf } from '../training/attempts';

/**
 * Competency sign-off: once a trainee has mastered a duty, their supervisor records that they are
 * competent in it — the date and who signed. One small file per trainee; a sign-off stays even if
 * later attempts dip (it records a judgement made on a day).
 */

export type SignOff = { duty: string; by: string; byName: string; at: string };
type SignOffFile = { duties: Record<string, SignOff> };

const key = (traineeId: string) => `supervisor/signoffs/${traineeId}`;

export class SignOffError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'SignOffError';
	}
}

export async function signOffsOf(traineeId: string, store: Store = getStore()): Promise<Record<string, SignOff>> {
	return { ...((await store.get<SignOffFile>(key(traineeId)))?.duties ?? {}) };
}

/** Sign a duty off for a trainee: only a known duty, only once it is mastered, only once. */
export async function signOff(supervisor: SessionUser, traineeId: string, duty: string, now: Date, store: Store = getStore()): Promise<SignOff> {
	const known = DUTIES.find((d) => d.id === duty);
	if (!known) throw new SignOffError('Choose a duty from the list.');
	const mastery = dutyMastery(duty, await attemptsOf(traineeId, store));
	if (mastery.status !== 'mastered') throw new SignOffError(`${known.label} is not mastered yet, so it cannot be signed off.`);
	return store.update<SignOffFile, SignOff>(key(traineeId), () => ({ duties: {} }), (file) => {
		const existing = file.duties[duty];
		if (existing) return existing;
		const entry: SignOff = { duty, by: supervisor.id, byName: supervisor.displayName, at: now.toISOString() };
		file.duties[duty] = entry;
		return entry;
	});
}
