// A small, strict Markdown subset for comments, opinions and progress updates: paragraphs, line breaks, *emphasis*, **strong**,
// [links](https://…), bare http(s) addresses, "- " and "1. " lists. Nothing else exists: every
// character of the source is HTML-escaped, then only the few elements built here are added, so raw
// HTML, event handlers and style attributes cannot reach the page. Links keep http, https and mailto
// only, parsed with the WHATWG URL parser (what the browser itself would do), with rel="nofollow ugc".
// Pure and shared: the same rule renders HTML on the server and in components, and gives the plain
// text of CSV cells and feed titles (`markdownToText`).

import { memoised } from './memo';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/** The normalised address when it is an absolute http, https or mailto URL; null otherwise. */
export function safeHref(raw: string): string | null {
	// Control characters and spaces inside an address are never legitimate; the URL parser would
	// silently drop some of them ("java\tscript:"), so refuse them outright.
	// eslint-disable-next-line no-control-regex
	if (/[\u0000-\u0020\u007f-\u009f]/.test(raw)) return null;
	let url: URL;
	try {
		url = new URL(raw);
	} catch {
		return null;
	}
	if (!SAFE_PROTOCOLS.has(url.protocol)) return null;
	if (url.protocol !== 'mailto:' && !url.hostname) return null;
	return url.href;
}

/**
 * Emphasis on already-escaped text: the markers (* and _) are never produced by escaping, and "<"
 * only comes from tags added here, so excluding it keeps every element well nested.
 */
function emphasis(escaped: string): string {
	return escaped
		.replace(/\*\*(?=[^\s*<])([^<]*?[^\s*<])\*\*/g, '<strong>$1</strong>')
		.replace(/(^|[^\w])__(?=[^\s_<])([^<]*?[^\s_<])__(?!\w)/g, '$1<strong>$2</strong>')
		.replace(/\*(?=[^\s*<])([^*<]*?[^\s*<])\*/g, '<em>$1</em>')
		.replace(/(^|[^\w])_(?=[^\s_<])([^_<]*?[^\s_<])_(?!\w)/g, '$1<em>$2</em>');
}

const link = (href: string, label: string) => `<a href="${escapeHtml(href)}" rel="nofollow ugc">${label}</a>`;

// [label](address) or a bare http(s) address.
const INLINE = /\[([^[\]\n]{1,500})\]\(([^()\s]{1,2000})\)|\bhttps?:\/\/[^\s<>"'()[\]]+/g;

function inline(source: string): string {
	let html = '';
	let last = 0;
	for (const match of source.matchAll(INLINE)) {
		const start = match.index;
		let whole = match[0];
		html += emphasis(escapeHtml(source.slice(last, start)));
		if (match[1] !== undefined) {
			const href = safeHref(match[2]!);
			html += href ? link(href, emphasis(escapeHtml(match[1]))) : emphasis(escapeHtml(whole));
		} else {
			// Trailing punctuation ends a sentence, not the address.
			const trimmed = whole.replace(/[.,;:!?*_]+$/, '');
			const href = safeHref(trimmed);
			if (href) {
				html += link(href, escapeHtml(trimmed));
				whole = trimmed;
			} else {
				html += escapeHtml(whole);
			}
		}
		last = start + whole.length;
	}
	return html + emphasis(escapeHtml(source.slice(last)));
}

const BULLET = /^\s{0,3}[-*+]\s+(.*)$/;
const NUMBERED = /^\s{0,3}\d{1,9}[.)]\s+(.*)$/;

type Block = { kind: 'p'; lines: string[] } | { kind: 'ul' | 'ol'; items: string[] };

function blocks(source: string): Block[] {
	const result: Block[] = [];
	let current = null as Block | null;
	for (const line of source.split('\n')) {
		if (line.trim() === '') {
			current = null;
			continue;
		}
		const bullet = BULLET.exec(line);
		const numbered = bullet ? null : NUMBERED.exec(line);
		const kind = bullet ? 'ul' : numbered ? 'ol' : 'p';
		const content = (bullet ?? numbered)?.[1] ?? line.trim();
		if (kind === 'p') {
			// A line under a list item continues that item, as in Markdown.
			if (current && current.kind !== 'p' && /^\s/.test(line)) current.items[current.items.length - 1] += ` ${content}`;
			else if (current?.kind === 'p') current.lines.push(content);
			else result.push((current = { kind: 'p', lines: [content] }));
		} else if (current?.kind === kind) {
			current.items.push(content);
		} else {
			result.push((current = { kind, items: [content] }));
		}
	}
	return result;
}

/**
 * Renders the Markdown subset to sanitised HTML. The same input always gives the same output, so the
 * result is remembered: a page shows the same updates to every reader.
 */
export const renderMarkdown = memoised(render);

function render(source: string): string {
	// eslint-disable-next-line no-control-regex
	const text = source.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
	return blocks(text)
		.map((block) =>
			block.kind === 'p' ? `<p>${block.lines.map(inline).join('<br>')}</p>` : `<${block.kind}>${block.items.map((item) => `<li>${inline(item)}</li>`).join('')}</${block.kind}>`
		)
		.join('');
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/**
 * The same Markdown as plain text, for places that show no HTML (CSV cells, feed titles, excerpts):
 * what `renderMarkdown` would show, without its markers. Paragraphs are separated by a blank line,
 * list items start with "- " (or their number), and a link keeps its address: "label (address)".
 */
export function markdownToText(source: string): string {
	return renderMarkdown(source)
		.replace(/<ol>([\s\S]*?)<\/ol>/g, (_all, items: string) => {
			let n = 0;
			return `${items.replace(/<li>/g, () => `\n${++n}. `)}\n\n`;
		})
		.replace(/<ul>/g, '')
		.replace(/<\/ul>/g, '\n\n')
		.replace(/<li>/g, '\n- ')
		.replace(/<\/li>/g, '')
		.replace(/<a href="([^"]*)" rel="nofollow ugc">([\s\S]*?)<\/a>/g, (_all, href: string, label: string) =>
			label === href || label === href.replace(/\/$/, '') ? label : `${label} (${href})`
		)
		.replace(/<br>/g, '\n')
		.replace(/<\/p>/g, '\n\n')
		.replace(/<[^>]+>/g, '')
		.replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity]!)
		.replace(/^\n+/, '')
		.replace(/\n{3,}/g, '\n\n')
		.trimEnd();
}
