import type { RequestHandler } from './$types';
import { requestDb } from '$lib/server/db/request';
import { getRound } from '$lib/server/domain/reports/view';
import { reportParams } from '$lib/server/forms/report-params';
import { fileName, roundCsv } from '$lib/server/domain/reports/export';
import { cachedResponse } from '$lib/server/http/cache';
import { notFound } from '$lib/server/http/not-found';

export const GET: RequestHandler = async ({ params, request, locals }) => {
	const { slug, id } = reportParams(params, locals.locale);
	const view = await getRound(await requestDb(), null, slug, id);
	if (!view) notFound(locals.locale);
	return cachedResponse(request, roundCsv(view), {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8; header=present',
			'Content-Disposition': `attachment; filename="${fileName(view, 'csv')}"`,
			'Access-Control-Allow-Origin': '*'
		}
	});
};
