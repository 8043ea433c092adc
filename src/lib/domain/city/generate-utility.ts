import { Money, sum } from '$lib/money';
import { addBusinessDays, addDays, addMonths, compareDates, daysInMonthOf, type BusinessDate } from '../dates';
import type { DomainEvent } from '../model';
import { activePlan, balanceOwed, daysDelinquent, openNotice, pastDue, planProgress } from '../utility';
import type { AccountClass, CartSize, Dwelling, MeterSize, Occupancy, Proof } from '../utility';
import { OTHER_TOWNS, PHYSICIANS, PROPERTY_MANAGERS, SEASON, ZIPS } from './dataset';
import { chooseMethod, newWallet, tenderFor, type Method, type Wallet } from './generate-counter';
import { businessDayBetween, cents, COUNTER, deal, MORNING, onBusinessDay, STAFF, type CitySim } from './generate-sim';
import { businessName, commercialAddress, personName, phoneNumber, residentialAddress, STREETS, type BUSINESS_WORDS } from './names';
import type { SeededRandom } from './random';

/**
 * Utility customers and a year of their bills and payments (POLICY.md §1–2): accounts opened on the
 * first day, meter reads at each month end, bills run by the day-start work on the 5th, and each
 * household paying the way it habitually does — most in full and on time, some late, partial or
 * ahead, a few chronically behind, on payment plans, or cash-only after a returned check.
 */

/** How a household pays its bills. */
export type Persona = 'prompt' | 'roundup' | 'prepay' | 'late' | 'partial' | 'chronic' | 'plan' | 'nsf';

type Profile = {
	class: AccountClass;
	dwelling: Dwelling;
	units: number;
	meterSize: MeterSize;
	cartSize: CartSize | null;
	solidWasteContract: string | null;
	parcels: number;
	occupancy: Occupancy;
	proof: Proof;
	serviceAddress: string;
};

type Household = {
	key: string;
	rng: SeededRandom;
	persona: Persona;
	name: string;
	phone: string;
	mailingAddress: string;
	customerId: string;
	number: string;
	open: boolean;
	profile: Profile;
	baseUse: number;
	reading: number;
	habit: Method;
	/** Pays by mail (check or money order with a postmark) rather than at the counter. */
	mail: boolean;
	wallet: Wallet;
	cashOnly: boolean;
	/** chronic: bills from this date on go unpaid. */
	stopFrom?: BusinessDate;
	/** plan: the first unpaid bill, the day the plan is signed, and where it stands. */
	troubleFrom?: BusinessDate;
	planSign?: BusinessDate;
	planMonths?: number;
	planPhase?: 'before' | 'behind' | 'active' | 'over';
	/** nsf: the bill paid with the check that comes back. */
	nsfBill?: BusinessDate;
};

type Mode = 'full' | 'round' | 'partial' | 'ahead';
type PayOptions = { postmark?: BusinessDate; inPerson?: boolean; bounce?: boolean };

/** "1234 Tracy Blvd, Tracy, CA 95376": a service address as a mailing address (the zip follows the street). */
function tracyMailing(address: string): string {
	const street = address.replace(/^\d+ /, '').replace(/,.*$/, '');
	return `${address}, Tracy, CA ${ZIPS[Math.max(0, STREETS.indexOf(street as (typeof STREETS)[number])) % ZIPS.length]!}`;
}

export class UtilitySim {
	readonly households: Household[] = [];
	readonly byNumber = new Map<string, Household>();
	readonly #sim: CitySim;
	readonly #rng: SeededRandom;
	readonly #addresses = new Set<string>();
	readonly #billDates: BusinessDate[] = [];
	#newcomers = 0;
	/** Counts for the summary. */
	readonly tally = { stops: 0, transfers: 0, moveIns: 0, returnedChecks: 0, plans: 0, notices: 0, disconnects: 0, medical: 0, mailPayments: 0 };

	constructor(sim: CitySim, rng: SeededRandom) {
		this.#sim = sim;
		this.#rng = rng;
		for (let d = addDays(sim.first, 1); d <= sim.today; d = addDays(d, 1)) if (d.endsWith('-05')) this.#billDates.push(d);
	}

	// ---------- the first day: every account opened ----------

