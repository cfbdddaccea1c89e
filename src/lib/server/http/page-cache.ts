// An in-process shared cache for anonymous GET and HEAD answers of public routes, so that a crowd of
// citizens reading the same pages does not re-query and re-render them on every request. It keeps
// only answers of an allow-list of public routes (page-cache-routes.ts) to requests without a
// session cookie: 200 responses without Set-Cookie nor a no-store/private policy. A HEAD is answered
// from the same entry as the GET, with the same headers, so that its ETag revalidates the GET.
//
// Freshness: every write a public page can show moves a content version in its own transaction
// (public-changes.ts), so the version changes when the write commits, not before. Each instance
// reads it at most once per `versionCheckMs` (one tiny query a second, not one per request) and
// drops entries rendered under an older version; a write handled by this instance forces a re-read
// at once. Other instances therefore see a change within about a second; `maxAgeMs` bounds the rest.
// State stays in PostgreSQL: each instance's cache is disposable and may be turned off
// (JALONS_PAGE_CACHE_MB=0).
import { gzipSync, brotliCompressSync, constants as zlib } from 'node:zlib';
import { etagMatches, strongEtag } from './cache';
import { isCacheableRoute } from './page-cache-routes';
import { VersionWatch } from '../version-watch';

export interface PageCacheOptions {
	/** Total bytes kept (bodies plus compressed copies); 0 turns the cache off. */
	maxBytes: number;
	/** Larger responses are sent as they are, never kept. */
	maxEntryBytes: number;
	maxAgeMs: number;
	versionCheckMs: number;
	/** The content version: changes whenever anything that a page shows changes. */
	readVersion: () => Promise<string>;
	now?: () => number;
}

interface Entry {
	version: string;
	storedAt: number;
	status: number;
	headers: [string, string][];
	body: Uint8Array<ArrayBuffer>;
	etag: string;
	encoded: Map<'br' | 'gzip', Uint8Array<ArrayBuffer>>;
	bytes: number;
}

/** Headers recomputed for each request, never replayed from the cache. */
const PER_REQUEST_HEADERS = new Set(['x-request-id', 'date', 'content-length', 'content-encoding', 'etag', 'vary']);

export class PageCache {
	readonly #options: PageCacheOptions;
	readonly #now: () => number;
	readonly #entries = new Map<string, Entry>();
	#bytes = 0;
	readonly #version: VersionWatch;
	readonly #rendering = new Map<string, Promise<Entry | null>>();

