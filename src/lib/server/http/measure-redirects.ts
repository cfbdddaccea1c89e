// Old measure numbers answer 301 to the current one (a measure moved to another axis keeps its old
// URLs working): the public page and its sub-pages (its badge too), its embedding card, the edit
// pages and the measure's feed, in either language, query string kept. Only a GET or HEAD that the routes answered 404 costs a query, so
// pages that exist pay nothing; a form posted to an old URL stays a 404 (a redirect would drop it).
import type { Handle } from '@sveltejs/kit';
import { db } from '../db/instance';
import { currentNumberOf } from '../domain/plans/structure';
import { log } from '../log';

const NUMBER = String.raw`\d{1,3}(?:\.\d{1,3}){0,2}`;
const PAGE = new RegExp(String.raw`^(/en)?((?:/integrer)?/plans/([a-z0-9-]{1,120})/mesures/)(${NUMBER})(/[^?#]*)?$`);
const FEED = new RegExp(String.raw`^(/flux/([a-z0-9-]{1,120})/mesures/)(${NUMBER})(\.atom)$`);

/** The plan, the number and how to rebuild the path with another number; null for other paths. */
export function measurePath(pathname: string): { slug: string; number: string; withNumber: (n: string) => string } | null {
	const page = PAGE.exec(pathname);
	if (page) {
		const [, lang = '', head, slug, number, tail = ''] = page;
		return { slug: slug!, number: number!, withNumber: (n) => `${lang}${head}${n}${tail}` };
	}
	const feed = FEED.exec(pathname);
	if (feed) {
		const [, head, slug, number, tail] = feed;
		return { slug: slug!, number: number!, withNumber: (n) => `${head}${n}${tail}` };
	}
	return null;
}

export const measureRedirects: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	if (response.status !== 404 || (event.request.method !== 'GET' && event.request.method !== 'HEAD')) return response;
	const path = measurePath(event.url.pathname);
	if (!path) return response;
	try {
		const number = await currentNumberOf(await db(), path.slug, path.number);
		if (!number) return response;
		return new Response(null, { status: 301, headers: { Location: path.withNumber(number) + event.url.search, 'Cache-Control': 'public, max-age=300' } });
	} catch (error) {
		// The 404 stands when the database cannot say (it is down: the page itself would have said 503).
		log('warn', 'measure redirect lookup failed', { error: error instanceof Error ? error.message : String(error) });
		return response;
	}
};
