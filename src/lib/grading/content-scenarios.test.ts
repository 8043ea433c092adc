/**
 * The engine check of every scenario in content/scenarios/, on the world it names (built exactly as
 * the server builds it): the setup and the reference solution run without a refusal, the reference
 * scores 100% accuracy, and doing nothing fails with at most 20%. Problems are reported as
 * file:line. Then, for each of the first scenarios, a typical mistaken attempt fails exactly the
 * checks it should.
 *
 * content:check stays fast (no engine); this test (and scripts/scenario-check.ts) is the slow pass.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cloneState } from '$lib/domain/clone';
import type { Command, DomainEvent, SandboxState } from '$lib/domain/model';
import { createClerkSystem } from '$lib/domain/system';
import { parseFrontMatter } from '$lib/server/content/front-matter';
import { loadContent } from '$lib/server/content/load';
import type { ScenarioContent } from '$lib/server/content/schemas';
import { buildWorld } from '$lib/server/workstation/world';
import { gradeAttempt } from './grade';
import { resolvePlaceholders, type Lookup } from './placeholders';
import { storedLookup } from './run';
import type { ScenarioGrade } from './types';
import { VERIFY_TRAINEE, verifyScenario, type Verification } from './verify';

const engine = createClerkSystem();
const worlds = new Map<string, SandboxState>();
const verified = new Map<string, Verification>();
let scenarios: ScenarioContent[] = [];

const SLOW = 20 * 60_000;

beforeAll(async () => {
	const { bundle, errors } = await loadContent(resolve('content'));
	expect(errors).toEqual([]);
	scenarios = bundle.scenarios;
	for (const s of scenarios) {
		const key = `${s.setup.world.preset}:${s.setup.world.seed}`;
		if (!worlds.has(key)) worlds.set(key, buildWorld(s.setup.world));
	}
}, SLOW);

const worldOf = (s: ScenarioContent) => worlds.get(`${s.setup.world.preset}:${s.setup.world.seed}`)!;

/** Problems as an author reads them: file:line: message. */
async function located(s: ScenarioContent, problems: Verification['problems']): Promise<string[]> {
	const parsed = parseFrontMatter(await readFile(resolve(s.file), 'utf8'));
	const fm = parsed.ok ? parsed.value : undefined;
	return problems.map((p) => `${s.file}:${fm ? fm.lineOf(p.path) : 1}: ${p.message}`);
}

function verification(id: string): Verification {
	let v = verified.get(id);
	if (!v) {
		const s = scenarios.find((x) => x.id === id);
		if (!s) throw new Error(`No scenario ${id} in content/scenarios`);
		v = verifyScenario(s, worldOf(s), engine);
		verified.set(id, v);
	}
	return v;
}

describe('every scenario on its world', () => {
	it('has scenarios to check', () => {
		expect(scenarios.length).toBeGreaterThanOrEqual(8);
	});

	it(
		'the reference scores 100% and doing nothing fails',
		async () => {
			const report: string[] = [];
			for (const s of scenarios) {
				const v = verification(s.id);
				report.push(...(await located(s, v.problems)));
				if (v.problems.length === 0) {
					// Written work waits for a supervisor: until then the right attempt is "awaiting review".
					const written = s.checks.some((c) => c.kind === 'rubric');
					expect(v.right, s.id).toMatchObject({ accuracy: 100, status: written ? 'awaiting-review' : 'passed' });
					expect(v.nothing!.status, s.id).toBe('failed');
					expect(v.nothing!.overall, s.id).toBeLessThanOrEqual(20);
				}
			}
			expect(report).toEqual([]);
		},
		SLOW
	);
});

type Step = Command | ((state: Readonly<SandboxState>) => Command);

/** A mistaken attempt: the trainee's commands (placeholders filled from the attempt) and answers, graded. */
function attempt(id: string, steps: Step[], answers: Record<string, string>): ScenarioGrade {
	const v = verification(id);
	const s = scenarios.find((x) => x.id === id)!;
	const start = v.start!;
	const state = cloneState(start.state);
	const stored = storedLookup(start.placeholders);
	const lookup: Lookup = (expr) => (expr === 'today' ? { ok: true, value: start.state.businessDate } : stored(expr));
	const events: DomainEvent[] = [];
	for (const step of steps) {
		const command = resolvePlaceholders(typeof step === 'function' ? step(state) : step, lookup);
		const r = engine.execute(state, command, { actor: VERIFY_TRAINEE, at: '2026-11-16T18:00:00.000Z' });
		if (!r.ok) throw new Error(`${id}: ${command.type} refused: ${r.rejection.message}`);
		events.push(...r.events);
	}
	return gradeAttempt({
		scenario: s,
		start: start.state,
		trainee: VERIFY_TRAINEE,
		events,
		answers,
		elapsedMs: s.targetSeconds * 1000,
		placeholders: start.placeholders,
		final: state,
		reference: v.reference!,
		engine
	});
}

