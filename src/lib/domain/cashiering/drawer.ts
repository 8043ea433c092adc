import { Money } from '$lib/money';
import { journal } from '../ledger';
import { accept, needsApproval, reject, type Command, type CommandContext, type CommandHandler, type EventApplier, type SandboxState } from '../model';
import { amount, text, wholeNumber, type Field } from '../validate';
import { bump, nextId } from '../kernel/ids';
import { wireMoney } from '../wire-money';
import { FLOAT_TOTAL, STANDARD_FLOAT, countTotal, currencyAndCoin, describeDifferences, parseCounts, splitFloat, type Counts } from './denominations';
import { drawerTotals, openDrawerOf, type CheckList, type CloseOut, type DepositItem, type DepositSlip, type DrawerSession } from './slice';
import { depositData, depositFrom, figuresData, figuresFrom, type DepositData, type FiguresData } from './close-data';
import { own, record, signedLine, usd } from './util';

/** POLICY §2: a difference up to this much posts with a note; beyond it a supervisor signs off. */
export const OVER_SHORT_LIMIT = Money.of('2.00');

// ---------- open ----------

export const openDrawer: CommandHandler = (state, command, ctx) => {
	const existing = openDrawerOf(state, ctx.actor.id);
	if (existing) return reject('wrong-status', `You already have drawer ${existing.id} open (since ${existing.date}); close it out before opening another.`);
	const counts = parseCounts(command.counts);
	if (!counts.ok) return counts;
	const total = countTotal(counts.value);
	if (!total.eq(FLOAT_TOTAL)) {
		const off = total.minus(FLOAT_TOTAL);
		const where = describeDifferences(counts.value, STANDARD_FLOAT);
		return reject(
			'policy',
			`The float counts to ${usd(total)}, ${usd(off.abs())} ${off.isNegative() ? 'short of' : 'over'} ${usd(FLOAT_TOTAL)}` +
				`${where ? ` (${where})` : ''}. Recount it; if it is still off, tell your supervisor before opening.`,
			'counts'
		);
	}
	const drawerId = nextId(state, 'DRW');
	return accept({
		type: 'cash.drawer-opened',
		drawerId,
		clerkId: ctx.actor.id,
		clerkName: ctx.actor.name,
		counts: counts.value,
		float: FLOAT_TOTAL.toString(),
		// The float leaves the change fund for the drawer.
		journal: journal(`Float into drawer ${drawerId}`, [
			{ account: '1010', debit: FLOAT_TOTAL },
			{ account: '1015', credit: FLOAT_TOTAL }
		])
	});
};

export const drawerOpened: EventApplier = (state, event) => {
	const id = event.drawerId as string;
	const clerkId = event.clerkId as string;
	state.cashiering.drawers[id] = {
		id,
		clerkId,
		clerkName: event.clerkName as string,
		date: event.date,
		openedAt: event.at,
		float: wireMoney(event.float as string),
		openCounts: { ...(event.counts as Counts) },
		status: 'open',
		receiptNos: []
	};
	state.cashiering.openDrawerByClerk[clerkId] = id;
	bump(state, 'DRW');
};

// ---------- close ----------

type CloseFigures = {
	drawer: DrawerSession;
	counts: Counts;
	expected: CloseOut['expected'];
	counted: CloseOut['counted'];
	difference: Money;
	withinLimit: boolean;
	checks: DepositItem[];
	moneyOrders: DepositItem[];
};

/** A counted pile of checks or money orders: how many and their total. */
function parseCheckList(input: unknown, field: string, what: string, optional: boolean): Field<CheckList> {
	if (optional && (input === undefined || input === null)) return { ok: true, value: { count: 0, total: Money.ZERO } };
	const r = record(input, field, `Enter how many ${what} are in the drawer and their total (0 and 0.00 when there are none).`);
	if (!r.ok) return r;
	const count = wholeNumber(r.value.count, `${field}.count`, `The number of ${what}`, 0, 10_000);
	if (!count.ok) return count;
	const total = amount(r.value.total, `${field}.total`, { field: `The ${what} total`, max: '99999999.99' });
	if (!total.ok) return total;
	if ((count.value === 0) !== total.value.isZero()) return reject('invalid-input', `The ${what} count and total do not fit together: ${count.value} ${what} totalling ${usd(total.value)}.`, field);
	return { ok: true, value: { count: count.value, total: total.value } };
}

