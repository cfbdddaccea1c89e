// Outbound HTTP against a local server started here: statuses, redirects, the address guard, the
// body limit, the timeout, the per-host limit, the user agent and the absence of cookies.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOutbound, type OutboundFailureReason, type OutboundOptions, type OutboundRedirect, type OutboundResult } from '../../src/lib/server/net/outbound';
import { closedPort, startHttpTarget, type HttpTarget, ANSWER_TIMEOUT_MS } from '../helpers/http-target';

let target: HttpTarget;
beforeAll(async () => {
	target = await startHttpTarget();
});
afterAll(async () => {
	await target?.close();
});

/** The failure's reason, or null for an answer: the module's public types, as its callers (feeds, link watch) use them. */
const reasonOf = (result: OutboundResult): OutboundFailureReason | null => (result.ok ? null : result.reason);
const hopsOf = (result: OutboundResult): OutboundRedirect[] => result.redirects;
const head: OutboundOptions = { method: 'HEAD' };

const outbound = () => createOutbound({ allowHosts: ['127.0.0.1'], timeoutMs: ANSWER_TIMEOUT_MS, hostPauseMs: 0, userAgent: 'Jalons (+http://jalons.test)' });

describe('fetchOutbound', () => {
	it('answers 200 with its body, content type and no redirect', async () => {
		const result = await outbound()(`${target.origin}/status/200`, { method: 'GET' });
		expect(result).toMatchObject({ ok: true, status: 200, finalUrl: `${target.origin}/status/200`, redirects: [], contentType: 'text/plain' });
		expect(result.ok && result.body?.toString()).toBe('status 200');
	});

	it.each([404, 410, 500])('passes an HTTP %i on as an answer', async (status) => {
		const result = await outbound()(`${target.origin}/status/${status}`, { method: 'HEAD' });
		expect(result).toMatchObject({ ok: true, status, body: null });
	});

	it('follows a chain of permanent redirects and records each hop', async () => {
		const result = await outbound()(`${target.origin}/chain/3/301`, { method: 'HEAD' });
		expect(result).toMatchObject({ ok: true, status: 200, finalUrl: `${target.origin}/chain/0/301` });
		expect(result.redirects).toEqual([
			{ url: `${target.origin}/chain/3/301`, status: 301 },
			{ url: `${target.origin}/chain/2/301`, status: 301 },
			{ url: `${target.origin}/chain/1/301`, status: 301 }
		]);
	});

	it('follows a temporary redirect', async () => {
		const result = await outbound()(`${target.origin}/chain/1/302`, { method: 'GET' });
		expect(result).toMatchObject({ ok: true, status: 200, redirects: [{ status: 302 }] });
	});

	it('follows at most 5 redirects', async () => {
		expect(await outbound()(`${target.origin}/chain/5/301`, { method: 'HEAD' })).toMatchObject({ ok: true, status: 200 });
		const result = await outbound()(`${target.origin}/chain/6/301`, { method: 'HEAD' });
		expect(result).toMatchObject({ ok: false, reason: 'too-many-redirects' });
		expect(result.redirects).toHaveLength(5);
	});

	it('gives up after the timeout', async () => {
		const started = Date.now();
		const result = await outbound()(`${target.origin}/never`, { method: 'GET' });
		expect(result).toMatchObject({ ok: false, reason: 'timeout' });
		expect(Date.now() - started).toBeLessThan(5 * ANSWER_TIMEOUT_MS);
	});

	it('reports a refused connection', async () => {
		const port = await closedPort();
		const result = await outbound()(`http://127.0.0.1:${port}/`, head);
		expect(reasonOf(result)).toBe('refused');
		expect(hopsOf(result)).toEqual([]);
	});

	it('refuses loopback and private addresses unless the host is allow-listed', async () => {
		const strict = createOutbound({ timeoutMs: ANSWER_TIMEOUT_MS, hostPauseMs: 0 });
		expect(await strict(`${target.origin}/status/200`, { method: 'HEAD' })).toMatchObject({ ok: false, reason: 'private-address' });
		expect(await strict(`http://[::ffff:127.0.0.1]:${target.port}/`, { method: 'HEAD' })).toMatchObject({ ok: false, reason: 'private-address' });
		expect(await strict(`http://[::1]:${target.port}/`, { method: 'HEAD' })).toMatchObject({ ok: false, reason: 'private-address' });
		expect(await strict('http://169.254.169.254/latest/meta-data/', { method: 'GET' })).toMatchObject({ ok: false, reason: 'private-address' });
		// A name is checked on the addresses it resolves to.
		expect(await strict(`http://localhost:${target.port}/`, { method: 'HEAD' })).toMatchObject({ ok: false, reason: 'private-address' });
	});

	it('refuses a redirect to a private address that is not allow-listed', async () => {
		for (const to of [`http://localhost:${target.port}/status/200`, 'http://10.0.0.1/', 'http://[fd00::1]/', `http://[::ffff:7f00:1]:${target.port}/`]) {
			const result = await outbound()(`${target.origin}/redirect?to=${encodeURIComponent(to)}`, { method: 'HEAD' });
			expect(result, to).toMatchObject({ ok: false, reason: 'private-address', redirects: [{ url: expect.stringContaining('/redirect'), status: 302 }] });
		}
	});

	it('refuses other schemes and URLs with credentials', async () => {
		expect(await outbound()('ftp://example.org/file', { method: 'GET' })).toMatchObject({ ok: false, reason: 'scheme' });
		expect(await outbound()('file:///etc/passwd', { method: 'GET' })).toMatchObject({ ok: false, reason: 'scheme' });
		expect(await outbound()(`http://user:secret@127.0.0.1:${target.port}/`, { method: 'GET' })).toMatchObject({ ok: false, reason: 'scheme' });
		expect(await outbound()(`${target.origin}/redirect?to=${encodeURIComponent('file:///etc/passwd')}`, { method: 'GET' })).toMatchObject({ ok: false, reason: 'scheme' });
		expect(await outbound()('not a url', { method: 'GET' })).toMatchObject({ ok: false, reason: 'scheme' });
	});

	it('does not download a huge body', async () => {
		target.hugeBytesSent.value = 0;
		const result = await outbound()(`${target.origin}/huge`, { method: 'GET', maxBodyBytes: 64 * 1024 });
		expect(result).toMatchObject({ ok: false, reason: 'too-large' });
		// Let the server notice the closed socket, then check it stopped early (socket buffers hold a few MB at most).
		await new Promise((resolve) => setTimeout(resolve, 100));
		expect(target.hugeBytesSent.value).toBeGreaterThan(0);
		expect(target.hugeBytesSent.value).toBeLessThan(16 * 1024 * 1024);
		expect(await outbound()(`${target.origin}/huge-declared`, { method: 'GET', maxBodyBytes: 1024 * 1024 })).toMatchObject({ ok: false, reason: 'too-large' });
	});

	it('reads no body with maxBodyBytes 0', async () => {
		target.hugeBytesSent.value = 0;
		expect(await outbound()(`${target.origin}/huge`, { method: 'GET', maxBodyBytes: 0 })).toMatchObject({ ok: true, status: 200, body: null });
	});

	it('sends at most 2 requests at a time to one host, with a pause between them', async () => {
		const fetch = createOutbound({ allowHosts: ['127.0.0.1'], timeoutMs: ANSWER_TIMEOUT_MS, hostPauseMs: 60 });
		const started = Date.now();
		const results = await Promise.all(Array.from({ length: 6 }, (_, i) => fetch(`${target.origin}/slow/${i}?ms=80`, { method: 'GET' })));
		expect(results.every((r) => r.ok && r.status === 200)).toBe(true);
		expect(target.peak.get('/slow')).toBe(2);
		// Three waves of (80 ms + 60 ms pause), at least.
		expect(Date.now() - started).toBeGreaterThanOrEqual(2 * 140 + 80);
	});

	it('identifies itself and sends no cookie, even after being given one', async () => {
		const fetch = outbound();
		await fetch(`${target.origin}/status/200`, { method: 'GET' });
		await fetch(`${target.origin}/status/201`, { method: 'GET' });
		const headers = target.seen.get('/status/201')!;
		expect(headers['user-agent']).toBe('Jalons (+http://jalons.test)');
		expect(headers.cookie).toBeUndefined();
	});
});