const failedIds = (g: ScenarioGrade) => g.checks.filter((c) => !c.passed).map((c) => c.id);
const doneOf = (g: ScenarioGrade, id: string) => g.checks.find((c) => c.id === id)!.done;

const check = (amount: string, number: string, extra: Record<string, unknown> = {}) => ({
	type: 'check',
	amount,
	writtenAmount: amount,
	checkNumber: number,
	bank: 'Bank of Stockton',
	payee: 'City of Tracy',
	signed: true,
	checkDate: '{{today}}',
	...extra
});

describe('typical mistakes fail the checks they should', () => {
	it(
		'cash payment: the amount typed with two digits swapped',
		() => {
			const g = attempt(
				'cash-payment-with-change',
				[{ type: 'cash.take-payment', lines: [{ kind: 'utility', ref: '100-0006', amount: '108.82' }], tenders: [{ type: 'cash', amount: '200.00' }] }],
				{ change: '91.18' }
			);
			expect(failedIds(g)).toEqual(['payment-posted', 'cash-tendered', 'account-paid', 'books', 'change-answer']);
			expect(g).toMatchObject({ status: 'failed', accuracy: 0, overall: 0 });
			expect(doneOf(g, 'payment-posted')).toContain('receipt line 1 › amount: $108.82 instead of $180.82');
			expect(doneOf(g, 'account-paid')).toBe('100-0006 owes $72.00');
		},
		SLOW
	);

	it(
		'wrong payee: the check taken anyway, with "City of Tracy" typed as the payee',
		() => {
			const g = attempt(
				'check-to-wrong-payee',
				[{ type: 'cash.take-payment', lines: [{ kind: 'utility', ref: '100-0008', amount: '185.47' }], tenders: [check('185.47', '1207')] }],
				{ why: 'Personal checks are not accepted for utility bills.' }
			);
			expect(failedIds(g)).toEqual(['no-check-taken', 'paid-by-card', 'books', 'why-answer']);
			expect(g.status).toBe('failed');
			expect(doneOf(g, 'no-check-taken')).toContain('paid by check #1207 $185.47');
			expect(doneOf(g, 'paid-by-card')).toContain('tender 1 › type: check instead of card');
		},
		SLOW
	);

	it(
		'adjustment over $50.00: split into $50.00 and $7.58 to stay under the limit',
		() => {
			const adjust = (amount: string) => ({ type: 'utility.adjust', account: '100-0022', reason: 'billing-error', service: 'solid-waste', amount, note: 'Cart size billed wrong for two months.' });
			const g = attempt('adjustment-over-authority', [adjust('50.00'), adjust('7.58')], { credit: '57.58' });
			expect(failedIds(g)).toEqual(['approval-asked', 'nothing-posted', 'books-untouched']);
			expect(g).toMatchObject({ status: 'failed', overall: 20 });
			expect(doneOf(g, 'approval-asked')).toBe('No supervisor approval was requested.');
			expect(doneOf(g, 'nothing-posted')).toContain('billing-error credit of $50.00');
		},
		SLOW
	);

	it(
		'tenant start: opened as an owner, so no deposit is collected',
		() => {
			const g = attempt(
				'tenant-start-service',
				[
					{
						type: 'utility.start-service',
						name: 'Priya Natarajan',
						phone: '209-555-0143',
						mailingAddress: '1187 Lowell Ave, Tracy, CA 95376',
						photoIdChecked: true,
						serviceAddress: '1187 Lowell Ave',
						class: 'residential',
						dwelling: 'single',
						meterSize: '3/4',
						cartSize: '64',
						occupancy: 'owner',
						proof: 'deed',
						startRead: 2214
					}
				],
				{ deposit: '0.00' }
			);
			expect(failedIds(g)).toEqual(['opened-as-tenant', 'account-ready', 'books', 'deposit-answer']);
			expect(g.status).toBe('failed');
			expect(doneOf(g, 'opened-as-tenant')).toContain('owner or tenant: owner instead of tenant');
			expect(doneOf(g, 'account-ready')).toContain('active, residential, owner (deed), deposit held $0.00');
		},
		SLOW
	);

	it(
		'late renewal: last year’s gross receipts used instead of this year’s',
		() => {
			const owed = (state: Readonly<SandboxState>) => state.ledger.sub['bl:BIZ-000012']!.toString();
			const g = attempt(
				'license-renewal-late',
				[
					{ type: 'license.renew', businessId: 'BIZ-000012', taxYear: 2026, grossReceipts: '5919492.00' },
					{ type: 'cash.open-drawer', counts: '{{standardFloat}}' },
					(state) => ({ type: 'cash.take-payment', lines: [{ kind: 'license', ref: 'BIZ-000012', amount: owed(state) }], tenders: [check(owed(state), '20417')] })
				],
				{ penalty: '2187.80' }
			);
			expect(failedIds(g)).toEqual(['renewed', 'paid-in-full', 'license-active', 'books', 'penalty-answer']);
			expect(g.status).toBe('failed');
			expect(doneOf(g, 'renewed')).toContain('gross receipts: $5,919,492.00 instead of $6,104,250.00; penalty: $2,187.80 instead of $2,261.70');
		},
		SLOW
	);

	it(
		'mail payment: posted without the postmark, and the penalty said to be owed',
		() => {
			const g = attempt(
				'mail-payment-postmark',
				[
					{ type: 'mail.stamp', itemId: '{{letter.id}}' },
					{ type: 'mail.log-remittance', itemId: '{{letter.id}}', witness: 'Dana Reyes', payer: 'Aisha Gutierrez', checkNumber: '3318', amount: '188.07', account: '100-0010' },
					{ type: 'cash.take-payment', lines: [{ kind: 'utility', ref: '100-0010', amount: '188.07' }], tenders: [check('188.07', '3318', { bank: 'Wells Fargo', checkDate: '2026-11-24' })] },
					{ type: 'mail.route', itemId: '{{letter.id}}', destination: 'Utility Billing' }
				],
				{ penalty: 'Yes. The payment reached the office after the delinquent date.', 'delinquent-date': '11/26/2026' }
			);
			expect(failedIds(g)).toEqual(['posted-with-postmark', 'logged', 'penalty-answer']);
			expect(g.status).toBe('failed');
			expect(doneOf(g, 'posted-with-postmark')).toContain('postmark date: missing (should be 2026-11-25)');
		},
		SLOW
	);

	it(
		'vendor invoice: approved for payment despite the extension error; or returned with a reason it does not have',
		() => {
			const approved = attempt('vendor-invoice-extension-error', [{ type: 'ap.approve', invoiceId: '{{invoice.id}}' }], { extension: '452.00' });
			expect(failedIds(approved)).toEqual(['not-approved', 'returned-for-extension', 'only-real-reasons', 'extension-answer']);
			expect(approved).toMatchObject({ status: 'failed', accuracy: 0 });
			const extra = attempt('vendor-invoice-extension-error', [{ type: 'ap.return', invoiceId: '{{invoice.id}}', reasons: ['extension-error', 'subtotal-error'] }], { extension: '425' });
			expect(failedIds(extra)).toEqual(['only-real-reasons']);
			expect(extra).toMatchObject({ status: 'passed', accuracy: 89 });
			expect(doneOf(extra, 'only-real-reasons')).toContain('returned (extension-error, subtotal-error)');
		},
		SLOW
	);

	it(
		'close-out: the drawer forced to balance by counting pennies that are not there',
		() => {
			const g = attempt(
				'drawer-close-out-short',
				[
					{
						type: 'cash.close-drawer',
						drawerId: '{{drawer.drawerId}}',
						counts: { 'bill-20': 23, 'bill-10': 4, 'bill-5': 6, 'bill-1': 45, 'coin-0.25': 30, 'coin-0.10': 30, 'coin-0.05': 20, 'coin-0.01': 187 },
						checks: { count: 1, total: '182.87' },
						cardBatchTotal: '0.00'
					}
				],
				{ difference: 'Balanced', 'sign-off': '1' }
			);
			expect(failedIds(g)).toEqual(['closed-short', 'drawer-closed', 'over-short-posted', 'difference-answer']);
			expect(g.status).toBe('failed');
			expect(doneOf(g, 'closed-short')).toContain('over (+) or short (−): $0.00 instead of -$1.35');
		},
		SLOW
	);
});
