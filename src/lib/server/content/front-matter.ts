/**
 * Split a content file into YAML front matter and markdown body, keeping enough position
 * information that every later error (YAML syntax, schema, file name) can name a FILE line.
 *
 * Layout: line 1 is `---`, the YAML runs from line 2 up to the next `---` line, the body follows.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';

export interface LineError {
	line: number;
	message: string;
}

export interface FrontMatter {
	/** The parsed YAML as plain JS; an empty front matter block is `{}`. */
	data: unknown;
	/** Everything after the closing `---` line. */
	body: string;
	/** 1-based file line of the first body line (the line after the closing `---`). */
	bodyLine: number;
	/** 1-based file line of the closing `---`. */
	closeLine: number;
	/** Total number of lines in the file (to clamp positions that point past the end). */
	lineCount: number;
	/**
	 * 1-based file line of the key at `path` (e.g. ['duty'] or ['options', 2, 'text']).
	 * If the path does not exist (a missing key), falls back to its deepest existing parent,
	 * and for a missing top-level key to the first front matter line (line 2).
	 */
	lineOf(path: readonly PropertyKey[]): number;
}

export type FrontMatterResult = { ok: true; value: FrontMatter } | { ok: false; errors: LineError[] };

/** The YAML starts on file line 2, so a YAML line number + this = file line number. */
const YAML_LINE_OFFSET = 1;
export const FIRST_FRONT_MATTER_LINE = 1 + YAML_LINE_OFFSET;

const isFence = (line: string | undefined): boolean => line !== undefined && line.trimEnd() === '---';

export function parseFrontMatter(text: string): FrontMatterResult {
	// Accept a BOM and Windows line endings; positions are then computed on '\n'-joined lines.
	const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
	const close = isFence(lines[0]) ? lines.findIndex((l, i) => i > 0 && isFence(l)) : -1;
	if (close < 0) {
		return { ok: false, errors: [{ line: 1, message: 'File must start with front matter between --- lines' }] };
	}

	const lineCounter = new LineCounter();
	// prettyErrors off: its messages embed YAML-relative line numbers, which would mislead.
	const doc = parseDocument(lines.slice(1, close).join('\n'), { lineCounter, prettyErrors: false });
	const fileLine = (offset: number): number => lineCounter.linePos(offset).line + YAML_LINE_OFFSET;

	if (doc.errors.length > 0) {
		// YAML often reports the same problem twice on one line; keep one of each.
		const seen = new Map<string, LineError>();
		for (const e of doc.errors) {
			const err = { line: fileLine(e.pos[0]), message: `YAML syntax error: ${e.message}` };
			seen.set(`${err.line}:${err.message}`, err);
		}
		return { ok: false, errors: [...seen.values()] };
	}

	return {
		ok: true,
		value: {
			data: doc.toJS() ?? {},
			body: lines.slice(close + 1).join('\n'),
			bodyLine: close + 2,
			closeLine: close + 1,
			lineCount: lines.length,
			lineOf: (path) => {
				const offset = offsetOf(doc, path);
				return offset === undefined ? FIRST_FRONT_MATTER_LINE : fileLine(offset);
			}
		}
	};
}

/** Character offset (in the YAML text) of the deepest existing node along `path`. */
function offsetOf(doc: Document, path: readonly PropertyKey[]): number | undefined {
	let node: unknown = doc.contents;
	let found: number | undefined;
	for (const seg of path) {
		if (isMap(node)) {
			const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
			if (!pair) break;
			// Point at the key, not the value: the key is what the author looks for.
			found = isScalar(pair.key) ? pair.key.range?.[0] : found;
			node = pair.value;
		} else if (isSeq(node) && typeof seg === 'number') {
			const item: unknown = node.items[seg];
			if (item === undefined) break;
			found = isScalar(item) || isMap(item) || isSeq(item) ? (item.range?.[0] ?? found) : found;
			node = item;
		} else {
			break;
		}
	}
	return found;
}
