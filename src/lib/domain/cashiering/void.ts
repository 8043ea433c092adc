import { journal, type JournalEntry } from '../ledger';
import { accept, needsApproval, reject, type CommandHandler, type EngineEnv, type EventApplier, type SandboxState } from '../model';
import { text } from '../validate';
import { receiptRef, tenderSide } from './payment';
import type { Receipt } from './slice';
import { cancelsOut, own, targetFor, usd } from './util';

/**
 * A void undoes a receipt on the day it was taken, before its drawer is closed out, with a
 * supervisor's approval and the customer's copy in hand. The receipt stays, marked void; the entry
 * posted is the exact mirror of the receipt's, so the two net to zero on every account.
 */
export const voidReceipt: CommandHandler = (state, command, ctx) => {
	const no = text(command.receiptNo, 'receiptNo', 'Receipt number', { max: 20 });
	if (!no.ok) return no;
	const receipt = own(state.cashiering.receipts, no.value);
	if (!receipt) return reject('not-found', `There is no receipt ${no.value}.`, 'receiptNo');
	if (receipt.status === 'void') return reject('wrong-status', `Receipt ${receipt.receiptNo} was already voided on ${receipt.void?.date ?? receipt.date}.`, 'receiptNo');
	if (receipt.date !== state.businessDate) {
		return reject('policy', `Receipt ${receipt.receiptNo} is from ${receipt.date}; a void is possible only on the same day. Ask your supervisor for a reversing entry.`, 'receiptNo');
	}
	const drawer = state.cashiering.drawers[receipt.drawerId];
	if (!drawer || drawer.status !== 'open') {
		return reject('policy', `Drawer ${receipt.drawerId} has been closed out, so receipt ${receipt.receiptNo} can no longer be voided. Ask your supervisor for a reversing entry.`, 'receiptNo');
	}
	const reason = text(command.reason, 'reason', 'Reason for the void', { max: 300 });
	if (!reason.ok) return reason;
	const copy = command.customerCopyReturned;
	if (copy !== undefined && copy !== null && typeof copy !== 'boolean') return reject('invalid-input', 'Say whether the customer returned their receipt copy (yes or no).', 'customerCopyReturned');
	if (copy !== true) return reject('policy', `Get the customer's copy of receipt ${receipt.receiptNo} back first: it is attached to the void.`, 'customerCopyReturned');

	const entry = voidEntry(state, receipt, ctx.env);
	if (!entry) return reject('not-found', `A line on receipt ${receipt.receiptNo} can no longer be reversed here; ask your supervisor for a reversing entry.`, 'receiptNo');
	if (!cancelsOut([receipt.journal, entry])) {
		return reject('policy', `Reversing receipt ${receipt.receiptNo} would not cancel its entry exactly; ask your supervisor for a reversing entry instead.`, 'receiptNo');
	}
	const stop = needsApproval(ctx, `Voiding receipt ${receipt.receiptNo} (${usd(receipt.total)}) needs a supervisor's approval: request it with the reason.`, 'receiptNo');
	if (stop) return stop;
	return accept({
		type: 'cash.receipt-voided',
		receiptNo: receipt.receiptNo,
		reason: reason.value,
		customerCopyReturned: true,
		approvedBy: ctx.approvedBy ?? ctx.actor.id,
		journal: entry
	});
};

/** The mirror of the receipt's entry: each target's reversal lines and the tender side turned around. */
function voidEntry(state: Readonly<SandboxState>, receipt: Receipt, env: EngineEnv | undefined): JournalEntry | null {
	const side = tenderSide(receipt.tenders, receipt.change);
	const reversals = [];
	for (const l of receipt.lines) {
		const target = targetFor(env, l.kind);
		if (!target) return null;
		reversals.push(...target.reversalLines(state, l.ref, l.amount, receiptRef(receipt)));
	}
	return journal(`Void of receipt ${receipt.receiptNo}`, [...reversals, { account: '1010', credit: side.drawer }, { account: '1025', credit: side.cards }]);
}

export const receiptVoided: EventApplier = (state, event, env) => {
	const receipt = state.cashiering.receipts[event.receiptNo as string]!;
	receipt.status = 'void';
	receipt.void = { at: event.at, date: event.date, by: event.actor, approvedBy: event.approvedBy as string, reason: event.reason as string, customerCopyReturned: true };
	for (const l of receipt.lines) targetFor(env, l.kind)!.reversePayment(state, l.ref, l.amount, receiptRef(receipt));
};

/** For the approval queue. */
export function voidApprovalSummary(state: Readonly<SandboxState>, command: Record<string, unknown>): string {
	const no = typeof command.receiptNo === 'string' ? command.receiptNo.trim() : '';
	const receipt = own(state.cashiering.receipts, no);
	const reason = typeof command.reason === 'string' ? ` — “${command.reason.trim()}”` : '';
	if (!receipt) return `Void of receipt ${no}${reason}`;
	const paid = receipt.lines.map((l) => l.label).join('; ');
	return `Void of receipt ${receipt.receiptNo} (${usd(receipt.total)}, ${receipt.clerkName}: ${paid})${reason}`;
}
