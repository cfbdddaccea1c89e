// The HTTP side of the feeds, shared by the plan, axis and measure routes.
import { cachedResponse } from '../http/cache';
import { requestDb } from '../db/request';
import type { Locale } from '../../i18n';
import { PARAM_PATTERNS } from '../../route-params';
import { buildFeed, type FeedScope } from './plan-feed';
import { notFound } from '../http/not-found';
import { publicOrigin } from '../config';

export async function feedResponse(request: Request, url: URL, slug: string, scope: FeedScope, locale: Locale): Promise<Response> {
	// The feed routes' matcher already checked it; kept for the handlers called directly.
	if (!PARAM_PATTERNS.slug.test(slug)) notFound(locale);
	const body = await buildFeed(await requestDb(), slug, scope, publicOrigin() + url.pathname, locale);
	if (body === null) notFound(locale);
	return cachedResponse(request, body, {
		headers: { 'Content-Type': 'application/atom+xml; charset=utf-8', 'Access-Control-Allow-Origin': '*' }
	});
}
