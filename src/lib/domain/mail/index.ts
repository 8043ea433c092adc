import { Money } from '$lib/money';
import type { BusinessDate } from '../dates';
import { bump, nextId } from '../kernel/ids';
import { accept, reject, type DomainModule, type SandboxState } from '../model';
import { own } from '../input';
import { amount, date, oneOf, text } from '../validate';

/**
 * The mail tray (POLICY §6): every item is date-stamped when received; payments are opened under
 * dual control and listed on the remittance log; then each item is routed to its department.
 * Taking the money itself is a cashiering receipt (with the postmark), not part of this module.
 */
export const DESTINATIONS = [
	'Utility Billing',
	'Business License',
	'Accounts Receivable',
	'Accounts Payable',
	'Development Services',
	'Police',
	'Parks & Recreation',
	'City Clerk',
	'Human Resources',
	'Return to Sender'
] as const;
export type Destination = (typeof DESTINATIONS)[number];

export type MailItem = {
	id: string;
	/** Who sent it, as on the envelope. */
	from: string;
	/** To whom it is addressed ("City of Tracy — Finance", "Parks Dept", or a wrong address). */
	addressedTo: string;
	/** What is inside, as the clerk sees it when opened. */
	contents: string;
	postmark?: BusinessDate;
	/** A payment enclosed (a check or money order), if any. */
	enclosure?: { kind: 'check' | 'money-order'; number: string; bank: string; payer: string; amount: Money; memo: string };
	stampedOn?: BusinessDate;
	remittance?: RemittanceLogEntry;
	routedTo?: Destination;
};

export type RemittanceLogEntry = {
	date: BusinessDate;
	payer: string;
	checkNumber: string;
	amount: Money;
	account: string;
	postmark?: BusinessDate;
	openedBy: string;
	witness: string;
};

export type MailSlice = { items: Record<string, MailItem>; log: RemittanceLogEntry[] };

declare module '../model' {
	interface SandboxSlices {
		mail: MailSlice;
	}
}

function findItem(state: Readonly<SandboxState>, id: unknown) {
	return own(state.mail.items, id);
}

