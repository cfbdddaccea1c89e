import { describe, expect, it } from 'vitest';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { PageCache, type PageCacheOptions } from '../../src/lib/server/http/page-cache';

const PUBLIC = 'public, max-age=60, s-maxage=300';
const ROUTE = '/(public)/plans/[slug]';

function setup(overrides: Partial<PageCacheOptions> = {}) {
	const clock = { now: 1_000_000 };
	const state = { version: '1', versionReads: 0, renders: 0, failVersion: false };
	const cache = new PageCache({
		maxBytes: 1_000_000,
		maxEntryBytes: 100_000,
		maxAgeMs: 60_000,
		versionCheckMs: 1_000,
		readVersion: async () => {
			state.versionReads++;
			if (state.failVersion) throw new Error('database down');
			return state.version;
		},
		now: () => clock.now,
		...overrides
	});
	const url = new URL('http://jalons.test/plans/p?x=1');
	const request = (headers: Record<string, string> = {}, method = 'GET') => new Request(url, { headers, method });
	const renderer =
		(body: string, headers: Record<string, string> = { 'content-type': 'text/html; charset=utf-8', 'cache-control': PUBLIC }, status = 200) =>
		async () => {
			state.renders++;
			return new Response(body, { status, headers });
		};
	/** One request through the cache, as the hook does it. */
	async function get(render: () => Promise<Response>, headers: Record<string, string> = {}, method = 'GET') {
		const req = request(headers, method);
		const key = cache.keyOf(req, url, ROUTE, ['jalons_session']);
		if (key === null) return render();
		return (await cache.lookup(key, req)) ?? cache.store(key, req, render);
	}
	return { cache, clock, state, request, url, renderer, get };
}

