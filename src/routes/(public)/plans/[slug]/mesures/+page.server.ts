import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { requestDb } from '$lib/server/db/request';
import { LIST_PAGE_SIZE, listMeasures } from '$lib/server/domain/measure-list';
import { hasFilters, parseMeasureFilters } from '$lib/server/validation/measure-filters';
import { SLUG } from '$lib/server/api/params';
import { PUBLIC_PAGE_CACHE_CONTROL } from '$lib/server/http/cache';
import { messages } from '$lib/i18n';

export const load: PageServerLoad = async ({ params, url, locals, setHeaders }) => {
	const slug = SLUG.safeParse(params.slug);
	if (!slug.success) error(404, messages(locals.locale).notFound.title);
	const { filters, page, ignored } = parseMeasureFilters(url.searchParams);
	const list = await listMeasures(await requestDb(), slug.data, filters, undefined, { page, perPage: LIST_PAGE_SIZE });
	if (!list) error(404, messages(locals.locale).notFound.title);
	// Signed-in visitors get `private, no-store` from the authenticate hook, which runs after this.
	setHeaders({ 'Cache-Control': PUBLIC_PAGE_CACHE_CONTROL });
	return { list, filters, ignored, filtered: hasFilters(filters) };
};
