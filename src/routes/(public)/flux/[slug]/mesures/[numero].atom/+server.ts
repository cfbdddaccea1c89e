import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { feedResponse } from '$lib/server/feeds/respond';
import { MEASURE_NUMBER } from '$lib/server/api/params';
import { messages } from '$lib/i18n';

export const GET: RequestHandler = ({ params, request, url, locals }) => {
	if (!MEASURE_NUMBER.safeParse(params.numero).success) error(404, messages(locals.locale).notFound.title);
	return feedResponse(request, url, params.slug, { kind: 'measure', number: params.numero }, locals.locale);
};
