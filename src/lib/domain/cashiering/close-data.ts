import { wireMoney } from '../wire-money';
import type { CloseOut, DepositItem, DepositSlip } from './slice';

/** A close-out's figures and deposit slip as they travel in the event: money as canonical strings. */

type Figures = CloseOut['expected'];
export type FiguresData = { cash: string; checks: { count: number; total: string }; moneyOrders: { count: number; total: string }; cards: string };
type ItemData = { number: string; bank: string; amount: string; receiptNo: string };
export type DepositData = Omit<DepositSlip, 'cash' | 'currency' | 'coin' | 'checks' | 'moneyOrders' | 'checksTotal' | 'total'> & {
	cash: string;
	currency?: string;
	coin?: string;
	checks: ItemData[];
	moneyOrders: ItemData[];
	checksTotal: string;
	total: string;
};

export function figuresData(f: Figures): FiguresData {
	return {
		cash: f.cash.toString(),
		checks: { count: f.checks.count, total: f.checks.total.toString() },
		moneyOrders: { count: f.moneyOrders.count, total: f.moneyOrders.total.toString() },
		cards: f.cards.toString()
	};
}

export function figuresFrom(d: FiguresData): Figures {
	return {
		cash: wireMoney(d.cash),
		checks: { count: d.checks.count, total: wireMoney(d.checks.total) },
		moneyOrders: { count: d.moneyOrders.count, total: wireMoney(d.moneyOrders.total) },
		cards: wireMoney(d.cards)
	};
}

const itemData = (i: DepositItem): ItemData => ({ ...i, amount: i.amount.toString() });
const itemFrom = (i: ItemData): DepositItem => ({ ...i, amount: wireMoney(i.amount) });

export function depositData(d: DepositSlip): DepositData {
	const data: DepositData = {
		date: d.date,
		drawerId: d.drawerId,
		cash: d.cash.toString(),
		checks: d.checks.map(itemData),
		moneyOrders: d.moneyOrders.map(itemData),
		checksTotal: d.checksTotal.toString(),
		total: d.total.toString()
	};
	if (d.cashByDenomination && d.currency && d.coin) Object.assign(data, { cashByDenomination: d.cashByDenomination, currency: d.currency.toString(), coin: d.coin.toString() });
	return data;
}

export function depositFrom(d: DepositData): DepositSlip {
	const slip: DepositSlip = {
		date: d.date,
		drawerId: d.drawerId,
		cash: wireMoney(d.cash),
		checks: d.checks.map(itemFrom),
		moneyOrders: d.moneyOrders.map(itemFrom),
		checksTotal: wireMoney(d.checksTotal),
		total: wireMoney(d.total)
	};
	if (d.cashByDenomination && d.currency && d.coin) Object.assign(slip, { cashByDenomination: d.cashByDenomination, currency: wireMoney(d.currency), coin: wireMoney(d.coin) });
	return slip;
}
