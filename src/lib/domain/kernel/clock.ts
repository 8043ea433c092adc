import { addDays, isBusinessDateString, type BusinessDate } from '../dates';
import { accept, reject, type DomainModule, type ProposedEvent } from '../model';

/**
 * The sandbox's business date. Practice mode moves it one day at a time so that each module's
 * day-start work (bills on the 5th, penalties after the delinquent date, plan defaults) happens in order.
 */
export function clockModule(modules: readonly DomainModule[]): DomainModule {
	return {
		name: 'clock',
		commands: {
			'clock.next-day': (state) => {
				const date: BusinessDate = addDays(state.businessDate, 1);
				const dayEvents: ProposedEvent[] = modules.flatMap((m) => m.onNewDay?.(state, date) ?? []);
				return accept({ type: 'clock.day-started', to: date, from: state.businessDate }, ...dayEvents);
			},
			'clock.set-date': (state, command) => {
				// Only for building scenario start states: dates never go backwards.
				const to = command.to;
				if (!isBusinessDateString(to)) return reject('invalid-input', 'Enter a real date as YYYY-MM-DD.', 'to');
				if (to < state.businessDate) return reject('not-allowed', `The business date cannot go back from ${state.businessDate} to ${to}.`, 'to');
				return accept({ type: 'clock.date-set', to, from: state.businessDate });
			}
		},
		events: {
			'clock.day-started': (state, event) => {
				state.businessDate = event.to as string;
			},
			'clock.date-set': (state, event) => {
				state.businessDate = event.to as string;
			}
		}
	};
}
