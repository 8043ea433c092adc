/**
 * Each kind of check, evaluated against what the trainee did and what the reference solution did,
 * with what was expected and what was done in words a trainee understands.
 */
import { Money, formatUSD } from '$lib/money';
import { CHART, type GlAccount, type JournalEntry } from '$lib/domain/ledger';
import type { DomainEvent, SandboxState } from '$lib/domain/model';
import { answerIsRight, answerWords } from './answers';
import { matches, mismatches, mismatchWords, patternWords } from './matcher';
import { resolvePlaceholders, type Lookup } from './placeholders';
import { readProbe } from './probes';
import { earnedText, type Earned } from './scoring';
import type { CheckResult, RubricReview, Scenario, ScenarioCheck } from './types';
import { describeEvent, eventWord } from './words';

/** What one side (the trainee, or the reference) did and where it ended. */
export type Side = { events: readonly DomainEvent[]; state: Readonly<SandboxState> };

export type CheckContext = {
	scenario: Scenario;
	trainee: Side;
	reference: Side;
	answers: Readonly<Record<string, string>>;
	reviews: Readonly<Record<string, RubricReview>>;
	/** Placeholders stored when the attempt started. */
	lookup: Lookup;
};

type Outcome = { expected: string; done: string; passed: boolean; pending?: boolean; earned?: Earned };

const sentence = (s: string) => (s ? s.charAt(0).toUpperCase() + s.slice(1) : s);
const typeFits = (type: string, patterns: readonly string[]) => patterns.some((p) => (p.endsWith('.*') ? type.startsWith(p.slice(0, -1)) : type === p));

function closest(candidates: readonly DomainEvent[], pattern: unknown, on: (e: DomainEvent) => unknown = (e) => e): string {
	let best = candidates[0]!;
	let bestWords = mismatches(pattern, on(best));
	for (const c of candidates.slice(1)) {
		const w = mismatches(pattern, on(c));
		if (w.length < bestWords.length) [best, bestWords] = [c, w];
	}
	return `${describeEvent(best)} — ${bestWords.map(mismatchWords).join('; ')}`;
}

function eventCheck(c: Extract<ScenarioCheck, { kind: 'event' }>, ctx: CheckContext): Outcome {
	const pattern = c.match === undefined ? {} : resolvePlaceholders(c.match, ctx.lookup);
	const word = eventWord(c.event);
	const expected = c.expected ?? `${sentence(word)}${c.match === undefined ? '' : ` with ${patternWords(pattern)}`}${c.times ? ` (exactly ${c.times} time${c.times === 1 ? '' : 's'})` : ''}`;
	const candidates = ctx.trainee.events.filter((e) => e.type === c.event);
	const fits = candidates.filter((e) => matches(pattern, e));
	const passed = c.times ? fits.length === c.times : fits.length > 0;
	if (passed) return { expected, done: fits.map(describeEvent).join(' · '), passed };
	if (fits.length > 0) return { expected, done: `Recorded ${fits.length} times: ${fits.map(describeEvent).join(' · ')}`, passed };
	if (candidates.length > 0) return { expected, done: closest(candidates, pattern), passed };
	return { expected, done: `No ${word} was recorded.`, passed };
}

function noEventCheck(c: Extract<ScenarioCheck, { kind: 'no-event' }>, ctx: CheckContext): Outcome {
	const pattern = c.match === undefined ? undefined : resolvePlaceholders(c.match, ctx.lookup);
	const words = c.events.map((t) => (t.endsWith('.*') ? `${t.slice(0, -2)} action` : eventWord(t))).join(' or ');
	const expected = c.expected ?? `No ${words}${pattern === undefined ? '' : ` with ${patternWords(pattern)}`}`;
	const bad = ctx.trainee.events.filter((e) => typeFits(e.type, c.events) && (pattern === undefined || matches(pattern, e)));
	return bad.length === 0 ? { expected, done: 'None.', passed: true } : { expected, done: bad.map(describeEvent).join(' · '), passed: false };
}

