import { error } from '@sveltejs/kit';
import { formatUSD, Money } from '$lib/money';
import type { SandboxState } from '$lib/domain/model';
import type { SessionUser } from '$lib/server/auth/types';
import { taxYearLabel, taxYearOf } from '$lib/domain/licenses';
import { businessView, renewalFees } from '$lib/domain/views/licenses';
import { field } from '$lib/forms';
import { openWorkstation, perform } from '$lib/server/workstation/route';
import { dryRun, wouldRun } from '../../dry-run.server';
import type { Actions, PageServerLoad } from './$types';

/**
 * The tax year this business can renew for now, asked of license.renew itself (the current year,
 * or the next once its renewal season opens); otherwise the clerk system's reason why not.
 */
function renewalOption(state: Readonly<SandboxState>, user: SessionUser, businessId: string): { taxYear: number; label: string } | { reason: string } {
	const current = taxYearOf(state.businessDate);
	let reason = '';
	for (const taxYear of [current, current + 1]) {
		const decision = wouldRun(state, user, { type: 'license.renew', businessId, taxYear: String(taxYear), grossReceipts: '0.00' });
		if (decision.ok) return { taxYear, label: taxYearLabel(taxYear) };
		// "Already licensed this year" is less useful than when next year's renewals open.
		if (!reason || decision.rejection.code !== 'wrong-status') reason = decision.rejection.message;
		if (decision.rejection.field === 'businessId') break;
	}
	return { reason };
}

export const load: PageServerLoad = async (event) => {
	const { state, user } = await openWorkstation(event);
	const view = businessView(state, event.params.id);
	if (!view) error(404, `No business ${event.params.id.slice(0, 30)} in this sandbox. Find it by name on the licenses list.`);
	return { business: view, renewal: renewalOption(state, user, view.id), today: state.businessDate };
};

const renewal = (event: { params: { id: string } }, form: FormData) => ({
	type: 'license.renew',
	businessId: event.params.id,
	taxYear: field(form, 'taxYear'),
	grossReceipts: field(form, 'grossReceipts')
});

export const actions: Actions = {
	/** What the renewal would charge today, checked by license.renew itself; nothing is filed. */
	previewRenewal: async (event) => {
		const form = await event.request.formData();
		const r = await dryRun(event, 'renewal', form, renewal(event, form));
		if (!r.ok) return r.failure;
		const renewed = r.events.find((e) => e.type === 'license.renewed')!;
		const business = r.state.licenses.businesses[renewed.businessId as string]!;
		const preview = renewalFees({ classification: business.classification, grossReceipts: Money.of(renewed.grossReceipts as string), taxYear: renewed.taxYear as number, filedOn: r.state.businessDate });
		return { form: 'renewal', values: r.values, preview };
	},
	renew: async (event) => {
		const form = await event.request.formData();
		const r = await perform(event, 'renewal', form, renewal(event, form), '');
		if (!r.ok) return r.failure;
		const renewed = r.events.find((e) => e.type === 'license.renewed')!;
		const charged = [...(renewed.charges as Array<{ amount: string }>).map((c) => c.amount), renewed.penalty as string].reduce((acc, a) => acc.plus(Money.of(a)), Money.ZERO);
		return { form: 'renewal', done: `Renewal ${renewed.licenseNo as string} for ${taxYearLabel(renewed.taxYear as number)} is filed: ${formatUSD(charged)} charged. Take the payment to make it active.` };
	}
};
