// Every request Jalons makes to another server (link checks, indicator feeds) goes through here, so
// that the network rules live in one place:
// - http and https only, no credentials in the URL, no cookies sent or kept (plain node:http, no jar);
// - a server-side request forgery guard: every hop's host is resolved by our own `lookup`, each
//   resolved address is checked (src/lib/server/net/addresses.ts) and the socket connects to exactly
//   the addresses that were checked, so a DNS answer that changes between check and connection
//   (rebinding) cannot slip through; the connected address is checked once more when the socket opens;
// - at most 5 redirects, each one recorded; a timeout per request; never more than maxBodyBytes read
//   (the socket is destroyed beyond it, and before reading when Content-Length already says too much);
// - at most 2 requests at a time per host, and a pause before the next one, to stay polite;
// - an identifying user agent, `Jalons (+ORIGIN)`, so that a site's operator knows who is calling.
// An HTTP error (404, 500…) is an answer: `ok: true` with its status, and the caller decides.
import http from 'node:http';
import https from 'node:https';
import dns from 'node:dns';
import type { LookupAddress } from 'node:dns';
import type { Socket } from 'node:net';
import { config, publicOrigin } from '../config';
import { ipLiteral, isPublicAddress } from './addresses';

export interface OutboundRedirect {
	/** The URL that answered with a redirect. */
	url: string;
	status: number;
}

export type OutboundFailureReason = 'timeout' | 'refused' | 'dns' | 'private-address' | 'scheme' | 'too-many-redirects' | 'too-large' | 'network';

export type OutboundResult =
	| { ok: true; status: number; finalUrl: string; redirects: OutboundRedirect[]; contentType: string | null; body: Buffer | null }
	| { ok: false; reason: OutboundFailureReason; status?: number; finalUrl: string; redirects: OutboundRedirect[]; message: string };

export interface OutboundOptions {
	method: 'HEAD' | 'GET';
	/** GET only: the most bytes read (default 5 MiB); beyond it the request fails with 'too-large'. 0: the body is not read at all. */
	maxBodyBytes?: number;
}

export interface OutboundSettings {
	timeoutMs: number;
	/** Host names (as written in URLs, lower case, IPv6 without brackets) allowed to resolve to non-public addresses. */
	allowHosts: string[];
	userAgent: string;
	maxRedirects: number;
	perHostConcurrency: number;
	/** Pause after each request before its slot for the same host is handed to the next one. */
	hostPauseMs: number;
	defaultMaxBodyBytes: number;
}

export type FetchOutbound = (url: string, options: OutboundOptions) => Promise<OutboundResult>;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME', 'ENODATA', 'ESERVFAIL']);

class OutboundError extends Error {
	constructor(
		readonly reason: OutboundFailureReason,
		message: string
	) {
		super(message);
	}
}

/** At most `limit` requests at a time per host; a finished request's slot is handed on after `pauseMs`. */
class HostGate {
	private readonly active = new Map<string, number>();
	private readonly waiting = new Map<string, (() => void)[]>();

	constructor(
		private readonly limit: number,
		private readonly pauseMs: number
	) {}

	async acquire(host: string): Promise<void> {
		const active = this.active.get(host) ?? 0;
		if (active < this.limit) {
			this.active.set(host, active + 1);
			return;
		}
		await new Promise<void>((resolve) => {
			const queue = this.waiting.get(host) ?? [];
			queue.push(resolve);
			this.waiting.set(host, queue);
		});
	}

	release(host: string): void {
		const handOn = () => {
			const queue = this.waiting.get(host);
			const next = queue?.shift();
			if (queue && queue.length === 0) this.waiting.delete(host);
			// The slot passes to the next waiter as is; with nobody waiting it is freed.
			if (next) next();
			else {
				const active = (this.active.get(host) ?? 1) - 1;
				if (active <= 0) this.active.delete(host);
				else this.active.set(host, active);
			}
		};
		if (this.pauseMs > 0) setTimeout(handOn, this.pauseMs).unref();
		else handOn();
	}
}

type Hop = { status: number; location: string | null; contentType: string | null; body: Buffer | null };

function failureFromError(error: unknown): OutboundError {
	if (error instanceof OutboundError) return error;
	const code = (error as NodeJS.ErrnoException | undefined)?.code ?? '';
	const message = error instanceof Error ? error.message : String(error);
	if (code === 'ECONNREFUSED') return new OutboundError('refused', message);
	if (DNS_CODES.has(code)) return new OutboundError('dns', message);
	return new OutboundError('network', message);
}

