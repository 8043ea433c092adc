import type { Transport } from '@sveltejs/kit';
import { Money } from '$lib/money';

/** Money crosses from server loads to pages as its canonical string and arrives as Money again. */
export const transport: Transport = {
	Money: {
		encode: (value) => value instanceof Money && value.toString(),
		decode: (text: string) => Money.of(text)
	}
};
