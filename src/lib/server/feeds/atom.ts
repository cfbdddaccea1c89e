// A small Atom (RFC 4287) writer. Everything that comes from the database goes through escapeXml,
// which also drops the characters XML 1.0 forbids (control characters, lone surrogates), so that a
// stray byte in a title can never make the whole feed unreadable.
interface AtomLink {
	href: string;
	rel?: 'alternate' | 'self' | 'related';
	type?: string;
	title?: string;
}

export interface AtomEntry {
	/** A permanent IRI: urn:uuid or tag: URIs, never the page address (which can move). */
	id: string;
	title: string;
	updated: Date;
	published?: Date;
	link: string;
	/** Plain text or an HTML fragment; either way it is escaped into the XML. */
	content: { type: 'text' | 'html'; value: string };
	authors?: string[];
	categories?: { term: string; label: string }[];
}

export interface AtomFeed {
	id: string;
	title: string;
	subtitle?: string;
	updated: Date;
	lang: string;
	selfUrl: string;
	alternateUrl: string;
	authors: string[];
	rights?: string;
	entries: AtomEntry[];
}

const FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function escapeXml(text: string): string {
	return text.replace(FORBIDDEN, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** RFC 3339 in UTC, whole seconds. */
export function atomDate(date: Date): string {
	return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const element = (name: string, text: string, attributes = '') => `<${name}${attributes}>${escapeXml(text)}</${name}>`;
const attrs = (values: Record<string, string | undefined>) =>
	Object.entries(values)
		.filter((pair): pair is [string, string] => pair[1] !== undefined)
		.map(([key, value]) => ` ${key}="${escapeXml(value)}"`)
		.join('');
const link = (l: AtomLink) => `<link${attrs({ rel: l.rel, type: l.type, href: l.href, title: l.title })}/>`;
const author = (name: string) => `<author>${element('name', name)}</author>`;

function entry(e: AtomEntry): string {
	return [
		'<entry>',
		element('id', e.id),
		element('title', e.title, ' type="text"'),
		element('updated', atomDate(e.updated)),
		...(e.published ? [element('published', atomDate(e.published))] : []),
		link({ rel: 'alternate', type: 'text/html', href: e.link }),
		...(e.authors ?? []).map(author),
		...(e.categories ?? []).map((c) => `<category${attrs({ term: c.term, label: c.label })}/>`),
		element('content', e.content.value, attrs({ type: e.content.type })),
		'</entry>'
	].join('\n');
}

export function renderAtom(feed: AtomFeed): string {
	return [
		'<?xml version="1.0" encoding="utf-8"?>',
		`<feed xmlns="http://www.w3.org/2005/Atom"${attrs({ 'xml:lang': feed.lang })}>`,
		element('id', feed.id),
		element('title', feed.title, ' type="text"'),
		...(feed.subtitle ? [element('subtitle', feed.subtitle, ' type="text"')] : []),
		element('updated', atomDate(feed.updated)),
		link({ rel: 'self', type: 'application/atom+xml', href: feed.selfUrl }),
		link({ rel: 'alternate', type: 'text/html', href: feed.alternateUrl }),
		...feed.authors.map(author),
		...(feed.rights ? [element('rights', feed.rights, ' type="text"')] : []),
		element('generator', 'Jalons'),
		...feed.entries.map(entry),
		'</feed>',
		''
	].join('\n');
}

/** Escapes text for an HTML fragment (which escapeXml then escapes once more inside <content>). */
export { escapeHtml } from '../markdown';
