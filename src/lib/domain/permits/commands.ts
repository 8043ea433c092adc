import { Money, sum } from '$lib/money';
import { accept, reject, type CommandHandler, type EventApplier } from '../model';
import { CommandInput, own } from '../input';
import { PERMIT_TYPES, type Permit } from './types';

/** Permit numbers as Development Services prints them: "BP-2026-0142". */
export const PERMIT_NUMBER = /^[A-Z]{2,4}-\d{4}-\d{4}$/;

/** Canonical form of a typed permit number (trimmed, upper case), or null when it cannot be one. */
export function normalizePermitNo(input: unknown): string | null {
	if (typeof input !== 'string') return null;
	const no = input.trim().toUpperCase();
	return PERMIT_NUMBER.test(no) ? no : null;
}

type FeeData = { description: string; amount: string };

/** `permit.record`: puts a permit issued by Development Services on file (datasets, scenario set-up). No money moves. */
const recordPermit: CommandHandler = (state, command) => {
	const input = new CommandInput(command);
	const raw = input.text('number', 'Permit number', { max: 20 });
	// `type` is the command's name, so the kind of permit travels as `permitType`.
	const type = input.oneOf('permitType', 'permit type', PERMIT_TYPES) ?? 'other';
	const address = input.text('address', 'Site address', { max: 200 });
	const applicant = input.text('applicant', 'Applicant', { max: 120 });
	const issuedOn = input.date('issuedOn', 'Issue date', { fallback: state.businessDate });
	const fees = input.list('fees', 'Fees', 20, 'Fee', (fee): FeeData => ({
		description: fee.text('description', 'Description', { max: 120 }),
		amount: fee.amount('amount', 'Amount', { max: '9999999.99' }).toString()
	}));
	if (input.problem) return input.problem;
	const number = normalizePermitNo(raw);
	if (!number) return reject('invalid-input', 'Permit number must look like BP-2026-0142.', 'number');
	if (own(state.permits.permits, number)) return reject('policy', `Permit ${number} is already on file.`, 'number');
	if (issuedOn > state.businessDate) return reject('invalid-input', 'A permit cannot be issued after today.', 'issuedOn');
	return accept({ type: 'permit.recorded', permit: { number, type, address, applicant, issuedOn, fees } });
};

export const permitCommands: Record<string, CommandHandler> = { 'permit.record': recordPermit };

export const permitEvents: Record<string, EventApplier> = {
	'permit.recorded': (state, event) => {
		const data = event.permit as Omit<Permit, 'fees' | 'total' | 'status'> & { fees: FeeData[] };
		const fees = data.fees.map((f) => ({ description: f.description, amount: Money.of(f.amount) }));
		state.permits.permits[data.number] = {
			number: data.number,
			type: data.type,
			address: data.address,
			applicant: data.applicant,
			issuedOn: data.issuedOn,
			fees,
			total: sum(fees.map((f) => f.amount)),
			paid: Money.ZERO,
			status: 'issued'
		};
	}
};