/** Each item must be accounted for: checks and money orders are listed one by one on the deposit slip. */
function itemsMismatch(what: string, expected: DepositItem[], counted: CheckList): string | null {
	const total = expected.reduce((acc, c) => acc.plus(c.amount), Money.ZERO);
	if (expected.length === counted.count && total.eq(counted.total)) return null;
	const listed = expected.map((c) => `#${c.number} ${usd(c.amount)} (${c.receiptNo})`).join(', ');
	return (
		`${what}: the system recorded ${expected.length} totalling ${usd(total)}${listed ? ` — ${listed}` : ''}; ` +
		`you counted ${counted.count} totalling ${usd(counted.total)}. Find the difference before closing out.`
	);
}

/** Everything a close-out computes from the count; shared by the handler and the approval summary. */
export function closeFigures(state: Readonly<SandboxState>, command: Command): Field<CloseFigures> {
	const id = text(command.drawerId, 'drawerId', 'Drawer', { max: 40 });
	if (!id.ok) return id;
	const drawer = own(state.cashiering.drawers, id.value);
	if (!drawer) return reject('not-found', `There is no drawer ${id.value}.`, 'drawerId');
	if (drawer.status === 'closed') return reject('wrong-status', `Drawer ${drawer.id} was already closed out on ${drawer.closeOut?.date ?? drawer.date}.`, 'drawerId');
	const counts = parseCounts(command.counts);
	if (!counts.ok) return counts;
	const checks = parseCheckList(command.checks, 'checks', 'checks', false);
	if (!checks.ok) return checks;
	const moneyOrders = parseCheckList(command.moneyOrders, 'moneyOrders', 'money orders', true);
	if (!moneyOrders.ok) return moneyOrders;
	const cards = amount(command.cardBatchTotal, 'cardBatchTotal', { field: 'The card batch total', max: '99999999.99' });
	if (!cards.ok) return cards;

	const t = drawerTotals(state, drawer);
	const checkProblem = itemsMismatch('Checks', t.checks, checks.value);
	if (checkProblem) return reject('policy', checkProblem, 'checks');
	const moProblem = itemsMismatch('Money orders', t.moneyOrders, moneyOrders.value);
	if (moProblem) return reject('policy', moProblem, 'moneyOrders');

	const countedCash = countTotal(counts.value);
	const difference = countedCash.minus(t.expectedCash).plus(cards.value.minus(t.cards));
	return {
		ok: true,
		value: {
			drawer,
			counts: counts.value,
			expected: { cash: t.expectedCash, checks: { count: t.checks.length, total: t.checksTotal }, moneyOrders: { count: t.moneyOrders.length, total: t.moneyOrdersTotal }, cards: t.cards },
			counted: { cash: countedCash, checks: checks.value, moneyOrders: moneyOrders.value, cards: cards.value },
			difference,
			withinLimit: difference.abs().lte(OVER_SHORT_LIMIT),
			checks: t.checks,
			moneyOrders: t.moneyOrders
		}
	};
}

/** "over $3.25" / "short $1.50" / "even" */
export function overShortWords(difference: Money): string {
	if (difference.isZero()) return 'even';
	return `${difference.isNegative() ? 'short' : 'over'} ${usd(difference.abs())}`;
}

function depositSlip(f: CloseFigures, date: string): DepositSlip {
	const cash = f.counted.cash.minus(f.drawer.float);
	const split = splitFloat(f.counts);
	const checksTotal = f.expected.checks.total.plus(f.expected.moneyOrders.total);
	const slip: DepositSlip = {
		date,
		drawerId: f.drawer.id,
		cash,
		checks: f.checks,
		moneyOrders: f.moneyOrders,
		checksTotal,
		total: cash.plus(checksTotal)
	};
	if (split) Object.assign(slip, { cashByDenomination: split.deposit, ...currencyAndCoin(split.deposit) });
	return slip;
}

