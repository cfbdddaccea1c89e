import { describe, expect, it } from 'vitest';
import { atomDate, escapeHtml, escapeXml, renderAtom, type AtomFeed } from '../../src/lib/server/feeds/atom';
import { excerpt, urnUuid } from '../../src/lib/server/feeds/entries';
import { childNamed, childrenNamed, parseXml } from '../helpers/xml';

const NASTY = `<script>alert("x")</script> & 'quotes' \u0000\u0008\uFFFE ok \uD800 fin`;

function feed(overrides: Partial<AtomFeed> = {}): AtomFeed {
	return {
		id: urnUuid('feed:test'),
		title: `Plan ${NASTY}`,
		updated: new Date('2024-03-01T10:00:00.123Z'),
		lang: 'fr',
		selfUrl: 'https://jalons.test/flux/plan.atom?x=1&y=2',
		alternateUrl: 'https://jalons.test/plans/plan',
		authors: ['Jalons'],
		rights: 'Licence Ouverte 2.0',
		entries: [
			{
				id: urnUuid('update:1'),
				title: `Mesure 2.2 : ${NASTY}`,
				updated: new Date('2024-02-01T00:00:00Z'),
				published: new Date('2024-02-01T00:00:00Z'),
				link: 'https://jalons.test/plans/plan/mesures/2.2',
				content: { type: 'html', value: `<p>${escapeHtml(NASTY)}</p>` },
				authors: ['DINUM & co'],
				categories: [{ term: 'mise-a-jour', label: 'Mise à jour' }]
			}
		],
		...overrides
	};
}

describe('Atom builder', () => {
	it('escapes markup and drops characters XML 1.0 forbids', () => {
		expect(escapeXml(`<a href="x">&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;');
		expect(escapeXml('a\u0000b\u001Fc\uFFFEd\uD800e😀')).toBe('abcde😀');
		expect(escapeXml('tab\tline\nret\r')).toBe('tab\tline\nret\r');
	});

	it('writes a well-formed feed with the elements RFC 4287 requires', () => {
		const xml = renderAtom(feed());
		expect(xml).not.toContain('<script>');
		const root = parseXml(xml);
		expect(root.localName).toBe('feed');
		expect(root.namespaceURI).toBe('http://www.w3.org/2005/Atom');
		expect(root.getAttribute('xml:lang')).toBe('fr');
		for (const name of ['id', 'title', 'updated', 'author']) expect(childNamed(root, name), name).toBeDefined();
		expect(childNamed(root, 'title')!.textContent).toBe(`Plan <script>alert("x")</script> & 'quotes'  ok  fin`);
		expect(childNamed(root, 'updated')!.textContent).toBe('2024-03-01T10:00:00Z');
		const links = childrenNamed(root, 'link');
		expect(links.find((l) => l.getAttribute('rel') === 'self')?.getAttribute('href')).toBe('https://jalons.test/flux/plan.atom?x=1&y=2');
		expect(links.find((l) => l.getAttribute('rel') === 'alternate')?.getAttribute('type')).toBe('text/html');
		const [entry] = childrenNamed(root, 'entry');
		expect(childNamed(entry!, 'id')!.textContent).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
		expect(childNamed(childNamed(entry!, 'author')!, 'name')!.textContent).toBe('DINUM & co');
		const content = childNamed(entry!, 'content')!;
		expect(content.getAttribute('type')).toBe('html');
		// Once the XML is read, the content is HTML in which the script is still only text.
		expect(content.textContent).toBe('<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;  ok  fin</p>');
	});

	it('is checked by a reader that refuses XML that is not well-formed', () => {
		for (const bad of ['<a>&</a>', '<a>&nbsp;</a>', '<a>1 < 2</a>', '<a><b></a>', '<a x=1/>', '<a x="1" x="2"/>', '<a/><b/>', '<a>']) {
			expect(() => parseXml(bad), bad).toThrow();
		}
		expect(parseXml('<a>&amp;&#233;</a>').textContent).toBe('&é');
	});

	it('gives stable, distinct identifiers', () => {
		expect(urnUuid('update:1')).toBe(urnUuid('update:1'));
		expect(urnUuid('update:1')).not.toBe(urnUuid('update:2'));
		expect(atomDate(new Date('2022-05-11T00:00:00.000Z'))).toBe('2022-05-11T00:00:00Z');
	});

	it('shortens long texts on a word boundary for entry titles', () => {
		expect(excerpt('Court.')).toBe('Court.');
		const long = 'Le socle interministériel de logiciels libres compte désormais plus de cinq cents logiciels recommandés par les administrations';
		const short = excerpt(long, 60);
		expect(short.length).toBeLessThanOrEqual(61);
		expect(short.endsWith('…')).toBe(true);
		expect(long.startsWith(short.slice(0, -1))).toBe(true);
	});
});
