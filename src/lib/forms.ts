/** Read a text field from submitted form data ('' when missing or not text). */
export function field(form: FormData, name: string): string {
	const value = form.get(name);
	return typeof value === 'string' ? value : '';
}

/** All values of a repeated field (checkbox groups). */
export function fields(form: FormData, name: string): string[] {
	return form.getAll(name).filter((v): v is string => typeof v === 'string');
}
