import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { feedResponse } from '$lib/server/feeds/respond';
import { messages } from '$lib/i18n';

export const GET: RequestHandler = ({ params, request, url, locals }) => {
	if (!/^[1-9]\d{0,2}$/.test(params.n)) error(404, messages(locals.locale).notFound.title);
	return feedResponse(request, url, params.slug, { kind: 'axis', number: Number(params.n) }, locals.locale);
};
