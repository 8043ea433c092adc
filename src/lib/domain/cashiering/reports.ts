import { Money, sum } from '$lib/money';
import { compareDates, type BusinessDate } from '../dates';
import type { SandboxState } from '../model';
import { drawerTotals, type CardBrand, type CheckList, type DrawerSession, type Receipt, type TenderType } from './slice';

/** Pure reports over the cashiering slice: nothing here changes state. */

export type DrawerReport = {
	drawerId: string;
	clerkId: string;
	clerkName: string;
	status: DrawerSession['status'];
	float: Money;
	receipts: number;
	voids: number;
	cashReceived: Money;
	changeGiven: Money;
	/** Float + cash received − change given. */
	expectedCash: Money;
	checks: CheckList;
	moneyOrders: CheckList;
	cards: { count: number; total: Money };
	/** Money taken on the drawer (cash kept + checks + money orders + cards). */
	collected: Money;
	/** Present once closed out. */
	countedCash?: Money;
	overShort?: Money;
	deposit?: Money;
};

export type DailyCashReport = { date: BusinessDate; drawers: DrawerReport[]; totals: TenderTotals };

export type TenderTotals = Record<TenderType, Money> & { total: Money; receipts: number };

export function drawerReport(state: Readonly<SandboxState>, d: DrawerSession): DrawerReport {
	const t = drawerTotals(state, d);
	const report: DrawerReport = {
		drawerId: d.id,
		clerkId: d.clerkId,
		clerkName: d.clerkName,
		status: d.status,
		float: d.float,
		receipts: t.receipts,
		voids: t.voids,
		cashReceived: t.cashReceived,
		changeGiven: t.changeGiven,
		expectedCash: t.expectedCash,
		checks: { count: t.checks.length, total: t.checksTotal },
		moneyOrders: { count: t.moneyOrders.length, total: t.moneyOrdersTotal },
		cards: { count: t.cardCount, total: t.cards },
		collected: t.cashReceived.minus(t.changeGiven).plus(t.checksTotal).plus(t.moneyOrdersTotal).plus(t.cards)
	};
	if (d.closeOut) Object.assign(report, { countedCash: d.closeOut.counted.cash, overShort: d.closeOut.difference, deposit: d.closeOut.deposit.total });
	return report;
}

/** Every drawer opened on `date`, by tender, with the day's totals. */
export function dailyCashReport(state: Readonly<SandboxState>, date: BusinessDate): DailyCashReport {
	const drawers = Object.values(state.cashiering.drawers)
		.filter((d) => d.date === date)
		.map((d) => drawerReport(state, d));
	return { date, drawers, totals: paymentsByTender(state, date, date) };
}

function validReceipts(state: Readonly<SandboxState>, from: BusinessDate, to: BusinessDate): Receipt[] {
	return Object.values(state.cashiering.receipts).filter((r) => r.status === 'valid' && compareDates(r.date, from) >= 0 && compareDates(r.date, to) <= 0);
}

/** Money kept by tender over a range of business days (cash net of change; voided receipts excluded). */
export function paymentsByTender(state: Readonly<SandboxState>, from: BusinessDate, to: BusinessDate): TenderTotals {
	const receipts = validReceipts(state, from, to);
	const of = (type: TenderType) => sum(receipts.flatMap((r) => r.tenders.filter((t) => t.type === type).map((t) => t.amount)));
	const cash = of('cash').minus(sum(receipts.map((r) => r.change)));
	const totals = { cash, check: of('check'), 'money-order': of('money-order'), card: of('card') };
	return { ...totals, total: sum(Object.values(totals)), receipts: receipts.length };
}

/** Card totals by brand and channel, for matching against the processor's batch. */
export function cardsByBrand(state: Readonly<SandboxState>, from: BusinessDate, to: BusinessDate): Array<{ brand: CardBrand; channel: 'counter' | 'phone'; count: number; total: Money }> {
	const rows = new Map<string, { brand: CardBrand; channel: 'counter' | 'phone'; count: number; total: Money }>();
	for (const r of validReceipts(state, from, to)) {
		for (const t of r.tenders) {
			if (t.type !== 'card') continue;
			const key = `${t.brand}|${t.channel}`;
			const row = rows.get(key) ?? { brand: t.brand, channel: t.channel, count: 0, total: Money.ZERO };
			rows.set(key, { ...row, count: row.count + 1, total: row.total.plus(t.amount) });
		}
	}
	return [...rows.keys()].sort().map((k) => rows.get(k)!);
}

export type OverShortEntry = {
	date: BusinessDate;
	drawerId: string;
	clerkId: string;
	clerkName: string;
	difference: Money;
	withinLimit: boolean;
	note: string;
	explanation?: string;
	approvedBy?: string;
};

/** Every close-out's over/short, oldest first; optionally one clerk's. */
export function overShortHistory(state: Readonly<SandboxState>, opts: { clerkId?: string } = {}): OverShortEntry[] {
	const rows: OverShortEntry[] = [];
	for (const d of Object.values(state.cashiering.drawers)) {
		const c = d.closeOut;
		if (!c || (opts.clerkId && d.clerkId !== opts.clerkId)) continue;
		const row: OverShortEntry = { date: c.date, drawerId: d.id, clerkId: d.clerkId, clerkName: d.clerkName, difference: c.difference, withinLimit: c.withinLimit, note: c.note };
		if (c.explanation) row.explanation = c.explanation;
		if (c.approvedBy) row.approvedBy = c.approvedBy;
		rows.push(row);
	}
	return rows.sort((a, b) => compareDates(a.date, b.date) || (a.drawerId < b.drawerId ? -1 : a.drawerId > b.drawerId ? 1 : 0));
}

/** Net over (+) / short (−) of a list of close-outs. */
export function overShortNet(rows: readonly OverShortEntry[]): Money {
	return sum(rows.map((r) => r.difference));
}