/** Net debit-minus-credit per GL account and subledger over some events' journal entries. */
export function netPostings(events: readonly DomainEvent[], accounts?: readonly string[]): Map<string, Money> {
	const net = new Map<string, Money>();
	for (const e of events) {
		const entry = e.journal as JournalEntry | undefined;
		for (const line of entry?.lines ?? []) {
			if (accounts && !accounts.includes(line.account)) continue;
			const key = `${line.account}|${line.sub ?? ''}`;
			const delta = line.debit ? Money.of(line.debit) : Money.of(line.credit ?? '0.00').negated();
			net.set(key, (net.get(key) ?? Money.ZERO).plus(delta));
		}
	}
	for (const [k, v] of net) if (v.isZero()) net.delete(k);
	return net;
}

const SUB_WORDS: Record<string, string> = { ua: 'account', dep: 'deposit of', cr: 'credit balance of', bl: 'business', ar: 'invoice' };

function postingWords(key: string, amount: Money | undefined): string {
	const [account, sub] = key.split('|') as [string, string];
	const name = Object.prototype.hasOwnProperty.call(CHART, account) ? CHART[account as GlAccount] : 'account';
	const [prefix, ref] = sub ? [sub.slice(0, sub.indexOf(':')), sub.slice(sub.indexOf(':') + 1)] : ['', ''];
	const where = `${name} (${account})${sub ? `, ${SUB_WORDS[prefix] ?? prefix} ${ref}` : ''}`;
	if (!amount || amount.isZero()) return `${where}: nothing`;
	return `${where}: ${amount.isNegative() ? 'credit' : 'debit'} ${formatUSD(amount.abs())}`;
}

function ledgerCheck(c: Extract<ScenarioCheck, { kind: 'ledger' }>, ctx: CheckContext): Outcome {
	const ref = netPostings(ctx.reference.events, c.accounts);
	const mine = netPostings(ctx.trainee.events, c.accounts);
	const list = (net: Map<string, Money>) => ([...net.keys()].sort().map((k) => postingWords(k, net.get(k))).join('; ') || 'nothing posted');
	const expected = c.expected ?? `Postings: ${list(ref)}`;
	const keys = [...new Set([...ref.keys(), ...mine.keys()])].sort();
	const differ = keys.filter((k) => !(ref.get(k) ?? Money.ZERO).eq(mine.get(k) ?? Money.ZERO));
	if (differ.length === 0) return { expected, done: `Postings: ${list(mine)}`, passed: true };
	const parts = differ.map((k) => `${postingWords(k, mine.get(k))} (should be ${postingWords(k, ref.get(k)).replace(/^.*: /, '')})`);
	return { expected, done: `Postings that differ: ${parts.join('; ')}`, passed: false };
}

function sameJson(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
	if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
		const ka = Object.keys(a).sort();
		const kb = Object.keys(b).sort();
		return sameJson(ka, kb) && ka.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
	}
	return false;
}

function referenceCheck(c: Extract<ScenarioCheck, { kind: 'same-as-reference' }>, ctx: CheckContext): Outcome {
	const args = resolvePlaceholders(c.args, ctx.lookup);
	const want = readProbe(ctx.reference.state, c.probe, args);
	const got = readProbe(ctx.trainee.state, c.probe, args);
	return { expected: c.expected ?? sentence(want.words), done: sentence(got.words), passed: sameJson(want.value, got.value) };
}

function stateCheck(c: Extract<ScenarioCheck, { kind: 'state' }>, ctx: CheckContext): Outcome {
	const args = resolvePlaceholders(c.args, ctx.lookup);
	const pattern = resolvePlaceholders(c.equals, ctx.lookup);
	const got = readProbe(ctx.trainee.state, c.probe, args);
	return { expected: c.expected ?? sentence(patternWords(pattern)), done: sentence(got.words), passed: matches(pattern, got.value) };
}

function approvalCheck(c: Extract<ScenarioCheck, { kind: 'approval-requested' }>, ctx: CheckContext): Outcome {
	const pattern = c.match === undefined ? {} : resolvePlaceholders(c.match, ctx.lookup);
	const expected = c.expected ?? `A request for supervisor approval (${c.approval})${c.match === undefined ? '' : ` for ${patternWords(pattern)}`}`;
	const all = ctx.trainee.events.filter((e) => e.type === 'approval.requested');
	const ofKind = all.filter((e) => e.kind === c.approval);
	const fits = ofKind.filter((e) => matches(pattern, e.payload));
	if (fits.length > 0) return { expected, done: fits.map(describeEvent).join(' · '), passed: true };
	if (ofKind.length > 0) return { expected, done: closest(ofKind, pattern, (e) => e.payload), passed: false };
	if (all.length > 0) return { expected, done: all.map(describeEvent).join(' · '), passed: false };
	return { expected, done: 'No supervisor approval was requested.', passed: false };
}

