import type { RequestHandler } from './$types';
import { requestDb } from '$lib/server/db/request';
import { publicPaths } from '$lib/server/domain/sitemap';

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export const GET: RequestHandler = async ({ url }) => {
	const paths = await publicPaths(await requestDb());
	const body =
		'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
		paths.map((path) => `  <url><loc>${escapeXml(new URL(path, url.origin).href)}</loc></url>`).join('\n') +
		'\n</urlset>\n';
	return new Response(body, {
		headers: { 'Content-Type': 'application/xml; charset=utf-8', 'Cache-Control': 'public, max-age=300, s-maxage=3600' }
	});
};
