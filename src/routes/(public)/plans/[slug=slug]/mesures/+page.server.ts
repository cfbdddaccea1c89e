import type { PageServerLoad } from './$types';
import { requestDb } from '$lib/server/db/request';
import { LIST_PAGE_SIZE } from '$lib/server/domain/measures/list';
import { getMeasureListForRequest } from '$lib/server/domain/time-travel/list-at';
import { filterEntries, hasFilters, parseMeasureFilters } from '$lib/server/validation/measure-filters';
import { requestedDate } from '$lib/server/http/travel-date';
import { PUBLIC_PAGE_CACHE_CONTROL } from '$lib/server/http/cache';
import { notFound } from '$lib/server/http/not-found';

export const load: PageServerLoad = async ({ params, url, locals, setHeaders }) => {
	// `?date=` shows the list as it stood that day; a value that is not a day at all is a bad request.
	const date = requestedDate(url, locals.locale);
	const { filters, page, ignored } = parseMeasureFilters(url.searchParams);
	// Out-of-range days are explained on the page (validation/time-travel.ts).
	const found = await getMeasureListForRequest(await requestDb(), params.slug, filters, { page, perPage: LIST_PAGE_SIZE }, date);
	if (!found) notFound(locals.locale);
	// Signed-in visitors get `private, no-store` from the authenticate hook, which runs after this.
	setHeaders({ 'Cache-Control': PUBLIC_PAGE_CACHE_CONTROL });
	return { ...found, filters, ignored, filtered: hasFilters(filters), keep: filterEntries(filters) };
};
