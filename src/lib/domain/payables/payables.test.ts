import { describe, expect, it } from 'vitest';
import { Engine } from '../engine';
import type { CommandContext } from '../model';
import { invoiceDefects, payablesModule } from './index';

const clerk: CommandContext = { actor: { id: 'clerk1', name: 'Ana Ruiz', supervisor: false }, at: '2026-07-07T10:00:00Z' };

/** Two vendors (one without a W-9), a PO with a receiving report, and a clean invoice against it. */
function setup() {
	const engine = new Engine([payablesModule]);
	const state = engine.emptyState('2026-07-07');
	const run = (c: Record<string, unknown>) => engine.execute(state, c as { type: string }, clerk);
	run({ type: 'ap.add-vendor', name: 'Delta Office Supply', w9OnFile: true }); // V-0001
	run({ type: 'ap.add-vendor', name: 'Central Valley Pumps', w9OnFile: false }); // V-0002
	run({ type: 'ap.add-po', number: 'PO-26-0311', vendorId: 'V-0001', department: 'Finance', amount: '1500.00' });
	run({ type: 'ap.add-receiving', poNumber: 'PO-26-0311', receivedBy: 'J. Okafor', description: '12 cases copy paper, 4 toner' });
	const clean = {
		type: 'ap.receive-invoice',
		vendorId: 'V-0001',
		invoiceNumber: 'DOS-88412',
		invoiceDate: '2026-06-28',
		poNumber: 'PO-26-0311',
		lines: [
			{ description: 'Copy paper, case', quantity: 12, unitPrice: '42.95', extension: '515.40' },
			{ description: 'Toner cartridge', quantity: 4, unitPrice: '89.99', extension: '359.96' }
		],
		subtotal: '875.36',
		tax: '72.22',
		shipping: '0.00',
		total: '947.58',
		approvedBy: { name: 'L. Chen', title: 'department head' }
	};
	return { engine, state, run, clean };
}

