import type { RequestHandler } from './$types';
import { requestDb } from '$lib/server/db/request';
import { answerOembed } from '$lib/server/embed/oembed';
import { publicOrigin } from '$lib/server/config';
import { cachedResponse } from '$lib/server/http/cache';

// Page addresses are compared with ORIGIN, never with the request's Host: a forged header must not
// make another site's address look like one of ours.
export const GET: RequestHandler = async ({ url, request, locals }) => {
	const answer = await answerOembed(await requestDb(), Object.fromEntries(url.searchParams), publicOrigin(), locals.locale);
	const headers = { 'Content-Type': 'application/json; charset=utf-8', 'Access-Control-Allow-Origin': '*' };
	if (answer.status !== 200) return new Response(JSON.stringify({ error: answer.message }), { status: answer.status, headers: { ...headers, 'Cache-Control': 'no-store' } });
	return cachedResponse(request, JSON.stringify(answer.body), { headers });
};
