/**
 * The exam-day roster as HR brings it in: a CSV file with a header row. Required columns are the
 * applicant id, the name and the email; optional ones an accommodation (a time multiplier such as
 * 1.5) and voluntary demographic fields used only for the adverse-impact check.
 *
 * Every row is checked on its own and every problem is reported with its row and column, so HR
 * can fix the file in one go; a roster with any error is imported not at all.
 */
import { isPlainDecimal, dec, plain } from '../exams/decimal';
import { MAX_ACCOMMODATION } from '../exams/timing';
import { readCsv } from './csv';

export const DEMOGRAPHIC_FIELDS = [
	{ key: 'sex', label: 'Sex', header: 'sex' },
	{ key: 'raceEthnicity', label: 'Race/ethnicity', header: 'race_ethnicity' },
	{ key: 'age40', label: 'Age 40 or over', header: 'age_40_or_over' }
] as const;
export type DemographicKey = (typeof DEMOGRAPHIC_FIELDS)[number]['key'];
export type Demographics = Partial<Record<DemographicKey, string>>;

export type ApplicantInput = {
	applicantId: string;
	name: string;
	email: string;
	/** Time multiplier, a plain decimal from 1 to 4 ("1" = standard time). */
	accommodation: string;
	demographics: Demographics;
};

export type ColumnKey = 'applicantId' | 'name' | 'email' | 'accommodation' | DemographicKey;

/** Header names accepted for each column (compared without case, spaces, dashes or underscores). */
const HEADERS: Record<ColumnKey, { label: string; names: string[]; required: boolean }> = {
	applicantId: { label: 'applicant_id', names: ['applicantid', 'applicant', 'id', 'applicantnumber', 'applicantno'], required: true },
	name: { label: 'name', names: ['name', 'fullname', 'applicantname'], required: true },
	email: { label: 'email', names: ['email', 'emailaddress', 'e-mail'], required: true },
	accommodation: { label: 'accommodation', names: ['accommodation', 'timemultiplier', 'extratime', 'accommodationmultiplier'], required: false },
	sex: { label: 'sex', names: ['sex', 'gender'], required: false },
	raceEthnicity: { label: 'race_ethnicity', names: ['raceethnicity', 'race', 'ethnicity'], required: false },
	age40: { label: 'age_40_or_over', names: ['age40orover', 'age40', 'over40', 'age40plus'], required: false }
};

