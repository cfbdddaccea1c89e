import type { RequestHandler } from './$types';
import { feedResponse } from '$lib/server/feeds/respond';
import { notFound } from '$lib/server/http/not-found';

export const GET: RequestHandler = ({ params, request, url, locals }) => {
	if (!/^[1-9]\d{0,2}$/.test(params.n)) notFound(locals.locale);
	return feedResponse(request, url, params.slug, { kind: 'axis', number: Number(params.n) }, locals.locale);
};
