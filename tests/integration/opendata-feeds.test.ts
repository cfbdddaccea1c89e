// Atom feeds of the real plan: well-formed, complete, scoped, escaped, cacheable, without drafts;
// status changes and milestones reached come from the audit log.
import { error } from '@sveltejs/kit';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { freshDatabase, type TestDatabase } from '../helpers/database';
import { requestEvent } from '../helpers/request-event';
import { childNamed, childrenNamed, parseXml, type Element } from '../helpers/xml';
import { DEFAULT_PLAN_SLUG } from '../../src/lib/server/seed';
import { buildFeed } from '../../src/lib/server/feeds/plan-feed';
import { DRAFT_ENTITY } from '../../src/lib/server/domain/measures/editing';
import { GET as planFeed } from '../../src/routes/(public)/flux/[slug=slug].atom/+server';
import { GET as axisFeed } from '../../src/routes/(public)/flux/[slug=slug]/axes/[n].atom/+server';
import { GET as measureFeed } from '../../src/routes/(public)/flux/[slug=slug]/mesures/[numero=numero].atom/+server';

const db = vi.hoisted((): { current: unknown } => ({ current: null }));
vi.mock('../../src/lib/server/db/request', () => ({ requestDb: async () => db.current ?? error(503, 'down') }));

const SLUG = DEFAULT_PLAN_SLUG;
const SELF = `https://jalons.test/flux/${SLUG}.atom`;
const DRAFT_TEXT = 'BROUILLON-FLUX-SECRET';
const NASTY = 'Gazette <b>n°2</b> & « guillemets » "doubles" \u0007';
let database: TestDatabase;

const entries = (feed: Element) => childrenNamed(feed, 'entry');
const text = (node: Element, name: string) => childNamed(node, name)?.textContent;
const attribute = (node: Element | undefined, name: string) => node?.getAttribute(name) ?? undefined;
async function feedOf(scope: Parameters<typeof buildFeed>[2]) {
	return parseXml((await buildFeed(database.prisma, SLUG, scope, SELF))!);
}

beforeAll(async () => {
	database = await freshDatabase({ plan: true });
	db.current = database.prisma;
	const prisma = database.prisma;
	const m = await prisma.measure.findFirstOrThrow({ where: { number: '3.1' } });
	const later = new Date('2030-06-01T08:00:00Z');
	await prisma.progressUpdate.create({ data: { planId: m.planId, measureId: m.id, date: new Date('2030-05-01'), text: DRAFT_TEXT, sourceUrls: [] } });
	await prisma.auditEvent.createMany({
		data: [
			{ at: later, actorLabel: 'test', action: 'create', entityType: DRAFT_ENTITY, entityId: 'draft', planId: m.planId, measureId: m.id, after: { text: DRAFT_TEXT } },
			{
				at: later,
				actorLabel: 'Alice',
				action: 'update',
				entityType: 'Measure',
				entityId: m.id,
				planId: m.planId,
				measureId: m.id,
				before: { status: null },
				after: { status: 'IN_PROGRESS' }
			},
			// An edit that leaves the status alone is not news.
			{
				at: later,
				actorLabel: 'Alice',
				action: 'update',
				entityType: 'Measure',
				entityId: m.id,
				planId: m.planId,
				measureId: m.id,
				before: { status: 'IN_PROGRESS', description: 'a' },
				after: { status: 'IN_PROGRESS', description: 'b' }
			},
			{
				at: later,
				actorLabel: 'Alice',
				action: 'update',
				entityType: 'Milestone',
				entityId: 'ms1',
				planId: m.planId,
				measureId: m.id,
				before: { title: NASTY, doneOn: null },
				after: { title: NASTY, doneOn: '2030-05-31' }
			}
		]
	});
	await prisma.progressUpdate.create({
		data: {
			planId: m.planId,
			measureId: m.id,
			date: new Date('2030-05-02'),
			text: `Publié : ${NASTY}\n\nSuite <script>alert(1)</script>`,
			sourceUrls: ['https://example.org/a?b=1&c=2', 'javascript:alert(1)'],
			publishedAt: later
		}
	});
});
afterAll(async () => {
	await database?.close();
});

