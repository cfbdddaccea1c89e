import type { RequestHandler } from './$types';
import { apiJson, apiRoute } from '$lib/server/api/respond';

export const GET: RequestHandler = apiRoute(async ({ request, url }) => {
	const at = (path: string) => new URL(path, url.origin).href;
	return apiJson(request, { data: { links: { openapi: at('/api/v1/openapi.json'), plans: at('/api/v1/plans'), owners: at('/api/v1/owners') } } });
});
