import type { RequestHandler } from './$types';
import { cachedResponse } from '$lib/server/http/cache';
import { loadFile, parseFileName } from '$lib/server/opendata/files';
import { requestDb } from '$lib/server/db/request';
import { notFound } from '$lib/server/http/not-found';
import { publicOrigin } from '$lib/server/config';

export const GET: RequestHandler = async ({ params, request, locals }) => {
	const file = parseFileName(params.file);
	if (!file) notFound(locals.locale);
	const rendered = await loadFile(await requestDb(), params.slug, file, publicOrigin());
	if (!rendered) notFound(locals.locale);
	// Public data, no credentials: any site may fetch it.
	return cachedResponse(request, rendered.body, { headers: { ...rendered.headers, 'Access-Control-Allow-Origin': '*' } });
};
