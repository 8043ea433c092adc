/**
 * The fixed vocabulary of the scenario format that both the content check and the grader need:
 * probe names and their arguments, world presets, limits. No runtime imports (the content
 * loader runs under plain tsx); probes.ts implements every probe listed here.
 */

/** What a `same-as-reference` or `state` check can read from a final state, and the arguments each needs. */
export const PROBES = {
	'utility-balance': { args: ['account'], about: 'what a utility account owes now, deposit due included' },
	'utility-account': { args: ['account'], about: "a utility account's status, deposit held, credit balance and what it owes" },
	'account-at-address': { args: ['address'], about: 'the open utility account at a service address: status, class, owner or tenant, proof, deposit held, owed' },
	'gl-balance': { args: ['gl'], about: 'a general-ledger account balance, debit minus credit (e.g. gl: "6990")' },
	subledger: { args: ['key'], about: 'one subledger balance, debit minus credit (ua:100-0006, dep:…, cr:…, bl:BIZ-000012, ar:INV-000004)' },
	drawer: { args: ['drawer'], about: 'a cash drawer: open or closed, its close-out difference and whether it was within ±$2.00' },
	license: { args: ['business', 'taxYear'], about: "a business's license for a tax year: status, paid, gross receipts, tax, penalty" },
	'business-balance': { args: ['business'], about: 'what a business owes on its license (1220)' },
	'vendor-invoice': { args: ['invoice'], about: 'a vendor invoice: pending, approved or returned, and the reasons given' },
	'mail-item': { args: ['item'], about: 'a mail item: date-stamped, its remittance log entry, where it was routed' },
	permit: { args: ['permit'], about: 'a permit: status and amount paid' },
	receivable: { args: ['invoice'], about: 'a receivable invoice: status and balance' }
} as const satisfies Record<string, { args: readonly string[]; about: string }>;

export type ProbeName = keyof typeof PROBES;
export const PROBE_NAMES = Object.keys(PROBES) as [ProbeName, ...ProbeName[]];

/** The server's world presets (src/lib/server/workstation/world.ts WORLD_PRESETS; a test keeps them in step). */
export const WORLD_PRESET_NAMES = ['city', 'small'] as const;

/** The practice world every sandbox starts from unless a scenario says otherwise. */
export const DEFAULT_WORLD = { seed: 'tracy', preset: 'city' } as const;

/** Most days setup.date may move the clock (each day runs the whole city's day-start work). */
export const MAX_SETUP_DAYS = 62;

export const SCENARIO_LIMITS = {
	steps: 40,
	questions: 10,
	checks: 30,
	weight: [1, 10],
	targetSeconds: [30, 3600],
	rubricCriteria: 10
} as const;