	openAccounts(count: number): void {
		const rng = this.#rng.fork('accounts');
		const n = Math.max(1, count);
		const classes = deal<'single' | 'multi' | 'commercial'>(rng, n, [
			['commercial', Math.max(2, Math.round(n * 0.12))],
			['multi', Math.max(1, Math.round(n * 0.08))]
		], 'single');
		const personas = deal<Persona>(
			rng,
			n,
			[
				['chronic', Math.max(3, Math.round(n * 0.05))],
				['plan', Math.max(2, Math.round(n * 0.03))],
				['nsf', Math.max(1, Math.round(n * 0.015))],
				['partial', Math.max(1, Math.round(n * 0.04))],
				['late', Math.round(n * 0.12)],
				['roundup', Math.max(2, Math.round(n * 0.06))],
				['prepay', Math.max(1, Math.round(n * 0.01))]
			],
			'prompt'
		);
		const tenants = deal<boolean>(rng, n, [[true, Math.round(n * 0.35)]], false);
		for (let i = 0; i < n; i++) {
			const h = this.#household(`a${i}`, classes[i]!, personas[i]!, tenants[i]!);
			this.#start(h, this.#sim.first);
		}
		this.#planMoves(rng.fork('moves'));
		this.#planDelinquency();
	}

	#household(key: string, kind: 'single' | 'multi' | 'commercial', persona: Persona, tenant: boolean): Household {
		const rng = this.#rng.fork(`household:${key}`);
		const profile = this.#profile(rng, kind, tenant);
		const person = personName(rng);
		let name: string = person.full;
		let mailingAddress = tracyMailing(profile.serviceAddress);
		if (kind === 'commercial') {
			name = businessName(rng, rng.pick(['retail', 'services', 'other', 'manufacturing'] as const satisfies ReadonlyArray<keyof typeof BUSINESS_WORDS>));
		} else if (profile.occupancy === 'owner' && (kind === 'multi' || rng.chance(0.12))) {
			// Landlords and absentee owners get their mail elsewhere.
			if (kind === 'multi' && rng.chance(0.5)) name = `${rng.pick(PROPERTY_MANAGERS)} for ${person.full}`;
			const town = rng.pick(OTHER_TOWNS);
			mailingAddress = rng.chance(0.3) ? `PO Box ${rng.int(100, 9999)}, Tracy, CA 95378` : `${rng.int(100, 9999)} ${rng.pick(['Oak', 'Pine', 'Maple', 'Hillview', 'Country Club', 'Pacific'])} ${rng.pick(['Ave', 'Dr', 'Ct', 'Way'])}, ${town.city}, CA ${town.zip}`;
		}
		const habit = kind === 'commercial'
			? rng.weighted<Method>([['check', 7], ['card', 2], ['money-order', 1]])
			: rng.weighted<Method>([['cash', 22], ['check', 38], ['card', 32], ['money-order', 8]]);
		const h: Household = {
			key,
			rng,
			persona,
			name,
			phone: phoneNumber(rng),
			mailingAddress,
			customerId: '',
			number: '',
			open: false,
			profile,
			baseUse: this.#baseUse(rng, profile),
			reading: kind === 'commercial' ? rng.int(1000, 60000) : rng.int(150, 9000),
			habit: persona === 'nsf' ? 'check' : habit,
			mail: (habit === 'check' || habit === 'money-order') && rng.chance(0.4) && persona !== 'nsf',
			wallet: newWallet(rng),
			cashOnly: false
		};
		this.#personaDates(h);
		this.households.push(h);
		return h;
	}

	#uniqueAddress(rng: SeededRandom, make: () => string): string {
		for (let i = 0; i < 50; i++) {
			const a = make();
			if (!this.#addresses.has(a.toLowerCase())) {
				this.#addresses.add(a.toLowerCase());
				return a;
			}
		}
		const a = `${rng.int(5000, 9999)} ${rng.pick(STREETS)}`;
		this.#addresses.add(a.toLowerCase());
		return a;
	}

	#profile(rng: SeededRandom, kind: 'single' | 'multi' | 'commercial', tenant: boolean): Profile {
		const ownerProof = (): Proof => rng.weighted<Proof>([['deed', 5], ['tax-bill', 3], ['escrow', 1]]);
		if (kind === 'commercial') {
			return {
				class: 'commercial',
				dwelling: 'single',
				units: 1,
				meterSize: rng.weighted<MeterSize>([['3/4', 2], ['1', 4], ['1.5', 2], ['2', 2]]),
				cartSize: null,
				solidWasteContract: cents(rng.weighted([[rng.int(85, 180), 5], [rng.int(180, 420), 4], [rng.int(420, 900), 1]] as const) * 100 + rng.pick([0, 0, 50, 25])),
				parcels: rng.weighted([[1, 16], [2, 3], [3, 1]] as const),
				occupancy: tenant ? 'tenant' : 'owner',
				proof: tenant ? 'lease' : ownerProof(),
				serviceAddress: this.#uniqueAddress(rng, () => commercialAddress(rng))
			};
		}
		if (kind === 'multi') {
			const units = rng.weighted([[2, 5], [3, 3], [4, 4], [rng.int(5, 8), 2], [rng.int(9, 24), 1]] as const);
			return {
				class: 'residential',
				dwelling: 'multi',
				units,
				meterSize: units <= 4 ? rng.weighted<MeterSize>([['1', 3], ['1.5', 1]]) : rng.weighted<MeterSize>([['1.5', 2], ['2', 1]]),
				cartSize: '96',
				solidWasteContract: null,
				parcels: 1,
				occupancy: tenant ? 'tenant' : 'owner',
				proof: tenant ? 'lease' : ownerProof(),
				serviceAddress: this.#uniqueAddress(rng, () => residentialAddress(rng))
			};
		}
		return {
			class: 'residential',
			dwelling: 'single',
			units: 1,
			meterSize: rng.weighted<MeterSize>([['5/8', 13], ['3/4', 6], ['1', 1]]),
			cartSize: rng.weighted<CartSize>([['35', 5], ['64', 9], ['96', 6]]),
			solidWasteContract: null,
			parcels: 1,
			occupancy: tenant ? 'tenant' : 'owner',
			proof: tenant ? 'lease' : ownerProof(),
			serviceAddress: this.#uniqueAddress(rng, () => residentialAddress(rng))
		};
	}

	#baseUse(rng: SeededRandom, p: Profile): number {
		if (p.class === 'commercial') return rng.weighted([[rng.int(8, 25), 5], [rng.int(35, 90), 3], [rng.int(90, 220), 1]] as const);
		if (p.dwelling === 'multi') return p.units * rng.int(4, 6);
		return rng.chance(0.15) ? rng.int(15, 19) : rng.int(7, 15);
	}

	/** HCF used in the calendar month `month` (1–12), whole units; single-family 6–30 with a summer peak. */
	#use(h: Household, month: number): number {
		const season = SEASON[month - 1]!;
		const noise = 0.85 + h.rng.next() * 0.3;
		const p = h.profile;
		if (p.class === 'commercial') return Math.max(1, Math.round(h.baseUse * (0.85 + 0.15 * season) * noise));
		if (p.dwelling === 'multi') return Math.max(2, Math.round(h.baseUse * (0.8 + 0.2 * season) * noise));
		return Math.min(30, Math.max(6, Math.round(h.baseUse * season * noise)));
	}

	#billDateIn(rng: SeededRandom, from: BusinessDate, to: BusinessDate): BusinessDate | undefined {
		const within = this.#billDates.filter((d) => d >= from && d <= to);
		return within.length > 0 ? rng.pick(within) : undefined;
	}

	#personaDates(h: Household): void {
		const t = this.#sim.today;
		const rng = h.rng;
		if (h.persona === 'chronic') {
			// The first few chronic accounts are far enough behind for the disconnection process near the end.
			const early = this.households.filter((o) => o.persona === 'chronic').length < 3;
			h.stopFrom = this.#billDateIn(rng, addDays(t, early ? -175 : -250), addDays(t, early ? -112 : -85)) ?? this.#billDates[Math.max(0, this.#billDates.length - 4)];
		} else if (h.persona === 'plan') {
			// Every other plan is recent (still running on the last day); the rest are history (paid off, or nearly).
			const k = this.households.filter((o) => o.persona === 'plan').length;
			const recent = k % 2 === 1;
			const trouble = recent ? this.#billDateIn(rng, addDays(t, -92), addDays(t, -60)) : this.#billDateIn(rng, addDays(t, -220), addDays(t, -100));
			const i = trouble ? this.#billDates.indexOf(trouble) : -1;
			const next = i >= 0 ? this.#billDates[i + 1] : undefined;
			if (i < 0 || !next) {
				h.persona = 'late';
				return;
			}
			h.troubleFrom = this.#billDates[i];
			// Signed after the second bill went past due (and before the one after it).
			h.planSign = onBusinessDay(addDays(next, rng.int(22, 26)));
			// The first recent plan is longer than a clerk may approve, so it went to the supervisor.
			h.planMonths = k === 1 ? rng.pick([9, 10, 12]) : rng.chance(0.15) ? rng.pick([9, 12]) : rng.int(4, 6);
			h.planPhase = 'before';
		} else if (h.persona === 'nsf') {
			h.nsfBill = this.#billDateIn(rng, addDays(this.#sim.first, 60), addDays(t, -45));
			if (!h.nsfBill) h.persona = 'prompt';
		}
	}

	#startCommand(h: Household, startDate: BusinessDate) {
		const p = h.profile;
		return {
			type: 'utility.start-service',
			name: h.name,
			phone: h.phone,
			mailingAddress: h.mailingAddress,
			photoIdChecked: true,
			serviceAddress: p.serviceAddress,
			class: p.class,
			dwelling: p.dwelling,
			...(p.dwelling === 'multi' ? { units: String(p.units) } : {}),
			meterSize: p.meterSize,
			...(p.cartSize ? { cartSize: p.cartSize } : {}),
			...(p.solidWasteContract !== null ? { solidWasteContract: p.solidWasteContract } : {}),
			parcels: String(p.parcels),
			occupancy: p.occupancy,
			proof: p.proof,
			startDate,
			startRead: String(h.reading)
		};
	}

	#opened(h: Household, events: DomainEvent[]): void {
		const customer = events.find((e) => e.type === 'utility.customer-added');
		if (customer) h.customerId = (customer.customer as { id: string }).id;
		const opened = events.find((e) => e.type === 'utility.account-opened')!;
		h.number = (opened.account as { number: string }).number;
		h.open = true;
		this.byNumber.set(h.number, h);
	}

	// A new account; a tenant pays the $175.00 deposit at the counter the same day.
	#start(h: Household, date: BusinessDate): void {
		this.#opened(h, this.#sim.run(this.#startCommand(h, date), STAFF.accountClerk));
		if (h.profile.occupancy === 'tenant') {
			const number = h.number;
			this.#sim.schedule(date, COUNTER, () => this.#pay(h, number, 'full', { inPerson: true }));
		}
	}

	// ---------- each month ----------

	/** Meter reads dated the last day of last month, recorded on the 1st (before the bill run on the 5th). */
	monthlyReads(): void {
		const sim = this.#sim;
		const readDate = addDays(sim.date, -1);
		const month = Number(readDate.slice(5, 7));
		for (const h of this.households) {
			if (!h.open) continue;
			const account = sim.state.utility.accounts[h.number]!;
			if (account.status !== 'active' && account.status !== 'disconnected') continue;
			const started = account.startDate > addDays(readDate, -daysInMonthOf(readDate) + 1) ? account.startDate : null;
			let use = account.status === 'disconnected' ? 0 : this.#use(h, month);
			if (started) use = Math.round((use * (Number(readDate.slice(8)) - Number(started.slice(8)) + 1)) / daysInMonthOf(readDate));
			h.reading += use;
			sim.run({ type: 'utility.record-read', account: h.number, reading: String(h.reading), date: readDate }, STAFF.meterReader);
		}
	}

	/** After the day-start work: each new bill sets its household's next payment. */
	onDayStarted(events: readonly DomainEvent[]): void {
		for (const e of events) {
			if (e.type !== 'utility.bill-issued') continue;
			const bill = e.bill as { billDate: string; delinquentDate: string; final: boolean };
			const h = this.byNumber.get(e.account as string);
			if (!h || bill.final || h.number !== e.account) continue;
			this.#onBill(h, bill.billDate, bill.delinquentDate);
		}
	}

	#onBill(h: Household, bd: BusinessDate, dd: BusinessDate): void {
		const rng = h.rng;
		const onTime = () => addDays(bd, rng.int(3, 16));
		const payLate = (mode: Mode = 'full') => {
			if (h.mail && rng.chance(0.35)) {
				// Mailed on the delinquent date, arrives after it: on time by the postmark rule.
				const postmark = addDays(dd, -rng.int(0, 1));
				this.#later(h, onBusinessDay(addDays(dd, rng.int(1, 3))), mode, { postmark });
			} else this.#later(h, addDays(dd, rng.int(2, 12)), mode);
		};
		switch (h.persona) {
			case 'prompt':
				return this.#later(h, onTime(), 'full');
			case 'roundup':
				return this.#later(h, onTime(), 'round');
			case 'prepay':
				return this.#later(h, onTime(), 'ahead');
			case 'late':
				return rng.chance(0.45) ? payLate() : this.#later(h, onTime(), 'full');
			case 'partial':
				return this.#later(h, addDays(bd, rng.int(6, 18)), rng.chance(0.3) ? 'full' : 'partial');
			case 'chronic':
				if (bd >= h.stopFrom!) return;
				return rng.chance(0.5) ? payLate() : this.#later(h, onTime(), 'full');
			case 'plan':
				if (h.planPhase === 'over' || bd < h.troubleFrom!) return this.#later(h, onTime(), 'full');
				if (h.planPhase === 'before') {
					h.planPhase = 'behind';
					this.#sim.schedule(h.planSign!, COUNTER, () => this.#signPlan(h));
				}
				return;
			case 'nsf':
				return this.#later(h, onTime(), 'full', { bounce: bd === h.nsfBill, inPerson: bd === h.nsfBill });
		}
	}

	#later(h: Household, date: BusinessDate, mode: Mode, opts: PayOptions = {}): void {
		const number = h.number;
		this.#sim.schedule(date, COUNTER, () => this.#pay(h, number, mode, opts));
	}

	#amount(h: Household, number: string, mode: Mode, owed: Money): Money {
		const c = owed.toCents();
		const up = (step: bigint, v: bigint) => Money.fromCents(((v + step - 1n) / step) * step);
		switch (mode) {
			case 'full':
				return owed;
			case 'round':
				return up(h.rng.pick([1000n, 1000n, 2000n, 2500n]), c + 1n);
			case 'partial': {
				const part = (c * BigInt(h.rng.int(45, 80))) / 100n / 500n * 500n;
				return Money.fromCents(part < 2000n ? (c < 2000n ? c : 2000n) : part);
			}
			case 'ahead': {
				const bills = Object.values(this.#sim.state.utility.bills).filter((b) => b.account === number);
				const last = bills[bills.length - 1]?.total ?? owed;
				return up(5000n, c + last.toCents() * 2n);
			}
		}
	}

	/** A customer pays on `number` (at the counter, or by mail with a postmark). */
	#pay(h: Household, number: string, mode: Mode, opts: PayOptions = {}): void {
		const sim = this.#sim;
		const state = sim.state;
		const account = state.utility.accounts[number];
		if (!account) return;
		const owed = balanceOwed(state, number);
		if (!owed.isPositive()) return;
		let amount = this.#amount(h, number, mode, owed);
		if (account.status === 'closed' && amount.gt(owed)) amount = owed;
		if (!amount.isPositive()) return;
		const rng = h.rng;
		const cashOnly = h.cashOnly || (account.cashOnlyUntil !== null && account.cashOnlyUntil > sim.date);
		const byMail = !opts.inPerson && !opts.bounce && (h.mail || opts.postmark !== undefined);
		let method: Method = opts.bounce ? 'check' : chooseMethod(rng, h.habit, { cashOnly, large: amount.gt(Money.of('400')) });
		if (byMail) method = cashOnly || h.habit === 'money-order' ? 'money-order' : 'check';
		const postmark = byMail ? (opts.postmark ?? addDays(sim.date, -rng.int(1, 3))) : undefined;
		const tender = tenderFor(rng, h.wallet, method, amount, sim.date, postmark ? { checkDate: addDays(postmark, -rng.int(0, 2)) } : {});
		if (postmark) this.#mailIn(h, number, tender, amount, postmark);
		const { receiptNo } = sim.takePayment([{ kind: 'utility', ref: number, amount: amount.toString() }], [tender], postmark);
		if (opts.bounce && tender.type === 'check') this.#bounceLater(h, number, receiptNo, tender.checkNumber as string);
	}

	// The envelope: received, stamped, opened under dual control and logged, routed to Utility Billing.
	#mailIn(h: Household, number: string, tender: Record<string, unknown>, amount: Money, postmark: BusinessDate): void {
		const sim = this.#sim;
		const check = tender.type === 'check';
		const [received] = sim.run(
			{
				type: 'mail.receive',
				from: `${h.name}, ${h.mailingAddress}`,
				addressedTo: 'City of Tracy — Utility Billing',
				contents: `Utility bill remittance slip for account ${number} with a ${check ? 'check' : 'money order'}`,
				postmark,
				enclosure: {
					kind: check ? 'check' : 'money-order',
					number: (check ? tender.checkNumber : tender.number) as string,
					bank: (check ? tender.bank : tender.issuer) as string,
					payer: h.name,
					amount: amount.toString(),
					memo: `Acct ${number}`
				}
			},
			STAFF.mailClerk
		);
		const itemId = received!.id as string;
		sim.run({ type: 'mail.stamp', itemId }, STAFF.mailClerk);
		sim.run(
			{
				type: 'mail.log-remittance',
				itemId,
				witness: STAFF.accountClerk.name,
				payer: h.name,
				checkNumber: (check ? tender.checkNumber : tender.number) as string,
				amount: amount.toString(),
				account: number,
				postmark
			},
			STAFF.mailClerk
		);
		sim.run({ type: 'mail.route', itemId, destination: 'Utility Billing' }, STAFF.mailClerk);
		this.tally.mailPayments++;
	}

	// The bank returns the check a few days later: reversed, $25.00 fee, cash-only for 12 months, notice letter; the customer makes it good.
	#bounceLater(h: Household, number: string, receiptNo: string, checkNumber: string): void {
		const sim = this.#sim;
		const returnDay = addBusinessDays(sim.date, h.rng.int(4, 7));
		sim.schedule(returnDay, MORNING, () => {
			const [returned] = sim.run(
				{ type: 'cash.returned-check', receiptNo, checkNumber, reason: 'nsf', note: `Returned unpaid by ${h.wallet.bank}: insufficient funds.` },
				STAFF.accountClerk
			);
			// The returned check also flags the utility account cash-only for 12 months.
			const rcId = returned!.returnedCheckId as string;
			sim.run({ type: 'cash.notice-letter-sent', returnedCheckId: rcId }, STAFF.accountClerk);
			h.cashOnly = true;
			this.tally.returnedChecks++;
			sim.schedule(addBusinessDays(sim.date, h.rng.int(1, 5)), COUNTER, () => {
				const owed = balanceOwed(sim.state, number);
				const fee = sim.state.cashiering.returnedChecks[rcId]!.feeOutstanding;
				const lines = [
					...(owed.isPositive() ? [{ kind: 'utility', ref: number, amount: owed.toString() }] : []),
					...(fee.isPositive() ? [{ kind: 'returned-check-fee', ref: rcId, amount: fee.toString() }] : [])
				];
				if (lines.length === 0) return;
				const total = owed.plus(fee);
				const method = h.rng.pick<Method>(['cash', 'money-order', 'card']);
				sim.takePayment(lines, [tenderFor(h.rng, h.wallet, method, total, sim.date)]);
			});
		});
	}

	// ---------- payment plans ----------

	#signPlan(h: Household): void {
		const sim = this.#sim;
		const state = sim.state;
		const number = h.number;
		const owed = pastDue(state, number, sim.date);
		const account = state.utility.accounts[number];
		if (!account || account.status !== 'active' || !h.open || owed.lt(Money.of('100.00')) || activePlan(state, number, sim.date)) {
			h.planPhase = 'over';
			this.#pay(h, number, 'full', { inPerson: true });
			return;
		}
		const months = h.planMonths!;
		const clerk = sim.counterClerk();
		const command = { type: 'utility.create-plan', account: number, months: String(months) };
		let events: DomainEvent[];
		if (months > 6) {
			const [requested] = sim.run({ type: 'approval.request', command, note: 'Customer lost hours at work; asks for a longer plan.' }, clerk);
			events = sim.run({ type: 'approval.decide', id: requested!.id as string, approve: true, reason: 'Hardship verified with payslips.' }, STAFF.supervisor);
		} else events = sim.run(command, clerk);
		const created = events.find((e) => e.type === 'utility.plan-created')!;
		const planId = created.planId as string;
		h.planPhase = 'active';
		this.tally.plans++;
		const plan = state.utility.plans[planId]!;
		// The first installment is due at signing.
		const first = plan.installments[0]!.amount;
		sim.takePayment([{ kind: 'utility', ref: number, amount: first.toString() }], [tenderFor(h.rng, h.wallet, chooseMethod(h.rng, h.habit, { cashOnly: h.cashOnly }), first, sim.date)]);
		for (let k = 1; k < plan.installments.length; k++) {
			const visit = onBusinessDay(addDays(plan.installments[k]!.due, -h.rng.int(3, 6)));
			const last = k === plan.installments.length - 1;
			sim.schedule(visit, COUNTER, () => this.#planVisit(h, number, planId, k, last));
		}
		if (plan.installments.length === 1) h.planPhase = 'over';
	}

	// Each month: the installment (and anything it is behind) plus what the new bills added.
	#planVisit(h: Household, number: string, planId: string, k: number, last: boolean): void {
		const sim = this.#sim;
		const state = sim.state;
		if (last) h.planPhase = 'over';
		const plan = state.utility.plans[planId];
		if (!plan || plan.status !== 'active' || !h.open) return;
		const progress = planProgress(state, plan);
		const coveredLeft = plan.total.minus(progress);
		const dueThrough = sum(plan.installments.slice(0, k + 1).map((i) => i.amount));
		const behind = dueThrough.minus(progress);
		const owed = balanceOwed(state, number);
		const newCharges = owed.minus(coveredLeft.isPositive() ? coveredLeft : Money.ZERO);
		let amount = (behind.isPositive() ? behind : Money.ZERO).plus(newCharges.isPositive() ? newCharges : Money.ZERO);
		if (amount.gt(owed)) amount = owed;
		if (!amount.isPositive()) return;
		sim.takePayment([{ kind: 'utility', ref: number, amount: amount.toString() }], [tenderFor(h.rng, h.wallet, chooseMethod(h.rng, h.habit, { cashOnly: h.cashOnly }), amount, sim.date)]);
	}

	// ---------- moving: stops, transfers, move-ins ----------

	#planMoves(rng: SeededRandom): void {
		const sim = this.#sim;
		const n = this.households.length;
		const movers = this.households.filter((h) => ['prompt', 'roundup', 'late'].includes(h.persona) && h.profile.dwelling === 'single');
		const stops = Math.max(1, Math.round(n * 0.03));
		const transfers = Math.max(1, Math.round(n * 0.015));
		const picks = deal<'stop' | 'transfer' | null>(rng, movers.length, [['stop', stops], ['transfer', transfers]], null);
		movers.forEach((h, i) => {
			const kind = picks[i];
			if (!kind) return;
			const day = businessDayBetween(rng, addDays(sim.first, 45), addDays(sim.today, -30));
			if (!day) return;
			sim.schedule(day, MORNING, () => (kind === 'stop' ? this.#stop(h) : this.#transfer(h)));
		});
	}

	#finalRead(h: Household): number {
		const d = this.#sim.date;
		return h.reading + Math.round((this.#use(h, Number(d.slice(5, 7))) * Number(d.slice(8))) / daysInMonthOf(d));
	}

	#stop(h: Household): void {
		const sim = this.#sim;
		if (!h.open) return;
		const account = sim.state.utility.accounts[h.number]!;
		if (account.status !== 'active') return;
		const reading = this.#finalRead(h);
		const number = h.number;
		sim.run(
			{ type: 'utility.stop-service', account: number, stopDate: sim.date, reading: String(reading), readDate: sim.date, reason: h.profile.occupancy === 'owner' ? h.rng.pick(['sold', 'moving']) : 'moving' },
			STAFF.accountClerk
		);
		h.open = false;
		h.reading = reading;
		this.tally.stops++;
		this.#later(h, addDays(sim.date, h.rng.int(6, 18)), 'full', { inPerson: true });
		this.#moveIn(h.profile, reading);
	}

	#transfer(h: Household): void {
		const sim = this.#sim;
		if (!h.open) return;
		const account = sim.state.utility.accounts[h.number]!;
		if (account.status !== 'active') return;
		const old = { number: h.number, profile: h.profile };
		const reading = this.#finalRead(h);
		const rng = h.rng;
		const profile = this.#profile(rng, 'single', h.profile.occupancy === 'tenant');
		const startRead = rng.int(150, 9000);
		const mailingAddress = tracyMailing(profile.serviceAddress);
		const events = sim.run(
			{
				type: 'utility.transfer-service',
				account: old.number,
				stopDate: sim.date,
				reading: String(reading),
				readDate: sim.date,
				serviceAddress: profile.serviceAddress,
				class: profile.class,
				dwelling: profile.dwelling,
				meterSize: profile.meterSize,
				cartSize: profile.cartSize,
				parcels: String(profile.parcels),
				occupancy: profile.occupancy,
				proof: profile.proof,
				startDate: sim.date,
				startRead: String(startRead),
				mailingAddress
			},
			STAFF.accountClerk
		);
		this.tally.transfers++;
		// The old account's final bill is paid by the same customer.
		this.#later(h, addDays(sim.date, rng.int(6, 18)), 'full', { inPerson: true });
		h.profile = profile;
		h.mailingAddress = mailingAddress;
		h.reading = startRead;
		this.#opened(h, events);
		if (profile.occupancy === 'tenant') {
			const number = h.number;
			sim.schedule(sim.date, COUNTER, () => this.#pay(h, number, 'full', { inPerson: true }));
		}
		this.#moveIn(old.profile, reading);
	}

	// Someone new moves in at an address whose account was closed; the meter carries on from its final read.
	#moveIn(profile: Profile, reading: number): void {
		const sim = this.#sim;
		const k = this.#newcomers++;
		const rng = this.#rng.fork(`newcomer:${k}`);
		const day = businessDayBetween(rng, addDays(sim.date, 3), addDays(sim.date, 25));
		if (!day || compareDates(day, addDays(sim.today, -2)) > 0) return;
		sim.schedule(day, MORNING, () => {
			const tenant = rng.chance(0.45);
			const h = this.#household(`n${k}`, 'single', rng.chance(0.8) ? 'prompt' : 'late', tenant);
			this.#addresses.add(profile.serviceAddress.toLowerCase());
			h.profile = { ...profile, occupancy: tenant ? 'tenant' : 'owner', proof: tenant ? 'lease' : 'escrow' };
			h.mailingAddress = tracyMailing(profile.serviceAddress);
			h.reading = reading;
			this.#start(h, sim.date);
			this.tally.moveIns++;
		});
	}

	// ---------- delinquency: notices, a disconnection, a medical certification ----------

	#planDelinquency(): void {
		const sim = this.#sim;
		const chronic = this.households.filter((h) => h.persona === 'chronic');
		const first = chronic[0];
		if (first) {
			const noticeDay = onBusinessDay(addDays(sim.today, -26));
			sim.schedule(noticeDay, MORNING, () => {
				if (!this.#sendNotice(first)) return;
				sim.schedule(addBusinessDays(sim.date, 5), MORNING, () => {
					const notice = openNotice(sim.state, first.number);
					if (!notice || notice.doorHangerOn || sim.state.utility.accounts[first.number]!.status !== 'active') return;
					sim.run({ type: 'utility.post-door-hanger', account: first.number }, STAFF.accountClerk);
					sim.schedule(addBusinessDays(sim.date, 3), MORNING, () => {
						if (!this.#disconnectable(first)) return;
						sim.run({ type: 'utility.disconnect', account: first.number }, STAFF.accountClerk);
						this.tally.disconnects++;
					});
				});
			});
		}
		// The medical certification goes to one of the later chronic accounts; the second or third gets a notice.
		const medical = [...chronic.slice(1)].reverse().find((h) => h.profile.class === 'residential');
		if (medical) {
			sim.schedule(onBusinessDay(addDays(sim.today, -40)), MORNING, () => {
				if (!medical.open) return;
				sim.run({ type: 'utility.record-medical-cert', account: medical.number, until: addMonths(sim.date, 6), certifiedBy: medical.rng.pick(PHYSICIANS) }, STAFF.accountClerk);
				this.tally.medical++;
			});
		}
		const noticeOnly = chronic.slice(1, 3).find((h) => h !== medical);
		if (noticeOnly) sim.schedule(onBusinessDay(addDays(sim.today, -8)), MORNING, () => void this.#sendNotice(noticeOnly));
	}

	#disconnectable(h: Household): boolean {
		const state = this.#sim.state;
		const today = this.#sim.date;
		const account = state.utility.accounts[h.number];
		if (!h.open || !account || account.status !== 'active') return false;
		if (activePlan(state, h.number, today) || (account.medicalUntil && account.medicalUntil >= today)) return false;
		return daysDelinquent(state, h.number, today) >= 60 && pastDue(state, h.number, today).gte(Money.of('50.00'));
	}

	#sendNotice(h: Household): boolean {
		if (!this.#disconnectable(h) || openNotice(this.#sim.state, h.number)) return false;
		this.#sim.run({ type: 'utility.send-notice', account: h.number }, STAFF.accountClerk);
		this.tally.notices++;
		return true;
	}
}
