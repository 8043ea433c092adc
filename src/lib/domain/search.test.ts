import { describe, expect, it } from 'vitest';
import { generateCity, SMALL_CITY } from './city/generate';
import { search } from './search';

const { state } = generateCity(SMALL_CITY);
const account = Object.values(state.utility.accounts)[3]!;
const customer = state.utility.customers[account.customerId]!;

describe('global search', () => {
	it('finds an account by its exact number first', () => {
		expect(search(state, account.number)[0]).toMatchObject({ kind: 'account', ref: account.number });
	});
	it('finds by customer name in any case, every word required', () => {
		const hits = search(state, customer.name.toUpperCase());
		expect(hits.some((h) => h.kind === 'account' && h.ref === account.number)).toBe(true);
		expect(search(state, `${customer.name} zzzz-not-there`)).toEqual([]);
	});
	it('finds by part of the service address and by phone digits', () => {
		expect(search(state, account.serviceAddress.split(' ').slice(0, 2).join(' ')).some((h) => h.ref === account.number)).toBe(true);
		const digits = customer.phone.replace(/\D/g, '');
		expect(search(state, digits).some((h) => h.ref === account.number)).toBe(true);
	});
	it('finds businesses, licenses, permits and invoices', () => {
		const business = Object.values(state.licenses.businesses)[0]!;
		expect(search(state, business.name).some((h) => h.kind === 'business' && h.ref === business.id)).toBe(true);
		const permit = Object.values(state.permits.permits)[0]!;
		expect(search(state, permit.number)[0]).toMatchObject({ kind: 'permit', ref: permit.number });
		const invoice = Object.values(state.receivables.invoices)[0]!;
		expect(search(state, invoice.number.toLowerCase())[0]).toMatchObject({ kind: 'invoice', ref: invoice.number });
	});
	it('needs two characters and caps the results', () => {
		expect(search(state, 'a')).toEqual([]);
		expect(search(state, 'st', 5).length).toBeLessThanOrEqual(5);
	});
});