export const closeDrawer: CommandHandler = (state, command, ctx: CommandContext) => {
	const figures = closeFigures(state, command);
	if (!figures.ok) return figures;
	const f = figures.value;
	if (!ctx.approvedBy && !ctx.actor.supervisor && f.drawer.clerkId !== ctx.actor.id) {
		return reject('not-allowed', `Drawer ${f.drawer.id} is ${f.drawer.clerkName}'s; only they or a supervisor can close it out.`, 'drawerId');
	}
	const note = text(command.note, 'note', 'Note', { max: 500, optional: true });
	if (!note.ok) return note;
	const explanation = text(command.explanation, 'explanation', 'Explanation', { max: 1000, optional: true });
	if (!explanation.ok) return explanation;
	const words = overShortWords(f.difference);
	if (!f.withinLimit) {
		if (explanation.value.length < 10) {
			return reject('invalid-input', `The drawer is ${words}, beyond ±${usd(OVER_SHORT_LIMIT)}: write what the recount found (a sentence or more) for the supervisor to sign off.`, 'explanation');
		}
		const stop = needsApproval(ctx, `The drawer is ${words}, beyond ±${usd(OVER_SHORT_LIMIT)}: a supervisor must recount and sign off. Request approval with your explanation.`, 'counts');
		if (stop) return stop;
	}

	const deposit = depositSlip(f, state.businessDate);
	const drawerCash = f.expected.cash.plus(f.expected.checks.total).plus(f.expected.moneyOrders.total);
	const id = f.drawer.id;
	const entry = journal(`Close-out ${id} (${words})`, [
		{ account: '1010', credit: drawerCash }, // empty the drawer: everything it should hold
		{ account: '1015', debit: f.drawer.float }, // the float goes back to the change fund
		signedLine('1020', deposit.total), // cash less float, checks and money orders go to the bank
		signedLine('1025', f.counted.cards.minus(f.expected.cards)), // the batch is what will settle
		signedLine('6990', f.difference.negated()) // short is an expense (debit), over a credit
	]);
	const autoNote = f.difference.isZero() ? '' : `Drawer ${id} ${words} at close-out.`;
	return accept({
		type: 'cash.drawer-closed',
		drawerId: id,
		counts: f.counts,
		expected: figuresData(f.expected),
		counted: figuresData(f.counted),
		difference: f.difference.toString(),
		withinLimit: f.withinLimit,
		note: note.value || autoNote,
		...(f.withinLimit ? {} : { explanation: explanation.value }),
		...(ctx.approvedBy ? { approvedBy: ctx.approvedBy } : {}),
		deposit: depositData(deposit),
		journal: entry
	});
};

export const drawerClosed: EventApplier = (state, event) => {
	const drawer = state.cashiering.drawers[event.drawerId as string]!;
	const closeOut: CloseOut = {
		closedAt: event.at,
		date: event.date,
		closedBy: event.actor,
		counts: { ...(event.counts as Counts) },
		expected: figuresFrom(event.expected as FiguresData),
		counted: figuresFrom(event.counted as FiguresData),
		difference: wireMoney(event.difference as string),
		withinLimit: event.withinLimit as boolean,
		note: event.note as string,
		deposit: depositFrom(event.deposit as DepositData)
	};
	if (typeof event.explanation === 'string') closeOut.explanation = event.explanation;
	if (typeof event.approvedBy === 'string') closeOut.approvedBy = event.approvedBy;
	drawer.status = 'closed';
	drawer.closeOut = closeOut;
	if (state.cashiering.openDrawerByClerk[drawer.clerkId] === drawer.id) delete state.cashiering.openDrawerByClerk[drawer.clerkId];
};

/** For the approval queue: what the supervisor is signing off. */
export function closeApprovalSummary(state: Readonly<SandboxState>, command: Command): string {
	const f = closeFigures(state, command);
	if (!f.ok) return `Close-out of drawer ${String(command.drawerId)}`;
	const why = typeof command.explanation === 'string' ? ` — “${command.explanation.trim()}”` : '';
	return `Close-out of drawer ${f.value.drawer.id} (${f.value.drawer.clerkName}): ${overShortWords(f.value.difference)} (beyond ±${usd(OVER_SHORT_LIMIT)})${why}`;
}
