// A draft plan appears nowhere public (issue 11): every public route of a plan, run through the real
// plan-access hook and the route's own handler on a real database, answers 404 to an anonymous
// visitor for a draft and 200 for an active plan arranged the same way; signed-in people see the
// draft's pages (not its feeds, data files nor API); lists (home, sitemap, API) never name it.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { isHttpError, isRedirect, type Handle, type RequestEvent } from '@sveltejs/kit';
// @ts-expect-error -- Kit's own request store (untyped internal export), so that getRequestEvent() works as in a real request.
import { with_request_store as withRequestStore } from '@sveltejs/kit/internal/server';
import { freshDatabase, type TestDatabase } from '../helpers/database';
import { owner, plan, axis, measure, round, user } from '../factories';
import type { Db } from '../../src/lib/server/db';

// The app's process-wide handle is replaced by this file's database (the data itself is real).
const dbRef = vi.hoisted(() => ({ current: null as unknown }));
vi.mock('../../src/lib/server/db/instance', () => ({ db: async () => dbRef.current }));

const inRequest = withRequestStore as <T>(store: unknown, fn: () => T) => T;
const { planAccess } = await import('../../src/lib/server/http/plan-access');

type Loader = (event: never) => unknown;
interface Surface {
	name: string;
	route: string;
	load: () => Promise<Loader>;
	path: (p: Arranged) => string;
	params: (p: Arranged) => Record<string, string>;
	/** Pages a signed-in person previews; feeds, files and the API stay closed to everyone. */
	page: boolean;
}
interface Arranged {
	slug: string;
	owner: string;
	round: string;
	opinion: string;
}

const load = (module: Promise<{ load?: unknown; GET?: unknown }>) => async () => {
	const m = await module;
	return (m.load ?? m.GET) as Loader;
};

