import type { SandboxState } from '../model';

/**
 * Ids of the utility slice. A decision may create several things of one kind (a day-start run bills
 * every account), so ids are handed out by an allocator over the state's counters, and each applier
 * records the id it used (`claimId`): the counter always ends at the highest id seen.
 */
const SERIES = {
	account: { key: 'utility.account', format: (n: number) => `100-${String(n).padStart(4, '0')}` },
	customer: { key: 'utility.customer', format: (n: number) => `UC-${String(n).padStart(6, '0')}` },
	bill: { key: 'utility.bill', format: (n: number) => `UB-${String(n).padStart(6, '0')}` },
	item: { key: 'utility.item', format: (n: number) => `UI-${String(n).padStart(6, '0')}` },
	plan: { key: 'utility.plan', format: (n: number) => `UP-${String(n).padStart(6, '0')}` },
	notice: { key: 'utility.notice', format: (n: number) => `UN-${String(n).padStart(6, '0')}` },
	adjustment: { key: 'utility.adjustment', format: (n: number) => `UJ-${String(n).padStart(6, '0')}` },
	refund: { key: 'utility.refund', format: (n: number) => `UR-${String(n).padStart(6, '0')}` }
} as const;

export type Series = keyof typeof SERIES;

export class IdAllocator {
	readonly #state: Readonly<SandboxState>;
	readonly #used = new Map<Series, number>();

	constructor(state: Readonly<SandboxState>) {
		this.#state = state;
	}

	next(series: Series): string {
		const { key, format } = SERIES[series];
		const n = (this.#used.get(series) ?? this.#state.counters[key] ?? 0) + 1;
		this.#used.set(series, n);
		return format(n);
	}
}

/** Applier side: advance the series' counter to the number in `id`. */
export function claimId(state: SandboxState, series: Series, id: string): void {
	const n = Number(id.slice(trailingDigitsFrom(id)));
	const { key } = SERIES[series];
	if (n > (state.counters[key] ?? 0)) state.counters[key] = n;
}

// Where the run of digits ending `id` starts (id.length when there is none, so the number is 0).
// Every item and bill claims its id, so this avoids a regex match object per event on replay.
function trailingDigitsFrom(id: string): number {
	let i = id.length;
	while (i > 0 && id.charCodeAt(i - 1) >= 48 && id.charCodeAt(i - 1) <= 57) i--;
	return i;
}
