import { Money } from '$lib/money';
import { addBusinessDays, addDays, compareDates, type BusinessDate } from '../dates';
import { taxYearOf } from '../licenses';
import { invoiceDefects, type ApprovalTitle, type DefectCode } from '../payables';
import { agingReport } from '../receivables';
import { balanceOwed, pastDue } from '../utility';
import { subBalance } from '../ledger';
import { BANKS } from './dataset';
import { businessDayBetween, cents, MORNING, onBusinessDay, STAFF, type CitySim } from './generate-sim';
import { personName, residentialAddress } from './names';
import type { SeededRandom } from './random';

/**
 * Accounts payable (POLICY.md §7): the vendor file, purchase orders, receiving reports, a year of
 * screened invoices, and a dozen invoices waiting to be screened on the last day — about half with
 * one realistic defect each. And the mail tray (§6): about fifteen unstamped items on the last day.
 */

type VendorSpec = { name: string; w9: boolean; department: keyof typeof HEADS; goods: boolean; format: (rng: SeededRandom) => string; items: ReadonlyArray<readonly [string, number]> };

/** Department heads who sign vendor invoices (illustrative names). */
const HEADS = {
	Finance: 'Karen Liu',
	'Public Works': 'Alan Brooks',
	'Parks & Recreation': 'Denise Howard',
	Police: 'Ray Alvarado',
	'Information Technology': 'Sunil Mehta',
	'City Clerk': 'Adrienne Richardson'
} as const;
const CITY_MANAGER = 'Michael Santos';

const num = (prefix: string, digits: number) => (rng: SeededRandom) => `${prefix}${String(rng.int(10 ** (digits - 1), 10 ** digits - 1))}`;

/** The vendor file; prices in cents. */
const VENDORS: readonly VendorSpec[] = [
	{ name: 'Central Valley Office Supply', w9: true, department: 'Finance', goods: true, format: num('CVOS-', 5), items: [['Copy paper, letter, case of 10 reams', 4899], ['Toner cartridge, black, high yield', 18950], ['File folders, letter, box of 100', 1899], ['Receipt printer paper, case of 50 rolls', 6475], ['Coin wrappers, assorted, box of 1,000', 2250]] },
	{ name: 'Delta Pump & Motor', w9: true, department: 'Public Works', goods: true, format: num('DPM', 6), items: [['Submersible pump rebuild kit', 128500], ['Mechanical seal assembly', 41250], ['Motor bearing set', 18900]] },
	{ name: 'Pacific Traffic Safety Products', w9: true, department: 'Public Works', goods: true, format: num('PTS-', 6), items: [['Traffic cone, 28 in, reflective', 2295], ['Barricade, Type III, 8 ft', 28900], ['Stop sign, 30 in, high intensity', 7450], ['Sign post, 12 ft galvanized', 4825]] },
	{ name: 'Altamont Landscape Services', w9: true, department: 'Parks & Recreation', goods: false, format: num('ALS-', 4), items: [['Median landscape maintenance, monthly', 485000], ['Irrigation repair, per hour', 9500], ['Mulch, installed, per cubic yard', 6800]] },
	{ name: 'Golden State Uniforms', w9: true, department: 'Police', goods: true, format: num('GSU', 6), items: [['Uniform shirt, long sleeve', 6200], ['Uniform trousers', 7400], ['Duty jacket', 18900], ['Name tag, engraved', 1250]] },
	{ name: 'Tri-Valley Janitorial', w9: true, department: 'Public Works', goods: false, format: num('TVJ-', 5), items: [['Janitorial services, City Hall, monthly', 612500], ['Carpet cleaning, per 100 sq ft', 3500], ['Window washing, exterior, per visit', 42500]] },
	{ name: 'Diablo Tree Care', w9: true, department: 'Public Works', goods: false, format: num('DTC', 5), items: [['Tree trimming, per tree', 38500], ['Stump grinding, per stump', 16500], ['Emergency call-out, per hour', 19500]] },
	{ name: 'Valley Electrical Supply', w9: true, department: 'Public Works', goods: true, format: num('VES-', 6), items: [['LED retrofit kit, 4 ft', 4275], ['Photocell, twist lock', 1850], ['Breaker, 20 A single pole', 1395]] },
	{ name: 'Summit IT Solutions', w9: true, department: 'Information Technology', goods: true, format: num('SIT-', 5), items: [['Laptop, 14 in, business grade', 124900], ['Docking station', 21900], ['Monitor, 27 in', 28900], ['Firewall appliance', 389000]] },
	{ name: 'NorCal Water Treatment Chemicals', w9: true, department: 'Public Works', goods: true, format: num('NWT', 6), items: [['Sodium hypochlorite 12.5%, per gallon', 289], ['Chlorine analyzer reagent set', 34500]] },
	{ name: 'Westside Auto Parts', w9: true, department: 'Public Works', goods: true, format: num('WAP-', 5), items: [['Brake pad set, heavy duty', 8900], ['Oil filter', 1150], ['Battery, group 65', 21900], ['Wiper blades, pair', 2400]] },
	{ name: 'Rivera Mobile Welding', w9: false, department: 'Public Works', goods: false, format: num('', 4), items: [['Welding repair, per hour', 11500], ['Steel plate, 1/4 in, per sq ft', 1850]] },
	{ name: 'Brightline Printing', w9: true, department: 'City Clerk', goods: true, format: num('BP', 5), items: [['Window envelopes, #10, per 1,000', 6800], ['Business license certificates, printed, per 500', 24500], ['Notice door hangers, per 1,000', 18500]] },
	{ name: 'Sierra Recreation Supply', w9: true, department: 'Parks & Recreation', goods: true, format: num('SRS-', 5), items: [['Soccer goal nets, pair', 38900], ['Picnic table, recycled plastic', 89500], ['Field marking paint, case of 12', 8400]] }
];

