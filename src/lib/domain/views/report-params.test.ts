import { describe, expect, it } from 'vitest';
import { dateParam, monthParam, rangeParams } from './report-params';

describe('report parameters', () => {
	it('takes a blank date as the default and a real date as typed', () => {
		expect(dateParam(null, '2026-11-16')).toEqual({ ok: true, value: '2026-11-16', typed: '2026-11-16' });
		expect(dateParam(' 2026-02-28 ', '2026-11-16')).toEqual({ ok: true, value: '2026-02-28', typed: '2026-02-28' });
	});

	it('refuses dates that are not real, with the typed text kept', () => {
		for (const bad of ['2026-02-30', '11/16/2026', 'yesterday', '2026-13-01']) {
			const r = dateParam(bad, '2026-11-16');
			expect(r.ok).toBe(false);
			if (!r.ok) {
				expect(r.error).toContain(bad);
				expect(r.error).toContain('YYYY-MM-DD');
				expect(r.typed).toBe(bad);
			}
		}
	});

	it('reads months and ranges', () => {
		expect(monthParam('2026-10', '2026-11')).toMatchObject({ ok: true, value: '2026-10' });
		expect(monthParam('2026-13', '2026-11')).toMatchObject({ ok: false });
		expect(monthParam('', '2026-11')).toMatchObject({ ok: true, value: '2026-11' });
		expect(rangeParams('2026-11-01', '2026-11-16', { from: '2026-11-16', to: '2026-11-16' })).toMatchObject({ ok: true, from: '2026-11-01', to: '2026-11-16' });
		expect(rangeParams('2026-11-16', '2026-11-01', { from: '2026-11-16', to: '2026-11-16' })).toMatchObject({ ok: false, field: 'to' });
		expect(rangeParams('nope', '', { from: '2026-11-16', to: '2026-11-16' })).toMatchObject({ ok: false, field: 'from' });
	});
});
