// Demo-city benchmark: generate the default city (600 accounts, 250 businesses, 13 months to
// 2026-11-16) three times through the real clerk system, print a summary, then one JSON line LAST.
// Run: npx tsx bench/city.ts   (tsx resolves $lib through tsconfig.json → .svelte-kit/tsconfig.json paths)
import { generateCity, type GeneratedCity } from '../src/lib/domain/city/generate';
import { ledgerProblems } from '../src/lib/domain/ledger';

const RUNS = Number.parseInt(process.env.BENCH_RUNS || '3', 10);

const times: number[] = [];
let city: GeneratedCity | undefined;
let fingerprint = '';
let deterministic = true;
for (let i = 0; i < RUNS; i++) {
	city = undefined; // let the previous city go before building the next
	const started = performance.now();
	city = generateCity();
	times.push(performance.now() - started);
	// Cheap determinism check between runs: the ledger and the last event are identical.
	const print = JSON.stringify([city.state.ledger, city.events[city.events.length - 1], city.events.length]);
	if (i > 0 && print !== fingerprint) deterministic = false;
	fingerprint = print;
	console.log(`run ${i + 1}: ${Math.round(times[i]!)} ms`);
}
if (!city) throw new Error('BENCH_RUNS must be at least 1');

const s = city.stats;
const sorted = [...times].sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)]!;
const problems = ledgerProblems(city.state.ledger);
console.log(`
Demo city "${s.seed}": ${s.firstDate} → ${s.today} (${s.days} days), ${s.commands} commands, ${s.events} events
  utility   ${s.accounts} accounts (${s.openAccounts} open; ${s.residential} residential incl. ${s.multiFamily} multi-family, ${s.commercial} commercial; ${s.owners} owners, ${s.tenants} tenants)
            ${s.bills} bills in ${s.billRuns} bill runs; ${s.accountsWithYearOfBills} accounts open all year with 12+ bills
            ${s.receipts} receipts (${s.utilityPayments} utility, ${s.mailPayments} by mail) on ${s.drawerSessions} drawer sessions, all balanced
            ${s.delinquent60} accounts 60+ days delinquent, ${s.plans} payment plans (${s.activePlans} running), ${s.cashOnly} cash-only,
            ${s.credits} with credit balances, ${s.depositsHeld} deposits held, ${s.notices} notices, ${s.disconnected} disconnected,
            ${s.returnedChecks} returned checks, ${s.stops} stops, ${s.transfers} transfers, ${s.moveIns} move-ins
  licenses  ${s.businesses} businesses, ${s.licensedThisTaxYear} licensed this tax year, ${s.businessesOwing} owing, ${s.pendingApplications} applications in review
            by status: ${Object.entries(s.licensesByStatus).map(([k, v]) => `${k} ${v}`).join(', ')}
  permits   ${s.permits} (${s.permitsUnpaid} with fees due)
  AR        ${s.invoices} invoices, ${s.invoicesOpen} open: ${Object.entries(s.aging).map(([k, v]) => `${k} ${v}`).join(', ')}; ${s.inCollections} in collections
  AP        ${s.vendors} vendors, ${s.purchaseOrders} POs, ${s.vendorInvoicesPending} invoices to screen (${s.vendorInvoicesWithDefect} with a defect)
  mail      ${s.mailTrayUnstamped} unstamped items in the tray
  ledger    ${problems.length === 0 ? 'balanced; every subledger agrees with its control account' : problems.join('; ')}
  runs      ${times.map((t) => Math.round(t)).join(' / ')} ms (median ${Math.round(median)} ms); identical across runs: ${deterministic ? 'yes' : 'NO'}
`);
console.log(
	JSON.stringify({
		bench: 'city',
		city_generate_ms: Math.round(median),
		runs_ms: times.map((t) => Math.round(t)),
		accounts: s.accounts,
		events: s.events,
		businesses: s.businesses,
		commands: s.commands,
		deterministic
	})
);