type Planned = {
	vendor: number;
	role: DefectCode | 'clean' | 'history' | 'original' | 'spent';
	day: BusinessDate;
	po: string;
	printed: ReturnType<typeof buildInvoice>;
	invoiceNumber: string;
	approve: boolean;
};

type PrintedLine = { description: string; quantity: number; unitPrice: string; extension: string };

/** Invoice figures as printed: lines, subtotal, 8.25% tax on goods, shipping, total — with one error where asked. */
function buildInvoice(rng: SeededRandom, spec: VendorSpec, target: number, opts: { extensionError?: boolean } = {}) {
	const lines: PrintedLine[] = [];
	let subtotal = 0;
	const count = Math.min(spec.items.length, rng.int(1, 3));
	const items = [...spec.items];
	for (let i = items.length - 1; i > 0; i--) {
		const j = rng.int(0, i);
		[items[i], items[j]] = [items[j]!, items[i]!];
	}
	items.length = count;
	items.forEach(([description, unit], i) => {
		const share = Math.max(1, Math.round(target / count / unit));
		const quantity = i === 0 && !spec.goods && unit > 100000 ? 1 : Math.max(1, share);
		let extension = quantity * unit;
		if (opts.extensionError && i === 0) extension += rng.pick([900, 1000, 10000, -900].filter((d) => extension + d > 0));
		subtotal += extension;
		lines.push({ description, quantity, unitPrice: cents(unit), extension: cents(extension) });
	});
	const tax = spec.goods ? Math.floor((subtotal * 825 + 5000) / 10000) : 0;
	const shipping = spec.goods && rng.chance(0.4) ? rng.int(25, 95) * 100 : 0;
	return { lines, subtotal, tax, shipping, total: subtotal + tax + shipping };
}

export class OfficeSim {
	readonly #sim: CitySim;
	readonly #rng: SeededRandom;
	readonly tally = { vendors: 0, purchaseOrders: 0, history: 0, pending: 0, pendingWithDefect: 0, mail: 0 };
	/** Invoice id → the defect it was made with (for checking). */
	readonly intended = new Map<string, DefectCode | null>();

	constructor(sim: CitySim, rng: SeededRandom) {
		this.#sim = sim;
		this.#rng = rng;
	}

