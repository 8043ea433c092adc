import { Money } from '$lib/money';
import { addMonths, compareDates } from '../dates';
import { journal } from '../ledger';
import { accept, reject, type CommandHandler, type EventApplier, type JournalLineInput, type PaymentTarget } from '../model';
import { oneOf, text } from '../validate';
import { bump, nextId } from '../kernel/ids';
import { wireMoney } from '../wire-money';
import { receiptRef } from './payment';
import { RETURN_REASONS, cashOnlyKey, type ReturnReason, type ReturnedCheck } from './slice';
import { own, targetFor } from './util';

/** POLICY §2 / §1 fees (Tracy): returned payment fee. */
export const RETURNED_CHECK_FEE = Money.of('25.00');
/** How long a payer stays cash-only after a returned payment. */
export const CASH_ONLY_MONTHS = 12;
/** The receipt-line kind the fee is paid through (ref = the returned check's id, e.g. "RC-000001"). */
export const FEE_KIND = 'returned-check-fee';

/**
 * A check the bank sent back, any day after it was deposited. The check's share of the receipt is
 * reversed on each account it paid (they owe it again), the deposit in transit is reduced, and the
 * $25.00 fee is charged.
 *
 * Where the fee posts — a choice made here because another module owns utility accounts: the fee
 * is a receivable of this module, Dr 1240 Returned checks receivable / Cr 4160 Utility service fees
 * when the check paid a utility account (POLICY §1 lists it among the utility fees), otherwise
 * Cr 4410 Miscellaneous revenue. 1240 has no subledger, so this module keeps the fee owed on the
 * returned-check record and offers it as a payment target ('returned-check-fee', cash-only), so the
 * customer pays it on an ordinary receipt (Cr 1240) and the books stay balanced throughout.
 */
export const returnedCheck: CommandHandler = (state, command, ctx) => {
	const no = text(command.receiptNo, 'receiptNo', 'Receipt number', { max: 20 });
	if (!no.ok) return no;
	const receipt = own(state.cashiering.receipts, no.value);
	if (!receipt) return reject('not-found', `There is no receipt ${no.value}.`, 'receiptNo');
	if (receipt.status === 'void') return reject('wrong-status', `Receipt ${receipt.receiptNo} was voided, so its check was never deposited; return the check to the customer.`, 'receiptNo');
	const number = text(command.checkNumber, 'checkNumber', 'Check number', { max: 12 });
	if (!number.ok) return number;
	const tenderIndex = receipt.tenders.findIndex((t) => t.type === 'check' && t.checkNumber === number.value);
	const check = receipt.tenders[tenderIndex];
	if (!check || check.type !== 'check') return reject('not-found', `Receipt ${receipt.receiptNo} has no check #${number.value}.`, 'checkNumber');
	if (check.returnedAs) return reject('wrong-status', `Check #${check.checkNumber} was already recorded as returned (${check.returnedAs}).`, 'checkNumber');
	if (state.cashiering.drawers[receipt.drawerId]?.status !== 'closed') {
		return reject('wrong-status', `Check #${check.checkNumber} has not been deposited yet (drawer ${receipt.drawerId} is still open): void the receipt instead.`, 'receiptNo');
	}
	const reason = oneOf(command.reason, RETURN_REASONS, 'reason', 'Return reason');
	if (!reason.ok) return reason;
	const note = text(command.note, 'note', 'Note', { max: 500, optional: true });
	if (!note.ok) return note;

	const shares = receipt.allocations.filter((a) => a.tender === tenderIndex).map((a) => ({ line: receipt.lines[a.line]!, amount: a.amount }));
	const reversals: JournalLineInput[] = [];
	for (const s of shares) {
		const target = targetFor(ctx.env, s.line.kind);
		if (!target) return reject('not-found', `${s.line.label} can no longer be reversed here; ask your supervisor for a correcting entry.`, 'receiptNo');
		reversals.push(...target.reversalLines(state, s.line.ref, s.amount, receiptRef(receipt)));
	}
	const feeAccount = shares.some((s) => s.line.kind === 'utility') ? '4160' : '4410';
	const id = nextId(state, 'RC');
	const entry = journal(`Returned check #${check.checkNumber} on ${receipt.receiptNo} (${reason.value})`, [
		...reversals, // the accounts owe the check's share again
		{ account: '1020', credit: check.amount }, // the bank took it back out of the deposit
		{ account: '1240', debit: RETURNED_CHECK_FEE },
		{ account: feeAccount, credit: RETURNED_CHECK_FEE }
	]);
	// A utility account shows its own cash-only flag on the account screen: set it there too.
	const cashOnlyUntil = addMonths(state.businessDate, CASH_ONLY_MONTHS);
	const flagEvents = [];
	for (const s of shares.filter((x) => x.line.kind === 'utility')) {
		const flag = ctx.decideOther?.({ type: 'utility.set-cash-only', account: s.line.ref, until: cashOnlyUntil, reason: `Returned check #${check.checkNumber} (${reason.value})` }, ctx);
		if (!flag || (!flag.ok && flag.rejection.code === 'unknown-command')) continue; // no utility module in this engine
		if (!flag.ok) return flag;
		flagEvents.push(...flag.events);
	}
	return accept({
		type: 'cash.check-returned',
		returnedCheckId: id,
		receiptNo: receipt.receiptNo,
		tenderIndex,
		checkNumber: check.checkNumber,
		bank: check.bank,
		amount: check.amount.toString(),
		reason: reason.value,
		note: note.value,
		reversed: shares.map((s) => ({ kind: s.line.kind, ref: s.line.ref, amount: s.amount.toString() })),
		fee: RETURNED_CHECK_FEE.toString(),
		feeAccount,
		cashOnlyUntil,
		journal: entry
	}, ...flagEvents);
};

