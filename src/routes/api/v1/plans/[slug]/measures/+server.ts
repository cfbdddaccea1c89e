import type { RequestHandler } from './$types';
import { apiJson, apiRoute } from '$lib/server/api/respond';
import { planNotFound, planSlug } from '$lib/server/api/params';
import { linkHeader, parsePageRequest } from '$lib/server/api/pagination';
import { getMeasurePageResource } from '$lib/server/api/resources';
import { requestDb } from '$lib/server/db/request';
import { publicOrigin } from '$lib/server/config';

export const GET: RequestHandler = apiRoute(async ({ params, request, url }) => {
	const slug = planSlug(params.slug);
	const pageRequest = parsePageRequest(url.searchParams);
	const page = await getMeasurePageResource(await requestDb(), slug, publicOrigin(), pageRequest);
	if (!page) throw planNotFound(slug);
	return apiJson(request, page, { Link: linkHeader(url, page.meta), 'X-Total-Count': String(page.meta.total) });
});