	payables(): void {
		const sim = this.#sim;
		const rng = this.#rng.fork('payables');
		const vendorIds: string[] = [];
		for (const v of VENDORS) {
			const [e] = sim.run({ type: 'ap.add-vendor', name: v.name, w9OnFile: v.w9 }, STAFF.payables);
			vendorIds.push(e!.id as string);
			this.tally.vendors++;
		}
		const vi = (name: string) => VENDORS.findIndex((v) => v.name === name);
		const t = sim.today;
		const planned: Planned[] = [];
		const poSeq = new Map<string, number>();
		const poNumber = (day: BusinessDate) => {
			const fy = String((taxYearOf(day) + 1) % 100).padStart(2, '0');
			const n = (poSeq.get(fy) ?? rng.int(100, 300)) + rng.int(1, 9);
			poSeq.set(fy, n);
			return `PO-${fy}-${String(n).padStart(4, '0')}`;
		};
		const plan = (vendor: number, role: Planned['role'], day: BusinessDate | null, target: number, opts: { po?: string; invoiceNumber?: string; approve?: boolean } = {}) => {
			if (!day) return undefined;
			const spec = VENDORS[vendor]!;
			const p: Planned = {
				vendor,
				role,
				day,
				po: opts.po ?? poNumber(addDays(day, -40)),
				printed: buildInvoice(rng, spec, target, { extensionError: role === 'extension-error' }),
				invoiceNumber: opts.invoiceNumber ?? spec.format(rng),
				approve: opts.approve ?? false
			};
			planned.push(p);
			return p;
		};

		// A year of ordinary invoices, screened and approved within a few days.
		const historyEnd = addDays(t, -20);
		for (let i = 0; i < 14; i++) {
			const vendor = rng.int(0, VENDORS.length - 1);
			if (!VENDORS[vendor]!.w9) continue;
			plan(vendor, 'history', businessDayBetween(rng, addDays(sim.first, 10), historyEnd), rng.int(300, 6000) * 100, { approve: true });
		}
		// The originals the defects refer to: an invoice paid once already, and a PO mostly spent.
		const recent = (from: number, to: number) => businessDayBetween(rng, addDays(t, -from), addDays(t, -to));
		const original = plan(vi('Westside Auto Parts'), 'original', recent(75, 45), 64000, { approve: true });
		const spentPo = plan(vi('Delta Pump & Motor'), 'spent', recent(70, 40), 395000, { approve: true });

		// The tray: twelve invoices received in the last two weeks, waiting to be screened.
		const tray = (from = 12, to = 0) => businessDayBetween(rng, addDays(t, -from), addDays(t, -to)) ?? onBusinessDay(t);
		const pending: Array<Planned | undefined> = [
			plan(vi('Central Valley Office Supply'), 'extension-error', tray(), 60000),
			plan(vi('Tri-Valley Janitorial'), 'missing-po', tray(), 612500),
			original ? plan(original.vendor, 'duplicate', tray(), 0, { po: original.po, invoiceNumber: original.invoiceNumber }) : undefined,
			plan(vi('Summit IT Solutions'), 'approval-authority', tray(), 1700000),
			plan(vi('Rivera Mobile Welding'), 'no-w9', tray(), 92000),
			plan(vi('Pacific Traffic Safety Products'), 'not-received', tray(), 180000),
			spentPo ? plan(spentPo.vendor, 'po-balance', tray(), 130000, { po: spentPo.po }) : undefined,
			plan(vi('Diablo Tree Care'), 'clean', tray(), 231000),
			plan(vi('Altamont Landscape Services'), 'clean', tray(), 485000),
			plan(vi('Golden State Uniforms'), 'clean', tray(), 120000),
			plan(vi('Valley Electrical Supply'), 'clean', tray(), 85000),
			plan(vi('Sierra Recreation Supply'), 'clean', tray(), 260000)
		];
		// A duplicate is the same invoice sent again: same figures as the original.
		const dup = pending[2];
		if (dup && original) dup.printed = original.printed;

		// Purchase orders (sized to what will be billed on them), then receiving reports.
		const byPo = new Map<string, Planned[]>();
		for (const p of planned) if (p.role !== 'missing-po') byPo.set(p.po, [...(byPo.get(p.po) ?? []), p]);
		for (const [po, invoices] of byPo) {
			const first = invoices.reduce((a, b) => (a.day < b.day ? a : b));
			const vendor = VENDORS[first.vendor]!;
			const billed = invoices.reduce((s, p) => s + (p.role === 'duplicate' ? 0 : p.printed.total), 0);
			// The mostly spent PO leaves less than the new invoice needs; a PO billed twice by mistake still has room for both.
			const overrun = invoices.find((p) => p.role === 'po-balance');
			const twice = invoices.some((p) => p.role === 'duplicate');
			const amount = overrun
				? billed - overrun.printed.total + Math.round((overrun.printed.total * 0.6) / 100) * 100
				: Math.ceil((billed * (twice ? 2.3 + rng.next() * 0.5 : 1.15 + rng.next() * 0.5)) / 10000) * 10000;
			const created = businessDayBetween(rng, addDays(first.day, -60), addDays(first.day, -20)) ?? sim.first;
			const createdOn = compareDates(created, sim.first) < 0 ? sim.first : created;
			sim.schedule(createdOn, MORNING, () => {
				sim.run({ type: 'ap.add-po', number: po, vendorId: vendorIds[first.vendor]!, department: vendor.department, amount: cents(amount) }, STAFF.payables);
				this.tally.purchaseOrders++;
			});
			for (const p of invoices) {
				if (p.role === 'not-received' || p.role === 'duplicate') continue;
				const on = businessDayBetween(rng, addDays(p.day, -12), addDays(p.day, -2)) ?? p.day;
				sim.schedule(compareDates(on, createdOn) < 0 ? createdOn : on, MORNING, () => {
					sim.run({ type: 'ap.add-receiving', poNumber: po, receivedBy: `${HEADS[vendor.department]}'s staff`, description: p.printed.lines.map((l) => `${l.quantity} × ${l.description}`).join('; ') }, STAFF.payables);
				});
			}
		}

		// The invoices themselves, arriving on their days (the pending ones after the receiving above).
		for (const p of planned) {
			const spec = VENDORS[p.vendor]!;
			const total = p.printed.total;
			const approver: { name: string; title: ApprovalTitle } =
				p.role === 'approval-authority' || total <= 1_000_000 ? { name: HEADS[spec.department], title: 'department head' } : { name: CITY_MANAGER, title: 'city manager' };
			sim.schedule(p.day, MORNING, () => {
				const [e] = sim.run(
					{
						type: 'ap.receive-invoice',
						vendorId: vendorIds[p.vendor]!,
						invoiceNumber: p.invoiceNumber,
						invoiceDate: addDays(p.day, -rng.int(2, 12)),
						poNumber: p.role === 'missing-po' ? '' : p.po,
						lines: p.printed.lines,
						subtotal: cents(p.printed.subtotal),
						tax: cents(p.printed.tax),
						shipping: cents(p.printed.shipping),
						total: cents(total),
						approvedBy: approver
					},
					STAFF.payables
				);
				const id = e!.id as string;
				const defects = invoiceDefects(sim.state, id);
				if (p.approve) {
					if (defects.length > 0) throw new Error(`generateCity: history invoice ${id} has defects ${defects.join(', ')}`);
					sim.schedule(addBusinessDays(sim.date, rng.int(1, 4)), MORNING, () => sim.run({ type: 'ap.approve', invoiceId: id }, STAFF.accountClerk));
					this.tally.history++;
					return;
				}
				const want = p.role === 'clean' ? [] : [p.role];
				if (defects.join(',') !== want.join(',')) throw new Error(`generateCity: vendor invoice ${id} (${p.role}) screens as [${defects.join(', ')}]`);
				this.intended.set(id, p.role === 'clean' ? null : (p.role as DefectCode));
				this.tally.pending++;
				if (p.role !== 'clean') this.tally.pendingWithDefect++;
			});
		}
	}

