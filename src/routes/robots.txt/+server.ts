import type { RequestHandler } from './$types';
import { publicOrigin } from '$lib/server/config';

export const GET: RequestHandler = () =>
	new Response(`User-agent: *\nAllow: /\nDisallow: /compte\nDisallow: /admin\nSitemap: ${publicOrigin()}/sitemap.xml\n`, {
		headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'public, max-age=3600' }
	});
