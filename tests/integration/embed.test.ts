// Embeddable progress (issue 14): the badges, the cards and the oEmbed endpoint, run as SvelteKit runs
// them (the plan-access hook, then the route's handler or load, in a request store) on a real
// database: what they say, their cache validators, no cookie, and never a draft, even signed in.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { isHttpError, type Handle, type RequestEvent } from '@sveltejs/kit';
// @ts-expect-error -- Kit's own request store (untyped internal export), so that getRequestEvent() works as in a real request.
import { with_request_store as withRequestStore } from '@sveltejs/kit/internal/server';
import { freshDatabase, type TestDatabase } from '../helpers/database';
import { axis, measure, milestone, owner, plan, user } from '../factories';
import type { Db } from '../../src/lib/server/db';

const dbRef = vi.hoisted(() => ({ current: null as unknown }));
vi.mock('../../src/lib/server/db/instance', () => ({ db: async () => dbRef.current }));

const inRequest = withRequestStore as <T>(store: unknown, fn: () => T) => T;
const { planAccess } = await import('../../src/lib/server/http/plan-access');
const { authenticate } = await import('../../src/lib/server/auth/handle');
const { publicOrigin } = await import('../../src/lib/server/config');
const measureBadgeRoute = await import('../../src/routes/(public)/plans/[slug=slug]/mesures/[numero=numero]/badge.svg/+server');
const planBadgeRoute = await import('../../src/routes/(public)/plans/[slug=slug]/badge.svg/+server');
const oembedRoute = await import('../../src/routes/(public)/oembed/+server');
const measureCardRoute = await import('../../src/routes/(public)/integrer/plans/[slug=slug]/mesures/[numero=numero]/+page.server');
const planCardRoute = await import('../../src/routes/(public)/integrer/plans/[slug=slug]/+page.server');

const ROUTES = {
	measureBadge: '/(public)/plans/[slug=slug]/mesures/[numero=numero]/badge.svg',
	planBadge: '/(public)/plans/[slug=slug]/badge.svg',
	oembed: '/(public)/oembed',
	measureCard: '/(public)/integrer/plans/[slug=slug]/mesures/[numero=numero]',
	planCard: '/(public)/integrer/plans/[slug=slug]'
};

let database: TestDatabase;
let db: Db;
let origin: string;
let editor: { id: string; roles: string[]; teamIds: string[]; displayName: string; email: string; organisation: null };
const SLUG = 'plan-a-integrer';
const DRAFT = 'plan-brouillon-a-integrer';
const ARCHIVED = 'plan-archive-a-integrer';

beforeAll(async () => {
	database = await freshDatabase();
	db = database.prisma;
	dbRef.current = db;
	origin = publicOrigin();
	const team = await owner(db);
	// A title with every character XML and HTML give a meaning to.
	const active = await plan(db, { slug: SLUG, title: 'Plan <b>"Écoles" & \'collèges\'</b>', titleEn: 'Schools plan' });
	const ax = await axis(db, active.id);
	await measure(db, ax.id, {
		leadOwnerId: team.id,
		title: 'Ouvrir <script>alert(1)</script> & fermer',
		status: 'IN_PROGRESS',
		progressManual: 40,
		statusAsOf: new Date('2026-02-01')
	});
	const done = await measure(db, ax.id, { leadOwnerId: team.id, status: 'DONE', progressMethod: 'MILESTONES' });
	await milestone(db, done.id, { weight: 1, doneOn: new Date('2026-01-10') });
	await measure(db, ax.id, { leadOwnerId: team.id, status: 'NOT_STARTED', retiredOn: new Date('2026-03-05'), retirementReason: 'Fusionnée.' });
	const draft = await plan(db, { slug: DRAFT, status: 'DRAFT' });
	await measure(db, (await axis(db, draft.id)).id, { leadOwnerId: team.id, status: 'IN_PROGRESS' });
	const archived = await plan(db, { slug: ARCHIVED, status: 'ARCHIVED', archivedOn: new Date('2026-04-01') });
	await measure(db, (await axis(db, archived.id)).id, { leadOwnerId: team.id, status: 'DONE', progressManual: 100 });
	const row = await user(db, { roles: ['EDITOR'] });
	editor = { id: row.id, roles: ['EDITOR'], teamIds: [], displayName: row.displayName, email: row.email, organisation: null };
});
afterAll(async () => {
	await database?.close();
});

interface Call {
	route: string;
	path: string;
	params: Record<string, string>;
	handler: (event: never) => unknown;
	headers?: Record<string, string>;
	user?: typeof editor | null;
	/** The origin the request was addressed to (a forged Host), when not ORIGIN. */
	at?: string;
}

/**
 * One GET through the authenticate and plan-access hooks, then the handler (a page's load answers
 * its data as JSON). A signed-in visitor is simulated by a session the hook would have found.
 */
