import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { cachedResponse } from '$lib/server/http/cache';
import { loadFile, parseFileName } from '$lib/server/opendata/files';
import { SLUG } from '$lib/server/api/params';
import { requestDb } from '$lib/server/db/request';
import { messages } from '$lib/i18n';
import { publicOrigin } from '$lib/server/config';

export const GET: RequestHandler = async ({ params, request, locals }) => {
	const file = parseFileName(params.file);
	const slug = SLUG.safeParse(params.slug);
	if (!file || !slug.success) error(404, messages(locals.locale).notFound.title);
	const rendered = await loadFile(await requestDb(), slug.data, file, publicOrigin());
	if (!rendered) error(404, messages(locals.locale).notFound.title);
	// Public data, no credentials: any site may fetch it.
	return cachedResponse(request, rendered.body, { headers: { ...rendered.headers, 'Access-Control-Allow-Origin': '*' } });
};
