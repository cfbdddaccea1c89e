import type { RequestHandler } from './$types';
import { apiJson, apiRoute } from '$lib/server/api/respond';
import { planNotFound, planSlug } from '$lib/server/api/params';
import { linkHeader, paginate, parsePageRequest } from '$lib/server/api/pagination';
import { getPlanResource } from '$lib/server/api/resources';
import { requestDb } from '$lib/server/db/request';

export const GET: RequestHandler = apiRoute(async ({ params, request, url }) => {
	const slug = planSlug(params.slug);
	const pageRequest = parsePageRequest(url.searchParams);
	const resource = await getPlanResource(await requestDb(), slug, url.origin);
	if (!resource) throw planNotFound(slug);
	const { data, meta } = paginate(resource.measures, pageRequest);
	return apiJson(request, { data, meta }, { Link: linkHeader(url, meta), 'X-Total-Count': String(meta.total) });
});
