import type { RequestHandler } from './$types';
import { apiJson, apiRoute } from '$lib/server/api/respond';
import { measureNotFound, measureNumber, planSlug } from '$lib/server/api/params';
import { getMeasureResource } from '$lib/server/api/resources';
import { requestDb } from '$lib/server/db/request';
import { publicOrigin } from '$lib/server/config';

export const GET: RequestHandler = apiRoute(async ({ params, request }) => {
	const slug = planSlug(params.slug);
	const number = measureNumber(params.number);
	const measure = await getMeasureResource(await requestDb(), slug, number, publicOrigin());
	if (!measure) throw measureNotFound(slug, number);
	return apiJson(request, { data: measure });
});
