/**
 * CSV as RFC 4180 writes it: fields separated by commas, records ended by CRLF, a field quoted
 * when it holds a comma, a quote, a CR or an LF (quotes inside doubled). Spreadsheets run a cell
 * that starts with = + - @ (or a tab or CR) as a formula, so such text gets a leading apostrophe
 * first (OWASP's advice on CSV injection); plain numbers like "-2.50" are left as numbers.
 *
 * The reader accepts what spreadsheets save: CRLF or LF, quoted fields over several lines, a
 * UTF-8 byte order mark, and a last record with or without its line break.
 */

const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell's text, safe to open in a spreadsheet: formulas neutralized, quoted when needed. */
export function csvField(value: string | number | null | undefined): string {
	let text = value === null || value === undefined ? '' : String(value);
	if (FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) text = `'${text}`;
	return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows to CSV text, every record ended by CRLF. `bom` puts a UTF-8 byte order mark first, so Excel reads accents right. */
export function writeCsv(rows: readonly (readonly (string | number | null | undefined)[])[], options: { bom?: boolean } = {}): string {
	const body = rows.map((row) => row.map(csvField).join(',') + '\r\n').join('');
	return options.bom ? `\uFEFF${body}` : body;
}

export type CsvRecord = {
	/** The spreadsheet's row number: the header is row 1, blank lines count, line breaks inside a quoted cell do not. */
	row: number;
	/** The line of the file where the record starts. */
	line: number;
	fields: string[];
};

export type CsvRead = { ok: true; records: CsvRecord[] } | { ok: false; error: string; line: number };

/** Parse CSV text into records of fields (all text, untrimmed). Blank lines are skipped. */
export function readCsv(text: string): CsvRead {
	const src = text.startsWith('\uFEFF') ? text.slice(1) : text;
	const records: CsvRecord[] = [];
	let fields: string[] = [];
	let field = '';
	let line = 1;
	let recordLine = 1;
	let row = 1; // spreadsheet row: one per record, blank lines included, line breaks inside cells not
	let recordRow = 1;
	let quoted = false; // inside a quoted field
	let wasQuoted = false; // the current field began with a quote
	let i = 0;

	const endField = () => {
		fields.push(field);
		field = '';
		wasQuoted = false;
	};
	const endRecord = () => {
		endField();
		// A blank line is one empty, unquoted field: skip it.
		if (!(fields.length === 1 && fields[0] === '' && !recordHadQuote)) records.push({ row: recordRow, line: recordLine, fields });
		fields = [];
		recordHadQuote = false;
	};
	let recordHadQuote = false;

	while (i < src.length) {
		const c = src[i]!;
		if (quoted) {
			if (c === '"') {
				if (src[i + 1] === '"') {
					field += '"';
					i += 2;
					continue;
				}
				quoted = false;
				i++;
				const next = src[i];
				if (next !== undefined && next !== ',' && next !== '\r' && next !== '\n') {
					return { ok: false, error: `Line ${line}: a closing quote must be followed by a comma or the end of the line; to put a quote inside a quoted cell, write it twice ("").`, line };
				}
				continue;
			}
			if (c === '\n') line++;
			field += c;
			i++;
			continue;
		}
		if (c === '"' && field === '' && !wasQuoted) {
			quoted = true;
			wasQuoted = true;
			recordHadQuote = true;
			i++;
			continue;
		}
		if (c === '"') {
			return { ok: false, error: `Line ${line}: a quote in the middle of an unquoted cell; put the whole cell in quotes and write the quote twice ("").`, line };
		}
		if (c === ',') {
			endField();
			i++;
			continue;
		}
		if (c === '\r' || c === '\n') {
			endRecord();
			i += c === '\r' && src[i + 1] === '\n' ? 2 : 1;
			line++;
			row++;
			recordLine = line;
			recordRow = row;
			continue;
		}
		field += c;
		i++;
	}
	if (quoted) return { ok: false, error: `Line ${recordLine}: a quoted cell is never closed (a quote is missing).`, line: recordLine };
	if (field !== '' || fields.length > 0 || recordHadQuote) endRecord();
	return { ok: true, records };
}