async function get(call: Call): Promise<Response> {
	const url = new URL(call.path, call.at ?? origin);
	const setCookies: string[] = [];
	const extraHeaders: Record<string, string> = {};
	const event = {
		url,
		params: call.params,
		route: { id: call.route },
		request: new Request(url, { headers: call.headers ?? {} }),
		locals: { requestId: 'test', locale: url.pathname.startsWith('/en/') ? 'en' : 'fr', user: call.user ?? null, session: null },
		cookies: { get: () => (call.user ? 'jeton' : undefined), set: (name: string) => setCookies.push(name), delete: (name: string) => setCookies.push(name) },
		setHeaders: (h: Record<string, string>) => Object.assign(extraHeaders, h),
		parent: async () => ({}),
		depends: () => undefined,
		untrack: <T>(fn: () => T) => fn(),
		isDataRequest: false,
		getClientAddress: () => '127.0.0.1'
	} as unknown as RequestEvent;
	const resolve = async (e: RequestEvent): Promise<Response> => {
		try {
			const out = await call.handler(e as never);
			if (out instanceof Response) return out;
			return new Response(JSON.stringify(out), { status: 200, headers: extraHeaders });
		} catch (error) {
			if (isHttpError(error)) return new Response(error.body.message, { status: error.status });
			throw error;
		}
	};
	const response = await inRequest({ event, state: {} } as never, () => (authenticate as Handle)({ event, resolve: (e) => (planAccess as Handle)({ event: e, resolve }) }));
	expect(setCookies, 'no cookie is ever set or cleared').toEqual([]);
	expect(response.headers.get('set-cookie')).toBeNull();
	return response;
}

const measureBadge = (slug: string, number: string, query = '', extra: Partial<Call> = {}) =>
	get({
		route: ROUTES.measureBadge,
		path: `/plans/${slug}/mesures/${number}/badge.svg${query}`,
		params: { slug, numero: number },
		handler: measureBadgeRoute.GET as never,
		...extra
	});
const planBadge = (slug: string, query = '', extra: Partial<Call> = {}) =>
	get({ route: ROUTES.planBadge, path: `/plans/${slug}/badge.svg${query}`, params: { slug }, handler: planBadgeRoute.GET as never, ...extra });
const oembed = (query: Record<string, string>, at?: string) =>
	get({ route: ROUTES.oembed, path: `/oembed?${new URLSearchParams(query)}`, params: {}, handler: oembedRoute.GET as never, at });