	constructor(options: PageCacheOptions) {
		this.#options = options;
		this.#now = options.now ?? Date.now;
		this.#version = new VersionWatch({
			read: async () => ({ version: await options.readVersion() }),
			checkMs: options.versionCheckMs,
			now: this.#now,
			onChange: () => this.#clear()
		});
	}

	get enabled(): boolean {
		return this.#options.maxBytes > 0;
	}

	get size(): { entries: number; bytes: number } {
		return { entries: this.#entries.size, bytes: this.#bytes };
	}

	/** A write went through this instance: the next request re-reads the version. */
	invalidate(): void {
		this.#version.invalidate();
	}

	/**
	 * The cache key of a request, or null when its answer must not come from (or go to) the cache.
	 * `routeId` is SvelteKit's (null when no route matched). GET and HEAD share one key.
	 */
	keyOf(request: Request, url: URL, routeId: string | null, sessionCookieNames: string[]): string | null {
		if (!this.enabled || (request.method !== 'GET' && request.method !== 'HEAD') || !isCacheableRoute(routeId)) return null;
		const cookie = request.headers.get('cookie') ?? '';
		if (sessionCookieNames.some((name) => cookie.includes(`${name}=`))) return null;
		if (request.headers.has('authorization')) return null;
		// Pages can answer differently by Accept (content negotiation); the origin keeps a page asked for
		// under one host name from being served under another. The path is the one sent: SvelteKit gives
		// a page's data file (`…/__data.json?x-sveltekit-invalidated=…`, fetched with `Accept: */*` on a
		// client-side navigation) the page's own `url`, and keying on it served that JSON to the next
		// `Accept: */*` reader of the page.
		const sent = new URL(request.url);
		return `${url.origin}\n${request.headers.get('accept') ?? ''}\n${sent.pathname}${sent.search}`;
	}

	/** A cached answer to this request, or null. */
	async lookup(key: string, request: Request): Promise<Response | null> {
		const entry = this.#entries.get(key);
		if (!entry) return null;
		const version = await this.#version.current();
		if (version === null || entry.version !== version || this.#now() - entry.storedAt > this.#options.maxAgeMs) {
			this.#remove(key);
			return null;
		}
		// Least recently used goes first: re-insert on every hit.
		this.#entries.delete(key);
		this.#entries.set(key, entry);
		return this.#respond(key, entry, request);
	}

	/**
	 * Renders the response for a miss and keeps a copy when it may be shared. Concurrent misses on one
	 * key wait for the first rendering instead of each running it: a crowd arriving on a page that
	 * just changed costs one rendering, not one per reader. The version is read before rendering: a
	 * write landing during the render leaves the copy stale by version, dropped at the next check.
	 */
	async store(key: string, request: Request, render: () => Promise<Response>): Promise<Response> {
		const pending = this.#rendering.get(key);
		if (pending) {
			const entry = await pending;
			return entry ? this.#respond(key, entry, request) : render();
		}
		let settle: (entry: Entry | null) => void = () => {};
		this.#rendering.set(key, new Promise((resolve) => (settle = resolve)));
		let entry: Entry | null = null;
		try {
			const kept = await this.#renderAndKeep(key, render);
			entry = kept.entry;
			return entry ? this.#respond(key, entry, request) : kept.response;
		} finally {
			this.#rendering.delete(key);
			settle(entry);
		}
	}

	async #renderAndKeep(key: string, render: () => Promise<Response>): Promise<{ response: Response; entry: Entry | null }> {
		const version = await this.#version.current();
		const response = await render();
		if (version === null || !isShareable(response)) return { response, entry: null };
		const declared = Number(response.headers.get('content-length') ?? NaN);
		if (declared > this.#options.maxEntryBytes || !response.body) return { response, entry: null };
		const read = await readAtMost(response.body, this.#options.maxEntryBytes);
		if (read.rest) {
			// Too large to keep: send what was read followed by the rest of the stream.
			return { response: new Response(concatStreams(read.chunks, read.rest), { status: response.status, headers: response.headers }), entry: null };
		}
		const body = concat(read.chunks);
		const headers = [...response.headers].filter(([name]) => !PER_REQUEST_HEADERS.has(name.toLowerCase()));
		const entry: Entry = { version, storedAt: this.#now(), status: response.status, headers, body, etag: strongEtag(body), encoded: new Map(), bytes: body.byteLength };
		this.#put(key, entry);
		return { response, entry };
	}

	#respond(key: string, entry: Entry, request: Request): Response {
		const headers = new Headers(entry.headers);
		headers.set('ETag', entry.etag);
		headers.set('Vary', 'Accept, Accept-Encoding');
		if (etagMatches(request.headers.get('if-none-match'), entry.etag)) {
			for (const name of ['content-type', 'content-length', 'content-disposition']) headers.delete(name);
			return new Response(null, { status: 304, headers });
		}
		// HEAD: the headers the GET would carry (encoding and length included), without the body.
		const body = (bytes: Uint8Array<ArrayBuffer>) => (request.method === 'HEAD' ? null : bytes);
		const encoding = preferredEncoding(request.headers.get('accept-encoding'));
		const type = headers.get('content-type') ?? '';
		if (encoding && entry.body.byteLength > 1024 && /^(text\/|application\/(json|xml|atom\+xml|rss\+xml|javascript))/.test(type)) {
			let encoded = entry.encoded.get(encoding);
			if (!encoded) {
				encoded = encoding === 'br' ? brotli(entry.body) : new Uint8Array(gzipSync(entry.body, { level: 6 }));
				entry.encoded.set(encoding, encoded);
				this.#grow(key, entry, encoded.byteLength);
			}
			headers.set('Content-Encoding', encoding);
			headers.set('Content-Length', String(encoded.byteLength));
			return new Response(body(encoded), { status: entry.status, headers });
		}
		headers.set('Content-Length', String(entry.body.byteLength));
		return new Response(body(entry.body), { status: entry.status, headers });
	}

	#put(key: string, entry: Entry): void {
		this.#remove(key);
		if (entry.bytes > this.#options.maxBytes) return;
		this.#entries.set(key, entry);
		this.#bytes += entry.bytes;
		this.#evict();
	}

	#grow(key: string, entry: Entry, bytes: number): void {
		entry.bytes += bytes;
		if (this.#entries.get(key) === entry) {
			this.#bytes += bytes;
			this.#evict();
		}
	}

	#evict(): void {
		for (const [key] of this.#entries) {
			if (this.#bytes <= this.#options.maxBytes) break;
			this.#remove(key);
		}
	}

	#remove(key: string): void {
		const entry = this.#entries.get(key);
		if (!entry) return;
		this.#entries.delete(key);
		this.#bytes -= entry.bytes;
	}

	#clear(): void {
		this.#entries.clear();
		this.#bytes = 0;
	}
}

/** The route is public (keyOf checked it); this answer still stays out when it is personal or an error. */
function isShareable(response: Response): boolean {
	if (response.status !== 200 || response.headers.has('set-cookie')) return false;
	const vary = response.headers.get('vary');
	if (vary && vary.split(',').some((name) => !['accept', 'accept-encoding'].includes(name.trim().toLowerCase()))) return false;
	const cacheControl = (response.headers.get('cache-control') ?? '').toLowerCase();
	return !/\b(private|no-store|no-cache)\b/.test(cacheControl);
}

function preferredEncoding(acceptEncoding: string | null): 'br' | 'gzip' | null {
	if (!acceptEncoding) return null;
	const accepted = (name: string) =>
		acceptEncoding.split(',').some((part) => {
			const [token, ...params] = part.trim().toLowerCase().split(';');
			const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
			return token === name && (!q || Number(q.slice(2)) > 0);
		});
	return accepted('br') ? 'br' : accepted('gzip') ? 'gzip' : null;
}

function brotli(body: Uint8Array): Uint8Array<ArrayBuffer> {
	// Quality 5: most of brotli's gain at a fraction of the default's (11) cost.
	return new Uint8Array(brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5, [zlib.BROTLI_PARAM_SIZE_HINT]: body.byteLength } }));
}

async function readAtMost(body: ReadableStream<Uint8Array>, limit: number) {
	const reader = body.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) return { chunks, rest: null };
		chunks.push(value);
		size += value.byteLength;
		if (size > limit) return { chunks, rest: reader };
	}
}

function concat(chunks: Uint8Array[]): Uint8Array<ArrayBuffer> {
	const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
	let offset = 0;
	for (const chunk of chunks) {
		out.set(chunk, offset);
		offset += chunk.byteLength;
	}
	return out;
}

function concatStreams(head: Uint8Array[], rest: ReadableStreamDefaultReader<Uint8Array>): ReadableStream<Uint8Array> {
	return new ReadableStream({
		start(controller) {
			for (const chunk of head) controller.enqueue(chunk);
		},
		async pull(controller) {
			const { done, value } = await rest.read();
			if (done) controller.close();
			else controller.enqueue(value);
		},
		cancel(reason) {
			return rest.cancel(reason);
		}
	});
}
