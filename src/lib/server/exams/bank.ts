import type { ExamItem } from '$lib/exams';
import { getContent } from '../content';
import { getStore, type Store } from '../store';

/**
 * The item bank: the items written in content/items plus the items HR imported (from GIFT files)
 * into the data dir. Imported items are stored whole, with who added them and when; an id is never
 * reused, so an attempt that delivered an item can always find the same item again.
 */
export type ImportedItem = { item: ExamItem; importedBy: string; importedAt: string; source: string };
type ImportedBank = { items: ImportedItem[] };
const IMPORTED_KEY = 'exam-bank/imported';

export async function importedItems(store: Store = getStore()): Promise<readonly ImportedItem[]> {
	return (await store.get<ImportedBank>(IMPORTED_KEY))?.items ?? [];
}

/** Every item in the bank, content first, then imported ones in the order they were added. */
export async function itemBank(store: Store = getStore()): Promise<ExamItem[]> {
	const content = await getContent();
	return [...content.items, ...(await importedItems(store)).map((i) => i.item)];
}

/** Add imported items; refuses (adding nothing) if any id is already in the bank. Returns the ids added. */
export async function addImportedItems(items: readonly ExamItem[], by: { userId: string; source: string }, now: Date, store: Store = getStore()): Promise<{ ok: true; added: string[] } | { ok: false; error: string }> {
	const contentIds = new Set((await getContent()).items.map((i) => i.id));
	let clash: string | undefined;
	await store.update<ImportedBank>(IMPORTED_KEY, () => ({ items: [] }), (bank) => {
		const taken = new Set([...contentIds, ...bank.items.map((i) => i.item.id)]);
		const seen = new Set<string>();
		clash = items.find((i) => taken.has(i.id) || (seen.has(i.id) || (seen.add(i.id), false)))?.id;
		if (clash) return;
		for (const item of items) bank.items.push({ item: structuredClone(item), importedBy: by.userId, importedAt: now.toISOString(), source: by.source });
	});
	if (clash) return { ok: false, error: `An item with the id “${clash}” is already in the bank; import it under another id prefix.` };
	return { ok: true, added: items.map((i) => i.id) };
}