export const mailModule: DomainModule = {
	name: 'mail',
	initSlice: (state) => {
		state.mail = { items: {}, log: [] };
	},
	commands: {
		/** A piece of mail arrives in the tray (datasets and scenarios put it there). */
		'mail.receive': (state, c) => {
			const from = text(c.from, 'from', 'Sender');
			if (!from.ok) return from;
			const to = text(c.addressedTo, 'addressedTo', 'Addressee');
			if (!to.ok) return to;
			const contents = text(c.contents, 'contents', 'Contents', { max: 1000 });
			if (!contents.ok) return contents;
			const postmark = date(c.postmark, 'postmark', 'Postmark', { optional: true });
			if (!postmark.ok) return postmark;
			if (postmark.value && postmark.value > state.businessDate) return reject('invalid-input', 'A postmark cannot be later than today; check the date on the envelope.', 'postmark');
			let enclosure: Record<string, string> | undefined;
			if (c.enclosure !== undefined) {
				const e = c.enclosure as Record<string, unknown>;
				if (!e || typeof e !== 'object') return reject('invalid-input', 'Describe the enclosed payment.', 'enclosure');
				const kind = oneOf(e.kind, ['check', 'money-order'] as const, 'enclosure.kind', 'Kind of payment');
				if (!kind.ok) return kind;
				const value = amount(e.amount, 'enclosure.amount', { allowZero: false });
				if (!value.ok) return value;
				const fields = ['number', 'bank', 'payer'] as const;
				for (const f of fields) {
					const v = text(e[f], `enclosure.${f}`, f === 'number' ? 'Check number' : f === 'bank' ? 'Bank' : 'Payer');
					if (!v.ok) return v;
				}
				enclosure = { kind: kind.value, number: String(e.number).trim(), bank: String(e.bank).trim(), payer: String(e.payer).trim(), amount: value.value.toString(), memo: typeof e.memo === 'string' ? e.memo.trim() : '' };
			}
			return accept({ type: 'mail.received', id: nextId(state, 'MAIL', 5), from: from.value, addressedTo: to.value, contents: contents.value, postmark: postmark.value, enclosure });
		},
		'mail.stamp': (state, c) => {
			const item = findItem(state, c.itemId);
			if (!item) return reject('not-found', 'There is no such item in the mail tray.', 'itemId');
			if (item.stampedOn) return reject('wrong-status', `This item was already stamped received on ${item.stampedOn}.`);
			return accept({ type: 'mail.stamped', itemId: item.id });
		},
		/** List a payment on the remittance log: opened by one person with a second as witness (dual control). */
		'mail.log-remittance': (state, c, ctx) => {
			const item = findItem(state, c.itemId);
			if (!item) return reject('not-found', 'There is no such item in the mail tray.', 'itemId');
			if (!item.stampedOn) return reject('wrong-status', 'Stamp the item with the date received before you open and log it.');
			if (!item.enclosure) return reject('wrong-status', 'This item has no payment in it; route it instead.');
			if (item.remittance) return reject('wrong-status', 'This payment is already on the remittance log.');
			const witness = text(c.witness, 'witness', 'Witness', { max: 80 });
			if (!witness.ok) return witness;
			if (witness.value.toLowerCase() === ctx.actor.name.toLowerCase() || witness.value === ctx.actor.id)
				return reject('policy', 'Payments are opened under dual control: the witness must be a second person, not you.', 'witness');
			const payer = text(c.payer, 'payer', 'Payer', { max: 120 });
			if (!payer.ok) return payer;
			const checkNumber = text(c.checkNumber, 'checkNumber', 'Check number', { max: 30 });
			if (!checkNumber.ok) return checkNumber;
			const value = amount(c.amount, 'amount', { allowZero: false });
			if (!value.ok) return value;
			const account = text(c.account, 'account', 'Account or reference number', { max: 40 });
			if (!account.ok) return account;
			const postmark = date(c.postmark, 'postmark', 'Postmark', { optional: true });
			if (!postmark.ok) return postmark;
			if (postmark.value && postmark.value > state.businessDate) return reject('invalid-input', 'A postmark cannot be later than today; check the date on the envelope.', 'postmark');
			return accept({
				type: 'mail.remittance-logged',
				itemId: item.id,
				payer: payer.value,
				checkNumber: checkNumber.value,
				amount: value.value.toString(),
				account: account.value,
				postmark: postmark.value,
				witness: witness.value
			});
		},
		'mail.route': (state, c) => {
			const item = findItem(state, c.itemId);
			if (!item) return reject('not-found', 'There is no such item in the mail tray.', 'itemId');
			if (!item.stampedOn) return reject('wrong-status', 'Stamp the item with the date received before routing it.');
			if (item.routedTo) return reject('wrong-status', `This item was already routed to ${item.routedTo}.`);
			if (item.enclosure && !item.remittance) return reject('wrong-status', 'Log the enclosed payment on the remittance log before routing the item.');
			const destination = oneOf(c.destination, DESTINATIONS, 'destination', 'Destination');
			if (!destination.ok) return destination;
			return accept({ type: 'mail.routed', itemId: item.id, destination: destination.value });
		}
	},
	events: {
		'mail.received': (state, e) => {
			const enclosure = e.enclosure as (Omit<NonNullable<MailItem['enclosure']>, 'amount'> & { amount: string }) | undefined;
			const item: MailItem = { id: e.id as string, from: e.from as string, addressedTo: e.addressedTo as string, contents: e.contents as string };
			if (e.postmark) item.postmark = e.postmark as string;
			if (enclosure) item.enclosure = { ...enclosure, amount: Money.of(enclosure.amount) };
			state.mail.items[item.id] = item;
			bump(state, 'MAIL');
		},
		'mail.stamped': (state, e) => {
			state.mail.items[e.itemId as string]!.stampedOn = e.date;
		},
		'mail.remittance-logged': (state, e) => {
			const entry: RemittanceLogEntry = {
				date: e.date,
				payer: e.payer as string,
				checkNumber: e.checkNumber as string,
				amount: Money.of(e.amount as string),
				account: e.account as string,
				openedBy: e.actor,
				witness: e.witness as string
			};
			if (e.postmark) entry.postmark = e.postmark as string;
			state.mail.items[e.itemId as string]!.remittance = entry;
			state.mail.log.push(entry);
		},
		'mail.routed': (state, e) => {
			state.mail.items[e.itemId as string]!.routedTo = e.destination as Destination;
		}
	}
};
