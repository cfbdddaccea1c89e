// A local HTTP server for outbound-request tests (link checks, feeds): each path is one behaviour,
// and the server records what it saw (headers, concurrency, bytes sent) for the assertions.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HttpTarget {
	origin: string;
	port: number;
	/** Most requests handled at the same time, per path prefix (`/slow`…). */
	peak: Map<string, number>;
	/** Request headers received, by path. */
	seen: Map<string, http.IncomingHttpHeaders>;
	/** Bytes written by the huge-body routes before the client went away. */
	hugeBytesSent: { value: number };
	/** Extra routes: return true when handled. */
	routes: ((req: http.IncomingMessage, res: http.ServerResponse) => boolean)[];
	close(): Promise<void>;
}

/**
 * The outbound client's timeout in these tests: `/never` waits for it, and every other path must
 * answer within it even on a loaded 2-core machine (300 ms did not: a 200 was once stored as a timeout).
 */
export const ANSWER_TIMEOUT_MS = 2_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startHttpTarget(): Promise<HttpTarget> {
	const active = new Map<string, number>();
	const peak = new Map<string, number>();
	const seen = new Map<string, http.IncomingHttpHeaders>();
	const hugeBytesSent = { value: 0 };
	const routes: HttpTarget['routes'] = [];
	const sockets = new Set<import('node:net').Socket>();
	let origin = '';
	const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
		const url = new URL(req.url ?? '/', origin);
		const path = url.pathname;
		seen.set(path, req.headers);
		const bucket = '/' + (path.split('/')[1] ?? '');
		active.set(bucket, (active.get(bucket) ?? 0) + 1);
		peak.set(bucket, Math.max(peak.get(bucket) ?? 0, active.get(bucket)!));
		res.on('close', () => active.set(bucket, active.get(bucket)! - 1));
		for (const route of routes) if (route(req, res)) return;
		const status = /^\/status\/(\d{3})$/.exec(path);
		if (status) {
			res.writeHead(Number(status[1]), { 'Content-Type': 'text/plain', 'Set-Cookie': 'tracker=1; Path=/' });
			return res.end(req.method === 'HEAD' ? undefined : `status ${status[1]}`);
		}
		const chain = /^\/chain\/(\d+)\/(\d{3})$/.exec(path);
		if (chain) {
			// /chain/N/code: N redirects with `code`, then 200.
			const left = Number(chain[1]);
			if (left === 0) {
				res.writeHead(200, { 'Content-Type': 'text/html' });
				return res.end('<p>arrived</p>');
			}
			res.writeHead(Number(chain[2]), { Location: `/chain/${left - 1}/${chain[2]}` });
			return res.end();
		}
		if (path === '/redirect') {
			res.writeHead(302, { Location: url.searchParams.get('to') ?? '/' });
			return res.end();
		}
		if (path === '/head-refused') {
			if (req.method === 'HEAD') {
				res.writeHead(405);
				return res.end();
			}
			res.writeHead(200, { 'Content-Type': 'text/html' });
			return res.end('ok with GET');
		}
		if (path === '/never') return; // no answer: the client's timeout must fire
		if (path.startsWith('/slow')) {
			await sleep(Number(url.searchParams.get('ms') ?? 100));
			res.writeHead(200);
			return res.end('slow');
		}
		if (path === '/huge') {
			// Streams until the client goes away, without announcing a length.
			res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
			const chunk = Buffer.alloc(64 * 1024, 120);
			let open = true;
			res.on('close', () => (open = false));
			while (open && hugeBytesSent.value < 200 * 1024 * 1024) {
				hugeBytesSent.value += chunk.length;
				if (!res.write(chunk))
					await new Promise<void>((resolve) => {
						const done = () => {
							res.off('drain', done).off('close', done);
							resolve();
						};
						res.on('drain', done).on('close', done);
					});
			}
			return res.end();
		}
		if (path === '/huge-declared') {
			res.writeHead(200, { 'Content-Length': String(100 * 1024 * 1024) });
			return res.write(Buffer.alloc(1024));
		}
		res.writeHead(200, { 'Content-Type': 'text/plain' });
		res.end(req.method === 'HEAD' ? undefined : 'hello');
	};
	const server = http.createServer((req, res) => void handle(req, res));
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	origin = `http://127.0.0.1:${port}`;
	return {
		origin,
		port,
		peak,
		seen,
		hugeBytesSent,
		routes,
		close: () =>
			new Promise<void>((resolve) => {
				for (const socket of sockets) socket.destroy();
				server.close(() => resolve());
			})
	};
}

/** A port nothing listens on (bound then released). */
export async function closedPort(): Promise<number> {
	const server = http.createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	await new Promise<void>((resolve) => server.close(() => resolve()));
	return port;
}
