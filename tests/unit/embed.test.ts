// Embeddable progress (issue 14), the pure parts: the badge's SVG (words, escaping, sizes, contrast),
// the addresses oEmbed accepts, the snippets, and which routes may be framed.
import { describe, expect, it } from 'vitest';
import type { Handle, RequestEvent } from '@sveltejs/kit';
import { escapeXml, measureBadge, planBadge, renderBadge, textWidth } from '../../src/lib/server/embed/badge';
import { embeddableTarget } from '../../src/lib/server/embed/oembed';
import { badgeSnippet, embedUrls, escapeAttribute, iframeSnippet } from '../../src/lib/embed/snippets';
import { isEmbedRoute, isFramableRoute } from '../../src/lib/server/http/embed-routes';
import { securityHeaders } from '../../src/lib/server/http/security-headers';
import { isUnlocalizedPath } from '../../src/lib/i18n/routing';
import { measurePath } from '../../src/lib/server/http/measure-redirects';
import { STATUS_KEYS, type StatusKey } from '../../src/lib/domain/status';
import type { MeasureEmbed, PlanEmbed } from '../../src/lib/server/domain/embed/embed';
import { parseXml, childrenNamed } from '../helpers/xml';

const plan = { slug: 'plan-x', title: 'Plan <b>x</b> & "y"', titleEn: null, archived: false, archivedOn: null };
const measure = (over: Partial<MeasureEmbed> = {}): MeasureEmbed => ({
	plan,
	number: '2.1',
	title: 'Titre ]]> <!-- & \u0007',
	titleEn: 'English title',
	status: 'IN_PROGRESS',
	statusAsOf: '2026-01-01',
	progress: { value: 42.5, method: 'MANUAL', asOf: null },
	retiredOn: null,
	...over
});
const planEmbed = (over: Partial<PlanEmbed> = {}): PlanEmbed => ({
	plan,
	progress: { value: 12, known: 3, unknown: 1 },
	statusCounts: { NOT_REPORTED: 1, NOT_STARTED: 0, IN_PROGRESS: 2, DONE: 1, CONTINUOUS: 0, ABANDONED: 0 },
	measureCount: 4,
	...over
});