describe('vendor invoice screening', () => {
	it('finds nothing wrong with a correct invoice: 12 × $42.95 = $515.40, 4 × $89.99 = $359.96, $875.36 + $72.22 tax = $947.58', () => {
		const { state, run, clean } = setup();
		expect(run(clean).ok).toBe(true);
		expect(invoiceDefects(state, 'VI-00001')).toEqual([]);
	});

	it('catches an extension error (12 × $42.95 written as $514.40) and the subtotal that follows it', () => {
		const { state, run, clean } = setup();
		run({ ...clean, lines: [{ ...clean.lines[0], extension: '514.40' }, clean.lines[1]], subtotal: '874.36', total: '946.58' });
		expect(invoiceDefects(state, 'VI-00001')).toEqual(['extension-error']);
		run({ ...clean, invoiceNumber: 'DOS-88413', total: '950.00' });
		expect(invoiceDefects(state, 'VI-00002')).toEqual(['total-error']);
	});

	it('flags the second invoice with the same vendor and number as a duplicate', () => {
		const { state, run, clean } = setup();
		run(clean);
		run(clean);
		expect(invoiceDefects(state, 'VI-00001')).toEqual([]);
		expect(invoiceDefects(state, 'VI-00002')).toEqual(['duplicate']);
	});

	it('does not call a corrected resubmission a duplicate once the first copy was returned', () => {
		const { state, run, clean } = setup();
		run({ ...clean, total: '950.00' });
		run({ type: 'ap.return', invoiceId: 'VI-00001', reasons: ['total-error'] });
		run(clean);
		expect(invoiceDefects(state, 'VI-00002')).toEqual([]);
	});

	it('flags no W-9, no PO, nothing received, PO balance and approval authority ($12,000 needs the city manager)', () => {
		const { state, run, clean } = setup();
		run({ ...clean, vendorId: 'V-0002', poNumber: '' });
		expect(invoiceDefects(state, 'VI-00001')).toEqual(['no-w9', 'missing-po']);
		run({ type: 'ap.add-po', number: 'PO-26-0400', vendorId: 'V-0001', department: 'Public Works', amount: '20000.00' });
		run({ ...clean, invoiceNumber: 'DOS-9', poNumber: 'PO-26-0400', lines: [{ description: 'Shelving', quantity: 1, unitPrice: '12000.00', extension: '12000.00' }], subtotal: '12000.00', tax: '0.00', total: '12000.00' });
		expect(invoiceDefects(state, 'VI-00002')).toEqual(['not-received', 'approval-authority']);
		run({ ...clean, invoiceNumber: 'DOS-10', lines: [{ description: 'Desk', quantity: 2, unitPrice: '800.00', extension: '1600.00' }], subtotal: '1600.00', tax: '0.00', total: '1600.00' });
		expect(invoiceDefects(state, 'VI-00003')).toEqual(['po-balance']);
	});

	it('approves or returns with every reason; approval uses up the PO balance', () => {
		const { state, run, clean } = setup();
		run(clean);
		run({ ...clean, invoiceNumber: 'DOS-2', lines: [{ description: 'Chairs', quantity: 1, unitPrice: '600.00', extension: '600.00' }], subtotal: '600.00', tax: '0.00', total: '600.00' });
		expect(run({ type: 'ap.approve', invoiceId: 'VI-00001' }).ok).toBe(true);
		expect(state.payables.purchaseOrders['PO-26-0311']!.spent.toString()).toBe('947.58');
		// $1,500.00 − $947.58 = $552.42 left, less than $600.00.
		expect(invoiceDefects(state, 'VI-00002')).toEqual(['po-balance']);
		expect(run({ type: 'ap.return', invoiceId: 'VI-00002', reasons: [] })).toMatchObject({ ok: false, rejection: { field: 'reasons' } });
		expect(run({ type: 'ap.return', invoiceId: 'VI-00002', reasons: ['po-balance'], note: 'PO needs a change order.' }).ok).toBe(true);
		expect(state.payables.invoices['VI-00002']).toMatchObject({ status: 'returned', decision: { reasons: ['po-balance'], by: 'clerk1' } });
		expect(run({ type: 'ap.approve', invoiceId: 'VI-00002' })).toMatchObject({ ok: false, rejection: { code: 'wrong-status' } });
	});

	it('rejects malformed input without throwing or changing anything', () => {
		const { state, run, clean } = setup();
		run(clean);
		const before = JSON.stringify(state);
		for (const bad of [
			{ type: 'ap.approve', invoiceId: 'VI-99' },
			{ type: 'ap.return', invoiceId: 'VI-00001', reasons: ['too-expensive'] },
			{ type: 'ap.return', invoiceId: 'VI-00001', reasons: 'duplicate' },
			{ type: 'ap.add-vendor', name: '', w9OnFile: true },
			{ type: 'ap.add-vendor', name: 'X', w9OnFile: 'yes' },
			{ type: 'ap.add-po', number: 'PO-26-0311', vendorId: 'V-0001', department: 'F', amount: '5' },
			{ type: 'ap.add-po', number: 'PO-1', vendorId: 'V-9', department: 'F', amount: '5' },
			{ type: 'ap.add-po', number: 'PO-1', vendorId: 'V-0001', department: 'F', amount: '0' },
			{ ...clean, lines: [] },
			{ ...clean, lines: [{ description: 'x', quantity: -1, unitPrice: '1', extension: '1' }] },
			{ ...clean, lines: [{ description: 'x', quantity: 1, unitPrice: '1.005', extension: '1' }] },
			{ ...clean, total: 'lots' },
			{ ...clean, approvedBy: { name: 'Y', title: 'mayor' } },
			{ type: 'ap.add-receiving', poNumber: 'nope', receivedBy: 'a', description: 'b' }
		])
			expect(run(bad).ok, JSON.stringify(bad)).toBe(false);
		expect(JSON.stringify(state)).toBe(before);
	});
});

describe('ids that look like object internals', () => {
	it('find nothing instead of a prototype member', () => {
		const { state, run, clean } = setup();
		run({ ...clean, vendorId: 'constructor', poNumber: '__proto__' });
		expect(invoiceDefects(state, 'VI-00001')).toEqual(['unknown-vendor', 'missing-po']);
		expect(run({ type: 'ap.approve', invoiceId: 'constructor' })).toMatchObject({ ok: false, rejection: { code: 'not-found' } });
		expect(run({ type: 'ap.add-receiving', poNumber: 'toString', receivedBy: 'a', description: 'b' })).toMatchObject({ ok: false });
	});
});
