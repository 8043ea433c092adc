import { accept, reject, type ApprovalRequest, type Command, type DomainModule } from '../model';
import { own } from '../input';
import { bump, nextId } from './ids';

/**
 * Supervisor approvals. A clerk's over-authority command (an adjustment over $50.00, a plan over six
 * months, a void, an over/short beyond ±$2.00) is rejected with `over-authority`; the clerk then
 * requests approval for it. The request stores the command; a supervisor approves (the command runs
 * then, re-checked against the state of that moment) or denies with a reason.
 */
export function approvalsModule(modules: readonly DomainModule[]): DomainModule {
	const describers = Object.assign({}, ...modules.map((m) => m.approvalFor ?? {})) as NonNullable<DomainModule['approvalFor']>;

	return {
		name: 'approvals',
		commands: {
			'approval.request': (state, command, ctx) => {
				const inner = command.command as Command | undefined;
				if (!inner || typeof inner !== 'object' || typeof inner.type !== 'string') return reject('invalid-input', 'Say which action needs approval.', 'command');
				const describe = describers[inner.type];
				if (!describe) return reject('not-allowed', 'That action does not go to a supervisor for approval.', 'command');
				const plain = ctx.decideOther!(inner, { ...ctx, approvedBy: undefined, checkingForApproval: false });
				if (plain.ok) return reject('not-allowed', 'This is within your authority: post it yourself; no approval is needed.');
				if (plain.rejection.code !== 'over-authority') return plain;
				const checked = ctx.decideOther!(inner, { ...ctx, checkingForApproval: true });
				if (!checked.ok) return checked;
				const note = typeof command.note === 'string' ? command.note.trim().slice(0, 500) : '';
				const { kind, summary } = describe(state, inner);
				// A copy: the stored command must not change if the caller's object does.
				return accept({ type: 'approval.requested', id: nextId(state, 'AP'), kind, summary, payload: structuredClone(inner), note });
			},
			'approval.decide': (state, command, ctx) => {
				const request = own(state.approvals, command.id);
				if (!request) return reject('not-found', 'There is no such approval request.', 'id');
				if (request.status !== 'pending') return reject('wrong-status', `This request was already ${request.status}.`);
				if (!ctx.actor.supervisor) return reject('not-allowed', 'Only a supervisor can approve or deny this request.');
				if (request.requestedBy === ctx.actor.id) return reject('not-allowed', 'A supervisor cannot decide their own request; ask another supervisor.');
				const reason = typeof command.reason === 'string' ? command.reason.trim() : '';
				if (reason.length > 500) return reject('invalid-input', 'Keep the reason to 500 characters.', 'reason');
				if (command.approve !== true && command.approve !== false) return reject('invalid-input', 'Choose approve or deny.', 'approve');
				if (!command.approve) {
					if (!reason) return reject('invalid-input', 'Give the reason for denying, so the clerk can tell the customer.', 'reason');
					return accept({ type: 'approval.decided', id: request.id, approved: false, reason });
				}
				const run = ctx.decideOther!(request.payload as Command, { ...ctx, approvedBy: ctx.actor.id, requestedBy: request.requestedBy, checkingForApproval: false });
				if (!run.ok) return reject('wrong-status', `This can no longer be approved: ${run.rejection.message}`);
				return accept({ type: 'approval.decided', id: request.id, approved: true, reason }, ...run.events);
			}
		},
		events: {
			'approval.requested': (state, event) => {
				const request: ApprovalRequest = {
					id: event.id as string,
					kind: event.kind as ApprovalRequest['kind'],
					summary: event.summary as string,
					payload: structuredClone(event.payload as Record<string, unknown>),
					requestedBy: event.actor,
					requestedAt: event.at,
					status: 'pending'
				};
				if (event.note) request.note = event.note as string;
				state.approvals[request.id] = request;
				bump(state, 'AP');
			},
			'approval.decided': (state, event) => {
				const request = state.approvals[event.id as string]!;
				request.status = event.approved ? 'approved' : 'denied';
				request.decidedBy = event.actor;
				request.decidedAt = event.at;
				if (event.reason) request.reason = event.reason as string;
			}
		}
	};
}
