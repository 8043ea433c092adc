import { getStore, type Store } from '../store';
import { pendingApprovals, type QueuedApproval } from '../workstation/service';
import { assignments } from './cohorts';

/**
 * The approval requests a supervisor decides: those of their own cohort, and those of trainees no
 * supervisor has taken yet (so nobody's request waits unseen). Another supervisor's trainees are theirs.
 */
export async function approvalsFor(supervisorId: string, store: Store = getStore()): Promise<QueuedApproval[]> {
	const [queue, cohorts] = await Promise.all([pendingApprovals(store), assignments(store)]);
	const supervisorOf = new Map(cohorts.map((a) => [a.traineeId, a.supervisorId]));
	return queue.filter((q) => {
		const supervisor = supervisorOf.get(q.ownerId);
		return supervisor === undefined || supervisor === supervisorId;
	});
}
