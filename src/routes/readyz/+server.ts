import type { RequestHandler } from './$types';
import { checkReadiness } from '$lib/server/db/readiness';

/** Readiness: the database answers and every migration is applied; 503 otherwise. */
export const GET: RequestHandler = async () => {
	const { ready, reason } = await checkReadiness();
	return new Response(JSON.stringify(ready ? { status: 'ready' } : { status: 'not ready', reason }), {
		status: ready ? 200 : 503,
		headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' }
	});
};
