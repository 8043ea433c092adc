import { isBusinessDateString, type BusinessDate } from '../dates';

/**
 * The date and month a report is asked for, as typed into its GET form. A blank field means the
 * default (usually the sandbox's business date); anything else must be a real date or month.
 */
export type Param<T> = { ok: true; value: T; typed: string } | { ok: false; error: string; typed: string };

export function dateParam(typed: string | null, fallback: BusinessDate, label = 'Date'): Param<BusinessDate> {
	const text = (typed ?? '').trim();
	if (text === '') return { ok: true, value: fallback, typed: fallback };
	if (!isBusinessDateString(text)) return { ok: false, error: `${label}: “${text}” is not a real date. Write it as YYYY-MM-DD, for example ${fallback}.`, typed: text };
	return { ok: true, value: text, typed: text };
}

export function monthParam(typed: string | null, fallback: string, label = 'Month'): Param<string> {
	const text = (typed ?? '').trim();
	if (text === '') return { ok: true, value: fallback, typed: fallback };
	const m = /^(\d{4})-(\d{2})$/.exec(text);
	if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return { ok: false, error: `${label}: “${text}” is not a month. Write it as YYYY-MM, for example ${fallback}.`, typed: text };
	return { ok: true, value: text, typed: text };
}

/** A from–to range of business days; `to` before `from` is refused. */
export function rangeParams(from: string | null, to: string | null, fallback: { from: BusinessDate; to: BusinessDate }): { ok: true; from: BusinessDate; to: BusinessDate; typed: { from: string; to: string } } | { ok: false; error: string; field: 'from' | 'to'; typed: { from: string; to: string } } {
	const f = dateParam(from, fallback.from, 'From');
	const t = dateParam(to, fallback.to, 'To');
	const typed = { from: f.typed, to: t.typed };
	if (!f.ok) return { ok: false, error: f.error, field: 'from', typed };
	if (!t.ok) return { ok: false, error: t.error, field: 'to', typed };
	if (t.value < f.value) return { ok: false, error: `The “to” date (${t.value}) is before the “from” date (${f.value}).`, field: 'to', typed };
	return { ok: true, from: f.value, to: t.value, typed };
}
