import type { Money } from '$lib/money';
import { CommandInput, own } from '../input';
import type { SandboxState } from '../model';
import type { UtilityAccount } from './types';

export { own, grouped, type Rejected } from '../input';

/** The kernel's input reader, plus the utility account number every utility command names. */
export class UtilityInput extends CommandInput {
	/** Utility amounts above $99,999.99 are typing slips (a month of water for a whole block is less). */
	override amount(field: string, label: string, opts: { allowZero?: boolean; max?: string; optional?: boolean } = {}): Money {
		return super.amount(field, label, { max: '99999.99', ...opts });
	}

	/** The utility account named by `field` ("100-0001"). */
	account(state: Readonly<SandboxState>, field = 'account'): UtilityAccount | undefined {
		const v = this.value(field);
		if (!this.has(field)) {
			this.fail('Enter the utility account number, like 100-0001.', field);
			return undefined;
		}
		if (typeof v !== 'string' || !/^\d{3}-\d{4,}$/.test(v.trim())) {
			this.fail('A utility account number looks like 100-0001 (it is printed on the bill).', field);
			return undefined;
		}
		const found = own(state.utility.accounts, v.trim());
		if (!found) this.fail(`There is no utility account ${v.trim()}; check the number on the bill.`, field, 'not-found');
		return found;
	}
}
