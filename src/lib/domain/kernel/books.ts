import { parseMoney } from '$lib/money';
import { journal } from '../ledger';
import { accept, reject, type DomainModule } from '../model';

/**
 * Opening the books of a new sandbox: the change fund the drawers' floats come from
 * (Dr 1015 Change fund / Cr 3010 Fund balance, an illustrative equity account). Only as the very
 * first event, so a trainee's sandbox can never invent money later.
 */
export const booksModule: DomainModule = {
	name: 'books',
	commands: {
		'books.open-change-fund': (state, c) => {
			if (state.eventCount !== 0) return reject('not-allowed', 'The change fund is set when the books are opened, before anything else happens.');
			const parsed = parseMoney(typeof c.amount === 'string' ? c.amount : undefined, { allowZero: false, max: '100000.00', field: 'Change fund' });
			if (!parsed.ok) return reject('invalid-input', parsed.error, 'amount');
			const fund = parsed.value;
			return accept({
				type: 'books.change-fund-opened',
				amount: parsed.canonical,
				journal: journal('Change fund for the cash drawers', [
					{ account: '1015', debit: fund },
					{ account: '3010', credit: fund }
				])
			});
		}
	},
	events: {
		'books.change-fund-opened': () => {}
	}
};
