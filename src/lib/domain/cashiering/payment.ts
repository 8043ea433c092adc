import { Money, sum } from '$lib/money';
import { compareDates } from '../dates';
import { journal, type JournalEntry } from '../ledger';
import { accept, reject, type CommandHandler, type EventApplier, type JournalLineInput, type ReceiptRef } from '../model';
import { amount, date, text } from '../validate';
import { bump, nextId } from '../kernel/ids';
import { wireMoney } from '../wire-money';
import { isCashOnly, openDrawerOf, type Allocation, type Receipt, type ReceiptLine, type Tender } from './slice';
import { parseTender, tenderData, tenderFrom, type TenderData } from './tenders';
import { MAX_AMOUNT, closeAwaitingApproval, list, record, targetFor, usd } from './util';

/**
 * Change comes off the cash tenders, last first; every other tender is kept whole.
 * Returns what each tender leaves in the drawer or on the card batch.
 */
export function keptAmounts(tenders: readonly Tender[], change: Money): Money[] {
	const kept = tenders.map((t) => t.amount);
	let left = change;
	for (let i = tenders.length - 1; i >= 0 && left.isPositive(); i--) {
		if (tenders[i]!.type !== 'cash') continue;
		const off = left.lt(kept[i]!) ? left : kept[i]!;
		kept[i] = kept[i]!.minus(off);
		left = left.minus(off);
	}
	return kept;
}

/** Tenders pay the lines in the order both were entered, so a returned check knows exactly what it paid. */
export function allocate(kept: readonly Money[], lineAmounts: readonly Money[]): Allocation[] {
	const owed = [...lineAmounts];
	const out: Allocation[] = [];
	let line = 0;
	kept.forEach((k, tender) => {
		let left = k;
		while (left.isPositive() && line < owed.length) {
			const take = left.lt(owed[line]!) ? left : owed[line]!;
			if (take.isPositive()) out.push({ tender, line, amount: take });
			left = left.minus(take);
			owed[line] = owed[line]!.minus(take);
			if (owed[line]!.isZero()) line++;
		}
	});
	return out;
}

/** The tender side of a receipt's entry: drawer for cash kept, checks and money orders; card settlements for cards. */
export function tenderSide(tenders: readonly Tender[], change: Money): { drawer: Money; cards: Money } {
	const cards = sum(tenders.filter((t) => t.type === 'card').map((t) => t.amount));
	return { drawer: sum(tenders.map((t) => t.amount)).minus(cards).minus(change), cards };
}

