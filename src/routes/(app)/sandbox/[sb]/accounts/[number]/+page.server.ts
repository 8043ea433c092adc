import { error, type RequestEvent } from '@sveltejs/kit';
import { Money, formatUSD } from '$lib/money';
import type { Command, DomainEvent } from '$lib/domain/model';
import { accountPage, isAccountNumber } from '$lib/domain/views/utility';
import { field } from '$lib/forms';
import { openWorkstation, perform } from '$lib/server/workstation/route';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { state } = await openWorkstation(event);
	const number = event.params.number;
	const page = accountPage(state, number);
	if (!page) error(404, `No account ${number.slice(0, 40)} in this sandbox.`);
	return { ...page, today: state.businessDate, arrival: arrival(event.url, page.account.number, state.utility.plans) };
};

/** What brought the clerk here from another screen: a start, a transfer or a signed plan. */
function arrival(url: URL, number: string, plans: Record<string, { account: string; id: string; months: number; installments: Array<{ amount: Money }> }>): string | null {
	switch (url.searchParams.get('done')) {
		case 'started':
			return `Service started: account ${number} is open.`;
		case 'transferred': {
			const typed = url.searchParams.get('from') ?? '';
			const from = isAccountNumber(typed) ? typed : '';
			return `Service moved to this address as account ${number}${from ? `; ${from} is closed with its final bill` : ''}.`;
		}
		case 'plan': {
			const plan = Object.values(plans).filter((p) => p.account === number).at(-1);
			return plan ? `Payment plan ${plan.id} signed: ${plan.months} monthly installments, the first of ${formatUSD(plan.installments[0]!.amount)} due today.` : null;
		}
		default:
			return null;
	}
}

type Ev = RequestEvent<{ sb: string; number: string }>;

/** Run one command on this account (the number comes from the URL) and word the success from its events. */
async function run(event: Ev, name: string, build: (form: FormData) => Record<string, unknown>, type: string, done: (events: readonly DomainEvent[]) => string) {
	const form = await event.request.formData();
	const command: Command = { type, account: event.params.number, ...build(form) };
	const r = await perform(event, name, form, command, '');
	return r.ok ? { ...r.result, done: done(r.events) } : r.failure;
}

const typed = (form: FormData, ...names: string[]) => Object.fromEntries(names.map((n) => [n, field(form, n)]));
const amountOf = (events: readonly DomainEvent[], type: string, key = 'amount') => {
	const e = events.find((x) => x.type === type);
	return e ? formatUSD(Money.of(e[key] as string)) : '';
};

export const actions: Actions = {
	read: (event) => run(event, 'read', (f) => typed(f, 'reading', 'date'), 'utility.record-read', () => 'Meter read recorded; it is billed on the next bill.'),
	fee: (event) =>
		run(event, 'fee', (f) => typed(f, 'fee'), 'utility.charge-fee', (events) => {
			const e = events.find((x) => x.type === 'utility.fee-charged');
			return `${String(e?.description ?? 'Fee')} of ${amountOf(events, 'utility.fee-charged')} charged.`;
		}),
	meterTest: (event) =>
		run(event, 'meterTest', (f) => typed(f, 'deviation'), 'utility.record-meter-test', (events) => {
			const refund = events.find((x) => x.type === 'utility.meter-tested')?.refund as string | undefined;
			return refund && Money.of(refund).isPositive() ? `Meter test recorded: outside the tolerance, so the ${formatUSD(Money.of(refund))} fee was refunded.` : 'Meter test recorded: the meter is accurate, the fee stands.';
		}),
	adjust: (event) =>
		run(event, 'adjust', (f) => typed(f, 'reason', 'amount', 'service', 'direction', 'itemId', 'billId', 'repairProof', 'toAccount', 'note'), 'utility.adjust', (events) => {
			const e = events.find((x) => x.type === 'utility.adjusted');
			return `Adjustment ${String(e?.adjustmentId ?? '')} of ${amountOf(events, 'utility.adjusted')} posted.`;
		}),
	notice: (event) =>
		run(event, 'delinquency', () => ({}), 'utility.send-notice', (events) => {
			const e = events.find((x) => x.type === 'utility.notice-sent');
			return `Disconnection notice ${String(e?.noticeId ?? '')} sent; service may be shut off on or after ${String(e?.disconnectOnOrAfter ?? '')}.`;
		}),
	doorHanger: (event) => run(event, 'delinquency', () => ({}), 'utility.post-door-hanger', () => '48-hour door hanger posted.'),
	disconnect: (event) => run(event, 'delinquency', () => ({}), 'utility.disconnect', () => 'Service disconnected for non-payment; the $35.00 disconnect/reconnect fee is charged.'),
	restore: (event) => run(event, 'delinquency', () => ({}), 'utility.restore', () => 'Service restored.'),
	medical: (event) => run(event, 'medical', (f) => typed(f, 'until', 'certifiedBy'), 'utility.record-medical-cert', () => 'Medical certification recorded: service cannot be disconnected while it runs.'),
	cashOnly: (event) =>
		run(event, 'cashOnly', (f) => {
			const v = typed(f, 'until', 'reason');
			// A blank end date means the policy's 12 months.
			return v.until ? v : { reason: v.reason };
		}, 'utility.set-cash-only', () => 'Account marked cash-only: cash, money order or card until the date shown.'),
	solidWaste: (event) =>
		run(event, 'solidWaste', (f) => typed(f, 'suspended'), 'utility.suspend-solid-waste', (events) =>
			events.some((e) => e.suspended === true) ? 'Solid waste suspended while the property is vacant.' : 'Solid waste service resumed.'
		),
	stop: (event) =>
		run(event, 'stop', (f) => typed(f, 'reason', 'stopDate', 'reading', 'readDate', 'mailingAddress'), 'utility.stop-service', (events) => {
			const parts = ['Service stopped and the account closed.'];
			const bill = events.find((e) => e.type === 'utility.bill-issued')?.bill as { id: string; total: string } | undefined;
			if (bill) parts.push(`Final bill ${bill.id}: ${formatUSD(Money.of(bill.total))}.`);
			const deposit = amountOf(events, 'utility.deposit-applied');
			if (deposit) parts.push(`Deposit of ${deposit} applied.`);
			const refund = amountOf(events, 'utility.refund-requested');
			if (refund) parts.push(`Credit of ${refund} to be refunded by check.`);
			if (events.some((e) => e.type === 'utility.customer-updated')) parts.push('Forwarding address saved.');
			return parts.join(' ');
		}),
	note: (event) => run(event, 'note', (f) => typed(f, 'note'), 'utility.add-note', () => 'Note added.')
};
