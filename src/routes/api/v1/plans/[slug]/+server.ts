import type { RequestHandler } from './$types';
import { apiJson, apiRoute } from '$lib/server/api/respond';
import { planNotFound, planSlug } from '$lib/server/api/params';
import { getPlanResource } from '$lib/server/api/resources';
import { requestDb } from '$lib/server/db/request';
import { publicOrigin } from '$lib/server/config';

export const GET: RequestHandler = apiRoute(async ({ params, request }) => {
	const slug = planSlug(params.slug);
	const resource = await getPlanResource(await requestDb(), slug, publicOrigin());
	if (!resource) throw planNotFound(slug);
	return apiJson(request, { data: resource });
});
