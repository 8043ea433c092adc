import { Money } from '$lib/money';
import { CARD_BRANDS, type CardBrand } from '../cashiering';
import { addDays, type BusinessDate } from '../dates';
import { BANKS, MONEY_ORDER_ISSUERS } from './dataset';
import type { Tender } from './generate-sim';
import type { SeededRandom } from './random';

/** How a customer pays at the counter: the tenders of POLICY §2, filled in the way the desk enters them. */
export type Method = 'cash' | 'check' | 'card' | 'money-order';

/** A payer's own bank, card and check book, so their receipts look like the same person's. */
export type Wallet = { bank: string; brand: CardBrand; last4: string; nextCheck: number; phoneCard: boolean };

export function newWallet(rng: SeededRandom): Wallet {
	return {
		bank: rng.pick(BANKS),
		brand: rng.weighted<CardBrand>([
			[CARD_BRANDS[0]!, 5],
			[CARD_BRANDS[1]!, 4],
			[CARD_BRANDS[2]!, 1]
		]),
		last4: String(rng.int(0, 9999)).padStart(4, '0'),
		nextCheck: rng.int(1001, 6999),
		phoneCard: rng.chance(0.25)
	};
}

/** What a customer hands over in cash for `amount`: exact, or the next round bill(s); change comes back. */
export function cashTendered(rng: SeededRandom, amount: Money): Money {
	const c = amount.toCents();
	const steps: Array<readonly [bigint, number]> = [
		[1n, 2],
		[100n, 2],
		[500n, 3],
		[1000n, 2],
		[2000n, 3]
	];
	if (c > 10000n) steps.push([5000n, 2], [10000n, 1]);
	const step = rng.weighted(steps);
	return Money.fromCents(((c + step - 1n) / step) * step);
}

export type CheckOptions = { checkDate?: BusinessDate };

/** One tender paying exactly `amount` (cash may be more: the change is given back). */
export function tenderFor(rng: SeededRandom, wallet: Wallet, method: Method, amount: Money, today: BusinessDate, opts: CheckOptions = {}): Tender {
	switch (method) {
		case 'cash':
			return { type: 'cash', amount: cashTendered(rng, amount).toString() };
		case 'check': {
			const a = amount.toString();
			return {
				type: 'check',
				amount: a,
				writtenAmount: a,
				checkNumber: String(wallet.nextCheck++),
				bank: wallet.bank,
				payee: 'City of Tracy',
				signed: true,
				twoParty: false,
				checkDate: opts.checkDate ?? addDays(today, -rng.int(0, 3))
			};
		}
		case 'money-order':
			return { type: 'money-order', amount: amount.toString(), number: String(rng.int(1_000_000_000, 9_999_999_999)), issuer: rng.pick(MONEY_ORDER_ISSUERS) };
		case 'card':
			return { type: 'card', amount: amount.toString(), brand: wallet.brand, last4: wallet.last4, channel: wallet.phoneCard && rng.chance(0.6) ? 'phone' : 'counter' };
	}
}

/** A habitual way of paying, with the occasional other tender. */
export function chooseMethod(rng: SeededRandom, habit: Method, opts: { cashOnly?: boolean; large?: boolean } = {}): Method {
	let m: Method = rng.chance(0.85)
		? habit
		: rng.weighted<Method>([
				['cash', opts.large ? 1 : 3],
				['check', 4],
				['card', 4],
				['money-order', 1]
			]);
	if (opts.cashOnly && m === 'check') m = rng.chance(0.5) ? 'card' : 'money-order';
	return m;
}