/** The text a person reads: the <title> and the boxes' texts, entities decoded. */
function readable(svg: string): { title: string; texts: string[] } {
	const decode = (s: string) =>
		s
			.replace(/&lt;/g, '<')
			.replace(/&gt;/g, '>')
			.replace(/&quot;/g, '"')
			.replace(/&apos;/g, "'")
			.replace(/&amp;/g, '&');
	return { title: decode(/<title id="titre">([^<]*)<\/title>/.exec(svg)?.[1] ?? ''), texts: [...svg.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((m) => decode(m[1]!)) };
}

describe('badges', () => {
	it('a measure’s badge says its status and progress in words, escaped, with a title and role="img"', async () => {
		const response = await measureBadge(SLUG, '1.1');
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
		expect(response.headers.get('cache-control')).toMatch(/^public,/);
		const svg = await response.text();
		expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="\d+" height="24" viewBox="0 0 \d+ 24" role="img" aria-labelledby="titre" lang="fr"/);
		expect(svg).not.toContain('<script');
		expect(svg).not.toContain('<b>');
		const { title, texts } = readable(svg);
		expect(texts).toEqual(['Mesure 1.1', 'En cours · avancement 40\u202f%']);
		expect(title).toBe(
			'Mesure 1.1 «\u202fOuvrir <script>alert(1)</script> & fermer\u202f» du plan «\u202fPlan <b>"Écoles" & \'collèges\'</b>\u202f»\u202f: En cours, avancement 40\u202f%.'
		);
	});

	it('each box is as wide as its text needs, and a longer text makes a wider badge', async () => {
		const width = (svg: string) => Number(/width="(\d+)"/.exec(svg)?.[1]);
		const inProgress = await (await measureBadge(SLUG, '1.1')).text();
		const done = await (await measureBadge(SLUG, '1.2')).text();
		expect(readable(done).texts).toEqual(['Mesure 1.2', 'Réalisée · avancement 100\u202f%']);
		// "Réalisée · avancement 100 %" is longer than "En cours · avancement 40 %".
		expect(width(done)).toBeGreaterThan(width(inProgress));
	});

	it('in English with ?lang=en, and under the /en address', async () => {
		const svg = await (await measureBadge(SLUG, '1.1', '?lang=en')).text();
		expect(svg).toContain('lang="en"');
		expect(readable(svg).texts).toEqual(['Measure 1.1', 'In progress · progress 40%']);
		expect(readable(svg).title).toContain('of the plan “Schools plan”');
		const prefixed = await (
			await get({ route: ROUTES.measureBadge, path: `/en/plans/${SLUG}/mesures/1.1/badge.svg`, params: { slug: SLUG, numero: '1.1' }, handler: measureBadgeRoute.GET as never })
		).text();
		expect(prefixed).toBe(svg);
	});

	it('a retired measure says so, not its former status', async () => {
		const { title, texts } = readable(await (await measureBadge(SLUG, '1.3')).text());
		expect(texts).toEqual(['Mesure 1.3', 'Mesure retirée']);
		expect(title).toContain('retirée du plan le 5 mars 2026');
	});

	it('an archived plan says so, on the measure’s and the plan’s badge', async () => {
		const measureText = readable(await (await measureBadge(ARCHIVED, '1.1')).text());
		expect(measureText.texts).toEqual(['Mesure 1.1', 'Réalisée · avancement 100\u202f%', 'plan archivé']);
		expect(measureText.title).toMatch(/Le plan est archivé\.$/);
		const planText = readable(await (await planBadge(ARCHIVED)).text());
		expect(planText.texts.at(-1)).toBe('plan archivé');
	});

	it('a plan’s badge: its roll-up and its measures done, retired ones left out', async () => {
		const { title, texts } = readable(await (await planBadge(SLUG)).text());
		// (40 + 100) / 2 = 70; the retired measure counts neither as work nor as done.
		expect(texts).toEqual(['Avancement du plan', '70\u202f% · 1 sur 2 mesures réalisées']);
		expect(title).toContain('avancement 70\u202f%, 1 sur 2 mesures réalisées');
	});

	it('ETag and 304 Not Modified on If-None-Match', async () => {
		const first = await measureBadge(SLUG, '1.1');
		const etag = first.headers.get('etag');
		expect(etag).toMatch(/^"[\w-]+"$/);
		const again = await measureBadge(SLUG, '1.1', '', { headers: { 'if-none-match': etag! } });
		expect(again.status).toBe(304);
		expect(await again.text()).toBe('');
		expect(again.headers.get('etag')).toBe(etag);
		// Another language is another body, another validator.
		const english = await measureBadge(SLUG, '1.1', '?lang=en', { headers: { 'if-none-match': etag! } });
		expect(english.status).toBe(200);
		expect((await planBadge(SLUG, '', { headers: { 'if-none-match': etag! } })).status).toBe(200);
	});

	it('a draft plan’s badges answer 404, to the public and to a signed-in editor alike; so does an unknown measure', async () => {
		expect((await measureBadge(DRAFT, '1.1')).status).toBe(404);
		expect((await planBadge(DRAFT)).status).toBe(404);
		expect((await measureBadge(DRAFT, '1.1', '', { user: editor })).status).toBe(404);
		expect((await planBadge(DRAFT, '', { user: editor })).status).toBe(404);
		expect((await measureBadge(SLUG, '9.9')).status).toBe(404);
		expect((await planBadge('plan-inconnu')).status).toBe(404);
	});

	it('a signed-in visitor gets the public answer: no session read, the shared cache policy kept', async () => {
		const response = await measureBadge(SLUG, '1.1', '', { user: editor });
		expect(response.status).toBe(200);
		expect(response.headers.get('cache-control')).toMatch(/^public,/);
	});
});

describe('cards', () => {
	const card = (route: 'measureCard' | 'planCard', path: string, params: Record<string, string>, user: typeof editor | null = null) =>
		get({ route: ROUTES[route], path, params, handler: (route === 'measureCard' ? measureCardRoute.load : planCardRoute.load) as never, user });

	it('a measure’s card: its status and progress, a link to the public page on ORIGIN, in the page’s language', async () => {
		const response = await card('measureCard', `/integrer/plans/${SLUG}/mesures/1.1`, { slug: SLUG, numero: '1.1' });
		expect(response.status).toBe(200);
		expect(response.headers.get('cache-control')).toMatch(/^public,/);
		const data = await response.json();
		expect(data.embed).toMatchObject({ number: '1.1', status: 'IN_PROGRESS', progress: { value: 40 }, retiredOn: null, plan: { archived: false } });
		expect(data.pageUrl).toBe(`${origin}/plans/${SLUG}/mesures/1.1`);
		const english = await (await card('measureCard', `/en/integrer/plans/${SLUG}/mesures/1.1`, { slug: SLUG, numero: '1.1' })).json();
		expect(english.pageUrl).toBe(`${origin}/en/plans/${SLUG}/mesures/1.1`);
	});

	it('a plan’s card: the roll-up and the counts by status', async () => {
		const data = await (await card('planCard', `/integrer/plans/${SLUG}`, { slug: SLUG })).json();
		expect(data.embed).toMatchObject({ progress: { value: 70 }, measureCount: 2, statusCounts: { IN_PROGRESS: 1, DONE: 1, NOT_STARTED: 0 } });
		expect(data.pageUrl).toBe(`${origin}/plans/${SLUG}`);
	});

	it('a draft plan’s cards answer 404, signed in or not', async () => {
		for (const user of [null, editor]) {
			expect((await card('planCard', `/integrer/plans/${DRAFT}`, { slug: DRAFT }, user)).status).toBe(404);
			expect((await card('measureCard', `/integrer/plans/${DRAFT}/mesures/1.1`, { slug: DRAFT, numero: '1.1' }, user)).status).toBe(404);
		}
	});
});

