import { describe, expect, it } from 'vitest';
import { readCsv, writeCsv } from './csv';
import { eligibilityList, eligibilityTable, reachesPassingPoint, scoreNotices, semAsPercent, type CandidateResultRow } from './eligibility';

/** Out of 80 points; `percent` as the attempt stored it. */
const row = (id: string, name: string, raw: string | null, percent: string | null, pending = 0): CandidateResultRow => ({
	candidateId: id,
	applicantId: `A-${id}`,
	name,
	raw,
	max: raw === null ? null : '80.00',
	percent,
	pending
});

const ROWS = [
	row('1', 'Ann Lee', '72.00', '90.00'),
	row('2', 'Bo Diaz', '64.00', '80.00'),
	row('3', 'Cy Fox', '64.00', '80.00'),
	row('4', 'Di Gray', '55.00', '68.75'),
	row('5', 'Ed Hu', null, null),
	row('6', 'Flo Ito', '70.00', '87.50', 1),
	row('7', '=Eve', '56.00', '70.00')
];

describe('eligibility list', () => {
	it('passing point by percent or points, inclusive', () => {
		expect(reachesPassingPoint({ raw: '56.00', percent: '70.00' }, { percent: '70' })).toBe(true);
		expect(reachesPassingPoint({ raw: '55.99', percent: '69.99' }, { percent: '70' })).toBe(false);
		expect(reachesPassingPoint({ raw: '56.00', percent: '70.00' }, { points: '56' })).toBe(true);
	});

	it('ranks passing candidates with ties; the rest are not passed or not scored', () => {
		const list = eligibilityList(ROWS, { percent: '70' }, '3');
		expect(list.passing.map((e) => [e.name, e.rank, e.tied, e.certified])).toEqual([
			['Ann Lee', 1, false, true],
			['Bo Diaz', 2, true, true],
			['Cy Fox', 2, true, true],
			['=Eve', 4, false, false]
		]);
		expect(list.notPassed.map((e) => e.name)).toEqual(['Di Gray']);
		expect(list.notScored.map((e) => e.name)).toEqual(['Ed Hu', 'Flo Ito']);
	});

	it('a missed skills pass mark keeps a candidate off the list whatever the score, and the notice says why', () => {
		const rows = [row('1', 'Ann Lee', '72.00', '90.00'), { ...row('2', 'Bo Diaz', '76.00', '95.00'), skillsMissed: ['typing test'] }];
		const list = eligibilityList(rows, { percent: '70' }, 'all');
		expect(list.passing.map((e) => [e.name, e.rank])).toEqual([['Ann Lee', 1]]);
		expect(list.notPassed.map((e) => e.name)).toEqual(['Bo Diaz']);
		const notice = scoreNotices(list, { title: 'Account Clerk written exam', date: '2027-03-14' }).find((n) => n.name === 'Bo Diaz')!;
		expect(notice.outcome).toBe('not-passed');
		expect(notice.paragraphs[1]).toMatch(/reaches the passing point of 70%, but you did not meet the pass mark of the typing test/);
	});

	it('with bands, band members share a rank', () => {
		// percents 90, 80, 80, 70: width 10.5 puts the first three in band 1 and 70 in band 2.
		const list = eligibilityList(ROWS, { percent: '70' }, '1', '10.5');
		expect(list.passing.map((e) => [e.name, e.band, e.rank, e.certified])).toEqual([
			['Ann Lee', 1, 1, true],
			['Bo Diaz', 1, 1, true],
			['Cy Fox', 1, 1, true],
			['=Eve', 2, 4, false]
		]);
	});

	it('the CSV holds exactly the table the screen shows, formulas neutralized', () => {
		const list = eligibilityList(ROWS, { percent: '70' }, '3');
		const table = eligibilityTable(list);
		expect(table.headers).toEqual(['Rank', 'Applicant id', 'Name', 'Score (points)', 'Out of', 'Percent', 'Certified']);
		expect(table.rows[1]).toEqual(['2 (tie)', 'A-2', 'Bo Diaz', '64.00', '80.00', '80.00', 'Yes']);
		const csv = writeCsv([table.headers, ...table.rows]);
		expect(csv).toContain("\r\n4,A-7,'=Eve,56.00,80.00,70.00,No\r\n");
		const back = readCsv(csv);
		expect(back.ok && back.records.map((r) => r.fields.map((f) => f.replace(/^'/, '')))).toEqual([table.headers, ...table.rows]);
		expect(eligibilityTable(list, { certifiedOnly: true }).rows).toHaveLength(3);
	});

	it('SEM on the percent scale', () => {
		expect(semAsPercent('2.04', '80.00')).toBe('2.55');
		expect(semAsPercent('1', '0')).toBeNull();
	});

	it('a score notice for every scored candidate: pass with rank, or not passed', () => {
		const list = eligibilityList(ROWS, { percent: '70' }, '3');
		const notices = scoreNotices(list, { title: 'Account Clerk written exam', date: 'March 14, 2027' });
		expect(notices.map((n) => [n.name, n.outcome])).toEqual([
			['=Eve', 'passed'],
			['Ann Lee', 'passed'],
			['Bo Diaz', 'passed'],
			['Cy Fox', 'passed'],
			['Di Gray', 'not-passed']
		]);
		const bo = notices.find((n) => n.name === 'Bo Diaz')!;
		expect(bo.paragraphs[1]).toBe('Your score is 64.00 out of 80.00 points (80.00%). The passing point was 70%.');
		expect(bo.paragraphs[2]).toBe('Your rank on the eligibility list is 2 (tied with other candidates who had the same score) of 4.');
		expect(notices.find((n) => n.name === 'Di Gray')!.paragraphs[1]).toMatch(/will not be placed on this eligibility list/);
	});
});
