import { beforeAll, describe, expect, it } from 'vitest';
import { screenInvoice } from '../payables';
import { invoiceScreen, invoiceTray } from './payables';
import { smallCity } from './office-test-city';

describe('vendor invoice screening view', () => {
	// Generating the city takes a few seconds, longer on a busy machine.
	beforeAll(() => void smallCity(), 120_000);

	it('lists the twelve invoices waiting and the latest decisions', () => {
		const { state } = smallCity();
		const tray = invoiceTray(state);
		expect(tray.pending).toHaveLength(12);
		expect(tray.pending.every((r) => r.status === 'pending' && r.vendor !== '')).toBe(true);
		expect(tray.decided.length).toBeGreaterThan(0);
		expect(tray.decided.length).toBeLessThanOrEqual(15);
	});

	it('marks exactly the checks screenInvoice fails, for every invoice waiting', () => {
		const { state } = smallCity();
		for (const row of invoiceTray(state).pending) {
			const screen = invoiceScreen(state, row.id)!;
			const failed = screen.checks.filter((c) => c.result === 'fail').map((c) => c.code);
			expect(failed).toEqual(screenInvoice(state.payables, state.payables.invoices[row.id]!));
			expect(screen.checks).toHaveLength(13);
			expect(screen.checks.every((c) => c.detail.length > 0)).toBe(true);
		}
	});

	it('shows the line that does not multiply out, and leaves PO checks unchecked without a PO', () => {
		const { state } = smallCity();
		const screens = invoiceTray(state).pending.map((r) => invoiceScreen(state, r.id)!);
		const extension = screens.find((s) => s.defects.includes('extension-error'))!;
		expect(extension.invoice.lines.some((l) => !l.matches && !l.computed.eq(l.extension))).toBe(true);
		const noPo = screens.find((s) => s.defects.includes('missing-po'))!;
		expect(noPo.po).toBeUndefined();
		expect(noPo.checks.filter((c) => c.result === 'not-checked').map((c) => c.code)).toEqual(['wrong-vendor-po', 'not-received', 'po-balance']);
	});

	it('screens an approved invoice as it stood before its own approval spent the PO', () => {
		const { state, run } = smallCity();
		const clean = invoiceTray(state).pending.map((r) => invoiceScreen(state, r.id)!).find((s) => s.defects.length === 0)!;
		run({ type: 'ap.approve', invoiceId: clean.invoice.id });
		const after = invoiceScreen(state, clean.invoice.id)!;
		expect(after.invoice.status).toBe('approved');
		expect(after.defects).toEqual([]);
		expect(invoiceTray(state).decided[0]!.id).toBe(clean.invoice.id);
	});

	it('finds nothing for an unknown or prototype id', () => {
		const { state } = smallCity();
		expect(invoiceScreen(state, 'VI-99999')).toBeUndefined();
		expect(invoiceScreen(state, '__proto__')).toBeUndefined();
	});
});