const SURFACES: Surface[] = [
	{
		name: 'dashboard',
		route: '/(public)/plans/[slug=slug]',
		load: load(import('../../src/routes/(public)/plans/[slug=slug]/+page.server')),
		path: (p) => `/plans/${p.slug}`,
		params: (p) => ({ slug: p.slug }),
		page: true
	},
	{
		name: 'measure list and search',
		route: '/(public)/plans/[slug=slug]/mesures',
		load: load(import('../../src/routes/(public)/plans/[slug=slug]/mesures/+page.server')),
		path: (p) => `/plans/${p.slug}/mesures?q=mesure`,
		params: (p) => ({ slug: p.slug }),
		page: true
	},
	{
		name: 'measure',
		route: '/(public)/plans/[slug=slug]/mesures/[numero=numero]',
		load: load(import('../../src/routes/(public)/plans/[slug=slug]/mesures/[numero=numero]/+page.server')),
		path: (p) => `/plans/${p.slug}/mesures/1.1`,
		params: (p) => ({ slug: p.slug, numero: '1.1' }),
		page: true
	},
	{
		name: 'history',
		route: '/(public)/plans/[slug=slug]/mesures/[numero=numero]/historique',
		load: load(import('../../src/routes/(public)/plans/[slug=slug]/mesures/[numero=numero]/historique/+page.server')),
		path: (p) => `/plans/${p.slug}/mesures/1.1/historique`,
		params: (p) => ({ slug: p.slug, numero: '1.1' }),
		page: true
	},
	{
		name: 'owner',
		route: '/(public)/plans/[slug=slug]/porteurs/[code=code]',
		load: load(import('../../src/routes/(public)/plans/[slug=slug]/porteurs/[code=code]/+page.server')),
		path: (p) => `/plans/${p.slug}/porteurs/${p.owner}`,
		params: (p) => ({ slug: p.slug, code: p.owner }),
		page: true
	},
	{
		name: 'reports',
		route: '/(public)/plans/[slug=slug]/rapports',
		load: load(import('../../src/routes/(public)/plans/[slug=slug]/rapports/+page.server')),
		path: (p) => `/plans/${p.slug}/rapports`,
		params: (p) => ({ slug: p.slug }),
		page: true
	},
	{
		name: 'report',
		route: '/(public)/plans/[slug=slug]/rapports/[id=id]',
		load: load(import('../../src/routes/(public)/plans/[slug=slug]/rapports/[id=id]/+page.server')),
		path: (p) => `/plans/${p.slug}/rapports/${p.round}`,
		params: (p) => ({ slug: p.slug, id: p.round }),
		page: true
	},
	{
		name: 'opinion',
		route: '/(public)/plans/[slug=slug]/rapports/[id=id]/avis/[avis=id]',
		load: load(import('../../src/routes/(public)/plans/[slug=slug]/rapports/[id=id]/avis/[avis=id]/+page.server')),
		path: (p) => `/plans/${p.slug}/rapports/${p.round}/avis/${p.opinion}`,
		params: (p) => ({ slug: p.slug, id: p.round, avis: p.opinion }),
		page: true
	},
	{
		name: 'compare',
		route: '/(public)/plans/[slug=slug]/comparer',
		load: load(import('../../src/routes/(public)/plans/[slug=slug]/comparer/+page.server')),
		path: (p) => `/plans/${p.slug}/comparer`,
		params: (p) => ({ slug: p.slug }),
		page: true
	},
	{
		name: 'evolution',
		route: '/(public)/plans/[slug=slug]/evolution',
		load: load(import('../../src/routes/(public)/plans/[slug=slug]/evolution/+page.server')),
		path: (p) => `/plans/${p.slug}/evolution`,
		params: (p) => ({ slug: p.slug }),
		page: true
	},
	{
		name: 'open data page',
		route: '/(public)/donnees/[slug=slug]',
		load: load(import('../../src/routes/(public)/donnees/[slug=slug]/+page.server')),
		path: (p) => `/donnees/${p.slug}`,
		params: (p) => ({ slug: p.slug }),
		page: true
	},
	{
		name: 'open data file',
		route: '/(public)/donnees/[slug=slug]/[file]',
		load: load(import('../../src/routes/(public)/donnees/[slug=slug]/[file]/+server')),
		path: (p) => `/donnees/${p.slug}/mesures.csv`,
		params: (p) => ({ slug: p.slug, file: 'mesures.csv' }),
		page: false
	},
	{
		name: 'plan feed',
		route: '/(public)/flux/[slug=slug].atom',
		load: load(import('../../src/routes/(public)/flux/[slug=slug].atom/+server')),
		path: (p) => `/flux/${p.slug}.atom`,
		params: (p) => ({ slug: p.slug }),
		page: false
	},
	{
		name: 'axis feed',
		route: '/(public)/flux/[slug=slug]/axes/[n].atom',
		load: load(import('../../src/routes/(public)/flux/[slug=slug]/axes/[n].atom/+server')),
		path: (p) => `/flux/${p.slug}/axes/1.atom`,
		params: (p) => ({ slug: p.slug, n: '1' }),
		page: false
	},
	{
		name: 'measure feed',
		route: '/(public)/flux/[slug=slug]/mesures/[numero=numero].atom',
		load: load(import('../../src/routes/(public)/flux/[slug=slug]/mesures/[numero=numero].atom/+server')),
		path: (p) => `/flux/${p.slug}/mesures/1.1.atom`,
		params: (p) => ({ slug: p.slug, numero: '1.1' }),
		page: false
	},
	{
		name: 'API plan',
		route: '/api/v1/plans/[slug]',
		load: load(import('../../src/routes/api/v1/plans/[slug]/+server')),
		path: (p) => `/api/v1/plans/${p.slug}`,
		params: (p) => ({ slug: p.slug }),
		page: false
	},
	{
		name: 'API measures',
		route: '/api/v1/plans/[slug]/measures',
		load: load(import('../../src/routes/api/v1/plans/[slug]/measures/+server')),
		path: (p) => `/api/v1/plans/${p.slug}/measures`,
		params: (p) => ({ slug: p.slug }),
		page: false
	},
	{
		name: 'API measure',
		route: '/api/v1/plans/[slug]/measures/[number]',
		load: load(import('../../src/routes/api/v1/plans/[slug]/measures/[number]/+server')),
		path: (p) => `/api/v1/plans/${p.slug}/measures/1.1`,
		params: (p) => ({ slug: p.slug, number: '1.1' }),
		page: false
	}
];

let database: TestDatabase;
let db: Db;
let active: Arranged;
let draft: Arranged;
let signedIn: { id: string; roles: string[]; teamIds: string[]; displayName: string; email: string; organisation: null };

/** The same small plan twice: one public, one a draft, each with a published report and opinion. */
async function arrange(status: 'ACTIVE' | 'DRAFT', n: number): Promise<Arranged> {
	const created = await plan(db, { slug: `plan-${status.toLowerCase()}`, title: `Plan ${status}`, status });
	const team = await owner(db, { code: `EQUIPE_${n}` });
	const ax = await axis(db, created.id);
	await measure(db, ax.id, { leadOwnerId: team.id, title: `Mesure du plan ${status}` });
	const published = await round(db, created.id, { status: 'PUBLISHED', submittedAt: new Date(), publishedAt: new Date() });
	const opinion = await db.opinion.create({
		data: { roundId: published.id, title: 'Avis', text: 'Texte.', date: new Date('2026-01-10T00:00:00Z'), adoptedAt: new Date(), publish: true }
	});
	return { slug: created.slug, owner: team.code, round: published.id, opinion: opinion.id };
}

beforeAll(async () => {
	database = await freshDatabase();
	db = database.prisma;
	dbRef.current = db;
	active = await arrange('ACTIVE', 1);
	draft = await arrange('DRAFT', 2);
	const row = await user(db, { roles: ['EDITOR'] });
	signedIn = { id: row.id, roles: ['EDITOR'], teamIds: [], displayName: row.displayName, email: row.email, organisation: null };
});
afterAll(async () => {
	await database?.close();
});

