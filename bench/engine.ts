/**
 * Engine benchmark: `npx tsx bench/engine.ts` (after `npx svelte-kit sync`, so tsx finds the `$lib`
 * path in .svelte-kit/tsconfig.json).
 *
 * (a) 10,000 commands from the shared random workload (src/lib/domain/workload.ts, mostly valid)
 *     applied one by one to ONE sandbox: p50 / p95 / max milliseconds per command (target p95 < 2 ms);
 * (b) rebuilding a sandbox from 100,000 events with engine.replay over a fresh empty state
 *     (target < 1 s), the events made by executing a long workload once;
 * (c) heap used by one materialized sandbox state (target < 20 MB): five states rebuilt from their
 *     own copy of the stored (JSON) event log are held at once and the heap growth divided by five —
 *     for the session sandbox of (a) (a realistic trainee sandbox: `sandbox_mb`) and for the
 *     100,000-event one of (b) (`sandbox_100k_events_mb`).
 * Prints a readable summary, then LAST a single JSON line for CI.
 */
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';
import { Money } from '$lib/money';
import type { DomainEvent, SandboxState } from '$lib/domain/model';
import { WorkloadGenerator, type WorkloadOptions } from '$lib/domain/workload';

const COMMANDS = 10_000;
const EVENTS = 100_000;
const HELD_STATES = 5;

/** A realistic long-running sandbox: dozens of accounts, businesses, invoices, permits and vendor invoices. */
const SESSION: WorkloadOptions = { malformedShare: 0.05, maxAccounts: 120, maxBusinesses: 30, maxInvoices: 60, maxPermits: 60, maxMailItems: 80, maxVendorInvoices: 40, dayWeight: 0.5, jumpWeight: 0.03 };
/** The bigger city the 100,000 events come from. */
const CITY: WorkloadOptions = { malformedShare: 0.05, maxAccounts: 500, maxBusinesses: 80, maxInvoices: 150, maxPermits: 150, maxMailItems: 150, maxVendorInvoices: 80, dayWeight: 3, jumpWeight: 0.05 };

function gcFunction(): (() => void) | null {
	const exposed = (globalThis as { gc?: () => void }).gc;
	if (exposed) return exposed;
	try {
		v8.setFlagsFromString('--expose-gc');
		return vm.runInNewContext('gc') as () => void;
	} catch {
		return null;
	}
}

const gc = gcFunction();
function heapUsed(): number {
	if (gc) {
		gc();
		gc();
	}
	return process.memoryUsage().heapUsed;
}

