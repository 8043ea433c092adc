import { Money } from '$lib/money';
import { addBusinessDays, addDays, compareDates, formatLongDate, type BusinessDate } from '../dates';
import { subBalance } from '../ledger';
import { routingFor, renewalNoticeDate, taxYearOf, type Business, type Classification, type RegulatedType } from '../licenses';
import { PERMIT_TYPES, type PermitType } from '../permits';
import type { InvoiceCategory } from '../receivables';
import { chooseMethod, newWallet, tenderFor, type Method } from './generate-counter';
import { businessDayBetween, cents, COUNTER, deal, MORNING, onBusinessDay, STAFF, type CitySim } from './generate-sim';
import { BUSINESS_WORDS, businessName, commercialAddress, LAST_NAMES, personName, residentialAddress, STREETS } from './names';
import type { SeededRandom } from './random';

/**
 * Businesses with their license history (POLICY.md §3), permits with fees to collect (§4) and
 * miscellaneous receivable invoices (§5), each put on file by the command a clerk or Development
 * Services would use, and paid at the counter the way their customers do.
 */

const WORDS: Record<Classification, keyof typeof BUSINESS_WORDS> = {
	'retail-wholesale': 'retail',
	manufacturing: 'manufacturing',
	contractor: 'contractor',
	rental: 'rental',
	'professional-personal': 'services',
	other: 'other'
};

const REGULATED_NAMES: Record<RegulatedType, readonly string[]> = {
	massage: ['Massage Therapy', 'Wellness Spa', 'Foot & Body Massage'],
	'secondhand-dealer': ['Pawn & Jewelry', 'Resale Shop', 'Gold Buyers'],
	taxi: ['Cab Company', 'Taxi Service', 'Airport Shuttle & Taxi']
};
const REGULATED_CLASS: Record<RegulatedType, Classification> = { massage: 'professional-personal', 'secondhand-dealer': 'retail-wholesale', taxi: 'other' };

/** What happens to a business's renewal in the sandbox's renewal season. */
type Renewal = 'on-time' | 'late-paid' | 'paid-later' | 'filed-unpaid' | 'late-unpaid' | 'lapsed';

type Biz = Pick<Business, 'name' | 'owner' | 'address' | 'classification' | 'regulated' | 'homeBased' | 'commercialPremises' | 'tenantImprovements'> & {
	key: string;
	rng: SeededRandom;
	/** Whole dollars of gross receipts last reported. */
	receipts: number;
	id: string;
	habit: Method;
	wallet: ReturnType<typeof newWallet>;
	renewal: Renewal;
};

export class BusinessSim {
	readonly #sim: CitySim;
	readonly #rng: SeededRandom;
	readonly #names = new Set<string>();
	readonly businesses: Biz[] = [];
	#homeAddresses: readonly string[] = [];
	readonly tally = { recorded: 0, applied: 0, pending: 0, renewed: 0, permits: 0, invoices: 0, referred: 0 };

	constructor(sim: CitySim, rng: SeededRandom) {
		this.#sim = sim;
		this.#rng = rng;
	}

	// ---------- licenses ----------

	#biz(key: string, renewal: Renewal, regulated: RegulatedType | null): Biz {
		const rng = this.#rng.fork(`business:${key}`);
		const classification: Classification = regulated
			? REGULATED_CLASS[regulated]
			: rng.weighted<Classification>([
					['retail-wholesale', 25],
					['professional-personal', 30],
					['contractor', 15],
					['rental', 10],
					['manufacturing', 5],
					['other', 15]
				]);
		const homeBased = !regulated && ['contractor', 'professional-personal', 'other', 'rental'].includes(classification) && rng.chance(0.35);
		let name = '';
		for (let i = 0; i < 30 && (!name || this.#names.has(name.toLowerCase())); i++) {
			name = regulated ? `${rng.pick(LAST_NAMES)} ${rng.pick(REGULATED_NAMES[regulated])}` : businessName(rng, WORDS[classification]);
			if (i > 10) name = `${name} ${rng.pick(['LLC', 'Inc.', 'Co.', '& Sons', 'Group'])}`;
		}
		this.#names.add(name.toLowerCase());
		const receipts = rng.weighted([
			[rng.int(40, 450) * 1000, 60],
			[rng.int(450, 1500) * 1000, 25],
			[rng.int(1500, 6000) * 1000, 12],
			[rng.int(6000, 25000) * 1000, 3]
		] as const) + rng.int(0, 999);
		return {
			key,
			rng,
			name,
			owner: personName(rng).full,
			address: homeBased && this.#homeAddresses.length > 0 && rng.chance(0.6) ? rng.pick(this.#homeAddresses) : homeBased ? residentialAddress(rng) : commercialAddress(rng),
			classification,
			regulated,
			homeBased,
			commercialPremises: !homeBased,
			tenantImprovements: !homeBased && rng.chance(0.25),
			receipts: homeBased ? Math.min(receipts, rng.int(30, 280) * 1000) : receipts,
			id: '',
			habit: rng.weighted<Method>([['check', 6], ['card', 3], ['cash', 1]]),
			wallet: newWallet(rng),
			renewal
		};
	}

