import type { RequestHandler } from './$types';

/** Liveness: the process answers. It does not touch the database (a database outage is not a reason to restart). */
export const GET: RequestHandler = () =>
	new Response(JSON.stringify({ status: 'ok' }), {
		headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' }
	});
