import { json } from '@sveltejs/kit';
import { isCashOnly } from '$lib/domain/cashiering/slice';
import { openWorkstation } from '$lib/server/workstation/route';
import { sandboxes } from '$lib/server/workstation/service';
import type { RequestHandler } from './$types';

/** What is owed on one reference, shown live beside a payment line as the clerk types it. */
export const GET: RequestHandler = async (event) => {
	const { state } = await openWorkstation(event);
	const kind = event.url.searchParams.get('kind') ?? '';
	const ref = (event.url.searchParams.get('ref') ?? '').trim().slice(0, 40);
	const target = Object.hasOwn(sandboxes().engine.env.paymentTargets, kind) ? sandboxes().engine.env.paymentTargets[kind] : undefined;
	if (!target || !ref) return json({ ok: false, message: 'Choose what is being paid and type its number.' });
	const quote = target.quote(state, ref);
	if ('code' in quote) return json({ ok: false, message: quote.message });
	return json({
		ok: true,
		ref: quote.ref,
		label: quote.label,
		due: quote.due.toString(),
		partialAllowed: quote.partialAllowed,
		overpaymentAllowed: quote.overpaymentAllowed,
		cashOnly: quote.cashOnly || isCashOnly(state, kind, quote.ref)
	});
};
