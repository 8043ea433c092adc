/** Read a text field from submitted form data ('' when missing or not text). */
export function field(form: FormData, name: string): string {
	const value = form.get(name);
	return typeof value === 'string' ? value : '';
}

/** All values of a repeated field (checkbox groups). */
export function fields(form: FormData, name: string): string[] {
	return form.getAll(name).filter((v): v is string => typeof v === 'string');
}

/**
 * Form fields named like `lines[0].amount` or `tenders[1].signed` read into nested objects and
 * arrays, the shape the clerk system's commands take. Values stay text (amounts are parsed by the
 * command), except that "true" and "false" become booleans (check boxes and yes/no radios).
 * Rows left blank (an unused payment line) are dropped; a row counts as blank when every field
 * except the `ignoredInBlankRows` ones (pre-selected choices such as a tender type) is empty.
 */
export function formObject(form: FormData, ignoredInBlankRows: readonly string[] = []): Record<string, unknown> {
	const root: Record<string, unknown> = {};
	for (const [name, raw] of form.entries()) {
		if (typeof raw !== 'string') continue;
		const path = name.match(/[^.[\]]+/g);
		if (!path || path.some((p) => p === '__proto__' || p === 'constructor' || p === 'prototype')) continue;
		const value = raw === 'true' ? true : raw === 'false' ? false : raw;
		let node: Record<string, unknown> | unknown[] = root;
		for (const [i, key] of path.entries()) {
			const last = i === path.length - 1;
			const slot = /^\d+$/.test(key) ? Number(key) : key;
			if (typeof slot === 'number' && (!Array.isArray(node) || slot > 100)) break;
			if (last) {
				(node as Record<string | number, unknown>)[slot] = value;
			} else {
				const nextIsIndex = /^\d+$/.test(path[i + 1]!);
				const existing = (node as Record<string | number, unknown>)[slot];
				const child = existing && typeof existing === 'object' ? existing : nextIsIndex ? [] : {};
				(node as Record<string | number, unknown>)[slot] = child;
				node = child as Record<string, unknown> | unknown[];
			}
		}
	}
	return compactRows(root, new Set(ignoredInBlankRows)) as Record<string, unknown>;
}

function isBlank(value: unknown, ignored: ReadonlySet<string>): boolean {
	if (value === undefined || value === '' || value === false) return true;
	if (Array.isArray(value)) return value.every((v) => isBlank(v, ignored));
	if (value && typeof value === 'object') return Object.entries(value).every(([k, v]) => ignored.has(k) || isBlank(v, ignored));
	return false;
}

function compactRows(value: unknown, ignored: ReadonlySet<string>): unknown {
	if (Array.isArray(value)) return value.filter((row) => row !== undefined && !(row && typeof row === 'object' && isBlank(row, ignored))).map((v) => compactRows(v, ignored));
	if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, compactRows(v, ignored)]));
	return value;
}
