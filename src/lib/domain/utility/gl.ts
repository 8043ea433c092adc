import type { SubledgerKey } from '../ledger';

/** Subledger keys of one utility account on the control accounts 1210, 2110 and 2120. */
export const ua = (account: string): SubledgerKey => `ua:${account}`;
export const dep = (account: string): SubledgerKey => `dep:${account}`;
export const cr = (account: string): SubledgerKey => `cr:${account}`;