describe('page cache', () => {
	it('renders a public page once and serves the same bytes to the next anonymous readers', async () => {
		const { state, renderer, get } = setup();
		const first = await get(renderer('<p>tableau de bord</p>'));
		const second = await get(renderer('<p>autre rendu</p>'));
		expect(await first.text()).toBe('<p>tableau de bord</p>');
		expect(await second.text()).toBe('<p>tableau de bord</p>');
		expect(state.renders).toBe(1);
		expect(second.headers.get('cache-control')).toBe(PUBLIC);
		expect(second.headers.get('etag')).toMatch(/^"[\w-]+"$/);
		expect(second.headers.get('content-length')).toBe(String('<p>tableau de bord</p>'.length));
	});

	it('renders once for a crowd of concurrent misses on the same page', async () => {
		const { state, get } = setup();
		let release: () => void = () => {};
		const gate = new Promise<void>((resolve) => (release = resolve));
		const slow = async () => {
			state.renders++;
			await gate;
			return new Response('<p>page</p>', { headers: { 'content-type': 'text/html', 'cache-control': PUBLIC } });
		};
		const crowd = Array.from({ length: 20 }, () => get(slow));
		await new Promise((resolve) => setTimeout(resolve, 10));
		release();
		const bodies = await Promise.all((await Promise.all(crowd)).map((r) => r.text()));
		expect(state.renders).toBe(1);
		expect(new Set(bodies)).toEqual(new Set(['<p>page</p>']));
	});

	it('a crowd waiting on a response that may not be kept renders it each for itself', async () => {
		const { state, get } = setup();
		const crowd = Array.from({ length: 5 }, () =>
			get(async () => {
				state.renders++;
				await new Promise((resolve) => setTimeout(resolve, 5));
				return new Response('privé', { headers: { 'cache-control': 'private, no-store' } });
			})
		);
		expect((await Promise.all((await Promise.all(crowd)).map((r) => r.text()))).every((b) => b === 'privé')).toBe(true);
		expect(state.renders).toBe(5);
	});

	it('keeps nothing private: no-store, private, Set-Cookie, errors, or a Vary on other headers', async () => {
		const { state, renderer, get } = setup();
		const cases: [Record<string, string>, number][] = [
			[{ 'cache-control': 'private, no-store' }, 200],
			[{ 'cache-control': PUBLIC, 'set-cookie': 'a=b' }, 200],
			[{ 'cache-control': PUBLIC }, 404],
			[{ 'cache-control': PUBLIC, vary: 'Cookie' }, 200],
			[{ 'cache-control': 'no-cache' }, 200]
		];
		for (const [headers, status] of cases) {
			state.renders = 0;
			await get(renderer('x', headers, status));
			await get(renderer('x', headers, status));
			expect(state.renders, JSON.stringify(headers)).toBe(2);
		}
	});

	it('never answers a request with a session cookie, an Authorization header or a writing method from the cache', () => {
		const { cache, url } = setup();
		const key = (init: RequestInit) => cache.keyOf(new Request(url, init), url, ROUTE, ['jalons_session']);
		expect(key({})).not.toBeNull();
		expect(key({ headers: { cookie: 'theme=dark; jalons_session=abc' } })).toBeNull();
		expect(key({ headers: { cookie: '__Host-jalons_session=abc' } })).toBeNull();
		expect(key({ headers: { authorization: 'Bearer x' } })).toBeNull();
		expect(key({ method: 'POST', body: 'a=1' })).toBeNull();
		expect(key({ method: 'HEAD' })).toBe(key({}));
		expect(key({ headers: { accept: 'application/json' } })).not.toBe(key({ headers: { accept: 'text/html' } }));
	});

	it('keeps only the answers of public routes, whatever the response says', () => {
		const { cache, url } = setup();
		const key = (route: string | null) => cache.keyOf(new Request(url), url, route, []);
		for (const route of ['/(public)', '/(public)/plans/[slug]/mesures/[numero]', '/(public)/flux/[slug].atom', '/api/v1/plans/[slug]', '/sitemap.xml']) {
			expect(key(route), route).not.toBeNull();
		}
		for (const route of [null, '/healthz', '/readyz', '/(app)/notifications', '/(app)/plans/[slug]/rapports/travail', '/(auth)/connexion', '/api/[...rest]']) {
			expect(key(route), String(route)).toBeNull();
		}
	});

	it('keys a page and its data file apart, though SvelteKit gives both the page’s URL', () => {
		const { cache } = setup();
		const page = new URL('https://jalons.example/plans/p/mesures');
		const html = cache.keyOf(new Request(page, { headers: { accept: '*/*' } }), page, ROUTE, []);
		const data = cache.keyOf(new Request('https://jalons.example/plans/p/mesures/__data.json?x-sveltekit-invalidated=01', { headers: { accept: '*/*' } }), page, ROUTE, []);
		expect(html).not.toBeNull();
		expect(data).not.toBeNull();
		expect(data).not.toBe(html);
	});

	it('keys by origin: a page asked for under another host name is another entry', () => {
		const { cache } = setup();
		const a = new URL('https://jalons.example/plans/p');
		const b = new URL('https://evil.example/plans/p');
		expect(cache.keyOf(new Request(a), a, ROUTE, [])).not.toBe(cache.keyOf(new Request(b), b, ROUTE, []));
	});

	it('answers HEAD from the cache with the headers of the GET, so that its ETag revalidates the GET', async () => {
		const { state, renderer, get } = setup();
		const page = '<p>' + 'mesure '.repeat(1000) + '</p>';
		for (const encoding of [{}, { 'accept-encoding': 'br' }] as Record<string, string>[]) {
			const head = await get(renderer(page), encoding, 'HEAD');
			const full = await get(renderer(page), encoding);
			expect(head.status).toBe(200);
			expect(await head.text()).toBe('');
			expect([...head.headers].sort()).toEqual([...full.headers].sort());
			const revalidated = await get(renderer(page), { ...encoding, 'if-none-match': head.headers.get('etag')! });
			expect(revalidated.status).toBe(304);
		}
		expect(state.renders).toBe(1);
	});

	it('drops what was rendered before a write once the version is read again (at most once a second)', async () => {
		const { state, clock, renderer, get } = setup();
		await get(renderer('avant'));
		state.version = '2';
		clock.now += 500;
		expect(await (await get(renderer('après'))).text()).toBe('avant');
		clock.now += 600;
		expect(await (await get(renderer('après'))).text()).toBe('après');
		expect(state.versionReads).toBe(2);
	});

	it('re-reads the version at once after a write went through this instance', async () => {
		const { cache, state, renderer, get } = setup();
		await get(renderer('avant'));
		state.version = '2';
		cache.invalidate();
		expect(await (await get(renderer('après'))).text()).toBe('après');
	});

	it('expires entries after maxAge even when the version did not move', async () => {
		const { clock, state, renderer, get } = setup();
		await get(renderer('un'));
		clock.now += 61_000;
		expect(await (await get(renderer('deux'))).text()).toBe('deux');
		expect(state.renders).toBe(2);
	});

	it('answers 304 to a matching If-None-Match', async () => {
		const { renderer, get } = setup();
		const etag = (await get(renderer('corps'))).headers.get('etag')!;
		const revalidated = await get(renderer('corps'), { 'if-none-match': etag });
		expect(revalidated.status).toBe(304);
		expect(await revalidated.text()).toBe('');
		expect(revalidated.headers.get('content-type')).toBeNull();
	});

	it('compresses text for clients that accept it, brotli first, and the bytes decode to the page', async () => {
		const { renderer, get } = setup();
		const page = '<p>' + 'mesure '.repeat(1000) + '</p>';
		await get(renderer(page));
		const br = await get(renderer(page), { 'accept-encoding': 'gzip, deflate, br' });
		expect(br.headers.get('content-encoding')).toBe('br');
		expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString()).toBe(page);
		const gzip = await get(renderer(page), { 'accept-encoding': 'gzip, br;q=0' });
		expect(gzip.headers.get('content-encoding')).toBe('gzip');
		expect(gunzipSync(Buffer.from(await gzip.arrayBuffer())).toString()).toBe(page);
		expect(Number(gzip.headers.get('content-length'))).toBeLessThan(page.length / 10);
	});

	it('sends a response larger than one entry whole, and does not keep it', async () => {
		const { state, get } = setup({ maxEntryBytes: 1000 });
		const big = 'é'.repeat(5000);
		const chunked = async () => {
			state.renders++;
			const encoder = new TextEncoder();
			const stream = new ReadableStream<Uint8Array>({
				start(controller) {
					for (let i = 0; i < 10; i++) controller.enqueue(encoder.encode(big.slice(i * 500, (i + 1) * 500)));
					controller.close();
				}
			});
			return new Response(stream, { headers: { 'content-type': 'text/csv', 'cache-control': PUBLIC } });
		};
		expect(await (await get(chunked)).text()).toBe(big);
		expect(await (await get(chunked)).text()).toBe(big);
		expect(state.renders).toBe(2);
	});

	it('evicts the least recently used entries beyond its size', async () => {
		const { cache, state } = setup({ maxBytes: 2_500 });
		const page = (n: number) => async () => {
			state.renders++;
			return new Response(String(n).repeat(1000), { headers: { 'content-type': 'text/plain', 'cache-control': PUBLIC } });
		};
		const at = async (path: string, n: number) => {
			const url = new URL(`http://jalons.test${path}`);
			const req = new Request(url);
			const key = cache.keyOf(req, url, ROUTE, [])!;
			return (await cache.lookup(key, req)) ?? cache.store(key, req, page(n));
		};
		await at('/a', 1);
		await at('/b', 2);
		await at('/a', 1);
		await at('/c', 3);
		expect(cache.size.entries).toBe(2);
		state.renders = 0;
		await at('/a', 1);
		expect(state.renders).toBe(0);
		await at('/b', 2);
		expect(state.renders).toBe(1);
	});

	it('serves nothing from the cache while the version cannot be read, and still answers', async () => {
		const { state, clock, renderer, get } = setup();
		await get(renderer('avant'));
		state.failVersion = true;
		clock.now += 2_000;
		expect(await (await get(renderer('rendu'))).text()).toBe('rendu');
		expect(await (await get(renderer('rendu encore'))).text()).toBe('rendu encore');
	});

	it('is off with a size of zero', async () => {
		const { cache, url } = setup({ maxBytes: 0 });
		expect(cache.keyOf(new Request(url), url, ROUTE, [])).toBeNull();
	});
});
