import { describe, expect, it } from 'vitest';
import type { DomainEvent } from '$lib/domain/model';
import { EXPORT_COLUMNS, exportCsv } from './export';
import { offsetText, readStep, stepsOf } from './replay';

const ev = (seq: number, type: string, at: string, extra: Record<string, unknown> = {}): DomainEvent => ({ seq, type, at, date: '2026-11-26', actor: 'u1', ...extra });

describe('attempt replay', () => {
	it('groups the trainee’s events into one step per command, with the time from the start', () => {
		const steps = stepsOf(
			[
				ev(10, 'cash.payment-taken', '2026-11-26T17:01:05.000Z', {
					receiptNo: 'R-1',
					total: '108.82',
					lines: [{ ref: '100-0006' }],
					tenders: [{ type: 'cash' }],
					journal: { memo: 'Receipt R-1', lines: [{ account: '1010', debit: '108.82' }, { account: '1200', credit: '108.82', sub: 'utility:100-0006' }] }
				}),
				ev(11, 'approval.requested', '2026-11-26T17:03:00.000Z', { id: 'APR-1', summary: 'Void R-1' }),
				ev(12, 'utility.note-added', '2026-11-26T17:03:00.000Z', { account: '100-0006', note: 'x' })
			],
			'2026-11-26T17:00:00.000Z'
		);
		expect(steps.map((s) => [s.index, s.title, s.offsetSeconds, s.events.length])).toEqual([
			[1, 'Payment taken', 65, 1],
			[2, 'Supervisor approval requested', 180, 2]
		]);
		expect(steps[0]!.events[0]!.lines).toEqual([
			{ account: '1010', name: expect.any(String), sub: '', debit: '$108.82', credit: '' },
			{ account: '1200', name: expect.any(String), sub: 'utility:100-0006', debit: '', credit: '$108.82' }
		]);
		expect(offsetText(65)).toBe('1:05');
	});

	it('reads ?step= as a whole number within the steps, else the start', () => {
		expect(readStep('2', 3)).toBe(2);
		expect(readStep('9', 3)).toBe(3);
		expect(readStep('-1', 3)).toBe(0);
		expect(readStep('abc', 3)).toBe(0);
		expect(readStep(null, 3)).toBe(0);
	});
});

describe('CSV export', () => {
	it('writes RFC 4180: a header, CRLF records, fields with commas or quotes quoted', () => {
		const csv = exportCsv([['Lin Chen', 'trainee3', 'Cash payment at the counter, with change', 'Cashiering', '2026-11-20T17:00:00.000Z', '', 'Waiting for grading', '', '', '', '', '150', 'att_1']]);
		const [header, row, end] = csv.split('\r\n');
		expect(header).toBe(EXPORT_COLUMNS.join(','));
		expect(row).toBe('Lin Chen,trainee3,"Cash payment at the counter, with change",Cashiering,2026-11-20T17:00:00.000Z,,Waiting for grading,,,,,150,att_1');
		expect(end).toBe('');
	});
});
