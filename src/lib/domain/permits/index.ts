import type { DomainModule } from '../model';
import { permitCommands, permitEvents } from './commands';
import { permitPaymentTarget } from './payment';
import './types';

/** Permit fees collected at the Finance counter (POLICY.md §4). */
export const permitsModule: DomainModule = {
	name: 'permits',
	commands: permitCommands,
	events: permitEvents,
	paymentTargets: { permit: permitPaymentTarget },
	initSlice: (state) => {
		state.permits = { permits: {} };
	}
};

export { normalizePermitNo, PERMIT_NUMBER } from './commands';
export { PERMIT_TYPES, type Permit, type PermitType, type PermitsSlice, type FeeLine } from './types';
