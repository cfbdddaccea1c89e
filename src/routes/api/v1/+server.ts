import type { RequestHandler } from './$types';
import { apiJson, apiRoute } from '$lib/server/api/respond';
import { publicOrigin } from '$lib/server/config';

export const GET: RequestHandler = apiRoute(async ({ request }) => {
	const at = (path: string) => new URL(path, publicOrigin()).href;
	return apiJson(request, { data: { links: { openapi: at('/api/v1/openapi.json'), plans: at('/api/v1/plans'), owners: at('/api/v1/owners') } } });
});
