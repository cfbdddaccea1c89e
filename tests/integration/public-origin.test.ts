// Absolute links come from ORIGIN (http://jalons.test in the tests, vite.config.ts), never from the
// request: a request addressed to another host, with forged Host and X-Forwarded-Host headers, still
// gets invitation and reset links, feeds, API links, sitemap and robots.txt pointing at ORIGIN.
import { error } from '@sveltejs/kit';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { freshDatabase, type TestDatabase } from '../helpers/database';
import { makeUser } from './auth-fixtures';
import { DEFAULT_PLAN_SLUG } from '../../src/lib/server/seed';
import { GET as sitemap } from '../../src/routes/sitemap.xml/+server';
import { GET as robots } from '../../src/routes/robots.txt/+server';
import { GET as planFeed } from '../../src/routes/(public)/flux/[slug=slug].atom/+server';
import { GET as apiRoot } from '../../src/routes/api/v1/+server';
import { GET as apiPlans } from '../../src/routes/api/v1/plans/+server';
import { GET as apiMeasures } from '../../src/routes/api/v1/plans/[slug]/measures/+server';
import { GET as openapi } from '../../src/routes/api/v1/openapi.json/+server';
import { GET as openDataFile } from '../../src/routes/(public)/donnees/[slug=slug]/[file]/+server';
import { actions as inviteActions } from '../../src/routes/(app)/admin/utilisateurs/inviter/+page.server';
import { actions as userActions } from '../../src/routes/(app)/admin/utilisateurs/[id]/+page.server';

const db = vi.hoisted((): { current: unknown } => ({ current: null }));
vi.mock('../../src/lib/server/db/request', () => ({ requestDb: async () => db.current ?? error(503, 'down') }));

const ORIGIN = 'http://jalons.test';
const EVIL = 'evil.example';
const FORGED = { host: EVIL, 'x-forwarded-host': EVIL, 'x-forwarded-proto': 'https', forwarded: `host=${EVIL};proto=https` };
let database: TestDatabase;

/** A request event as a server behind a proxy trusting forwarded headers would have built it. */
function forgedEvent<E>(path: string, params: Record<string, string> = {}, init: { method?: string; body?: URLSearchParams; user?: unknown } = {}): E {
	const url = new URL(path, `https://${EVIL}`);
	const request = new Request(url, {
		method: init.method ?? 'GET',
		headers: { ...FORGED, ...(init.body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
		body: init.body
	});
	return {
		url,
		params,
		request,
		route: { id: null },
		locals: { requestId: 'test', locale: 'fr', user: init.user ?? null },
		cookies: { get: () => undefined },
		getClientAddress: () => '127.0.0.1'
	} as unknown as E;
}

async function text(response: Response | Promise<Response>): Promise<string> {
	const r = await response;
	return `${r.headers.get('link') ?? ''}\n${await r.text()}`;
}

beforeAll(async () => {
	database = await freshDatabase({ plan: true });
	db.current = database.prisma;
}, 120_000);
afterAll(async () => {
	await database?.close();
});

describe('a request with a forged host', () => {
	it.each([
		['sitemap.xml', () => sitemap(forgedEvent('/sitemap.xml'))],
		['robots.txt', () => robots(forgedEvent('/robots.txt'))],
		['plan feed', () => planFeed(forgedEvent(`/flux/${DEFAULT_PLAN_SLUG}.atom`, { slug: DEFAULT_PLAN_SLUG }))],
		['API root', () => apiRoot(forgedEvent('/api/v1'))],
		['API plans', () => apiPlans(forgedEvent('/api/v1/plans'))],
		['API measures page (Link header)', () => apiMeasures(forgedEvent(`/api/v1/plans/${DEFAULT_PLAN_SLUG}/measures?page=2&per_page=3`, { slug: DEFAULT_PLAN_SLUG }))],
		['OpenAPI document', () => openapi(forgedEvent('/api/v1/openapi.json'))],
		['datapackage.json', () => openDataFile(forgedEvent(`/donnees/${DEFAULT_PLAN_SLUG}/datapackage.json`, { slug: DEFAULT_PLAN_SLUG, file: 'datapackage.json' }))]
	])('%s links to ORIGIN only', async (_name, call) => {
		const body = await text(call());
		expect(body).toContain(`${ORIGIN}/`);
		expect(body).not.toContain(EVIL);
	});

	it('gets invitation and reset links to ORIGIN', async () => {
		const admin = await makeUser(database.prisma, ['ADMIN']);
		const body = new URLSearchParams({ email: `invite-${Date.now()}@example.gouv.fr`, displayName: 'Invitée', organisation: '', roles: 'AMDAC' });
		const invited = (await inviteActions.invite!(forgedEvent('/admin/utilisateurs/inviter?/invite', {}, { method: 'POST', body, user: admin }))) as { invited: { link: string } };
		expect(invited.invited.link).toMatch(new RegExp(`^${ORIGIN}/invitation/[A-Za-z0-9_-]+$`));

		const someone = await makeUser(database.prisma, ['AMDAC']);
		const reset = (await userActions.sendReset!(
			forgedEvent(`/admin/utilisateurs/${someone.id}?/sendReset`, { id: someone.id }, { method: 'POST', body: new URLSearchParams(), user: admin })
		)) as { reset: { link: string } };
		expect(reset.reset.link).toMatch(new RegExp(`^${ORIGIN}/reinitialisation/[A-Za-z0-9_-]+$`));
	});
});
