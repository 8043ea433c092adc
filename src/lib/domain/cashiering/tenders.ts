import { Money } from '$lib/money';
import { daysBetween, type BusinessDate } from '../dates';
import { reject } from '../model';
import { amount, date, oneOf, text, type Field } from '../validate';
import { wireMoney } from '../wire-money';
import type { CardBrand, Tender, TenderType } from './slice';
import { MAX_AMOUNT, record, usd } from './util';

/** POLICY §2: checks are payable to this name and no older than this many days. */
export const PAYEE = 'City of Tracy';
export const STALE_AFTER_DAYS = 180;
export const CARD_BRANDS: readonly CardBrand[] = ['Visa', 'Mastercard', 'Discover'];
export const TENDER_TYPES: readonly TenderType[] = ['cash', 'check', 'money-order', 'card'];

const LABEL: Record<TenderType, string> = { cash: 'Cash', check: 'Check', 'money-order': 'Money order', card: 'Card' };

/** Reads one tender from the payment form, applying the check and card rules of POLICY §2. */
export function parseTender(input: unknown, i: number, businessDate: BusinessDate): Field<Tender> {
	const at = `tenders[${i}]`;
	const r = record(input, at, `Tender ${i + 1} is empty: give its type and amount.`);
	if (!r.ok) return r;
	const t = r.value;
	const type = oneOf(t.type, TENDER_TYPES, `${at}.type`, `Tender type`);
	if (!type.ok) return type;
	const amt = amount(t.amount, `${at}.amount`, { field: `${LABEL[type.value]} amount`, allowZero: false, max: MAX_AMOUNT });
	if (!amt.ok) return amt;
	switch (type.value) {
		case 'cash':
			return { ok: true, value: { type: 'cash', amount: amt.value } };
		case 'check':
			return parseCheck(t, at, amt.value, businessDate);
		case 'money-order': {
			const number = text(t.number, `${at}.number`, 'Money order number', { max: 30 });
			if (!number.ok) return number;
			const issuer = text(t.issuer, `${at}.issuer`, 'Money order issuer', { max: 80 });
			if (!issuer.ok) return issuer;
			return { ok: true, value: { type: 'money-order', amount: amt.value, number: number.value, issuer: issuer.value } };
		}
		case 'card':
			return parseCard(t, at, amt.value);
	}
}

function parseCheck(t: Record<string, unknown>, at: string, amt: Money, businessDate: BusinessDate): Field<Tender> {
	const number = text(t.checkNumber, `${at}.checkNumber`, 'Check number', { max: 12 });
	if (!number.ok) return number;
	if (!/^\d+$/.test(number.value)) return reject('invalid-input', 'The check number is digits only (top right of the check).', `${at}.checkNumber`);
	const bank = text(t.bank, `${at}.bank`, 'Bank', { max: 80 });
	if (!bank.ok) return bank;
	const payee = text(t.payee, `${at}.payee`, 'Payee', { max: 120 });
	if (!payee.ok) return payee;
	// Spacing and capitals do not matter; any other name does.
	if (payee.value.replace(/\s+/g, ' ').toLowerCase() !== PAYEE.toLowerCase()) {
		return reject('policy', `Checks must be payable to “${PAYEE}”; this one is payable to “${payee.value}”. Ask for a new check.`, `${at}.payee`);
	}
	if (t.signed !== undefined && t.signed !== null && typeof t.signed !== 'boolean') return reject('invalid-input', 'Say whether the check is signed (yes or no).', `${at}.signed`);
	if (t.signed !== true) return reject('policy', 'The check is not signed: ask the customer to sign it before you accept it.', `${at}.signed`);
	const written = amount(t.writtenAmount, `${at}.writtenAmount`, { field: 'The written (legal) amount', allowZero: false, max: MAX_AMOUNT });
	if (!written.ok) return written;
	if (!written.value.eq(amt)) {
		return reject('policy', `The written amount (${usd(written.value)}) and the numeric amount (${usd(amt)}) on check ${number.value} do not agree: ask for a new check.`, `${at}.writtenAmount`);
	}
	const checkDate = date(t.checkDate, `${at}.checkDate`, 'Check date');
	if (!checkDate.ok) return checkDate;
	const dated = checkDate.value!;
	const age = daysBetween(dated, businessDate);
	if (age < 0) return reject('policy', `Check ${number.value} is post-dated (${dated}, today is ${businessDate}); it cannot be accepted before its date.`, `${at}.checkDate`);
	if (age > STALE_AFTER_DAYS) return reject('policy', `Check ${number.value} is dated ${dated}, more than ${STALE_AFTER_DAYS} days ago (stale-dated); ask for a new check.`, `${at}.checkDate`);
	if (t.twoParty !== undefined && t.twoParty !== null && typeof t.twoParty !== 'boolean') return reject('invalid-input', 'Say whether this is a two-party check (yes or no).', `${at}.twoParty`);
	if (t.twoParty === true) return reject('policy', 'Two-party checks (made out to someone else and signed over) are not accepted; ask for the payer’s own check or another tender.', `${at}.twoParty`);
	return { ok: true, value: { type: 'check', amount: amt, checkNumber: number.value, bank: bank.value, checkDate: dated } };
}

function parseCard(t: Record<string, unknown>, at: string, amt: Money): Field<Tender> {
	const brandText = typeof t.brand === 'string' ? t.brand.trim().toLowerCase() : '';
	const brand = CARD_BRANDS.find((b) => b.toLowerCase() === brandText);
	if (!brand) return reject('policy', `We take ${CARD_BRANDS.join(', ')} only; choose the card brand.`, `${at}.brand`);
	const last4 = typeof t.last4 === 'string' ? t.last4.trim() : '';
	if (!/^\d{4}$/.test(last4)) return reject('invalid-input', 'Enter the last 4 digits of the card number.', `${at}.last4`);
	const channel = oneOf(t.channel, ['counter', 'phone'] as const, `${at}.channel`, 'Card channel');
	if (!channel.ok) return channel;
	return { ok: true, value: { type: 'card', amount: amt, brand, last4, channel: channel.value } };
}

// ---------- event data ----------

export type TenderData = Omit<Tender, 'amount'> & { amount: string };

export const tenderData = (t: Tender): TenderData => ({ ...t, amount: t.amount.toString() }) as TenderData;
export const tenderFrom = (d: TenderData): Tender => ({ ...d, amount: wireMoney(d.amount) }) as Tender;

/** "Check #1234 (Bank of Stockton)" for receipts and messages. */
export function describeTender(t: Tender): string {
	switch (t.type) {
		case 'cash':
			return 'Cash';
		case 'check':
			return `Check #${t.checkNumber} (${t.bank})`;
		case 'money-order':
			return `Money order #${t.number} (${t.issuer})`;
		case 'card':
			return `${t.brand} ••••${t.last4} (${t.channel})`;
	}
}
