/**
 * Results of an exam session, read from the stored exam attempts: the one place HR's results
 * pages get candidate scores and item responses from.
 *
 * Read-only over the runner's files (`exams/attempts/<id>` and `exams/attempt-items/<id>`, see
 * src/lib/server/exams/attempts.ts): a candidate's attempt is the one the roster links to
 * (Candidate.attemptId). An attempt still in progress has no score yet; closing overdue attempts
 * is the runner's job, not this reader's. An attempt a proctor voided has no score either: it is
 * not ranked and does not count as failing.
 */
import { hasSkillsPassMark } from '$lib/exams';
import type { AttemptScore, DeliveredItem, ExamItem, ItemOutcome, ItemResponse, SkillsLine } from '$lib/exams';
import type { AnalysisItem, CandidateScores } from '$lib/hr/item-analysis';
import type { CandidateResultRow } from '$lib/hr/eligibility';
import type { Demographics } from '$lib/hr/roster';
import type { Store } from '../store';
import { ATTEMPT_ID, type ExamSession } from './sessions';

/** The parts of a stored attempt this reader uses (the runner's Attempt has more). */
export type StoredAttempt = {
	id: string;
	blueprintId: string;
	status: 'in-progress' | 'submitted' | 'closed-at-deadline' | 'voided';
	/** Why and by whom a proctor voided the attempt. */
	voided?: { reason: string; by: string; at: number };
	exam: { title: string; sections: { id: string; title: string }[] };
	accommodation: string;
	startedAt: number;
	submittedAt: number | null;
	closedAt: number | null;
	delivered: DeliveredItem[];
	answers: (ItemResponse | null)[];
	score: AttemptScore | null;
};
type StoredItems = { items: ExamItem[] };

export type ItemResult = {
	itemId: string;
	sectionId: string;
	outcome: ItemOutcome;
	/** Null while a person has not scored it. */
	points: string | null;
	max: string;
	/** Choice items: options chosen, as indexes in the item's written order ([] = no answer). */
	chosen?: number[];
};

/** One skills test of a candidate: net WPM (typing) or net KPH (10-key), as the runner scored it. */
export type SkillFigure = {
	itemId: string;
	kind: 'typing' | 'ten-key';
	unit: 'WPM' | 'KPH';
	/** Null when the test was not taken or could not be scored (`note` says which). */
	net: string | null;
	gross: string | null;
	/** Percent, 2 places. */
	accuracy: string | null;
	/** Against the test's pass marks; null when it has none. */
	passed: boolean | null;
	note: string | null;
};

export type CandidateResult = {
	candidateId: string;
	applicantId: string;
	name: string;
	email: string;
	accommodation: string;
	demographics: Demographics;
	attemptId: string | null;
	/** 'absent' when no attempt is linked (or its file is missing). */
	status: 'absent' | StoredAttempt['status'];
	/** The proctor's reason, for a voided attempt. */
	voidReason: string | null;
	raw: string | null;
	max: string | null;
	percent: string | null;
	passedAtBlueprint: boolean | null;
	pending: number;
	sections: { sectionId: string; title: string; raw: string; max: string; percent: string }[];
	items: ItemResult[];
	/** Skills tests in delivered order ([] when the exam has none, or no score yet). */
	skills: SkillFigure[];
};

export type SessionResults = {
	candidates: CandidateResult[];
	/** Every item delivered to anyone, with its options for the distractor analysis and a plain excerpt of its stem. */
	items: (AnalysisItem & { stem: string })[];
	/** The skills tests anyone was given (the results table's columns), in the order first seen. */
	skillsTests: { itemId: string; kind: 'typing' | 'ten-key'; label: string }[];
};

/** A skills line as HR's tables show it. */
export function skillFigure(line: SkillsLine): SkillFigure {
	const base = { itemId: line.itemId, kind: line.kind, unit: line.kind === 'typing' ? ('WPM' as const) : ('KPH' as const) };
	if (line.result === null) return { ...base, net: null, gross: null, accuracy: null, passed: null, note: 'error' in line && line.error ? line.error : 'Not taken' };
	if (line.kind === 'typing' && 'netWpm' in line.result) return { ...base, net: line.result.netWpm, gross: line.result.grossWpm, accuracy: line.result.accuracy, passed: line.result.passed, note: null };
	if (line.kind === 'ten-key' && 'netKph' in line.result) return { ...base, net: line.result.netKph, gross: line.result.grossKph, accuracy: line.result.accuracy, passed: line.result.passed, note: null };
	return { ...base, net: null, gross: null, accuracy: null, passed: null, note: 'Not taken' };
}

