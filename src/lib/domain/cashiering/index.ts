import type { DomainModule } from '../model';
import { closeApprovalSummary, closeDrawer, drawerClosed, drawerOpened, openDrawer } from './drawer';
import { paymentTaken, takePayment } from './payment';
import { FEE_KIND, checkReturned, noticeLetterSent, noticeLetterSentApplied, returnedCheck, returnedCheckFeeTarget } from './returned-check';
import { emptyCashieringSlice } from './slice';
import { guarded } from './util';
import { receiptVoided, voidApprovalSummary, voidReceipt } from './void';

/**
 * Cashiering (POLICY §2): drawer sessions with a counted float, receipts paying any payment target
 * with any mix of tenders, same-day voids, close-out with over/short and the deposit slip, and
 * returned checks.
 */
/** What the supervisor's approval queue shows for the two commands that can need one. */
export const approvalFor: NonNullable<DomainModule['approvalFor']> = {
	'cash.close-drawer': (state, command) => ({ kind: 'over-short', summary: closeApprovalSummary(state, command) }),
	'cash.void-receipt': (state, command) => ({ kind: 'void', summary: voidApprovalSummary(state, command) })
};

export const cashieringModule: DomainModule = {
	name: 'cashiering',
	commands: {
		'cash.open-drawer': guarded(openDrawer),
		'cash.take-payment': guarded(takePayment),
		'cash.void-receipt': guarded(voidReceipt),
		'cash.close-drawer': guarded(closeDrawer),
		'cash.returned-check': guarded(returnedCheck),
		'cash.notice-letter-sent': guarded(noticeLetterSent)
	},
	events: {
		'cash.drawer-opened': drawerOpened,
		'cash.payment-taken': paymentTaken,
		'cash.receipt-voided': receiptVoided,
		'cash.drawer-closed': drawerClosed,
		'cash.check-returned': checkReturned,
		'cash.notice-letter-sent': noticeLetterSentApplied
	},
	approvalFor,
	paymentTargets: { [FEE_KIND]: returnedCheckFeeTarget },
	initSlice: (state) => {
		state.cashiering = emptyCashieringSlice();
	}
};

export { DENOMINATIONS, STANDARD_FLOAT, FLOAT_TOTAL, countTotal, parseCounts, fullCounts, splitFloat, type Counts, type DenominationKey } from './denominations';
export { OVER_SHORT_LIMIT, closeFigures, overShortWords } from './drawer';
export { allocate, keptAmounts } from './payment';
export { CASH_ONLY_MONTHS, FEE_KIND, RETURNED_CHECK_FEE } from './returned-check';
export { cardsByBrand, dailyCashReport, overShortHistory, overShortNet, paymentsByTender, type DailyCashReport, type DrawerReport, type OverShortEntry, type TenderTotals } from './reports';
export * from './slice';
export { CARD_BRANDS, PAYEE, STALE_AFTER_DAYS, describeTender } from './tenders';