export const takePayment: CommandHandler = (state, command, ctx) => {
	const drawer = openDrawerOf(state, ctx.actor.id);
	if (!drawer) return reject('wrong-status', 'Open your cash drawer (count the $200.00 float) before taking payments.');
	if (drawer.date !== state.businessDate) return reject('wrong-status', `Your drawer ${drawer.id} from ${drawer.date} was never closed out: close it out before taking payments today.`);
	if (closeAwaitingApproval(state, drawer.id)) return reject('wrong-status', `The close-out of drawer ${drawer.id} is waiting for a supervisor; no more payments can go on it.`);

	// Lines: what is being paid.
	const rawLines = list(command.lines, 'lines', 1, 20, 'line');
	if (!rawLines.ok) return rawLines;
	const lines: ReceiptLine[] = [];
	const seen = new Set<string>();
	let cashOnlyLine: ReceiptLine | undefined;
	for (const [i, raw] of rawLines.value.entries()) {
		const at = `lines[${i}]`;
		const l = record(raw, at, `Line ${i + 1} is empty: say what is being paid and how much.`);
		if (!l.ok) return l;
		const kind = text(l.value.kind, `${at}.kind`, 'Kind of payment', { max: 40 });
		if (!kind.ok) return kind;
		const target = targetFor(ctx.env, kind.value);
		if (!target) return reject('not-found', `Payments for “${kind.value}” cannot be taken at this counter.`, `${at}.kind`);
		const ref = text(l.value.ref, `${at}.ref`, 'Account or reference number', { max: 40 });
		if (!ref.ok) return ref;
		const amt = amount(l.value.amount, `${at}.amount`, { field: 'Payment amount', allowZero: false, max: MAX_AMOUNT });
		if (!amt.ok) return amt;
		const quote = target.quote(state, ref.value);
		if ('code' in quote) return reject(quote.code, quote.message, `${at}.ref`);
		// Compare what the targets file the lines under, so "inv-000002" and "INV-000002" (or a business and its license) are one thing.
		if (seen.has(`${kind.value}:${quote.ref}`)) return reject('invalid-input', `${quote.label} is on the receipt twice; put it on one line with the combined amount.`, `${at}.ref`);
		seen.add(`${kind.value}:${quote.ref}`);
		const { label, due } = quote;
		if (amt.value.gt(due) && !quote.overpaymentAllowed) {
			const msg = due.isZero() ? `Nothing is due on ${label}.` : `${label}: ${usd(due)} is due; ${usd(amt.value)} is more than that and cannot be left as a credit here.`;
			return reject('policy', msg, `${at}.amount`);
		}
		if (amt.value.lt(due) && !quote.partialAllowed) {
			return reject('policy', `${label} must be paid in full: ${usd(due)} is due (no partial payments).`, `${at}.amount`);
		}
		const line = { kind: kind.value, ref: quote.ref, label, amount: amt.value };
		if (!cashOnlyLine && (quote.cashOnly || isCashOnly(state, kind.value, quote.ref))) cashOnlyLine = line;
		lines.push(line);
	}

	// Tenders: how it is being paid.
	const rawTenders = list(command.tenders, 'tenders', 1, 10, 'tender');
	if (!rawTenders.ok) return rawTenders;
	const tenders: Tender[] = [];
	for (const [i, raw] of rawTenders.value.entries()) {
		const t = parseTender(raw, i, state.businessDate);
		if (!t.ok) return t;
		if (t.value.type === 'check' && cashOnlyLine) {
			return reject('policy', `${cashOnlyLine.label} is cash-only after a returned payment: take cash, a money order or a card, not a check.`, `tenders[${i}].type`);
		}
		const checkNo = t.value.type === 'check' ? t.value.checkNumber : undefined;
		if (checkNo && tenders.some((o) => o.type === 'check' && o.checkNumber === checkNo)) return reject('invalid-input', `Check #${checkNo} is entered twice.`, `tenders[${i}].checkNumber`);
		tenders.push(t.value);
	}

	// Totals and change: change only ever comes out of cash.
	const total = sum(lines.map((l) => l.amount));
	const tendered = sum(tenders.map((t) => t.amount));
	if (tendered.lt(total)) return reject('policy', `The tenders add up to ${usd(tendered)} but the receipt totals ${usd(total)}: ${usd(total.minus(tendered))} more is needed.`, 'tenders');
	const change = tendered.minus(total);
	const cash = sum(tenders.filter((t) => t.type === 'cash').map((t) => t.amount));
	if (change.gt(cash)) {
		return reject(
			'policy',
			`${usd(tendered)} tendered for ${usd(total)} would mean ${usd(change)} change, but only ${usd(cash)} is cash and change comes only from cash. ` +
				'An overpayment by check or card must be applied to the account as a credit: raise the amount on the account line instead.',
			'tenders'
		);
	}

	const postmark = date(command.postmark, 'postmark', 'Postmark date', { optional: true });
	if (!postmark.ok) return postmark;
	if (postmark.value && compareDates(postmark.value, state.businessDate) > 0) return reject('invalid-input', `The postmark (${postmark.value}) cannot be after today (${state.businessDate}).`, 'postmark');

	const receiptNo = nextId(state, 'R');
	const side = tenderSide(tenders, change);
	const credits: JournalLineInput[] = lines.flatMap((l) => targetFor(ctx.env, l.kind)!.creditLines(state, l.ref, l.amount));
	const entry = journal(`Receipt ${receiptNo}`, [{ account: '1010', debit: side.drawer }, { account: '1025', debit: side.cards }, ...credits]);
	return accept({
		type: 'cash.payment-taken',
		receiptNo,
		drawerId: drawer.id,
		clerkId: ctx.actor.id,
		clerkName: ctx.actor.name,
		lines: lines.map((l) => ({ ...l, amount: l.amount.toString() })),
		tenders: tenders.map(tenderData),
		total: total.toString(),
		tendered: tendered.toString(),
		change: change.toString(),
		...(postmark.value ? { postmark: postmark.value } : {}),
		allocations: allocate(keptAmounts(tenders, change), lines.map((l) => l.amount)).map((a) => ({ ...a, amount: a.amount.toString() })),
		journal: entry
	});
};

type LineData = { kind: string; ref: string; label: string; amount: string };
type AllocationData = { tender: number; line: number; amount: string };

/** The receipt reference a payment target sees. */
export function receiptRef(r: Pick<Receipt, 'receiptNo' | 'date' | 'postmark'>): ReceiptRef {
	return r.postmark ? { receiptNo: r.receiptNo, date: r.date, postmark: r.postmark } : { receiptNo: r.receiptNo, date: r.date };
}

export const paymentTaken: EventApplier = (state, event, env) => {
	const entry = event.journal as JournalEntry;
	const receipt: Receipt = {
		receiptNo: event.receiptNo as string,
		date: event.date,
		at: event.at,
		drawerId: event.drawerId as string,
		clerkId: event.clerkId as string,
		clerkName: event.clerkName as string,
		lines: (event.lines as LineData[]).map((l) => ({ ...l, amount: wireMoney(l.amount) })),
		tenders: (event.tenders as TenderData[]).map(tenderFrom),
		total: wireMoney(event.total as string),
		tendered: wireMoney(event.tendered as string),
		change: wireMoney(event.change as string),
		allocations: (event.allocations as AllocationData[]).map((a) => ({ ...a, amount: wireMoney(a.amount) })),
		journal: { memo: entry.memo, lines: entry.lines.map((l) => ({ ...l })) },
		status: 'valid'
	};
	if (typeof event.postmark === 'string') receipt.postmark = event.postmark;
	state.cashiering.receipts[receipt.receiptNo] = receipt;
	state.cashiering.drawers[receipt.drawerId]!.receiptNos.push(receipt.receiptNo);
	bump(state, 'R');
	for (const l of receipt.lines) targetFor(env, l.kind)!.applyPayment(state, l.ref, l.amount, receiptRef(receipt));
};
