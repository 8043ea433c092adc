import { describe, expect, it } from 'vitest';
import { describeRowError, parseRoster, validateApplicant } from './roster';
import { accessCodeFrom, normalizeAccessCode } from './codes';

const GOOD = [
	'applicant_id,name,email,accommodation,sex,race_ethnicity,age_40_or_over',
	'A-1001,Maria Alvarez,maria@example.com,,Female,Hispanic or Latino,no',
	'A-1002,"Chen, David",dchen@example.org,1.5,Male,Asian,yes',
	'A-1003,Pat O’Brien,pat@example.net,2x,,Declined,'
].join('\r\n');

describe('roster CSV', () => {
	it('reads every applicant with accommodation and voluntary fields', () => {
		const p = parseRoster(GOOD);
		expect(p.ok).toBe(true);
		expect(p.errors).toEqual([]);
		expect(p.applicants).toEqual([
			{ applicantId: 'A-1001', name: 'Maria Alvarez', email: 'maria@example.com', accommodation: '1', demographics: { sex: 'Female', raceEthnicity: 'Hispanic or Latino', age40: 'No' } },
			{ applicantId: 'A-1002', name: 'Chen, David', email: 'dchen@example.org', accommodation: '1.5', demographics: { sex: 'Male', raceEthnicity: 'Asian', age40: 'Yes' } },
			{ applicantId: 'A-1003', name: 'Pat O’Brien', email: 'pat@example.net', accommodation: '2', demographics: {} }
		]);
	});

	it('header names are matched loosely; unknown columns are listed and ignored', () => {
		const p = parseRoster('Applicant ID,Full Name,E-mail,Phone\nA1,Ann Lee,ann@example.com,555-0100\n');
		expect(p.ok).toBe(true);
		expect(p.ignoredColumns).toEqual(['Phone']);
		expect(p.applicants[0]!.name).toBe('Ann Lee');
	});

	it('every bad row is reported with its row and column; nothing is importable', () => {
		const text = [
			'applicant_id,name,email,accommodation',
			'A-1,Ann Lee,ann@example.com,',
			'A 2,,not-an-email,0.5', // row 3: three problems
			'A-3,Bo Diaz,bo@example.com,time and a half',
			'a-1,Cy Fox,cy@example.com,', // duplicate id (case-insensitive) of row 2
			'A-5,Di Gray,ANN@example.com,4.5', // duplicate email of row 2; too much time
			'A-6,Ed Hu,ed@example.com,1.255'
		].join('\n');
		const p = parseRoster(text);
		expect(p.ok).toBe(false);
		expect(p.applicants).toEqual([]);
		expect(p.errors.map(describeRowError)).toEqual([
			'Row 3, column applicant_id: “A 2” is not a usable applicant id: use up to 32 letters, digits, dashes or underscores, starting with a letter or digit.',
			'Row 3, column name: The name is missing.',
			'Row 3, column email: “not-an-email” is not an email address like name@example.com.',
			'Row 3, column accommodation: The time multiplier must be from 1 to 4 (1 is standard time; 1.5 is time and a half); “0.5” is not.',
			'Row 4, column accommodation: “time and a half” is not a time multiplier: write a number like 1.5 (time and a half), or leave it blank for standard time.',
			'Row 5, column applicant_id: Duplicate applicant id a-1: also on row 2.',
			'Row 6, column accommodation: The time multiplier must be from 1 to 4 (1 is standard time; 1.5 is time and a half); “4.5” is not.',
			'Row 7, column accommodation: “1.255” is not a time multiplier: write a number like 1.5 (time and a half), or leave it blank for standard time.'
		]);
		// The duplicate email on row 6 is found once its other problem is fixed.
		const fixed = parseRoster(text.replace('4.5', '1').replace('a-1,Cy', 'A-4,Cy').replace('A 2,,not-an-email,0.5', 'A-2,Al Ng,al@example.com,').replace('time and a half', '1.5').replace('1.255', '1.25'));
		expect(fixed.errors.map(describeRowError)).toEqual(['Row 6, column email: Duplicate email ANN@example.com: also on row 2.']);
	});

	it('duplicates against the roster already in the session', () => {
		const p = parseRoster('applicant_id,name,email\nA-9,New Person,new@example.com\nA-1,Again,other@example.com\n', [{ applicantId: 'A-1', email: 'x@example.com' }]);
		expect(p.errors.map(describeRowError)).toEqual(['Row 3, column applicant_id: Duplicate applicant id A-1: already on this session’s roster.']);
	});

	it('file-level problems: empty, no applicants, missing or repeated columns, bad quoting, extra cells', () => {
		expect(parseRoster('').errors[0]!.message).toMatch(/The file is empty/);
		expect(parseRoster('applicant_id,name,email\n').errors[0]!.message).toMatch(/no applicants/);
		expect(describeRowError(parseRoster('id,name\nA,B\n').errors[0]!)).toBe(
			'Row 1: The header row has no email column. The first row must name the columns: applicant_id, name, email, and optionally accommodation, sex, race_ethnicity, age_40_or_over.'
		);
		expect(parseRoster('id,name,email,email\n').errors[0]!.message).toMatch(/appears twice/);
		expect(parseRoster('id,name,email\n"A,B,c@d.ef\n').errors[0]!.message).toMatch(/not valid CSV. Line 2: a quoted cell is never closed/);
		expect(describeRowError(parseRoster('id,name,email\nA1,Lee, Ann,ann@example.com\n').errors[0]!)).toMatch(/^Row 2: This row has 4 cells but the header has 3; a name or address with a comma must be in quotes./);
	});

	it('one applicant from the edit form', () => {
		expect(validateApplicant({ applicantId: ' A-7 ', name: '  Lee   Ann ', email: 'lee@example.com', accommodation: '1.50' })).toEqual({
			ok: true,
			applicant: { applicantId: 'A-7', name: 'Lee Ann', email: 'lee@example.com', accommodation: '1.5', demographics: {} }
		});
		const bad = validateApplicant({ applicantId: 'A-7', name: 'X', email: 'x@example.com', age40: 'maybe' });
		expect(bad.ok === false && bad.problems).toEqual([{ column: 'age40', message: '“maybe” is not yes or no; leave it blank when the applicant did not say.' }]);
	});
});

describe('access codes', () => {
	it('12 symbols from 60 random bits, grouped by four', () => {
		expect(accessCodeFrom(new Uint8Array(8))).toBe('0000-0000-0000');
		expect(accessCodeFrom(new Uint8Array([255, 255, 255, 255, 255, 255, 255, 255]))).toBe('ZZZZ-ZZZZ-ZZZZ');
		// 0x0842108421084210 = 0000 1000 0100 0010 … : every 5-bit group is 00001, the last 4 bits dropped.
		expect(accessCodeFrom(new Uint8Array([0x08, 0x42, 0x10, 0x84, 0x21, 0x08, 0x42, 0x10]))).toBe('1111-1111-1111');
		expect(() => accessCodeFrom(new Uint8Array(7))).toThrow();
	});

	it('typed codes are read forgivingly', () => {
		expect(normalizeAccessCode('abcd-efgh-jkmn')).toBe('ABCDEFGHJKMN');
		expect(normalizeAccessCode(' ABCD EFGH JKOI ')).toBe('ABCDEFGHJK01');
		expect(normalizeAccessCode('ABCD-EFGH-JKM')).toBeNull();
		expect(normalizeAccessCode('ABCD-EFGH-JKMU')).toBeNull();
	});
});