	#profile(b: Biz) {
		return {
			name: b.name,
			owner: b.owner,
			address: b.address,
			classification: b.classification,
			...(b.regulated ? { regulated: b.regulated } : {}),
			homeBased: b.homeBased,
			commercialPremises: b.commercialPremises,
			tenantImprovements: b.tenantImprovements
		};
	}

	/** Businesses on file on the first day, new applications through the year, and the renewal season. */
	setUp(count: number, homeAddresses: readonly string[]): void {
		const sim = this.#sim;
		const rng = this.#rng.fork('licenses');
		this.#homeAddresses = homeAddresses;
		const n = Math.max(0, count);
		// A very small city has only businesses on file.
		const few = n < 10;
		const early = few ? 0 : Math.max(2, Math.round(n * 0.05));
		const lateNew = few ? 0 : Math.max(2, Math.round(n * 0.04));
		const pending = few ? 0 : Math.max(2, Math.min(5, Math.round(n * 0.016)));
		const onFile = Math.max(0, n - early - lateNew - pending);
		const renewals = deal<Renewal>(
			rng,
			onFile + early,
			[
				['lapsed', Math.max(2, Math.round(n * 0.06))],
				['filed-unpaid', Math.max(2, Math.round(n * 0.04))],
				['late-unpaid', Math.max(1, Math.round(n * 0.02))],
				['late-paid', Math.max(1, Math.round(n * 0.07))],
				['paid-later', Math.max(1, Math.round(n * 0.03))]
			],
			'on-time'
		);
		const regulated = deal<RegulatedType | null>(rng, onFile + early + lateNew + pending, [['massage', Math.max(1, Math.round(n * 0.008))], ['secondhand-dealer', Math.max(1, Math.round(n * 0.008))], ['taxi', Math.max(1, Math.round(n * 0.004))]], null);
		const y0 = taxYearOf(sim.first);
		const lapsedLastYear = new Set(deal<boolean>(rng, onFile, [[true, Math.max(1, Math.round(n * 0.03))]], false).flatMap((v, i) => (v ? [i] : [])));

		// On file: licensed for the current tax year (a few only for last year, renewed late in the autumn).
		for (let i = 0; i < onFile; i++) {
			const b = this.#biz(`f${i}`, renewals[i]!, regulated[i]!);
			this.businesses.push(b);
			const lastTaxYear = lapsedLastYear.has(i) ? y0 - 1 : y0;
			const started = addDays(sim.first, -b.rng.int(lastTaxYear < y0 ? 500 : 60, 9000));
			const [event] = sim.run(
				{ type: 'license.record-business', ...this.#profile(b), startDate: started, lastTaxYear: String(lastTaxYear), lastGrossReceipts: cents(b.receipts * 100) },
				STAFF.accountClerk
			);
			b.id = (event!.business as { id: string }).id;
			this.tally.recorded++;
			if (lastTaxYear < y0) {
				const day = businessDayBetween(b.rng, addDays(sim.first, 5), addDays(sim.first, 75));
				if (day) sim.schedule(day, COUNTER, () => this.#renew(b, y0, true));
			}
		}

		// New businesses: some early in the year (licensed before the renewal season), some after July 1, a few still in review.
		for (let i = 0; i < early; i++) {
			const b = this.#biz(`e${i}`, renewals[onFile + i]!, regulated[onFile + i]!);
			this.businesses.push(b);
			const seasonEnd = `${y0 + 1}-03-31`;
			const day = businessDayBetween(b.rng, addDays(sim.first, 10), compareDates(seasonEnd, addDays(sim.today, -30)) < 0 ? seasonEnd : addDays(sim.today, -30));
			if (day) sim.schedule(day, COUNTER, () => this.#apply(b, 'complete'));
		}
		for (let i = 0; i < lateNew; i++) {
			const b = this.#biz(`l${i}`, 'on-time', regulated[onFile + early + i]!);
			this.businesses.push(b);
			const day = businessDayBetween(b.rng, addDays(`${y0 + 1}-07-01`, 9), addDays(sim.today, -30)) ?? businessDayBetween(b.rng, addDays(sim.first, 10), addDays(sim.today, -30));
			if (day) sim.schedule(day, COUNTER, () => this.#apply(b, 'complete'));
		}
		for (let i = 0; i < pending; i++) {
			const b = this.#biz(`p${i}`, 'on-time', regulated[onFile + early + lateNew + i]!);
			this.businesses.push(b);
			const day = businessDayBetween(b.rng, addDays(sim.today, -21), addDays(sim.today, -3));
			if (day) sim.schedule(day, COUNTER, () => this.#apply(b, i === 0 ? 'denied' : 'pending'));
		}

		// Each renewal season that opened (notices on May 16) before the last day. The latest season has
		// every outcome; in an earlier one nearly everybody renewed.
		const seasons: number[] = [];
		for (let y = y0 + 1; compareDates(renewalNoticeDate(y), sim.today) < 0; y++) seasons.push(y);
		seasons.forEach((y, i) => {
			const latest = i === seasons.length - 1;
			for (const b of this.businesses) {
				if (b.key.startsWith('p')) continue;
				this.#planRenewal(b, y, latest ? b.renewal : b.rng.chance(0.9) ? 'on-time' : 'late-paid');
			}
		});
	}

	// A window of business days inside the simulated year (never before the second day).
	#between(rng: SeededRandom, from: BusinessDate, to: BusinessDate): BusinessDate | null {
		const sim = this.#sim;
		const start = compareDates(from, addDays(sim.first, 1)) < 0 ? addDays(sim.first, 1) : from;
		return businessDayBetween(rng, start, to);
	}

	#planRenewal(b: Biz, taxYear: number, renewal: Renewal): void {
		const sim = this.#sim;
		const rng = b.rng;
		const opens = renewalNoticeDate(taxYear);
		const inSeason = () => this.#between(rng, addDays(opens, 2), `${taxYear}-07-31`);
		const afterSeason = () => this.#between(rng, `${taxYear}-08-03`, `${taxYear}-10-30`);
		switch (renewal) {
			case 'lapsed':
				return;
			case 'on-time': {
				const d = inSeason();
				if (d) sim.schedule(d, COUNTER, () => this.#renew(b, taxYear, true));
				return;
			}
			case 'late-paid': {
				const d = afterSeason();
				if (d) sim.schedule(d, COUNTER, () => this.#renew(b, taxYear, true));
				return;
			}
			case 'late-unpaid': {
				const d = afterSeason();
				if (d) sim.schedule(d, MORNING, () => this.#renew(b, taxYear, false));
				return;
			}
			case 'filed-unpaid':
			case 'paid-later': {
				const d = inSeason();
				if (!d) return;
				sim.schedule(d, MORNING, () => this.#renew(b, taxYear, false));
				if (renewal === 'paid-later') {
					const pay = afterSeason();
					if (pay) sim.schedule(pay, COUNTER, () => this.#payLicense(b));
				}
				return;
			}
		}
	}

	#renew(b: Biz, taxYear: number, pay: boolean): void {
		const sim = this.#sim;
		if (!b.id) return;
		// Only a business with an earlier license (not still in review) renews, and only once a year.
		const held = Object.values(sim.state.licenses.licenses).filter((l) => l.businessId === b.id);
		if (held.some((l) => l.taxYear === taxYear) || !held.some((l) => l.taxYear < taxYear && l.status !== 'applied' && l.status !== 'in-review')) return;
		const grew = Math.round(b.receipts * (0.9 + b.rng.next() * 0.3));
		b.receipts = grew;
		sim.run({ type: 'license.renew', businessId: b.id, taxYear: String(taxYear), grossReceipts: cents(grew * 100) }, pay ? sim.counterClerk() : STAFF.accountClerk);
		this.tally.renewed++;
		if (pay) this.#payLicense(b);
	}

	/** Everything the business owes on its license (tax, state fee, penalty), paid in full. */
	#payLicense(b: Biz): void {
		const sim = this.#sim;
		const due = subBalance(sim.state.ledger, `bl:${b.id}`);
		if (!due.isPositive()) return;
		const method = chooseMethod(b.rng, b.habit, { large: due.gt(Money.of('300')) });
		sim.takePayment([{ kind: 'license', ref: b.id, amount: due.toString() }], [tenderFor(b.rng, b.wallet, method, due, sim.date)]);
	}

	#apply(b: Biz, outcome: 'complete' | 'pending' | 'denied'): void {
		const sim = this.#sim;
		const rng = b.rng;
		const startDate = addDays(sim.date, rng.int(0, 20));
		const projected = Math.round(b.receipts * (0.6 + rng.next() * 0.6));
		const events = sim.run({ type: 'license.apply', ...this.#profile(b), startDate, projectedGrossReceipts: cents(projected * 100) }, sim.counterClerk());
		const applied = events[0]!;
		b.id = (applied.business as { id: string }).id;
		const licenseNo = applied.licenseNo as string;
		this.tally.applied++;
		if (outcome !== 'complete') this.tally.pending++;
		const paidNow = rng.chance(0.7);
		if (paidNow) this.#payLicense(b);
		const routes = routingFor(b);
		let day = sim.date;
		routes.forEach((route, i) => {
			day = addBusinessDays(day, rng.int(1, 4));
			// A pending application has some departments still to answer; one was denied by Police or Planning.
			if (outcome === 'pending' && i >= Math.max(1, routes.length - 1)) return;
			if (outcome === 'denied' && i === routes.length - 1) {
				sim.schedule(day, MORNING, () => {
					if (compareDates(sim.date, sim.today) >= 0) return;
					sim.run({ type: 'license.decide-clearance', licenseNo, department: route.department, decision: 'denied', note: DENIALS[route.department] }, STAFF[route.department]);
				});
				return;
			}
			sim.schedule(day, MORNING, () => {
				if (outcome !== 'complete' && compareDates(sim.date, sim.today) >= 0) return;
				const permit = route.department === 'planning' && b.homeBased ? { homeOccupationPermitNo: `HOP-${sim.date.slice(2, 4)}-${String(rng.int(1, 399)).padStart(3, '0')}` } : {};
				sim.run({ type: 'license.decide-clearance', licenseNo, department: route.department, decision: 'cleared', note: '', ...permit }, STAFF[route.department]);
			});
		});
		if (outcome !== 'complete') return;
		const approveOn = addBusinessDays(day, 1);
		sim.schedule(approveOn, MORNING, () => {
			sim.run({ type: 'license.approve', licenseNo }, STAFF.accountClerk);
			if (!paidNow) sim.schedule(addBusinessDays(sim.date, rng.int(1, 8)), COUNTER, () => this.#payLicense(b));
		});
	}

	// ---------- permits ----------

	/** Permits issued by Development Services through the year; most fees collected within days. */
	permits(count: number, addresses: readonly string[], contractors: readonly string[]): void {
		const sim = this.#sim;
		const rng = this.#rng.fork('permits');
		const seq = new Map<string, number>();
		for (let i = 0; i < count; i++) {
			const prng = rng.fork(`permit:${i}`);
			// The last few weeks have more permits still waiting for their fees.
			const recent = i >= count - Math.max(3, Math.round(count * 0.12));
			const day = recent ? businessDayBetween(prng, addDays(sim.today, -30), addDays(sim.today, -1)) : businessDayBetween(prng, addDays(sim.first, 3), addDays(sim.today, -1));
			if (!day) continue;
			const type = prng.weighted<PermitType>([
				['building', 30],
				['electrical', 18],
				['plumbing', 14],
				['mechanical', 12],
				['encroachment', 8],
				['sign', 6],
				['grading', 3],
				['demolition', 3],
				['other', 6]
			]);
			const address = addresses.length > 0 && prng.chance(0.8) ? prng.pick(addresses) : commercialAddress(prng);
			const applicant = contractors.length > 0 && prng.chance(0.6) ? prng.pick(contractors) : personName(prng).full;
			const paid = recent ? prng.chance(0.25) : prng.chance(0.95);
			const wallet = newWallet(prng);
			sim.schedule(day, MORNING, () => {
				const year = sim.date.slice(0, 4);
				const prefix = PREFIX[type];
				const n = (seq.get(`${prefix}-${year}`) ?? prng.int(20, 60)) + 1;
				seq.set(`${prefix}-${year}`, n);
				const number = `${prefix}-${year}-${String(n).padStart(4, '0')}`;
				const fees = permitFees(prng, type);
				sim.run({ type: 'permit.record', number, permitType: type, address, applicant, issuedOn: sim.date, fees }, STAFF.devServices);
				this.tally.permits++;
				if (!paid) return;
				sim.schedule(addBusinessDays(sim.date, prng.int(0, 8)), COUNTER, () => {
					const permit = sim.state.permits.permits[number]!;
					if (permit.status !== 'issued') return;
					const method = chooseMethod(prng, prng.weighted<Method>([['check', 5], ['card', 4], ['cash', 1]]), { large: permit.total.gt(Money.of('500')) });
					sim.takePayment([{ kind: 'permit', ref: number, amount: permit.total.toString() }], [tenderFor(prng, wallet, method, permit.total, sim.date)]);
				});
			});
		}
	}

	// ---------- receivables ----------

	/**
	 * Miscellaneous invoices (net 30) through the year: most paid, some partly, some not — and a few
	 * left open in each aging bucket as of the last day, the oldest referred to collections.
	 */
	invoices(count: number, addresses: readonly string[], businesses: readonly string[]): void {
		const sim = this.#sim;
		const rng = this.#rng.fork('invoices');
		const t = sim.today;
		// Invoice dates that put an open invoice in each bucket on the last day (due = invoice date + 30).
		const buckets: Array<[BusinessDate, BusinessDate]> = [
			[addDays(t, -28), addDays(t, -2)],
			[addDays(t, -58), addDays(t, -33)],
			[addDays(t, -88), addDays(t, -63)],
			[addDays(t, -118), addDays(t, -93)],
			[addDays(t, -300), addDays(t, -125)]
		];
		const perBucket = Math.max(1, Math.round(count * 0.04));
		for (let i = 0; i < count; i++) {
			const irng = rng.fork(`invoice:${i}`);
			const reserved = i < perBucket * buckets.length ? buckets[i % buckets.length] : undefined;
			const day = reserved ? businessDayBetween(irng, reserved[0] < sim.first ? sim.first : reserved[0], reserved[1]) : businessDayBetween(irng, addDays(sim.first, 5), addDays(t, -1));
			if (!day) continue;
			const category = irng.weighted<InvoiceCategory>([
				['rental', 35],
				['false-alarm', 20],
				['damage', 15],
				['weed-abatement', 15],
				['other', 15]
			]);
			const invoice = invoiceFor(irng, category, addresses, businesses, day);
			const outcome = reserved ? (irng.chance(0.7) ? 'unpaid' : 'partial') : irng.weighted([['paid', 62], ['partial', 13], ['unpaid', 25]] as const);
			const wallet = newWallet(irng);
			const habit = irng.weighted<Method>([['check', 6], ['card', 3], ['cash', 1]]);
			sim.schedule(day, MORNING, () => {
				const [created] = sim.run({ type: 'ar.create-invoice', ...invoice, invoiceDate: sim.date }, STAFF.accountClerk);
				const data = created!.invoice as { number: string; dueDate: string };
				this.tally.invoices++;
				const payOn = (part: 'all' | 'some') => () => {
					const balance = sim.state.receivables.invoices[data.number]!.balance;
					if (!balance.isPositive()) return;
					const amount = part === 'all' ? balance : Money.fromCents((balance.toCents() * BigInt(irng.int(30, 60))) / 100n / 500n * 500n || 500n);
					const pay = amount.gt(balance) ? balance : amount;
					sim.takePayment([{ kind: 'invoice', ref: data.number, amount: pay.toString() }], [tenderFor(irng, wallet, chooseMethod(irng, habit), pay, sim.date)]);
				};
				if (outcome === 'paid') sim.schedule(addDays(sim.date, irng.int(5, 40)), COUNTER, payOn('all'));
				if (outcome === 'partial') sim.schedule(addDays(sim.date, irng.int(8, reserved ? 20 : 45)), COUNTER, payOn('some'));
				if (outcome !== 'paid' && compareDates(addDays(data.dueDate, 91), addDays(t, -1)) <= 0 && irng.chance(0.5)) {
					sim.schedule(onBusinessDay(addDays(data.dueDate, 91 + irng.int(0, 20))), MORNING, () => {
						const inv = sim.state.receivables.invoices[data.number]!;
						if (inv.status !== 'open' || !inv.balance.isPositive() || compareDates(sim.date, t) >= 0) return;
						sim.run({ type: 'ar.refer-to-collections', invoiceNo: data.number }, STAFF.accountClerk);
						this.tally.referred++;
					});
				}
			});
		}
	}
}

const DENIALS = {
	planning: 'Zoning does not allow this use at the address; the applicant may apply for a conditional use permit.',
	building: 'Tenant improvements were started without a building permit; apply for the permit and pass inspection first.',
	fire: 'Fire inspection found blocked exits and no extinguisher service tags; re-inspection required.',
	police: 'Background check incomplete: the owner has not completed Live Scan fingerprinting.'
} as const;

const PREFIX: Record<PermitType, string> = {
	building: 'BP',
	electrical: 'EP',
	plumbing: 'PP',
	mechanical: 'MP',
	grading: 'GP',
	encroachment: 'ENC',
	demolition: 'DP',
	sign: 'SP',
	other: 'OP'
};

type Fee = { description: string; amount: string };

/** A permit's fee lines as Development Services sets them (illustrative amounts). */
function permitFees(rng: SeededRandom, type: PermitType): Fee[] {
	const dollars = (lo: number, hi: number) => rng.int(lo, hi) * 100 + rng.pick([0, 0, 0, 50, 25, 75]);
	const issuance = { description: 'Permit issuance fee', amount: '38.00' };
	const tech = (base: number) => ({ description: 'Technology surcharge (4%)', amount: cents(Math.round(base * 0.04)) });
	switch (type) {
		case 'building': {
			const valuation = rng.int(8, 400) * 1000;
			const fee = Math.round(valuation * 0.011 * 100) + 9500;
			const plan = Math.round(fee * 0.65);
			return [
				{ description: `Building permit fee (valuation $${String(valuation).replace(/\B(?=(\d{3})+(?!\d))/g, ',')})`, amount: cents(fee) },
				{ description: 'Plan check fee (65%)', amount: cents(plan) },
				{ description: 'Strong motion instrumentation (SMIP) fee', amount: cents(Math.max(50, Math.round(valuation * 0.013))) },
				{ description: 'Building standards (SB 1473) fee', amount: cents(Math.max(100, Math.ceil(valuation / 25000) * 100)) },
				tech(fee + plan)
			];
		}
		case 'electrical':
		case 'plumbing':
		case 'mechanical': {
			const fee = dollars(65, 480);
			return [{ description: `${PERMIT_TYPES[type]} permit fee`, amount: cents(fee) }, issuance, tech(fee)];
		}
		case 'grading': {
			const fee = dollars(400, 2400);
			return [{ description: 'Grading permit fee', amount: cents(fee) }, { description: 'Grading plan review', amount: cents(Math.round(fee * 0.5)) }, tech(fee)];
		}
		case 'encroachment':
			return [{ description: 'Encroachment permit fee', amount: cents(dollars(150, 600)) }, { description: 'Public Works inspection', amount: cents(dollars(95, 380)) }];
		case 'demolition':
			return [{ description: 'Demolition permit fee', amount: cents(dollars(180, 900)) }, issuance];
		case 'sign':
			return [{ description: 'Sign permit fee', amount: cents(dollars(95, 420)) }, issuance];
		case 'other':
			return [{ description: rng.pick(['Fire sprinkler plan review', 'Solar photovoltaic permit fee', 'Swimming pool permit fee']), amount: cents(dollars(220, 900)) }, issuance];
	}
}

type InvoiceInput = { customer: string; customerAddress: string; description: string; category: InvoiceCategory; lines: Fee[] };

/** A plausible miscellaneous invoice (illustrative rates). */
function invoiceFor(rng: SeededRandom, category: InvoiceCategory, addresses: readonly string[], businesses: readonly string[], day: BusinessDate): InvoiceInput {
	const person = () => personName(rng).full;
	const anyAddress = () => (addresses.length > 0 ? rng.pick(addresses) : residentialAddress(rng));
	const where = (a: string) => `${a}, Tracy, CA ${rng.pick(['95376', '95377', '95304'])}`;
	switch (category) {
		case 'rental': {
			const facility = rng.pick(['Community Center ballroom', 'Senior Center multipurpose room', 'Central Park pavilion', 'Arts Center studio B', 'Sports Complex field 3', 'Library meeting room']);
			const hours = rng.int(3, 8);
			const rate = rng.pick([45, 60, 75, 95, 125]);
			const lines: Fee[] = [{ description: `Facility rental, ${hours} hours @ $${rate}.00`, amount: cents(hours * rate * 100) }];
			if (rng.chance(0.7)) lines.push({ description: 'Custodial fee', amount: cents(rng.pick([75, 95, 120, 150]) * 100) });
			if (rng.chance(0.4)) lines.push({ description: `Security staffing, ${hours} hours @ $55.00`, amount: cents(hours * 5500) });
			const group = rng.chance(0.4) ? rng.pick(['Tracy Youth Soccer League', 'Valley Quilters Guild', 'Delta Seniors Club', 'Westside Church Fellowship', 'Tracy Chamber Networking Group', 'Altamont Dance Academy']) : person();
			return { customer: group, customerAddress: where(anyAddress()), description: `${facility} rental on ${formatLongDate(addDays(day, -rng.int(1, 10)))}`, category, lines };
		}
		case 'false-alarm': {
			const n = rng.int(3, 6);
			const fee = n <= 3 ? 150 : n <= 4 ? 250 : 350;
			const who = businesses.length > 0 && rng.chance(0.7) ? rng.pick(businesses) : person();
			return { customer: who, customerAddress: where(anyAddress()), description: `False alarm response on ${formatLongDate(addDays(day, -rng.int(2, 14)))} (number ${n} in 12 months)`, category, lines: [{ description: `False alarm fee, response number ${n}`, amount: cents(fee * 100) }] };
		}
		case 'damage': {
			const street = rng.pick(STREETS);
			const what = rng.pick([
				['Streetlight pole knocked down', 'Replacement pole and LED luminaire', 1800, 3400],
				['Guardrail damaged in a collision', 'Guardrail section and end cap', 900, 2600],
				['Fire hydrant struck by a vehicle', 'Hydrant replacement parts', 1400, 3200],
				['Traffic signal cabinet damaged', 'Signal cabinet repair parts', 2200, 5200]
			] as const);
			const hours = rng.int(3, 10);
			return {
				customer: person(),
				customerAddress: where(anyAddress()),
				description: `${what[0]} on ${street}`,
				category,
				lines: [
					{ description: what[1], amount: cents(rng.int(what[2], what[3]) * 100 + rng.int(0, 99)) },
					{ description: `Public Works labor, ${hours} hours @ $95.00`, amount: cents(hours * 9500) },
					{ description: 'Traffic control', amount: '150.00' }
				]
			};
		}
		case 'weed-abatement': {
			const lot = anyAddress();
			return {
				customer: person(),
				customerAddress: where(residentialAddress(rng)),
				description: `Weed abatement at ${lot} (APN ${rng.int(200, 260)}-${rng.int(100, 999)}-${String(rng.int(1, 99)).padStart(2, '0')})`,
				category,
				lines: [
					{ description: 'Lot clearing by city contractor', amount: cents(rng.int(350, 1600) * 100) },
					{ description: 'Administrative fee', amount: '150.00' }
				]
			};
		}
		case 'other': {
			const pick = rng.pick([
				['Fire re-inspection fee (second re-inspection)', 'Re-inspection fee', 125, 125],
				['Special event traffic control', 'Traffic control for special event', 600, 2400],
				['Police report and records copies', 'Records copies and research time', 15, 60],
				['Code enforcement re-inspection', 'Re-inspection fee', 180, 180]
			] as const);
			const who = businesses.length > 0 && rng.chance(0.5) ? rng.pick(businesses) : person();
			return { customer: who, customerAddress: where(anyAddress()), description: pick[0], category, lines: [{ description: pick[1], amount: cents(rng.int(pick[2], pick[3]) * 100) }] };
		}
	}
}

