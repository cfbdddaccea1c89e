import { describe, expect, it } from 'vitest';
import { cachedResponse, etagMatches, PUBLIC_CACHE_CONTROL, strongEtag } from '../../src/lib/server/http/cache';

const get = (headers: Record<string, string> = {}) => new Request('http://jalons.test/x.csv', { headers });

describe('ETag and 304', () => {
	it('sends a strong ETag of the body and the public cache policy', async () => {
		const response = cachedResponse(get(), 'a,b\r\n', { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
		expect(response.status).toBe(200);
		expect(response.headers.get('ETag')).toBe(strongEtag('a,b\r\n'));
		expect(response.headers.get('ETag')).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
		expect(response.headers.get('Cache-Control')).toBe(PUBLIC_CACHE_CONTROL);
		expect(await response.text()).toBe('a,b\r\n');
	});

	it('answers 304 without a body when If-None-Match holds the current ETag', async () => {
		const etag = strongEtag('body');
		for (const header of [etag, `W/${etag}`, `"autre", ${etag}`, '*']) {
			const response = cachedResponse(get({ 'If-None-Match': header }), 'body', {
				headers: { 'Content-Type': 'text/csv', 'Content-Disposition': 'attachment; filename="x.csv"', 'Access-Control-Allow-Origin': '*' }
			});
			expect(response.status, header).toBe(304);
			expect(await response.text()).toBe('');
			expect(response.headers.get('ETag')).toBe(etag);
			expect(response.headers.get('Content-Type')).toBeNull();
			expect(response.headers.get('Content-Disposition')).toBeNull();
			expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*');
		}
	});

	it('sends the body again when the ETag changed', () => {
		expect(cachedResponse(get({ 'If-None-Match': strongEtag('old') }), 'new').status).toBe(200);
		expect(etagMatches(null, strongEtag('x'))).toBe(false);
		expect(strongEtag('a')).not.toBe(strongEtag('b'));
	});
});
