import type { Money } from '$lib/money';
import { sum } from '$lib/money';
import type { BusinessDate } from '../dates';
import type { MailItem, RemittanceLogEntry } from '../mail';
import type { PaymentTarget, SandboxState } from '../model';

/**
 * The mail tray as the clerk works it: what still needs doing to each item (stamp, log the
 * enclosed payment, route), the items finished today, and the day's remittance log.
 */

export type MailStep = 'stamp' | 'log' | 'route' | 'done';

export type TrayItem = MailItem & { step: MailStep; pay?: PayPrefill };

/** What the take-payment screen needs to take a logged remittance. */
export type PayPrefill = { kind: string; ref: string; amount: Money; postmark?: BusinessDate; tender: 'check' | 'money-order'; checkNumber: string; bank: string };

/** The next thing to do with an item, in the order POLICY §6 sets: stamp, log a payment, route. */
export function nextStep(item: MailItem): MailStep {
	if (!item.stampedOn) return 'stamp';
	if (item.enclosure && !item.remittance) return 'log';
	if (!item.routedTo) return 'route';
	return 'done';
}

/**
 * Which receipt-line kind a logged account or reference belongs to: the first payment target that
 * knows the reference (even when nothing is owed on it now). Undefined when none does.
 */
export function paymentKindFor(state: Readonly<SandboxState>, targets: Readonly<Record<string, PaymentTarget>>, ref: string): string | undefined {
	for (const [kind, target] of Object.entries(targets)) {
		const quote = target.quote(state, ref);
		if (!('code' in quote) || quote.code !== 'not-found') return kind;
	}
	return undefined;
}

export type MailTray = {
	/** Items still needing something, oldest first. */
	open: TrayItem[];
	/** Items finished that were stamped today. */
	doneToday: TrayItem[];
	log: RemittanceLogEntry[];
	logTotal: Money;
};

/** The tray on `today`; `targets` are the engine's payment targets (in the order to try them). */
export function mailTray(state: Readonly<SandboxState>, targets: Readonly<Record<string, PaymentTarget>>, today: BusinessDate): MailTray {
	const open: TrayItem[] = [];
	const doneToday: TrayItem[] = [];
	const items = Object.values(state.mail.items).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	for (const item of items) {
		const step = nextStep(item);
		if (step === 'done' && item.stampedOn !== today) continue;
		const row: TrayItem = { ...item, step };
		const r = item.remittance;
		if (r && item.enclosure) {
			const kind = paymentKindFor(state, targets, r.account);
			if (kind) row.pay = { kind, ref: r.account, amount: r.amount, tender: item.enclosure.kind, checkNumber: r.checkNumber, bank: item.enclosure.bank, ...(r.postmark ? { postmark: r.postmark } : {}) };
		}
		(step === 'done' ? doneToday : open).push(row);
	}
	const log = state.mail.log.filter((l) => l.date === today);
	return { open, doneToday, log, logTotal: sum(log.map((l) => l.amount)) };
}

/** Query string for the take-payment screen, prefilled with one logged remittance. */
export function payQuery(p: PayPrefill): string {
	const q = new URLSearchParams({ kind: p.kind, ref: p.ref, amount: p.amount.toString() });
	if (p.postmark) q.set('postmark', p.postmark);
	q.set('tender', p.tender);
	q.set('checkNumber', p.checkNumber);
	q.set('bank', p.bank);
	return q.toString();
}
