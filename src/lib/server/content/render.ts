/**
 * Markdown → safe HTML for lessons and pages.
 *
 * marked (GFM) renders, then sanitize-html enforces an allow-list, so even raw HTML written
 * into a content file cannot inject scripts, handlers, frames or images. Headings get stable
 * slug ids so pages can deep-link to sections and build a table of contents.
 */
import { Marked, type Token, type Tokens } from 'marked';
import sanitizeHtml from 'sanitize-html';

export interface Heading {
	level: number;
	text: string;
	id: string;
}

/** Lowercase, runs of non-alphanumerics → "-", trimmed; never empty. */
export function slugify(text: string): string {
	return (
		text
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '') || 'section'
	);
}

// Ids assigned to heading tokens for the render in progress (rendering is synchronous).
const headingIds = new WeakMap<Token, string>();

const marked = new Marked({
	gfm: true,
	renderer: {
		heading(token) {
			const id = headingIds.get(token);
			const attr = id ? ` id="${id}"` : '';
			return `<h${token.depth}${attr}>${this.parser.parseInline(token.tokens)}</h${token.depth}>\n`;
		},
		// Header cells get scope="col" for screen readers; column alignment is dropped on purpose.
		tablecell(token) {
			const html = this.parser.parseInline(token.tokens);
			return token.header ? `<th scope="col">${html}</th>\n` : `<td>${html}</td>\n`;
		}
	}
});

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };

/** Visible text of inline tokens (raw HTML tags dropped, common entities decoded). */
function plainText(tokens: readonly Token[]): string {
	let out = '';
	for (const t of tokens) {
		if (t.type === 'html') continue;
		if ('tokens' in t && t.tokens) out += plainText(t.tokens);
		else if ('text' in t && typeof t.text === 'string') out += t.text;
	}
	return out.replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, name: string) => ENTITIES[name] ?? '');
}

/** Lex once, demote h1 → h2 and assign deduplicated slug ids in document order. */
function lex(md: string): { tokens: Token[]; headings: Heading[] } {
	const tokens = marked.lexer(md);
	const headings: Heading[] = [];
	const used = new Set<string>();
	marked.walkTokens(tokens, (token) => {
		if (token.type !== 'heading') return;
		const h = token as Tokens.Heading;
		h.depth = Math.max(2, h.depth); // the page renders the title as the only h1
		const text = plainText(h.tokens).trim();
		const base = slugify(text);
		let id = base;
		for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
		used.add(id);
		headingIds.set(h, id);
		headings.push({ level: h.depth, text, id });
	});
	return { tokens, headings };
}

const SANITIZE: sanitizeHtml.IOptions = {
	allowedTags: [
		'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'ul', 'ol', 'li', 'blockquote', 'pre', 'code', 'em', 'strong',
		'del', 'hr', 'br', 'a', 'sup', 'sub', 'table', 'thead', 'tbody', 'tr', 'th', 'td'
	],
	allowedAttributes: {
		h2: ['id'], h3: ['id'], h4: ['id'], h5: ['id'], h6: ['id'],
		a: ['href', 'title', 'rel'],
		ol: ['start'],
		th: ['scope'],
		td: ['scope']
	},
	allowedClasses: {},
	// Relative paths and #anchors have no scheme and pass; anything else must be one of these.
	allowedSchemes: ['http', 'https', 'mailto'],
	allowedSchemesAppliedToAttributes: ['href'],
	allowProtocolRelative: false,
	// Drop the contents of these too, not just the tags.
	nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'embed'],
	transformTags: {
		h1: 'h2', // raw <h1> in content is demoted like markdown ones
		a: (tagName, attribs) => {
			const { rel: _ignored, ...rest } = attribs;
			const absolute = /^\s*https?:/i.test(rest.href ?? '');
			return { tagName, attribs: absolute ? { ...rest, rel: 'noopener' } : rest };
		}
	}
};

/** Render markdown to sanitized HTML plus its h2/h3 outline (same ids as in the HTML). */
export function renderContent(md: string): { html: string; headings: Heading[] } {
	const { tokens, headings } = lex(md);
	const html = sanitizeHtml(marked.parser(tokens), SANITIZE);
	return { html, headings: headings.filter((h) => h.level <= 3) };
}

export function renderMarkdown(md: string): string {
	return renderContent(md).html;
}

/** The h2/h3 headings of `md` for a table of contents; ids match renderMarkdown's. */
export function headingsOf(md: string): Heading[] {
	return lex(md).headings.filter((h) => h.level <= 3);
}