/** One GET as SvelteKit runs it: the plan-access hook, then the route's load or handler, in a request store. */
async function get(surface: Surface, target: Arranged, user: typeof signedIn | null): Promise<number> {
	const url = new URL(surface.path(target), 'http://jalons.test');
	const event = {
		url,
		params: surface.params(target),
		route: { id: surface.route },
		request: new Request(url, { headers: { accept: surface.page ? 'text/html' : '*/*' } }),
		locals: { requestId: 'test', locale: 'fr', user, session: null },
		cookies: { get: () => undefined },
		setHeaders: () => undefined,
		parent: async () => ({}),
		depends: () => undefined,
		untrack: <T>(fn: () => T) => fn(),
		isDataRequest: false,
		getClientAddress: () => '127.0.0.1'
	} as unknown as RequestEvent;
	const handler = await surface.load();
	const resolve = async (e: RequestEvent): Promise<Response> => {
		try {
			const out = await handler(e as never);
			return out instanceof Response ? out : new Response('page', { status: 200 });
		} catch (error) {
			if (isHttpError(error)) return new Response(error.body.message, { status: error.status });
			if (isRedirect(error)) return new Response(null, { status: error.status });
			throw error;
		}
	};
	const response = await inRequest({ event, state: {} } as never, () => (planAccess as Handle)({ event, resolve }));
	return response.status;
}

describe('a draft on every public route of a plan', () => {
	it.each(SURFACES)('$name: 404 to the public for the draft, 200 for the active plan', async (surface) => {
		expect(await get(surface, active, null)).toBe(200);
		expect(await get(surface, draft, null)).toBe(404);
	});

	it.each(SURFACES)('$name: signed in, the draft’s pages show, its feeds, files and API do not', async (surface) => {
		expect(await get(surface, draft, signedIn)).toBe(surface.page ? 200 : 404);
	});

	it('the API answers for a draft exactly as for a plan that does not exist', async () => {
		const api = SURFACES.find((s) => s.name === 'API plan')!;
		const handler = await api.load();
		const answer = async (slug: string) => {
			const url = new URL(`/api/v1/plans/${slug}`, 'http://jalons.test');
			const event = { url, params: { slug }, route: { id: api.route }, request: new Request(url), locals: { requestId: 't', locale: 'fr', user: null } } as unknown as RequestEvent;
			const response = await inRequest({ event, state: {} } as never, () => (planAccess as Handle)({ event, resolve: (e) => handler(e as never) as Promise<Response> }));
			return { status: response.status, body: (await response.text()).replace(slug, '<slug>') };
		};
		expect(await answer(draft.slug)).toEqual(await answer('plan-qui-n-existe-pas'));
	});
});

describe('lists that name plans', () => {
	it('the sitemap, the API lists and the home page leave the draft out', async () => {
		const { publicPaths } = await import('../../src/lib/server/domain/plans/sitemap');
		const { listPlans, listOwners } = await import('../../src/lib/server/api/resources');
		const { listPublicPlans } = await import('../../src/lib/server/domain/plans/public-list');
		const paths = await publicPaths(db);
		expect(paths).toContain(`/plans/${active.slug}/mesures/1.1`);
		expect(paths.filter((p) => p.includes(draft.slug))).toEqual([]);
		expect((await listPlans(db, 'http://jalons.test')).map((p) => p.slug)).toEqual([active.slug]);
		const owners = await listOwners(db);
		expect(owners.find((o) => o.code === active.owner)?.measures).toHaveLength(1);
		expect(owners.find((o) => o.code === draft.owner)?.measures).toEqual([]);
		expect((await listPublicPlans(db)).map((p) => p.slug)).toEqual([active.slug]);
	});

	it('a public measure’s successions do not name a draft plan’s measure, except for signed-in readers', async () => {
		const { successionsOf } = await import('../../src/lib/server/domain/measures/successions');
		const [from, to] = await Promise.all([
			db.measure.findFirstOrThrow({ where: { plan: { slug: active.slug } } }),
			db.measure.findFirstOrThrow({ where: { plan: { slug: draft.slug } } })
		]);
		await db.measureSuccession.create({ data: { measureId: from.id, successorId: to.id, kind: 'CONTINUED_BY' } });
		await db.measureSuccession.create({ data: { measureId: to.id, successorId: from.id, kind: 'CONTINUED_BY' } });
		expect(await successionsOf(db, from.id)).toEqual({ successors: [], predecessors: [] });
		const signedInView = await successionsOf(db, from.id, { withDrafts: true });
		expect(signedInView.successors.map((s) => s.measure?.plan.slug)).toEqual([draft.slug]);
		expect(signedInView.predecessors.map((s) => s.measure?.plan.slug)).toEqual([draft.slug]);
	});
});