export const ROSTER_MAX_ROWS = 2_000;
export const ROSTER_MAX_BYTES = 1_000_000;
const ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/;
const EMAIL = /^[^\s@",;<>()[\]\\]+@[^\s@",;<>()[\]\\]+\.[^\s@",;<>()[\]\\.]{2,}$/;
const CONTROL = /[\u0000-\u001f\u007f]/;

const squash = (s: string) => s.trim().replace(/\s+/g, ' ');
const headerKey = (s: string) => s.trim().toLowerCase().replace(/[\s_-]+/g, '');

export type FieldProblem = { column: ColumnKey; message: string };

/**
 * Check one applicant's fields (from a CSV row or the edit form). Text is trimmed and inner spaces
 * squashed; the result is the clean applicant or every problem, each naming its column.
 */
export function validateApplicant(raw: Partial<Record<ColumnKey, string>>): { ok: true; applicant: ApplicantInput } | { ok: false; problems: FieldProblem[] } {
	const problems: FieldProblem[] = [];
	const id = squash(raw.applicantId ?? '');
	const name = squash(raw.name ?? '');
	const email = (raw.email ?? '').trim();
	const acc = (raw.accommodation ?? '').trim().replace(/\s*[x×]$/i, '');

	if (!id) problems.push({ column: 'applicantId', message: 'The applicant id is missing.' });
	else if (!ID.test(id)) problems.push({ column: 'applicantId', message: `“${id}” is not a usable applicant id: use up to 32 letters, digits, dashes or underscores, starting with a letter or digit.` });
	if (!name) problems.push({ column: 'name', message: 'The name is missing.' });
	else if (name.length > 100 || CONTROL.test(name)) problems.push({ column: 'name', message: 'The name must be at most 100 characters of plain text.' });
	if (!email) problems.push({ column: 'email', message: 'The email address is missing.' });
	else if (email.length > 254 || !EMAIL.test(email)) problems.push({ column: 'email', message: `“${email}” is not an email address like name@example.com.` });

	let accommodation = '1';
	if (acc) {
		if (!isPlainDecimal(acc) || acc.replace(/^\d*\.?/, '').length > 2) {
			problems.push({ column: 'accommodation', message: `“${raw.accommodation!.trim()}” is not a time multiplier: write a number like 1.5 (time and a half), or leave it blank for standard time.` });
		} else if (dec(acc).lt(1) || dec(acc).gt(MAX_ACCOMMODATION)) {
			problems.push({ column: 'accommodation', message: `The time multiplier must be from 1 to ${MAX_ACCOMMODATION} (1 is standard time; 1.5 is time and a half); “${acc}” is not.` });
		} else accommodation = plain(dec(acc));
	}

	const demographics: Demographics = {};
	for (const f of DEMOGRAPHIC_FIELDS) {
		const value = squash(raw[f.key] ?? '');
		if (!value) continue;
		if (f.key === 'age40') {
			const yes = /^(y|yes|true|1)$/i.test(value);
			const no = /^(n|no|false|0)$/i.test(value);
			if (!yes && !no) problems.push({ column: 'age40', message: `“${value}” is not yes or no; leave it blank when the applicant did not say.` });
			else demographics.age40 = yes ? 'Yes' : 'No';
		} else if (value.length > 60 || CONTROL.test(value)) {
			problems.push({ column: f.key, message: `${f.label} must be at most 60 characters.` });
		} else if (!/^(declined?|prefer not to (say|answer)|not stated)$/i.test(value)) {
			demographics[f.key] = value;
		}
	}
	if (problems.length) return { ok: false, problems };
	return { ok: true, applicant: { applicantId: id, name, email, accommodation, demographics } };
}

export type RowError = { row: number; column: string | null; message: string };
export type PreviewRow = { row: number; applicant: ApplicantInput | null; raw: Partial<Record<ColumnKey, string>>; errors: RowError[] };

export type RosterPreview = {
	ok: boolean;
	rows: PreviewRow[];
	/** Every problem in file order: file-level ones (row null→0) first. */
	errors: RowError[];
	/** Header cells that are not roster columns (ignored). */
	ignoredColumns: string[];
	columns: ColumnKey[];
	applicants: ApplicantInput[];
};

export const columnLabel = (c: ColumnKey): string => HEADERS[c].label;

/** A problem message as HR reads it: “Row 4, column email: …”. */
export function describeRowError(e: RowError): string {
	if (e.row === 0) return e.message;
	return `Row ${e.row}${e.column ? `, column ${e.column}` : ''}: ${e.message}`;
}

/**
 * Read a roster file and check every row. `existing` are applicants already on the session's
 * roster: an id or email repeated from them (or from an earlier row) is a duplicate.
 */
export function parseRoster(text: string, existing: readonly Pick<ApplicantInput, 'applicantId' | 'email'>[] = []): RosterPreview {
	const fail = (message: string): RosterPreview => ({ ok: false, rows: [], errors: [{ row: 0, column: null, message }], ignoredColumns: [], columns: [], applicants: [] });
	if (text.length > ROSTER_MAX_BYTES) return fail(`The file is too large: a roster may be at most ${ROSTER_MAX_BYTES / 1_000_000} MB.`);
	const read = readCsv(text);
	if (!read.ok) return fail(`The file is not valid CSV. ${read.error}`);
	const [header, ...records] = read.records;
	if (!header) return fail('The file is empty. It needs a header row (applicant_id, name, email, …) and one row per applicant.');

	// Map header cells to columns.
	const columnAt = new Map<number, ColumnKey>();
	const ignoredColumns: string[] = [];
	const seen = new Map<ColumnKey, number>();
	const errors: RowError[] = [];
	header.fields.forEach((cell, i) => {
		const key = (Object.keys(HEADERS) as ColumnKey[]).find((k) => HEADERS[k].names.includes(headerKey(cell)));
		if (!key) {
			if (cell.trim()) ignoredColumns.push(cell.trim());
			return;
		}
		if (seen.has(key)) errors.push({ row: header.row, column: cell.trim(), message: `The column ${HEADERS[key].label} appears twice in the header (columns ${seen.get(key)! + 1} and ${i + 1}).` });
		seen.set(key, i);
		columnAt.set(i, key);
	});
	const missing = (Object.keys(HEADERS) as ColumnKey[]).filter((k) => HEADERS[k].required && !seen.has(k));
	if (missing.length) {
		errors.push({
			row: header.row,
			column: null,
			message: `The header row has no ${missing.map((k) => HEADERS[k].label).join(', ')} column${missing.length === 1 ? '' : 's'}. The first row must name the columns: applicant_id, name, email, and optionally accommodation, sex, race_ethnicity, age_40_or_over.`
		});
	}
	if (errors.length) return { ok: false, rows: [], errors, ignoredColumns, columns: [...seen.keys()], applicants: [] };
	if (records.length === 0) return fail('The file has a header row but no applicants.');
	if (records.length > ROSTER_MAX_ROWS) return fail(`The file has ${records.length} applicants; one session can take at most ${ROSTER_MAX_ROWS}.`);

	const ids = new Map<string, string>();
	const emails = new Map<string, string>();
	for (const e of existing) {
		ids.set(e.applicantId.toLowerCase(), 'already on this session’s roster');
		emails.set(e.email.toLowerCase(), 'already on this session’s roster');
	}
	const rows: PreviewRow[] = records.map((rec) => {
		const raw: Partial<Record<ColumnKey, string>> = {};
		for (const [i, key] of columnAt) raw[key] = rec.fields[i] ?? '';
		const rowErrors: RowError[] = [];
		if (rec.fields.length > header.fields.length && rec.fields.slice(header.fields.length).some((f) => f.trim())) {
			rowErrors.push({ row: rec.row, column: null, message: `This row has ${rec.fields.length} cells but the header has ${header.fields.length}; a name or address with a comma must be in quotes.` });
		}
		const checked = validateApplicant(raw);
		if (!checked.ok) for (const p of checked.problems) rowErrors.push({ row: rec.row, column: HEADERS[p.column].label, message: p.message });
		if (checked.ok) {
			const a = checked.applicant;
			const idWas = ids.get(a.applicantId.toLowerCase());
			if (idWas) rowErrors.push({ row: rec.row, column: HEADERS.applicantId.label, message: `Duplicate applicant id ${a.applicantId}: ${idWas}.` });
			const emailWas = emails.get(a.email.toLowerCase());
			if (emailWas) rowErrors.push({ row: rec.row, column: HEADERS.email.label, message: `Duplicate email ${a.email}: ${emailWas}.` });
			if (!idWas) ids.set(a.applicantId.toLowerCase(), `also on row ${rec.row}`);
			if (!emailWas) emails.set(a.email.toLowerCase(), `also on row ${rec.row}`);
		}
		return { row: rec.row, applicant: checked.ok ? checked.applicant : null, raw, errors: rowErrors };
	});
	const allErrors = rows.flatMap((r) => r.errors);
	return {
		ok: allErrors.length === 0,
		rows,
		errors: allErrors,
		ignoredColumns,
		columns: [...seen.keys()],
		applicants: allErrors.length === 0 ? rows.map((r) => r.applicant!) : []
	};
}
