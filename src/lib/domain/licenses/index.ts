import type { DomainModule } from '../model';
import { licenseCommands } from './commands';
import { licensesOnNewDay } from './day';
import { licenseEvents } from './events';
import { licensePaymentTarget } from './payment';
import './types';

/** Business license tax (POLICY.md §3): applications, clearances, certificates, renewals, penalties. */
export const licensesModule: DomainModule = {
	name: 'licenses',
	commands: licenseCommands,
	events: licenseEvents,
	paymentTargets: { license: licensePaymentTarget },
	initSlice: (state) => {
		state.licenses = { businesses: {}, licenses: {}, noticesSent: {} };
	},
	onNewDay: licensesOnNewDay
};

export { certificateFor } from './charges';
export { routingFor, DEPARTMENTS, type Department, type Routing, type BusinessProfile } from './routing';
export * from './tax';
export type * from './types';
