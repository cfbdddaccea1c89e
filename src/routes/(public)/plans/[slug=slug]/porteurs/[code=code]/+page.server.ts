import type { PageServerLoad } from './$types';
import { requestDb } from '$lib/server/db/request';
import { getOwnerPageForRequest } from '$lib/server/domain/time-travel/list-at';
import { PUBLIC_PAGE_CACHE_CONTROL } from '$lib/server/http/cache';
import { requestedDate } from '$lib/server/http/travel-date';
import { notFound } from '$lib/server/http/not-found';

export const load: PageServerLoad = async ({ params, url, locals, setHeaders }) => {
	// `?date=` shows the team's measures as they stood that day; a value that is not a day is a bad request.
	const date = requestedDate(url, locals.locale);
	// Out-of-range days are explained on the page (validation/time-travel.ts).
	const found = await getOwnerPageForRequest(await requestDb(), params.slug, params.code, date);
	if (!found) notFound(locals.locale);
	setHeaders({ 'Cache-Control': PUBLIC_PAGE_CACHE_CONTROL });
	return found;
};