export function createOutbound(overrides: Partial<OutboundSettings> = {}): FetchOutbound {
	const settings: OutboundSettings = {
		timeoutMs: 10_000,
		allowHosts: [],
		userAgent: 'Jalons',
		maxRedirects: 5,
		perHostConcurrency: 2,
		hostPauseMs: 500,
		defaultMaxBodyBytes: 5 * 1024 * 1024,
		...overrides
	};
	const allowed = new Set(settings.allowHosts.map((h) => h.toLowerCase()));
	const gate = new HostGate(settings.perHostConcurrency, settings.hostPauseMs);

	function requestOnce(url: URL, method: 'HEAD' | 'GET', maxBodyBytes: number): Promise<Hop> {
		const hostname = url.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
		const guarded = !allowed.has(hostname);
		const literal = ipLiteral(hostname);
		// Node does not call `lookup` for an IP literal: check it here.
		if (guarded && literal && !isPublicAddress(literal)) {
			return Promise.reject(new OutboundError('private-address', `${literal} is not a public address`));
		}
		const lookup = (host: string, options: { all?: boolean; family?: number }, callback: (...args: unknown[]) => void) => {
			dns.lookup(host, { all: true, verbatim: true, family: options.family ?? 0 }, (error, addresses: LookupAddress[]) => {
				if (error) return callback(error);
				const refused = guarded ? addresses.find((a) => !isPublicAddress(a.address)) : undefined;
				if (refused) return callback(new OutboundError('private-address', `${host} resolves to ${refused.address}, not a public address`));
				if (addresses.length === 0) return callback(Object.assign(new Error(`${host}: no address`), { code: 'ENOTFOUND' }));
				// Connect to what was checked: these very addresses, never a second resolution.
				if (options.all) callback(null, addresses);
				else callback(null, addresses[0]!.address, addresses[0]!.family);
			});
		};
		const transport = url.protocol === 'https:' ? https : http;
		return new Promise<Hop>((resolve, reject) => {
			let settled = false;
			const finish = (error: Error | null, hop?: Hop) => {
				if (settled) return;
				settled = true;
				clearTimeout(timer);
				if (error) reject(error);
				else resolve(hop!);
			};
			const request = transport.request(url, {
				method,
				agent: false,
				lookup: lookup as never,
				headers: { 'User-Agent': settings.userAgent, Accept: '*/*', 'Accept-Encoding': 'identity' }
			});
			const timer = setTimeout(() => {
				const error = new OutboundError('timeout', `no complete answer within ${settings.timeoutMs} ms`);
				finish(error);
				request.destroy(error);
			}, settings.timeoutMs);
			request.on('socket', (socket: Socket) => {
				socket.once('connect', () => {
					const remote = socket.remoteAddress ?? '';
					if (guarded && !isPublicAddress(remote)) {
						const error = new OutboundError('private-address', `connected to ${remote}, not a public address`);
						finish(error);
						request.destroy(error);
					}
				});
			});
			request.on('error', (error) => finish(failureFromError(error)));
			request.on('response', (response) => {
				const status = response.statusCode ?? 0;
				const location = response.headers.location ?? null;
				const contentType = response.headers['content-type'] ?? null;
				const done = (body: Buffer | null) => {
					finish(null, { status, location, contentType, body });
					request.destroy();
				};
				// A redirect's body, a HEAD answer's and a body nobody asked for are never read.
				if (method === 'HEAD' || maxBodyBytes === 0 || (REDIRECT_STATUSES.has(status) && location)) return done(null);
				const declared = Number(response.headers['content-length']);
				if (Number.isFinite(declared) && declared > maxBodyBytes) {
					const error = new OutboundError('too-large', `announced ${declared} bytes, more than ${maxBodyBytes}`);
					finish(error);
					request.destroy();
					return;
				}
				const chunks: Buffer[] = [];
				let size = 0;
				response.on('data', (chunk: Buffer) => {
					size += chunk.length;
					if (size > maxBodyBytes) {
						const error = new OutboundError('too-large', `more than ${maxBodyBytes} bytes`);
						finish(error);
						request.destroy();
						return;
					}
					chunks.push(chunk);
				});
				response.on('end', () => done(Buffer.concat(chunks)));
				response.on('error', (error) => finish(failureFromError(error)));
				response.on('close', () => {
					if (!response.complete) finish(new OutboundError('network', 'connection closed before the end of the body'));
				});
			});
			request.end();
		});
	}

	return async function fetchOutbound(url, options) {
		const redirects: OutboundRedirect[] = [];
		const maxBodyBytes = options.method === 'GET' ? (options.maxBodyBytes ?? settings.defaultMaxBodyBytes) : 0;
		// The method is kept across redirects: a checker's HEAD stays a HEAD, a feed's GET a GET (no body to resend).
		const method = options.method;
		let current: URL;
		try {
			current = new URL(url);
		} catch {
			return { ok: false, reason: 'scheme', finalUrl: url, redirects, message: 'not a valid absolute URL' };
		}
		for (;;) {
			const finalUrl = current.href;
			if (current.protocol !== 'http:' && current.protocol !== 'https:') {
				return { ok: false, reason: 'scheme', finalUrl, redirects, message: `${current.protocol} is neither http: nor https:` };
			}
			if (current.username || current.password) {
				return { ok: false, reason: 'scheme', finalUrl, redirects, message: 'credentials in the URL are refused' };
			}
			const host = current.host.toLowerCase();
			await gate.acquire(host);
			let hop: Hop;
			try {
				hop = await requestOnce(current, method, maxBodyBytes);
			} catch (error) {
				const failure = failureFromError(error);
				return { ok: false, reason: failure.reason, finalUrl, redirects, message: failure.message };
			} finally {
				gate.release(host);
			}
			if (!REDIRECT_STATUSES.has(hop.status) || !hop.location) {
				return { ok: true, status: hop.status, finalUrl, redirects, contentType: hop.contentType, body: hop.body };
			}
			if (redirects.length >= settings.maxRedirects) {
				return { ok: false, reason: 'too-many-redirects', status: hop.status, finalUrl, redirects, message: `more than ${settings.maxRedirects} redirects` };
			}
			redirects.push({ url: finalUrl, status: hop.status });
			try {
				current = new URL(hop.location, current);
			} catch {
				return { ok: false, reason: 'network', status: hop.status, finalUrl, redirects, message: 'redirect to an invalid URL' };
			}
		}
	};
}

let shared: FetchOutbound | undefined;

/** Outbound request with the instance's settings (JALONS_OUTBOUND_*, ORIGIN in the user agent). */
export const fetchOutbound: FetchOutbound = (url, options) => {
	if (!shared) {
		const settings = config();
		shared = createOutbound({
			timeoutMs: settings.outboundTimeoutMs,
			allowHosts: settings.outboundAllowHosts,
			userAgent: `Jalons (+${publicOrigin(settings)})`
		});
	}
	return shared(url, options);
};
