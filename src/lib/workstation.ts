/** Names the workstation's screens share between server and browser. */

/** What a receipt line can pay, as the clerk system's payment targets name them. */
export const PAYMENT_KINDS = [
	{ kind: 'utility', label: 'Utility account', refLabel: 'Account number', example: '100-1234' },
	{ kind: 'license', label: 'Business license', refLabel: 'License or business number', example: 'BL-2026-0007' },
	{ kind: 'permit', label: 'Permit fee', refLabel: 'Permit number', example: 'BP-2026-0142' },
	{ kind: 'invoice', label: 'AR invoice', refLabel: 'Invoice number', example: 'INV-000123' },
	{ kind: 'returned-check-fee', label: 'Returned check fee', refLabel: 'Returned check number', example: 'RC-0001' }
] as const;

export const TENDER_LABELS = { cash: 'Cash', check: 'Check', 'money-order': 'Money order', card: 'Card' } as const;
