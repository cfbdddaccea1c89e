// Conditional GET for public, read-only responses: a strong ETag (SHA-256 of the exact body bytes),
// a shared-cache policy, and 304 Not Modified when the client already holds that body. Any public
// route can use it: pass the request, the body and the headers it would send anyway.
import { createHash } from 'node:crypto';

export const PUBLIC_CACHE_CONTROL = 'public, max-age=60, s-maxage=300, stale-while-revalidate=600';

/**
 * Public HTML pages: browsers revalidate on every visit (a cheap 304 with the page cache's ETag), so
 * that someone who just saw a change announced finds it; shared caches may keep a page a minute.
 */
export const PUBLIC_PAGE_CACHE_CONTROL = 'public, max-age=0, s-maxage=60, stale-while-revalidate=60';

/** Headers that describe a body: a 304 has none, so they are left off it (RFC 9110 §15.4.5). */
const BODY_HEADERS = ['content-type', 'content-length', 'content-disposition', 'content-encoding'];

export function strongEtag(body: string | Uint8Array<ArrayBuffer>): string {
	return `"${createHash('sha256').update(body).digest('base64url')}"`;
}

/** If-None-Match uses the weak comparison: W/"x" matches "x"; "*" matches any current body. */
export function etagMatches(ifNoneMatch: string | null, etag: string): boolean {
	if (!ifNoneMatch) return false;
	const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
	const wanted = opaque(etag);
	return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === wanted);
}

export interface CachedResponseOptions {
	status?: number;
	headers?: HeadersInit;
	cacheControl?: string;
}

export function cachedResponse(request: Request, body: string | Uint8Array<ArrayBuffer>, options: CachedResponseOptions = {}): Response {
	const etag = strongEtag(body);
	const headers = new Headers(options.headers);
	headers.set('ETag', etag);
	headers.set('Cache-Control', options.cacheControl ?? PUBLIC_CACHE_CONTROL);
	if ((request.method === 'GET' || request.method === 'HEAD') && etagMatches(request.headers.get('if-none-match'), etag)) {
		for (const name of BODY_HEADERS) headers.delete(name);
		return new Response(null, { status: 304, headers });
	}
	return new Response(body, { status: options.status ?? 200, headers });
}

/**
 * A public file produced piece by piece. A small one is collected and answered as `cachedResponse`
 * does (ETag, 304, page cache). A large one starts leaving with its first piece, with no ETag (its
 * hash is only known at the end) and `no-cache`, so that neither the page cache nor a shared cache
 * waits for the whole of it or keeps a copy.
 */
export async function fileResponse(request: Request, file: { chunks: AsyncIterable<string>; streamed: boolean }, headers: Record<string, string>): Promise<Response> {
	if (!file.streamed) {
		let body = '';
		for await (const chunk of file.chunks) body += chunk;
		return cachedResponse(request, body, { headers });
	}
	const iterator = file.chunks[Symbol.asyncIterator]();
	const encoder = new TextEncoder();
	const body = new ReadableStream<Uint8Array>(
		{
			async pull(controller) {
				const next = await iterator.next();
				if (next.done) controller.close();
				else controller.enqueue(encoder.encode(next.value));
			},
			async cancel() {
				await iterator.return?.();
			}
		},
		{ highWaterMark: 0 }
	);
	return new Response(body, { headers: { ...headers, 'Cache-Control': 'public, no-cache' } });
}
