// The HTTP side of the feeds, shared by the plan, axis and measure routes.
import { error } from '@sveltejs/kit';
import { cachedResponse } from '../http/cache';
import { requestDb } from '../db/request';
import { messages, type Locale } from '../../i18n';
import { buildFeed, type FeedScope } from './plan-feed';
import { publicOrigin } from '../config';

export async function feedResponse(request: Request, url: URL, slug: string, scope: FeedScope, locale: Locale): Promise<Response> {
	if (!/^[a-z0-9-]{1,120}$/.test(slug)) error(404, messages(locale).notFound.title);
	const body = await buildFeed(await requestDb(), slug, scope, publicOrigin() + url.pathname, locale);
	if (body === null) error(404, messages(locale).notFound.title);
	return cachedResponse(request, body, {
		headers: { 'Content-Type': 'application/atom+xml; charset=utf-8', 'Access-Control-Allow-Origin': '*' }
	});
}
