// The comment renderer: the Markdown subset it supports, a regression corpus of XSS payloads, and
// properties checked on many random inputs (only allowed elements, well nested, safe links only).
import { describe, expect, it } from 'vitest';
import { escapeHtml, renderMarkdown, safeHref } from '../../src/lib/server/markdown';

const ALLOWED_TAG = /<\/?(?:p|br|em|strong|ul|ol|li)>|<a href="([^"<>]*)" rel="nofollow ugc">|<\/a>/g;

/** Fails unless `html` is made only of the allowed elements, well nested, with safe hrefs. */
function expectSafe(html: string): void {
	const stack: string[] = [];
	for (const match of html.matchAll(ALLOWED_TAG)) {
		const tag = match[0];
		if (match[1] !== undefined) {
			expect(match[1]).toMatch(/^(https?:\/\/[^\s]+|mailto:[^\s]+)$/i);
			stack.push('a');
		} else if (tag === '<br>') {
			continue;
		} else if (tag.startsWith('</')) {
			expect(stack.pop()).toBe(tag.slice(2, -1));
		} else {
			stack.push(tag.slice(1, -1));
		}
	}
	expect(stack).toEqual([]);
	const text = html.replace(ALLOWED_TAG, '');
	// Outside the tags built by the renderer, nothing can open a tag, an attribute or a new entity kind.
	expect(text).not.toMatch(/[<>"']/);
	expect(text).not.toMatch(/&(?!(?:amp|lt|gt|quot|#39);)/);
}

describe('Markdown subset', () => {
	it('renders paragraphs and line breaks', () => {
		expect(renderMarkdown('Bonjour\nà tous\n\nSecond paragraphe')).toBe('<p>Bonjour<br>à tous</p><p>Second paragraphe</p>');
	});

	it('renders emphasis and strong emphasis, leaving snake_case alone', () => {
		expect(renderMarkdown('un *mot* et **deux mots** et _trois_ et __quatre__ mais snake_case_name')).toBe(
			'<p>un <em>mot</em> et <strong>deux mots</strong> et <em>trois</em> et <strong>quatre</strong> mais snake_case_name</p>'
		);
		expect(renderMarkdown('**gras *et italique* dedans**')).toBe('<p><strong>gras <em>et italique</em> dedans</strong></p>');
		expect(renderMarkdown('2 * 3 * 4')).toBe('<p>2 * 3 * 4</p>');
	});

	it('renders links with rel="nofollow ugc" and bare addresses', () => {
		expect(renderMarkdown('[le plan](https://www.numerique.gouv.fr/plan?a=1&b=2)')).toBe(
			'<p><a href="https://www.numerique.gouv.fr/plan?a=1&amp;b=2" rel="nofollow ugc">le plan</a></p>'
		);
		expect(renderMarkdown('Voir https://code.gouv.fr/sill. Merci')).toBe('<p>Voir <a href="https://code.gouv.fr/sill" rel="nofollow ugc">https://code.gouv.fr/sill</a>. Merci</p>');
		expect(renderMarkdown('[écrire](mailto:contact@example.gouv.fr)')).toBe('<p><a href="mailto:contact@example.gouv.fr" rel="nofollow ugc">écrire</a></p>');
		expect(renderMarkdown('[**gras**](http://example.org)')).toBe('<p><a href="http://example.org/" rel="nofollow ugc"><strong>gras</strong></a></p>');
	});

	it('renders bulleted and numbered lists, with continuation lines', () => {
		expect(renderMarkdown('Liste :\n\n- un\n- deux\n  suite\n* trois\n\n1. premier\n2) second')).toBe(
			'<p>Liste :</p><ul><li>un</li><li>deux suite</li><li>trois</li></ul><ol><li>premier</li><li>second</li></ol>'
		);
	});

	it('switches between a paragraph and a list without a blank line', () => {
		expect(renderMarkdown('Intro\n- a\n- b\nFin')).toBe('<p>Intro</p><ul><li>a</li><li>b</li></ul><p>Fin</p>');
	});

	it('ignores empty input and normalises Windows line ends', () => {
		expect(renderMarkdown('')).toBe('');
		expect(renderMarkdown('\n\n  \n')).toBe('');
		expect(renderMarkdown('a\r\nb\r\rc')).toBe('<p>a<br>b</p><p>c</p>');
	});

	it('escapes every HTML special character', () => {
		expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
	});
});

describe('links keep http, https and mailto only', () => {
	it.each([
		['https://example.org/a', 'https://example.org/a'],
		['HTTP://EXAMPLE.ORG', 'http://example.org/'],
		['mailto:a@b.fr', 'mailto:a@b.fr'],
		['javascript:alert(1)', null],
		['JaVaScRiPt:alert(1)', null],
		['java\tscript:alert(1)', null],
		[' javascript:alert(1)', null],
		['javascript&#58;alert(1)', null],
		['javascript&colon;alert(1)', null],
		['&#106;avascript:alert(1)', null],
		['%6Aavascript:alert(1)', null],
		['data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==', null],
		['vbscript:msgbox(1)', null],
		['file:///etc/passwd', null],
		['//evil.example/x', null],
		['/relative', null],
		['https:evil.example', 'https://evil.example/'],
		['http://', null],
		['https://exa mple.org', null]
	])('%s → %s', (raw, expected) => {
		expect(safeHref(raw)).toBe(expected);
	});
});

// Payloads from the OWASP XSS filter evasion cheat sheet and PortSwigger's list, adapted to Markdown.
const XSS_CORPUS = [
	'<script>alert(1)</script>',
	'<SCRIPT SRC=https://evil.example/x.js></SCRIPT>',
	'<img src=x onerror=alert(1)>',
	'<svg onload=alert(1)>',
	'<svg><script>alert(1)</script></svg>',
	'<iframe src="javascript:alert(1)"></iframe>',
	'<a href="javascript:alert(1)">x</a>',
	'<div style="background:url(javascript:alert(1))">x</div>',
	'<style>@import "https://evil.example/x.css";</style>',
	'<body onload=alert(1)>',
	'<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
	'"><img src=x onerror=alert(1)>',
	"'><svg/onload=alert(1)>",
	'[x](javascript:alert(1))',
	'[x](JAVASCRIPT:alert(1))',
	'[x](jav&#x09;ascript:alert(1))',
	'[x](javascript&#58;alert(1))',
	'[x](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1))',
	'[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
	'[x](vbscript:msgbox(1))',
	'[x](https://example.org" onmouseover="alert(1))',
	'[x](https://example.org"onmouseover=alert(1)//)',
	"[x](https://example.org'onmouseover=alert(1)//)",
	'[x"><img src=x onerror=alert(1)>](https://example.org)',
	'[<script>alert(1)</script>](https://example.org)',
	'https://example.org/"><script>alert(1)</script>',
	'https://example.org/<img src=x onerror=alert(1)>',
	'**<img src=x onerror=alert(1)>**',
	'*<b onmouseover=alert(1)>x</b>*',
	'- <script>alert(1)</script>\n- [x](javascript:alert(1))',
	'1. <svg onload=alert(1)>',
	'&lt;script&gt;alert(1)&lt;/script&gt;',
	'&#60;script&#62;alert(1)&#60;/script&#62;',
	'<scr<script>ipt>alert(1)</scr</script>ipt>',
	'<!--<img src="--><img src=x onerror=alert(1)//">',
	'<![CDATA[<script>alert(1)</script>]]>',
	'<object data="javascript:alert(1)">',
	'<embed src="data:text/html,<script>alert(1)</script>">',
	'<form action="javascript:alert(1)"><button>x</button></form>',
	'<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
	'<base href="https://evil.example/">',
	'<a href="&#x6A;avascript:alert(1)">x</a>',
	'\u0000<script>alert(1)</script>',
	'<scr\u0000ipt>alert(1)</scr\u0000ipt>',
	'[x](https://example.org\u0000javascript:alert(1))',
	'`<script>alert(1)</script>`',
	'<details open ontoggle=alert(1)>',
	'<input autofocus onfocus=alert(1)>',
	'<video><source onerror=alert(1)></video>',
	'<a href=" &#14;  javascript:alert(1)">x</a>'
];

describe('XSS corpus', () => {
	it.each(XSS_CORPUS.map((payload) => [payload]))('renders %j as inert text', (payload) => {
		const html = renderMarkdown(payload);
		expectSafe(html);
		expect(html).not.toMatch(/<(script|img|svg|iframe|style|div|object|embed|form|meta|base|math|details|input|video|body)\b/i);
		expect(html).not.toMatch(/<[^>]*\son\w+\s*=/i);
		expect(html.toLowerCase()).not.toContain('href="javascript');
		expect(html.toLowerCase()).not.toContain('href="data');
	});

	it('keeps the text of a payload readable, escaped', () => {
		expect(renderMarkdown('<script>alert(1)</script>')).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
		expect(renderMarkdown('[x](javascript:alert(1))')).toBe('<p>[x](javascript:alert(1))</p>');
	});
});

/** A small seeded generator (mulberry32): the same random inputs on every run. */
function random(seed: number) {
	let a = seed;
	return () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const PIECES = [
	'<',
	'>',
	'"',
	"'",
	'&',
	'*',
	'**',
	'_',
	'__',
	'[',
	']',
	'(',
	')',
	'\n',
	'\n\n',
	'- ',
	'1. ',
	' ',
	'a',
	'é',
	'script',
	'onerror=',
	'javascript:',
	'https://x.fr/',
	'mailto:a@b.fr',
	'&#58;',
	'\t',
	'\u0000',
	'http://',
	'`',
	'/'
];

describe('properties on random input', () => {
	const next = random(20261130);
	const inputs = Array.from({ length: 3000 }, () => Array.from({ length: 1 + Math.floor(next() * 40) }, () => PIECES[Math.floor(next() * PIECES.length)]).join(''));

	it('only ever outputs allowed elements, well nested, with safe links', () => {
		for (const input of inputs) expectSafe(renderMarkdown(input));
	});

	it('is deterministic and never throws', () => {
		for (const input of inputs.slice(0, 500)) expect(renderMarkdown(input)).toBe(renderMarkdown(input));
	});

	it('keeps every visible character of plain text', () => {
		for (const input of inputs.slice(0, 500)) {
			const plain = input.replace(/[^a-zé ]/g, '');
			if (plain.trim() === '') continue;
			expect(renderMarkdown(plain)).toBe(`<p>${plain.trim()}</p>`);
		}
	});
});