function answerCheck(c: Extract<ScenarioCheck, { kind: 'answer' }>, ctx: CheckContext): Outcome {
	const q = ctx.scenario.questions.find((x) => x.id === c.question);
	if (!q) throw new Error(`Check ${c.id} grades question ${c.question}, which the scenario does not have`);
	const key = resolvePlaceholders(q.answer, ctx.lookup);
	const typed = Object.prototype.hasOwnProperty.call(ctx.answers, q.id) ? ctx.answers[q.id] : undefined;
	const given = typed === undefined || typed.trim() === '' ? 'No answer given.' : `You answered: ${answerWords(q, typed)}`;
	return { expected: c.expected ?? `Answer: ${answerWords(q, key)}`, done: given, passed: answerIsRight(q, key, typed) };
}

function rubricCheck(c: Extract<ScenarioCheck, { kind: 'rubric' }>, ctx: CheckContext): Outcome {
	const total = c.criteria.reduce((s, k) => s + k.points, 0);
	const expected = c.expected ?? `Scored by a supervisor: ${c.criteria.map((k) => `${k.criterion} (${k.points} point${k.points === 1 ? '' : 's'})`).join('; ')}`;
	const review = Object.prototype.hasOwnProperty.call(ctx.reviews, c.id) ? ctx.reviews[c.id] : undefined;
	if (!review) return { expected, done: 'Waiting for a supervisor to score it.', passed: false, pending: true };
	if (review.points.length !== c.criteria.length || review.points.some((p, i) => !Number.isSafeInteger(p) || p < 0 || p > c.criteria[i]!.points)) {
		throw new RangeError(`Review of ${c.id} needs ${c.criteria.length} whole-number scores within each criterion's points`);
	}
	const awarded = review.points.reduce((s, p) => s + p, 0);
	const comment = review.comment?.trim() ? `: “${review.comment.trim()}”` : '';
	return {
		expected,
		done: `Scored ${awarded} of ${total} points${comment}`,
		passed: awarded >= c.passPoints,
		earned: { num: BigInt(c.weight) * BigInt(awarded), den: BigInt(total) }
	};
}

/** One check's result, and its exact earned share when it earns part of its weight. */
export function evaluateCheck(c: ScenarioCheck, ctx: CheckContext): { result: CheckResult; earned?: Earned } {
	const outcome = evaluate(c, ctx);
	const description = resolveText(c.description, ctx.lookup);
	const result: CheckResult = {
		id: c.id,
		kind: c.kind,
		description,
		expected: resolveText(outcome.expected, ctx.lookup),
		done: outcome.done,
		passed: outcome.passed,
		pending: outcome.pending ?? false,
		weight: c.weight,
		critical: c.critical,
		earned: outcome.pending ? '0' : outcome.earned ? earnedText(outcome.earned) : outcome.passed ? String(c.weight) : '0'
	};
	return outcome.earned ? { result, earned: outcome.earned } : { result };
}

function resolveText(text: string, lookup: Lookup): string {
	return text.includes('{{') ? resolvePlaceholders(text, lookup) : text;
}

function evaluate(c: ScenarioCheck, ctx: CheckContext): Outcome {
	switch (c.kind) {
		case 'event':
			return eventCheck(c, ctx);
		case 'no-event':
			return noEventCheck(c, ctx);
		case 'ledger':
			return ledgerCheck(c, ctx);
		case 'same-as-reference':
			return referenceCheck(c, ctx);
		case 'state':
			return stateCheck(c, ctx);
		case 'approval-requested':
			return approvalCheck(c, ctx);
		case 'answer':
			return answerCheck(c, ctx);
		case 'rubric':
			return rubricCheck(c, ctx);
	}
}