	/** About fifteen unstamped items on the last day: payments (postmarks before and after a delinquent date) and mail for every destination. */
	mailTray(): void {
		const sim = this.#sim;
		const state = sim.state;
		const rng = this.#rng.fork('mail');
		const t = sim.today;
		const receive = (item: Record<string, unknown>) => {
			sim.run({ type: 'mail.receive', ...item }, STAFF.mailClerk);
			this.tally.mail++;
		};
		const check = (payer: string, amount: Money, memo: string) => ({
			kind: 'check',
			number: String(rng.int(1001, 9999)),
			bank: rng.pick(BANKS),
			payer,
			amount: amount.toString(),
			memo
		});
		const name = (customerId: string) => state.utility.customers[customerId]?.name ?? 'Utility customer';
		const mailing = (customerId: string) => state.utility.customers[customerId]?.mailingAddress ?? '';
		const accounts = Object.values(state.utility.accounts).filter((a) => a.status === 'active');
		const used = new Set<string>();
		const take = (ok: (n: string) => boolean) => {
			const list = accounts.filter((a) => !used.has(a.number) && ok(a.number));
			if (list.length === 0) return undefined;
			const a = rng.pick(list);
			used.add(a.number);
			return a;
		};
		const owes = (n: string) => balanceOwed(state, n).isPositive();
		const current = (n: string) => owes(n) && pastDue(state, n, t).isZero();
		const behind = (n: string) => pastDue(state, n, t).isPositive();
		// The latest delinquent date already passed: payments postmarked by it are on time.
		const passed = Object.values(state.utility.bills).filter((b) => !b.final && b.delinquentDate < t).map((b) => b.delinquentDate);
		const lastDelinquent = passed.reduce((a, b) => (a > b ? a : b), addDays(t, -21));
		const utility = (a: (typeof accounts)[number] | undefined, amount: (owed: Money) => Money, postmark: BusinessDate, kind: 'check' | 'money-order' = 'check') => {
			if (!a) return;
			const owed = balanceOwed(state, a.number);
			const payer = name(a.customerId);
			const enclosure = kind === 'check' ? check(payer, amount(owed), `Acct ${a.number}`) : { kind, number: String(rng.int(1_000_000_000, 9_999_999_999)), bank: 'USPS', payer, amount: amount(owed).toString(), memo: a.number };
			receive({ from: `${payer}, ${mailing(a.customerId)}`, addressedTo: 'City of Tracy — Utility Billing, PO Box 1670, Tracy, CA 95378', contents: `Utility bill remittance slip for account ${a.number} and a ${kind === 'check' ? 'check' : 'money order'}`, postmark, enclosure });
		};
		const round = (m: Money, step: bigint, up: boolean) => {
			const c = m.toCents();
			const r = up ? ((c + step) / step) * step : (c / step) * step;
			return Money.fromCents(r > 0n ? r : step);
		};
		// Fall back to any account that owes, then to any account (paying ahead the last bill's amount).
		const lastBill = (n: string) => Object.values(state.utility.bills).filter((b) => b.account === n).pop()?.total ?? Money.of('50.00');
		const choose = (...tests: Array<(n: string) => boolean>) => {
			for (const test of tests) {
				const a = take(test);
				if (a) return a;
			}
			return undefined;
		};
		const orBill = (n: string, o: Money) => (o.isPositive() ? o : lastBill(n));
		const anyone = () => true;
		const a1 = choose(current, owes, anyone);
		utility(a1, (o) => orBill(a1!.number, o), addDays(t, -3));
		const a2 = choose(current, owes, anyone);
		utility(a2, (o) => orBill(a2!.number, o), addDays(t, -2), 'money-order');
		const a3 = choose(current, owes, anyone);
		utility(a3, (o) => round(orBill(a3!.number, o), 1000n, true), addDays(t, -4));
		const a4 = choose(current, owes, anyone);
		utility(a4, (o) => round(orBill(a4!.number, o), 5000n, false), addDays(t, -2));
		const a5 = choose(behind, owes, anyone);
		utility(a5, (o) => orBill(a5!.number, o), lastDelinquent);
		const a6 = choose(behind, owes, anyone);
		utility(a6, (o) => orBill(a6!.number, o), addDays(lastDelinquent, 3));

		// A business renewing late sends the amount on its notice.
		const owing = Object.values(state.licenses.businesses).find((b) => subBalance(state.ledger, `bl:${b.id}`).isPositive());
		if (owing) {
			receive({
				from: `${owing.name}, ${owing.address}, Tracy, CA`,
				addressedTo: 'City of Tracy — Business License, 333 Civic Center Plaza',
				contents: `Business license renewal form for ${owing.id} with a check`,
				postmark: addDays(t, -3),
				enclosure: check(owing.owner, subBalance(state.ledger, `bl:${owing.id}`), `Business license ${owing.id}`)
			});
		}
		else {
			const who = personName(rng).full;
			receive({ from: `${who}, ${residentialAddress(rng)}, Tracy, CA 95376`, addressedTo: 'City of Tracy — Business License', contents: 'New business license application for a home-based bookkeeping service (no payment enclosed)', postmark: addDays(t, -3) });
		}
		// An invoice paid by mail.
		const open = agingReport(state, t).rows.find((r) => r.bucket !== 'over-90');
		if (open) {
			receive({ from: open.customer, addressedTo: 'City of Tracy — Finance Department', contents: `Payment slip for invoice ${open.invoiceNo} with a check`, postmark: addDays(t, -4), enclosure: check(open.customer, open.balance, open.invoiceNo) });
		} else {
			receive({ from: `${personName(rng).full}, ${residentialAddress(rng)}, Tracy, CA 95377`, addressedTo: 'City of Tracy — Finance Department', contents: 'Letter asking for an itemized copy of a facility rental invoice', postmark: addDays(t, -4) });
		}
		const permit = Object.values(state.permits.permits).find((p) => p.status === 'issued');
		const neighbor = personName(rng).full;
		const items: Array<Record<string, unknown>> = [
			{ from: 'Diablo Tree Care, 4410 Old Tracy Rd, Tracy, CA 95304', addressedTo: 'City of Tracy — Accounts Payable', contents: 'Invoice for emergency tree removal after the October wind storm (no purchase order number shown)', postmark: addDays(t, -3) },
			{ from: `${personName(rng).full}, Architect, 18 Kavanagh Ave, Tracy, CA 95376`, addressedTo: 'City of Tracy — Development Services', contents: `Revised plan set and structural calculations${permit ? ` for permit ${permit.number}` : ''}`, postmark: addDays(t, -2) },
			{ from: `${neighbor}, ${residentialAddress(rng)}, Tracy, CA 95377`, addressedTo: 'Tracy Police Department — Records', contents: 'Request for a copy of a traffic collision report', postmark: addDays(t, -3) },
			{
				from: 'Tracy Youth Soccer League, PO Box 421, Tracy, CA 95378',
				addressedTo: 'City of Tracy — Parks & Recreation',
				contents: 'Field reservation request for the spring season with a deposit check',
				postmark: addDays(t, -2),
				enclosure: check('Tracy Youth Soccer League', Money.of(`${rng.pick([250, 300, 500])}.00`), 'Spring field deposit')
			},
			{ from: `${personName(rng).full}, ${residentialAddress(rng)}, Tracy, CA 95376`, addressedTo: 'City Clerk, City of Tracy', contents: 'Government claim form: tire damage from a pothole on Corral Hollow Rd', postmark: addDays(t, -4) },
			{ from: `${personName(rng).full}, ${residentialAddress(rng)}, Manteca, CA 95336`, addressedTo: 'City of Tracy — Human Resources', contents: 'Employment application and résumé for the Account Clerk I/II recruitment', postmark: addDays(t, -3) },
			{ from: 'San Joaquin County Assessor, Stockton, CA', addressedTo: 'Tracy Unified School District, 1875 W Lowell Ave, Tracy, CA 95376', contents: 'Sealed envelope for the school district, delivered to City Hall by mistake', postmark: addDays(t, -5) }
		];
		for (const item of items) receive(item);
		if (compareDates(t, sim.date) !== 0) throw new Error('generateCity: the mail tray is filled on the last day');
	}
}

export const AP_VENDOR_COUNT = VENDORS.length;
