// Preloaded into the benchmarked server (`node --import ./bench/query-tap.mjs build/index.js`) when
// QUERY_TAP_PORT is set: counts the SQL statements the `pg` driver sends and answers that count (and
// the time spent waiting for them) on a tiny HTTP server of its own, so that the benchmark can tell
// how many round trips a real request costs, hooks and layouts included. Never used in production.
import { createServer } from 'node:http';
import pg from 'pg';

const port = Number(process.env.QUERY_TAP_PORT);
if (port) {
	let queries = 0;
	let waitingMs = 0;
	// CPU of the whole server process since the last reset: the figure that the machine's load moves least.
	let cpuFrom = process.cpuUsage();
	const log = process.env.QUERY_TAP_LOG === '1' ? [] : null;
	// Called below with the client as `this`, as pg itself calls it.
	// eslint-disable-next-line @typescript-eslint/unbound-method
	const query = pg.Client.prototype.query;
	pg.Client.prototype.query = function (...args) {
		queries++;
		const started = performance.now();
		const text = typeof args[0] === 'string' ? args[0] : args[0]?.text;
		const result = query.apply(this, args);
		const done = () => {
			const ms = performance.now() - started;
			waitingMs += ms;
			log?.push(`${ms.toFixed(2)} ms  ${String(text).replace(/\s+/g, ' ').slice(0, 240)}`);
		};
		if (result && typeof result.then === 'function') void result.then(done, done);
		else log?.push(`?  ${String(text).replace(/\s+/g, ' ').slice(0, 240)}`);
		return result;
	};
	createServer((req, res) => {
		const cpu = process.cpuUsage(cpuFrom);
		const body = JSON.stringify({ queries, waitingMs, cpuMs: (cpu.user + cpu.system) / 1000, log });
		if (req.url === '/reset') {
			queries = 0;
			waitingMs = 0;
			cpuFrom = process.cpuUsage();
			if (log) log.length = 0;
		}
		res.writeHead(200, { 'content-type': 'application/json' });
		res.end(body);
	})
		.listen(port, '127.0.0.1')
		// Never what keeps the server alive after its shutdown.
		.unref();
}