function percentile(sorted: readonly number[], p: number): number {
	if (sorted.length === 0) return 0;
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const round = (n: number, places = 3) => Number(n.toFixed(places));
const mb = (bytes: number) => bytes / (1024 * 1024);

// ---------- (a) commands on one sandbox ----------

function commandBench() {
	const generator = new WorkloadGenerator('bench-session', SESSION);
	const engine = generator.engine;
	const state = engine.emptyState(generator.start);
	const times: number[] = [];
	const slowest: Array<{ ms: number; label: string }> = [];
	const byType = new Map<string, { n: number; total: number; max: number }>();
	const events: DomainEvent[] = [];
	let accepted = 0;
	for (let i = 0; i < COMMANDS; i++) {
		const step = generator.next(state);
		const t0 = performance.now();
		const result = engine.execute(state, step.command, step.ctx);
		const ms = performance.now() - t0;
		times.push(ms);
		if (result.ok) {
			accepted++;
			events.push(...result.events);
		}
		const type = String(step.command.type);
		const agg = byType.get(type) ?? { n: 0, total: 0, max: 0 };
		agg.n++;
		agg.total += ms;
		agg.max = Math.max(agg.max, ms);
		byType.set(type, agg);
		slowest.push({ ms, label: `${step.label} on ${state.businessDate}` });
		if (slowest.length > 40) slowest.sort((a, b) => b.ms - a.ms).splice(10);
	}
	const sorted = [...times].sort((a, b) => a - b);
	return {
		start: generator.start,
		state,
		events,
		p50: percentile(sorted, 50),
		p95: percentile(sorted, 95),
		p99: percentile(sorted, 99),
		max: sorted[sorted.length - 1] ?? 0,
		mean: times.reduce((a, b) => a + b, 0) / times.length,
		accepted,
		byType,
		slowest: slowest.sort((a, b) => b.ms - a.ms).slice(0, 5)
	};
}

// ---------- (b) rebuild from 100,000 events ----------

function eventLog(): { start: string; events: DomainEvent[]; commands: number; ms: number } {
	const generator = new WorkloadGenerator('bench-city', CITY);
	const engine = generator.engine;
	const state = engine.emptyState(generator.start);
	const events: DomainEvent[] = [];
	const t0 = performance.now();
	let commands = 0;
	while (events.length < EVENTS) {
		const step = generator.next(state);
		const result = engine.execute(state, step.command, step.ctx);
		commands++;
		if (result.ok) events.push(...result.events);
	}
	return { start: generator.start, events: events.slice(0, EVENTS), commands, ms: performance.now() - t0 };
}

function main() {
	const a = commandBench();
	const sessionJson = JSON.stringify(a.state);

	const log = eventLog();
	const engine = new WorkloadGenerator(0).engine;
	const stored = JSON.stringify(log.events);
	const rebuilds: number[] = [];
	let rebuilt: SandboxState | undefined;
	for (let i = 0; i < 3; i++) {
		const events = JSON.parse(stored) as DomainEvent[];
		const t0 = performance.now();
		rebuilt = engine.replay(engine.emptyState(log.start), events);
		rebuilds.push(performance.now() - t0);
	}
	const t1 = performance.now();
	engine.replay(engine.emptyState(log.start), JSON.parse(stored) as DomainEvent[]);
	const withParse = performance.now() - t1;
	const rebuildMs = Math.min(...rebuilds);
	const cityJson = JSON.stringify(rebuilt);

	// (c) memory: hold several states, each rebuilt from its own parsed copy of the log.
	rebuilt = undefined;
	const measure = (json: string, start: string) => {
		const held: SandboxState[] = [];
		const before = heapUsed();
		for (let i = 0; i < HELD_STATES; i++) held.push(engine.replay(engine.emptyState(start), JSON.parse(json) as DomainEvent[]));
		const after = heapUsed();
		if (held.length !== HELD_STATES) throw new Error('unreachable');
		return (after - before) / HELD_STATES;
	};
	const cityBytes = measure(stored, log.start);
	// The session sandbox of (a), rebuilt from its own events the same way.
	const sessionStored = JSON.stringify(a.events);
	if (JSON.stringify(engine.replay(engine.emptyState(a.start), JSON.parse(sessionStored) as DomainEvent[])) !== sessionJson) throw new Error('replaying the session does not give the session state');
	const sessionBytes = measure(sessionStored, a.start);

	// Where the time and the memory go: apply time by event type (one more, untimed, replay), and the Money values held.
	const applyByType = new Map<string, number>();
	const probe = engine.emptyState(log.start);
	for (const e of JSON.parse(stored) as DomainEvent[]) {
		const t0 = performance.now();
		engine.apply(probe, e);
		applyByType.set(e.type, (applyByType.get(e.type) ?? 0) + performance.now() - t0);
	}
	const eventCounts = new Map<string, number>();
	for (const e of log.events) eventCounts.set(e.type, (eventCounts.get(e.type) ?? 0) + 1);
	let moneyValues = 0;
	const seen = new Set<object>();
	const walk = (v: unknown): void => {
		if (v === null || typeof v !== 'object' || seen.has(v)) return;
		seen.add(v);
		if (v instanceof Money) moneyValues++;
		else for (const x of Object.values(v)) walk(x);
	};
	walk(probe);
	const objects = seen.size;
	seen.clear();
	const moneyBefore = heapUsed();
	const sample: Money[] = Array.from({ length: 100_000 }, (_, i) => Money.of(`${i % 5000}.${String(i % 100).padStart(2, '0')}`));
	const bytesPerMoney = (heapUsed() - moneyBefore) / sample.length;

	const s = a.state;
	const top = [...a.byType].sort((x, y) => y[1].total / y[1].n - x[1].total / x[1].n).slice(0, 6);
	const lines = [
		'Engine benchmark (pure domain engine, one process, no I/O)',
		'',
		`(a) ${COMMANDS.toLocaleString('en-US')} workload commands on one sandbox (${a.accepted.toLocaleString('en-US')} accepted, ${s.eventCount.toLocaleString('en-US')} events, business date ${s.businessDate})`,
		`    per command: p50 ${round(a.p50)} ms · p95 ${round(a.p95)} ms · p99 ${round(a.p99)} ms · max ${round(a.max, 1)} ms · mean ${round(a.mean)} ms   (target p95 < 2 ms: ${a.p95 < 2 ? 'met' : 'MISSED'})`,
		`    sandbox: ${Object.keys(s.utility.accounts).length} utility accounts, ${Object.keys(s.utility.bills).length} bills, ${Object.keys(s.cashiering.receipts).length} receipts, ${Object.keys(s.licenses.licenses).length} licenses, ${Object.keys(s.receivables.invoices).length} invoices, ${Object.keys(s.approvals).length} approvals; JSON ${round(mb(sessionJson.length), 1)} MB`,
		`    slowest command types (mean / max ms): ${top.map(([t, v]) => `${t} ${round(v.total / v.n)}/${round(v.max, 1)}`).join(', ')}`,
		`    slowest commands: ${a.slowest.map((x) => `${round(x.ms, 1)} ms ${x.label}`).join('; ')}`,
		'',
		`(b) rebuild from ${EVENTS.toLocaleString('en-US')} events (made by ${log.commands.toLocaleString('en-US')} commands in ${round(log.ms / 1000, 1)} s)`,
		`    engine.replay over an empty state: ${round(rebuildMs, 0)} ms (best of 3: ${rebuilds.map((x) => round(x, 0)).join(', ')}); with JSON.parse of the stored log: ${round(withParse, 0)} ms   (target < 1 s: ${rebuildMs < 1000 ? 'met' : 'MISSED'})`,
		`    stored log ${round(mb(stored.length), 1)} MB of JSON; rebuilt state ${round(mb(cityJson.length), 1)} MB of JSON`,
		`    apply time by event type: ${[...applyByType].sort((x, y) => y[1] - x[1]).slice(0, 6).map(([t, ms]) => `${t} ${round(ms, 0)} ms/${eventCounts.get(t) ?? 0}`).join(', ')}`,
		'',
		`(c) heap per materialized sandbox (${HELD_STATES} held at once, ${gc ? 'after gc' : 'WITHOUT gc: figures are noisy'}):`,
		`    the ${COMMANDS.toLocaleString('en-US')}-command session sandbox of (a): ${round(mb(sessionBytes), 1)} MB   (target < 20 MB: ${mb(sessionBytes) < 20 ? 'met' : 'MISSED'})`,
		`    the ${EVENTS.toLocaleString('en-US')}-event sandbox of (b): ${round(mb(cityBytes), 1)} MB   (target < 20 MB: ${mb(cityBytes) < 20 ? 'met' : 'MISSED'})`,
		`    it holds ${moneyValues.toLocaleString('en-US')} Money values among ${objects.toLocaleString('en-US')} objects; one Money costs ~${round(bytesPerMoney, 0)} bytes of heap, so Money alone is ~${round(mb(moneyValues * bytesPerMoney), 0)} MB`,
		''
	];
	console.log(lines.join('\n'));
	console.log(
		JSON.stringify({
			bench: 'engine',
			command_p50_ms: round(a.p50),
			command_p95_ms: round(a.p95),
			command_max_ms: round(a.max),
			commands: COMMANDS,
			rebuild_100k_ms: round(rebuildMs, 1),
			events: EVENTS,
			sandbox_mb: round(mb(sessionBytes), 2),
			sandbox_100k_events_mb: round(mb(cityBytes), 2)
		})
	);
}

main();