/** Relative luminance (WCAG 2.x) of a #rrggbb colour. */
function luminance(hex: string): number {
	const [r, g, b] = [1, 3, 5].map((i) => {
		const c = parseInt(hex.slice(i, i + 2), 16) / 255;
		return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
	});
	return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const contrastWithWhite = (hex: string) => 1.05 / (luminance(hex) + 0.05);

function boxes(svg: string) {
	const root = parseXml(svg);
	const rects = childrenNamed(root, 'rect');
	const texts = childrenNamed(childrenNamed(root, 'g')[0]!, 'text');
	return {
		root,
		title: childrenNamed(root, 'title')[0]!.textContent,
		segments: rects.map((rect, i) => ({
			x: Number(rect.getAttribute('x')),
			width: Number(rect.getAttribute('width')),
			fill: rect.getAttribute('fill')!,
			text: texts[i]!.textContent!,
			center: Number(texts[i]!.getAttribute('x'))
		}))
	};
}

describe('badge SVG', () => {
	it('is well-formed XML, escapes every text, and drops characters XML forbids', () => {
		const svg = renderBadge(measureBadge(measure(), 'fr'));
		const { root, title } = boxes(svg);
		expect(root.getAttribute('role')).toBe('img');
		expect(root.getAttribute('aria-labelledby')).toBe('titre');
		expect(title).toBe('Mesure 2.1 «\u202fTitre ]]> <!-- & \u202f» du plan «\u202fPlan <b>x</b> & "y"\u202f»\u202f: En cours, avancement 42,5\u202f%.');
		expect(svg).not.toContain('<b>');
		expect(svg).not.toContain('<!--');
		expect(svg).not.toContain('\u0007');
		expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
	});

	it('says the status and the progress in words, in French or in English', () => {
		expect(boxes(renderBadge(measureBadge(measure(), 'fr'))).segments.map((s) => s.text)).toEqual(['Mesure 2.1', 'En cours · avancement 42,5\u202f%']);
		const english = boxes(renderBadge(measureBadge(measure(), 'en')));
		expect(english.root.getAttribute('lang')).toBe('en');
		expect(english.segments.map((s) => s.text)).toEqual(['Measure 2.1', 'In progress · progress 42.5%']);
		expect(english.title).toBe('Measure 2.1 “English title” of the plan “Plan <b>x</b> & "y"”: In progress, progress 42.5%.');
		const unknown = boxes(renderBadge(measureBadge(measure({ status: 'NOT_REPORTED', progress: { value: null, method: 'MILESTONES', asOf: null } }), 'fr')));
		expect(unknown.segments[1]!.text).toBe('Statut non renseigné · avancement non renseigné');
	});

	it('a retired measure and an archived plan say so', () => {
		const retired = boxes(renderBadge(measureBadge(measure({ retiredOn: '2026-03-01', plan: { ...plan, archived: true, archivedOn: '2026-04-01' } }), 'fr')));
		expect(retired.segments.map((s) => s.text)).toEqual(['Mesure 2.1', 'Mesure retirée', 'plan archivé']);
		expect(retired.title).toMatch(/retirée du plan le 1er mars 2026\. Le plan est archivé\.$/);
		const archivedPlan = boxes(renderBadge(planBadge(planEmbed({ plan: { ...plan, archived: true, archivedOn: null } }), 'en')));
		expect(archivedPlan.segments.map((s) => s.text)).toEqual(['Plan progress', '12% · 1 of 4 measures done', 'plan archived']);
	});

	it('a plan with no progress known says so in words, not as 0 %', () => {
		const { segments, title } = boxes(renderBadge(planBadge(planEmbed({ progress: { value: null, known: 0, unknown: 4 } }), 'fr')));
		expect(segments[1]!.text).toBe('avancement non renseigné · 1 sur 4 mesures réalisées');
		expect(title).toContain('avancement non renseigné, 1 sur 4');
	});

	it('boxes follow each other, each text centred in a box wider than its estimate plus padding', () => {
		const svg = renderBadge(measureBadge(measure({ retiredOn: null, plan: { ...plan, archived: true, archivedOn: null } }), 'fr'));
		const { root, segments } = boxes(svg);
		let x = 0;
		for (const segment of segments) {
			expect(segment.x).toBe(x);
			expect(segment.width).toBeGreaterThanOrEqual(textWidth(segment.text) + 16);
			expect(segment.center).toBe(segment.x + segment.width / 2);
			x += segment.width;
		}
		expect(Number(root.getAttribute('width'))).toBe(x);
		expect(root.getAttribute('viewBox')).toBe(`0 0 ${x} 24`);
	});

	it('estimates widths from the letters: wide letters, accents, long French words', () => {
		expect(textWidth('WWW')).toBeGreaterThan(textWidth('iii') * 3);
		expect(textWidth('Réalisée')).toBe(textWidth('Realisee'));
		expect(textWidth('Statut non renseigné')).toBeGreaterThan(textWidth('Not reported'));
		// Arial's "Mesure 2.1" at 12 px is about 60 px wide: the estimate leaves room, not twice as much.
		expect(textWidth('Mesure 2.1')).toBeGreaterThanOrEqual(60);
		expect(textWidth('Mesure 2.1')).toBeLessThan(80);
		expect(textWidth('漢字')).toBeGreaterThanOrEqual(24);
	});

	it('white text on every colour it uses has a contrast of at least 4.5:1', () => {
		const fills = new Set<string>();
		for (const status of STATUS_KEYS as readonly StatusKey[]) {
			for (const m of [measure({ status }), measure({ status, retiredOn: '2026-01-01', plan: { ...plan, archived: true, archivedOn: null } })]) {
				for (const s of boxes(renderBadge(measureBadge(m, 'fr'))).segments) fills.add(s.fill);
			}
		}
		for (const p of [planEmbed(), planEmbed({ plan: { ...plan, archived: true, archivedOn: null } })]) {
			for (const s of boxes(renderBadge(planBadge(p, 'fr'))).segments) fills.add(s.fill);
		}
		expect(fills.size).toBeGreaterThanOrEqual(8);
		for (const fill of fills) expect(contrastWithWhite(fill), fill).toBeGreaterThanOrEqual(4.5);
	});
});

describe('oEmbed addresses', () => {
	const origin = 'https://jalons.example.gouv.fr';
	it('accepts the public measure and plan pages of this origin, in either language, query and hash ignored', () => {
		expect(embeddableTarget(`${origin}/plans/plan-x/mesures/2.1`, origin)).toEqual({ target: { kind: 'measure', slug: 'plan-x', number: '2.1' }, locale: 'fr' });
		expect(embeddableTarget(`${origin}/en/plans/plan-x/?date=2026-01-01#a`, origin)).toEqual({ target: { kind: 'plan', slug: 'plan-x' }, locale: 'en' });
	});

	it('refuses other origins, other pages and malformed parameters', () => {
		for (const url of [
			'https://jalons.example.gouv.fr.evil.example/plans/plan-x',
			'http://jalons.example.gouv.fr/plans/plan-x',
			'https://user:pw@jalons.example.gouv.fr/plans/plan-x',
			`${origin}/plans/PLAN/mesures/1`,
			`${origin}/plans/plan-x/mesures/1..2`,
			`${origin}/plans/plan-x/mesures/1/historique`,
			`${origin}/plans/plan-x/evolution`,
			`${origin}/fr/plans/plan-x`,
			`${origin}/integrer/plans/plan-x`,
			'/plans/plan-x',
			'javascript:alert(1)'
		]) {
			expect(embeddableTarget(url, origin), url).toBeNull();
		}
	});
});

describe('snippets', () => {
	it('absolute addresses on the origin given; English cards under /en, English badges with ?lang=en', () => {
		const origin = 'https://jalons.example.gouv.fr';
		expect(embedUrls(origin, { kind: 'measure', slug: 'p', number: '1.2' }, 'fr')).toEqual({
			page: `${origin}/plans/p/mesures/1.2`,
			card: `${origin}/integrer/plans/p/mesures/1.2`,
			badge: `${origin}/plans/p/mesures/1.2/badge.svg`
		});
		expect(embedUrls(origin, { kind: 'plan', slug: 'p' }, 'en')).toEqual({
			page: `${origin}/en/plans/p`,
			card: `${origin}/en/integrer/plans/p`,
			badge: `${origin}/plans/p/badge.svg?lang=en`
		});
	});

	it('escape what they put in attributes', () => {
		expect(escapeAttribute('a"b<c>&d')).toBe('a&quot;b&lt;c&gt;&amp;d');
		const html = iframeSnippet('https://x/?a=1&b=2', 'Plan "x" <y>', { width: 480, height: 260 });
		expect(html).toBe(
			'<iframe src="https://x/?a=1&amp;b=2" title="Plan &quot;x&quot; &lt;y&gt;" width="480" height="260" style="border:0;max-width:100%" loading="lazy"></iframe>'
		);
		const urls = embedUrls('https://x', { kind: 'plan', slug: 'p' }, 'en');
		expect(badgeSnippet(urls, 'Progress of "p"')).toBe('<a href="https://x/en/plans/p"><img src="https://x/plans/p/badge.svg?lang=en" alt="Progress of &quot;p&quot;"></a>');
	});
});

describe('framing', () => {
	it('only the cards may be framed; badges, cards and oEmbed are embedding routes', () => {
		expect(isFramableRoute('/(public)/integrer/plans/[slug=slug]')).toBe(true);
		expect(isFramableRoute('/(public)/integrer/plans/[slug=slug]/mesures/[numero=numero]')).toBe(true);
		for (const id of ['/(public)/plans/[slug=slug]', '/(public)/plans/[slug=slug]/badge.svg', '/(public)/oembed', '/(app)/admin/plans', null])
			expect(isFramableRoute(id), String(id)).toBe(false);
		for (const id of [
			'/(public)/plans/[slug=slug]/badge.svg',
			'/(public)/plans/[slug=slug]/mesures/[numero=numero]/badge.svg',
			'/(public)/oembed',
			'/(public)/integrer/plans/[slug=slug]'
		]) {
			expect(isEmbedRoute(id), id).toBe(true);
		}
		for (const id of ['/(public)/plans/[slug=slug]', '/(public)/plans/[slug=slug]/mesures/[numero=numero]', '/(app)/compte', null])
			expect(isEmbedRoute(id), String(id)).toBe(false);
	});

	it('the security headers: frame-ancestors * and no X-Frame-Options on the cards only', async () => {
		const run = async (routeId: string | null) => {
			const event = { route: { id: routeId }, url: new URL('http://x/') } as unknown as RequestEvent;
			const page = new Response('<p>page</p>', { headers: { 'Content-Security-Policy': "default-src 'self'; frame-ancestors 'none'; form-action 'self'" } });
			return (await (securityHeaders as Handle)({ event, resolve: async () => page })).headers;
		};
		const card = await run('/(public)/integrer/plans/[slug=slug]');
		expect(card.get('x-frame-options')).toBeNull();
		expect(card.get('content-security-policy')).toBe("default-src 'self'; frame-ancestors *; form-action 'self'");
		for (const id of ['/(public)/plans/[slug=slug]', '/(public)/plans/[slug=slug]/badge.svg', '/(app)/admin/plans', null]) {
			const headers = await run(id);
			expect(headers.get('x-frame-options'), String(id)).toBe('DENY');
			expect(headers.get('content-security-policy'), String(id)).toContain("frame-ancestors 'none'");
		}
	});

	it('/oembed is not a page: no /en twin', () => {
		expect(isUnlocalizedPath('/oembed')).toBe(true);
		expect(isUnlocalizedPath('/en/oembed')).toBe(true);
		expect(isUnlocalizedPath('/integrer/plans/x')).toBe(false);
	});
});

describe('old measure numbers', () => {
	it('a badge and a card copied before a measure moved keep working (301 to the new number)', () => {
		expect(measurePath('/plans/plan-a/mesures/1.2/badge.svg')!.withNumber('3.4')).toBe('/plans/plan-a/mesures/3.4/badge.svg');
		expect(measurePath('/integrer/plans/plan-a/mesures/1.2')!.withNumber('3.4')).toBe('/integrer/plans/plan-a/mesures/3.4');
		expect(measurePath('/en/integrer/plans/plan-a/mesures/1.2')!.withNumber('3.4')).toBe('/en/integrer/plans/plan-a/mesures/3.4');
		expect(measurePath('/integrer/plans/plan-a')).toBeNull();
	});
});