type Reversed = { kind: string; ref: string; amount: string };

export const checkReturned: EventApplier = (state, event, env) => {
	const id = event.returnedCheckId as string;
	const receipt = state.cashiering.receipts[event.receiptNo as string]!;
	const tender = receipt.tenders[event.tenderIndex as number]!;
	if (tender.type === 'check') tender.returnedAs = id;
	const until = event.cashOnlyUntil as string;
	const reversed = (event.reversed as Reversed[]).map((r) => ({ ...r, amount: wireMoney(r.amount) }));
	const fee = wireMoney(event.fee as string);
	const record: ReturnedCheck = {
		id,
		receiptNo: receipt.receiptNo,
		checkNumber: event.checkNumber as string,
		bank: event.bank as string,
		amount: wireMoney(event.amount as string),
		reason: event.reason as ReturnReason,
		note: event.note as string,
		date: event.date,
		reversed,
		fee,
		feeAccount: event.feeAccount as ReturnedCheck['feeAccount'],
		feeOutstanding: fee,
		cashOnlyUntil: until,
		noticeLetter: 'needed'
	};
	state.cashiering.returnedChecks[id] = record;
	for (const r of reversed) {
		const key = cashOnlyKey(r.kind, r.ref);
		const mark = state.cashiering.cashOnly[key];
		if (!mark || compareDates(mark.until, until) < 0) state.cashiering.cashOnly[key] = { until, returnedCheckId: id };
		targetFor(env, r.kind)!.reversePayment(state, r.ref, r.amount, receiptRef(receipt));
	}
	bump(state, 'RC');
};

/** The clerk sent the returned-check notice letter. */
export const noticeLetterSent: CommandHandler = (state, command) => {
	const id = text(command.returnedCheckId, 'returnedCheckId', 'Returned check', { max: 20 });
	if (!id.ok) return id;
	const rc = own(state.cashiering.returnedChecks, id.value);
	if (!rc) return reject('not-found', `There is no returned check ${id.value}.`, 'returnedCheckId');
	if (rc.noticeLetter === 'sent') return reject('wrong-status', `The notice for ${rc.id} was already sent on ${rc.noticeSentOn}.`, 'returnedCheckId');
	return accept({ type: 'cash.notice-letter-sent', returnedCheckId: rc.id });
};

export const noticeLetterSentApplied: EventApplier = (state, event) => {
	const rc = state.cashiering.returnedChecks[event.returnedCheckId as string]!;
	rc.noticeLetter = 'sent';
	rc.noticeSentOn = event.date;
};

/** Lets the $25.00 fee be paid on an ordinary receipt (always cash-only: it follows a returned check). */
export const returnedCheckFeeTarget: PaymentTarget = {
	quote(state, ref) {
		const rc = own(state.cashiering.returnedChecks, ref);
		if (!rc) return { code: 'not-found', message: `There is no returned check ${ref}.`, field: 'ref' };
		return {
			ref: rc.id,
			label: `Returned check fee ${rc.id} (check #${rc.checkNumber}, receipt ${rc.receiptNo})`,
			due: rc.feeOutstanding,
			partialAllowed: true,
			overpaymentAllowed: false,
			cashOnly: true
		};
	},
	creditLines: (_state, _ref, amount) => [{ account: '1240', credit: amount }],
	applyPayment(state, ref, amount) {
		const rc = state.cashiering.returnedChecks[ref]!;
		rc.feeOutstanding = rc.feeOutstanding.minus(amount);
	},
	reversalLines: (_state, _ref, amount) => [{ account: '1240', debit: amount }],
	reversePayment(state, ref, amount) {
		const rc = state.cashiering.returnedChecks[ref]!;
		rc.feeOutstanding = rc.feeOutstanding.plus(amount);
	}
};
