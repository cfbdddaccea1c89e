import type { RequestHandler } from './$types';
import { requestDb } from '$lib/server/db/request';
import { publicPaths } from '$lib/server/domain/plans/sitemap';
import { LOCALES } from '$lib/i18n';
import { DEFAULT_LOCALE, localizeHref } from '$lib/i18n/routing';
import { publicOrigin } from '$lib/server/config';

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export const GET: RequestHandler = async () => {
	const paths = await publicPaths(await requestDb());
	const href = (path: string, locale: (typeof LOCALES)[number]) => escapeXml(new URL(localizeHref(path, locale), publicOrigin()).href);
	// Each page in each language, with its alternates (Google's sitemap form of hreflang).
	const entry = (path: string, locale: (typeof LOCALES)[number]) =>
		`  <url><loc>${href(path, locale)}</loc>` +
		LOCALES.map((l) => `<xhtml:link rel="alternate" hreflang="${l}" href="${href(path, l)}"/>`).join('') +
		`<xhtml:link rel="alternate" hreflang="x-default" href="${href(path, DEFAULT_LOCALE)}"/></url>`;
	const body =
		'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n' +
		paths.flatMap((path) => LOCALES.map((locale) => entry(path, locale))).join('\n') +
		'\n</urlset>\n';
	return new Response(body, {
		headers: { 'Content-Type': 'application/xml; charset=utf-8', 'Cache-Control': 'public, max-age=300, s-maxage=3600' }
	});
};