describe('Atom feeds', () => {
	it('the plan feed is well-formed Atom with the required elements', async () => {
		const feed = await feedOf({ kind: 'plan' });
		expect(feed.localName).toBe('feed');
		expect(feed.namespaceURI).toBe('http://www.w3.org/2005/Atom');
		expect(text(feed, 'id')).toMatch(/^urn:uuid:/);
		expect(text(feed, 'title')).toContain('Plan d’action logiciels libres');
		expect(text(feed, 'updated')).toBe('2030-06-01T08:00:00Z');
		expect(text(childNamed(feed, 'author')!, 'name')).toBe('Jalons');
		const links = childrenNamed(feed, 'link');
		expect(
			attribute(
				links.find((l) => attribute(l, 'rel') === 'self'),
				'href'
			)
		).toBe(SELF);
		expect(
			attribute(
				links.find((l) => attribute(l, 'rel') === 'alternate'),
				'href'
			)
		).toBe(`https://jalons.test/plans/${SLUG}`);
		const list = entries(feed);
		expect(list).toHaveLength(50);
		const ids = list.map((e) => text(e, 'id'));
		expect(new Set(ids).size).toBe(50);
		for (const entry of list) {
			expect(text(entry, 'id')).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
			expect(text(entry, 'title')!.length).toBeGreaterThan(0);
			expect(text(entry, 'updated')).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
			expect(attribute(childNamed(entry, 'link'), 'href')).toMatch(/^https:\/\/jalons\.test\/plans\//);
			expect(childNamed(entry, 'content')).toBeDefined();
		}
		const updated = list.map((e) => text(e, 'updated')!);
		expect(updated).toEqual([...updated].sort().reverse());
	});

	it('shows status changes and milestones reached, never drafts', async () => {
		const xml = (await buildFeed(database.prisma, SLUG, { kind: 'measure', number: '3.1' }, SELF))!;
		expect(xml).not.toContain(DRAFT_TEXT);
		const titles = entries(parseXml(xml)).map((e) => text(e, 'title'));
		expect(titles.filter((t) => t?.startsWith('Mesure 3.1\u202f: statut'))).toEqual(['Mesure 3.1\u202f: statut «\u202fEn cours\u202f»']);
		expect(titles).toContain('Mesure 3.1\u202f: jalon atteint, Gazette <b>n°2</b> & « guillemets » "doubles" ');
		for (const scope of [{ kind: 'plan' }, { kind: 'axis', number: 3 }] as const) expect(await buildFeed(database.prisma, SLUG, scope, SELF)).not.toContain(DRAFT_TEXT);
	});

	it('escapes what people wrote: no markup gets through, links are web addresses only', async () => {
		const xml = (await buildFeed(database.prisma, SLUG, { kind: 'measure', number: '3.1' }, SELF))!;
		expect(xml).not.toContain('<script>');
		expect(xml).not.toContain('<b>');
		expect(xml).not.toContain('\u0007');
		const entry = entries(parseXml(xml)).find((e) => text(e, 'title')?.includes('Publié'))!;
		const content = childNamed(entry, 'content')!;
		expect(content.getAttribute('type')).toBe('html');
		expect(content.textContent).toContain('Suite &lt;script&gt;alert(1)&lt;/script&gt;');
		expect(content.textContent).toContain('<a href="https://example.org/a?b=1&amp;c=2">');
		expect(content.textContent).not.toContain('href="javascript:');
		const lead = await database.prisma.owner.findFirstOrThrow({ where: { leadMeasures: { some: { number: '3.1' } } } });
		expect(text(childNamed(entry, 'author')!, 'name')).toBe(lead.name);
	});

	it('scopes axis and measure feeds', async () => {
		const axis = await feedOf({ kind: 'axis', number: 2 });
		const hrefs = entries(axis).map((e) => attribute(childNamed(e, 'link'), 'href')!);
		expect(hrefs.length).toBeGreaterThan(0);
		expect(hrefs.every((h) => /\/mesures\/2\.\d$/.test(h))).toBe(true);
		const measure = await feedOf({ kind: 'measure', number: '2.2' });
		const published = await database.prisma.progressUpdate.count({ where: { measure: { number: '2.2' }, publishedAt: { not: null } } });
		expect(entries(measure)).toHaveLength(Math.min(published, 50));
		expect(text(measure, 'id')).not.toBe(text(axis, 'id'));
	});

	it('does not exist for an unknown plan, axis or measure', async () => {
		expect(await buildFeed(database.prisma, 'inconnu', { kind: 'plan' }, SELF)).toBeNull();
		expect(await buildFeed(database.prisma, SLUG, { kind: 'axis', number: 9 }, SELF)).toBeNull();
		expect(await buildFeed(database.prisma, SLUG, { kind: 'measure', number: '9.9' }, SELF)).toBeNull();
	});
});

describe('feed routes', () => {
	it('serve application/atom+xml with an ETag, and 304 when unchanged', async () => {
		const url = `/flux/${SLUG}.atom`;
		const response = await planFeed(requestEvent(url, { slug: SLUG }));
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
		expect(parseXml(await response.text()).localName).toBe('feed');
		const etag = response.headers.get('etag')!;
		const again = await planFeed(requestEvent(url, { slug: SLUG }, { 'If-None-Match': etag }));
		expect(again.status).toBe(304);
		const axis = await axisFeed(requestEvent(`/flux/${SLUG}/axes/1.atom`, { slug: SLUG, n: '1' }));
		expect(axis.status).toBe(200);
		const measure = await measureFeed(requestEvent(`/flux/${SLUG}/mesures/2.2.atom`, { slug: SLUG, numero: '2.2' }));
		expect(measure.status).toBe(200);
	});

	it('answer 404 for what does not exist', async () => {
		const cases = [
			() => planFeed(requestEvent('/flux/inconnu.atom', { slug: 'inconnu' })),
			() => planFeed(requestEvent('/flux/x.atom', { slug: '<x>' })),
			() => axisFeed(requestEvent(`/flux/${SLUG}/axes/0.atom`, { slug: SLUG, n: '0' })),
			() => axisFeed(requestEvent(`/flux/${SLUG}/axes/7.atom`, { slug: SLUG, n: '7' })),
			() => measureFeed(requestEvent(`/flux/${SLUG}/mesures/x.atom`, { slug: SLUG, numero: 'x' }))
		];
		// Some handlers throw before their first await: run each inside a promise.
		for (const run of cases) await expect(Promise.resolve().then(run)).rejects.toMatchObject({ status: 404 });
	});
});
