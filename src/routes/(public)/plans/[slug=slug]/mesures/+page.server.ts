import type { PageServerLoad } from './$types';
import { requestDb } from '$lib/server/db/request';
import { LIST_PAGE_SIZE } from '$lib/server/domain/measures/list';
import { publicModels } from '$lib/server/read-models/instance';
import { dropUnknownChoices, filterEntries, hasFilters, parseMeasureFilters } from '$lib/server/validation/measure-filters';
import { requestedDate } from '$lib/server/http/travel-date';
import { PUBLIC_PAGE_CACHE_CONTROL } from '$lib/server/http/cache';
import { notFound } from '$lib/server/http/not-found';
import { renderedOnServer } from '$lib/render/unhydrated';

export const load: PageServerLoad = async ({ params, url, locals, setHeaders, isDataRequest }) => {
	// `?date=` shows the list as it stood that day; a value that is not a day at all is a bad request.
	const date = requestedDate(url, locals.locale);
	let parsed = parseMeasureFilters(url.searchParams);
	const db = await requestDb();
	// Out-of-range days are explained on the page (validation/time-travel.ts).
	let found = await publicModels.list(db, params.slug, parsed.filters, { page: parsed.page, perPage: LIST_PAGE_SIZE }, date);
	if (!found) notFound(locals.locale);
	// The plan's axes and teams are only known once it is loaded: an address naming none of them is
	// read again without that filter (a second read only for such addresses).
	const known = dropUnknownChoices(parsed, found.list);
	if (known) {
		parsed = known;
		found = await publicModels.list(db, params.slug, parsed.filters, { page: parsed.page, perPage: LIST_PAGE_SIZE }, date);
		if (!found) notFound(locals.locale);
	}
	const { filters, ignored } = parsed;
	// Signed-in visitors get `private, no-store` from the authenticate hook, which runs after this.
	setHeaders({ 'Cache-Control': PUBLIC_PAGE_CACHE_CONTROL });
	return renderedOnServer({ isDataRequest }, { ...found, filters, ignored, filtered: hasFilters(filters), keep: filterEntries(filters) });
};
