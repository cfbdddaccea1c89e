// The page cache over HTTP, against `node build` on a throwaway PostgreSQL: anonymous readers share
// one rendering, validated by ETag and compressed; signed-in pages never enter it; a write shows at
// once through the instance that made it and within about a second through any other instance.
import { test, expect, ACCOUNTS } from './fixtures';
import { startAppServer, type AppServer } from '../security/app-server';
import { E2E_TEMPLATE_DATABASE_URL } from './servers';

let server: AppServer;
let slug: string;

test.beforeAll(async () => {
	test.setTimeout(120_000);
	server = await startAppServer({ template: E2E_TEMPLATE_DATABASE_URL });
	slug = (await server.queryOne<{ slug: string }>(`SELECT slug FROM "Plan" WHERE "isDefault" LIMIT 1`)).slug;
});

test.afterAll(async () => {
	await server?.stop();
});

const get = (path: string, headers: Record<string, string> = {}) => fetch(server.origin + path, { redirect: 'manual', headers: { accept: 'text/html', ...headers } });

/**
 * A change made as another instance would make it, nothing through this server: the row, its audit
 * event, and the content version with what it touched (recordAudit does both in the same transaction).
 */
async function renameMeasure(number: string, title: string) {
	const measure = await server.queryOne<{ id: string; planId: string }>(
		`UPDATE "Measure" SET title = $1 WHERE number = $2 AND "planId" = (SELECT id FROM "Plan" WHERE slug = $3) RETURNING id, "planId"`,
		[title, number, slug]
	);
	await server.query(
		`INSERT INTO "AuditEvent" ("actorLabel", action, "entityType", "entityId", "planId", "measureId", after) VALUES ('test', 'update', 'Measure', $1, $2, $1, $3)`,
		[measure.id, measure.planId, JSON.stringify({ title })]
	);
	// As markPublicChange records it: the version, and the measure it touched at that version.
	await server.query(
		`WITH bumped AS (UPDATE "ContentVersion" SET version = version + 1 WHERE id = 1 RETURNING version)
		INSERT INTO "ContentChange" (scope, "planId", "measureId", version) SELECT $1, $2, $3, version FROM bumped
		ON CONFLICT (scope) DO UPDATE SET version = EXCLUDED.version`,
		[`measure:${measure.id}`, measure.planId, measure.id]
	);
}

test('anonymous readers share one rendering: same ETag, 304 on revalidation, brotli when accepted', async () => {
	const first = await get(`/plans/${slug}`);
	expect(first.status).toBe(200);
	const body = await first.text();
	const etag = first.headers.get('etag');
	expect(etag).toMatch(/^"[\w-]+"$/);
	expect(first.headers.get('cache-control')).toContain('public');
	const second = await get(`/plans/${slug}`);
	expect(second.headers.get('etag')).toBe(etag);
	expect(await second.text()).toBe(body);
	// Security headers and the request id are those of each response, not replayed blindly.
	expect(second.headers.get('x-request-id')).not.toBe(first.headers.get('x-request-id'));
	expect(second.headers.get('content-security-policy')).toBe(first.headers.get('content-security-policy'));
	expect(second.headers.get('x-content-type-options')).toBe('nosniff');

	const revalidated = await get(`/plans/${slug}`, { 'if-none-match': etag! });
	expect(revalidated.status).toBe(304);

	// fetch decodes the body itself: the header says what travelled, the text that it decodes to the page.
	const compressed = await get(`/plans/${slug}`, { 'accept-encoding': 'br' });
	expect(compressed.headers.get('content-encoding')).toBe('br');
	expect(Number(compressed.headers.get('content-length'))).toBeLessThan(Buffer.byteLength(body) / 4);
	expect(await compressed.text()).toBe(body);
});

test('a page’s data file (client-side navigation) and the page itself are kept apart, whatever Accept says', async () => {
	for (const path of [`/plans/${slug}/mesures`, `/plans/${slug}/mesures/2.2`]) {
		const data = await get(`${path}/__data.json?x-sveltekit-invalidated=01`, { accept: '*/*' });
		expect(data.status, path).toBe(200);
		expect(await data.text(), path).toMatch(/^\{"type":"data"/);
		const page = await get(path, { accept: '*/*' });
		expect(page.status, path).toBe(200);
		expect(page.headers.get('content-type'), path).toMatch(/^text\/html/);
		expect(await page.text(), path).toMatch(/^<!doctype html>/i);
	}
});

test('HEAD of a public page carries the headers of its GET, so that its ETag revalidates the GET', async () => {
	for (const path of [`/plans/${slug}`, `/plans/${slug}/mesures/1.1`, `/flux/${slug}.atom`, `/en/plans/${slug}`]) {
		for (const encoding of [{}, { 'accept-encoding': 'br' }] as Record<string, string>[]) {
			// HEAD first, on a page this test may be the first to ask for: the miss and the hit agree too.
			const head = await fetch(server.origin + path, { method: 'HEAD', headers: { accept: 'text/html', ...encoding } });
			const full = await get(path, encoding);
			expect(head.status, path).toBe(200);
			for (const name of ['etag', 'content-type', 'content-length', 'content-encoding', 'cache-control', 'vary', 'content-security-policy']) {
				expect(head.headers.get(name), `${path} ${name}`).toBe(full.headers.get(name));
			}
			expect(head.headers.get('etag')).toMatch(/^"[\w-]+"$/);
			const revalidated = await get(path, { ...encoding, 'if-none-match': head.headers.get('etag')! });
			expect(revalidated.status, path).toBe(304);
		}
	}
});

test('a signed-in page is never shared, and never served from what anonymous readers got', async () => {
	const login = await fetch(server.origin + '/connexion?/login', {
		method: 'POST',
		redirect: 'manual',
		body: new URLSearchParams({ email: ACCOUNTS.pole.email, password: ACCOUNTS.pole.password, redirectTo: '/' }),
		headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded', origin: server.origin }
	});
	const cookie = login.headers
		.getSetCookie()
		.find((c) => c.includes('jalons_session='))!
		.split(';')[0]!;
	await get(`/plans/${slug}`);
	const signedIn = await get(`/plans/${slug}`, { cookie });
	expect(signedIn.headers.get('cache-control')).toBe('private, no-store');
	const name = (await server.queryOne<{ displayName: string }>(`SELECT "displayName" FROM "User" WHERE email = $1`, [ACCOUNTS.pole.email])).displayName;
	expect(await signedIn.text()).toContain(name);
	expect(await (await get(`/plans/${slug}`)).text()).not.toContain(name);
});

test('a write through this instance shows at once; a write through another instance within seconds', async () => {
	expect(await (await get(`/plans/${slug}/mesures/2.1`)).text()).not.toContain('Titre changé ailleurs');
	await renameMeasure('2.1', 'Titre changé ailleurs');
	// Another instance's write: this one sees the content version move at its next check (once a second).
	await expect.poll(async () => (await get(`/plans/${slug}/mesures/2.1`)).text(), { timeout: 10_000 }).toContain('Titre changé ailleurs');

	await get(`/plans/${slug}/mesures/2.1`);
	await renameMeasure('2.1', 'Titre changé ici');
	// Any POST through this instance (here a refused login) makes it re-read the version before the next answer.
	await fetch(server.origin + '/connexion?/login', {
		method: 'POST',
		redirect: 'manual',
		body: new URLSearchParams({ email: 'personne@jalons.example', password: 'x' }),
		headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded', origin: server.origin }
	});
	expect(await (await get(`/plans/${slug}/mesures/2.1`)).text()).toContain('Titre changé ici');
});
