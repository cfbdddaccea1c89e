import type { RequestHandler } from './$types';
import { fileResponse } from '$lib/server/http/cache';
import { openFile, parseFileName } from '$lib/server/opendata/files';
import { requestDb } from '$lib/server/db/request';
import { notFound } from '$lib/server/http/not-found';
import { publicOrigin } from '$lib/server/config';

export const GET: RequestHandler = async ({ params, request, locals }) => {
	const file = parseFileName(params.file);
	if (!file) notFound(locals.locale);
	const opened = await openFile(await requestDb(), params.slug, file, publicOrigin());
	if (!opened) notFound(locals.locale);
	// Public data, no credentials: any site may fetch it.
	return fileResponse(request, opened, { ...opened.headers, 'Access-Control-Allow-Origin': '*' });
};
