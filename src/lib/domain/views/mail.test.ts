import { beforeAll, describe, expect, it } from 'vitest';
import { mailTray, nextStep, paymentKindFor, payQuery } from './mail';
import { smallCity } from './office-test-city';

describe('mail tray view', () => {
	// Generating the city takes a few seconds, longer on a busy machine.
	beforeAll(() => void smallCity(), 120_000);

	it('lists the unstamped mail of the day and nothing already finished on earlier days', () => {
		const { engine, state } = smallCity();
		const tray = mailTray(state, engine.env.paymentTargets, state.businessDate);
		expect(tray.open.length).toBeGreaterThanOrEqual(12);
		expect(tray.open.every((i) => i.step === 'stamp')).toBe(true);
		expect(tray.doneToday).toEqual([]);
		expect(tray.log).toEqual([]);
		expect(tray.logTotal.isZero()).toBe(true);
	});

	it('walks an enclosed payment through stamp, log and route, and prefills the payment screen', () => {
		const { engine, state, run } = smallCity();
		const targets = engine.env.paymentTargets;
		const item = mailTray(state, targets, state.businessDate).open.find((i) => i.enclosure && i.contents.startsWith('Utility'))!;
		const account = /account (\d{3}-\d{4})/.exec(item.contents)![1]!;
		run({ type: 'mail.stamp', itemId: item.id });
		expect(nextStep(state.mail.items[item.id]!)).toBe('log');
		run({ type: 'mail.log-remittance', itemId: item.id, witness: 'Kevin Wilson', payer: item.enclosure!.payer, checkNumber: item.enclosure!.number, amount: item.enclosure!.amount.toString(), account, postmark: item.postmark });
		const logged = mailTray(state, targets, state.businessDate).open.find((i) => i.id === item.id)!;
		expect(logged.step).toBe('route');
		expect(logged.pay).toMatchObject({ kind: 'utility', ref: account, tender: item.enclosure!.kind, checkNumber: item.enclosure!.number, bank: item.enclosure!.bank, postmark: item.postmark });
		const query = new URLSearchParams(payQuery(logged.pay!));
		expect(Object.fromEntries(query)).toEqual({
			kind: 'utility',
			ref: account,
			amount: item.enclosure!.amount.toString(),
			postmark: item.postmark!,
			tender: item.enclosure!.kind,
			checkNumber: item.enclosure!.number,
			bank: item.enclosure!.bank
		});
		run({ type: 'mail.route', itemId: item.id, destination: 'Utility Billing' });
		const after = mailTray(state, targets, state.businessDate);
		expect(after.open.some((i) => i.id === item.id)).toBe(false);
		expect(after.doneToday.map((i) => i.id)).toEqual([item.id]);
		expect(after.log).toHaveLength(1);
		expect(after.logTotal.eq(item.enclosure!.amount)).toBe(true);
	});

	it('knows which kind of receipt line a reference is, and none for a memo that names nothing', () => {
		const { engine, state } = smallCity();
		const targets = engine.env.paymentTargets;
		const account = Object.keys(state.utility.accounts)[0]!;
		const invoice = Object.keys(state.receivables.invoices)[0]!;
		const business = Object.keys(state.licenses.businesses)[0]!;
		expect(paymentKindFor(state, targets, account)).toBe('utility');
		expect(paymentKindFor(state, targets, invoice)).toBe('invoice');
		expect(paymentKindFor(state, targets, business)).toBe('license');
		expect(paymentKindFor(state, targets, 'Spring field deposit')).toBeUndefined();
	});
});