const OPTION_KINDS = new Set(['single-choice', 'multiple-choice', 'true-false']);

/** The options a candidate chose, in the item's written order (display positions mapped back through the delivered order). */
export function chosenOptions(d: DeliveredItem, r: ItemResponse | null | undefined): number[] | undefined {
	const order = d.order ?? [];
	if (!r) return [];
	switch (r.kind) {
		case 'single-choice':
			return r.choice === null ? [] : [order[r.choice] ?? r.choice];
		case 'multiple-choice':
			return r.choices.map((p) => order[p] ?? p).sort((a, b) => a - b);
		case 'true-false':
			return r.answer === null ? [] : [r.answer ? 0 : 1];
		default:
			return undefined;
	}
}

/** A short plain-text label from an item's stem (markdown marks dropped). */
function stemExcerpt(stem: string): string {
	const text = stem
		.replace(/\{\{(\w+)\}\}/g, '…')
		.replace(/\[\[\d+\]\]/g, '___')
		.replace(/[*_`#>|]/g, '')
		.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/\s+/g, ' ')
		.trim();
	return text.length > 90 ? `${text.slice(0, 87).trimEnd()}…` : text;
}

function analysisItem(item: ExamItem): AnalysisItem & { stem: string } {
	const base = { itemId: item.id, label: item.id, kind: item.kind, stem: stemExcerpt(item.stem) };
	if (item.kind === 'single-choice' || item.kind === 'multiple-choice') return { ...base, options: item.options.map((o) => ({ text: o.text, correct: o.correct })) };
	if (item.kind === 'true-false') return { ...base, options: [{ text: 'True', correct: item.answer }, { text: 'False', correct: !item.answer }] };
	return base;
}

/** Results for every candidate on the session's roster, in roster order. */
export async function sessionResults(store: Store, session: Pick<ExamSession, 'candidates'>): Promise<SessionResults> {
	const items = new Map<string, AnalysisItem & { stem: string }>();
	const candidates: CandidateResult[] = [];
	const skillsTests = new Map<string, SessionResults['skillsTests'][number]>();
	for (const c of session.candidates) {
		const base = {
			candidateId: c.candidateId,
			applicantId: c.applicantId,
			name: c.name,
			email: c.email,
			accommodation: c.accommodation,
			demographics: { ...c.demographics },
			attemptId: c.attemptId
		};
		const attempt = c.attemptId && ATTEMPT_ID.test(c.attemptId) ? await store.get<StoredAttempt>(`exams/attempts/${c.attemptId}`) : undefined;
		if (!attempt) {
			candidates.push({ ...base, status: 'absent', voidReason: null, raw: null, max: null, percent: null, passedAtBlueprint: null, pending: 0, sections: [], items: [], skills: [] });
			continue;
		}
		const stored = (await store.get<StoredItems>(`exams/attempt-items/${attempt.id}`))?.items ?? [];
		stored.forEach((item) => {
			if (!items.has(item.id)) items.set(item.id, analysisItem(item));
		});
		const score = attempt.status === 'in-progress' || attempt.status === 'voided' ? null : attempt.score;
		// Attempts scored before skills tests existed have no skills lines.
		const byId = new Map(stored.map((item) => [item.id, item]));
		const skills = (score?.skills ?? []).map((line) => {
			const figure = skillFigure(line);
			// A test never taken misses its pass mark, if it has one (as the attempt's own pass/fail says).
			const item = byId.get(line.itemId);
			return figure.net === null && figure.passed === null && item && hasSkillsPassMark(item) ? { ...figure, passed: false } : figure;
		});
		for (const f of skills) if (!skillsTests.has(f.itemId)) skillsTests.set(f.itemId, { itemId: f.itemId, kind: f.kind, label: f.kind === 'typing' ? 'Typing' : '10-key' });
		const titles = new Map(attempt.exam.sections.map((s) => [s.id, s.title]));
		candidates.push({
			...base,
			status: attempt.status,
			voidReason: attempt.status === 'voided' ? (attempt.voided?.reason ?? '') : null,
			raw: score?.raw ?? null,
			max: score?.max ?? null,
			percent: score?.percent ?? null,
			passedAtBlueprint: score?.passed ?? null,
			pending: score?.pending.length ?? 0,
			sections: (score?.sections ?? []).map((s) => ({ ...s, title: titles.get(s.sectionId) ?? s.sectionId })),
			items: score
				? attempt.delivered.map((d, i) => {
						const s = score.items[i]!;
						const kind = stored[i]?.kind;
						const chosen = kind && OPTION_KINDS.has(kind) ? chosenOptions(d, attempt.answers[i]) : undefined;
						return { itemId: d.itemId, sectionId: d.sectionId, outcome: s.outcome, points: s.points, max: s.max, ...(chosen ? { chosen } : {}) };
					})
				: [],
			skills
		});
	}
	// Two tests of one kind are told apart by their item id.
	const tests = [...skillsTests.values()];
	for (const t of tests) if (tests.filter((x) => x.kind === t.kind).length > 1) t.label = `${t.label} (${t.itemId})`;
	return { candidates, items: [...items.values()], skillsTests: tests };
}

/** The rows the eligibility list ranks. */
export function resultRows(results: SessionResults): CandidateResultRow[] {
	return results.candidates.map((c) => ({
		candidateId: c.candidateId,
		applicantId: c.applicantId,
		name: c.name,
		raw: c.raw,
		max: c.max,
		percent: c.percent,
		pending: c.pending,
		skillsMissed: c.skills.filter((f) => f.passed === false).map((f) => (f.kind === 'typing' ? 'typing test' : '10-key test'))
	}));
}

/** The item analysis input: every scored candidate, items scored by a person or by key (pending essays and voided items left out). */
export function analysisInput(results: SessionResults): CandidateScores[] {
	return results.candidates
		.filter((c) => c.raw !== null)
		.map((c) => ({
			candidateId: c.candidateId,
			items: c.items.filter((i): i is ItemResult & { points: string } => i.points !== null && i.outcome !== 'voided').map((i) => ({ itemId: i.itemId, points: i.points, max: i.max, ...(i.chosen ? { chosen: i.chosen } : {}) }))
		}));
}

const STATUS_WORDS: Record<CandidateResult['status'], string> = {
	absent: 'No attempt',
	'in-progress': 'Sitting the exam',
	submitted: 'Submitted',
	'closed-at-deadline': 'Closed at the deadline',
	voided: 'Voided'
};

export type ScoresTable = {
	headers: string[];
	rows: string[][];
	/** Per row: essays waiting (the page links them to the queue). */
	pending: number[];
};

/**
 * Every candidate's scores as the results page and its CSV show them (the same cells): status
 * (a voided attempt with the proctor's reason), score and percent, each section, and each skills
 * test's net rate, accuracy and pass mark.
 */
export function scoresTable(results: SessionResults): ScoresTable {
	const sections = (results.candidates.find((c) => c.sections.length)?.sections ?? []).map((x) => ({ id: x.sectionId, title: x.title }));
	const headers = [
		'Applicant id',
		'Name',
		'Status',
		'Score',
		'Percent',
		...sections.map((s) => s.title),
		...results.skillsTests.flatMap((t) => [`${t.label} net ${t.kind === 'typing' ? 'WPM' : 'KPH'}`, `${t.label} accuracy %`, `${t.label} pass mark`])
	];
	const rows = results.candidates.map((c) => {
		const status =
			c.status === 'voided' ? `Voided: ${c.voidReason}` : c.pending ? `${STATUS_WORDS[c.status]}; ${c.pending} ${c.pending === 1 ? 'essay' : 'essays'} waiting` : STATUS_WORDS[c.status];
		const skills = results.skillsTests.flatMap((t) => {
			const f = c.skills.find((x) => x.itemId === t.itemId);
			if (!f) return ['—', '—', '—'];
			if (f.net === null) return [f.note ?? 'Not taken', '—', '—'];
			return [f.net, f.accuracy ?? '—', f.passed === null ? 'None set' : f.passed ? 'Met' : 'Not met'];
		});
		return [
			c.applicantId,
			c.name,
			status,
			c.raw === null ? '—' : `${c.raw} / ${c.max}`,
			c.percent ?? '—',
			...sections.map((sec) => {
				const got = c.sections.find((x) => x.sectionId === sec.id);
				return got ? `${got.raw} / ${got.max}` : '—';
			}),
			...skills
		];
	});
	return { headers, rows, pending: results.candidates.map((c) => c.pending) };
}
