import { describe, expect, it } from 'vitest';
import { csvField, readCsv, writeCsv } from './csv';
import { clockTime, longDate } from './format';

describe('writing CSV (RFC 4180)', () => {
	it('quotes fields with commas, quotes and line breaks; doubles inner quotes; ends records with CRLF', () => {
		expect(writeCsv([['a', 'b,c', 'say "hi"', 'two\nlines', 'cr\rhere', '']])).toBe('a,"b,c","say ""hi""","two\nlines","cr\rhere",\r\n');
		expect(writeCsv([['x'], ['y']])).toBe('x\r\ny\r\n');
	});

	it('neutralizes a leading = + - @ tab or CR against spreadsheet formulas', () => {
		expect(csvField('=SUM(A1:A9)')).toBe("'=SUM(A1:A9)");
		expect(csvField('+1-555-0100')).toBe("'+1-555-0100");
		expect(csvField('-2+3')).toBe("'-2+3");
		expect(csvField('@cmd')).toBe("'@cmd");
		expect(csvField('\tx')).toBe("'\tx");
		// Quoting still applies after the apostrophe.
		expect(csvField('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
		expect(csvField('\r=1')).toBe(`"'\r=1"`);
		// Plain numbers stay numbers.
		expect(csvField('-2.50')).toBe('-2.50');
		expect(csvField('87.5')).toBe('87.5');
		expect(csvField(3)).toBe('3');
		// Not at the start: untouched.
		expect(csvField('a=b')).toBe('a=b');
		expect(csvField(null)).toBe('');
	});

	it('a byte order mark on request', () => {
		expect(writeCsv([['é']], { bom: true })).toBe('\uFEFFé\r\n');
	});

	it('what it writes reads back the same (apart from the neutralizing apostrophe)', () => {
		const rows = [['id', 'name', 'note'], ['A-1', 'O’Brien, Pat', 'said "no"\r\nthen left'], ['A-2', '', '']];
		const read = readCsv(writeCsv(rows));
		expect(read.ok && read.records.map((r) => r.fields)).toEqual(rows);
	});
});

describe('reading CSV', () => {
	it('CRLF or LF, quoted commas, quotes and line breaks; BOM dropped; last line break optional', () => {
		const read = readCsv('\uFEFFa,b\r\n"1,5","he said ""ok"""\n"multi\nline",x');
		expect(read.ok).toBe(true);
		if (!read.ok) return;
		expect(read.records.map((r) => r.fields)).toEqual([
			['a', 'b'],
			['1,5', 'he said "ok"'],
			['multi\nline', 'x']
		]);
		expect(read.records.map((r) => r.line)).toEqual([1, 2, 3]);
	});

	it('rows count like a spreadsheet: blank lines count, line breaks inside cells do not', () => {
		const read = readCsv('h\n"a\nb"\n\nc\n');
		expect(read.ok && read.records.map((r) => [r.fields[0], r.row, r.line])).toEqual([
			['h', 1, 1],
			['a\nb', 2, 2],
			['c', 4, 5]
		]);
	});

	it('keeps empty cells and a quoted empty record', () => {
		const read = readCsv('a,,c\n""\n');
		expect(read.ok && read.records.map((r) => r.fields)).toEqual([['a', '', 'c'], ['']]);
	});

	it('says where the quotes go wrong', () => {
		expect(readCsv('a\n"open,b\nc')).toEqual({ ok: false, error: 'Line 2: a quoted cell is never closed (a quote is missing).', line: 2 });
		const mid = readCsv('a\nab"c');
		expect(mid.ok).toBe(false);
		expect(!mid.ok && mid.error).toMatch(/^Line 2: a quote in the middle of an unquoted cell/);
		const after = readCsv('"ab"c');
		expect(!after.ok && after.error).toMatch(/^Line 1: a closing quote must be followed by a comma/);
	});

	it('empty text has no records', () => {
		expect(readCsv('')).toEqual({ ok: true, records: [] });
		expect(readCsv('\n\n')).toEqual({ ok: true, records: [] });
	});
});

describe('session dates and times', () => {
	it('written out for tickets and letters', () => {
		expect(longDate('2027-03-14')).toBe('Sunday, March 14, 2027');
		expect(longDate('soon')).toBe('soon');
		expect(clockTime('09:00')).toBe('9:00 AM');
		expect(clockTime('12:30')).toBe('12:30 PM');
		expect(clockTime('00:05')).toBe('12:05 AM');
		expect(clockTime('13:45')).toBe('1:45 PM');
	});
});