describe('oEmbed', () => {
	it('a measure page: a "rich" answer with the card’s iframe, title, provider and size', async () => {
		const response = await oembed({ url: `${origin}/plans/${SLUG}/mesures/1.1`, format: 'json' });
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
		expect(response.headers.get('etag')).toBeTruthy();
		const body = await response.json();
		expect(body).toMatchObject({ version: '1.0', type: 'rich', provider_name: 'Jalons', provider_url: `${origin}/`, width: 480, height: 260 });
		expect(body.title).toBe('Jalons\u202f: mesure 1.1 – Ouvrir <script>alert(1)</script> & fermer');
		expect(body.html).toBe(
			`<iframe src="${origin}/integrer/plans/${SLUG}/mesures/1.1" title="Jalons\u202f: mesure 1.1 – Ouvrir &lt;script&gt;alert(1)&lt;/script&gt; &amp; fermer" width="480" height="260" style="border:0;max-width:100%" loading="lazy"></iframe>`
		);
	});

	it('a plan page in English, within maxwidth and maxheight', async () => {
		const body = await (await oembed({ url: `${origin}/en/plans/${SLUG}?date=2026-01-01#axe-1`, maxwidth: '320', maxheight: '200' })).json();
		expect(body).toMatchObject({ width: 320, height: 200, title: 'Jalons: Schools plan', provider_url: `${origin}/` });
		expect(body.html).toContain(`src="${origin}/en/integrer/plans/${SLUG}"`);
		expect(body.html).toContain('width="320" height="200"');
	});

	it('404 for what is not a public page of this instance: another site, a draft, an unknown measure, another page', async () => {
		const refused = [
			`https://ailleurs.example.org/plans/${SLUG}/mesures/1.1`,
			`${origin.replace('http:', 'https:')}/plans/${SLUG}`,
			`${origin}/plans/${DRAFT}`,
			`${origin}/plans/${DRAFT}/mesures/1.1`,
			`${origin}/plans/${SLUG}/mesures/9.9`,
			`${origin}/plans/plan-inconnu`,
			`${origin}/plans/${SLUG}/mesures/1.1/historique`,
			`${origin}/plans/${SLUG}/mesures`,
			`${origin}/admin/plans`,
			'pas une adresse'
		];
		for (const url of refused) {
			const response = await oembed({ url });
			expect(response.status, url).toBe(404);
			expect(await response.json()).toEqual({ error: 'Aucune page publique de mesure ou de plan à cette adresse.' });
		}
	});

	it('501 for the XML format, 400 with a clear message for a missing url or a bad size', async () => {
		const xml = await oembed({ url: `${origin}/plans/${SLUG}`, format: 'xml' });
		expect(xml.status).toBe(501);
		expect((await xml.json()).error).toBe('Seul le format «\u202fjson\u202f» est proposé.');
		const missing = await oembed({});
		expect(missing.status).toBe(400);
		expect((await missing.json()).error).toContain('«\u202furl\u202f» est obligatoire');
		for (const maxwidth of ['0', '-5', 'abc', '12.5']) {
			const bad = await oembed({ url: `${origin}/plans/${SLUG}`, maxwidth });
			expect(bad.status, maxwidth).toBe(400);
			expect((await bad.json()).error).toContain('maxwidth');
		}
	});

	it('compares and builds addresses with ORIGIN, never with the Host a request was sent to', async () => {
		const evil = 'https://evil.example';
		expect((await oembed({ url: `${evil}/plans/${SLUG}` }, evil)).status).toBe(404);
		const body = await (await oembed({ url: `${origin}/plans/${SLUG}` }, evil)).json();
		expect(body.provider_url).toBe(`${origin}/`);
		expect(body.html).toContain(`src="${origin}/integrer/plans/${SLUG}"`);
		const card = await get({ route: ROUTES.planCard, path: `/integrer/plans/${SLUG}`, params: { slug: SLUG }, handler: planCardRoute.load as never, at: evil });
		expect((await card.json()).pageUrl).toBe(`${origin}/plans/${SLUG}`);
	});
});
